"""A real headless Chromium for the `serve` tests.

`chromium_or_skip()` finds the browser; without one the browser tests are
skipped, with the reason shown, except on CI (`CI=true`), where a missing
browser fails them. `Page` drives one tab through the DevTools protocol: the
terminal in textual-serve's page draws on a canvas, so the test reads what the
page's terminal was sent (every websocket frame, recorded by a script added
before the page's own) and takes a screenshot.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import aiohttp
import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
INSTALL = "apt-get update && apt-get install -y chromium"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1200,800")

# Keeps every frame the page's websocket receives, as text with escape sequences removed (and the
# terminal's output as sent: __terminalRaw), and the terminal size the page last sent.
RECORD_FRAMES = r"""
(() => {
  const frames = [];
  const raw = [];
  const decoder = new TextDecoder();
  let size = null;
  window.__terminalText = () => frames.join("").replace(/\x1b\[[0-9;?$]*[A-Za-z]/g, "");
  window.__terminalRaw = () => raw.join("");
  window.__terminalSize = () => size;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    send(data) {
      if (typeof data === "string" && data.startsWith('["resize"')) size = JSON.parse(data)[1];
      return super.send(data);
    }
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data instanceof ArrayBuffer) {
          frames.push(decoder.decode(event.data, {stream: true}));
          raw.push(frames[frames.length - 1]);
        }
        else if (typeof event.data === "string") frames.push(event.data);
      });
    }
  };
})();
"""


def chromium_or_skip() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    reason = f"no Chromium to run the browser tests ({INSTALL})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; they are required on CI")
    pytest.skip(reason)


def headless_visit(browser: str, url: str, budget_ms: int, screenshot: Path) -> None:
    """Load `url` the way a short-lived headless visit does, then close the browser."""
    with tempfile.TemporaryDirectory(prefix="infohub-chromium-") as profile:
        subprocess.run(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--screenshot={screenshot}",
                f"--virtual-time-budget={budget_ms}",
                url,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )


class DevTools:
    """One target (a tab) under the DevTools protocol."""

    def __init__(self) -> None:
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        """The DevTools events (such as Network.requestWillBeSent) read while waiting for answers."""

    async def _receive(self) -> dict[str, Any]:
        assert self.socket is not None
        message = await self.socket.receive(timeout=30)
        assert message.type == aiohttp.WSMsgType.TEXT, message
        answer: dict[str, Any] = json.loads(message.data)
        if "method" in answer and "id" not in answer:
            self.events.append(answer)
        return answer

    async def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """A command, to the target attached as `session` if given (flat sessions)."""
        assert self.socket is not None
        self.next_id += 1
        command: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session is not None:
            command["sessionId"] = session
        await self.socket.send_str(json.dumps(command))
        while True:
            answer = await self._receive()
            if answer.get("id") == self.next_id:
                assert "error" not in answer, answer
                result: dict[str, Any] = answer.get("result", {})
                return result

    async def event(self, method: str, limit: float, **wanted: str) -> dict[str, Any] | None:
        """The first event `method` whose params contain each `wanted` value as a substring (of
        the value, or of its `url`), waiting at most `limit` seconds; None if none came."""

        def matches(event: dict[str, Any]) -> bool:
            params = event.get("params", {})
            for key, part in wanted.items():
                value = event.get(key) if key == "sessionId" else params.get(key)
                value = value.get("url", "") if isinstance(value, dict) else str(value)
                if part not in value:
                    return False
            return event.get("method") == method

        deadline = time.monotonic() + limit
        while not any(matches(event) for event in self.events) and time.monotonic() < deadline:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._receive(), max(0.0, deadline - time.monotonic()))
        return next((event for event in self.events if matches(event)), None)

    async def evaluate(self, expression: str, session: str | None = None) -> Any:
        result = await self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")


class Page(DevTools):
    """One Chromium tab under the DevTools protocol; `flags` are added to Chromium's."""

    def __init__(self, browser: str, *flags: str) -> None:
        super().__init__()
        self.browser = browser
        self.flags = flags
        self.profile = tempfile.TemporaryDirectory(prefix="infohub-chromium-")
        self.process: subprocess.Popen[str] | None = None
        self.session: aiohttp.ClientSession | None = None
        self.endpoint = ""

    async def __aenter__(self) -> Page:
        self.process = subprocess.Popen(
            [
                self.browser,
                *FLAGS,
                *self.flags,
                f"--user-data-dir={self.profile.name}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.endpoint = endpoint = await asyncio.to_thread(self._devtools_endpoint)
        self.session = aiohttp.ClientSession()
        async with self.session.get(f"http://{endpoint}/json/list") as response:
            targets = await response.json()
        page = next(target for target in targets if target["type"] == "page")
        self.socket = await self.session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        await self.call("Page.enable")
        await self.call("Page.addScriptToEvaluateOnNewDocument", source=RECORD_FRAMES)
        return self

    async def whole_browser(self) -> DevTools:
        """The browser itself under the protocol: it can attach to the tabs the page opens."""
        assert self.session is not None
        async with self.session.get(f"http://{self.endpoint}/json/version") as response:
            version = await response.json()
        browser = DevTools()
        browser.socket = await self.session.ws_connect(version["webSocketDebuggerUrl"], max_msg_size=0)
        return browser

    def _devtools_endpoint(self) -> str:
        assert self.process is not None and self.process.stderr is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            match = re.search(r"DevTools listening on ws://([^/]+)/", line)
            if match:
                return match.group(1)
            if not line and self.process.poll() is not None:
                break
        raise AssertionError("Chromium did not open its DevTools port")

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.session is not None:
            await self.session.close()
        if self.process is not None:
            self.process.terminate()
            try:
                await asyncio.to_thread(self.process.wait, 10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.profile.cleanup()

    async def goto(self, url: str) -> None:
        await self.call("Page.navigate", url=url)

    async def terminal_text(self) -> str:
        text = await self.evaluate("window.__terminalText ? window.__terminalText() : ''")
        return str(text or "")

    async def terminal_shown(self) -> bool:
        """textual-serve's page shows the terminal (hides its intro) once the app has sent output."""
        return bool(await self.evaluate("document.body.classList.contains('-first-byte')"))

    async def screenshot(self, path: Path) -> None:
        result = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(result["data"]))

    async def terminal_screen(self) -> str:
        """The terminal's screen as the page's terminal shows it: its output through a VT emulator
        of the size the page last asked for."""
        import pyte

        size = await self.evaluate("window.__terminalSize ? window.__terminalSize() : null")
        if not size:
            return ""
        screen = pyte.Screen(int(size["width"]), int(size["height"]))
        pyte.Stream(screen).feed(str(await self.evaluate("window.__terminalRaw()") or ""))
        return "\n".join(screen.display)

    async def press(self, key: str, code: str, key_code: int, *, ctrl: bool = False, text: str = "") -> None:
        """A key pressed on the focused element, as the keyboard does."""
        event: dict[str, Any] = {
            "key": key,
            "code": code,
            "windowsVirtualKeyCode": key_code,
            "modifiers": 2 if ctrl else 0,
        }
        await self.call("Input.dispatchKeyEvent", type="keyDown", text=text, **event)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **event)

    async def type_text(self, text: str) -> None:
        await self.call("Input.insertText", text=text)
