"""The range of dates the reader can show: one rule for the loader, the schema, the chart and the CLI.

The chart draws the whole span of the timeline with a margin at each side, up to
twice the span before and after it in its narrowest window (chart/layout.py,
MARGIN), and puts ticks on the days around what it shows. Keeping every date
between 1900 and 2199 keeps all of that well inside the calendar Python can name
(years 1 to 9999): a date of 9999-12-31 passed `validate` and crashed the chart
at every start (issue 26). `validate` refuses a date outside the range with its
`file:line:col`, the schema's pattern says the same to editors, and `--from` and
`--to` of the SVG export are refused outside it.
"""

from __future__ import annotations

from datetime import date

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)

# The same range as a pattern for the JSON Schema (years 1900 to 2199).
SCHEMA_PATTERN = "^(19[0-9]{2}|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$"


def in_range(day: date) -> bool:
    """Whether the reader can show `day`."""
    return FIRST_DAY <= day <= LAST_DAY


def out_of_range(day: date) -> str | None:
    """Why the reader cannot show `day`, as the end of one line; None if it can."""
    if in_range(day):
        return None
    return f"{day.isoformat()} is outside the dates the reader shows ({FIRST_DAY} to {LAST_DAY})"


def clamp(day: date) -> date:
    """The nearest day the reader can show."""
    return min(max(day, FIRST_DAY), LAST_DAY)
