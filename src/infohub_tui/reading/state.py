"""What the app remembers between runs: last place, bookmarks, read marks, theme, language.

Every change is written at once and atomically (temp file, then rename), so a
killed process loses at most its last change and a reader never sees half a
file. Two running copies do not drop each other's changes: a write happens
under a lock (`state.json.lock`), and when the file changed since this copy
last wrote it, this copy's own changes since then (bookmarks and read marks
added or removed, a new place, theme or language) are merged into what is on disk.

A file that cannot be used is moved aside as `state.json.corrupt-<timestamp>`,
never deleted, whatever is wrong with it: not JSON, wrong types, nesting too
deep, numbers too long, text that cannot be written back (lone surrogates), a
pipe or a device instead of a file.

Bookmarks and read marks are kept in collections that answer `in` at once and
remember their changes, so that 100,000 of them cost nothing per key press.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, SupportsIndex

from infohub_tui.hub.model import PANES, Pane, Reference
from infohub_tui.hub.ordering import DEFAULT_ORDER, ListOrder
from infohub_tui.system.files import make_dirs, read_regular

STATE_VERSION = 1
MAX_STATE_BYTES = 64 * 1024 * 1024  # a million bookmarks is about 30 MB
LOCK_WAIT_SECONDS = 2.0  # then write without the lock rather than freeze the reader

_PANE_NAMES = {pane.value for pane in PANES}
_ORDER_NAMES = {order.value for order in ListOrder}


class _Journal:
    """What was added and removed since the last save (for merging with another copy's writes)."""

    def __init__(self) -> None:
        self.version = 0
        self.added: dict[Reference, None] = {}
        self.removed: set[Reference] = set()

    def add(self, reference: Reference) -> None:
        self.version += 1
        self.removed.discard(reference)
        self.added[reference] = None

    def remove(self, reference: Reference) -> None:
        self.version += 1
        self.added.pop(reference, None)
        self.removed.add(reference)

    def reset(self) -> None:
        self.added.clear()
        self.removed.clear()


class Bookmarks(list[Reference]):
    """Bookmarks in the order they were made, each once; `in` is a set lookup."""

    def __init__(self, references: Iterable[Reference] = ()) -> None:
        unique = list(dict.fromkeys(references))
        super().__init__(unique)
        self._members = set(unique)
        self.journal = _Journal()
        for reference in unique:  # new to the file, unless read from it (see `parse_state`)
            self.journal.add(reference)

    def __contains__(self, reference: object) -> bool:
        return reference in self._members

    def append(self, reference: Reference) -> None:
        if reference not in self._members:
            super().append(reference)
            self._members.add(reference)
            self.journal.add(reference)

    def extend(self, references: Iterable[Reference]) -> None:
        for reference in references:
            self.append(reference)

    def __iadd__(self, references: Iterable[Reference]) -> Bookmarks:  # type: ignore[override,misc]
        self.extend(references)
        return self

    def insert(self, index: SupportsIndex, reference: Reference) -> None:
        if reference not in self._members:
            super().insert(index, reference)
            self._members.add(reference)
            self.journal.add(reference)

    def remove(self, reference: Reference) -> None:
        super().remove(reference)
        self._members.discard(reference)
        self.journal.remove(reference)

    def pop(self, index: SupportsIndex = -1) -> Reference:
        reference = super().pop(index)
        self._members.discard(reference)
        self.journal.remove(reference)
        return reference

    def clear(self) -> None:
        for reference in self:
            self.journal.remove(reference)
        super().clear()
        self._members.clear()

    def __delitem__(self, index: SupportsIndex | slice) -> None:
        removed = self[index] if isinstance(index, slice) else [self[index]]
        super().__delitem__(index)
        for reference in removed:
            self._members.discard(reference)
            self.journal.remove(reference)

    def __setitem__(self, index: Any, value: Any) -> None:
        super().__setitem__(index, value)
        self.replace(list(self))

    def replace(self, references: Iterable[Reference]) -> None:
        """New contents (as merged from disk); not a change of this copy's own."""
        unique = list(dict.fromkeys(references))
        super().clear()
        super().extend(unique)
        self._members = set(unique)
        self.journal.version += 1


class ReadMarks(set[Reference]):
    """The entries marked read; remembers what changed since the last save."""

    def __init__(self, references: Iterable[Reference] = ()) -> None:
        super().__init__(references)
        self.journal = _Journal()
        for reference in self:  # new to the file, unless read from it (see `parse_state`)
            self.journal.add(reference)

    def add(self, reference: Reference) -> None:
        if reference not in self:
            super().add(reference)
            self.journal.add(reference)

    def discard(self, reference: object) -> None:
        if isinstance(reference, Reference) and reference in self:
            super().discard(reference)
            self.journal.remove(reference)

    def remove(self, reference: Reference) -> None:
        super().remove(reference)
        self.journal.remove(reference)

    def pop(self) -> Reference:
        reference = super().pop()
        self.journal.remove(reference)
        return reference

    def clear(self) -> None:
        for reference in list(self):
            self.discard(reference)

    def update(self, *others: Iterable[Reference]) -> None:
        for other in others:
            for reference in other:
                self.add(reference)

    def difference_update(self, *others: Iterable[Any]) -> None:
        for other in others:
            for reference in other:
                self.discard(reference)

    def symmetric_difference_update(self, other: Iterable[Reference]) -> None:
        for reference in set(other):
            if reference in self:
                self.discard(reference)
            else:
                self.add(reference)

    def intersection_update(self, *others: Iterable[Any]) -> None:
        keep = set(self).intersection(*others)
        for reference in list(self):
            if reference not in keep:
                self.discard(reference)

    def __ior__(self, other: Any) -> ReadMarks:  # type: ignore[override,misc]
        self.update(other)
        return self

    def __isub__(self, other: Any) -> ReadMarks:  # type: ignore[misc]
        self.difference_update(other)
        return self

    def __ixor__(self, other: Any) -> ReadMarks:  # type: ignore[override,misc]
        self.symmetric_difference_update(other)
        return self

    def __iand__(self, other: Any) -> ReadMarks:  # type: ignore[misc]
        self.intersection_update(other)
        return self

    def replace(self, references: Iterable[Reference]) -> None:
        """New contents (as merged from disk); not a change of this copy's own."""
        super().clear()
        super().update(references)
        self.journal.version += 1


@dataclass
class State:
    last_pane: Pane | None = None
    last_entry: dict[Pane, str] = field(default_factory=dict)
    bookmarks: list[Reference] = field(default_factory=Bookmarks)
    read: set[Reference] = field(default_factory=ReadMarks)
    theme: str | None = None
    timeline_chart: bool = False
    """The Timeline pane shows the chart instead of the list."""
    entry_only: bool = False
    """The entry alone, across the whole width (`z`), not beside its list."""
    language: str | None = None
    """The language last chosen in the app (`L`)."""
    list_order: ListOrder = DEFAULT_ORDER
    """The lists with dates are in date order, or in the order of the content files (`S`)."""
    citation_style: str | None = None
    """The citation style last chosen in the palette (how `c` copies)."""

    def __post_init__(self) -> None:
        if not isinstance(self.bookmarks, Bookmarks):
            self.bookmarks = Bookmarks(self.bookmarks)
        if not isinstance(self.read, ReadMarks):
            self.read = ReadMarks(self.read)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "last_pane": self.last_pane.value if self.last_pane else None,
            "last_entry": {pane.value: entry_id for pane, entry_id in self.last_entry.items()},
            "bookmarks": [str(reference) for reference in self.bookmarks],
            "read": sorted(str(reference) for reference in self.read),
            "theme": self.theme,
            "timeline_view": "chart" if self.timeline_chart else "list",
            "entry_view": "alone" if self.entry_only else "beside",
            "language": self.language,
            "list_order": self.list_order.value,
            "citation_style": self.citation_style,
        }


class StateFormatError(ValueError):
    pass


def _reference(text: object) -> Reference:
    if not isinstance(text, str) or ":" not in text:
        raise StateFormatError(f"not a pane:id reference: {text!r}"[:200])
    pane, _, entry_id = text.partition(":")
    if pane not in _PANE_NAMES:
        raise StateFormatError(f"unknown pane {pane!r}"[:200])
    return Reference(Pane(pane), entry_id)


def state_from_json(data: object) -> State:
    if not isinstance(data, dict):
        raise StateFormatError("expected a JSON object")
    last_pane = data.get("last_pane")
    last_entry = data.get("last_entry", {})
    bookmarks = data.get("bookmarks", [])
    read = data.get("read", [])
    theme = data.get("theme")
    timeline_view = data.get("timeline_view", "list")
    entry_view = data.get("entry_view", "beside")
    language = data.get("language")
    list_order = data.get("list_order", DEFAULT_ORDER.value)
    citation_style = data.get("citation_style")
    if last_pane is not None and (not isinstance(last_pane, str) or last_pane not in _PANE_NAMES):
        raise StateFormatError("last_pane is not a pane")
    if not isinstance(last_entry, dict) or not all(isinstance(v, str) for v in last_entry.values()):
        raise StateFormatError("last_entry is not a mapping of pane to id")
    if not isinstance(bookmarks, list) or not isinstance(read, list):
        raise StateFormatError("bookmarks and read must be lists")
    if theme is not None and not isinstance(theme, str):
        raise StateFormatError("theme is not text")
    if timeline_view not in ("list", "chart"):
        raise StateFormatError("timeline_view is not list or chart")
    if entry_view not in ("beside", "alone"):
        raise StateFormatError("entry_view is not beside or alone")
    if language is not None and not isinstance(language, str):
        raise StateFormatError("language is not text")
    if list_order not in _ORDER_NAMES:
        raise StateFormatError("list_order is not date or published")
    if citation_style is not None and not isinstance(citation_style, str):
        raise StateFormatError("citation_style is not text")
    return State(
        last_pane=Pane(last_pane) if last_pane else None,
        last_entry={_reference(f"{pane}:{entry_id}").pane: entry_id for pane, entry_id in last_entry.items()},
        bookmarks=Bookmarks(_reference(item) for item in bookmarks),
        read=ReadMarks(_reference(item) for item in read),
        theme=theme,
        timeline_chart=timeline_view == "chart",
        entry_only=entry_view == "alone",
        language=language,
        list_order=ListOrder(list_order),
        citation_style=citation_style,
    )


def parse_state(raw: bytes) -> State:
    """Bytes to State, or any exception at all: callers treat every failure alike.

    A state that could not be written back (lone surrogates in JSON escapes) fails
    here rather than at the first save.
    """
    state = state_from_json(json.loads(raw.decode("utf-8")))
    encode_state(state)
    for collection in (state.bookmarks, state.read):
        journal = _journal(collection)
        if journal:
            journal.reset()
    return state


def encode_state(state: State) -> bytes:
    return (json.dumps(state.to_json(), indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _first_line(error: BaseException) -> str:
    lines = str(error).splitlines()
    return (lines[0] if lines else type(error).__name__)[:200]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class _Scalars:
    """The small part of a state as last read or written, to tell this copy's changes from another's."""

    last_pane: Pane | None = None
    last_entry: dict[Pane, str] = field(default_factory=dict)
    theme: str | None = None
    timeline_chart: bool = False
    language: str | None = None
    list_order: ListOrder = DEFAULT_ORDER
    entry_only: bool = False
    citation_style: str | None = None

    @classmethod
    def of(cls, state: State) -> _Scalars:
        return cls(
            state.last_pane,
            dict(state.last_entry),
            state.theme,
            state.timeline_chart,
            state.language,
            state.list_order,
            state.entry_only,
            state.citation_style,
        )


def _journal(collection: object) -> _Journal | None:
    return collection.journal if isinstance(collection, Bookmarks | ReadMarks) else None


def merge(mine: State, base: _Scalars, theirs: State) -> None:
    """Fold another copy's state (`theirs`, on disk) into `mine`, keeping this copy's own changes."""
    if mine.last_pane == base.last_pane:
        mine.last_pane = theirs.last_pane
    if mine.theme == base.theme:
        mine.theme = theirs.theme
    if mine.timeline_chart == base.timeline_chart:
        mine.timeline_chart = theirs.timeline_chart
    if mine.entry_only == base.entry_only:
        mine.entry_only = theirs.entry_only
    if mine.language == base.language:
        mine.language = theirs.language
    if mine.list_order == base.list_order:
        mine.list_order = theirs.list_order
    if mine.citation_style == base.citation_style:
        mine.citation_style = theirs.citation_style
    for pane in PANES:
        if mine.last_entry.get(pane) == base.last_entry.get(pane):
            if pane in theirs.last_entry:
                mine.last_entry[pane] = theirs.last_entry[pane]
            else:
                mine.last_entry.pop(pane, None)
    journal = _journal(mine.bookmarks)
    added = list(journal.added) if journal else list(mine.bookmarks)
    removed = journal.removed if journal else set()
    bookmarks = [reference for reference in theirs.bookmarks if reference not in removed]
    bookmarks += [reference for reference in added if reference not in theirs.bookmarks]
    if isinstance(mine.bookmarks, Bookmarks):
        mine.bookmarks.replace(bookmarks)
    else:
        mine.bookmarks = Bookmarks(bookmarks)
    journal = _journal(mine.read)
    read_added = set(journal.added) if journal else set(mine.read)
    read_removed = journal.removed if journal else set()
    read = (set(theirs.read) - read_removed) | read_added
    if isinstance(mine.read, ReadMarks):
        mine.read.replace(read)
    else:
        mine.read = ReadMarks(read)


class StateStore:
    """Reads and writes one state file; every problem becomes a message, never an exception."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = _now) -> None:
        self.path = path
        self.clock = clock
        self.save_problem: str | None = None
        self._base = _Scalars()
        self._written: tuple[int, int, int] | None = None  # the file as this copy last saw it
        self._encoded: dict[str, tuple[int, int, str]] = {}  # field: (id, version, JSON)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(f"{self.path.name}.lock")

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            status = os.stat(self.path)
        except OSError:
            return None
        return (status.st_ino, status.st_size, status.st_mtime_ns)

    def load(self) -> tuple[State, str | None]:
        """The saved state, or defaults and a one-line message saying what went wrong."""
        signature = self._signature()
        try:
            raw = read_regular(self.path, MAX_STATE_BYTES)
        except FileNotFoundError:
            return State(), None
        except PermissionError as error:
            return State(), f"{self.path}: cannot read ({error.strerror}); starting with defaults"
        except OSError as error:
            return State(), self._move_aside(str(error).removeprefix(f"{self.path}: "))
        try:
            state = parse_state(raw)
        except Exception as error:  # every way a file can be wrong, not a list of them
            return State(), self._move_aside(_first_line(error))
        self._base = _Scalars.of(state)
        self._written = signature
        return state, None

    def _move_aside(self, reason: str) -> str:
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            os.replace(self.path, target)
        except OSError as error:
            return f"{self.path}: unreadable ({reason}) and cannot be moved aside ({error.strerror}); starting with defaults"
        return f"{self.path}: unreadable ({reason}); kept as {target.name}, starting with defaults"

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive lock on `state.json.lock` (shared by every copy), or no lock after a short wait."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on POSIX
            yield
            return
        try:
            descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError:
            yield
            return
        try:
            deadline = time.monotonic() + LOCK_WAIT_SECONDS
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.005)
                except OSError:
                    break
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def _merge_from_disk(self, state: State) -> None:
        """If another copy wrote the file since this one last did, take its changes in."""
        signature = self._signature()
        if signature is None or signature == self._written:
            return
        try:
            theirs = parse_state(read_regular(self.path, MAX_STATE_BYTES))
        except Exception:
            return  # unreadable now: this copy's state replaces it
        merge(state, self._base, theirs)

    def _fragment(self, name: str, collection: Iterable[Reference], ordered: bool) -> str:
        """The JSON of a bookmark or read list, re-encoded only when it changed."""
        journal = _journal(collection)
        key = (id(collection), journal.version) if journal else None
        cached = self._encoded.get(name)
        if key is not None and cached is not None and cached[:2] == key:
            return cached[2]
        texts = [str(reference) for reference in collection]
        encoded = json.dumps(texts if ordered else sorted(texts), ensure_ascii=False)
        if key is not None:
            self._encoded[name] = (*key, encoded)
        return encoded

    def _encode(self, state: State) -> bytes:
        small = {
            "version": STATE_VERSION,
            "last_pane": state.last_pane.value if state.last_pane else None,
            "last_entry": {pane.value: entry_id for pane, entry_id in state.last_entry.items()},
            "theme": state.theme,
            "timeline_view": "chart" if state.timeline_chart else "list",
            "entry_view": "alone" if state.entry_only else "beside",
            "language": state.language,
            "list_order": state.list_order.value,
            "citation_style": state.citation_style,
        }
        parts = [
            f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in small.items()
        ]
        parts.append(f' "bookmarks": {self._fragment("bookmarks", state.bookmarks, ordered=True)}')
        parts.append(f' "read": {self._fragment("read", state.read, ordered=False)}')
        return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")

    def save(self, state: State) -> str | None:
        """Merge with the file, write atomically; returns a message the first time saving fails, else None."""
        try:
            make_dirs(self.path.parent)
            with self._locked():
                self._merge_from_disk(state)
                payload = self._encode(state)
                descriptor, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
                try:
                    with os.fdopen(descriptor, "wb") as handle:
                        handle.write(payload)
                    os.replace(temporary, self.path)
                except BaseException:
                    Path(temporary).unlink(missing_ok=True)
                    raise
                self._written = self._signature()
        except (OSError, UnicodeEncodeError) as error:
            first_time = self.save_problem is None
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)[:200]
            self.save_problem = f"cannot save to {self.path.parent} ({reason}); changes last until you quit"
            return self.save_problem if first_time else None
        self._base = _Scalars.of(state)
        for collection in (state.bookmarks, state.read):
            journal = _journal(collection)
            if journal:
                journal.reset()
        self.save_problem = None
        return None
