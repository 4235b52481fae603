"""Keys with one meaning (issue 14): panes, the see-also list, paging, marks, history, next
unread, what keys with nothing to do say, the key bar, ctrl+c, and the search box's keys."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from infohub_tui.config import Config
from infohub_tui.hub.model import PANES, Pane, Reference
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.search_screen import SearchScreen
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.key_bar import KeyBar
from infohub_tui.ui.widgets.link_list import LinkList

from .helpers import (
    current_entry,
    make_app,
    reader_screen,
    running,
    showing,
    toasts,
    wait_until,
    write_bundle,
)


def key_bar(app: InfohubApp) -> str:
    return str(reader_screen(app).query_one(KeyBar).render())


def links_of(app: InfohubApp) -> LinkList:
    return reader_screen(app).visible_reader.detail.query_one(LinkList)


async def read_launch_claim(app: InfohubApp, pilot: Pilot[None]) -> None:
    """The Statements entry with five links: its 'later' one first, then see-also ones."""
    entries = reader_screen(app).reader(Pane.STATEMENTS).entry_list.entries
    index = next(number for number, entry in enumerate(entries) if entry.id == "launch-claim")
    await pilot.press(*"j" * index, "enter")
    await pilot.pause()
    assert showing(app) == (Pane.STATEMENTS, "launch-claim")


# Panes and the see-also list -------------------------------------------------------------


async def test_the_number_keys_switch_panes_from_the_entry_and_from_its_links() -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("enter", "4")
        await pilot.pause()
        assert reader_screen(app).active_pane is Pane.TIMELINE
        await pilot.press("enter", "enter")  # read the first event, into its links
        await pilot.pause()
        assert isinstance(app.focused, LinkList)
        await pilot.press("2")
        await pilot.pause()
        assert reader_screen(app).active_pane is Pane.FAQ


async def test_the_see_also_list_moves_follows_and_goes_back_to_the_entry() -> None:
    app = make_app()
    async with running(app) as pilot:
        await read_launch_claim(app, pilot)
        links = links_of(app)
        assert links.border_title == "See also (⏎ in the entry)"
        assert links.border_subtitle == "j k choose · ⏎ follow · esc back to the entry"
        assert str(links.get_option_at_index(0).prompt).startswith("→ What came later: ")
        await pilot.press("enter")
        assert app.focused is links and links.highlighted == 0
        await pilot.press("j", "down", "k")
        assert links.highlighted == 1
        await pilot.press("escape")
        assert isinstance(app.focused, EntryDetail)
        assert showing(app) == (Pane.STATEMENTS, "launch-claim")
        await pilot.press("enter", "enter")  # back into the links, at the second one
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, "never-shared")
        assert isinstance(app.focused, EntryDetail)


# Paging --------------------------------------------------------------------------------


def long_entry_bundle(root: Path) -> Path:
    paragraphs = "\n\n".join(f"    Paragraph {number} of a long statement." for number in range(1, 120))
    statements = (
        "- id: long\n  date: 2020-08-17\n  speaker: Someone\n  title: A long statement\n"
        f"  body: |\n{paragraphs}\n  sources: [src-one]\n"
    )
    return write_bundle(root, statements_yaml=statements)


async def test_space_and_b_page_the_entry_as_less_does_from_the_list_and_the_entry(tmp_path: Path) -> None:
    app = make_app(content=long_entry_bundle(tmp_path))
    async with running(app, (120, 30)) as pilot:
        detail = reader_screen(app).visible_reader.detail
        page = detail.scrollable_content_region.height
        await wait_until(pilot, lambda: detail.max_scroll_y > 4 * page, "the long body laid out")

        async def moved_by(*keys: str) -> float:
            before = detail.scroll_y
            await pilot.press(*keys)
            await pilot.pause()
            return detail.scroll_y - before

        assert app.focused is None  # from the list
        assert page - 2 <= await moved_by("space") <= page
        assert page - 2 <= await moved_by("ctrl+d") <= page
        assert -page <= await moved_by("b") <= 2 - page
        await pilot.press("enter")  # from the entry
        assert isinstance(app.focused, EntryDetail)
        assert page - 2 <= await moved_by("space") <= page
        assert -page <= await moved_by("ctrl+u") <= 2 - page
        assert reader_screen(app).visible_reader.entry_list.cursor == 0
        assert list(app.state.bookmarks) == [], "b pages; it no longer bookmarks"


# Marks, next unread ------------------------------------------------------------------------


async def test_m_bookmarks_the_entry_and_m_again_removes_it() -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("2", "m")
        await pilot.pause()
        assert list(app.state.bookmarks) == [current_entry(app).reference]
        await pilot.press("m")
        await pilot.pause()
        assert list(app.state.bookmarks) == []


async def test_capital_u_goes_to_the_next_unread_entry_then_says_none_is_left() -> None:
    app = make_app()
    async with running(app, notifications=True) as pilot:
        screen = reader_screen(app)
        every = {entry.reference for pane in PANES for entry in screen.reader(pane).entry_list.entries}
        statements = screen.reader(Pane.STATEMENTS).entry_list.entries
        faq = screen.reader(Pane.FAQ).entry_list.entries
        unread = {statements[5].reference, faq[2].reference}
        app.state.read.replace(every - unread)
        await pilot.press("U")
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, statements[5].id)
        await pilot.press("U")
        await pilot.pause()
        assert showing(app) == (Pane.FAQ, faq[2].id)
        await pilot.press("U")  # round the end, back to the Statements pane
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, statements[5].id)
        assert not toasts(app)
        app.state.read.replace(every)
        await pilot.press("U")
        await pilot.pause()
        assert toasts(app) == ["No unread entries left."]
        assert showing(app) == (Pane.STATEMENTS, statements[5].id)


# History -----------------------------------------------------------------------------------


async def test_history_goes_back_and_forward_and_a_new_jump_ends_the_way_forward() -> None:
    app = make_app()
    async with running(app, notifications=True) as pilot:
        await read_launch_claim(app, pilot)
        await pilot.press("enter", "j", "enter")
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, "never-shared")
        await pilot.press("alt+left")
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, "launch-claim")
        await pilot.press("alt+right")
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, "never-shared")
        await pilot.press("backspace")
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, "launch-claim")
        await pilot.press("enter", "enter")  # follow its first link instead: no way forward now
        await pilot.pause()
        assert not toasts(app)
        await pilot.press("alt+right")
        await pilot.pause()
        assert toasts(app) == ["Nothing to go forward to."]


# Keys with nothing to do say so --------------------------------------------------------


async def test_keys_with_nothing_to_do_say_so_in_english_and_german() -> None:
    for lang, expected in (
        (
            "en",
            [
                "No search to step through: / searches.",
                "No search to step through: / searches.",
                "Nothing to go back to.",
                "Nothing to go back to.",
                "Nothing to go forward to.",
            ],
        ),
        (
            "de",
            [
                "Keine Suche zum Durchgehen: / sucht.",
                "Keine Suche zum Durchgehen: / sucht.",
                "Kein früherer Ort im Verlauf.",
                "Kein früherer Ort im Verlauf.",
                "Kein späterer Ort im Verlauf.",
            ],
        ),
    ):
        app = make_app(lang=lang)
        async with running(app, (120, 50), notifications=True) as pilot:
            await pilot.press("n", "N", "backspace", "alt+left", "alt+right")
            await pilot.pause()
            assert toasts(app) == expected
            assert showing(app) == (
                Pane.STATEMENTS,
                reader_screen(app).reader(Pane.STATEMENTS).entry_list.entries[0].id,
            )


async def test_enter_on_an_entry_without_links_says_it_has_none(tmp_path: Path) -> None:
    app = make_app(content=write_bundle(tmp_path))
    async with running(app, notifications=True) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.focused, EntryDetail)
        assert toasts(app) == ["This entry has no see-also links."]


async def test_ctrl_c_says_how_to_quit_as_plain_text() -> None:
    """Textual's own hint is markup (`Press [b]ctrl+q[/b]`), shown literally by this app."""
    for lang, expected in (("en", "Press q / ^q to quit."), ("de", "q / ^q beendet das Programm.")):
        app = make_app(lang=lang)
        async with running(app, notifications=True) as pilot:
            await pilot.press("ctrl+c")
            await pilot.pause()
            (toast,) = toasts(app)
            assert expected in toast
            assert "[" not in toast and "]" not in toast
            assert app.is_running


async def test_ctrl_c_names_a_remapped_quit_key() -> None:
    app = make_app(config=Config(keymap={"quit": "x"}))
    async with running(app, notifications=True) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert "Press x / ^q to quit." in toasts(app)[0]


# The key bar -------------------------------------------------------------------------------


async def test_the_key_bar_shows_the_keys_of_where_the_reader_is() -> None:
    app = make_app()
    async with running(app, (200, 40)) as pilot:
        assert key_bar(app).startswith(" ⏎ Read  / Search  space / b Page  z Full width  m Bookmark ")
        await read_launch_claim(app, pilot)
        assert key_bar(app).startswith(
            " esc List  ⏎ See also  space / b Page  z Full width  f Find  ⌫ Back  m Bookmark "
        )
        await pilot.press("enter")
        assert key_bar(app).startswith(" j / k Move  ⏎ Follow  esc Entry ")
        await pilot.press("escape", "escape", "4", "v")
        await pilot.pause()
        assert key_bar(app).startswith(" + / - Zoom  h / l Earlier/later  ⏎ Read  v List ")
        await pilot.press("1")
        await pilot.pause()
        assert key_bar(app).startswith(" ⏎ Read ")


# The search box ----------------------------------------------------------------------------


async def test_down_and_up_in_the_search_box_move_through_the_results_and_enter_opens_one() -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash", *"data")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert isinstance(app.focused, Input)
        third = screen.ordered_hits[2]
        results = screen.query_one("#search-results", OptionList)
        await pilot.press("down", "down", "down", "up")
        assert screen.hits_by_option[results.get_option_at_index(results.highlighted or 0).id or ""] is third
        assert isinstance(app.focused, Input), "the box keeps the focus: typing goes on"
        await pilot.press("enter")
        await pilot.pause()
        assert showing(app) == (third.pane, third.entry_id)
        search = reader_screen(app).search.active
        assert search is not None and search.position == 2


async def test_the_search_box_says_which_keys_it_has() -> None:
    for lang, expected in (
        ("en", "↓↑ results · ⏎ open · ^↑ ^↓ earlier searches · esc close"),
        ("de", "↓↑ Treffer · ⏎ öffnen · ^↑ ^↓ frühere Suchen · esc schließen"),
    ):
        app = make_app(lang=lang)
        async with running(app) as pilot:
            await pilot.press("slash")
            await pilot.pause()
            assert app.screen.query_one("#search-box").border_subtitle == expected


def test_history_goes_back_and_forward_as_a_browser_does() -> None:
    from infohub_tui.reading.session import History

    a, b, c, d = (Reference(Pane.FAQ, name) for name in "abcd")
    history = History()
    assert history.back(a) is None and history.forward(a) is None
    assert not history.jumped(a, a), "a jump to where the reader is is not remembered"
    assert history.jumped(a, b) and history.jumped(b, c)
    assert history.back(c) == b
    assert history.back(b) == a
    assert history.back(a) is None
    assert history.forward(a) == b
    assert history.forward(b) == c
    assert history.forward(c) is None
    assert history.back(c) == b
    history.jumped(b, d)
    assert history.forward(d) is None, "a new jump ends the way forward"
    assert history.back(d) == b and history.back(b) == a


def test_next_unread_looks_after_the_cursor_then_in_the_following_lists() -> None:
    from infohub_tui.reading.session import Reading
    from infohub_tui.reading.state import State

    lists = [[Reference(pane, f"{pane.value}-{number}") for number in range(4)] for pane in PANES]
    reading = Reading(State(read={reference for each in lists for reference in each}))
    assert reading.next_unread(lists, 1, 2) is None
    for reference in (lists[1][0], lists[1][2], lists[3][1], lists[0][3]):
        reading.state.read.discard(reference)
    assert reading.next_unread(lists, 1, 0) == lists[1][2], "after the cursor first"
    assert reading.next_unread(lists, 1, 2) == lists[3][1], "then the following panes"
    assert reading.next_unread(lists, 3, 1) == lists[0][3], "round the end"
    reading.state.read.add(lists[3][1])
    reading.state.read.add(lists[0][3])
    assert reading.next_unread(lists, 1, 2) == lists[1][0], "last, the visible list before the cursor"
    assert reading.next_unread(lists, 1, 0) == lists[1][2]
    reading.state.read.add(lists[1][2])
    assert reading.next_unread(lists, 1, 0) is None, "not the entry at the cursor itself"
