"""Lists you can read: the split gives the list room, long titles wrap into two-line rows,
the entry keeps a readable measure, and `S` switches date order and file order."""

from __future__ import annotations

from datetime import date

import pytest
from textual.geometry import Region

from infohub_tui.hub.model import Pane
from infohub_tui.hub.ordering import ListOrder
from infohub_tui.i18n import Translator
from infohub_tui.locations import state_file
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.columns import PANE_COLUMNS
from infohub_tui.ui.widgets.cells import wrap
from infohub_tui.ui.widgets.entry_list import EntryList

from .helpers import hub_of, make_app, make_bundled_app, reader_screen, running, state_written

EN = Translator("en")


def column_texts(entry_list: EntryList, label_key: str) -> list[str]:
    """What the list shows in one column, one text per visible row, read off its rendered lines
    (a wrapped cell's lines joined with a space)."""
    width = entry_list.scrollable_content_region.width
    lines = [strip.text for strip in entry_list.render_lines(Region(0, 0, *entry_list.outer_size))]
    lines = lines[1 + 1 : -1]  # the border, the header line, ..., the border
    columns = entry_list.column_widths(width - (1 if entry_list.max_scroll_y > 0 else 0))
    start = 1 + 2  # the border and the marker
    for column, column_width in columns:
        if column.label_key == label_key:
            break
        start += column_width + 1
    else:
        raise AssertionError(f"{label_key} is not shown")
    rows = entry_list.row_lines
    texts = []
    for first in range(0, len(lines) - rows + 1, rows):
        parts = [line[start : start + column_width].strip() for line in lines[first : first + rows]]
        texts.append(" ".join(part for part in parts if part))
    return texts


def titles_read_whole(entry_list: EntryList, label_key: str, count: int) -> list[str]:
    shown = column_texts(entry_list, label_key)[:count]
    expected = [" ".join(entry.heading.split()) for entry in entry_list.entries[:count]]
    assert shown == expected, (shown, expected)
    return shown


@pytest.mark.parametrize("size", [(120, 36), (200, 50)], ids=["120x36", "200x50"])
@pytest.mark.content
async def test_side_by_side_the_first_question_and_five_events_read_whole(size: tuple[int, int]) -> None:
    """At 120 columns questions showed ~30 characters and events 17 ("Executive Order 1…").

    This and the other tests here on the bundled content measure how its real lengths lay out."""
    app = make_bundled_app(start_pane=Pane.FAQ)
    async with running(app, size) as pilot:
        faq = reader_screen(app).reader(Pane.FAQ).entry_list
        titles_read_whole(faq, "column.question", 1)
        await pilot.press("4")
        await pilot.pause()
        timeline = reader_screen(app).reader(Pane.TIMELINE).entry_list
        events = titles_read_whole(timeline, "column.event", 5)
        assert events[3] == 'Executive Order 13942, "Addressing the Threat Posed by TikTok, …"'
        detail = reader_screen(app).reader(Pane.TIMELINE).detail
        assert detail.size.width <= 82, "the entry keeps a readable measure"
        assert timeline.outer_size.width >= size[0] - 86, "the list takes the rest"


@pytest.mark.content
async def test_a_wide_window_widens_the_list_not_the_entry() -> None:
    app = make_bundled_app(start_pane=Pane.FAQ)
    async with running(app, (200, 50)):
        reader = reader_screen(app).reader(Pane.FAQ)
        assert reader.detail.outer_size.width == 85
        assert reader.entry_list.outer_size.width == 115
        assert reader.entry_list.row_lines == 1, "every question fits one line here"
        answered = column_texts(reader.entry_list, "column.answered_by")
        assert answered[0] == "TikTok (newsroom, 2020); news reports", "the room questions leave goes to it"


async def test_stacked_lists_keep_one_line_rows() -> None:
    app = make_app(start_pane=Pane.TIMELINE)
    async with running(app, (80, 24)):
        timeline = reader_screen(app).reader(Pane.TIMELINE).entry_list
        assert timeline.row_lines == 1
        assert [column.label_key for column, _ in timeline.column_widths(76)][:2] == [
            "column.date",
            "column.gap",
        ]


@pytest.mark.content
async def test_two_line_rows_move_click_and_page_by_entry() -> None:
    app = make_bundled_app(start_pane=Pane.TIMELINE)
    async with running(app, (120, 36)) as pilot:
        timeline = reader_screen(app).reader(Pane.TIMELINE).entry_list
        assert timeline.row_lines == 2
        visible = timeline.visible_rows
        await pilot.press("pagedown")
        assert timeline.cursor == visible - 1
        await pilot.press("j")
        await pilot.pause()
        assert round(timeline.scroll_offset.y) % 2 == 0, "rows stay whole at the top"
        top_row = round(timeline.scroll_offset.y) // 2
        await pilot.click(timeline, offset=(20, 2 + 1))  # the second line of the first row shown
        assert timeline.cursor == top_row


def test_wrap_breaks_between_words_and_cuts_the_rest_with_an_ellipsis() -> None:
    assert wrap("Executive Order 13873 declares an ICT supply-chain emergency", 40, 2) == [
        "Executive Order 13873 declares an ICT".ljust(40),
        "supply-chain emergency".ljust(40),
    ]
    assert wrap("one two three four five six", 9, 2) == ["one two  ", "three fo…"]
    assert wrap("Supercalifragilistic", 8, 2) == ["Supercal", "ifragil…"]
    assert wrap("short", 8, 2) == ["short   ", " " * 8]
    assert wrap("日本語のテキスト", 5, 2) == ["日本 ", "語の…"]


def test_two_line_timeline_puts_the_gap_under_the_date_and_drops_the_actor_when_tight() -> None:
    entry_list = EntryList(PANE_COLUMNS[Pane.TIMELINE], EN)
    one_line = [column.label_key for column, _ in entry_list.column_widths(63, 1)]  # 120 columns
    two_lines = entry_list.column_widths(63, 2)
    assert one_line == ["column.date", "column.gap", "column.kind", "column.event"]
    assert [column.label_key for column, _ in two_lines] == ["column.date", "column.kind", "column.event"]
    assert dict((column.label_key, width) for column, width in two_lines)["column.event"] >= 38
    assert two_lines[0][0].under is not None


async def test_s_toggles_date_order_and_file_order_and_it_is_remembered() -> None:
    app = make_app()
    async with running(app, (120, 36), notifications=True) as pilot:
        statements = reader_screen(app).reader(Pane.STATEMENTS).entry_list
        dates = [entry.when or date.min for entry in statements.entries]
        assert dates == sorted(dates, reverse=True), "statements: newest first"
        published = hub_of(app).entries(Pane.STATEMENTS)
        assert list(statements.entries) != list(published)
        current = statements.current
        await pilot.press("S")
        await pilot.pause()
        assert list(statements.entries) == list(published)
        assert statements.current is current, "the cursor stays on its entry"
        assert statements.sort_mark == ""
        await state_written(pilot)
        assert StateStore(state_file()).load()[0].list_order is ListOrder.PUBLISHED
        assert any("as published" in str(toast.render()) for toast in app.screen.query("Toast"))
    again = make_app()
    async with running(again, (120, 36)) as pilot:
        statements = reader_screen(again).reader(Pane.STATEMENTS).entry_list
        assert list(statements.entries) == list(hub_of(again).entries(Pane.STATEMENTS))
        await pilot.press("S")
        await pilot.pause()
        assert statements.sort_mark == "▼"
        timeline = reader_screen(again).reader(Pane.TIMELINE).entry_list
        assert timeline.sort_mark == "▲"
        dates = [entry.when or date.min for entry in timeline.entries]
        assert dates == sorted(dates), "timeline: oldest first"


@pytest.mark.content
async def test_a_long_heading_shown_at_start_wraps_whole() -> None:
    """The entry shown at start kept the one line its heading was first measured at: "Two years
    later: TikTok says US user traffic is" without "routed to Oracle" (newest first made it show)."""
    app = make_bundled_app()
    async with running(app, (120, 36)) as pilot:
        await pilot.pause()
        detail = reader_screen(app).reader(Pane.STATEMENTS).detail
        heading = detail.query_one("#detail-heading")
        assert detail.entry is not None and len(detail.entry.heading) > heading.size.width
        assert heading.size.height == 2
