"""`serve` in a real browser: headless Chromium loads the page, and every app ends when it leaves.

Skipped with the reason shown when no Chromium is installed; required on CI
(CI=true). To run them: `apt-get update && apt-get install -y chromium`.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="the web extra is not installed")

from .browser import Page, chromium_or_skip, headless_visit
from .helpers import write_bundle
from .serving import GONE_WITHIN, WAIT_LIMIT, serving, wait_until_gone

VISITS_MS = (300, 600, 1000)  # how long each headless visit stays (virtual time), as in the report


@pytest.fixture
def browser() -> str:
    return chromium_or_skip()


def test_short_browser_visits_leave_no_app_running(browser: str, tmp_path: Path) -> None:
    content = write_bundle(tmp_path / "content")
    with serving("--content", str(content)) as served:
        started: set[int] = set()
        for budget in VISITS_MS:
            headless_visit(browser, served.url, budget, tmp_path / f"visit-{budget}.png")
            started |= served.app_processes()
        left = wait_until_gone(started | served.app_processes())
        assert not left, f"{len(left)} app process(es) still running {GONE_WITHIN} s after the visits"
        served.process.terminate()
        served.process.wait(timeout=GONE_WITHIN)
        assert served.process.stderr is not None
        assert "did not end" not in served.process.stderr.read(), "an app had to be killed"


async def test_the_page_shows_the_statements_pane(browser: str, tmp_path: Path) -> None:
    content = write_bundle(tmp_path / "content")
    with serving("--content", str(content)) as served:
        async with Page(browser) as page:
            await page.goto(served.url)
            expected = ("Statements", "FAQ", "Timeline", "A statement", "Body text.")
            deadline = time.monotonic() + WAIT_LIMIT
            text = ""
            while time.monotonic() < deadline:
                text = await page.terminal_text()
                if all(part in text for part in expected) and await page.terminal_shown():
                    break
                await asyncio.sleep(0.2)
            await page.screenshot(tmp_path / "statements.png")
            assert await page.terminal_shown(), "the page still shows its intro, not the terminal"
            for part in expected:
                assert part in text, f"{part!r} not on the page: {text[-800:]!r}"
            assert (tmp_path / "statements.png").stat().st_size > 10_000
            apps = served.app_processes()
        assert not wait_until_gone(apps), "closing the browser left the app running"


async def until_screen(page: Page, shown: str, hidden: str = "\0") -> str:
    """Wait (bounded) until the page's terminal shows `shown` and not `hidden`."""
    deadline = time.monotonic() + WAIT_LIMIT
    screen = await page.terminal_screen()
    while not (shown in screen and hidden not in screen) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        screen = await page.terminal_screen()
    assert shown in screen and hidden not in screen, screen
    return screen


async def test_the_palettes_screenshot_opens_in_a_new_tab(browser: str, tmp_path: Path) -> None:
    """Issue 23: the visitor's keys take a screenshot; textual.js opens /download/{key} in a new
    tab, which shows the SVG the app made and asks no other server for anything (Rich's SVG names
    a font on cdnjs). Popups are allowed: Chrome lets a page open one only within seconds of a key
    press, and the app's answer must not race that on a loaded machine."""
    content = write_bundle(tmp_path / "content")
    with serving("--content", str(content)) as served:
        async with Page(browser, "--disable-popup-blocking") as page:
            whole = await page.whole_browser()
            # Every new tab waits, attached, until it is told to run: its requests are all seen.
            await whole.call(
                "Target.setAutoAttach", autoAttach=True, waitForDebuggerOnStart=True, flatten=True
            )
            await page.goto(served.url)
            await until_screen(page, "Statements")
            await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")  # as a click does
            await page.press("p", "KeyP", 80, ctrl=True)
            await until_screen(page, "Search for commands and entries")
            await page.type_text("screenshot")
            await until_screen(page, "Screenshot", hidden="Choose a colour theme")  # filtered to it
            await page.press("Enter", "Enter", 13, text="\r")
            attached = await whole.event("Target.attachedToTarget", WAIT_LIMIT, waitingForDebugger="True")
            assert attached is not None, "no tab was opened"
            tab = attached["params"]["sessionId"]
            await whole.call("Network.enable", tab)
            await whole.call("Runtime.runIfWaitingForDebugger", tab)
            download = f"{served.url}download/"
            loaded = await whole.event(
                "Network.responseReceived", WAIT_LIMIT, sessionId=tab, response=download
            )
            assert loaded is not None, "the new tab did not load the download"
            assert loaded["params"]["response"]["status"] == 200
            shown: dict[str, str] = {}
            deadline = time.monotonic() + WAIT_LIMIT
            while time.monotonic() < deadline and "</svg>" not in shown.get("end", ""):
                await asyncio.sleep(0.2)
                shown = (
                    await whole.evaluate(
                        "({type: document.contentType, html: document.documentElement.outerHTML.slice(0, 100),"
                        " end: document.documentElement.outerHTML.slice(-100),"
                        " text: document.documentElement.textContent})",
                        tab,
                    )
                    or {}
                )
            # Rich's SVG names its font on cdnjs: wait until the tab has asked for it and each
            # request has ended, loaded or blocked.
            deadline = time.monotonic() + WAIT_LIMIT
            while not (off := off_server(whole.events, tab, served.url)) or None in off.values():
                assert time.monotonic() < deadline, f"the tab's requests for the SVG's font: {off}"
                await asyncio.sleep(0.2)
                await whole.evaluate("1", tab)  # read the events that came meanwhile
            apps = served.app_processes()
        assert shown.get("type") == "image/svg+xml", shown
        assert shown["html"].startswith("<svg"), shown
        assert "Statements" in shown["text"], "not a picture of the reader's screen"
        requested = [
            event["params"]["request"]["url"]
            for event in whole.events
            if event["method"] == "Network.requestWillBeSent" and event.get("sessionId") == tab
        ]
        assert requested and requested[0].startswith(download), requested
        assert set(off.values()) == {"csp"}, f"the tab asked other servers: {off}"
        assert not wait_until_gone(apps), "closing the browser left the app running"


def off_server(events: list[dict[str, Any]], session: str, server: str) -> dict[str, str | None]:
    """The requests the tab `session` made of other servers, each with how it ended: the reason it
    was blocked ("csp": by the Content-Security-Policy), "loaded", "failed", or None (not yet)."""
    ended: dict[str, str] = {}
    for event in events:
        if event.get("sessionId") == session and event["method"] == "Network.loadingFailed":
            ended[event["params"]["requestId"]] = event["params"].get("blockedReason") or "failed"
        elif event.get("sessionId") == session and event["method"] == "Network.loadingFinished":
            ended[event["params"]["requestId"]] = "loaded"
    return {
        event["params"]["request"]["url"]: ended.get(event["params"]["requestId"])
        for event in events
        if event.get("sessionId") == session
        and event["method"] == "Network.requestWillBeSent"
        and not event["params"]["request"]["url"].startswith((server, "data:"))
    }
