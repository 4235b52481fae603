"""An entry on its own (`z`): the whole width (and height) for the entry, and back; remembered in
the state file like the chart; paging and the see-also links work as beside the list."""

from __future__ import annotations

import json

import pytest

from infohub_tui.hub.model import Pane
from infohub_tui.locations import state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_file import StateFormatError, encode_state, state_from_json
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.key_bar import KeyBar
from infohub_tui.ui.widgets.link_list import LinkList

from .helpers import make_app, reader_screen, running, showing, state_written, wait_until


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_z_gives_the_entry_the_whole_width_and_back(size: tuple[int, int]) -> None:
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=size) as pilot:
        reader = reader_screen(app).visible_reader
        beside = reader.detail.region
        assert reader.entry_list.region.width > 0
        await pilot.press("z")
        await wait_until(
            pilot,
            lambda: reader.entry_list.region.width == 0 or reader.entry_list.display is False,
            "the list out of the way",
        )
        alone = reader.detail.region
        assert alone.width == reader.region.width and alone.width >= beside.width
        assert alone.height >= beside.height and alone.area > beside.area
        assert isinstance(app.focused, EntryDetail)  # j/k scroll the entry, as when reading it
        await state_written(pilot)
        assert StateStore(state_file()).load()[0].entry_only
        assert "z Full width" in str(reader_screen(app).query_one(KeyBar).render())
        await pilot.press("z")
        await wait_until(pilot, lambda: reader.detail.region == beside, "the entry beside its list again")
        await state_written(pilot)
        assert not StateStore(state_file()).load()[0].entry_only


async def test_the_entry_alone_is_remembered_and_escape_goes_back_to_the_list() -> None:
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(120, 36)) as pilot:
        await pilot.press("z")
        await pilot.pause()
    again = make_app(start_pane=Pane.STATEMENTS)
    async with running(again, size=(120, 36)) as pilot:
        screen = reader_screen(again)
        assert screen.entry_only
        assert screen.visible_reader.entry_list.region.width == 0
        assert isinstance(again.focused, EntryDetail)
        await pilot.press("2")  # another pane: its entry alone, too
        await pilot.pause()
        assert screen.active_pane is Pane.FAQ and screen.visible_reader.entry_list.region.width == 0
        assert isinstance(again.focused, EntryDetail) and again.focused is screen.visible_reader.detail
        await pilot.press("escape")  # back to the list: beside it again
        await pilot.pause()
        assert not screen.entry_only and screen.visible_reader.entry_list.region.width > 0
        await state_written(pilot)
        assert not StateStore(state_file()).load()[0].entry_only


async def test_paging_and_links_work_in_the_entry_alone() -> None:
    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(80, 24)) as pilot:
        screen = reader_screen(app)
        entries = screen.visible_reader.entry_list.entries
        index = next(number for number, entry in enumerate(entries) if entry.id == "launch-claim")
        await pilot.press(*"j" * index, "z")
        await pilot.pause()
        detail = screen.visible_reader.detail
        assert detail.max_scroll_y > 0
        await pilot.press("space")
        await pilot.pause()
        assert detail.scroll_y > 0
        await pilot.press("b")
        await pilot.pause()
        assert detail.scroll_y == 0
        await pilot.press("enter")  # the see-also links
        await pilot.pause()
        assert isinstance(app.focused, LinkList)
        await pilot.press("enter")  # follow the first
        await pilot.pause()
        assert showing(app) != (Pane.STATEMENTS, "launch-claim")
        assert screen.entry_only and screen.visible_reader.entry_list.region.width == 0


def test_the_state_file_keeps_the_entry_view() -> None:
    assert state_from_json({"entry_view": "alone"}).entry_only
    assert not state_from_json({}).entry_only  # files from before: beside the list
    assert json.loads(encode_state(State(entry_only=True)))["entry_view"] == "alone"
    with pytest.raises(StateFormatError):
        state_from_json({"entry_view": "wide"})
