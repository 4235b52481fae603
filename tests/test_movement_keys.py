"""One set of movement keys everywhere: the bookmark list, the search results and the see-also
links take j/k and g/G as the main lists do (the bookmark list took only the arrows: `j enter`
opened the first bookmark, not the second)."""

from __future__ import annotations

from textual.widgets import OptionList

from infohub_tui.hub.model import Pane, Reference
from infohub_tui.locations import state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.screens.bookmarks_screen import BookmarksScreen
from infohub_tui.ui.screens.search_screen import SearchScreen
from infohub_tui.ui.widgets.link_list import LinkList

from .helpers import make_app, reader_screen, running, showing

BOOKMARKS = [
    Reference(Pane.STORAGE, "backup-location"),
    Reference(Pane.FAQ, "was-data-shared"),
    Reference(Pane.TIMELINE, "annual-report"),
]


async def test_j_and_enter_open_the_second_bookmark() -> None:
    StateStore(state_file()).save(State(bookmarks=list(BOOKMARKS)))
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("B", "j", "enter")
        await pilot.pause()
        assert showing(app) == (Pane.FAQ, "was-data-shared")
        await pilot.press("B", "G")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        options = screen.query_one("#bookmarks-list", OptionList)
        assert options.highlighted == 2
        await pilot.press("k")
        assert options.highlighted == 1
        await pilot.press("g")
        assert options.highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        assert showing(app) == (Pane.STORAGE, "backup-location")


async def test_the_search_results_take_j_k_g_and_g_after_tab() -> None:
    app = make_app()
    async with running(app, size=(120, 36)) as pilot:
        await pilot.press("slash", *"data")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        results = screen.query_one("#search-results", OptionList)
        await pilot.press("tab")  # from the box to the results
        assert app.focused is results
        first = results.highlighted
        await pilot.press("j", "j", "k")
        assert results.highlighted is not None and first is not None and results.highlighted > first
        chosen = results.get_option_at_index(results.highlighted).id
        await pilot.press("G")
        last = results.highlighted
        assert last == results.option_count - 1
        await pilot.press("g")
        assert results.highlighted is not None and results.highlighted <= (first or 0)
        await pilot.press("j", "j", "k")
        assert results.get_option_at_index(results.highlighted or 0).id == chosen
        await pilot.press("enter")
        await pilot.pause()
        pane, entry_id = (chosen or ":").split(":", 1)
        assert showing(app) == (Pane(pane), entry_id)


async def test_the_links_take_g_and_g() -> None:
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(120, 40)) as pilot:
        entries = reader_screen(app).visible_reader.entry_list.entries
        index = next(number for number, entry in enumerate(entries) if entry.id == "launch-claim")
        await pilot.press(*"j" * index, "enter", "enter")
        await pilot.pause()
        links = app.focused
        assert isinstance(links, LinkList) and links.option_count >= 3
        await pilot.press("G")
        assert links.highlighted == links.option_count - 1
        await pilot.press("g")
        assert links.highlighted == 0
