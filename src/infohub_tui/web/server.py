"""`infohub-tui serve`: the reader in web browsers, one app process per visitor.

Built on textual-serve's browser client (its page and JavaScript) with its own
server side, because the stock one leaks: it starts each app through a shell,
never kills it, and passes the browser's first resize on while the app is still
starting, which sends Textual's screen into an endless layout loop (a core at
100 %, the quit message never read). Here:

- each visitor's app is started directly, in its own process group, with its own
  temporary state directory (bookmarks, read marks, theme are the visitor's
  alone and vanish with the session; the server user's state file is never
  touched);
- resizes from the browser wait until the app has drawn its first frame;
- when the visitor leaves (at any moment, start-up included) the app is asked to
  quit, then terminated, then killed, each after a short grace period;
- stopping the server (SIGTERM, SIGINT) ends every session the same way;
- at most `max_sessions` apps run at once; the next visitor gets a page saying so;
- it listens on loopback unless told otherwise, and warns when it is not.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiohttp import web

# Each session is a Python process of 60-80 MB that takes a second of CPU to start.
SESSIONS_PER_CORE = 2
QUIT_GRACE_SECONDS = 2.0  # after asking the app to quit, before SIGTERM
TERM_GRACE_SECONDS = 2.0  # after SIGTERM, before SIGKILL
MAX_TERMINAL_SIZE = 1000
# The first frame the app draws starts by moving the cursor; everything before it sets modes.
_FIRST_FRAME = re.compile(rb"\x1b\[\d+;\d+H")
_PRELUDE = b"__GANGLION__\n"  # what Textual's web driver writes before its packets


class ServeError(Exception):
    """Why the server cannot start, as one line."""


def default_max_sessions() -> int:
    return max(2, SESSIONS_PER_CORE * (os.cpu_count() or 1))


def _looks_like_ipv4(host: str) -> bool:
    return bool(re.fullmatch(r"[0-9.]+", host))


def listening_socket(host: str, port: int) -> socket.socket:
    """Bind and listen, or raise ServeError saying why in one line."""
    if _looks_like_ipv4(host):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            raise ServeError(f"cannot serve on {host}: not an IPv4 address") from None
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (socket.gaierror, UnicodeError) as error:
        reason = error.strerror if isinstance(error, socket.gaierror) else str(error)
        raise ServeError(f"cannot serve on {host}: {reason}") from None
    listener = socket.socket(family, kind, proto)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(128)
    except OSError as error:
        listener.close()
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    listener.setblocking(False)
    return listener


def is_loopback(listener: socket.socket) -> bool:
    host = listener.getsockname()[0]
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url(listener: socket.socket) -> str:
    host, port = listener.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


@dataclass(frozen=True)
class ServeOptions:
    app_arguments: tuple[str, ...]  # passed to each visitor's `python -m infohub_tui.cli.served`
    max_sessions: int
    title: str = "infohub-tui"


def _textual_serve_files() -> tuple[Path, Path]:
    import textual_serve

    base = Path(textual_serve.__file__).parent
    return base / "templates", base / "static"


def busy_page(limit: int) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>infohub-tui: busy</title>"
        "<meta http-equiv='refresh' content='30'></head>"
        "<body style='background:#0c181f;color:#e0e0e0;font-family:monospace;padding:3em'>"
        "<h1>infohub-tui is busy</h1>"
        f"<p>All {limit} reading places are in use. This page tries again every 30 seconds.</p>"
        "</body></html>"
    )


def _busy_text(limit: int) -> bytes:
    return f"infohub-tui is busy: all {limit} reading places are in use. Reload in a minute.\r\n".encode()


class Session:
    """One visitor: a websocket, and the app process that draws into it."""

    def __init__(self, websocket: web.WebSocketResponse, options: ServeOptions) -> None:
        self.websocket = websocket
        self.options = options
        self.process: asyncio.subprocess.Process | None = None
        self.state_dir: Path | None = None
        self.ready = False  # the app has drawn its first frame
        self.pending_size: tuple[int, int] | None = None

    # The app process ------------------------------------------------------

    def _environment(self, width: int, height: int, state_dir: Path) -> dict[str, str]:
        from importlib.metadata import version

        environment = dict(os.environ)
        for variable in ("LINES", "TEXTUAL"):
            environment.pop(variable, None)
        environment.update(
            {
                "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
                "TEXTUAL_FPS": "60",
                "TEXTUAL_COLOR_SYSTEM": "truecolor",
                "TERM_PROGRAM": "textual",
                "TERM_PROGRAM_VERSION": version("textual-serve"),
                "COLUMNS": str(width),
                "ROWS": str(height),
                "INFOHUB_TUI_STATE_DIR": str(state_dir),
                "INFOHUB_TUI_SERVER_PID": str(os.getpid()),
            }
        )
        return environment

    async def start(self, width: int, height: int) -> None:
        self.state_dir = Path(tempfile.mkdtemp(prefix="infohub-tui-session-"))
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "infohub_tui.cli.served",
            *self.options.app_arguments,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env=self._environment(width, height, self.state_dir),
            start_new_session=True,  # its own process group: everything it starts ends with it
        )

    def _send(self, kind: bytes, payload: bytes) -> bool:
        process = self.process
        if process is None or process.stdin is None or process.stdin.is_closing():
            return False
        try:
            process.stdin.write(kind + len(payload).to_bytes(4, "big") + payload)
        except (ConnectionError, RuntimeError):
            return False
        return True

    def _send_meta(self, meta: dict[str, object]) -> bool:
        return self._send(b"M", json.dumps(meta).encode())

    def _resize(self, width: int, height: int) -> None:
        if self.ready:
            self._send_meta({"type": "resize", "width": width, "height": height})
        else:
            self.pending_size = (width, height)

    def _signal(self, signal_number: int) -> None:
        process = self.process
        if process is None or process.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal_number)

    async def _wait(self, seconds: float) -> bool:
        process = self.process
        if process is None:
            return True
        try:
            await asyncio.wait_for(process.wait(), seconds)
        except TimeoutError:
            return False
        return True

    async def stop(self) -> None:
        """Ask the app to quit; terminate it, then kill it, if it does not."""
        if self.process is None:
            return
        self._send_meta({"type": "quit"})
        for grace, then in ((QUIT_GRACE_SECONDS, signal.SIGTERM), (TERM_GRACE_SECONDS, signal.SIGKILL)):
            if await self._wait(grace):
                break
            print(
                f"infohub-tui: the reader (pid {self.process.pid}) did not end within {grace:.0f} s;"
                f" sending {signal.Signals(then).name}",
                file=sys.stderr,
                flush=True,
            )
            self._signal(then)
        await self._wait(TERM_GRACE_SECONDS)
        self._signal(signal.SIGKILL)  # anything the app left in its process group

    def kill_now(self) -> None:
        """The last resort, synchronous (a cancelled handler cannot await)."""
        self._signal(signal.SIGKILL)
        self.remove_state()

    def remove_state(self) -> None:
        if self.state_dir is not None:
            shutil.rmtree(self.state_dir, ignore_errors=True)

    # Relaying --------------------------------------------------------------

    async def from_app(self) -> None:
        """Relay the app's packets to the browser until the app's output ends."""
        assert self.process is not None and self.process.stdout is not None
        stdout = self.process.stdout
        try:
            for _ in range(10):
                line = await stdout.readline()
                if not line or line == _PRELUDE:
                    break
            while True:
                header = await stdout.readexactly(5)
                payload = await stdout.readexactly(int.from_bytes(header[1:], "big"))
                kind = header[:1]
                if kind == b"D":
                    await self._to_browser(payload)
                elif kind == b"M":
                    await self._app_meta(payload)
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass

    async def _to_browser(self, payload: bytes) -> None:
        if not self.ready and _FIRST_FRAME.search(payload):
            self.ready = True
            if self.pending_size is not None:
                self._resize(*self.pending_size)
        if not self.websocket.closed:
            await self.websocket.send_bytes(payload)

    async def _app_meta(self, payload: bytes) -> None:
        meta = json.loads(payload)
        if not isinstance(meta, dict):
            return
        if meta.get("type") == "exit":
            await self.websocket.close()
        elif meta.get("type") == "open_url" and not self.websocket.closed:
            url = meta.get("url")
            await self.websocket.send_str(
                json.dumps(["open_url", {"url": url, "new_tab": meta.get("new_tab", True)}])
            )

    async def from_browser(self) -> None:
        """Relay keys, mouse and sizes from the browser until it goes away."""
        from aiohttp import WSMsgType

        async for message in self.websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], envelope[1]
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            if kind == "stdin" and isinstance(data, str):
                self._send(b"D", data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                self._resize(_size(data.get("width"), 80), _size(data.get("height"), 24))
            elif kind == "ping":
                await self.websocket.send_json(["pong", data])
            elif kind in ("blur", "focus"):
                self._send_meta({"type": kind})

    async def run(self, width: int, height: int) -> None:
        """The whole session; the app process is gone when this returns, however it returns."""
        try:
            await self.start(width, height)
            relays = [asyncio.ensure_future(self.from_app()), asyncio.ensure_future(self.from_browser())]
            try:
                await asyncio.wait(relays, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for relay in relays:
                    relay.cancel()
            await self.stop()
        finally:
            self.kill_now()


def _size(value: object, default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, 1), MAX_TERMINAL_SIZE)


class ReaderServer:
    """The aiohttp application: the page, the websocket, and the sessions behind them."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.sessions: set[Session] = set()
        self.templates, self.statics = _textual_serve_files()

    @property
    def full(self) -> bool:
        return len(self.sessions) >= self.options.max_sessions

    def make_app(self) -> web.Application:
        from aiohttp import web

        app = web.Application()
        app.add_routes(
            [
                web.get("/", self.index),
                web.get("/ws", self.websocket),
                web.static("/static", self.statics),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def index(self, request: web.Request) -> web.Response:
        from aiohttp import web

        if self.full:
            return web.Response(
                text=busy_page(self.options.max_sessions),
                status=503,
                content_type="text/html",
                headers={"Retry-After": "30"},
            )
        import jinja2

        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.templates), autoescape=True, enable_async=False
        )
        scheme = "wss" if request.secure else "ws"
        font_size = _size(request.query.get("fontsize", "16"), 16)
        static_url = f"{request.scheme}://{request.host}/static/"
        page = environment.get_template("app_index.html").render(
            font_size=font_size,
            app_websocket_url=f"{scheme}://{request.host}/ws",
            config={"static": {"url": static_url}},
            application={"name": self.options.title},
        )
        from infohub_tui.web.page import offline_page  # its font from here, not from the web

        return web.Response(text=offline_page(page, static_url), content_type="text/html")

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        from aiohttp import web

        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if self.full:
            await websocket.send_bytes(_busy_text(self.options.max_sessions))
            await websocket.close()
            return websocket
        session = Session(websocket, self.options)
        self.sessions.add(session)
        try:
            await session.run(_size(request.query.get("width"), 80), _size(request.query.get("height"), 24))
        finally:
            self.sessions.discard(session)
            if not websocket.closed:
                with contextlib.suppress(Exception):
                    await websocket.close()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """The server is stopping: end every session (closing its websocket ends its relay)."""
        sessions = list(self.sessions)
        await asyncio.gather(*(session.websocket.close() for session in sessions), return_exceptions=True)
        await asyncio.gather(*(session.stop() for session in sessions), return_exceptions=True)

    def kill_all(self) -> None:
        for session in list(self.sessions):
            session.kill_now()


def serve(listener: socket.socket, options: ServeOptions) -> None:
    """Serve until SIGTERM or SIGINT; every app process has ended when this returns."""
    from aiohttp import web

    server = ReaderServer(options)
    if not is_loopback(listener):
        print(
            f"infohub-tui: warning: {listener.getsockname()[0]} is not loopback: anyone who can reach it "
            "can run the reader on this machine",
            file=sys.stderr,
            flush=True,
        )
    print(
        f"infohub-tui: serving on {_url(listener)} (at most {options.max_sessions} readers at once)",
        flush=True,
    )
    try:
        web.run_app(
            server.make_app(),
            sock=listener,
            print=None,
            handle_signals=True,
            shutdown_timeout=QUIT_GRACE_SECONDS + 2 * TERM_GRACE_SECONDS + 1,
            access_log=None,
        )
    finally:
        server.kill_all()


def app_arguments(content: Path | None, lang: str | None) -> tuple[str, ...]:
    arguments: list[str] = []
    if content is not None:
        arguments += ["--content", str(content.resolve())]
    if lang is not None:
        arguments += ["--lang", lang]
    return tuple(arguments)


def run(host: str, port: int, max_sessions: int, arguments: Sequence[str]) -> None:
    """Bind (raising ServeError with one line), then serve."""
    listener = listening_socket(host, port)
    serve(listener, ServeOptions(tuple(arguments), max_sessions))
