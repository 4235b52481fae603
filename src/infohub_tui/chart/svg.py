"""The timeline chart as SVG, for articles and slides: the terminal chart's layout, drawn with shapes.

It uses the same layout as the terminal (`chart_layout`), one cell a fixed box
of pixels, so labels that never overlap on screen never overlap here either;
text is set in a monospace font and held to its cells with `textLength`. Marks
are vector shapes: a square for orders, a triangle for deadlines, a section
sign for courts, a diamond for deals, a dot for statements, a ring for what
came later. Built with ElementTree, so content text is always escaped text.

Its width is held between MIN_WIDTH and MAX_WIDTH columns (a million took 28 s)
and its days to the range the reader shows (hub/dates.py); the command line
refuses values outside them before they get here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date

from infohub_tui.chart.layout import (
    ROLE_LEGEND,
    ROLE_TICK_LABEL,
    ChartData,
    ChartLayout,
    ClockBar,
    View,
    Viewport,
    kind_role,
    layout_chart,
    viewport,
    viewport_for_range,
)
from infohub_tui.chart.limits import MAX_WIDTH, MIN_WIDTH
from infohub_tui.hub.dates import clamp
from infohub_tui.hub.model import TimelineEvent
from infohub_tui.i18n import Translator

CELL_WIDTH, ROW_HEIGHT = 8.4, 20.0
PADDING = 16.0
TITLE_HEIGHT = 28.0
FONT = "DejaVu Sans Mono, Menlo, Consolas, monospace"
SVG_NS = "http://www.w3.org/2000/svg"

COLOURS = {
    "order": "#1f5fa8",
    "deadline": "#b9770e",
    "court": "#b03a2e",
    "deal": "#1e8449",
    "statement": "#7d3c98",
    "epilogue": "#707b7c",
    "other": "#4d5656",
}
STYLE = f"""
text {{ font-family: {FONT}; font-size: 13px; fill: #1c2833; }}
.title {{ font-size: 16px; font-weight: bold; }}
.tick-label {{ font-weight: bold; }}
.legend, .range {{ fill: #566573; }}
.clock-label {{ font-size: 12px; }}
.axis, .tick {{ stroke: #566573; stroke-width: 1; }}
.stem {{ stroke: #aab7b8; stroke-width: 1; }}
.clock {{ stroke: #1f5fa8; stroke-width: 5; }}
.clock-extended {{ stroke: #b9770e; stroke-width: 5; stroke-dasharray: 7 3; }}
.clock-stopped {{ stroke: #aab7b8; stroke-width: 2; stroke-dasharray: 2 3; }}
.deadline-mark {{ stroke: #1c2833; stroke-width: 2; }}
.stop {{ stroke: #b03a2e; stroke-width: 2.5; }}
.cluster {{ fill: #ffffff; stroke: #1c2833; stroke-width: 1.5; }}
{"".join(f".kind-{kind} {{ fill: {colour}; stroke: {colour}; }} " for kind, colour in COLOURS.items())}
.kind-epilogue {{ fill: #ffffff; stroke-width: 2; }}
"""


def timeline_svg(
    events: Sequence[TimelineEvent],
    translator: Translator,
    *,
    title: str,
    width: int = 160,
    height: int = 24,
    first: date | None = None,
    last: date | None = None,
) -> str:
    """The chart of `events` in `width` columns and at most `height` rows, from `first` to `last`
    (default: the whole span), as an SVG document."""
    data = ChartData(events)
    width = min(max(width, MIN_WIDTH), MAX_WIDTH)
    port: Viewport
    if first is not None or last is not None:
        start = clamp(first or (data.events[0].date if data.events else date(2020, 1, 1)))
        end = clamp(last or (data.events[-1].date if data.events else start))
        port = viewport_for_range(start, max(start, end), width)
    else:
        port = viewport(data, width, View())
    layout = layout_chart(data, port, height, translator)
    if first is None and last is None and data.events:
        period = (data.events[0].date, data.events[-1].date)
    else:
        period = (port.first_day, port.last_day)
    return render(layout, data, translator, title, period)


def _used_rows(layout: ChartLayout) -> list[int]:
    """The rows to draw: every row up to the last label row with something in it, then the legend."""
    last_label = max((label.row for label in layout.labels), default=layout.marker_row)
    rows = [row for row in range(len(layout.rows)) if row <= last_label]
    if layout.legend_row is not None:
        rows.append(layout.legend_row)
    return rows


class _Grid:
    """Pixel positions of cells, for the rows that are drawn."""

    def __init__(self, rows: Sequence[int], width: int) -> None:
        self.place = {row: index for index, row in enumerate(rows)}
        self.width = width

    def x(self, column: float) -> float:
        column = min(max(column, 0.0), float(self.width))
        return round(PADDING + column * CELL_WIDTH, 2)

    def cx(self, column: int) -> float:
        return self.x(column + 0.5)

    def top(self, row: int) -> float:
        return round(PADDING + TITLE_HEIGHT + self.place[row] * ROW_HEIGHT, 2)

    def cy(self, row: int) -> float:
        return round(self.top(row) + ROW_HEIGHT / 2, 2)

    def baseline(self, row: int) -> float:
        return round(self.top(row) + ROW_HEIGHT * 0.7, 2)


def _line(parent: ET.Element, x1: float, y1: float, x2: float, y2: float, css: str) -> None:
    ET.SubElement(parent, "line", {"x1": f"{x1}", "y1": f"{y1}", "x2": f"{x2}", "y2": f"{y2}", "class": css})


def render(
    layout: ChartLayout,
    data: ChartData,
    translator: Translator,
    title: str,
    period: tuple[date, date] | None = None,
) -> str:
    """Draw a layout as an SVG document titled `title`, saying which `period` it shows."""
    rows = _used_rows(layout)
    grid = _Grid(rows, layout.viewport.width)
    width_px = PADDING * 2 + layout.viewport.width * CELL_WIDTH
    height_px = PADDING * 2 + TITLE_HEIGHT + (len(rows) + 1) * ROW_HEIGHT
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "width": f"{width_px:.0f}",
            "height": f"{height_px:.0f}",
            "viewBox": f"0 0 {width_px:.0f} {height_px:.0f}",
            "role": "img",
        },
    )
    ET.SubElement(svg, "title").text = title
    first, last = period or (layout.viewport.first_day, layout.viewport.last_day)
    shown = translator("chart.range", start=translator.long_date(first), end=translator.long_date(last))
    ET.SubElement(svg, "desc").text = shown
    ET.SubElement(svg, "style").text = STYLE
    ET.SubElement(svg, "rect", {"width": "100%", "height": "100%", "fill": "#ffffff"})
    _text(svg, PADDING, PADDING + 16, title, "title")
    _text(svg, width_px - PADDING, PADDING + 16, shown, "range", anchor="end")
    if layout.axis_row is not None and layout.axis_row in grid.place:
        _axis(ET.SubElement(svg, "g", {"class": "axis-group"}), layout, layout.axis_row, grid)
    clocks = ET.SubElement(svg, "g", {"class": "clocks"})
    for bar in layout.clocks:
        _clock(clocks, bar, grid)
    _events(ET.SubElement(svg, "g", {"class": "events"}), layout, data, grid)
    if layout.legend_row is not None:
        _legend(ET.SubElement(svg, "g", {"class": "legend-group"}), data, translator, layout.legend_row, grid)
    ET.indent(svg)
    return ET.tostring(svg, encoding="unicode", xml_declaration=True) + "\n"


def _axis(parent: ET.Element, layout: ChartLayout, row: int, grid: _Grid) -> None:
    y = grid.cy(row)
    _line(parent, grid.x(0), y, grid.x(layout.viewport.width), y, "axis")
    for tick in layout.ticks:
        _line(parent, grid.cx(tick.column), y, grid.cx(tick.column), y + ROW_HEIGHT / 2, "tick")
        if tick.label:
            _text(
                parent,
                grid.x(tick.column + 1),
                grid.baseline(row) - 3,
                tick.label,
                ROLE_TICK_LABEL,
                cells=len(tick.label),
            )


def _clock(parent: ET.Element, bar: ClockBar, grid: _Grid) -> None:
    """A bar from the start to the first deadline, dashed on to each later one, dotted after a stop."""
    group = ET.SubElement(parent, "g", {"class": "clock-group"})
    y = grid.cy(bar.row)
    stop = bar.stop if bar.stop is not None else bar.final
    deadlines = [bar.ends, *bar.extensions]
    previous = bar.start
    for index, deadline in enumerate(deadlines):
        end = min(deadline, stop)
        if end > previous or (index == 0 and end == previous):
            _line(group, grid.cx(previous), y, grid.cx(end), y, "clock" if index == 0 else "clock-extended")
        previous = max(previous, end)
    if bar.stop is not None and bar.final > bar.stop:
        _line(group, grid.cx(bar.stop), y, grid.cx(bar.final), y, "clock-stopped")
    for column in (bar.start, *deadlines):
        if 0 <= column < grid.width:
            _line(group, grid.cx(column), y - 7, grid.cx(column), y + 7, "deadline-mark")
    if bar.stop is not None and 0 <= bar.stop < grid.width:
        x = grid.cx(bar.stop)
        _line(group, x - 6, y - 6, x + 6, y + 6, "stop")
        _line(group, x - 6, y + 6, x + 6, y - 6, "stop")
    if bar.label is not None:
        text = bar.label.text.strip()
        column = bar.label.column + len(bar.label.text) - len(bar.label.text.lstrip())
        if bar.start < bar.label.column < bar.ends:  # inside the bar: on a white ground
            ET.SubElement(
                group,
                "rect",
                {
                    "x": f"{grid.x(column) - 2}",
                    "y": f"{grid.top(bar.row) + 3}",
                    "width": f"{round(len(text) * CELL_WIDTH + 4, 2)}",
                    "height": f"{ROW_HEIGHT - 6}",
                    "fill": "#ffffff",
                },
            )
        _text(group, grid.x(column), grid.baseline(bar.row), text, "clock-label", cells=len(text))


def _events(parent: ET.Element, layout: ChartLayout, data: ChartData, grid: _Grid) -> None:
    """Stems, labels and markers (markers last, over the stems)."""
    marker_row = layout.marker_row
    columns = {index: marker.column for marker in layout.markers for index in marker.events}
    for label in layout.labels:
        column = columns[label.event]
        _line(
            parent, grid.cx(column), grid.cy(marker_row) + 7, grid.cx(column), grid.top(label.row) + 4, "stem"
        )
        _text(
            parent, grid.x(label.column), grid.baseline(label.row), label.text, "label", cells=len(label.text)
        )
    for marker in layout.markers:
        x, y = grid.cx(marker.column), grid.cy(marker_row)
        if len(marker.events) > 1:
            ET.SubElement(parent, "circle", {"cx": f"{x}", "cy": f"{y}", "r": "7", "class": "cluster"})
            _text(parent, x, y + 4, str(len(marker.events)), "cluster-count", anchor="middle")
        else:
            _shape(parent, data.events[marker.shown].kind, x, y)


def _legend(parent: ET.Element, data: ChartData, translator: Translator, row: int, grid: _Grid) -> None:
    column = 0
    y = grid.cy(row)
    for kind in data.kinds:
        _shape(parent, kind, grid.cx(column), y)
        name = translator(f"kind.{kind}")
        _text(parent, grid.x(column + 2), grid.baseline(row), name, ROLE_LEGEND)
        column += len(name) + 4
    if data.clocks:
        for css, name in (
            ("clock", translator("chart.clock")),
            ("clock-extended", translator("chart.extended")),
            ("clock-stopped", translator("chart.stopped")),
        ):
            _line(parent, grid.x(column), y, grid.x(column + 3), y, css)
            _text(parent, grid.x(column + 4), grid.baseline(row), name, ROLE_LEGEND)
            column += len(name) + 6


def _text(
    parent: ET.Element,
    x: float,
    y: float,
    text: str,
    css: str,
    *,
    anchor: str = "start",
    cells: int | None = None,
) -> None:
    attributes = {"x": f"{round(x, 2)}", "y": f"{round(y, 2)}", "class": css}
    if anchor != "start":
        attributes["text-anchor"] = anchor
    if cells:
        # Held to the width of its cells in any font, so it cannot run into its neighbour.
        attributes["textLength"] = f"{round(cells * CELL_WIDTH, 2)}"
        attributes["lengthAdjust"] = "spacingAndGlyphs"
    ET.SubElement(parent, "text", attributes).text = text


def _shape(parent: ET.Element, kind: str, x: float, y: float) -> None:
    """The kind's mark centred on (x, y)."""
    css = kind_role(kind)
    group = ET.SubElement(parent, "g", {"class": f"marker {css}", "data-kind": kind})
    if kind == "order":
        ET.SubElement(group, "rect", {"x": f"{x - 5}", "y": f"{y - 5}", "width": "10", "height": "10"})
    elif kind == "deadline":
        ET.SubElement(group, "polygon", {"points": f"{x},{y - 6} {x + 6},{y + 5} {x - 6},{y + 5}"})
    elif kind == "deal":
        ET.SubElement(group, "polygon", {"points": f"{x},{y - 6} {x + 6},{y} {x},{y + 6} {x - 6},{y}"})
    elif kind in ("statement", "epilogue"):
        ET.SubElement(group, "circle", {"cx": f"{x}", "cy": f"{y}", "r": "5"})
    else:
        mark = "§" if kind == "court" else "*"
        ET.SubElement(
            group, "text", {"x": f"{x}", "y": f"{y + 5}", "text-anchor": "middle", "class": css}
        ).text = mark
