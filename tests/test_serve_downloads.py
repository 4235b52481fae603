"""Issue 23: under `serve`, a file the app delivers (the palette's screenshot) reaches its visitor's
browser from `/download/{key}`, and no one else's: a wrong, used, stale or another visitor's key
is a 404 (`web/downloads.py`).

A real server in a subprocess and websocket visitors without a browser (tests/serving.py); each
visitor has its own cookie jar, as each browser has. The screen is read through a VT emulator, so
that Enter is pressed only once the palette shows the one command asked for."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the web extra is not installed")

import aiohttp
import pyte

from infohub_tui.web.downloads import CHUNK_SIZE

from .helpers import write_bundle
from .serving import WAIT_LIMIT, Served, Visitor, serving, wait_until_gone

pytestmark = pytest.mark.e2e

WIDTH, HEIGHT = 160, 50  # a screenshot of this is more than one chunk (64 Ki characters)
OTHER_COMMAND = "Choose a colour theme"  # in the palette until it is filtered


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_bundle(tmp_path / "content")


class ScreenVisitor(Visitor):
    """A visitor who reads the screen, and the text messages (deliveries) the server sends."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse, http: aiohttp.ClientSession) -> None:
        super().__init__(websocket)
        self.http = http
        self.screen = pyte.Screen(WIDTH, HEIGHT)
        self.stream = pyte.ByteStream(self.screen)
        self.messages: list[list[object]] = []

    async def pump(self, seconds: float = 0.2) -> None:
        await self.read_for(seconds)

    def on_binary(self, data: bytes) -> None:
        self.stream.feed(data)

    def on_text(self, data: str) -> None:
        self.messages.append(json.loads(data))

    def text(self) -> str:
        return "\n".join(self.screen.display)

    async def until(self, shown: str, hidden: str = "\0") -> None:
        deadline = time.monotonic() + WAIT_LIMIT
        while not (shown in self.text() and hidden not in self.text()) and time.monotonic() < deadline:
            await self.pump()
            assert not self.websocket.closed, "the session ended"
        assert shown in self.text() and hidden not in self.text(), self.text()

    async def screenshot(self) -> str:
        """Take a screenshot with the palette, as a user does; the download key the browser gets."""
        await self.until("Statements")
        await self.send_keys("\x10")  # ctrl+p
        await self.until("Search for commands and entries")
        await self.send_keys("screenshot")
        await self.until("Screenshot", hidden=OTHER_COMMAND)  # the list filtered to the one command
        before = len(self.messages)
        await self.send_keys("\r")
        deadline = time.monotonic() + WAIT_LIMIT
        while len(self.messages) == before and time.monotonic() < deadline:
            await self.pump()
        assert self.messages[before:], "the browser was never told of a download"
        kind, key = self.messages[before]
        assert kind == "deliver_file_start" and isinstance(key, str)
        return key

    async def fetch(self, served: Served, key: str) -> tuple[int, dict[str, str], bytes]:
        async with self.http.get(f"{served.url}download/{key}") as response:
            return response.status, dict(response.headers), await response.read()


async def visitor(served: Served, http: aiohttp.ClientSession) -> ScreenVisitor:
    websocket = await http.ws_connect(f"{served.ws_url}?width={WIDTH}&height={HEIGHT}")
    return ScreenVisitor(websocket, http)


def browser() -> aiohttp.ClientSession:
    """A cookie jar of its own, keeping the server's visitor cookie (the server is on an IP)."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


def ended_quietly(served: Served) -> str:
    served.process.terminate()
    served.process.wait(timeout=WAIT_LIMIT)
    assert served.process.stderr is not None
    return served.process.stderr.read()


async def test_the_palettes_screenshot_is_downloaded_once_by_its_visitor(content: Path) -> None:
    with serving("--content", str(content)) as served:
        async with browser() as http:
            reader = await visitor(served, http)
            key = await reader.screenshot()
            async with http.head(f"{served.url}download/{key}") as head:
                assert head.status == 405, "a HEAD would use the download up"
            status, headers, body = await reader.fetch(served, key)
            assert status == 200
            assert headers["Content-Type"] == "image/svg+xml; charset=utf-8"
            assert headers["Content-Disposition"].startswith('inline; filename="')
            assert ".svg" in headers["Content-Disposition"]
            assert "cdnjs" in body.decode(), "Rich's SVG no longer asks for its font: see the policy below"
            assert headers["Content-Security-Policy"].startswith("sandbox; default-src 'none';")  # not cdnjs
            text = body.decode("utf-8")
            assert text.startswith("<svg") and text.rstrip().endswith("</svg>")
            assert "Statements" in text, "not a picture of the reader's screen"
            assert len(text) > CHUNK_SIZE, "the file fitted in one chunk: the test shows less than it should"
            assert (await reader.fetch(served, key))[0] == 404, "a download is fetched once"
            assert (await reader.fetch(served, "x" + key[1:]))[0] == 404
            assert (await reader.fetch(served, "nothing"))[0] == 404
            await reader.until("Statements", hidden="Search for commands")  # the session goes on
            apps = served.app_processes()
            await reader.websocket.close()
        assert not wait_until_gone(apps)
        assert ended_quietly(served) == ""


async def test_another_visitors_key_and_a_left_sessions_key_are_not_found(content: Path) -> None:
    with serving("--content", str(content)) as served:
        async with browser() as first_browser, browser() as second_browser:
            first = await visitor(served, first_browser)
            second = await visitor(served, second_browser)
            await second.until("Statements")
            key = await first.screenshot()
            assert (await second.fetch(served, key))[0] == 404, "another visitor got the file"
            async with aiohttp.ClientSession() as no_cookie:  # the key alone, as if it had leaked
                assert (await ScreenVisitor(first.websocket, no_cookie).fetch(served, key))[0] == 404
            left = await first.screenshot()
            status, _headers, body = await first.fetch(served, key)
            assert status == 200 and body.startswith(b"<svg"), "the failed attempts took the file away"
            await first.websocket.close()
            assert await fewer_apps(served, 1), "the first visitor's app outlived the visit"
            assert (await first.fetch(served, left))[0] == 404, "a key outlived its session"
            await second.until("Statements")
            await second.websocket.close()
        assert ended_quietly(served) == ""


async def fewer_apps(served: Served, count: int) -> bool:
    """Wait (bounded) until at most `count` app processes run."""
    deadline = time.monotonic() + WAIT_LIMIT
    while len(served.app_processes()) > count and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    return len(served.app_processes()) <= count


async def test_a_download_over_the_limit_is_cut_off_and_the_session_goes_on(content: Path) -> None:
    with serving("--content", str(content), options={"max_download_bytes": 1000}) as served:
        async with browser() as http:
            reader = await visitor(served, http)
            key = await reader.screenshot()
            # The first chunk is over the limit already: nothing was sent, so the status says so.
            status, _headers, body = await reader.fetch(served, key)
            assert status == 502 and b"could not deliver this file" in body
            await reader.send_keys("\x1b")
            await reader.until("Statements", hidden="Screenshot")
            await reader.websocket.close()
        stderr = ended_quietly(served)
        assert "a download was over 1,000 bytes: cut off" in stderr
        assert "Traceback" not in stderr


async def test_past_the_limit_of_waiting_downloads_the_oldest_goes(content: Path) -> None:
    with serving("--content", str(content), options={"max_downloads": 1}) as served:
        async with browser() as http:
            reader = await visitor(served, http)
            oldest = await reader.screenshot()
            newest = await reader.screenshot()
            assert (await reader.fetch(served, oldest))[0] == 404, "more downloads waiting than the limit"
            status, _headers, body = await reader.fetch(served, newest)
            assert status == 200 and body.startswith(b"<svg")
            await reader.websocket.close()
        stderr = ended_quietly(served)
        assert "a visitor's downloads waiting reached the limit (1): dropped the oldest" in stderr
        assert "Traceback" not in stderr
