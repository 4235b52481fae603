"""The columns of each pane's list, as `PANE_TABLE` names them, with how to draw each cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from infohub_tui.hub.model import AS_OF, GAP, PANE_TABLE, Entry, Field, ListColumn, Pane
from infohub_tui.i18n import Translator

Cell = Callable[[Entry, Entry | None, Translator], str]


@dataclass(frozen=True)
class Column:
    """One table column; `flexible` columns share the width left over (see `ListColumn`)."""

    label_key: str
    cell: Cell
    width: int = 0
    flexible: bool = False
    keep: bool = False
    under: Cell | None = None
    """What the column shows on the second line of a two-line row."""
    shown_under: bool = False
    """This column's text shows under another column in two-line rows, so it is left out there."""
    attribute: str | None = None
    """The entry attribute whose text the column shows as it is (None: dates, kinds, gaps), which
    the list measures to see whether its texts fit."""


def _gap(entry: Entry, previous: Entry | None, tr: Translator) -> str:
    return tr.gap(previous.when if previous else None, entry.when)


def _field_cell(field: Field) -> Cell:
    """A field's value as its kind shows it in a list: dates short, event kinds translated."""
    attribute = field.attribute
    if field.kind == "date":

        def short_date(entry: Entry, _previous: Entry | None, tr: Translator) -> str:
            value: date | None = getattr(entry, attribute)
            return tr.short_date(value)

        return short_date
    if field.kind == "kind":

        def kind(entry: Entry, _previous: Entry | None, tr: Translator) -> str:
            return tr(f"kind.{getattr(entry, attribute)}")

        return kind

    def text(entry: Entry, _previous: Entry | None, _tr: Translator) -> str:
        return getattr(entry, attribute) or ""

    return text


def _as_of(entry: Entry, _previous: Entry | None, tr: Translator) -> str:
    return tr.short_date(entry.as_of)


def _as_of_under(entry: Entry, _previous: Entry | None, tr: Translator) -> str:
    return tr("list.as_of", date=tr.short_date(entry.as_of)) if entry.as_of else ""


COMMON_CELLS: dict[str, Cell] = {GAP: _gap, AS_OF: _as_of}
"""The list columns that are not a pane's own field."""
UNDER_CELLS: dict[str, Cell] = {AS_OF: _as_of_under}
"""How a field shows under another column, where that differs from its own column: a date
without its column's label says what it is."""


def _cell(fields: dict[str, Field], field: str) -> Cell:
    common = COMMON_CELLS.get(field)
    return common if common is not None else _field_cell(fields[field])


def _column(fields: dict[str, Field], column: ListColumn, shown_under: set[str]) -> Column:
    return Column(
        column.label_key,
        _cell(fields, column.field),
        column.width,
        column.flexible,
        column.keep,
        (UNDER_CELLS.get(column.under) or _cell(fields, column.under)) if column.under else None,
        column.field in shown_under,
        _text_attribute(fields, column.field),
    )


def _text_attribute(fields: dict[str, Field], field: str) -> str | None:
    found = fields.get(field)
    return found.attribute if found is not None and found.kind in ("text", "optional") else None


PANE_COLUMNS: dict[Pane, tuple[Column, ...]] = {
    pane: tuple(
        _column(table.by_key, column, {c.under for c in table.columns if c.under}) for column in table.columns
    )
    for pane, table in PANE_TABLE.items()
}
