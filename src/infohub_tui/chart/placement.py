"""Where the chart's markers, labels and clock bars go in a canvas. No Textual here.

A marker per column that holds events (shaped by kind, or a count); each label
hangs from its marker on a stem in the nearest label row it fits; each clock is a
bar from its event's date to its deadline, with its extensions and the day it was
stopped, packed into lanes. A label that does not fit is shortened with an
ellipsis or left out. Events are found per column by bisection, so only what is
visible costs anything.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len

from infohub_tui.chart.canvas import (
    CLOCK_AFTER_STOP,
    CLOCK_BODY,
    CLOCK_DEADLINE,
    CLOCK_EXTENDED_DEADLINE,
    CLOCK_EXTENSION,
    CLOCK_START,
    CLOCK_STOP,
    KIND_MARKERS,
    MIN_LABEL,
    ROLE_CLOCK,
    ROLE_CLOCK_EXTENDED,
    ROLE_CLOCK_LABEL,
    ROLE_CLOCK_STOPPED,
    ROLE_CLUSTER,
    ROLE_LABEL,
    ROLE_STEM,
    ROLE_STOP,
    STEM,
    Canvas,
    Piece,
    cluster_marker,
    fit_text,
    kind_role,
    one_line,
)
from infohub_tui.chart.scale import ChartData, ClockSpan, Viewport
from infohub_tui.i18n import Translator

LABEL_GAP = 2  # free cells between a label and its neighbours in its row
LABEL_SEARCH = 3  # rows below the first that fits a shortened label, searched for one that fits it whole


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


def place_markers(
    canvas: Canvas, data: ChartData, port: Viewport, row: int, selected: int | None
) -> tuple[Marker, ...]:
    """One marker per column that holds events: the kind's shape, or a dot for each that shares it."""
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
                text, role = cluster_marker(len(events)), ROLE_CLUSTER
            canvas.put(row, column, text, role, selected=has_selected, events=events)
            markers.append(Marker(column, events, shown))
        low = high
    return tuple(markers)


def place_labels(
    canvas: Canvas,
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
    longest = max(canvas.width * 3 // 5, MIN_LABEL)  # no title covers the way down for all the others

    def hangs_left(marker: Marker) -> bool:
        """Whether the title fits only leftwards of its marker, in an empty row."""
        text_width = min(cell_len(one_line(data.events[marker.shown].title)), longest)
        return marker.column + text_width + LABEL_GAP > canvas.width and marker.column + 1 >= text_width

    # The selected first; then the titles that must hang leftwards (near the right edge) from left
    # to right, and the others right to left, so that both form staircases their stems pass.
    order = sorted(
        markers,
        key=lambda marker: (
            marker.shown != selected,
            not hangs_left(marker),
            marker.column if hangs_left(marker) else -marker.column,
        ),
    )
    labels = []
    for marker in order:
        text = one_line(data.events[marker.shown].title)
        if cell_len(text) > longest:
            text = fit_text(text, longest)
        text_width = cell_len(text)
        column = marker.column
        slots: list[tuple[int, int, int]] = []  # (lane, start, room) in rows the stem can reach
        least = min(text_width, MIN_LABEL)
        # The selected title, placed first, goes below the rows the markers it covers need to reach theirs.
        end = column + text_width + LABEL_GAP
        skip = _covered(markers, column + 1, end, len(rows)) if marker.shown == selected else 0
        for lane, row in enumerate(rows):
            if not canvas.is_free(row, column):
                break  # a stem cannot pass this row
            if lane < skip:
                continue
            start, room = _label_slot(canvas, row, column, text_width)
            if room >= least:
                slots.append((lane, start, room))
            if canvas.beside_text(row, column) or (room == text_width and start == column):
                break  # a stem here would touch a label and read as part of it; or found
        if not slots:
            continue
        # The nearest row where the whole title fits rightwards (if not far below the first that
        # fits it shortened); else the nearest where it fits leftwards below the rows the markers it
        # covers need to reach theirs; else the nearest for a shortened one.
        near = slots[0][0] + LABEL_SEARCH
        right = [slot for slot in slots if slot[2] == text_width and slot[1] == column and slot[0] <= near]
        left = [slot for slot in slots if slot[2] == text_width and slot[1] != column]
        clear = [slot for slot in left if slot[0] >= _covered(markers, slot[1], column, len(rows))]
        if right or clear or left:
            lane, start, room = right[0] if right else clear[0] if clear else left[-1]
        else:
            # Only shortened: rightwards, or leftwards below the rows the markers it covers need. Cut
            # short and hanging left over the markers still to come, a title took the one row their
            # stems could reach (at 80x24 the opening chart showed three titles of sixteen markers).
            free = [
                slot
                for slot in slots
                if slot[1] == column or slot[0] >= _covered(markers, slot[1], column, len(rows))
            ]
            if not free:
                continue
            lane, start, room = free[0]
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


def _covered(markers: Sequence[Marker], low: int, high: int, rows: int) -> int:
    """How many label rows the markers in columns `low` to `high` (not included) would use, one each
    (at most all the rows but one, and LABEL_SEARCH): the rows a title covering them leaves them
    above it. (At most half the rows left them one of three at 80x24, where the rest stayed empty.)"""
    under = sum(1 for marker in markers if low <= marker.column < high)
    return min(under, rows - 1, LABEL_SEARCH)


def _label_slot(canvas: Canvas, row: int, column: int, text_width: int) -> tuple[int, int]:
    """(start, room) of a label hanging from `column`: rightwards if it fits whole, else leftwards
    if it fits whole there, else the side with more room. A label keeps LABEL_GAP free cells from
    its neighbours, so two titles never read as one sentence."""
    width = canvas.width
    room_right = room_left = 0
    before = max(column - LABEL_GAP, 0)
    if canvas.is_free(row, before, column - before):
        right, at_edge = canvas.free_right(row, column, text_width + LABEL_GAP)
        room_right = min(right if at_edge else right - LABEL_GAP, text_width)
    if room_right == text_width:
        return column, room_right
    after = min(column + 1 + LABEL_GAP, width)
    if canvas.is_free(row, column + 1, after - column - 1):
        left, at_start = canvas.free_left(row, column, text_width + LABEL_GAP)
        room_left = min(left if at_start else left - LABEL_GAP, text_width)
    if room_left > room_right:
        return column + 1 - room_left, room_left
    return column, room_right


def visible_clocks(data: ChartData, port: Viewport, selected: int | None) -> list[tuple[int, ClockSpan]]:
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


def pack_clocks(
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


def place_clocks(
    canvas: Canvas,
    port: Viewport,
    translator: Translator,
    spans: Sequence[tuple[int, ClockSpan]],
    lanes: Sequence[int],
    rows: range,
    selected: int | None,
) -> tuple[tuple[ClockBar, ...], int]:
    """Each clock's bar in its lane, its label inside the bar or else beside it; (bars, clocks left out)."""
    width = canvas.width
    drawn: list[tuple[ClockBar, Piece | None, tuple[str, str], bool, range]] = []
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
        dated = f"{text}, {_clock_end(span, translator)}"
        label = _inside_label(bar, dated, width, whole=True) or _inside_label(bar, text, width)
        for column, run, role in _runs(_bar_cells(bar), low, high, label):
            canvas.put(bar.row, column, run, role, selected=is_selected, events=events, width=len(run))
        piece = None
        if label is not None:
            piece = canvas.put(
                bar.row, label[0], label[1], ROLE_CLOCK_LABEL, selected=is_selected, events=events
            )
        drawn.append((bar, piece, (dated, text), is_selected, events))
    bars = []
    for bar, piece, (dated, text), is_selected, events in drawn:  # beside bars, once every bar is drawn
        label_piece = (
            piece
            or _beside_label(canvas, bar, dated, is_selected, events, whole=True)
            or _beside_label(canvas, bar, text, is_selected, events)
        )
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


def _clock_end(span: ClockSpan, translator: Translator) -> str:
    """When the clock ends: the day it was stopped, else its last deadline."""
    clock = span.clock
    if clock.stopped is not None:
        return translator("chart.stopped_on", day=translator.chart_day(clock.stopped))
    return translator("chart.until", day=translator.chart_day(clock.final_end))


def _inside_label(bar: ClockBar, text: str, width: int, whole: bool = False) -> tuple[int, str, int] | None:
    """(column, text, cells) of the label inside the bar, between its start and first deadline or stop
    (None if there is no room for it, or, with `whole`, for all of it)."""
    first_mark = bar.ends if bar.stop is None else min(bar.ends, bar.stop)
    low = max(bar.start + 1, 0)
    high = min(first_mark - 1, width - 1)
    room = high - low + 1
    label = f" {text} "
    if room < min(cell_len(label), MIN_LABEL + 2) or (whole and room < cell_len(label)):
        return None
    shown = fit_text(label, room) if cell_len(label) <= room else fit_text(label[:-1], room - 1) + " "
    return low, shown, cell_len(shown)


def _beside_label(
    canvas: Canvas, bar: ClockBar, text: str, selected: bool, events: range, whole: bool = False
) -> Piece | None:
    """The clock's label right of its bar, else left of it, shortened to the room there (with
    `whole`, only where all of it fits), or None."""
    text_width = cell_len(text)
    least = text_width if whole else min(text_width, MIN_LABEL)
    # LABEL_GAP free cells from a label beyond, as between titles.
    right, at_edge = canvas.free_right(bar.row, bar.final + 2, text_width + LABEL_GAP)
    room_right = right if at_edge or right >= text_width + LABEL_GAP else right - LABEL_GAP
    if bar.final + 1 < canvas.width and canvas.is_free(bar.row, bar.final + 1) and room_right >= least:
        return canvas.put(
            bar.row,
            bar.final + 2,
            fit_text(text, room_right),
            ROLE_CLOCK_LABEL,
            selected=selected,
            events=events,
        )
    left, at_start = canvas.free_left(bar.row, bar.start - 2, text_width + LABEL_GAP)
    room_left = left if at_start or left >= text_width + LABEL_GAP else left - LABEL_GAP
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
