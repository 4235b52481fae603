"""One range of dates for the loader, the schema, the chart and the SVG export (issue 26).

A timeline date or a clock end of 9999-12-31 passed `validate` and crashed the chart
(`year 10139 is out of range`), at every start once the state said the chart was open;
`export --format svg-timeline --from 9999-12-31` crashed with an OverflowError.
The hostile corpus (tests/hostile/*-date*, late-clock) holds the files `validate` refuses.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from infohub_tui.chart.layout import ChartData, View, layout_chart, pan, viewport, zoom
from infohub_tui.chart.limits import MAX_WIDTH
from infohub_tui.chart.svg import timeline_svg
from infohub_tui.hub.dates import FIRST_DAY, LAST_DAY, SCHEMA_PATTERN, clamp, in_range, out_of_range
from infohub_tui.hub.model import Clock, TimelineEvent
from infohub_tui.hub.schema import file_schemas
from infohub_tui.i18n import Translator


def event(day: date, ident: str = "e", clocks: tuple[Clock, ...] = ()) -> TimelineEvent:
    return TimelineEvent(
        id=ident, sources=("s",), date=day, title="T", kind="order", actor="A", text="B", clocks=clocks
    )


def test_the_schema_pattern_is_the_loaders_range() -> None:
    pattern = re.compile(SCHEMA_PATTERN)
    for year in range(1, 10000):
        for day in (date(year, 1, 1), date(year, 12, 31)):
            assert bool(pattern.fullmatch(day.isoformat())) == in_range(day), day


def test_every_date_field_of_the_schema_uses_the_range() -> None:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("format") == "date":
                found.append(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(file_schemas())
    assert found and set(found) == {SCHEMA_PATTERN}


def test_out_of_range_says_the_range() -> None:
    assert out_of_range(FIRST_DAY) is None and out_of_range(LAST_DAY) is None
    message = out_of_range(date(9999, 12, 31))
    assert message == "9999-12-31 is outside the dates the reader shows (1900-01-01 to 2199-12-31)"
    assert clamp(date(1, 1, 1)) == FIRST_DAY and clamp(date(9999, 12, 31)) == LAST_DAY


@pytest.mark.parametrize("width", [1, 2, 5, 6, 20, 160, MAX_WIDTH])
def test_the_chart_draws_the_whole_range_at_any_width_zoom_and_pan(width: int) -> None:
    """The widest span the loader lets through, in the narrowest window: every tick and margin
    stays inside the calendar, zoomed out, in, and panned to either end."""
    far = Clock(ends=LAST_DAY, extended_to=(), stopped=None, label="to the end")
    data = ChartData([event(FIRST_DAY, "first", (far,)), event(LAST_DAY, "last")])
    translator = Translator("en")
    views = [View()]
    for steps in (1, 5, 100):
        zoomed = zoom(data, width, View(), steps)
        views += [zoomed, pan(data, width, zoomed, -1e9), pan(data, width, zoomed, 1e9)]
    for view in views:
        port = viewport(data, width, view)
        layout_chart(data, port, 12, translator, selected=0)
        # Within twice the span before and after it (README: the chart's margins), far from year 1 or 9999.
        assert date(1290, 1, 1) <= port.first_day and port.last_day <= date(2810, 12, 31)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(9999, 12, 31), None),
        (None, date(1, 1, 1)),
        (date(1, 1, 1), date(9999, 12, 31)),
        (date(9999, 12, 31), date(1, 1, 1)),
    ],
)
def test_the_svg_export_holds_its_days_to_the_range(first: date | None, last: date | None) -> None:
    svg = timeline_svg(
        [event(date(2020, 8, 6))], Translator("en"), title="T", width=40, first=first, last=last
    )
    assert svg.startswith("<svg") or svg.startswith("<?xml")


@pytest.mark.parametrize("width", [-5, 0, 1, 10**6])
def test_the_svg_export_holds_its_width_to_the_bounds(width: int) -> None:
    svg = timeline_svg([event(date(2020, 8, 6))], Translator("en"), title="T", width=width)
    assert "<svg" in svg
