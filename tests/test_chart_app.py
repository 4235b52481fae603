"""The chart in the app: v toggles it (remembered), moving in it selects the list entry and shows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infohub_tui.hub.model import Pane
from infohub_tui.locations import state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_file import StateFormatError, encode_state, state_from_json
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.entry_list import EntryList
from infohub_tui.ui.widgets.timeline_chart import TimelineChart

from .chart_story import write_story
from .helpers import current_id, make_app, reader_screen, running, state_written, wait_until


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    return write_story(tmp_path / "content")


def heading(detail: EntryDetail) -> str:
    return str(detail.query_one("#detail-heading").render())


async def test_v_toggles_list_and_chart_and_is_remembered(story_dir: Path) -> None:
    app = make_app(content=story_dir, start_pane=Pane.TIMELINE)
    async with running(app, size=(100, 30)) as pilot:
        reader = reader_screen(app).reader(Pane.TIMELINE)
        chart = reader.query_one(TimelineChart)
        assert not chart.display or not reader.chart_shown
        await pilot.press("v")
        await pilot.pause()
        assert reader.chart_shown and chart.region.width > 0
        assert reader.query_one(EntryList).region.width == 0  # the chart is in the list's place
        await state_written(pilot)
        assert StateStore(state_file()).load()[0].timeline_chart
        await pilot.press("1", "v")  # no chart in other panes: v does nothing there
        await pilot.pause()
        assert reader_screen(app).reader(Pane.STATEMENTS).chart is None
        assert reader.chart_shown
    again = make_app(content=story_dir, start_pane=Pane.TIMELINE)
    async with running(again, size=(100, 30)) as pilot:
        reader = reader_screen(again).reader(Pane.TIMELINE)
        assert reader.chart_shown
        await pilot.press("v")
        await pilot.pause()
        assert not reader.chart_shown
        await state_written(pilot)
        assert not StateStore(state_file()).load()[0].timeline_chart


async def test_moving_in_the_chart_selects_the_list_entry_and_shows_it(story_dir: Path) -> None:
    app = make_app(content=story_dir, start_pane=Pane.TIMELINE)
    async with running(app, size=(120, 36)) as pilot:
        reader = reader_screen(app).reader(Pane.TIMELINE)
        chart = reader.query_one(TimelineChart)
        assert current_id(app) == "eo-13873"
        await pilot.press("v")
        await pilot.pause()
        # The chart opens on the story; the list's first entry (2019) lies outside, so the story's
        # first event is selected in its place, in the list and the entry too.
        assert current_id(app) == "microsoft-talks"
        assert heading(reader.detail) == "Microsoft confirms talks to buy TikTok's US operations"
        await pilot.press("j")  # the list keys move between events in the chart
        await pilot.pause()
        assert chart.current is not None and chart.current.id == "eo-13942-signed"
        assert reader.entry_list.current is not None and reader.entry_list.current.id == "eo-13942-signed"
        assert heading(reader.detail) == "Executive Order 13942 signed"
        await pilot.press("plus", "plus", "plus", "l")  # zooming and panning keep the selection
        await pilot.pause()
        assert current_id(app) == "eo-13942-signed"
        # A click on another event's marker selects it in the list and shows it.
        layout = chart.chart_layout
        marker = next(m for m in layout.markers if len(m.events) == 1 and m.events.start != chart.selected)
        target = chart.data.events[marker.events.start]
        await pilot.click(chart, offset=(marker.column + 1, layout.marker_row + 1))
        await pilot.pause()
        assert current_id(app) == target.id
        assert heading(reader.detail) == target.title
        # And the list, shown again, has kept it.
        await pilot.press("v", "k")
        await pilot.pause()
        assert reader.entry_list.current is not None
        assert chart.current == reader.entry_list.current


async def test_chart_keys_act_only_while_the_chart_shows(story_dir: Path) -> None:
    app = make_app(content=story_dir, start_pane=Pane.TIMELINE)
    async with running(app, size=(100, 30)) as pilot:
        chart = reader_screen(app).reader(Pane.TIMELINE).query_one(TimelineChart)
        await pilot.press("plus", "plus")
        assert chart.view is None  # not moved: the story, whenever it opens
        await pilot.press("v", "0", "plus", "plus", "minus")
        await pilot.pause()
        assert chart.view is not None and chart.view.zoom == 1
        await pilot.press("0")
        assert chart.view.zoom == 0


async def test_the_chart_follows_a_jump_from_elsewhere(story_dir: Path) -> None:
    app = make_app(content=story_dir, start_pane=Pane.TIMELINE)
    async with running(app, size=(100, 30)) as pilot:
        await pilot.press("v", "plus", "plus", "plus", "plus", "plus")
        await pilot.pause()
        chart = reader_screen(app).reader(Pane.TIMELINE).query_one(TimelineChart)
        assert reader_screen(app).jump_to(Pane.TIMELINE, "supreme-court-upholds")
        await pilot.pause()
        assert chart.current is not None and chart.current.id == "supreme-court-upholds"
        assert 0 <= chart.chart_viewport.column(chart.current.date) < chart.size.width


async def test_switching_language_keeps_the_chart_and_its_event(story_dir: Path) -> None:
    app = make_app(content=story_dir, start_pane=Pane.TIMELINE)
    async with running(app, size=(100, 30)) as pilot:
        await pilot.press("v", "j", "L")
        await wait_until(pilot, lambda: app.language == "de", "the switch to German")
        await pilot.pause()
        reader = reader_screen(app).reader(Pane.TIMELINE)
        chart = reader.query_one(TimelineChart)
        assert reader.chart_shown
        assert chart.current is not None and chart.current.title == "Executive Order 13942 unterzeichnet"
        assert chart.translator.lang == "de"


def test_the_state_file_keeps_the_timeline_view() -> None:
    assert state_from_json({"timeline_view": "chart"}).timeline_chart
    assert not state_from_json({}).timeline_chart  # files from before the chart show the list
    assert json.loads(encode_state(State(timeline_chart=True)))["timeline_view"] == "chart"
    with pytest.raises(StateFormatError):
        state_from_json({"timeline_view": "grid"})
