"""Which entries cite each source, and the hub's sources in the order the Sources view lists them.

No Textual here: the Sources view (ui/screens/sources_screen.py) draws what this builds.
Built in one pass over the entries and one sort of the sources, so that a hub of 100,000
sources opens its Sources view in well under a second (benchmarks/sources_bench.py).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from infohub_tui.hub.model import Hub, Reference, Source


def cited_by(hub: Hub) -> dict[str, tuple[Reference, ...]]:
    """Every source id of the hub with the entries that cite it, in tab order and then in the
    order of each pane's file; a source no entry cites has none. An entry that names a source
    twice counts once; ids no source has are left out (the loader reports them)."""
    citing: dict[str, list[Reference]] = {source_id: [] for source_id in hub.sources}
    for entry in hub.all_entries():
        reference = entry.reference
        for source_id in dict.fromkeys(entry.sources):
            found = citing.get(source_id)
            if found is not None:
                found.append(reference)
    return {source_id: tuple(references) for source_id, references in citing.items()}


class Line(NamedTuple):
    """One line of the Sources view: a source (`is_source`), or an entry citing it under the
    source; a source no entry cites has one line under it with no reference, which says so."""

    source: Source
    reference: Reference | None
    is_source: bool


@dataclass(frozen=True)
class SourceIndex:
    """The Sources view's lines: each source (by title, then id), then the entries that cite it.

    Lines are made when asked for: source `n` is line `starts[n]`, its citing entries the lines
    after it up to `starts[n + 1]`, so a list of 100,000 sources costs one list of numbers.
    """

    sources: tuple[Source, ...]
    cited_by: dict[str, tuple[Reference, ...]]
    starts: tuple[int, ...]

    def __len__(self) -> int:
        """The number of lines."""
        return self.starts[-1] if self.starts else 0

    def source_number(self, line: int) -> int:
        """The position in `sources` of the source that line `line` belongs to."""
        return bisect_right(self.starts, line) - 1

    def line(self, number: int) -> Line:
        """Line `number` (0 to len - 1)."""
        position = self.source_number(number)
        source = self.sources[position]
        offset = number - self.starts[position]
        if offset == 0:
            return Line(source, None, True)
        references = self.cited_by[source.id]
        return Line(source, references[offset - 1] if references else None, False)


_last: tuple[Hub, SourceIndex] | None = None


def kept_source_index(hub: Hub) -> SourceIndex:
    """`source_index(hub)`, kept for the last hub asked for: opening the view again costs nothing
    (a hub never changes; another language or a reload is another hub)."""
    global _last
    if _last is None or _last[0] is not hub:
        _last = (hub, source_index(hub))
    return _last[1]


def source_index(hub: Hub) -> SourceIndex:
    """The Sources view of `hub`: every source, each followed by the entries that cite it."""
    citing = cited_by(hub)
    ordered = tuple(sorted(hub.sources.values(), key=lambda source: (source.title.casefold(), source.id)))
    starts = [0]
    for source in ordered:
        starts.append(starts[-1] + 1 + max(len(citing[source.id]), 1))
    return SourceIndex(ordered, citing, tuple(starts))
