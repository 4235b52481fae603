"""The key bar keeps its most important keys at every width (help and quit are the last to go),
and the 80x24 layout keeps a usable list."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from infohub_tui.hub.model import Pane
from infohub_tui.ui.widgets.key_bar import KeyBar, fit

from .helpers import make_app, reader_screen, running

HELP = {"en": "? Help", "de": "? Hilfe"}
QUIT = {"en": "q Quit", "de": "q Beenden"}


def bar_text(app: object) -> str:
    return str(reader_screen(app).query_one(KeyBar).render())  # type: ignore[arg-type]


def test_fit_keeps_the_kept_items_and_then_the_first_that_fit() -> None:
    items = [("a", "Alpha", False), ("b", "Bravo bravo", False), ("c", "C", False), ("?", "Help", True)]
    assert [keys for keys, _d, _k in fit(items, 200)] == ["a", "b", "c", "?"]
    assert [keys for keys, _d, _k in fit(items, 22)] == ["a", "c", "?"]  # b is too long, c still fits
    assert [keys for keys, _d, _k in fit(items, 8)] == ["?"]
    assert [keys for keys, _d, _k in fit(items, 0)] == ["?"]  # kept even when nothing fits


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("width", [30, 40, 60, 80, 100, 120, 200])
async def test_help_and_quit_show_at_every_width(lang: str, width: int) -> None:
    app = make_app(lang=lang, start_pane=Pane.STATEMENTS)
    async with running(app, size=(width, 24)) as pilot:
        text = bar_text(app)
        assert HELP[lang] in text
        if width >= 40:
            assert QUIT[lang] in text
        assert cell_len(text.rstrip()) <= width
        if width >= 120:
            assert "⏎" in text and "/" in text  # and the others, as far as they fit
        await pilot.press("enter")  # reading the entry: another set of keys, help still there
        await pilot.pause()
        assert HELP[lang] in bar_text(app)


async def test_at_80x24_the_bar_names_help_and_the_first_keys() -> None:
    app = make_app(start_pane=Pane.TIMELINE)
    async with running(app, size=(80, 24)) as pilot:
        text = bar_text(app)
        assert text.startswith(" ⏎ Read  / Search ")
        assert text.rstrip().endswith("? Help  q Quit")
        await pilot.press("v")
        await pilot.pause()
        chart_bar = bar_text(app)
        assert chart_bar.startswith(" + / - Zoom ") and "? Help" in chart_bar


async def test_at_80x24_the_list_keeps_room_for_seven_entries() -> None:
    """It showed five (its header and borders take three of its rows)."""
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(80, 24)):
        entry_list = reader_screen(app).visible_reader.entry_list
        assert entry_list.region.height - 3 >= 7
        assert reader_screen(app).visible_reader.detail.region.height >= 9


@pytest.mark.parametrize("height", [24, 25, 30, 31, 36, 37])
async def test_after_g_the_top_row_is_a_whole_row(height: int) -> None:
    """With two-line rows and an odd number of lines, the end of the list showed the second line of
    a row at the top (`+110 d   TikTok and WeChat orders`)."""
    app = make_app(start_pane=Pane.TIMELINE)
    async with running(app, size=(120, height)) as pilot:
        entry_list = reader_screen(app).visible_reader.entry_list
        await pilot.press("G")
        await pilot.pause()
        lines = entry_list.row_lines
        top = round(entry_list.scroll_offset.y)
        assert top % lines == 0
        visible = entry_list.scrollable_content_region.height - 1
        assert top + visible >= len(entry_list.entries) * lines  # the last row shows, whole
        await pilot.press("k", "g", "G")
        await pilot.pause()
        assert round(entry_list.scroll_offset.y) % lines == 0
