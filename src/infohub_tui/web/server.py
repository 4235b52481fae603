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
- when the visitor leaves the app is asked to quit, then terminated, then killed,
  each after a grace period; an app that has not drawn its first frame cannot read
  the quit message yet and is terminated at once (it ends quietly: `ui/quitting.py`);
  "did not end" is said only when an app outlives its grace;
- stopping the server (SIGTERM, SIGINT) ends every session the same way;
- at most `max_sessions` apps run at once; the next visitor gets a page saying so;
- it listens on loopback unless told otherwise, and warns when it is not.

What one visitor can cost is bounded (issue 26): input waiting for the app is held to
`max_pending_input` bytes, the excess dropped (a download's chunk requests never) and said once
per session; a frame over its size, or JSON too deep to parse, is refused without ending the
session (`frames.py`); a connection that has not sent its request headers within `header_timeout`
is closed, and so is a websocket silent for `idle_timeout`; when the process runs out of file
descriptors, accepting pauses with one line a minute instead of a traceback per attempt.

Files the app delivers (the palette's "Screenshot") reach the visitor's browser from
`/download/{key}`: keys random, the session's own and its visitor's, fetched once, gone with the
session; at most `max_downloads` wait per session, each at most `max_download_bytes` (`downloads.py`).
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
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from infohub_tui.web import downloads
from infohub_tui.web.frames import (
    MAX_FRAME_CHARS,
    Focus,
    Keys,
    Ping,
    Refused,
    Resize,
    read_frame,
    terminal_size,
)

if TYPE_CHECKING:
    from aiohttp import web

# Each session is a Python process of 60-80 MB that takes a second of CPU to start.
SESSIONS_PER_CORE = 2
QUIT_GRACE_SECONDS = 5.0  # after asking the app to quit, before SIGTERM
TERM_GRACE_SECONDS = 5.0  # after SIGTERM, before SIGKILL
HEADER_TIMEOUT_SECONDS = 10.0  # for a request's headers (and an idle keep-alive connection)
IDLE_TIMEOUT_SECONDS = 3600.0  # a websocket with nothing from its browser this long is closed
MAX_PENDING_INPUT = 1024 * 1024  # bytes of input the app has not read yet
# aiohttp reads a frame whole before we see it: above this it ends the session (1009).
MAX_WEBSOCKET_MESSAGE = 16 * MAX_FRAME_CHARS
FD_WARNING_INTERVAL = 60.0  # seconds between two "out of file descriptors" lines
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
    quit_grace: float = QUIT_GRACE_SECONDS
    term_grace: float = TERM_GRACE_SECONDS
    header_timeout: float = HEADER_TIMEOUT_SECONDS
    idle_timeout: float = IDLE_TIMEOUT_SECONDS
    max_pending_input: int = MAX_PENDING_INPUT
    max_downloads: int = downloads.MAX_DOWNLOADS  # per session, waiting to be fetched
    max_download_bytes: int = downloads.MAX_DOWNLOAD_BYTES


def say(text: str) -> None:
    """One line on the server's stderr."""
    print(f"infohub-tui: {text}", file=sys.stderr, flush=True)


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


def _unavailable_text() -> bytes:
    return b"infohub-tui cannot start a reader right now. Reload in a minute.\r\n"


class Session:
    """One visitor: a websocket, and the app process that draws into it."""

    def __init__(self, websocket: web.WebSocketResponse, options: ServeOptions, visitor: str = "") -> None:
        self.websocket = websocket
        self.options = options
        limits = (say, options.max_downloads, options.max_download_bytes)
        ask = partial(self._send_meta, limited=False)  # a chunk request dropped would stall its download
        self.deliveries = downloads.Deliveries(visitor or downloads.new_visitor(), ask, *limits)
        self.process: asyncio.subprocess.Process | None = None
        self.state_dir: Path | None = None
        self.ready = False  # the app has drawn its first frame
        self.pending_size: tuple[int, int] | None = None
        self.dropped_input = 0  # bytes of input dropped: the app had not read what came before
        self.refused = 0  # frames refused
        self.last_heard = 0.0  # the event loop's time of the browser's last message

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

    def _send(self, kind: Literal[b"D", b"M"], payload: bytes, limited: bool = True) -> bool:
        """Write one packet to the app; a `limited` one is dropped, and said once a session, when more
        than `max_pending_input` bytes wait for the app already (it is starting, or busy)."""
        from textual_serve.app_service import AppService

        process = self.process
        if process is None or process.stdin is None or process.stdin.is_closing():
            return False
        if limited and process.stdin.transport.get_write_buffer_size() > self.options.max_pending_input:
            self.dropped_input += len(payload)
            if self.dropped_input == len(payload):
                say(
                    f"a visitor's input arrives faster than the reader (pid {process.pid}) reads it;"
                    f" over {self.options.max_pending_input:,} bytes waiting: the rest is dropped"
                )
            return False
        try:
            process.stdin.write(AppService.encode_packet(kind, payload))
        except (ConnectionError, RuntimeError):
            return False
        return True

    def _send_meta(self, meta: dict[str, object], limited: bool = True) -> bool:
        return self._send(b"M", json.dumps(meta).encode(), limited)

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
        """End the app: ask it to quit if it has drawn (before that it cannot read the message yet),
        else terminate it at once; terminate, then kill it, if it outlives its grace."""
        process = self.process
        if process is None:
            return
        options = self.options
        if self.ready and self._send_meta({"type": "quit"}):
            if await self._wait(options.quit_grace):
                self._signal(signal.SIGKILL)  # anything the app left in its process group
                return
            say(
                f"the reader (pid {process.pid}) did not end within {options.quit_grace:g} s of being"
                " asked to quit; sending SIGTERM"
            )
        self._signal(signal.SIGTERM)
        if not await self._wait(options.term_grace):
            say(
                f"the reader (pid {process.pid}) did not end within {options.term_grace:g} s of SIGTERM; sending SIGKILL"
            )
            self._signal(signal.SIGKILL)
            await self._wait(options.term_grace)
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
                elif kind == b"P":
                    self.deliveries.chunk_packet(payload)
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
        elif meta.get("type") == "deliver_file_start":
            key = self.deliveries.offered(meta)
            if key is not None and not self.websocket.closed:  # textual.js opens /download/{key}
                await self.websocket.send_str(json.dumps(["deliver_file_start", key]))

    async def from_browser(self) -> None:
        """Relay keys, mouse and sizes from the browser until it goes away or is silent for
        `idle_timeout`; a frame that cannot be read is refused (said once), not the session."""
        from aiohttp import WSMsgType

        loop = asyncio.get_running_loop()
        async for message in self.websocket:
            self.last_heard = loop.time()
            if message.type == WSMsgType.TEXT:
                await self._from_browser(read_frame(message.data))

    async def idle_watch(self) -> None:
        """Return once the browser has sent nothing for `idle_timeout` (the connection may be alive:
        aiohttp's heartbeat closes only one whose other end no longer answers)."""
        loop = asyncio.get_running_loop()
        self.last_heard = loop.time()
        while (left := self.last_heard + self.options.idle_timeout - loop.time()) > 0:
            await asyncio.sleep(left)
        say(f"a visitor sent nothing for {self.options.idle_timeout:g} s: closing the session")

    async def _from_browser(self, frame: object) -> None:
        if isinstance(frame, Keys):
            self._send(b"D", frame.text.encode("utf-8", "replace"))
        elif isinstance(frame, Resize):
            self._resize(frame.width, frame.height)
        elif isinstance(frame, Ping):
            await self.websocket.send_json(["pong", frame.data])
        elif isinstance(frame, Focus):
            self._send_meta({"type": frame.kind})
        elif isinstance(frame, Refused):
            self.refused += 1
            if self.refused == 1:
                say(f"refused {frame.why} from a visitor (said once a session); the session goes on")

    async def run(self, width: int, height: int) -> None:
        """The whole session; the app process is gone when this returns, however it returns."""
        try:
            try:
                await self.start(width, height)
            except OSError as error:  # out of descriptors or processes: this visitor, not the server
                say(f"cannot start a reader for a visitor: {error.strerror or error}")
                if not self.websocket.closed:
                    await self.websocket.send_bytes(_unavailable_text())
                return
            relays = [
                asyncio.ensure_future(relay)
                for relay in (self.from_app(), self.from_browser(), self.idle_watch())
            ]
            try:
                await asyncio.wait(relays, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for relay in relays:
                    relay.cancel()
                self.deliveries.close()  # the visitor has left: their downloads end with them
                await asyncio.gather(*relays, return_exceptions=True)
            await self.stop()
        finally:
            self.kill_now()


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
                web.get("/download/{key}", self.download, allow_head=False),  # a HEAD would use it up
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
        font_size = terminal_size(request.query.get("fontsize", "16"), 16)
        static_url = f"{request.scheme}://{request.host}/static/"
        page = environment.get_template("app_index.html").render(
            font_size=font_size,
            app_websocket_url=f"{scheme}://{request.host}/ws",
            config={"static": {"url": static_url}},
            application={"name": self.options.title},
        )
        from infohub_tui.web.page import offline_page  # its font from here, not from the web

        response = web.Response(text=offline_page(page, static_url), content_type="text/html")
        if downloads.visitor_of(request) is None:  # who may fetch the downloads of the sessions it opens
            downloads.remember_visitor(response, downloads.new_visitor())
        return response

    async def download(self, request: web.Request) -> web.StreamResponse:
        return await downloads.download(request, [session.deliveries for session in self.sessions])

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        from aiohttp import web

        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_WEBSOCKET_MESSAGE)
        visitor = downloads.visitor_of(request)
        if visitor is None:  # not from the page (which sets it): the handshake's answer does
            visitor = downloads.new_visitor()
            downloads.remember_visitor(websocket, visitor)
        await websocket.prepare(request)
        if self.full:
            await websocket.send_bytes(_busy_text(self.options.max_sessions))
            await websocket.close()
            return websocket
        session = Session(websocket, self.options, visitor)
        self.sessions.add(session)
        try:
            await session.run(
                terminal_size(request.query.get("width"), 80), terminal_size(request.query.get("height"), 24)
            )
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


class QuietAccept:
    """The event loop's exception handler: running out of file descriptors (or memory for a
    socket) while accepting is one line a minute, not a traceback per attempt; asyncio pauses
    accepting for a second and tries again by itself. Everything else goes to the default."""

    def __init__(self, interval: float = FD_WARNING_INTERVAL) -> None:
        self.interval = interval
        self.said_at: float | None = None
        self.times = 0

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, OSError) and "accept" in str(context.get("message", "")):
            self.times += 1
            now = loop.time()
            if self.said_at is None or now - self.said_at >= self.interval:
                self.said_at = now
                say(
                    f"cannot accept connections: {error.strerror or error}"
                    f" ({self.times} time(s) so far); trying again every second"
                )
            return
        loop.default_exception_handler(context)


def raise_file_limit(wanted: int = 65536) -> None:
    """Raise the soft limit of open files towards the hard one: each visitor holds a socket and
    two pipes, each waiting connection one socket."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        if soft != resource.RLIM_INFINITY and soft < target:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ImportError, ValueError, OSError):
        return


def serve(listener: socket.socket, options: ServeOptions) -> None:
    """Serve until SIGTERM or SIGINT; every app process has ended when this returns."""
    from aiohttp import web

    server = ReaderServer(options)
    if not is_loopback(listener):
        say(
            f"warning: {listener.getsockname()[0]} is not loopback: anyone who can reach it "
            "can run the reader on this machine"
        )
    print(
        f"infohub-tui: serving on {_url(listener)} (at most {options.max_sessions} readers at once)",
        flush=True,
    )
    raise_file_limit()
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(QuietAccept())
    try:
        web.run_app(
            server.make_app(),
            sock=listener,
            print=None,
            handle_signals=True,
            shutdown_timeout=options.quit_grace + 2 * options.term_grace + 1,
            # Before its first request a connection gets this long for its headers; aiohttp
            # closes it then if they have not all come (slow clients held ~1,100 descriptors).
            keepalive_timeout=options.header_timeout,
            access_log=None,
            loop=loop,
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
