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

# Keeps every frame the page's websocket receives, as text with escape sequences removed.
RECORD_FRAMES = r"""
(() => {
  const frames = [];
  const decoder = new TextDecoder();
  window.__terminalText = () => frames.join("").replace(/\x1b\[[0-9;?$]*[A-Za-z]/g, "");
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data instanceof ArrayBuffer) frames.push(decoder.decode(event.data, {stream: true}));
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


class Page:
    """One Chromium tab under the DevTools protocol."""

    def __init__(self, browser: str) -> None:
        self.browser = browser
        self.profile = tempfile.TemporaryDirectory(prefix="infohub-chromium-")
        self.process: subprocess.Popen[str] | None = None
        self.session: aiohttp.ClientSession | None = None
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        """The DevTools events (such as Network.requestWillBeSent) read while waiting for answers."""

    async def __aenter__(self) -> Page:
        self.process = subprocess.Popen(
            [
                self.browser,
                *FLAGS,
                f"--user-data-dir={self.profile.name}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        endpoint = await asyncio.to_thread(self._devtools_endpoint)
        self.session = aiohttp.ClientSession()
        async with self.session.get(f"http://{endpoint}/json/list") as response:
            targets = await response.json()
        page = next(target for target in targets if target["type"] == "page")
        self.socket = await self.session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        await self.call("Page.enable")
        await self.call("Page.addScriptToEvaluateOnNewDocument", source=RECORD_FRAMES)
        return self

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

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        assert self.socket is not None
        self.next_id += 1
        await self.socket.send_str(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = await self.socket.receive(timeout=30)
            assert message.type == aiohttp.WSMsgType.TEXT, message
            answer = json.loads(message.data)
            if "method" in answer and "id" not in answer:
                self.events.append(answer)
            if answer.get("id") == self.next_id:
                assert "error" not in answer, answer
                result: dict[str, Any] = answer.get("result", {})
                return result

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

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
