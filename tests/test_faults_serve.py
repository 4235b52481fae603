"""`serve` under fire (issue 26): what one visitor can cost is bounded, and nothing ends in a traceback.

Findings reproduced: 135 of 200 visitors leaving before the first frame left 133 tracebacks;
585 MB of keystrokes took the server from 42 to 615 MB; ~1,100 connections that never
finished their headers exhausted the file descriptors and wrote 6.4 MB of `accept()`
tracebacks in 7 s; a deeply nested JSON frame ended its sender's session. Every server here
is on loopback, with the timeouts and limits the test sets (tests/serve_process.py).
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import socket
import time
from pathlib import Path

import aiohttp
import pytest

from infohub_tui.web.downloads import CHUNK_SIZE, new_visitor
from infohub_tui.web.frames import MAX_FRAME_CHARS, Focus, Keys, Ping, Refused, Resize, read_frame
from infohub_tui.web.server import QuietAccept, ServeOptions, Session

from .helpers import write_bundle
from .serving import PATIENT, WAIT_LIMIT, Served, serving, visit, wait_until_gone

pytest.importorskip("textual_serve", reason="the web extra is not installed")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_bundle(tmp_path / "content")


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def stderr_of(served: Served) -> str:
    """Stop the server and return everything it wrote on stderr."""
    served.process.terminate()
    served.process.wait(timeout=WAIT_LIMIT)
    assert served.process.stderr is not None
    return served.process.stderr.read()


# Frames, read without a server -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('["stdin", "q"]', Keys("q")),
        ('["resize", {"width": 100000, "height": "x"}]', Resize(1000, 24)),
        ('["ping", "1"]', Ping("1")),
        ('["focus"]', Focus("focus")),
        ('["nothing we know", 1]', None),
    ],
)
def test_frames_the_browser_sends_are_read(text: str, expected: object) -> None:
    assert read_frame(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # a RecursionError in the JSON parser
        '{"a": ' * 50_000 + "1" + "}" * 50_000,
        "not json",
        "{}",
        "[]",
        "[1, 2]",
        '["stdin", "' + "x" * (MAX_FRAME_CHARS + 1) + '"]',
    ],
    ids=["nested-lists", "nested-objects", "not-json", "object", "empty", "no-kind", "too-large"],
)
def test_frames_that_cannot_be_read_are_refused_not_raised(text: str) -> None:
    assert isinstance(read_frame(text), Refused)


def test_running_out_of_descriptors_is_one_line_a_minute(capsys: pytest.CaptureFixture[str]) -> None:
    loop = asyncio.new_event_loop()
    try:
        quiet = QuietAccept(interval=60.0)
        error = OSError(24, "Too many open files")
        for _ in range(1000):
            quiet(loop, {"message": "socket.accept() out of system resource", "exception": error})
    finally:
        loop.close()
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "infohub-tui: cannot accept connections: Too many open files (1 time(s) so far); trying again every second"
    ]


class FakeWebsocket:
    closed = False

    def __init__(self) -> None:
        self.sent: list[bytes] = []

    async def send_bytes(self, data: bytes) -> None:
        self.sent.append(data)


@pytest.mark.unit
async def test_a_reader_that_cannot_be_started_is_one_line_and_a_message_to_its_visitor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    async def no_descriptors(*args: object, **kwargs: object) -> None:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(asyncio, "create_subprocess_exec", no_descriptors)
    websocket = FakeWebsocket()
    session = Session(websocket, ServeOptions((), 1))  # type: ignore[arg-type]
    await session.run(80, 24)
    assert websocket.sent == [b"infohub-tui cannot start a reader right now. Reload in a minute.\r\n"]
    assert (
        capsys.readouterr().err == "infohub-tui: cannot start a reader for a visitor: Too many open files\n"
    )
    assert session.state_dir is not None and not session.state_dir.exists()


class FullStdin:
    """An app's stdin (and its transport) with `waiting` bytes in its write buffer the app has not
    read; it answers each chunk request written to it as the app does, with the next of `chunks`."""

    def __init__(self, waiting: int, session: Session, chunks: list[bytes]) -> None:
        self.transport = self
        self.waiting = waiting
        self.session = session
        self.chunks = chunks
        self.written: list[dict[str, object]] = []

    def get_write_buffer_size(self) -> int:
        return self.waiting

    def is_closing(self) -> bool:
        return False

    def write(self, data: bytes) -> None:
        meta = json.loads(data[5:])  # b"M", the length, the JSON
        self.written.append(meta)
        if meta["type"] == "deliver_chunk_request" and self.chunks:
            chunk = self.chunks.pop(0)
            payload = b"ts13:deliver_chunks2:k1%d:%se" % (len(chunk), chunk)
            asyncio.get_running_loop().call_soon(self.session.deliveries.chunk_packet, payload)


class FakeProcess:
    pid = 4242
    returncode = None

    def __init__(self, stdin: FullStdin) -> None:
        self.stdin = stdin


@pytest.mark.unit
async def test_a_download_goes_on_while_more_input_than_the_limit_waits_for_the_app(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Past `max_pending_input` the visitor's keys and the browser's focus are dropped, but not the
    server's chunk requests: one dropped stalled its download for `CHUNK_TIMEOUT`, then cut it off."""
    visitor = new_visitor()
    session = Session(FakeWebsocket(), ServeOptions((), 1, max_pending_input=100), visitor)  # type: ignore[arg-type]
    stdin = FullStdin(101, session, [b"<svg>", b"</svg>", b""])
    session.process = FakeProcess(stdin)  # type: ignore[assignment]
    assert not session._send(b"D", b"q"), "a key past the limit is dropped"
    assert not session._send_meta({"type": "focus"}), "so is a meta of the browser's"
    meta: dict[str, object] = {"type": "deliver_file_start", "key": "k1", "path": "/tmp/shot.svg"}
    key = session.deliveries.offered({**meta, "open_method": "browser", "mime_type": "image/svg+xml"})
    assert key is not None
    delivery = session.deliveries.claim(key, visitor)
    assert delivery is not None
    written: list[bytes] = []

    async def write(data: bytes) -> None:
        written.append(data)

    assert await session.deliveries.stream(delivery, write) is True, "the download was cut off"
    assert written == [b"<svg>", b"</svg>"]
    request = {"type": "deliver_chunk_request", "key": "k1", "size": CHUNK_SIZE, "name": None}
    assert stdin.written == [request] * 3
    assert capsys.readouterr().err.splitlines() == [
        "infohub-tui: a visitor's input arrives faster than the reader (pid 4242) reads it;"
        " over 100 bytes waiting: the rest is dropped"
    ]


# Served ------------------------------------------------------------------------------


@pytest.mark.e2e
async def test_five_visitors_leaving_during_start_up_leave_no_app_and_no_traceback(
    content: Path, tmp_path: Path
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "TMPDIR": str(temporary)}
    with serving("--content", str(content), env=environment, options=PATIENT | {"max_sessions": 5}) as served:
        started: set[int] = set()

        async def leave_after(session: aiohttp.ClientSession, stay: float) -> None:
            visitor = await visit(session, served, 100, 30)
            await visitor.resize(100, 32)
            await visitor.read_for(stay)
            started.update(served.app_processes())
            await visitor.websocket.close()

        async with aiohttp.ClientSession() as session:
            await asyncio.gather(*(leave_after(session, stay) for stay in (0.0, 0.2, 0.4, 0.6, 0.8)))
        assert started, "no visit started an app"
        assert not wait_until_gone(started | served.app_processes(), WAIT_LIMIT)
        errors = stderr_of(served)
    assert "Traceback" not in errors and errors == "", errors
    assert not list(temporary.glob("infohub-tui-session-*")), "a session's state outlived it"


@pytest.mark.e2e
async def test_a_flood_of_keys_leaves_the_servers_memory_bounded(content: Path) -> None:
    """Keys sent while the app is still starting (it reads none yet): the server holds at most
    `max_pending_input` of them and drops the rest, saying so once; the session goes on."""
    chunk = "x" * (MAX_FRAME_CHARS - 64)
    frames = 200  # about 50 MB: three times the growth allowed below, at most WAIT_LIMIT seconds
    options = {"max_pending_input": 256.0 * 1024, "quit_grace": 1.0, "term_grace": WAIT_LIMIT}
    with serving("--content", str(content), options=options) as served:
        before = rss_bytes(served.process.pid)
        async with aiohttp.ClientSession() as session:
            visitor = await visit(session, served)
            frame = json.dumps(["stdin", chunk])
            deadline = time.monotonic() + WAIT_LIMIT
            for _ in range(frames):
                await visitor.websocket.send_str(frame)
                if time.monotonic() > deadline:
                    break
            await visitor.websocket.send_str(json.dumps(["ping", "after"]))
            pong = await visitor.websocket.receive(timeout=WAIT_LIMIT)
            while pong.type == aiohttp.WSMsgType.BINARY:  # the app's frames come first
                pong = await visitor.websocket.receive(timeout=WAIT_LIMIT)
            assert json.loads(pong.data) == ["pong", "after"], "the flood ended the session"
            grown = rss_bytes(served.process.pid) - before
            apps = served.app_processes()
            await visitor.websocket.close()
        assert not wait_until_gone(apps, 2 * WAIT_LIMIT)
        errors = stderr_of(served)
    assert grown < 16 * 1024 * 1024, f"the server grew by {grown / 1e6:.0f} MB for one visitor"
    assert errors.count("the rest is dropped") == 1, errors
    assert "Traceback" not in errors, errors


@pytest.mark.e2e
async def test_frames_the_server_cannot_read_are_refused_and_the_session_goes_on(content: Path) -> None:
    with serving("--content", str(content), options=PATIENT) as served:
        async with aiohttp.ClientSession() as session:
            visitor = await visit(session, served)
            await visitor.wait_for("Statements")
            for text in ("[" * 100_000 + "]" * 100_000, "x" * (MAX_FRAME_CHARS + 1), "{}", "not json"):
                await visitor.websocket.send_str(text)
            await visitor.send_keys("2")
            await visitor.wait_for("A question?")
            assert not visitor.websocket.closed
            apps = served.app_processes()
            await visitor.websocket.close()
        assert not wait_until_gone(apps, WAIT_LIMIT)
        errors = stderr_of(served)
    assert errors.count("refused") == 1 and "the session goes on" in errors, errors
    assert "Traceback" not in errors


@pytest.mark.e2e
def test_a_client_that_never_finishes_its_headers_is_closed_by_the_timeout(content: Path) -> None:
    with serving("--content", str(content), options=PATIENT | {"header_timeout": 1.0}) as served:
        host, port = served.url.removeprefix("http://").rstrip("/").split(":")
        slow = socket.create_connection((host, int(port)), timeout=WAIT_LIMIT)
        silent = socket.create_connection((host, int(port)), timeout=WAIT_LIMIT)
        try:
            slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never the empty line
            assert slow.recv(1024) == b"", "the server answered headers that never ended"
            assert silent.recv(1024) == b""
        finally:
            slow.close()
            silent.close()
        status, _page = http_get(served.url)
        assert status == 200  # the server goes on
        errors = stderr_of(served)
    assert "Traceback" not in errors


@pytest.mark.e2e
async def test_a_silent_websocket_is_closed_after_the_idle_timeout_and_its_app_ends(content: Path) -> None:
    with serving("--content", str(content), options=PATIENT | {"idle_timeout": 3.0}) as served:
        async with aiohttp.ClientSession() as session:
            visitor = await visit(session, served)
            await visitor.wait_for("Statements")
            apps = served.app_processes()
            await visitor.read_for(WAIT_LIMIT)  # until the server closes it
            assert visitor.websocket.closed, "the idle websocket is still open"
        assert not wait_until_gone(apps, WAIT_LIMIT)
        errors = stderr_of(served)
    assert "a visitor sent nothing for 3 s: closing the session" in errors
    assert "Traceback" not in errors


@pytest.mark.e2e
def test_running_out_of_file_descriptors_is_one_line_and_the_server_recovers(content: Path) -> None:
    """The server process gets 64 descriptors; 100 connections exhaust them, then go away."""

    def few_descriptors() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))

    with serving(
        "--content", str(content), options=PATIENT | {"header_timeout": 2.0}, before_start=few_descriptors
    ) as served:
        host, port = served.url.removeprefix("http://").rstrip("/").split(":")
        held = []
        for _ in range(100):
            held.append(socket.create_connection((host, int(port)), timeout=WAIT_LIMIT))
        time.sleep(3.0)  # asyncio retries accepting once a second
        for connection in held:
            connection.close()
        status = 0
        deadline = time.monotonic() + WAIT_LIMIT
        while status != 200 and time.monotonic() < deadline:
            status, _page = http_get(served.url)
        assert status == 200, "the server did not recover"
        errors = stderr_of(served)
    assert "Traceback" not in errors, errors[:2000]
    lines = [line for line in errors.splitlines() if "cannot accept connections" in line]
    assert len(lines) == 1, errors[:2000]


def http_get(url: str) -> tuple[int, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def test_the_installed_textual_serve_is_one_the_page_contract_was_tested_with() -> None:
    """pyproject pins textual-serve to the versions whose page (app_index.html, textual.js) and
    packet helper (AppService.encode_packet) web/server.py was tested with (issue 23)."""
    import tomllib
    from importlib.metadata import version

    from packaging.requirements import Requirement

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]
    pinned = [Requirement(text) for text in project["optional-dependencies"]["web"]]
    (serve,) = [requirement for requirement in pinned if requirement.name == "textual-serve"]
    assert serve.specifier.contains(version("textual-serve")), (serve, version("textual-serve"))
    assert not serve.specifier.contains("1.2.0"), "a minor release may change the page contract"
