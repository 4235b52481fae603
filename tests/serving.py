"""Helpers for the `serve` tests: a real server process, its app processes, a websocket visitor."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import aiohttp

WAIT_LIMIT = 30.0  # an upper bound for a slow machine, not a timing assertion
GONE_WITHIN = 10.0  # every app process must have ended this long after its visitor left


def children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is `pid`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and is_alive(int(entry.name)) and parent_of(int(entry.name)) == pid:
            found.add(int(entry.name))
    return found


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def parent_of(pid: int) -> int | None:
    fields = _stat(pid)
    return int(fields[1]) if fields else None


def is_alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used so far."""
    fields = _stat(pid)
    assert fields is not None, f"process {pid} is gone"
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_gone(pids: set[int], limit: float = GONE_WITHIN) -> set[int]:
    """Wait (bounded) for every pid to end; the ones still running."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        alive = {pid for pid in pids if is_alive(pid)}
        if not alive:
            return set()
        time.sleep(0.1)
    return {pid for pid in pids if is_alive(pid)}


class Served:
    """`infohub-tui serve` in a subprocess, on a free port."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "ws"

    def app_processes(self) -> set[int]:
        return children(self.process.pid)


REPOSITORY = Path(__file__).parent.parent
# Grace periods no loaded machine runs out of: an app that needs them longer is really stuck.
PATIENT: dict[str, float] = {"quit_grace": WAIT_LIMIT, "term_grace": WAIT_LIMIT}


@contextmanager
def serving(
    *arguments: str,
    env: dict[str, str] | None = None,
    options: Mapping[str, float] | None = None,
    before_start: Callable[[], None] | None = None,
) -> Iterator[Served]:
    """`infohub-tui serve` on a free port; with `options` (ServeOptions' fields: grace periods,
    timeouts, limits), the same server started with them (tests/serve_process.py), `arguments`
    then being the app's; `before_start` runs in the server's process before it starts (limits)."""
    if options is None:
        command = [sys.executable, "-m", "infohub_tui", "serve", "--port", "0", *arguments]
    else:
        command = [sys.executable, "-m", "tests.serve_process", json.dumps(options), *arguments]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPOSITORY,
        preexec_fn=before_start,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"serving on (http://\S+/)", line)
        assert match, f"no banner: {line!r} {process.stderr.read() if process.stderr else ''}"
        yield Served(process, match.group(1))
    finally:
        started = children(process.pid)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=WAIT_LIMIT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for pid in wait_until_gone(started, 1.0):
            os.kill(pid, 9)


class Visitor:
    """A browser's side of the websocket, without the browser."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self.received = bytearray()

    async def send_keys(self, keys: str) -> None:
        await self.websocket.send_str(json.dumps(["stdin", keys]))

    async def resize(self, width: int, height: int) -> None:
        await self.websocket.send_str(json.dumps(["resize", {"width": width, "height": height}]))

    async def read_for(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = await self.websocket.receive(timeout=left)
            except TimeoutError:
                return
            if message.type == aiohttp.WSMsgType.BINARY:
                self.received.extend(message.data)
                self.on_binary(message.data)
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.on_text(message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                return

    def on_binary(self, data: bytes) -> None:
        """A frame of the app's output, after it is added to `received`; for a subclass to read."""

    def on_text(self, data: str) -> None:
        """A text message of the server's (a delivery's key); for a subclass to read."""

    async def wait_for(self, text: str, limit: float = WAIT_LIMIT) -> None:
        deadline = time.monotonic() + limit
        while text.encode() not in self.received and time.monotonic() < deadline:
            await self.read_for(0.2)
            if self.websocket.closed:
                break
        assert text.encode() in self.received, f"{text!r} never arrived: {bytes(self.received[-500:])!r}"


async def visit(
    session: aiohttp.ClientSession, served: Served, width: int = 100, height: int = 30
) -> Visitor:
    websocket = await session.ws_connect(f"{served.ws_url}?width={width}&height={height}")
    return Visitor(websocket)
