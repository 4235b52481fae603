"""Find in one entry, as `/` finds in less: every occurrence of a text in the entry's fields, in
the order they are shown, and the one the reader is at. No Textual here.

A query matches as the search does (case and accents folded, `ü` also as `ue`), but as one
piece of text, not as words: `data sec` finds "data security".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from infohub_tui.hub.model import QUOTE_FIELD, Entry
from infohub_tui.text.folding import Span, fold_with_offsets, original_span, spellings

Occurrence = tuple[str, Span]
"""A field's name and the span of the occurrence in its text."""


@lru_cache(maxsize=64)
def _pattern(query: str) -> re.Pattern[str] | None:
    options = spellings(" ".join(query.split()))
    if not options:
        return None
    return re.compile("|".join(re.escape(option) for option in options))


def shown_fields(entry: Entry) -> tuple[str, ...]:
    """The searchable fields the entry's reading view shows, in its order: heading, a stated value,
    the quote, body, note."""
    names = (entry.heading_field, entry.lead_field, QUOTE_FIELD, entry.body_field, "note")
    return tuple(dict.fromkeys(name for name in names if name))


def in_view_order(entry: Entry, found: Iterable[Occurrence]) -> tuple[Occurrence, ...]:
    """The occurrences in fields the entry shows, in the order it shows them."""
    order = {name: number for number, name in enumerate(shown_fields(entry))}
    return tuple(
        sorted((item for item in found if item[0] in order), key=lambda item: (order[item[0]], item[1]))
    )


def occurrences(entry: Entry, query: str) -> tuple[Occurrence, ...]:
    """Every occurrence of `query` in the fields the entry shows, in the order it shows them."""
    pattern = _pattern(query)
    if pattern is None:
        return ()
    shown = shown_fields(entry)
    texts = dict(entry.searchable())
    found: list[Occurrence] = []
    for name in shown:
        text = texts.get(name)
        if not text:
            continue
        folded, offsets = fold_with_offsets(text)
        found += [
            (name, original_span(offsets, match.start(), match.end()))
            for match in pattern.finditer(folded)
            if match.end() > match.start()
        ]
    return tuple(found)


@dataclass
class Finding:
    """A find in the entry being read: its query, where it occurs, and the occurrence shown."""

    query: str
    found: tuple[Occurrence, ...]
    position: int = 0

    @property
    def current(self) -> Occurrence | None:
        return self.found[self.position] if self.found else None

    def step(self, delta: int) -> bool:
        """Move to the next (1) or previous (-1) occurrence, round the end; True if it went round."""
        if not self.found:
            return False
        target = self.position + delta
        self.position = target % len(self.found)
        return not 0 <= target < len(self.found)
