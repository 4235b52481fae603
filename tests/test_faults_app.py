"""Hostile content and odd moments inside the running app: nothing reaches the terminal raw,
nothing crashes. Each case reproduces a finding of the red-team pass in issue 15."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from rich.cells import cell_len

from infohub_tui.hub.model import Pane
from infohub_tui.text.plain_text import MAX_MARKDOWN_BLOCKS, MAX_MARKDOWN_TABLE_CELLS, shown_as_text
from infohub_tui.text.sanitize import clean_text, for_cells, for_cells_keeping
from infohub_tui.ui.screens.help_screen import HelpScreen
from infohub_tui.ui.widgets.entry_detail import EntryDetail

from .helpers import (
    MINIMAL,
    current_entry,
    make_app,
    reader_screen,
    running,
    toasts,
    wait_until,
    write_bundle,
)
from .test_sizes import SizedTerminal

ESCAPES = "\x1b]52;c;UFdORUQ=\x1b\\\x1b]0;TITLE\x1b\\\x1b[2J"


def hostile_key_hub() -> str:
    """The minimal hub.yaml with an extra key made of OSC 52 (clipboard), OSC 0 (title), CSI 2J."""
    escaped = ESCAPES.replace("\x1b", "\\e")
    return textwrap.dedent(MINIMAL["hub.yaml"]) + f'"{escaped}": x\n'


async def test_escape_sequences_in_a_content_problem_never_reach_a_notification(tmp_path: Path) -> None:
    """`L` to a translation with a hostile key put OSC 52, OSC 0 and CSI 2J on the terminal."""
    write_bundle(tmp_path)
    write_bundle(tmp_path, lang="de", hub_yaml=hostile_key_hub())
    app = make_app(content=tmp_path)
    async with running(app, notifications=True) as pilot:
        await pilot.press("L")
        await wait_until(pilot, lambda: bool(toasts(app)), "a notification")
        shown = toasts(app)
        assert any("unknown field" in text for text in shown), shown
        assert not any("\x1b" in text or "\x07" in text or "\x9d" in text for text in shown), shown
        assert app.language == "en"


async def test_a_failed_watch_reload_notifies_without_escape_sequences(tmp_path: Path) -> None:
    write_bundle(tmp_path)
    app = make_app(content=tmp_path)
    async with running(app, notifications=True) as pilot:
        (tmp_path / "en" / "hub.yaml").write_text(hostile_key_hub())
        assert app.check_content() is True
        await wait_until(pilot, lambda: bool(toasts(app)), "a notification")
        shown = toasts(app)
        assert any("unknown field" in text for text in shown), shown
        assert all(clean_text(text) == text for text in shown)


async def test_swapping_a_content_file_for_a_pipe_under_watch_keeps_the_app_responsive(
    tmp_path: Path,
) -> None:
    """Under --watch a file swapped for a named pipe froze the app, ctrl+q included."""
    write_bundle(tmp_path)
    app = make_app(content=tmp_path)
    faq = tmp_path / "en" / "faq.yaml"
    async with running(app) as pilot:
        faq.unlink()
        os.mkfifo(faq)
        assert app.check_content() is True
        await wait_until(pilot, lambda: bool(app.content_problems), "the failed reload")
        assert app.content_problems == [f"{faq}:1:1: is a named pipe, not a regular file"]
        await pilot.press("2")
        assert current_entry(app, Pane.FAQ).id == "first-question"  # the last good content
    assert app.return_code in (None, 0)


async def test_closing_a_modal_under_the_command_palette_is_ignored(tmp_path: Path) -> None:
    """`?`, ctrl+p, then the help screen asked to close (as a fast key or a click can):
    `dismiss` popped the palette instead and raised InvalidStateError / ScreenStackError."""
    app = make_app(content=write_bundle(tmp_path))
    async with running(app) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        help_screen.finish(None)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is help_screen
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


def test_emoji_sequences_take_the_width_terminals_give_them() -> None:
    for text, cells in (("👨\u200d👩\u200d👧", 6), ("❤\ufe0f", 1), ("👍\U0001f3fd", 2), ("plain", 5)):
        assert cell_len(for_cells(text)) == cells


EMOJI_TITLES = [
    "Family 👨\u200d👩\u200d👧 matters",
    "Love ❤\ufe0f it",
    "Thumbs 👍\U0001f3fd up",
    "Plain title",
]


@pytest.mark.e2e
def test_emoji_titles_keep_the_lists_borders_in_line(tmp_path: Path) -> None:
    """ZWJ sequences and U+FE0F pushed the list's right border out of line (in a terminal
    that counts code points, as pyte and most terminals do)."""
    statements = "".join(
        f'- id: s-{number}\n  date: 2020-08-17\n  speaker: S\n  title: "{title}"\n  body: B\n  sources: [src-one]\n'
        for number, title in enumerate(EMOJI_TITLES)
    )
    write_bundle(tmp_path, statements_yaml=statements)
    term = SizedTerminal(tmp_path, 120, 30)
    try:
        term.wait_for("Plain title")
        term.wait_for(
            "According to S"
        )  # the entry's heading too, which shares its line with the list's header
        screen = term.screen
        borders = {}  # line -> the cell columns of its box borders, from pyte's cells (not string indexes)
        for y, line in enumerate(screen.display):
            if line.startswith("│•") or ("Who" in line and "Statement" in line):
                borders[line] = [x for x in range(screen.columns) if screen.buffer[y][x].data == "│"]
        assert len(borders) == len(EMOJI_TITLES) + 1, term.text
        assert len({tuple(columns) for columns in borders.values()}) == 1, borders
        assert term.quit() == 0
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)


# Large Markdown ------------------------------------------------------------------


def table(rows: int, columns: int) -> str:
    head = "| " + " | ".join(f"h{c}" for c in range(columns)) + " |\n|" + "---|" * columns + "\n"
    return head + "".join(
        "| " + " | ".join(f"r{r}c{c}" for c in range(columns)) + " |\n" for r in range(rows)
    )


@pytest.mark.parametrize(
    ("body", "as_text"),
    [
        ("One paragraph.", False),
        (table(3, 4), False),
        (table(MAX_MARKDOWN_TABLE_CELLS // 4, 4), True),
        (table(2000, 200), True),
        ("\n\n".join(f"Paragraph {n}." for n in range(MAX_MARKDOWN_BLOCKS)), False),
        ("\n\n".join(f"Paragraph {n}." for n in range(MAX_MARKDOWN_BLOCKS + 1)), True),
        ("\n".join(f"- item {n}" for n in range(MAX_MARKDOWN_BLOCKS + 1)), True),
    ],
    ids=[
        "paragraph",
        "small-table",
        "table-past-the-limit",
        "2000x200-table",
        "blocks-at-the-limit",
        "blocks-past",
        "list-items-past",
    ],
)
def test_large_markdown_is_shown_as_text(body: str, as_text: bool) -> None:
    assert shown_as_text(body) is as_text


async def test_a_2000_by_200_table_renders_as_one_text_widget(tmp_path: Path) -> None:
    """A 2000x200 table (800 KB) kept a core at 100 % while idle and `j` took 270 s."""
    body = table(100, 10)  # large enough to be shown as text, small enough for the field limit
    statements = "".join(
        f"- id: s-{n}\n  date: 2020-08-17\n  speaker: S\n  title: T{n}\n  body: |\n"
        + textwrap.indent(body, "    ")
        + "  sources: [src-one]\n"
        for n in range(2)
    )
    write_bundle(tmp_path, statements_yaml=statements)
    app = make_app(content=tmp_path)
    async with running(app) as pilot:
        detail = reader_screen(app).reader(Pane.STATEMENTS).detail
        assert isinstance(detail, EntryDetail)
        await pilot.press("j")
        await pilot.pause()
        assert current_entry(app).id == "s-1"
        assert not detail.query_one("#detail-body").display
        assert detail.query_one("#detail-highlighted-body").display
        assert not detail.query("MarkdownTable")


SLOW_MARKDOWN = """
import time
from markdown_it import MarkdownIt

_parse = MarkdownIt.parse


def slow_parse(self, text, env=None):
    time.sleep(1.0)  # a large body: still parsing when the app quits
    return _parse(self, text, env)


MarkdownIt.parse = slow_parse
"""


@pytest.mark.e2e
def test_quitting_while_a_body_parses_prints_no_cancelled_error(tmp_path: Path) -> None:
    """Markdown parses in a thread; quitting during a long parse left a future nobody awaited,
    reported at exit as `_GatheringFuture exception was never retrieved ... CancelledError`."""
    statements = "".join(
        f"- id: s-{n}\n  date: 2020-08-17\n  speaker: S\n  title: T{n}\n  body: Body {n}.\n  sources: [src-one]\n"
        for n in range(2)
    )
    write_bundle(tmp_path / "content", statements_yaml=statements)
    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / "sitecustomize.py").write_text(SLOW_MARKDOWN)
    term = SizedTerminal(tmp_path / "content", 100, 30, PYTHONPATH=str(tmp_path / "slow"))
    try:
        term.wait_for("T1")
        term.child.send("j")
        term.pump(0.3)
        assert term.quit() == 0
        assert b"never retrieved" not in term.raw and b"CancelledError" not in term.raw, bytes(
            term.raw[-600:]
        )
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)


def test_joiners_left_out_of_a_heading_keep_its_search_matches_on_their_words() -> None:
    text, spans = for_cells_keeping("Family 👨\u200d👩\u200d👧 matters", [(0, 6), (13, 20)])
    assert text == "Family 👨👩👧 matters"
    assert [text[start:end] for start, end in spans] == ["Family", "matters"]
