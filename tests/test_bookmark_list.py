"""The bookmark list (`B`): a title with the number of bookmarks, `d`/`delete` deletes the
highlighted one for good, and an empty list says how to make one."""

from __future__ import annotations

import html
import json

from textual.widgets import OptionList

from infohub_tui.hub.model import Pane, Reference
from infohub_tui.locations import state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.bookmarks_screen import BookmarksScreen

from .helpers import current_id, make_app, reader_screen, running, state_written

BOOKMARKS = [
    Reference(Pane.STORAGE, "backup-location"),
    Reference(Pane.FAQ, "was-data-shared"),
    Reference(Pane.TIMELINE, "annual-report"),
]


def with_bookmarks(lang: str = "en") -> InfohubApp:
    StateStore(state_file()).save(State(bookmarks=list(BOOKMARKS)))
    return make_app(lang)


def screen_text(app: InfohubApp) -> str:
    """What the terminal shows, as text (from the app's own screenshot)."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


def saved_bookmarks() -> list[str]:
    return list(json.loads(state_file().read_text())["bookmarks"])


async def test_the_list_has_a_title_with_the_number_of_bookmarks() -> None:
    app = with_bookmarks()
    async with running(app) as pilot:
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        text = screen_text(app)
        assert "Bookmarks (3)" in text
        assert "delete" in text, "the list says how to delete"


async def test_the_title_is_german_in_german() -> None:
    app = with_bookmarks("de")
    async with running(app) as pilot:
        await pilot.press("B")
        await pilot.pause()
        assert "Lesezeichen (3)" in screen_text(app)


async def test_d_deletes_the_highlighted_bookmark_for_good() -> None:
    app = with_bookmarks()
    async with running(app) as pilot:
        await pilot.press("B", "down", "d")
        await pilot.pause()
        assert "Bookmarks (2)" in screen_text(app)
        options = app.screen.query_one(OptionList)
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [
            str(BOOKMARKS[0]),
            str(BOOKMARKS[2]),
        ]
        assert options.highlighted == 1, "the next bookmark is highlighted"
        await state_written(pilot)
        assert saved_bookmarks() == [str(BOOKMARKS[0]), str(BOOKMARKS[2])], "saved at once"
        faq = reader_screen(app).reader(Pane.FAQ).entry_list
        entry = next(entry for entry in faq.entries if entry.id == "was-data-shared")
        assert faq.marker(entry) != "★", "the pane's list no longer marks it"
        await pilot.press("delete")
        await pilot.pause()
        assert "Bookmarks (1)" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert reader_screen(app).active_pane is Pane.STORAGE, "enter still opens what is left"
    again = make_app()
    async with running(again):
        assert list(again.state.bookmarks) == [BOOKMARKS[0]]


async def test_a_choice_on_its_way_when_d_deletes_opens_the_bookmark_chosen() -> None:
    """Found by the monkey test: enter then `d` typed together, and the selection arrived with the
    index of a row that `d` had just moved (IndexError, or another bookmark opened)."""
    app = with_bookmarks()
    async with running(app) as pilot:
        await pilot.press("B")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        last = OptionList.OptionSelected(options, options.get_option_at_index(2), 2)
        await pilot.press("d")  # the first row goes: the last is row 1 now
        await pilot.pause()
        app.screen.post_message(last)
        await pilot.pause()
        assert not isinstance(app.screen, BookmarksScreen)
        assert reader_screen(app).active_pane is Pane.TIMELINE
        assert current_id(app) == "annual-report"


async def test_an_empty_list_says_so_and_how_to_bookmark() -> None:
    app = with_bookmarks()
    async with running(app) as pilot:
        await pilot.press("B", "d", "d", "d")
        await pilot.pause()
        text = screen_text(app)
        assert "Bookmarks (0)" in text and "No bookmarks yet: press" in text
        await pilot.press("d")  # nothing left to delete: nothing happens
        await pilot.pause()
        await state_written(pilot)
        assert saved_bookmarks() == []
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, BookmarksScreen)
