"""The search a reader is walking through: earlier queries, the current match and what to highlight.

No Textual here; the reader screen shows what this says. The search index and
`search` module load when first used, not at start-up.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import TYPE_CHECKING

from infohub_tui.hub.model import Hub, Pane
from infohub_tui.text.folding import Span

if TYPE_CHECKING:
    from infohub_tui.search.index import Hit, SearchIndex

Highlights = dict[str, tuple[tuple[str, Span], ...]]
"""Entry id -> (field, span) matches to mark in that entry."""


def count_text(count: int, limited: bool) -> str:
    """A count of hits as the reader shows it: `100+` when the search stopped at 100."""
    return f"{count}+" if limited else str(count)


@dataclass
class ActiveSearch:
    """A chosen search: its query, its hits in the order `n`/`N` walk them, and the one shown."""

    query: str
    hits: tuple[Hit, ...]
    position: int
    limited: bool = False
    """The search stopped at its limit: more entries match than `hits`."""

    @property
    def hit(self) -> Hit:
        return self.hits[self.position]

    @property
    def total_text(self) -> str:
        """How many hits `n`/`N` walk: `100+` when the search stopped at 100."""
        return count_text(len(self.hits), self.limited)


class SearchSession:
    """The queries asked so far, the active search and one index per language's hub."""

    def __init__(self, freeze_gc: bool = False) -> None:
        self.history: list[str] = []
        self.active: ActiveSearch | None = None
        self.freeze_gc = freeze_gc
        self._indexes: dict[str, tuple[Hub, SearchIndex]] = {}

    def index(self, hub: Hub) -> SearchIndex:
        """The index of `hub`, built on first use and kept while that hub is the one read."""
        cached = self._indexes.get(hub.lang)
        if cached is not None and cached[0] is hub:
            return cached[1]
        from infohub_tui.search.index import SearchIndex

        index = SearchIndex(hub.all_entries())
        self._indexes[hub.lang] = (hub, index)
        if self.freeze_gc:
            # Content and index live as long as the app: keep the collector from re-scanning them.
            gc.freeze()
        return index

    def choose(self, query: str, hits: tuple[Hit, ...], chosen: Hit, limited: bool = False) -> Hit:
        """Make `hits` the active search, at `chosen` (`limited`: more entries match); remember the
        query. Returns the hit to show."""
        if not self.history or self.history[-1] != query:
            self.history.append(query)
        self.active = ActiveSearch(query, hits, hits.index(chosen), limited)
        return chosen

    def step(self, delta: int) -> Hit | None:
        """Move to the next (1) or previous (-1) match, round the end; None without a search."""
        search = self.active
        if search is None:
            return None
        search.position = (search.position + delta) % len(search.hits)
        return search.hit

    def clear(self) -> bool:
        """End the active search; False if there was none."""
        had_one = self.active is not None
        self.active = None
        return had_one

    def highlights(self, pane: Pane) -> Highlights:
        """What to highlight in `pane`'s entries: every match of the active search there."""
        if self.active is None:
            return {}
        return {hit.entry_id: hit.matches for hit in self.active.hits if hit.pane is pane}
