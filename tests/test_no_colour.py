"""Under NO_COLOR no colour reaches the terminal (the pty test in test_terminal.py checks the bytes);
here: what colour carried, reverse, bold and the borders carry instead."""

from __future__ import annotations

import pytest
from rich.segment import Segment

from infohub_tui.hub.model import Pane
from infohub_tui.ui.app import NO_COLOUR

from .helpers import make_app, reader_screen, running


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
