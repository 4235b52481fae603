"""Where the timeline chart puts things, for a width, a height, a zoom and a pan. No Textual here.

Days map to columns through one table of column boundaries, so markers, clock
bars and month ticks always agree on a day's column. Rows, top to bottom:
clock lanes (each clock a bar from its event's date to its deadline, with its
extensions and the day it was stopped), the axis with its ticks, the event
markers (shaped by kind, so shapes alone tell kinds apart), label lanes (each
label hangs from its marker on a stem), and a legend. Every row is a list of
pieces that never overlap and never leave the width: a label that does not fit
is shortened with an ellipsis or left out.

Only what is visible costs anything: events are found per column by bisection,
so a redraw takes about as long for 10,000 events as for 20.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property

from rich.cells import cell_len, set_cell_size

from infohub_tui.hub.model import EVENT_KINDS, Clock, TimelineEvent
from infohub_tui.i18n import Translator

# One shape per kind: under NO_COLOR the shapes alone tell the kinds apart.
KIND_MARKERS: dict[str, str] = {
    "order": "■",
    "deadline": "▲",
    "court": "§",
    "deal": "◆",
    "statement": "●",
    "epilogue": "○",
    "other": "*",
}
CLUSTER_MARKERS = "123456789"  # how many events share a column; "+" for ten or more
CLOCK_START, CLOCK_DEADLINE, CLOCK_EXTENDED_DEADLINE = "├", "┤", "╡"
CLOCK_BODY, CLOCK_EXTENSION, CLOCK_AFTER_STOP, CLOCK_STOP = "─", "═", "┄", "\u2573"  # a diagonal cross
AXIS, TICK, STEM, ELLIPSIS = "─", "┬", "│", "…"

# Roles: what a piece is, which the widget styles (`timeline-chart--<role>`) and the SVG draws.
ROLE_AXIS = "axis"
ROLE_TICK = "tick"
ROLE_TICK_LABEL = "tick-label"
ROLE_CLOCK = "clock"
ROLE_CLOCK_EXTENDED = "clock-extended"
ROLE_CLOCK_STOPPED = "clock-stopped"
ROLE_STOP = "stop"
ROLE_CLOCK_LABEL = "clock-label"
ROLE_CLUSTER = "cluster"
ROLE_STEM = "stem"
ROLE_LABEL = "label"
ROLE_LEGEND = "legend"
ROLE_MESSAGE = "message"
ROLES: tuple[str, ...] = (
    ROLE_AXIS,
    ROLE_TICK,
    ROLE_TICK_LABEL,
    ROLE_CLOCK,
    ROLE_CLOCK_EXTENDED,
    ROLE_CLOCK_STOPPED,
    ROLE_STOP,
    ROLE_CLOCK_LABEL,
    ROLE_CLUSTER,
    ROLE_STEM,
    ROLE_LABEL,
    ROLE_LEGEND,
    ROLE_MESSAGE,
    *(f"kind-{kind}" for kind in EVENT_KINDS),
)

ZOOM_STEP = 2.0  # each zoom level halves the days per column
MIN_DAYS_PER_COLUMN = 0.25  # the closest zoom: four columns a day
MARGIN = 2  # columns left free at each side of the whole span
MIN_LABEL = 6  # a shortened label keeps at least this many cells (five characters and "…")
LEGEND_MIN_HEIGHT = 6
LABEL_SEARCH = 3  # rows below the first that fits a shortened label, searched for one that fits it whole


def kind_role(kind: str) -> str:
    return f"kind-{kind}" if kind in KIND_MARKERS else "kind-other"


def fit_text(text: str, width: int) -> str:
    """`text` in at most `width` cells, shortened with an ellipsis when longer."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + ELLIPSIS if width > 1 else ELLIPSIS


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Piece:
    """Text at a column of a row. `events` are the indices (into ChartData.events) it stands for."""

    column: int
    text: str
    role: str
    width: int
    selected: bool = False
    events: range | None = None

    @property
    def end(self) -> int:
        return self.column + self.width


@dataclass(frozen=True)
class ClockSpan:
    """A clock of one event: which event (its index), the clock, and the day it started."""

    event: int
    clock: Clock
    start: date
    label: str | None = None
    """The clock's label on one line."""
    first_day: int = 0
    last_day: int = 0
    """Ordinals of the start and the last deadline."""

    @property
    def days(self) -> int:
        return (self.clock.ends - self.start).days


class ChartData:
    """The events in date order with their ordinals and clocks, prepared once per hub."""

    def __init__(self, events: Sequence[TimelineEvent]) -> None:
        self.events: tuple[TimelineEvent, ...] = tuple(sorted(events, key=lambda event: event.date))
        self.ordinals: list[int] = [event.date.toordinal() for event in self.events]
        self.index: dict[str, int] = {event.id: number for number, event in enumerate(self.events)}
        self.clocks: tuple[ClockSpan, ...] = tuple(
            ClockSpan(
                number,
                clock,
                event.date,
                _one_line(clock.label) if clock.label else None,
                event.date.toordinal(),
                clock.final_end.toordinal(),
            )
            for number, event in enumerate(self.events)
            for clock in event.clocks
        )
        days = [*self.ordinals, *(span.clock.final_end.toordinal() for span in self.clocks)]
        self.first: int = min(days, default=0)
        self.last: int = max(days, default=0)
        present = {event.kind for event in self.events}
        self.kinds: tuple[str, ...] = tuple(kind for kind in EVENT_KINDS if kind in present)
        self.has_extensions = any(span.clock.extended_to for span in self.clocks)
        self.has_stops = any(span.clock.stopped is not None for span in self.clocks)

    def __len__(self) -> int:
        return len(self.events)


@dataclass(frozen=True)
class View:
    """What the reader chose: a zoom level (0 shows everything) and the day at the middle."""

    zoom: int = 0
    center: float | None = None


@dataclass(frozen=True)
class Viewport:
    """The days a chart of `width` columns shows: from `start` (a day ordinal, fractional)."""

    start: float
    days_per_column: float
    width: int

    @cached_property
    def boundaries(self) -> list[int]:
        """The first day of each column and, last, the first day after the view.

        A day belongs to the column that holds its middle; a column narrower than
        a day holds no day's middle and has the same boundary as the next.
        """
        return [
            math.ceil(self.start + column * self.days_per_column - 0.5) for column in range(self.width + 1)
        ]

    def column(self, day: date | int) -> int:
        """The column of a day: -1 before the view, `width` after it."""
        ordinal = day if isinstance(day, int) else day.toordinal()
        return bisect_right(self.boundaries, ordinal) - 1

    @property
    def end(self) -> float:
        return self.start + self.width * self.days_per_column

    @property
    def center(self) -> float:
        return self.start + self.width * self.days_per_column / 2

    @property
    def first_day(self) -> date:
        return date.fromordinal(max(self.boundaries[0], 1))

    @property
    def last_day(self) -> date:
        return date.fromordinal(max(self.boundaries[-1] - 1, 1))


def fit_days_per_column(data: ChartData, width: int) -> float:
    """Days per column at zoom 0, where the whole span fits with a margin at each side."""
    return (data.last + 1 - data.first) / max(width - 2 * MARGIN, 1)


def max_zoom(data: ChartData, width: int) -> int:
    fit = fit_days_per_column(data, width)
    if fit <= MIN_DAYS_PER_COLUMN:
        return 0
    return math.ceil(math.log(fit / MIN_DAYS_PER_COLUMN, ZOOM_STEP) - 1e-9)


def days_per_column(data: ChartData, width: int, zoom: int) -> float:
    return max(fit_days_per_column(data, width) / ZOOM_STEP**zoom, MIN_DAYS_PER_COLUMN)


def settle(data: ChartData, width: int, view: View) -> View:
    """The view with its zoom in range and its middle where the span stays on screen."""
    zoom = min(max(view.zoom, 0), max_zoom(data, width))
    fit = fit_days_per_column(data, width)
    world_start = data.first - MARGIN * fit
    world_end = data.last + 1 + MARGIN * fit
    half = width * days_per_column(data, width, zoom) / 2
    low, high = world_start + half, world_end - half
    if view.center is None or low >= high:
        return View(zoom, (world_start + world_end) / 2)
    return View(zoom, min(max(view.center, low), high))


def viewport(data: ChartData, width: int, view: View) -> Viewport:
    settled = settle(data, width, view)
    per_column = days_per_column(data, width, settled.zoom)
    assert settled.center is not None
    return Viewport(settled.center - width * per_column / 2, per_column, width)


def viewport_for_range(first: date, last: date, width: int) -> Viewport:
    """A viewport showing the days from `first` to `last`, both included."""
    days = max((last - first).days + 1, 1)
    return Viewport(float(first.toordinal()), days / max(width, 1), width)


def zoom(data: ChartData, width: int, view: View, steps: int, anchor: float | None = None) -> View:
    """Zoom in (steps > 0) or out, keeping the day `anchor` (default: the middle) in its column."""
    settled = settle(data, width, view)
    target = min(max(settled.zoom + steps, 0), max_zoom(data, width))
    if target == settled.zoom:
        return settled
    assert settled.center is not None
    ratio = days_per_column(data, width, target) / days_per_column(data, width, settled.zoom)
    pivot = settled.center if anchor is None else anchor
    return settle(data, width, View(target, pivot + (settled.center - pivot) * ratio))


def pan(data: ChartData, width: int, view: View, columns: float) -> View:
    """Move the view by `columns` (negative: earlier)."""
    settled = settle(data, width, view)
    assert settled.center is not None
    per_column = days_per_column(data, width, settled.zoom)
    return settle(data, width, View(settled.zoom, settled.center + columns * per_column))


def reveal(data: ChartData, width: int, view: View, day: date, margin: int = 4) -> View:
    """The view, or one centred on `day` if the day is off screen or within `margin` of an edge."""
    settled = settle(data, width, view)
    column = viewport(data, width, settled).column(day)
    spare = min(margin, width // 4)
    if spare <= column < width - spare:
        return settled
    return settle(data, width, View(settled.zoom, day.toordinal() + 0.5))


# Layout ------------------------------------------------------------------


@dataclass(frozen=True)
class Tick:
    column: int
    day: date
    label: str


@dataclass(frozen=True)
class Marker:
    column: int
    events: range
    shown: int
    """The event whose shape the marker shows: the selected one, else the first."""


@dataclass(frozen=True)
class Label:
    row: int
    column: int
    text: str
    event: int
    stem_rows: range


@dataclass(frozen=True)
class ClockBar:
    """A clock's bar in columns (which may lie outside the view), in `row`."""

    clock: int
    """Index into ChartData.clocks."""
    row: int
    start: int
    ends: int
    extensions: tuple[int, ...]
    stop: int | None
    label: Piece | None

    @property
    def final(self) -> int:
        return self.extensions[-1] if self.extensions else self.ends


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


class _Canvas:
    """Rows of cells; a piece goes only where every cell it covers is free."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.used = [bytearray(width) for _ in range(height)]
        self.text = [bytearray(width) for _ in range(height)]  # the cells of labels
        self.pieces: list[list[Piece]] = [[] for _ in range(height)]

    def is_free(self, row: int, column: int, width: int = 1) -> bool:
        if column < 0 or column + width > self.width:
            return False
        return self.used[row].find(1, column, column + width) < 0

    def beside_text(self, row: int, column: int) -> bool:
        """Whether a label's text is in the cell left or right of `column`."""
        text = self.text[row]
        return (column > 0 and text[column - 1] == 1) or (column + 1 < self.width and text[column + 1] == 1)

    def free_right(self, row: int, column: int, limit: int) -> tuple[int, bool]:
        """Free cells from `column` rightwards (at most `limit`), and whether the row's end stopped them."""
        if not 0 <= column < self.width:
            return 0, True
        end = min(self.width, column + limit)
        hit = self.used[row].find(1, column, end)
        return (end - column, end == self.width) if hit < 0 else (hit - column, False)

    def free_left(self, row: int, column: int, limit: int) -> tuple[int, bool]:
        """Free cells from `column` leftwards (at most `limit`), and whether the row's start stopped them."""
        if not 0 <= column < self.width:
            return 0, True
        start = max(0, column + 1 - limit)
        hit = self.used[row].rfind(1, start, column + 1)
        return (column + 1 - start, start == 0) if hit < 0 else (column - hit, False)

    def put(
        self,
        row: int,
        column: int,
        text: str,
        role: str,
        *,
        selected: bool = False,
        events: range | None = None,
        width: int | None = None,
    ) -> Piece:
        """Put `text` (of `width` cells, measured if not given) at a column; it must be free."""
        width = cell_len(text) if width is None else width
        used = self.used[row]
        if column < 0 or column + width > self.width or used.find(1, column, column + width) >= 0:
            raise ValueError(f"row {row}, columns {column}-{column + width - 1} are taken")
        used[column : column + width] = b"\x01" * width
        if role in (ROLE_LABEL, ROLE_CLOCK_LABEL):
            self.text[row][column : column + width] = b"\x01" * width
        piece = Piece(column, text, role, width, selected, events)
        self.pieces[row].append(piece)
        return piece

    def fill(self, row: int, character: str, role: str) -> None:
        """Put `character` into every free cell of the row."""
        used = self.used[row]
        column = 0
        while column < self.width:
            start = used.find(0, column)
            if start < 0:
                break
            end = used.find(1, start)
            end = self.width if end < 0 else end
            self.put(row, start, character * (end - start), role)
            column = end

    def rows(self) -> tuple[tuple[Piece, ...], ...]:
        return tuple(tuple(sorted(pieces, key=lambda piece: piece.column)) for pieces in self.pieces)


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
    canvas = _Canvas(width, height)
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
    # Clocks get up to half the free rows, or all but two when there are few.
    most_clock_rows = max(spare // 2, min(spare - 2, 6)) if spare > 0 else 0
    spans = _visible_clocks(data, port, selected)
    extents = [(port.column(span.first_day), port.column(span.last_day)) for _number, span in spans]
    lanes = _pack_clocks(spans, extents, most_clock_rows, selected)
    clock_count = max((lane + 1 for lane in lanes if lane < most_clock_rows), default=0)
    clock_rows = range(clock_count)
    axis_row = clock_count if height >= 2 else None
    marker_row = clock_count + 1 if height >= 2 else 0
    label_rows = range(marker_row + 1, marker_row + 1 + spare - clock_count)

    markers = _place_markers(canvas, data, port, marker_row, selected)
    labels = _place_labels(canvas, data, markers, label_rows, selected)
    clocks, hidden = _place_clocks(canvas, port, translator, spans, lanes, clock_rows, selected)
    ticks = _place_axis(canvas, port, axis_row, translator) if axis_row is not None else ()
    if legend_row is not None:
        _place_legend(canvas, data, legend_row, translator)
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


def _place_markers(
    canvas: _Canvas, data: ChartData, port: Viewport, row: int, selected: int | None
) -> tuple[Marker, ...]:
    """One marker per column that holds events: the kind's shape, or how many share it."""
    markers = []
    boundaries = port.boundaries
    ordinals = data.ordinals
    low = bisect_left(ordinals, boundaries[0])
    for column in range(port.width):
        high = bisect_left(ordinals, boundaries[column + 1], low)
        if high > low:
            events = range(low, high)
            has_selected = selected is not None and low <= selected < high
            shown = selected if has_selected and selected is not None else low
            if len(events) == 1 or has_selected:
                kind = data.events[shown].kind
                text, role = KIND_MARKERS.get(kind, KIND_MARKERS["other"]), kind_role(kind)
            else:
                text = CLUSTER_MARKERS[len(events) - 1] if len(events) <= len(CLUSTER_MARKERS) else "+"
                role = ROLE_CLUSTER
            canvas.put(row, column, text, role, selected=has_selected, events=events)
            markers.append(Marker(column, events, shown))
        low = high
    return tuple(markers)


def _place_labels(
    canvas: _Canvas,
    data: ChartData,
    markers: Sequence[Marker],
    rows: range,
    selected: int | None,
) -> tuple[Label, ...]:
    """Each marker's title in the nearest label row it fits, hanging from a stem.

    The selected event's label goes first; then right to left, so that labels,
    which run rightwards, form a staircase and their stems pass free.
    """
    if not rows:
        return ()
    order = sorted(markers, key=lambda marker: (marker.shown != selected, -marker.column))
    labels = []
    for marker in order:
        text = _one_line(data.events[marker.shown].title)
        text_width = cell_len(text)
        column = marker.column
        slots: list[tuple[int, int, int]] = []  # (lane, start, room) in rows the stem can reach
        least = min(text_width, MIN_LABEL)
        first_fit: int | None = None
        for lane, row in enumerate(rows):
            if not canvas.is_free(row, column) or (first_fit is not None and lane > first_fit + LABEL_SEARCH):
                break  # a stem cannot pass this row, or a shortened label nearer will do
            start, room = _label_slot(canvas, row, column, text_width)
            if room >= least:
                slots.append((lane, start, room))
                first_fit = lane if first_fit is None else first_fit
            if room == text_width or canvas.beside_text(row, column):
                break  # found; or a stem here would touch a label and read as part of it
        # The nearest row where the whole title fits, else the nearest with room for a shortened one.
        whole = [slot for slot in slots if slot[2] == text_width]
        if not slots:
            continue
        lane, start, room = (whole or slots)[0]
        row = rows.start + lane
        shown = fit_text(text, room)
        if start < column:  # hanging leftwards: the label ends at the marker's column
            start = column + 1 - cell_len(shown)
        is_selected = marker.shown == selected
        stems = range(rows.start, row)
        for stem_row in stems:
            canvas.put(stem_row, column, STEM, ROLE_STEM, selected=is_selected, events=marker.events)
        canvas.put(row, start, shown, ROLE_LABEL, selected=is_selected, events=marker.events)
        labels.append(Label(row, start, shown, marker.shown, stems))
    return tuple(sorted(labels, key=lambda label: (label.row, label.column)))


def _label_slot(canvas: _Canvas, row: int, column: int, text_width: int) -> tuple[int, int]:
    """(start, room) of a label hanging from `column`: rightwards if it fits whole, else leftwards
    if it fits whole there, else the side with more room. A label keeps a free cell from its neighbours."""
    width = canvas.width
    room_right = room_left = 0
    if column == 0 or canvas.is_free(row, column - 1):
        right, at_edge = canvas.free_right(row, column, text_width + 1)
        room_right = min(right if at_edge else right - 1, text_width)
    if room_right == text_width:
        return column, room_right
    if column == width - 1 or canvas.is_free(row, column + 1):
        left, at_start = canvas.free_left(row, column, text_width + 1)
        room_left = min(left if at_start else left - 1, text_width)
    if room_left > room_right:
        return column + 1 - room_left, room_left
    return column, room_right


def _visible_clocks(data: ChartData, port: Viewport, selected: int | None) -> list[tuple[int, ClockSpan]]:
    """(index, clock) of the clocks in view: the selected event's first, then by start (their order)."""
    first, last = port.boundaries[0], port.boundaries[-1]
    visible = [
        (number, span)
        for number, span in enumerate(data.clocks)
        if span.first_day < last and span.last_day >= first
    ]
    if selected is None:
        return visible
    return [item for item in visible if item[1].event == selected] + [
        item for item in visible if item[1].event != selected
    ]


_ClockColumns = tuple[int, int, tuple[int, ...], int | None]  # start, ends, extensions, stop


def _clock_columns(port: Viewport, span: ClockSpan) -> _ClockColumns:
    clock = span.clock
    return (
        port.column(span.start),
        port.column(clock.ends),
        tuple(port.column(day) for day in clock.extended_to),
        port.column(clock.stopped) if clock.stopped is not None else None,
    )


def _pack_clocks(
    spans: Sequence[tuple[int, ClockSpan]],
    extents: Sequence[tuple[int, int]],
    most: int,
    selected: int | None,
) -> list[int]:
    """The lane of each clock (in the order given), the first where it keeps a column from the
    bars already there; `most` for a clock that fits in none of the first `most` lanes.

    The selected event's clocks come first and out of date order, so they are kept apart
    (`reserved`); the rest come by start, so a lane's rightmost end is all they must clear.
    """
    right_edges: list[int] = []
    reserved: list[list[tuple[int, int]]] = []
    lanes = []
    failed_at: int | None = None  # a later clock starting no later than one that fitted nowhere fits nowhere
    for (_number, span), (start, final) in zip(spans, extents, strict=True):
        is_selected = span.event == selected
        lane = most
        full = most == 0 or (len(right_edges) == most and start <= min(right_edges) + 1)
        if is_selected or not (full or (failed_at is not None and start <= failed_at)):
            for index in range(most):
                if index == len(right_edges):
                    right_edges.append(-(2**31))  # nothing yet: any column clears it
                    reserved.append([])
                if start > right_edges[index] + 1 and all(
                    final < low - 1 or start > high + 1 for low, high in reserved[index]
                ):
                    lane = index
                    break
        if lane == most:
            failed_at = None if is_selected else start
        elif is_selected:
            reserved[lane].append((start, final))
        else:
            right_edges[lane] = final
        lanes.append(lane)
    return lanes


def _place_clocks(
    canvas: _Canvas,
    port: Viewport,
    translator: Translator,
    spans: Sequence[tuple[int, ClockSpan]],
    lanes: Sequence[int],
    rows: range,
    selected: int | None,
) -> tuple[tuple[ClockBar, ...], int]:
    """Each clock's bar in its lane, its label inside the bar or else beside it; (bars, clocks left out)."""
    width = canvas.width
    drawn: list[tuple[ClockBar, Piece | None, str, bool, range]] = []
    hidden = 0
    for (number, span), lane in zip(spans, lanes, strict=True):
        if lane >= len(rows):
            hidden += 1
            continue
        start, ends, extensions, stop = _clock_columns(port, span)
        final = extensions[-1] if extensions else ends
        low, high = max(start, 0), min(final, width - 1)
        if low > high:
            hidden += 1
            continue
        bar = ClockBar(number, rows.start + lane, start, ends, extensions, stop, None)
        is_selected = span.event == selected
        events = range(span.event, span.event + 1)
        text = span.label or translator("chart.days", days=span.days)
        label = _inside_label(bar, text, width)
        for column, run, role in _runs(_bar_cells(bar), low, high, label):
            canvas.put(bar.row, column, run, role, selected=is_selected, events=events, width=len(run))
        piece = None
        if label is not None:
            piece = canvas.put(
                bar.row, label[0], label[1], ROLE_CLOCK_LABEL, selected=is_selected, events=events
            )
        drawn.append((bar, piece, text, is_selected, events))
    bars = []
    for bar, piece, text, is_selected, events in drawn:  # labels beside bars, once every bar is drawn
        label_piece = piece or _beside_label(canvas, bar, text, is_selected, events)
        bars.append(bar if label_piece is None else replace(bar, label=label_piece))
    return tuple(bars), hidden


def _bar_cells(bar: ClockBar) -> dict[int, tuple[str, str]]:
    """(character, role) of each column from the clock's start to its last deadline."""
    low, high = bar.start, bar.final
    deadlines = [bar.ends, *bar.extensions]
    cells: dict[int, tuple[str, str]] = {}
    for column in range(low, high + 1):
        if bar.stop is not None and column > bar.stop:
            cells[column] = (CLOCK_AFTER_STOP, ROLE_CLOCK_STOPPED)
        elif column <= bar.ends:
            cells[column] = (CLOCK_BODY, ROLE_CLOCK)
        else:
            cells[column] = (CLOCK_EXTENSION, ROLE_CLOCK_EXTENDED)
    for index, deadline in enumerate(deadlines):
        if low <= deadline <= high:
            mark = CLOCK_DEADLINE if index == 0 else CLOCK_EXTENDED_DEADLINE
            cells[deadline] = (mark, cells[deadline][1])
    cells[low] = (CLOCK_START, ROLE_CLOCK)
    if bar.stop is not None and low <= bar.stop <= high:
        cells[bar.stop] = (CLOCK_STOP, ROLE_STOP)
    return cells


def _runs(
    cells: dict[int, tuple[str, str]], low: int, high: int, skip: tuple[int, str, int] | None
) -> Iterator[tuple[int, str, str]]:
    """Consecutive columns of one role joined into (column, text, role), leaving out `skip`'s columns."""
    skipped = range(skip[0], skip[0] + skip[2]) if skip is not None else range(0)
    run_start, run_text, run_role = low, "", ""
    for column in range(low, high + 1):
        if column in skipped:
            character, role = "", ""
        else:
            character, role = cells[column]
        if role != run_role and run_text:
            yield run_start, run_text, run_role
            run_text = ""
        if not run_text:
            run_start = column
        run_role = role
        run_text += character
    if run_text:
        yield run_start, run_text, run_role


def _inside_label(bar: ClockBar, text: str, width: int) -> tuple[int, str, int] | None:
    """(column, text, cells) of the label inside the bar, between its start and first deadline or stop."""
    first_mark = bar.ends if bar.stop is None else min(bar.ends, bar.stop)
    low = max(bar.start + 1, 0)
    high = min(first_mark - 1, width - 1)
    room = high - low + 1
    label = f" {text} "
    if room < min(cell_len(label), MIN_LABEL + 2):
        return None
    shown = fit_text(label, room) if cell_len(label) <= room else fit_text(label[:-1], room - 1) + " "
    return low, shown, cell_len(shown)


def _beside_label(canvas: _Canvas, bar: ClockBar, text: str, selected: bool, events: range) -> Piece | None:
    """The clock's label right of its bar, else left of it, shortened to the room there, or None."""
    text_width = cell_len(text)
    least = min(text_width, MIN_LABEL)
    right, at_edge = canvas.free_right(bar.row, bar.final + 2, text_width + 1)
    room_right = right if at_edge or right > text_width else right - 1
    if bar.final + 1 < canvas.width and canvas.is_free(bar.row, bar.final + 1) and room_right >= least:
        return canvas.put(
            bar.row,
            bar.final + 2,
            fit_text(text, room_right),
            ROLE_CLOCK_LABEL,
            selected=selected,
            events=events,
        )
    left, at_start = canvas.free_left(bar.row, bar.start - 2, text_width + 1)
    room_left = left if at_start or left > text_width else left - 1
    if bar.start - 1 >= 0 and canvas.is_free(bar.row, bar.start - 1) and room_left >= least:
        shown = fit_text(text, room_left)
        return canvas.put(
            bar.row,
            bar.start - 1 - cell_len(shown),
            shown,
            ROLE_CLOCK_LABEL,
            selected=selected,
            events=events,
        )
    return None


def _place_axis(canvas: _Canvas, port: Viewport, row: int, translator: Translator) -> tuple[Tick, ...]:
    """Ticks at weeks, months, quarters or years (the finest that leaves room), labelled where they fit."""
    days = _tick_days(port)
    placed = [(port.column(day), day, level) for day, level in days]
    placed = [tick for tick in placed if 0 <= tick[0] < port.width]
    # A week's tick yields to a month's: none just before it or where the month's full name goes.
    months = [
        (column, column + cell_len(f"{translator.month_name(day.month)} {day.year}") + 2)
        for column, day, level in placed
        if level != "week"
    ]
    columns: list[tuple[int, date, str]] = []
    for column, day, level in placed:
        if level == "week" and any(month - 4 < column < reserved for month, reserved in months):
            continue
        if not columns or columns[-1][0] != column:
            columns.append((column, day, level))
    # Full month names if every tick has room for its own, else short ones: one style per axis.
    labels = _tick_labels(columns, port.width, translator, short=False)
    if any(not label for label in labels):
        labels = _tick_labels(columns, port.width, translator, short=True)
    ticks = []
    for (column, day, _level), label in zip(columns, labels, strict=True):
        canvas.put(row, column, TICK, ROLE_TICK, width=1)
        if label:
            canvas.put(row, column + 1, label, ROLE_TICK_LABEL)
        ticks.append(Tick(column, day, label))
    canvas.fill(row, AXIS, ROLE_AXIS)
    return tuple(ticks)


def _tick_days(port: Viewport) -> list[tuple[date, str]]:
    """The days that get ticks with their level: "week" (a Monday), "month" or "year" (zoomed out)."""
    per_column = port.days_per_column
    first, last = port.first_day, port.last_day
    if 7 / per_column >= 4:
        months = [(day, "month") for day in _month_starts(first, last, 1)]
        monday = first + timedelta(days=(7 - first.weekday()) % 7)
        weeks = []
        while monday <= last:
            if monday.day != 1:
                weeks.append((monday, "week"))
            monday += timedelta(days=7)
        return sorted(months + weeks)
    if 28 / per_column >= 5:
        return [(day, "month") for day in _month_starts(first, last, 1)]
    if 90 / per_column >= 5:
        return [(day, "month") for day in _month_starts(first, last, 3)]
    step = next((years for years in (1, 2, 5, 10, 20, 50, 100) if 365 * years / per_column >= 6), 200)
    return [(date(year, 1, 1), "year") for year in range(first.year + 1, last.year + 1) if year % step == 0]


def _month_starts(first: date, last: date, step: int) -> list[date]:
    days = []
    year, month = first.year, first.month
    if first.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while (year, month) <= (last.year, last.month):
        if (month - 1) % step == 0:
            days.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def _tick_labels(
    columns: Sequence[tuple[int, date, str]], width: int, translator: Translator, short: bool
) -> list[str]:
    """Each tick's label in the room before the next tick ("" where none fits): a week's day,
    a month (with its year in January and on the first labelled tick), or a year."""
    labels = []
    year_shown = False
    for index, (column, day, level) in enumerate(columns):
        next_column = columns[index + 1][0] if index + 1 < len(columns) else width + 1
        room = next_column - column - 2
        forms = _tick_forms(day, level, translator, year_shown, short)
        label = next((form for form in forms if cell_len(form) <= room), "")
        year_shown = year_shown or str(day.year) in label
        labels.append(label)
    return labels


def _tick_forms(day: date, level: str, translator: Translator, year_shown: bool, short: bool) -> list[str]:
    """A tick's possible labels, longest first."""
    if level == "week":
        return [str(day.day)]
    if level == "year":
        return [str(day.year)]
    month = translator.month_name(day.month, short=short)
    if day.month == 1 or not year_shown:
        return [f"{month} {day.year}", str(day.year) if day.month == 1 else month]
    return [month]


def _place_legend(canvas: _Canvas, data: ChartData, row: int, translator: Translator) -> None:
    """The kinds in the chart with their shapes, and how clocks are drawn, as far as the row allows."""
    items: list[tuple[str, str, str]] = [
        (KIND_MARKERS[kind], kind_role(kind), translator(f"kind.{kind}")) for kind in data.kinds
    ]
    if data.clocks:
        items.append((CLOCK_START + CLOCK_BODY + CLOCK_DEADLINE, ROLE_CLOCK, translator("chart.clock")))
        if data.has_extensions:
            items.append(
                (CLOCK_EXTENSION + CLOCK_EXTENDED_DEADLINE, ROLE_CLOCK_EXTENDED, translator("chart.extended"))
            )
        if data.has_stops:
            items.append((CLOCK_STOP, ROLE_STOP, translator("chart.stopped")))
    column = 0
    for symbol, role, name in items:
        needed = cell_len(symbol) + 1 + cell_len(name)
        if column + needed > canvas.width:
            break
        canvas.put(row, column, symbol, role)
        canvas.put(row, column + cell_len(symbol) + 1, name, ROLE_LEGEND)
        column += needed + 2
