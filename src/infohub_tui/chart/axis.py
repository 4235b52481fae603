"""The chart's axis (ticks at weeks, months, quarters or years, labelled where they fit) and its legend. No Textual here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rich.cells import cell_len

from infohub_tui.chart.canvas import (
    AXIS,
    CLOCK_BODY,
    CLOCK_DEADLINE,
    CLOCK_EXTENDED_DEADLINE,
    CLOCK_EXTENSION,
    CLOCK_START,
    CLOCK_STOP,
    CLUSTER_MARKERS,
    KIND_MARKERS,
    ROLE_AXIS,
    ROLE_CLOCK,
    ROLE_CLOCK_EXTENDED,
    ROLE_CLUSTER,
    ROLE_LEGEND,
    ROLE_STOP,
    ROLE_TICK,
    ROLE_TICK_LABEL,
    TICK,
    Canvas,
    kind_role,
)
from infohub_tui.chart.scale import ChartData, Viewport
from infohub_tui.i18n import Translator


@dataclass(frozen=True)
class Tick:
    column: int
    day: date
    label: str


def place_axis(canvas: Canvas, port: Viewport, row: int, translator: Translator) -> tuple[Tick, ...]:
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


def place_legend(
    canvas: Canvas, data: ChartData, row: int, translator: Translator, clustered: bool = False
) -> None:
    """The kinds in the chart with their shapes, and how clocks are drawn, as far as the row allows;
    first, when the view has a column of several events (`clustered`), what its dots mean."""
    items: list[tuple[str, str, str]] = []
    if clustered:
        items.append((CLUSTER_MARKERS[1], ROLE_CLUSTER, translator("chart.several")))
    items += [(KIND_MARKERS[kind], kind_role(kind), translator(f"kind.{kind}")) for kind in data.kinds]
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
