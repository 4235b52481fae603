"""`infohub-tui serve` answers a browser on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytest.importorskip("textual_serve", reason="the web extra is not installed")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_on_loopback() -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "infohub_tui", "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        page = ""
        deadline = time.monotonic() + 30  # an upper bound for start-up, not a timing assertion
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    assert response.status == 200
                    page = response.read().decode()
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert "infohub-tui" in page, (
            server.stderr.read().decode() if server.stderr and server.poll() is not None else page[:500]
        )
        assert "/ws" in page or "websocket" in page.lower()
    finally:
        server.terminate()
        server.wait(timeout=10)
