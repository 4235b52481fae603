"""Every terminal size from 1x1 up: something sensible on screen, no crash, no busy loop.

Textual raised `range() arg 3 must not be zero` when the reader was started at
<= 9 columns or 10x1, or resized to <= 14 columns (16 with a modal open), and
a browser's first layout can be that small. Below the minimum size the reader
now shows one line asking for a larger window.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pyte
import pytest

from infohub_tui.ui.sizes import MIN_HEIGHT, MIN_WIDTH

from .helpers import make_app, running, write_bundle
from .serving import cpu_seconds
from .test_terminal import installed_command

WAIT_LIMIT = 30.0  # an upper bound for a slow machine, not a timing assertion
IDLE_SECONDS = 5.0
IDLE_CPU_SHARE = 0.05


class SizedTerminal:
    """The installed app in a pty of a given size, read through pyte; resizable."""

    def __init__(self, content: Path, columns: int, lines: int, **variables: str) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **variables}
        for variable in ("COLUMNS", "LINES", "NO_COLOR"):
            env.pop(variable, None)
        self.child: pexpect.spawn[bytes] = pexpect.spawn(
            installed_command(),
            ["--content", str(content)],
            env=env,
            dimensions=(lines, columns),
            encoding=None,
        )

    def pump(self, seconds: float = 0.0) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.02)
            except (pexpect.TIMEOUT, pexpect.EOF):
                data = b""
            if data:
                self.raw.extend(data)
                self.stream.feed(data)
            elif time.monotonic() >= deadline:
                return

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def drain(self) -> None:
        """Read what the app wrote without drawing it (fast, for resize storms); keeps the tail."""
        while True:
            try:
                data = self.child.read_nonblocking(1 << 20, timeout=0)
            except (pexpect.TIMEOUT, pexpect.EOF):
                return
            self.raw = (self.raw + data)[-200_000:]

    def redraw(self) -> None:
        """Forget the screen read so far: the next full frame draws it again."""
        self.screen.reset()
        self.stream = pyte.ByteStream(self.screen)

    def resize(self, columns: int, lines: int) -> None:
        self.screen.resize(lines, columns)
        self.child.setwinsize(lines, columns)

    def wait_for(self, text: str) -> None:
        """Wait until `text` is on screen. The limit counts from the app's last output: after a
        resize storm a loaded machine may still be drawing the sizes it was sent, and that is
        progress, not a hang (a hang is silence, or the hard cap)."""
        cap = time.monotonic() + 10 * WAIT_LIMIT
        deadline = time.monotonic() + WAIT_LIMIT
        while time.monotonic() < min(deadline, cap) and self.child.isalive():
            seen = len(self.raw)
            self.pump(0.05)
            if text in self.text:
                return
            if len(self.raw) > seen:
                deadline = time.monotonic() + WAIT_LIMIT
        raise AssertionError(f"never showed {text!r}:\n{self.text}\n{bytes(self.raw[-2000:])!r}")

    def quit(self) -> int:
        self.child.send("q")
        deadline = time.monotonic() + WAIT_LIMIT
        while self.child.isalive() and time.monotonic() < deadline:
            self.pump(0.05)
        self.pump()
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -1


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_bundle(tmp_path / "content")


@pytest.fixture
def terminals() -> Iterator[list[SizedTerminal]]:
    started: list[SizedTerminal] = []
    yield started
    for terminal in started:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)


STARTS = [(1, 1), (2, 2), (10, 3)]
SWEEP = [*range(1, 201), *range(200, 0, -1)]


@pytest.mark.e2e
def test_tiny_starts_then_every_width_and_back_keep_the_app_alive(
    content: Path, terminals: list[SizedTerminal]
) -> None:
    for columns, lines in STARTS:
        terminals.append(SizedTerminal(content, columns, lines))
    for term, (columns, _lines) in zip(terminals, STARTS, strict=True):
        term.wait_for("M" if columns < 10 else "Make the")  # the first cells of the request for more room
        assert "Traceback" not in term.text
    for step, width in enumerate(SWEEP):
        for offset, term in enumerate(terminals):
            term.resize(width, (3, 24, 9, 60)[(step + offset) % 4])
            term.drain()
        time.sleep(0.005)
    for term in terminals:
        assert term.child.isalive(), f"the app ended:\n{bytes(term.raw[-3000:])!r}"
        term.redraw()
        term.resize(80, 24)
        term.wait_for("A statement")
    for term in terminals:
        assert term.quit() == 0
        assert b"Traceback" not in term.raw


@pytest.mark.e2e
def test_below_the_minimum_one_line_asks_for_a_larger_window(
    content: Path, terminals: list[SizedTerminal]
) -> None:
    term = SizedTerminal(content, MIN_WIDTH + 30, MIN_HEIGHT - 1)
    terminals.append(term)
    term.wait_for(f"Make the window larger: at least {MIN_WIDTH}x{MIN_HEIGHT}")
    term.resize(MIN_WIDTH, MIN_HEIGHT)
    term.wait_for("A statement")
    assert term.quit() == 0


IDLE_SIZES = [(1, 1), (MIN_WIDTH - 1, 20), (MIN_WIDTH, MIN_HEIGHT), (60, 20), (120, 40)]


@pytest.mark.e2e
def test_the_idle_app_uses_almost_no_cpu_at_any_size(content: Path, terminals: list[SizedTerminal]) -> None:
    """A layout that repaints itself in a loop shows as CPU time while nothing happens."""
    for columns, lines in IDLE_SIZES:
        terminals.append(SizedTerminal(content, columns, lines))
    for term, (columns, _lines) in zip(terminals, IDLE_SIZES, strict=True):
        term.wait_for("M" if columns < MIN_WIDTH else "Statement")
    for term in terminals:
        term.pump(0.5)  # let start-up work (the first frame, deferred renders) finish
    pids = [term.child.pid for term in terminals if term.child.pid is not None]
    before = [cpu_seconds(pid) for pid in pids]
    deadline = time.monotonic() + IDLE_SECONDS
    while time.monotonic() < deadline:
        for term in terminals:
            term.pump()
        time.sleep(0.05)
    used = [cpu_seconds(pid) - start for pid, start in zip(pids, before, strict=True)]
    for size, seconds in zip(IDLE_SIZES, used, strict=True):
        assert seconds < IDLE_CPU_SHARE * IDLE_SECONDS, (
            f"{seconds:.2f} s of CPU in {IDLE_SECONDS} s idle at {size}"
        )
    for term in terminals:
        assert term.quit() == 0


@pytest.mark.stress
async def test_every_size_in_pilot_draws_without_raising(content: Path) -> None:
    """Starts and resizes through small sizes with a modal open, under Textual's test driver."""
    app = make_app(content=content)
    async with running(app, size=(1, 1)) as pilot:
        for keys in ("", "question_mark", "slash"):
            if keys:
                await pilot.press(keys)
            for width in range(1, MIN_WIDTH + 6, 3):
                await pilot.resize_terminal(width, 1 + width % 9)
                await pilot.pause()
                assert app.is_running
            await pilot.press("escape")
        assert app.screen.query_one("#too-small") is not None


@pytest.mark.stress
async def test_a_jump_to_a_tiny_size_with_anything_open_keeps_the_app_alive() -> None:
    """The first layout at a new size comes before the size classes change: a jump from
    100x30 to 10x3 crashed where a gradual shrink did not. Below the minimum size the page
    keys do nothing (Textual's OptionList, the command palette's too, raised KeyError paging
    a list that lay outside the window)."""
    app = make_app()  # the bundled content: see-also lists, sources, long bodies
    async with running(app, size=(100, 30)) as pilot:
        await pilot.press("m", "enter")  # a bookmark for the bookmark list, and the entry read
        for opened in ("", "question_mark", "slash", "B", "ctrl+p"):
            if opened:
                await pilot.press(opened)
            for size in ((10, 3), (MIN_WIDTH - 1, MIN_HEIGHT)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
                await pilot.press("pagedown", "pageup", "down", "space", "b")
                assert app.is_running, (opened, size)
            await pilot.resize_terminal(100, 30)
            while len(app.screen_stack) > 1:
                await pilot.press("escape")
            assert app.is_running
