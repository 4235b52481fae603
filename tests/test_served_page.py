"""The served page for a visitor: its font from the server, not from the web (a headless-Chromium
visit makes no request off the server), a header icon the font has, and copying in a visitor's words."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("textual_serve", reason="the web extra is not installed")

from infohub_tui.hub.model import Pane
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.reader_screen import SERVED_ICON
from infohub_tui.web.page import offline_page

from .browser import Page, chromium_or_skip
from .helpers import make_app, reader_screen, running, toasts, write_bundle
from .serving import WAIT_LIMIT, serving


def test_the_page_gets_its_font_from_the_server() -> None:
    import jinja2
    import textual_serve

    templates = Path(textual_serve.__file__).parent / "templates"
    page = (
        jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True)
        .get_template("app_index.html")
        .render(
            font_size=16,
            app_websocket_url="ws://here/ws",
            config={"static": {"url": "http://here/static/"}},
            application={"name": "x"},
        )
    )
    assert "fonts.googleapis.com" in page  # what textual-serve's page does
    served = offline_page(page, "http://here/static/")
    assert "googleapis" not in served and "https://" not in served
    assert 'url("http://here/static/fonts/RobotoMono-VariableFont_wght.ttf")' in served
    static = Path(textual_serve.__file__).parent / "static" / "fonts"
    assert (static / "RobotoMono-VariableFont_wght.ttf").is_file()


async def test_served_the_header_icon_is_in_the_font_and_copying_speaks_to_the_visitor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(InfohubApp, "is_web", property(lambda _app: True))
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(120, 36), notifications=True) as pilot:
        header = reader_screen(app).query_one("Header")
        assert header.icon == SERVED_ICON  # type: ignore[attr-defined]
        await pilot.press("c")
        await pilot.pause()
        said = " ".join(toasts(app))
        assert "Your browser was asked to copy the citation" in said
        assert "OSC 52" not in said and "README" not in said and "terminal" not in said


@pytest.fixture
def browser() -> str:
    return chromium_or_skip()


@pytest.mark.browser
async def test_the_served_page_makes_no_request_off_the_server(browser: str, tmp_path: Path) -> None:
    content = write_bundle(tmp_path / "content")
    with serving("--content", str(content)) as served:
        async with Page(browser) as page:
            await page.call("Network.enable")
            await page.goto(served.url)
            deadline = time.monotonic() + WAIT_LIMIT
            while time.monotonic() < deadline and not await page.terminal_shown():
                await asyncio.sleep(0.2)
            assert await page.terminal_shown(), "the page never showed the terminal"
            await asyncio.sleep(1.0)  # fonts and the like load after the first byte
            await page.evaluate("1")  # read the events that came meanwhile
            fonts = await page.evaluate(
                "[...document.fonts].filter(f => f.family.includes('Roboto')).map(f => f.status)"
            )
        requested = [
            event["params"]["request"]["url"]
            for event in page.events
            if event["method"] == "Network.requestWillBeSent"
        ]
    server = urlsplit(served.url).netloc
    assert requested, "no request was recorded"
    off_server = [
        url
        for url in requested
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != server
    ]
    assert not off_server, f"the page asked other servers: {off_server}"
    assert any(url.endswith("RobotoMono-VariableFont_wght.ttf") for url in requested) or "loaded" in (
        fonts or []
    )
