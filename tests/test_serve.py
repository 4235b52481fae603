"""`infohub-tui serve`: one app per visitor, gone when the visitor leaves or the server stops."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the web extra is not installed")

import aiohttp

from .helpers import write_bundle
from .serving import GONE_WITHIN, PATIENT, WAIT_LIMIT, serving, visit, wait_until_gone


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_bundle(tmp_path / "content")


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_serve_answers_on_loopback(content: Path) -> None:
    with serving("--content", str(content)) as served:
        assert served.url.startswith("http://127.0.0.1:")
        status, page = get(served.url)
        assert status == 200
        assert "infohub-tui" in page
        assert f"{served.ws_url}" in page
        status, script = get(served.url + "static/js/textual.js")
        assert status == 200 and "WebSocket" in script


@pytest.mark.parametrize("stay", [0.0, 0.1, 0.3, 0.6, 1.0])
async def test_a_visitor_leaving_at_any_moment_of_start_up_leaves_no_app(
    content: Path, tmp_path: Path, stay: float
) -> None:
    """A browser resizes the terminal as soon as it has laid out the page; the stock server passed
    that on while the app was starting, and the app spun in a layout loop forever, deaf to quit.

    Asserted is what a user sees, whatever the machine's load (issue 25): no app left, no state
    left, nothing on the server's stderr. The grace periods are long (PATIENT): "did not end"
    would mean an app really stuck, not a slow start; one that has not drawn yet is terminated
    at once, and ends quietly."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "TMPDIR": str(temporary)}
    with serving("--content", str(content), env=environment, options=PATIENT) as served:
        async with aiohttp.ClientSession() as session:
            visitor = await visit(session, served, 111, 34)
            await visitor.resize(111, 38)
            await visitor.read_for(stay)
            started = served.app_processes()
            await visitor.websocket.close()
        assert not wait_until_gone(started | served.app_processes(), WAIT_LIMIT), "an app outlived its visit"
        served.process.terminate()
        served.process.wait(timeout=WAIT_LIMIT)
        assert served.process.stderr is not None
        assert served.process.stderr.read() == ""
    assert not list(temporary.glob("infohub-tui-session-*")), "a session's state outlived it"


async def test_the_app_is_drawn_and_answers_keys(content: Path) -> None:
    with serving("--content", str(content)) as served:
        async with aiohttp.ClientSession() as session:
            visitor = await visit(session, served, 100, 30)
            await visitor.resize(100, 32)
            await visitor.wait_for("Statements")
            await visitor.send_keys("2")
            await visitor.wait_for("A question?")
            await visitor.websocket.close()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
async def test_stopping_the_server_ends_every_app(content: Path, stop: signal.Signals) -> None:
    with serving("--content", str(content)) as served:
        async with aiohttp.ClientSession() as session:
            visitors = [await visit(session, served) for _ in range(2)]
            for visitor in visitors:
                await visitor.wait_for("Statements")
            apps = served.app_processes()
            assert len(apps) == 2
            served.process.send_signal(stop)
            await asyncio.to_thread(served.process.wait, GONE_WITHIN)
        assert served.process.returncode == 0
        assert served.process.stderr is not None and "Traceback" not in served.process.stderr.read()
        assert not wait_until_gone(apps)


async def test_visitors_have_their_own_state_and_leave_the_server_users_alone(
    content: Path, tmp_path: Path, isolated_user_dirs: Path
) -> None:
    server_state = isolated_user_dirs / "state" / "state.json"
    server_state.parent.mkdir(parents=True)
    server_state.write_text(json.dumps({"bookmarks": [], "theme": "nord"}))
    before = server_state.read_bytes()
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with serving("--content", str(content), env={**os.environ, "TMPDIR": str(temporary)}) as served:
        async with aiohttp.ClientSession() as session:
            first = await visit(session, served)
            await first.wait_for("A statement")
            await first.send_keys("m")
            await first.wait_for("★")
            assert len(list(temporary.glob("infohub-tui-session-*/state.json"))) == 1
            second = await visit(session, served)
            await second.wait_for("A statement")
            await second.read_for(0.5)
            assert "★".encode() not in second.received, "the second visitor sees the first one's bookmark"
            apps = served.app_processes()
            for visitor in (first, second):
                await visitor.websocket.close()
        assert not wait_until_gone(apps)
    assert server_state.read_bytes() == before
    assert not list(temporary.glob("infohub-tui-session-*")), "a session's state outlived it"


async def test_the_next_visitor_past_the_limit_gets_a_busy_page(content: Path) -> None:
    with serving("--content", str(content), "--max-sessions", "1") as served:
        async with aiohttp.ClientSession() as session:
            first = await visit(session, served)
            await first.wait_for("Statements")
            status, page = await asyncio.to_thread(get, served.url)
            assert status == 503
            assert "All 1 reading places are in use" in page
            second = await visit(session, served)
            await second.read_for(2.0)
            assert b"infohub-tui is busy" in second.received
            assert second.websocket.closed
            assert len(served.app_processes()) == 1
            apps = served.app_processes()
            await first.websocket.close()
            assert not wait_until_gone(apps)
            status, _page = await asyncio.to_thread(get, served.url)
            assert status == 200


def serve_error(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infohub_tui", "serve", *arguments],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_a_busy_port_is_one_line_and_no_banner() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve_error("--port", str(port))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"infohub-tui serve: cannot listen on 127.0.0.1:{port}: Address already in use\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--port", "99999"), "argument --port: '99999' is not a port number (0-65535)"),
        (("--port", "-1"), "argument --port: '-1' is not a port number (0-65535)"),
        (("--host", "999.1.1.1"), "cannot serve on 999.1.1.1: not an IPv4 address"),
        (("--max-sessions", "0"), "argument --max-sessions: '0' is not a whole number of at least 1"),
    ],
)
def test_bad_addresses_are_one_line(arguments: tuple[str, ...], message: str) -> None:
    result = serve_error(*arguments)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].endswith(message)


def test_serving_beyond_loopback_warns(content: Path) -> None:
    with serving("--content", str(content), "--host", "0.0.0.0") as served:
        served.process.terminate()
        served.process.wait(timeout=30)
        assert served.process.stderr is not None
        assert "warning: 0.0.0.0 is not loopback" in served.process.stderr.read()
