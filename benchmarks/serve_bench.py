"""What one visitor can cost `serve` (issue 26): memory under a flood of keys, connections held.

    python -m benchmarks.serve_bench [--flood-mb 150] [--slow 1000]

1. Flood: each of 1 and then 5 visitors sends `--flood-mb` MB of keys (256 KiB frames) as
   fast as loopback takes them, right after connecting, while its app is still starting and
   reads none; the server's peak RSS above its idle RSS is printed, in all and per visitor.
2. Slow clients: `--slow` connections each send half a request's headers and then nothing;
   printed are the descriptors the server holds while they wait, how many are still open
   after the header timeout (2 s here), and whether a visitor's page loads meanwhile.

Loopback only; the numbers are measurements, not assertions (BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import socket
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import AbstractContextManager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import aiohttp  # noqa: E402
from tests.helpers import write_bundle  # noqa: E402
from tests.serving import Served, serving, visit, wait_until_gone  # noqa: E402

FRAME = json.dumps(["stdin", "x" * (256 * 1024 - 64)])


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def descriptors(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


class Peak:
    """The highest RSS of a process, sampled every 20 ms in a thread."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.running = pid, rss(pid), True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss(self.pid))
            time.sleep(0.02)

    def stop(self) -> int:
        self.running = False
        self.thread.join()
        return self.peak


async def flood(served: Served, visitors: int, megabytes: int) -> tuple[int, float]:
    """Peak RSS growth of the server and the seconds the flood took."""
    idle = rss(served.process.pid)
    peak = Peak(served.process.pid)
    frames = megabytes * 4
    started = time.monotonic()
    async with aiohttp.ClientSession() as session:
        guests = [await visit(session, served) for _ in range(visitors)]

        async def send(guest_index: int) -> None:
            for _ in range(frames):
                await guests[guest_index].websocket.send_str(FRAME)

        await asyncio.gather(*(send(index) for index in range(visitors)))
        seconds = time.monotonic() - started
        await asyncio.sleep(1.0)
        apps = served.app_processes()
        for guest in guests:
            await guest.websocket.close()
    wait_until_gone(apps, 60)
    return peak.stop() - idle, seconds


def slow_clients(served: Served, count: int, header_timeout: float) -> tuple[int, int, int, bool]:
    """Descriptors before and while `count` slow clients wait, those open after the timeout,
    and whether a page loaded while they waited."""
    host, port = served.url.removeprefix("http://").rstrip("/").split(":")
    before = descriptors(served.process.pid)
    held = []
    for _ in range(count):
        connection = socket.create_connection((host, int(port)), timeout=30)
        connection.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        held.append(connection)
    time.sleep(0.3)
    during = descriptors(served.process.pid)
    try:
        with urllib.request.urlopen(served.url, timeout=10) as response:
            page_loaded = response.status == 200
    except OSError:
        page_loaded = False
    time.sleep(header_timeout + 1.5)
    still_open = 0
    for connection in held:
        connection.setblocking(False)
        try:
            still_open += connection.recv(1) != b""
        except BlockingIOError:
            still_open += 1
        except OSError:
            pass
        connection.close()
    return before, during, still_open, page_loaded


async def main(arguments: list[str]) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--flood-mb", type=int, default=150, help="MB of keys each visitor sends")
    options.add_argument("--slow", type=int, default=1000, help="slow clients to open")
    options.add_argument(
        "--defaults",
        action="store_true",
        help="run `infohub-tui serve` with its own defaults (header timeout 10 s), as older versions can",
    )
    args = options.parse_args(arguments)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, args.slow + 256)), hard))
    with tempfile.TemporaryDirectory() as directory:
        content = write_bundle(Path(directory) / "content")
        settings = {"quit_grace": 2.0, "term_grace": 5.0, "header_timeout": 2.0, "max_sessions": 5.0}
        header_timeout = 10.0 if args.defaults else settings["header_timeout"]

        def server() -> AbstractContextManager[Served]:  # a fresh one per measurement
            return serving("--content", str(content), options=None if args.defaults else settings)

        for visitors in (1, 5):
            with server() as served:
                if visitors == 1:
                    idle_rss, idle_fds = rss(served.process.pid), descriptors(served.process.pid)
                    print(f"server idle: {idle_rss / 1e6:.0f} MB RSS, {idle_fds} fds")
                megabytes = args.flood_mb if visitors == 1 else max(args.flood_mb // visitors, 1)
                grown, seconds = await flood(served, visitors, megabytes)
                print(
                    f"flood: {visitors} visitor(s) x {megabytes} MB in {seconds:.1f} s:"
                    f" server peak +{grown / 1e6:.1f} MB ({grown / visitors / 1e6:.1f} MB per visitor)"
                )
        with server() as served:
            before, during, still_open, page_loaded = slow_clients(served, args.slow, header_timeout)
            print(
                f"slow clients: {args.slow} half-sent requests: server fds {before} -> {during};"
                f" {still_open} still open {header_timeout + 1.5:g} s later (header timeout {header_timeout:g} s);"
                f" a page loaded meanwhile: {page_loaded}"
            )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
