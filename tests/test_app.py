"""The real app driven through Pilot: every key does what the help says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Markdown, Static
from textual.widgets.markdown import MarkdownBlock

from infohub_tui.hub.library import ContentLibrary
from infohub_tui.hub.model import PANES, Entry, Pane
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.help_screen import HelpScreen
from infohub_tui.ui.screens.reader_screen import ReaderScreen
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.entry_list import SCROLL_THUMB
from infohub_tui.ui.widgets.link_list import LinkList
from infohub_tui.ui.widgets.source_list import SourceList

from .helpers import (
    FIXTURE_HUB,
    current_entry,
    current_id,
    hub_of,
    make_app,
    reader_screen,
    running,
    wait_until,
    write_bundle,
)


def text_of(static: Static) -> str:
    return str(static.render())


def detail_text(app: InfohubApp, pane: Pane) -> str:
    detail = reader_screen(app).reader(pane).detail
    parts = [
        text_of(detail.query_one(f"#{name}", Static))
        for name in ("detail-heading", "detail-byline", "detail-lead", "detail-quote")
    ]
    sources = detail.query_one("#detail-sources", SourceList)
    parts += [line.plain for line in sources.lines(1000)]  # wide: every title and address on one line
    parts.append(detail.query_one(Markdown).source)
    return "\n".join(parts)


async def test_every_pane_lists_its_entries_and_shows_the_first() -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        for number, pane in enumerate(PANES, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            assert reader_screen(app).active_pane is pane
            entries = hub_of(app).entries(pane)
            entry_list = reader_screen(app).reader(pane).entry_list
            assert len(entry_list.entries) == len(entries) > 0
            assert app.focused is None, "the list keys work without moving focus"
            first = entry_list.entries[0]
            shown = detail_text(app, pane)
            assert first.heading in shown
            assert first.speaker in shown
            for source in hub_of(app).sources_of(first):
                assert source.title in shown and source.url in shown


async def test_number_tab_and_bracket_keys_move_between_panes() -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        seen = []
        for key in (
            "3",
            "tab",
            "tab",
            "tab",
            "shift+tab",
            "right_square_bracket",
            "left_square_bracket",
            "1",
        ):
            await pilot.press(key)
            await pilot.pause()
            seen.append(reader_screen(app).active_pane)
        assert seen == [
            Pane.STORAGE,
            Pane.TIMELINE,
            Pane.STATEMENTS,
            Pane.FAQ,
            Pane.STATEMENTS,
            Pane.FAQ,
            Pane.STATEMENTS,
            Pane.STATEMENTS,
        ]


async def test_cursor_keys_move_through_the_list_and_update_the_detail() -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        entry_list = reader_screen(app).reader(Pane.FAQ).entry_list
        await pilot.press("2", "j", "j", "down")
        assert entry_list.cursor == 3
        await pilot.press("k", "up")
        assert entry_list.cursor == 1
        await pilot.press("G")
        assert entry_list.cursor == len(entry_list.entries) - 1
        await pilot.press("g")
        assert entry_list.cursor == 0
        await pilot.press("k")
        assert entry_list.cursor == 0
        await pilot.press("j")
        await pilot.pause()
        assert hub_of(app).entries(Pane.FAQ)[1].heading in detail_text(app, Pane.FAQ)


async def test_enter_opens_the_entry_and_escape_goes_back() -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, EntryDetail)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is None
        await pilot.press("j")
        assert reader_screen(app).reader(Pane.STATEMENTS).entry_list.cursor == 1


async def test_timeline_is_in_date_order_with_gaps() -> None:
    app = make_app()
    async with running(app, (160, 40)) as pilot:
        await pilot.press("4")
        entry_list = reader_screen(app).reader(Pane.TIMELINE).entry_list
        dates = [event.when for event in entry_list.entries if event.when is not None]
        assert len(dates) == len(entry_list.entries) and dates == sorted(dates)
        gap_column = next(column for column in entry_list.columns if column.label_key == "column.gap")
        events = entry_list.entries
        signed, sale = (
            next(i for i, e in enumerate(events) if e.id == key) for key in ("order-signed", "sale-ordered")
        )
        assert gap_column.cell(events[0], None, app.translator) == "start"
        assert events[sale - 1] is events[signed]
        assert gap_column.cell(events[sale], events[sale - 1], app.translator) == "+8 d"


async def test_c_copies_a_citation_with_speaker_date_and_url() -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        reader_screen(app).reader(Pane.STATEMENTS).select("launch-claim")
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == (
            "“Our data has always stayed in Exampleton, and it always will.” — Example Org, 17 August 2020. "
            "Source: Example Org opens its information page, Example Org (newsroom), 17 August 2020. "
            "https://web.archive.org/web/20200817000000/https://example.org/news/information-page "
            "Live address: https://example.org/news/information-page"
        )


async def test_s_selects_the_next_source_for_open_and_copy() -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        await pilot.press("2")
        reader_screen(app).reader(Pane.FAQ).select("what-the-order-says")  # two sources, no quote
        await pilot.press("s", "c")
        await pilot.pause()
        second = hub_of(app).sources_of(current_entry(app))[1]
        assert app.clipboard.endswith(second.url)


async def test_question_mark_lists_every_key_grouped() -> None:
    app = make_app()
    async with running(app, (120, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-bindings", Static).render())
        titles = [line for line in keys.splitlines() if line and not line.startswith(" ")]
        assert titles == [
            "Moving",
            "Reading",
            "Search",
            "Sources & copying",
            "Bookmarks & read marks",
            "Views",
            "App",
            "Mouse",
        ]
        lines = [" ".join(line.split()) for line in keys.splitlines()]
        for expected in (
            "1 / 2 / 3 / 4 Statements, FAQ, Data storage, Timeline",
            "space, ^d / b, ^u Page the entry down / up",
            "m Bookmark the entry (or remove it)",
            "⌫, alt+← Back to where you were (link, hit, bookmark)",
            "alt+→ Forward again",
            "U Next unread",
            "↓ / ↑ In the search box: next / previous result",
            "^↑ / ^↓ In the search box: earlier / later queries",
            "^p Command palette: jump to any entry by its title",
        ):
            assert expected in lines, expected
        links = [line for line in lines if "see-also" in line]
        assert links == [
            "⏎ While reading: the see-also links (j k move, g G first / last, ⏎ follows, esc back)"
        ]
        assert "Go to" not in keys and "Follow link" not in keys
        assert any(line.startswith("click / double-click") for line in lines)
        help_text = "\n".join(str(static.render()) for static in app.screen.query(Static))
        assert "copy-citation = c" in help_text and "[keymap]" in help_text
        for source in hub_of(app).sources.values():  # they are in the Sources view (issue 21)
            assert source.url not in help_text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_the_help_rows_name_every_key_of_the_reader_once() -> None:
    from infohub_tui.ui import bindings

    shown = [binding_id for row in bindings.all_rows() for binding_id in row.ids]
    assert len(shown) == len(set(shown))
    every = {
        binding.id
        for group in (
            bindings.READER,
            bindings.ENTRY_TABLE,
            bindings.ENTRY_DETAIL,
            bindings.LINK_LIST,
            bindings.LIST_MOVES,
            bindings.TIMELINE_CHART,
            bindings.SEARCH,
            bindings.BOOKMARKS,
        )
        for binding in group
        if binding.id != "close-bookmarks"  # escape closes every screen; the help says it once
    }
    assert every == set(shown)


async def test_a_remapped_key_shows_as_its_new_key_in_the_help() -> None:
    from infohub_tui.config import Config

    app = make_app(config=Config(keymap={"toggle-bookmark": "ctrl+b", "pane-faq": "F"}))  # f finds
    async with running(app, (120, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        keys = str(app.screen.query_one("#help-bindings", Static).render())
        lines = [" ".join(line.split()) for line in keys.splitlines()]
        assert "^b Bookmark the entry (or remove it)" in lines
        assert "1 / F / 3 / 4 Statements, FAQ, Data storage, Timeline" in lines


async def test_q_quits() -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize(("width", "height", "stacked"), [(60, 20, True), (80, 24, True), (160, 50, False)])
async def test_layout_side_by_side_when_wide_stacked_when_narrow(
    width: int, height: int, stacked: bool
) -> None:
    app = make_app()
    async with running(app, (width, height)) as pilot:
        await pilot.pause()
        reader = reader_screen(app).reader(Pane.STATEMENTS)
        list_region, detail_region = reader.entry_list.region, reader.detail.region
        assert list_region.height >= 3 and detail_region.height >= 3
        if stacked:
            assert detail_region.y >= list_region.bottom
        else:
            assert detail_region.x >= list_region.right
        await pilot.resize_terminal(160 if stacked else 60, 50 if stacked else 20)
        await pilot.pause()
        list_region, detail_region = reader.entry_list.region, reader.detail.region
        assert (detail_region.x >= list_region.right) is stacked


@pytest.mark.stress
async def test_a_list_of_ten_thousand_entries_stays_one_widget(tmp_path: Path) -> None:
    from .synthetic import write_synthetic_bundle

    content = write_synthetic_bundle(tmp_path, entries_per_pane=10_000, only="faq.yaml")
    app = make_app(content=content)
    async with running(app, (120, 40)) as pilot:
        await pilot.press("2", "G")
        await pilot.pause()
        entry_list = reader_screen(app).reader(Pane.FAQ).entry_list
        assert entry_list.cursor == 9_999
        assert len(entry_list.children) == 0
        assert hub_of(app).entries(Pane.FAQ)[-1].heading in detail_text(app, Pane.FAQ)


@pytest.mark.stress
async def test_a_long_list_shows_where_the_reader_is(tmp_path: Path) -> None:
    from .synthetic import write_synthetic_bundle

    content = write_synthetic_bundle(tmp_path, entries_per_pane=10_000, only="faq.yaml")
    write_synthetic_bundle(tmp_path, entries_per_pane=10_000, lang="de", only="faq.yaml")
    app = make_app(content=content)
    async with running(app, (120, 40)) as pilot:
        await pilot.press("2")
        entry_list = reader_screen(app).reader(Pane.FAQ).entry_list

        def thumb_rows() -> list[int]:
            lines = [strip.text for strip in entry_list.render_lines(Region(0, 0, *entry_list.outer_size))]
            return [row for row, line in enumerate(lines) if line[-2] == SCROLL_THUMB]

        rows = entry_list.outer_size.height - 3  # less the border and the header line
        assert entry_list.border_subtitle == "1 of 10,000"
        assert thumb_rows() == [2]
        entry_list.post_message(events.MouseScrollDown(entry_list, 10, 10, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert (
            entry_list.scroll_offset.y > 0 and entry_list.cursor == 0
        )  # the wheel scrolls without the scrollbar
        await pilot.press("G")
        assert entry_list.border_subtitle == "10,000 of 10,000"
        assert thumb_rows() == [rows + 1]
        await pilot.click(entry_list, offset=(entry_list.outer_size.width - 2, 2 + rows // 2))
        assert abs(entry_list.cursor - 5_000) < 10_000 / rows
        assert thumb_rows() in ([1 + rows // 2], [2 + rows // 2])
        await pilot.press("L")  # German of this size loads in a thread
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.language == "de"
        assert entry_list.border_subtitle == f"{entry_list.cursor + 1:,} von 10.000".replace(",", ".")


async def test_clicking_a_row_selects_that_entry_and_a_double_click_reads_it() -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        entry_list = reader_screen(app).reader(Pane.STATEMENTS).entry_list
        third = 2 + 2 * entry_list.row_lines  # border, header, then the third entry (rows of 1 or 2 lines)
        await pilot.click(entry_list, offset=(10, third + entry_list.row_lines - 1))  # its last line
        assert entry_list.cursor == 2
        assert app.focused is None
        await pilot.click(entry_list, offset=(10, 2), times=2)
        assert entry_list.cursor == 0
        assert isinstance(app.focused, EntryDetail)


async def test_a_first_visit_paints_the_whole_entry_in_its_first_frame() -> None:
    """Hidden panes render their entry in the background after start-up, so a first visit
    paints the body with the rest, not a frame later."""
    app = make_app()
    first_frame: list[set[type[Widget]]] = []

    def painted(_screen: Screen[object]) -> None:
        if reader_screen(app).tabs.active == Pane.FAQ.value and not first_frame:
            region = reader_screen(app).reader(Pane.FAQ).detail.content_region
            first_frame.append(
                {type(app.screen.get_widget_at(region.x, y)[0]) for y in range(region.y, region.bottom)}
            )

    async with running(app, (120, 40)) as pilot:
        screen = reader_screen(app)
        await wait_until(pilot, lambda: all(screen.reader(pane).is_built for pane in PANES), "panes built")
        assert [reader_screen(app).reader(pane).detail.entry for pane in PANES] == [
            reader_screen(app).reader(pane).entry_list.entries[0] for pane in PANES
        ]
        faq_body = reader_screen(app).reader(Pane.FAQ).detail.query_one(Markdown)
        for _ in range(200):  # Markdown parses in a thread: wait for the blocks, not for a time
            if faq_body.children:
                break
            await pilot.pause()
        assert faq_body.children, "the hidden pane never rendered its body"
        app.screen.screen_layout_refresh_signal.subscribe(app, painted, immediate=True)
        await pilot.press("2")
    assert len(first_frame) == 1
    assert any(issubclass(painted_type, MarkdownBlock) for painted_type in first_frame[0]), first_frame


async def test_the_entry_renders_once_per_jump_and_once_per_language_switch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A jump inside the visible pane, and a language switch, render each pane's entry once."""
    renders: list[tuple[str, str | None]] = []
    show = EntryDetail.show

    def counted(detail: EntryDetail, entry: Entry | None, *args: Any, **kwargs: Any) -> None:
        renders.append((detail.id or "", entry.id if entry else None))
        show(detail, entry, *args, **kwargs)

    monkeypatch.setattr(EntryDetail, "show", counted)
    app = make_app()
    async with running(app) as pilot:
        screen = reader_screen(app)
        await wait_until(
            pilot,
            lambda: all(screen.reader(pane).detail.entry is not None for pane in PANES),
            "every pane rendered",
        )
        renders.clear()
        assert screen.jump_to(Pane.STATEMENTS, "never-shared")
        await wait_until(pilot, lambda: current_id(app) == "never-shared", "the jump")
        await pilot.pause()
        assert renders == [("detail-statements", "never-shared")]

        renders.clear()
        await pilot.press("L")
        await wait_until(pilot, lambda: app.language == "de", "the switch to German")
        await wait_until(pilot, lambda: len(renders) >= len(PANES), "every pane rendered in German")
        await pilot.pause()
        assert sorted(renders) == sorted((f"detail-{pane.value}", current_id(app, pane)) for pane in PANES)


async def test_the_reader_keys_are_off_under_a_modal_screen() -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("tab", "shift+tab", "tab", "3", "L", "m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = reader_screen(app)
        assert (screen.active_pane, app.language, list(app.state.bookmarks)) == (Pane.STATEMENTS, "en", [])
        await pilot.press("escape", "tab")
        await pilot.pause()
        assert screen.active_pane is Pane.FAQ


async def test_content_not_loaded_before_the_start_loads_in_the_background() -> None:
    app = InfohubApp(ContentLibrary(FIXTURE_HUB), "de")
    async with running(app) as pilot:
        await wait_until(pilot, lambda: app.hub is not None, "the hub loaded")
        await wait_until(
            pilot, lambda: reader_screen(app).reader(Pane.STATEMENTS).current is not None, "a list"
        )
        hub = hub_of(app)
        assert (app.title, hub.lang) == (hub.title, "de")
        assert current_id(app) == reader_screen(app).reader(Pane.STATEMENTS).entry_list.entries[0].id
        assert str(reader_screen(app).tabs.get_tab(Pane.FAQ.value).label) == "Fragen"


async def test_a_pane_without_entries_says_nothing_is_selected(tmp_path: Path) -> None:
    write_bundle(tmp_path, faq_yaml="[]\n")
    app = make_app(content=tmp_path)
    async with running(app) as pilot:
        await pilot.press("2")
        await pilot.pause()
        heading = reader_screen(app).reader(Pane.FAQ).detail.query_one("#detail-heading", Static)
        assert text_of(heading) == "Nothing selected."


async def test_the_sources_of_the_first_entry_shown_are_not_cut_off() -> None:
    """The entry's sources fit their lines at the width they are drawn at, from the start."""
    app = make_app()
    async with running(app, (120, 36)) as pilot:
        sources = reader_screen(app).reader(Pane.STATEMENTS).detail.query_one("#detail-sources", SourceList)
        await wait_until(pilot, lambda: sources.size.height > 1, "the sources laid out")
        for _ in range(5):
            await pilot.pause()
        needed = len(sources.lines(sources.content_size.width))
        assert sources.size.height == needed
        assert all(
            line.cell_length <= sources.content_size.width for line in sources.lines(sources.size.width)
        )


def test_every_key_of_the_reader_has_its_action() -> None:
    from infohub_tui.ui import bindings

    for binding in [*bindings.READER, *bindings.ENTRY_TABLE]:
        namespace, _, action = binding.action.partition("(")[0].rpartition(".")
        owner = InfohubApp if namespace == "app" else ReaderScreen
        assert callable(getattr(owner, f"action_{action}", None)), binding.id
    for widget, group in ((EntryDetail, bindings.ENTRY_DETAIL), (LinkList, bindings.LINK_LIST)):
        for binding in group:
            assert callable(getattr(widget, f"action_{binding.action}", None)), binding.id
