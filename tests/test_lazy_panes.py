"""Only what the first frame shows is composed before it: the hidden panes' entry views and the
Timeline's chart come after it, or on a first visit, and a pane shows whole in its first frame."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import MutableMapping
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from infohub_tui.hub.model import PANES, Pane
from infohub_tui.text.markdown_marks import body_parser
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.reader_screen import ReaderScreen
from infohub_tui.ui.widgets import entry_detail
from infohub_tui.ui.widgets.timeline_chart import TimelineChart

from .helpers import current_entry, make_app, reader_screen, running, wait_until


async def test_the_hidden_panes_are_composed_after_the_first_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    at_first_frame: list[dict[Pane, bool]] = []
    widgets: list[int] = []
    charts: list[bool] = []

    def ready(_app: InfohubApp) -> None:
        screen = reader_screen(app)
        at_first_frame.append({pane: screen.reader(pane).is_built for pane in PANES})
        widgets.append(len(list(screen.walk_children())))
        charts.append(bool(screen.reader(Pane.TIMELINE).query(TimelineChart)))

    monkeypatch.setattr(InfohubApp, "on_ready", ready, raising=False)  # Textual's Ready: the first frame
    async with running(app) as pilot:
        screen = reader_screen(app)
        assert at_first_frame == [{pane: pane is Pane.STATEMENTS for pane in PANES}]
        assert charts == [False], "no chart before the first frame"
        assert widgets[0] < 50, "a widget for every source, and every pane's entry, were composed"
        await wait_until(pilot, lambda: all(screen.reader(pane).is_built for pane in PANES), "built")
        assert screen.reader(Pane.TIMELINE).query(TimelineChart)
        for pane in PANES:
            assert screen.reader(pane).detail.entry == screen.reader(pane).entry_list.entries[0]


@pytest.mark.parametrize("key", ["2", "tab", "shift+tab"])
async def test_a_pane_not_built_yet_shows_whole_in_the_first_frame_after_the_switch(
    key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the background build (a key pressed at once), the switch composes the pane first."""
    monkeypatch.setattr(ReaderScreen, "_build_next_pane", lambda self: None)
    app = make_app()
    target = {"2": Pane.FAQ, "tab": Pane.FAQ, "shift+tab": Pane.TIMELINE}[key]
    first_frame: list[set[type[Widget]]] = []

    def painted(_screen: Screen[object]) -> None:
        screen = reader_screen(app)
        if screen.tabs.active == target.value and not first_frame:
            region = screen.reader(target).detail.content_region
            first_frame.append(
                {type(app.screen.get_widget_at(region.x, y)[0]) for y in range(region.y, region.bottom)}
            )

    async with running(app, (120, 40)) as pilot:
        screen = reader_screen(app)
        assert not screen.reader(target).is_built
        app.screen.screen_layout_refresh_signal.subscribe(app, painted, immediate=True)
        await pilot.press(key)
        await pilot.pause()
        assert screen.active_pane is target
        assert screen.reader(target).detail.entry == current_entry(app, target)
        assert screen.reader(target).detail.query_one(Markdown).children
    assert len(first_frame) == 1
    assert any(issubclass(painted_type, MarkdownBlock) for painted_type in first_frame[0]), first_frame


async def test_the_chart_shown_last_time_is_there_on_a_later_visit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ReaderScreen, "_build_next_pane", lambda self: None)
    app = make_app()
    app.state.timeline_chart = True
    async with running(app, (120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        reader = reader_screen(app).reader(Pane.TIMELINE)
        chart = reader.chart
        assert reader.chart_shown and chart is not None and chart.region.width > 0
        assert chart.current is not None and chart.current.id == current_entry(app).id


async def test_the_first_frame_shows_the_first_entry_whole_with_its_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The start pane's entry, Markdown body included, is in the first frame: the body used to be
    parsed after it and pop in a frame later, pushing the note down."""
    app = make_app()
    at_first_frame: list[tuple[object, bool]] = []

    def ready(_app: InfohubApp) -> None:
        detail = reader_screen(app).reader(Pane.STATEMENTS).detail
        at_first_frame.append(
            (detail.entry, bool(detail.query_one("#detail-body", Markdown).query(MarkdownBlock)))
        )

    monkeypatch.setattr(InfohubApp, "on_ready", ready, raising=False)  # Textual's Ready: the first frame
    async with running(app):
        assert at_first_frame == [(current_entry(app, Pane.STATEMENTS), True)]


async def test_a_cancelled_wait_for_the_body_is_cancelled_not_swallowed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first frame waits for the body (`body_shown`); when the start itself is cancelled (the app
    quits), the wait must end cancelled: Worker.wait turned the waiter's cancellation into a
    WorkerCancelled that the wait took for the next entry's and swallowed."""
    release = threading.Event()

    class HeldParser:
        def __init__(self, real: MarkdownIt) -> None:
            self.real = real

        def parse(self, text: str, env: MutableMapping[str, Any] | None = None) -> list[Token]:
            release.wait(60)
            return self.real.parse(text, env)

    app = make_app(start_pane=Pane.STATEMENTS)
    async with running(app, size=(120, 36)) as pilot:
        detail = reader_screen(app).visible_reader.detail
        monkeypatch.setattr(entry_detail, "body_parser", lambda *marks: HeldParser(body_parser(*marks)))
        await pilot.press("j")  # the next entry's body: parsing, held
        assert detail.body_is_parsing, "the body's parse is held"
        waiting = asyncio.create_task(detail.body_shown())
        await asyncio.sleep(0)
        waiting.cancel()
        try:
            with pytest.raises(asyncio.CancelledError):
                await waiting
        finally:
            release.set()
