"""What the app remembers between runs: last place, bookmarks, read marks, theme, language.

`State` is the model; `merge` folds another copy's file into it, keeping this
copy's own changes. The file format is `state_file.py`'s, reading and writing it
under a lock `state_store.py`'s, and writing it in the background `state_saver.py`'s.

One thread changes a state (the app's), another may write it: every change of a
running app's state is made holding `State.lock` (see `reading/session.py`), and
the writer holds it only to merge and to take a snapshot, never while it waits
for the file's lock or the disk.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from infohub_tui.hub.model import PANES, Pane, Reference
from infohub_tui.hub.ordering import DEFAULT_ORDER, ListOrder
from infohub_tui.reading.marks import Marks

STATE_VERSION = 1


class State:
    """The remembered state; `bookmarks` in the order made, `read` the entries marked read."""

    def __init__(
        self,
        last_pane: Pane | None = None,
        last_entry: dict[Pane, str] | None = None,
        bookmarks: Iterable[Reference] = (),
        read: Iterable[Reference] = (),
        theme: str | None = None,
        timeline_chart: bool = False,
        entry_only: bool = False,
        language: str | None = None,
        list_order: ListOrder = DEFAULT_ORDER,
        citation_style: str | None = None,
    ) -> None:
        self.last_pane = last_pane
        self.last_entry: dict[Pane, str] = dict(last_entry or {})
        self.bookmarks = bookmarks if isinstance(bookmarks, Marks) else Marks(bookmarks)
        self.read = read if isinstance(read, Marks) else Marks(read)
        self.theme = theme
        self.timeline_chart = timeline_chart
        """The Timeline pane shows the chart instead of the list."""
        self.entry_only = entry_only
        """The entry alone, across the whole width (`z`), not beside its list."""
        self.language = language
        """The language last chosen in the app (`L`)."""
        self.list_order = list_order
        """The lists with dates are in date order, or in the order of the content files (`S`)."""
        self.citation_style = citation_style
        """The citation style last chosen in the palette (how `c` copies)."""
        self.lock = threading.RLock()
        """Held for every change of a running app's state and by the writer's merge and snapshot."""

    def scalars(self) -> Scalars:
        return Scalars(
            last_entry=dict(self.last_entry), **{name: getattr(self, name) for name in SINGLE_VALUES}
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, State):
            return NotImplemented
        return (self.scalars(), list(self.bookmarks), set(self.read)) == (
            other.scalars(),
            list(other.bookmarks),
            set(other.read),
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"State({self.scalars()!r}, bookmarks={self.bookmarks!r}, read={self.read!r})"


@dataclass
class Scalars:
    """The small part of a state: as last read or written, it tells this copy's changes from another's."""

    last_pane: Pane | None = None
    last_entry: dict[Pane, str] = field(default_factory=dict)
    theme: str | None = None
    timeline_chart: bool = False
    entry_only: bool = False
    language: str | None = None
    list_order: ListOrder = DEFAULT_ORDER
    citation_style: str | None = None


SINGLE_VALUES = tuple(each.name for each in fields(Scalars) if each.name != "last_entry")
"""The scalars that are one value each (`last_entry` is merged pane by pane)."""


def merge(mine: State, base: Scalars, theirs: State) -> None:
    """Fold another copy's state (`theirs`, on disk) into `mine`, keeping this copy's own changes
    (the scalars that differ from `base`, the marks added and removed since the last save)."""
    for name in SINGLE_VALUES:
        if getattr(mine, name) == getattr(base, name):
            setattr(mine, name, getattr(theirs, name))
    for pane in PANES:
        if mine.last_entry.get(pane) == base.last_entry.get(pane):
            if pane in theirs.last_entry:
                mine.last_entry[pane] = theirs.last_entry[pane]
            else:
                mine.last_entry.pop(pane, None)
    removed = mine.bookmarks.removed()
    bookmarks = [reference for reference in theirs.bookmarks if reference not in removed]
    bookmarks += [reference for reference in mine.bookmarks.added() if reference not in theirs.bookmarks]
    mine.bookmarks.replace(bookmarks)
    read_removed = mine.read.removed()
    read = [reference for reference in theirs.read if reference not in read_removed]
    read += [reference for reference in mine.read.added() if reference not in theirs.read]
    mine.read.replace(read)
