"""No crash that comes back at every start (issue 26).

The state file says which view to restore; when that view cannot be drawn (the chart
with a date of 9999-12-31 raised ValueError at every start, whatever the next cause
may be) the reader shows the default view with one message, and the state file is
not left saying the view that failed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Size
from textual.pilot import Pilot
from textual.strip import Strip

from infohub_tui.chart.layout import Viewport
from infohub_tui.hub.model import Pane
from infohub_tui.locations import state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.widgets import timeline_chart
from infohub_tui.ui.widgets.reader_pane import ReaderPane
from infohub_tui.ui.widgets.timeline_chart import TimelineChart

from .helpers import make_app, reader_screen, running, state_written, toasts, wait_until, write_bundle


def broken_render(self: TimelineChart, y: int) -> Strip:
    raise ValueError("year 10139 is out of range")


def remember_the_chart_open() -> None:
    StateStore(state_file()).save(State(last_pane=Pane.TIMELINE, timeline_chart=True))


def broken_viewport(*args: object) -> Viewport:
    raise ValueError("year 10139 is out of range")


async def chart_gave_way(pilot: Pilot[None], app: InfohubApp) -> ReaderPane:
    """Wait until the restored chart has failed and the Timeline shows its list; that pane. The chart
    is composed after the first frame (lazy panes): this waits for its failure, not a frame."""
    await wait_until(
        pilot, lambda: any("could not be drawn" in toast for toast in toasts(app)), "the chart's failure"
    )
    reader = reader_screen(app).reader(Pane.TIMELINE)
    await wait_until(pilot, lambda: not reader.chart_shown, "the list in the chart's place")
    return reader


@pytest.mark.parametrize("where", ["render", "layout"])
async def test_a_restored_chart_that_cannot_draw_gives_the_list_and_is_not_restored_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    if where == "render":
        monkeypatch.setattr(TimelineChart, "render_line", broken_render)
    else:  # as the chart failed on a date of 9999-12-31: on the first resize, before any drawing
        monkeypatch.setattr(timeline_chart, "viewport", broken_viewport)
    remember_the_chart_open()
    app = make_app(content=write_bundle(tmp_path))
    async with running(app, notifications=True) as pilot:
        await chart_gave_way(pilot, app)
        assert reader_screen(app).active_pane == Pane.TIMELINE
        failures = [toast for toast in toasts(app) if "could not be drawn" in toast]
        assert len(failures) == 1, toasts(app)
        assert "ValueError: year 10139 is out of range" in failures[0]
        await state_written(pilot)
        assert not StateStore(state_file()).load()[0].timeline_chart
        await pilot.press("j")  # the reader goes on
        await pilot.pause()
    assert app.return_code in (None, 0)
    assert json.loads(state_file().read_text())["timeline_view"] == "list"


async def test_a_failure_still_queued_when_the_chart_gave_way_says_nothing_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under load a Show and a Resize of the failed chart were still queued when it gave way: the
    Show cleared its "said once" and the Resize failed again, so the message came twice."""
    monkeypatch.setattr(timeline_chart, "viewport", broken_viewport)
    remember_the_chart_open()
    app = make_app(content=write_bundle(tmp_path))
    async with running(app, notifications=True) as pilot:
        reader = await chart_gave_way(pilot, app)
        chart = reader.query_one(TimelineChart)
        chart.post_message(events.Show())
        chart.post_message(events.Resize(Size(90, 20), Size(90, 20)))
        reader_screen(app).post_message(TimelineChart.Failed(chart, ValueError("late")))
        await pilot.pause()
        await pilot.pause()
        assert len([toast for toast in toasts(app) if "could not be drawn" in toast]) == 1, toasts(app)
        assert not reader.chart_shown


async def test_the_chart_is_tried_again_when_asked_for_and_fails_with_one_message_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TimelineChart, "render_line", broken_render)
    app = make_app(content=write_bundle(tmp_path), start_pane=Pane.TIMELINE)
    async with running(app, notifications=True) as pilot:
        reader = reader_screen(app).reader(Pane.TIMELINE)
        await pilot.press("v")
        await pilot.pause()
        await pilot.pause()
        assert not reader.chart_shown
        await pilot.press("v")
        await pilot.pause()
        await pilot.pause()
        assert not reader.chart_shown
        assert len([toast for toast in toasts(app) if "could not be drawn" in toast]) == 2
    assert not StateStore(state_file()).load()[0].timeline_chart


async def test_the_message_is_in_german_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TimelineChart, "render_line", broken_render)
    remember_the_chart_open()
    app = make_app("de", content=write_bundle(tmp_path, "de"))
    async with running(app, notifications=True) as pilot:
        await pilot.pause()
        assert any("Das Diagramm ließ sich nicht zeichnen" in toast for toast in toasts(app)), toasts(app)
