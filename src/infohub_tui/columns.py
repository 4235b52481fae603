"""How each pane lists its entries: the columns of its table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .i18n import Translator
from .model import Entry, Pane, StorageFact, TimelineEvent


@dataclass(frozen=True)
class Column:
    """One table column; `flexible` columns share the width left over."""

    label_key: str
    cell: Callable[[Entry, Entry | None, Translator], str]
    width: int = 0
    flexible: bool = False


def _date(entry: Entry, _previous: Entry | None, tr: Translator) -> str:
    return tr.short_date(entry.when)


def _speaker(entry: Entry, _previous: Entry | None, _tr: Translator) -> str:
    return entry.speaker


def _heading(entry: Entry, _previous: Entry | None, _tr: Translator) -> str:
    return entry.heading


def _value(entry: Entry, _previous: Entry | None, _tr: Translator) -> str:
    return entry.value if isinstance(entry, StorageFact) else ""


def _gap(entry: Entry, previous: Entry | None, tr: Translator) -> str:
    return tr.gap(previous.when if previous else None, entry.when)


def _kind(entry: Entry, _previous: Entry | None, tr: Translator) -> str:
    return tr(f"kind.{entry.kind}") if isinstance(entry, TimelineEvent) else ""


PANE_COLUMNS: dict[Pane, tuple[Column, ...]] = {
    Pane.STATEMENTS: (
        Column("column.date", _date, width=10),
        Column("column.speaker", _speaker, width=16),
        Column("column.title", _heading, flexible=True),
    ),
    Pane.FAQ: (
        Column("column.question", _heading, flexible=True),
        Column("column.answered_by", _speaker, width=18),
    ),
    Pane.STORAGE: (
        Column("column.fact", _heading, flexible=True),
        Column("column.value", _value, flexible=True),
        Column("column.claimed_by", _speaker, width=16),
    ),
    Pane.TIMELINE: (
        Column("column.date", _date, width=10),
        Column("column.gap", _gap, width=9),
        Column("column.kind", _kind, width=10),
        Column("column.event", _heading, flexible=True),
        Column("column.actor", _speaker, width=16),
    ),
}
