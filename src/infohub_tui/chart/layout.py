"""Where the timeline chart puts things, for a width, a height, a zoom and a pan. No Textual here.

Rows, top to bottom: clock lanes (each clock a bar from its event's date to its
deadline, with its extensions and the day it was stopped), the axis with its
ticks, the event markers (shaped by kind, so shapes alone tell kinds apart),
label lanes (each label hangs from its marker on a stem), and a legend. Every
row is a list of pieces that never overlap and never leave the width.

The parts live in their own modules: `scale` (days to columns, zoom and pan),
`canvas` (shapes, roles, cells), `placement` (markers, labels, clock bars) and
`axis` (ticks and the legend); this module puts them together and names what
the widget, the SVG and the tests use.

Only what is visible costs anything: events are found per column by bisection,
so a redraw takes about as long for 10,000 events as for 20.
"""

from __future__ import annotations

from dataclasses import dataclass

from infohub_tui.chart.axis import Tick, place_axis, place_legend
from infohub_tui.chart.canvas import (
    AXIS,
    CLOCK_AFTER_STOP,
    CLOCK_BODY,
    CLOCK_DEADLINE,
    CLOCK_EXTENDED_DEADLINE,
    CLOCK_EXTENSION,
    CLOCK_START,
    CLOCK_STOP,
    CLUSTER_MARKERS,
    ELLIPSIS,
    KIND_MARKERS,
    MIN_LABEL,
    ROLE_AXIS,
    ROLE_CLOCK,
    ROLE_CLOCK_EXTENDED,
    ROLE_CLOCK_LABEL,
    ROLE_CLOCK_STOPPED,
    ROLE_CLUSTER,
    ROLE_LABEL,
    ROLE_LEGEND,
    ROLE_MESSAGE,
    ROLE_STEM,
    ROLE_STOP,
    ROLE_TICK,
    ROLE_TICK_LABEL,
    ROLES,
    STEM,
    TICK,
    Canvas,
    Piece,
    cluster_marker,
    fit_text,
    kind_role,
)
from infohub_tui.chart.placement import (
    ClockBar,
    Label,
    Marker,
    pack_clocks,
    place_clocks,
    place_labels,
    place_markers,
    visible_clocks,
)
from infohub_tui.chart.scale import (
    MARGIN,
    MIN_DAYS_PER_COLUMN,
    ZOOM_STEP,
    ChartData,
    ClockSpan,
    View,
    Viewport,
    days_per_column,
    fit_days_per_column,
    max_zoom,
    pan,
    reveal,
    settle,
    story_span,
    story_view,
    viewport,
    viewport_for_range,
    zoom,
)
from infohub_tui.i18n import Translator

__all__ = [
    "AXIS",
    "CLOCK_AFTER_STOP",
    "CLOCK_BODY",
    "CLOCK_DEADLINE",
    "CLOCK_EXTENDED_DEADLINE",
    "CLOCK_EXTENSION",
    "CLOCK_START",
    "CLOCK_STOP",
    "CLUSTER_MARKERS",
    "ELLIPSIS",
    "KIND_MARKERS",
    "LEGEND_MIN_HEIGHT",
    "MARGIN",
    "MIN_DAYS_PER_COLUMN",
    "MIN_LABEL",
    "ROLES",
    "ROLE_AXIS",
    "ROLE_CLOCK",
    "ROLE_CLOCK_EXTENDED",
    "ROLE_CLOCK_LABEL",
    "ROLE_CLOCK_STOPPED",
    "ROLE_CLUSTER",
    "ROLE_LABEL",
    "ROLE_LEGEND",
    "ROLE_MESSAGE",
    "ROLE_STEM",
    "ROLE_STOP",
    "ROLE_TICK",
    "ROLE_TICK_LABEL",
    "STEM",
    "TICK",
    "ZOOM_STEP",
    "ChartData",
    "ChartLayout",
    "ClockBar",
    "ClockSpan",
    "Label",
    "Marker",
    "Piece",
    "Tick",
    "View",
    "Viewport",
    "cluster_marker",
    "days_per_column",
    "fit_days_per_column",
    "fit_text",
    "kind_role",
    "layout_chart",
    "max_zoom",
    "pan",
    "reveal",
    "settle",
    "story_span",
    "story_view",
    "viewport",
    "viewport_for_range",
    "zoom",
]

LEGEND_MIN_HEIGHT = 6


@dataclass(frozen=True)
class ChartLayout:
    viewport: Viewport
    height: int
    rows: tuple[tuple[Piece, ...], ...]
    axis_row: int | None
    marker_row: int
    clock_rows: range
    label_rows: range
    legend_row: int | None
    ticks: tuple[Tick, ...]
    markers: tuple[Marker, ...]
    labels: tuple[Label, ...]
    clocks: tuple[ClockBar, ...]
    hidden_clocks: int
    """Clocks in view that had no row left."""
    selected: int | None

    def events_at(self, column: int, row: int) -> range | None:
        """The events a cell stands for (a marker, a stem or a label), if any."""
        if not 0 <= row < len(self.rows):
            return None
        for piece in self.rows[row]:
            if piece.column <= column < piece.end:
                return piece.events
        return None

    def text(self) -> list[str]:
        """Every row as plain text of exactly the viewport's width (for tests and the SVG)."""
        lines = []
        for pieces in self.rows:
            line, at = [], 0
            for piece in pieces:
                line.append(" " * (piece.column - at) + piece.text)
                at = piece.end
            line.append(" " * (self.viewport.width - at))
            lines.append("".join(line))
        return lines


def layout_chart(
    data: ChartData,
    port: Viewport,
    height: int,
    translator: Translator,
    selected: int | None = None,
) -> ChartLayout:
    """Lay the chart out in `port.width` columns and `height` rows, `selected` highlighted."""
    width = max(port.width, 0)
    height = max(height, 0)
    canvas = Canvas(width, height)
    empty = ChartLayout(
        port, height, canvas.rows(), None, 0, range(0), range(0), None, (), (), (), (), 0, None
    )
    if height == 0 or width == 0:
        return empty
    if not data.events:
        canvas.put(0, 0, fit_text(translator("chart.empty"), width), ROLE_MESSAGE)
        return ChartLayout(
            port, height, canvas.rows(), None, 0, range(0), range(0), None, (), (), (), (), 0, None
        )
    if selected is not None and not 0 <= selected < len(data.events):
        selected = None

    legend_row = height - 1 if height >= LEGEND_MIN_HEIGHT else None
    fixed = min(height, 2)
    spare = height - fixed - (legend_row is not None)
    # Clocks get up to half the free rows (rounded down): the titles the other half.
    most_clock_rows = max(spare // 2, 0)
    spans = visible_clocks(data, port, selected)
    extents = [(port.column(span.first_day), port.column(span.last_day)) for _number, span in spans]
    lanes = pack_clocks(spans, extents, most_clock_rows, selected)
    clock_count = max((lane + 1 for lane in lanes if lane < most_clock_rows), default=0)
    clock_rows = range(clock_count)
    axis_row = clock_count if height >= 2 else None
    marker_row = clock_count + 1 if height >= 2 else 0
    label_rows = range(marker_row + 1, marker_row + 1 + spare - clock_count)

    markers = place_markers(canvas, data, port, marker_row, selected)
    labels = place_labels(canvas, data, markers, label_rows, selected)
    clocks, hidden = place_clocks(canvas, port, translator, spans, lanes, clock_rows, selected)
    ticks = place_axis(canvas, port, axis_row, translator) if axis_row is not None else ()
    if legend_row is not None:
        clustered = any(piece.role == ROLE_CLUSTER for piece in canvas.pieces[marker_row])
        place_legend(canvas, data, legend_row, translator, clustered)
    return ChartLayout(
        viewport=port,
        height=height,
        rows=canvas.rows(),
        axis_row=axis_row,
        marker_row=marker_row,
        clock_rows=clock_rows,
        label_rows=label_rows,
        legend_row=legend_row,
        ticks=ticks,
        markers=markers,
        labels=labels,
        clocks=clocks,
        hidden_clocks=hidden,
        selected=selected,
    )
