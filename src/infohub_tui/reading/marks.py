"""A set of marked entries (bookmarks, read marks) that remembers what this copy changed.

`Marks` is deliberately narrow: add, discard, `in`, iteration in the order the
marks were made, and `replace` for what another copy wrote. Every change is
journaled with a version number, so that a save taken at one version can settle
exactly the changes it wrote while later ones wait for the next save, and so that
merging with another copy's file keeps this copy's own additions and removals.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from infohub_tui.hub.model import Reference


class Marks:
    """References marked, each once, in the order made; `in` is a dict lookup."""

    __slots__ = ("_changes", "_members", "version")

    def __init__(self, references: Iterable[Reference] = ()) -> None:
        self._members: dict[Reference, None] = dict.fromkeys(references)
        self._changes: dict[Reference, tuple[bool, int]] = {}
        """This copy's changes not yet written: reference -> (added, version of the change)."""
        self.version = 0
        for reference in self._members:  # new to the file, unless read from it (see `settle`)
            self._note(reference, added=True)

    def _note(self, reference: Reference, *, added: bool) -> None:
        self.version += 1
        self._changes.pop(reference, None)  # the latest change counts, in the order of the changes
        self._changes[reference] = (added, self.version)

    def __contains__(self, reference: object) -> bool:
        return reference in self._members

    def __iter__(self) -> Iterator[Reference]:
        return iter(tuple(self._members))

    def __len__(self) -> int:
        return len(self._members)

    def __repr__(self) -> str:
        return f"Marks({list(self._members)!r})"

    def __eq__(self, other: object) -> bool:
        """Equal to other marks with the same members in the same order."""
        if not isinstance(other, Marks):
            return NotImplemented
        return list(self._members) == list(other._members)

    __hash__ = None  # type: ignore[assignment]

    def add(self, reference: Reference) -> bool:
        """Mark `reference` (last in the order); whether it was not marked before."""
        if reference in self._members:
            return False
        self._members[reference] = None
        self._note(reference, added=True)
        return True

    def discard(self, reference: Reference) -> bool:
        """Unmark `reference`; whether it was marked."""
        if reference not in self._members:
            return False
        del self._members[reference]
        self._note(reference, added=False)
        return True

    def replace(self, references: Iterable[Reference]) -> None:
        """New contents, as merged from another copy's file: not a change of this copy's own."""
        self._members = dict.fromkeys(references)
        self.version += 1

    def snapshot(self) -> tuple[Reference, ...]:
        return tuple(self._members)

    def added(self) -> list[Reference]:
        """What this copy added since its last save, in order."""
        return [reference for reference, (added, _) in self._changes.items() if added]

    def removed(self) -> set[Reference]:
        """What this copy removed since its last save."""
        return {reference for reference, (added, _) in self._changes.items() if not added}

    def settle(self, version: int | None = None) -> None:
        """Forget the changes up to `version` (all of them without one): they are in the file now."""
        if version is None:
            self._changes = {}
        else:
            self._changes = {ref: change for ref, change in self._changes.items() if change[1] > version}
