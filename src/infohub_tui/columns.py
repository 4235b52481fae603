"""The columns of each pane's list, as `PANE_TABLE` names them, with how to draw each cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .i18n import Translator
from .model import GAP, PANE_TABLE, Entry, Field, ListColumn, Pane

Cell = Callable[[Entry, Entry | None, Translator], str]


@dataclass(frozen=True)
class Column:
    """One table column; `flexible` columns share the width left over."""

    label_key: str
    cell: Cell
    width: int = 0
    flexible: bool = False


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


def _column(fields: dict[str, Field], column: ListColumn) -> Column:
    cell = _gap if column.field == GAP else _field_cell(fields[column.field])
    return Column(column.label_key, cell, column.width, column.flexible)


PANE_COLUMNS: dict[Pane, tuple[Column, ...]] = {
    pane: tuple(_column(table.by_key, column) for column in table.columns)
    for pane, table in PANE_TABLE.items()
}
