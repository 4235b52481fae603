"""The chart's scale: the events in date order, and which days a width, a zoom and a pan show. No Textual here.

Days map to columns through one table of column boundaries (`Viewport.boundaries`),
so markers, clock bars and month ticks always agree on a day's column.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from infohub_tui.chart.canvas import one_line
from infohub_tui.hub.model import EVENT_KINDS, Clock, TimelineEvent

ZOOM_STEP = 2.0  # each zoom level halves the days per column
MIN_DAYS_PER_COLUMN = 0.25  # the closest zoom: four columns a day
MARGIN = 2  # columns left free at each side of the whole span
STORY_SHARE = 0.5  # the story: the shortest run of days that holds this share of the events
STORY_MARGIN = 6  # columns left free at each side of the story


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
                one_line(clock.label) if clock.label else None,
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

    @cached_property
    def story(self) -> tuple[int, int]:
        """The densest span (see `story_span`), found once: the view follows it at every redraw."""
        return story_span(self)


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


def story_span(data: ChartData) -> tuple[int, int]:
    """The first and last day (ordinals) of the densest span: the shortest run of days holding
    STORY_SHARE of the events (the earliest such run); the whole span for fewer than three events."""
    ordinals = data.ordinals
    count = len(ordinals)
    if count < 3:
        return data.first, data.last
    needed = max(math.ceil(count * STORY_SHARE), 2)
    best = min(range(count - needed + 1), key=lambda start: ordinals[start + needed - 1] - ordinals[start])
    return ordinals[best], ordinals[best + needed - 1]


def story_view(data: ChartData, width: int) -> View:
    """The view the chart opens on: the closest zoom that shows the whole densest span
    (with STORY_MARGIN columns each side), centred on it."""
    first, last = data.story
    days = last + 1 - first
    room = max(width - 2 * STORY_MARGIN, 1)
    level = 0
    for candidate in range(max_zoom(data, width), 0, -1):
        if room * days_per_column(data, width, candidate) >= days:
            level = candidate
            break
    return settle(data, width, View(level, (first + last + 1) / 2))


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
