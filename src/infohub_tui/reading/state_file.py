"""The state file's format: JSON, read into a `State` and written by one encoder.

The file is a JSON object: `version`, `last_pane`, `last_entry` (pane to entry
id), `theme`, `timeline_view` (`list` or `chart`), `entry_view` (`beside` or `alone`), `language`, `list_order`, `citation_style`,
`bookmarks` (references `pane:id` in the order made) and `read` (references,
sorted). Every field may be missing (its default); anything else wrong with it
is a `StateFormatError` or another exception, which callers treat alike.

The encoder keeps the JSON of the bookmark and read lists it last wrote and
writes a list again only when it changed: with 100,000 bookmarks, moving the
cursor must not turn every one of them into text again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from infohub_tui.hub.model import PANES, Pane, Reference
from infohub_tui.hub.ordering import DEFAULT_ORDER, ListOrder
from infohub_tui.reading.marks import Marks
from infohub_tui.reading.state import STATE_VERSION, Scalars, State

MAX_STATE_BYTES = 64 * 1024 * 1024  # a million bookmarks is about 30 MB

_PANE_NAMES = {pane.value for pane in PANES}
_ORDER_NAMES = {order.value for order in ListOrder}


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
        bookmarks=[_reference(item) for item in bookmarks],
        read=[_reference(item) for item in read],
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
    here rather than at the first save. What was read is in the file: no change of this copy's.
    """
    state = state_from_json(json.loads(raw.decode("utf-8")))
    encode_state(state)
    state.bookmarks.settle()
    state.read.settle()
    return state


@dataclass(frozen=True)
class MarksCopy:
    """A list of marks as it was when the snapshot was taken; `references` is None when the
    encoder has its JSON from the last write already."""

    key: tuple[int, int]
    references: tuple[Reference, ...] | None


@dataclass(frozen=True)
class Snapshot:
    """What one write puts in the file, taken under the state's lock in a moment."""

    scalars: Scalars
    bookmarks: MarksCopy
    read: MarksCopy

    @property
    def versions(self) -> tuple[int, int]:
        """The versions of the bookmarks and read marks written: their changes up to these are saved."""
        return self.bookmarks.key[1], self.read.key[1]


class Encoder:
    """The one writer of the file format, keeping the JSON of unchanged lists."""

    def __init__(self) -> None:
        self._lists: dict[str, tuple[tuple[int, int], str]] = {}

    def snapshot(self, state: State) -> Snapshot:
        """A copy of `state` to encode (hold `state.lock`): only lists that changed are copied."""
        return Snapshot(
            state.scalars(),
            self._copy("bookmarks", state.bookmarks),
            self._copy("read", state.read),
        )

    def _copy(self, name: str, marks: Marks) -> MarksCopy:
        key = (id(marks), marks.version)
        cached = self._lists.get(name)
        return MarksCopy(key, None if cached is not None and cached[0] == key else marks.snapshot())

    def _list(self, name: str, copy: MarksCopy, ordered: bool) -> str:
        if copy.references is None:
            return self._lists[name][1]
        texts = [str(reference) for reference in copy.references]
        encoded = json.dumps(texts if ordered else sorted(texts), ensure_ascii=False)
        self._lists[name] = (copy.key, encoded)
        return encoded

    def encode(self, snapshot: Snapshot) -> bytes:
        """The file's bytes; UnicodeEncodeError if a text cannot be written (a lone surrogate)."""
        scalars = snapshot.scalars
        small: dict[str, Any] = {
            "version": STATE_VERSION,
            "last_pane": scalars.last_pane.value if scalars.last_pane else None,
            "last_entry": {pane.value: entry_id for pane, entry_id in scalars.last_entry.items()},
            "theme": scalars.theme,
            "timeline_view": "chart" if scalars.timeline_chart else "list",
            "entry_view": "alone" if scalars.entry_only else "beside",
            "language": scalars.language,
            "list_order": scalars.list_order.value,
            "citation_style": scalars.citation_style,
        }
        parts = [
            f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in small.items()
        ]
        parts.append(f' "bookmarks": {self._list("bookmarks", snapshot.bookmarks, ordered=True)}')
        parts.append(f' "read": {self._list("read", snapshot.read, ordered=False)}')
        return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")


def encode_state(state: State) -> bytes:
    """`state` as the file holds it."""
    encoder = Encoder()
    return encoder.encode(encoder.snapshot(state))
