"""Under NO_COLOR no colour reaches the terminal (the pty test in test_terminal.py checks the bytes);
here: what colour carried, reverse, bold and the borders carry instead."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.geometry import Region
from textual.widget import Widget

from infohub_tui.hub.model import Pane
from infohub_tui.ui.app import NO_COLOUR

from .helpers import make_app, reader_screen, running

HEAVY, ROUND = "┏", "╭"


async def test_without_colour_the_cursor_and_the_active_tab_are_reversed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(100, 30)) as pilot:
        assert app.no_color and NO_COLOUR in app.get_line_filters()
        entry_list = reader_screen(app).visible_reader.entry_list
        assert entry_list.get_component_rich_style("entry-list--cursor").reverse
        tab = reader_screen(app).tabs.query_one("Tab.-active")
        assert tab.rich_style.reverse
        await pilot.press("B")  # the bookmark list and the other option lists: reversed too
        await pilot.pause()
        assert (
            app.screen.query_one("OptionList")
            .get_component_rich_style("option-list--option-highlighted")
            .reverse
        )
        line = NO_COLOUR.apply([Segment("x", entry_list.rich_style)], app.screen.styles.background)[0]
        assert line.style is not None and str(line.style.color) in (
            "None",
            "Color('default', ColorType.DEFAULT)",
        )


async def test_with_colour_the_filter_is_textuals() -> None:
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(100, 30)):
        assert NO_COLOUR not in app.get_line_filters()
        assert (
            not reader_screen(app)
            .visible_reader.entry_list.get_component_rich_style("entry-list--cursor")
            .reverse
        )


def _corner(widget: Widget) -> str:
    """The character drawn at the widget's top-left corner (its border's shape)."""
    return widget.render_lines(Region(0, 0, *widget.outer_size))[0].text[0]


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["wide", "narrow"])
async def test_without_colour_the_active_region_has_a_heavier_border(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """Colour told the active region (the list, or the entry being read) from the other; without
    colour the border's shape does: heavy where the keys act, round elsewhere."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=size) as pilot:
        reader = reader_screen(app).visible_reader
        assert (_corner(reader.entry_list), _corner(reader.detail)) == (HEAVY, ROUND)
        await pilot.press("enter")  # reading the entry: it is the active one
        await pilot.pause()
        assert reader.detail.has_focus_within
        assert (_corner(reader.entry_list), _corner(reader.detail)) == (ROUND, HEAVY)
        await pilot.press("escape")  # back to the list
        await pilot.pause()
        assert (_corner(reader.entry_list), _corner(reader.detail)) == (HEAVY, ROUND)


async def test_while_finding_in_the_entry_the_entry_stays_the_active_region(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`f` moves the focus to the find line, outside the pane: the pane still reads the entry (the
    list turned heavy again while the reader typed, as if the keys acted on it)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(100, 30)) as pilot:
        reader = reader_screen(app).visible_reader
        await pilot.press("enter", "f")
        await pilot.pause()
        assert app.focused is not None and not reader.detail.has_focus_within
        assert (_corner(reader.entry_list), _corner(reader.detail)) == (ROUND, HEAVY)
        await pilot.press("enter")  # the find line closes: the entry has the keys again
        await pilot.pause()
        assert reader.detail.has_focus_within
        assert (_corner(reader.entry_list), _corner(reader.detail)) == (ROUND, HEAVY)
        await pilot.press("escape")
        await pilot.pause()
        assert (_corner(reader.entry_list), _corner(reader.detail)) == (HEAVY, ROUND)


async def test_without_colour_the_chart_is_heavy_until_the_entry_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(start_pane=Pane.TIMELINE)
    async with running(app, size=(120, 36)) as pilot:
        reader = reader_screen(app).visible_reader
        if not reader.chart_shown:
            await pilot.press("v")
            await pilot.pause()
        chart = reader.chart
        assert chart is not None and reader.chart_shown
        assert (_corner(chart), _corner(reader.detail)) == (HEAVY, ROUND)
        reader.detail.focus()
        await pilot.pause()
        assert (_corner(chart), _corner(reader.detail)) == (ROUND, HEAVY)


async def test_with_colour_the_borders_stay_round_and_the_idle_one_is_dimmed() -> None:
    """With colour the shape stays round; the list's border dims while the entry is read (it did
    not: Textual restyled only the entry's branch on focus, so the list kept its accent)."""
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(100, 30)) as pilot:
        reader = reader_screen(app).visible_reader
        active = reader.entry_list.styles.border_top[1]
        assert reader.detail.styles.border_top[1] != active
        await pilot.press("enter")
        await pilot.pause()
        assert (_corner(reader.entry_list), _corner(reader.detail)) == (ROUND, ROUND)
        assert reader.entry_list.styles.border_top[1] != active
        assert reader.detail.styles.border_top[1] == active
        await pilot.press("escape")
        await pilot.pause()
        assert reader.entry_list.styles.border_top[1] == active
