"""The chart as it opens in the app, at 80x24, 120x36 and 200x50, in both languages and under
NO_COLOR, with the story and with the bundled content: on the densest span, no two titles
touching, no count that reads as a digit of a date, the clocks' end dates where they fit."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from infohub_tui.chart.layout import ROLE_CLOCK_LABEL, ROLE_LABEL, ChartLayout, story_span
from infohub_tui.hub.model import Pane
from infohub_tui.ui.widgets.timeline_chart import TimelineChart

from .chart_story import write_story
from .helpers import make_app, reader_screen, running

SIZES = [(80, 24), (120, 36), (200, 50)]
LEGEND_WORDS = {"en": "several, a dot each", "de": "mehrere, je ein Punkt"}


def assert_readable(layout: ChartLayout) -> None:
    """No two labels closer than two cells in a row; no digit in the marker row."""
    for row in layout.rows:
        labels = [piece for piece in row if piece.role in (ROLE_LABEL, ROLE_CLOCK_LABEL)]
        for before, after in itertools.pairwise(labels):
            assert after.column - before.end >= 2, (before.text, after.text)
    markers = layout.text()[layout.marker_row]
    assert not any(character.isdigit() for character in markers), markers


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("content", ["story", "bundled"])
@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_the_chart_opens_readable(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    lang: str,
    content: str,
    no_color: bool,
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    directory = write_story(tmp_path / "content") if content == "story" else None
    app = make_app(lang=lang, content=directory, start_pane=Pane.TIMELINE)
    async with running(app, size=size) as pilot:
        await pilot.press("v")
        await pilot.pause()
        chart = reader_screen(app).reader(Pane.TIMELINE).query_one(TimelineChart)
        layout = chart.chart_layout
        port = layout.viewport
        first, last = story_span(chart.data)
        assert port.column(first) >= 0 and port.column(last) < port.width  # the story, whole
        assert (
            port.last_day.toordinal() - port.first_day.toordinal() < (chart.data.last - chart.data.first) / 4
        )
        assert chart.current is not None and 0 <= port.column(chart.current.date) < port.width
        assert len(layout.labels) >= (3 if size[1] >= 36 else 1)  # titles to read, not only shapes
        assert_readable(layout)
        legend = layout.text()[layout.legend_row or 0]
        if any(len(marker.events) > 1 and marker.shown != layout.selected for marker in layout.markers):
            assert LEGEND_WORDS[lang] in legend  # the dots are explained
        # Zoomed out to the whole span, where many events share a column, it stays readable.
        await pilot.press("0")
        await pilot.pause()
        whole = chart.chart_layout
        assert whole.viewport.days_per_column > port.days_per_column
        assert_readable(whole)


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_at_80x24_the_opening_chart_uses_its_label_rows(tmp_path: Path, lang: str) -> None:
    """Three label rows at 80x24: a title cut short and hanging left over the markers still to be
    placed took the one row their stems could reach, and the selected title left them only one of
    three; the chart showed four titles of ten markers. Now each row holds titles, five at least."""
    app = make_app(lang=lang, content=write_story(tmp_path / "content"), start_pane=Pane.TIMELINE)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        layout = reader_screen(app).reader(Pane.TIMELINE).query_one(TimelineChart).chart_layout
        assert len(layout.label_rows) == 3 and len(layout.markers) == 10
        assert len(layout.labels) >= 5, layout.text()
        assert {label.row for label in layout.labels} == set(layout.label_rows)
        assert_readable(layout)
