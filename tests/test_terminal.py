"""End to end in a real pseudo-terminal: the installed `infohub-tui`, read by a VT emulator."""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pyte
import pytest

COLUMNS, LINES = 110, 32
WAIT_LIMIT = 30.0  # an upper bound for a slow machine, not a timing assertion


def installed_command() -> str:
    command = shutil.which("infohub-tui", path=str(Path(sys.executable).parent)) or shutil.which(
        "infohub-tui"
    )
    if command is None:
        pytest.fail("infohub-tui is not installed: pip install '.[test]'")
    return command


class Terminal:
    """A pty running the app, with a pyte screen fed by everything the app writes."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.child: pexpect.spawn[bytes] = pexpect.spawn(
            installed_command(), args, env=env, dimensions=(LINES, COLUMNS), encoding=None
        )

    def _pump(self) -> None:
        try:
            data = self.child.read_nonblocking(65536, timeout=0.1)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            return
        self.raw.extend(data)
        self.stream.feed(data)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, condition: Callable[[str], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT_LIMIT
        while time.monotonic() < deadline:
            self._pump()
            if condition(self.text):
                return
            if not self.child.isalive() and not self.child.before:
                break
        pytest.fail(f"screen never showed {what}:\n{self.text}")

    def wait_for_text(self, text: str) -> None:
        self.wait_for(lambda screen: text in screen, repr(text))

    def press(self, keys: str) -> None:
        self.child.send(keys)

    def wait_for_exit(self) -> int:
        deadline = time.monotonic() + WAIT_LIMIT
        while self.child.isalive() and time.monotonic() < deadline:
            self._pump()
        while True:
            before = len(self.raw)
            self._pump()
            if len(self.raw) == before:
                break
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -1


@pytest.fixture
def terminal(isolated_user_dirs: Path) -> Iterator[Callable[..., Terminal]]:
    started: list[Terminal] = []
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "COLUMNS": str(COLUMNS),
        "LINES": str(LINES),
    }
    env.pop("NO_COLOR", None)

    def start(*args: str, **variables: str) -> Terminal:
        terminal = Terminal(list(args), {**env, **variables})
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)


def test_read_switch_search_help_and_quit_in_a_real_terminal(terminal: Callable[..., Terminal]) -> None:
    term = terminal("--lang", "en")
    term.wait_for_text("Two years later: TikTok says US user traffic")  # newest first
    assert "Statements" in term.text and "FAQ" in term.text and "Timeline" in term.text

    term.press("2")
    term.wait_for_text("What was TikTok's information hub?")
    term.press("4")
    term.wait_for_text("Executive Order 13873 declares")

    term.press("/")
    term.wait_for_text("Search everything")
    term.press("virginia")
    term.wait_for_text("in Data storage")
    term.press("\r")
    term.wait_for(lambda screen: "/virginia   match 1/" in screen, "the match counter")
    term.press("n")
    term.wait_for(lambda screen: "/virginia   match 2/" in screen, "the next match")

    term.press("?")
    term.wait_for_text("Next / previous entry in the list")
    term.press("\x1b")
    term.wait_for(lambda screen: "Next / previous entry in the list" not in screen, "the help closing")

    term.press("q")
    assert term.wait_for_exit() == 0
    output = bytes(term.raw)
    for enable, disable in (
        (b"\x1b[?1049h", b"\x1b[?1049l"),
        (b"\x1b[?25l", b"\x1b[?25h"),
        (b"\x1b[?1000h", b"\x1b[?1000l"),
    ):
        assert enable in output
        assert output.rfind(disable) > output.rfind(enable), f"{disable!r} not sent after {enable!r}"


def test_number_keys_switch_panes_while_reading_and_arrows_move_through_search_hits(
    terminal: Callable[..., Terminal],
) -> None:
    """Issue 14: after enter on an entry `4` still shows the Timeline (it followed a see-also
    link); in the search box ↓ ↓ enter opens the third hit (↓ recalled earlier queries)."""
    from infohub_tui.hub.loader import load_hub
    from infohub_tui.locations import bundled_content_dir
    from infohub_tui.search.index import SearchIndex
    from infohub_tui.ui.screens.search_screen import grouped

    hub = load_hub(bundled_content_dir(), "en")
    third = grouped(SearchIndex(hub.all_entries()).search("data", limit=100))[2]
    term = terminal("--lang", "en")
    term.wait_for_text("Two years later: TikTok says US user traffic")  # newest first
    term.press("\r")
    term.press("4")
    term.wait_for_text("Executive Order 13873 declares")

    term.press("/")
    term.wait_for_text("Search everything")
    term.press("data")
    term.wait_for_text("in Timeline")
    term.press("\x1b[B")
    term.press("\x1b[B")
    term.press("\r")
    term.wait_for(lambda screen: "/data   match 3/" in screen, "the third match")
    heading_start = " ".join(third.heading.split()[:5])  # the entry's heading, right of the list
    assert f"││ {heading_start}" in term.text, term.text
    term.press("q")
    assert term.wait_for_exit() == 0


def test_german_from_the_locale_in_a_real_terminal(terminal: Callable[..., Terminal]) -> None:
    term = terminal("--pane", "timeline", LANG="de_DE.UTF-8")
    term.wait_for_text("Chronik")
    term.wait_for_text("Executive Order 13873 ruft einen Notstand")
    term.press("q")
    assert term.wait_for_exit() == 0


def test_broken_content_in_a_real_terminal_is_one_line_and_restores(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    from .helpers import write_bundle

    write_bundle(tmp_path, timeline_yaml="- id: x\n  date: 2020-02-30\n")
    term = terminal("--content", str(tmp_path))
    assert term.wait_for_exit() == 1
    text = bytes(term.raw).decode()
    assert f"{tmp_path}/en/timeline.yaml:2:9: timeline[0].date: 2020-02-30 is not a date that exists" in text
    assert "Traceback" not in text


COLOUR_CODES = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)}
"""SGR parameters that set a colour: 30-37, 38 (256 or true colour), 40-47, 48, 90-97, 100-107."""


def sgr_parameters(raw: bytes) -> list[list[int]]:
    """The parameters of every SGR sequence (CSI ... m) in `raw`."""
    return [
        [int(part) if part else 0 for part in re.split(rb"[;:]", match)]
        for match in re.findall(rb"\x1b\[([0-9;:]*)m", raw)
    ]


def test_no_color_sends_no_colour_at_all(terminal: Callable[..., Terminal]) -> None:
    """Not even greys (`38;5;253`, `38;2;n;n;n`): bold and reverse carry what colour carried."""
    term = terminal("--lang", "en", NO_COLOR="1")
    term.wait_for_text("Two years later: TikTok says US user traffic")  # newest first
    term.press("v")  # the chart, the timeline list and a search too
    term.press("4")
    term.wait_for_text("Executive Order 13873 declares")
    term.press("v")
    term.wait_for_text("several, a dot each")
    term.press("/")
    term.wait_for_text("Search everything")
    term.press("data\r")
    term.wait_for(lambda screen: "match 1/" in screen, "the match counter")
    term.press("q")
    assert term.wait_for_exit() == 0
    sequences = sgr_parameters(bytes(term.raw))
    assert sequences, "expected styled output to inspect"
    coloured = [codes for codes in sequences if set(codes) & COLOUR_CODES]
    assert not coloured, f"colour sequences were sent: {coloured[:5]}"
    codes = {code for sequence in sequences for code in sequence}
    assert 1 in codes and 7 in codes  # bold and reverse
    raw = bytes(term.raw)
    assert b"\x1b[38" not in raw and b"\x1b[48" not in raw


def test_colours_without_no_color(terminal: Callable[..., Terminal]) -> None:
    term = terminal("--lang", "en")
    term.wait_for_text("Two years later: TikTok says US user traffic")  # newest first
    term.press("q")
    assert term.wait_for_exit() == 0
    colours = re.findall(rb"[34]8;2;(\d+);(\d+);(\d+)", bytes(term.raw))
    assert any(not red == green == blue for red, green, blue in colours)


def test_a_long_first_parse_says_why_the_screen_is_blank_and_the_cache_is_quiet(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    from .synthetic import write_synthetic_bundle

    write_synthetic_bundle(tmp_path, entries_per_pane=2_400)
    size = sum(path.stat().st_size for path in (tmp_path / "en").iterdir())
    notice = f"infohub-tui: reading {size / 1_000_000:.0f} MB of content in {tmp_path / 'en'}"
    for run, expect_notice in (("first", True), ("cached", False)):
        term = terminal("--content", str(tmp_path), "--lang", "en")
        term.wait_for_text("Synthetic hub")
        term.press("q")
        assert term.wait_for_exit() == 0
        assert (notice.encode() in bytes(term.raw)) is expect_notice, run


def test_source_urls_reach_the_terminal_as_osc_8_hyperlinks(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    from .builders import hub_yaml, source
    from .helpers import write_bundle

    archived = "https://web.archive.org/web/20200817/https://example.org/one"
    write_bundle(
        tmp_path,
        hub_yaml=hub_yaml([source(archived=archived)]),
    )
    term = terminal("--content", str(tmp_path), "--lang", "en")
    term.wait_for_text("Archived copy:")
    term.press("q")
    assert term.wait_for_exit() == 0
    output = bytes(term.raw)
    for url in ("https://example.org/one", archived):
        assert re.search(rb"\x1b\]8;[^;]*;" + re.escape(url.encode()) + rb"\x1b\\", output), url


def test_a_console_browser_gets_the_terminal_and_the_reader_comes_back_after_it(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    record = tmp_path / "opened"
    browser = tmp_path / "console-browser"
    browser.write_text(
        f'#!/bin/sh\necho "Console browser showing $1; press enter"\nread -r key\nprintf "%s" "$1" > "{record}"\n',
        encoding="utf-8",
    )
    browser.chmod(0o755)
    term = terminal("--lang", "en", "--pane", "faq", BROWSER=str(browser))
    term.wait_for_text("What was TikTok's information hub?")
    term.press("o")
    term.wait_for(lambda screen: "; press enter" in screen, "the console browser")
    shown = re.search(r"Console browser showing (https://\S+); press enter", term.text)
    assert shown is not None, term.text
    term.press("x\r")
    term.wait_for(
        lambda screen: "Console browser" not in screen and "What was TikTok's information hub?" in screen,
        "the reader repainted after the browser",
    )
    term.press("4")
    term.wait_for_text("Executive Order 13873 declares")
    term.press("q")
    assert term.wait_for_exit() == 0
    assert record.read_text(encoding="utf-8") == shown.group(1)


def test_without_any_browser_o_says_none_could_be_started(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    nothing = tmp_path / "empty-path"
    nothing.mkdir()
    term = terminal(
        "--lang", "en", "--pane", "faq", PATH=str(nothing)
    )  # no DISPLAY, no BROWSER: see conftest
    term.wait_for_text("What was TikTok's information hub?")
    term.press("o")
    term.wait_for(
        lambda screen: "No browser could be started" in " ".join(screen.split()), "that no browser started"
    )
    assert "Opening" not in term.text
    term.press("q")
    assert term.wait_for_exit() == 0
