"""Quitting at any moment of start-up ends with status 0 and nothing on stderr (issue 26).

A visitor of `serve` who left before the first frame, or a key that quits typed that
early, closed the screens while they were still mounting: `NoMatches: No nodes match
'#timeline'` from the reader screen's `on_mount`, Textual's `'HeaderTitle'` and
`No Tab with id`, and a header coroutine never awaited. The quit is asked for at the
n-th message of start-up, every moment from the first message to past the first frame,
counted by the app's own messages rather than by a clock.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from textual.message import Message
from textual.messages import ExitApp

from .helpers import make_app, write_bundle

# Message counts at which to quit: the first screen is ready after about 700 of them.
MOMENTS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_bundle(tmp_path_factory.mktemp("content"))


async def quit_at(content: Path, moment: int, how: str) -> tuple[int | None, list[str]]:
    """Run the app and quit it at its `moment`-th message; its return code and any warnings."""
    app = make_app(content=content)
    seen = 0

    def hook(message: Message) -> None:
        nonlocal seen
        seen += 1
        if seen == moment:
            if how == "exit":  # a key bound to quit, ctrl+q
                app.exit()
            else:  # what `serve`'s quit message makes the web driver post
                app.post_message(ExitApp())

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
            for _ in range(50):
                if not app.is_running:
                    break
                await pilot.pause()
            assert not app.is_running, f"the app did not quit (after {seen} messages)"
        code = app.return_code
        gc.collect()  # a coroutine never awaited says so when it is collected
    return code, [str(warning.message) for warning in caught]


@pytest.mark.parametrize("how", ["exit", "exit-message"])
@pytest.mark.parametrize("moment", MOMENTS)
async def test_quitting_at_any_moment_of_start_up_is_clean(content: Path, moment: int, how: str) -> None:
    code, warned = await quit_at(content, moment, how)  # an error in the app is raised here
    assert code in (None, 0)  # None: no code given, which the command line exits 0 with
    assert not [text for text in warned if "never awaited" in text], warned


@pytest.mark.e2e
def test_the_served_app_told_to_quit_while_starting_exits_0_with_nothing_on_stderr(
    content: Path, tmp_path: Path
) -> None:
    """As `serve` starts it (the web driver on pipes), with the quit message waiting before it
    has read anything."""
    environment = {
        **os.environ,
        "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
        "COLUMNS": "100",
        "ROWS": "30",
        "INFOHUB_TUI_STATE_DIR": str(tmp_path),
        "INFOHUB_TUI_SERVER_PID": str(os.getpid()),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "infohub_tui.cli.served", "--content", str(content)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment,
    )
    quit_packet = json.dumps({"type": "quit"}).encode()
    try:
        _out, stderr = process.communicate(b"M" + len(quit_packet).to_bytes(4, "big") + quit_packet, 60)
    finally:
        process.kill()
    assert (process.returncode, stderr.decode()) == (0, "")
