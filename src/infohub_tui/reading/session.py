"""Where the reader is and what they marked: place, history, bookmarks and read marks. No Textual here.

Wraps the `State` that is saved between runs. Each operation says what it
changed: place operations whether anything did (so the state is saved), mark
operations the references whose marks changed (so their lists are redrawn).
Marks of entries that are not in the content read now are kept. Every change holds
the state's lock: the state may be being written in another thread (state.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from infohub_tui.hub.model import Pane, Reference
from infohub_tui.hub.ordering import ListOrder, toggled
from infohub_tui.reading.state import State

BOOKMARK, UNREAD = "★", "•"


class Reading:
    """The reader's place and marks, over the `State` the app saves."""

    def __init__(self, state: State) -> None:
        self.state = state

    def start_pane(self, preferred: Pane | None = None) -> Pane:
        """The pane to open on: the one asked for, else the last one read, else the first."""
        return preferred or self.state.last_pane or Pane.STATEMENTS

    def start_language(self, available: Sequence[str]) -> str | None:
        """The language chosen in the app last time, if the content still has it."""
        language = self.state.language
        return language if language in available else None

    def choose_language(self, language: str) -> bool:
        """Remember the language chosen in the app; whether that changed anything."""
        if self.state.language == language:
            return False
        with self.state.lock:
            self.state.language = language
        return True

    def choose_citation_style(self, name: str) -> bool:
        """Remember the citation style chosen; whether that changed anything."""
        if self.state.citation_style == name:
            return False
        with self.state.lock:
            self.state.citation_style = name
        return True

    def choose_theme(self, theme: str) -> bool:
        """Remember the theme chosen; whether that changed anything."""
        if self.state.theme == theme:
            return False
        with self.state.lock:
            self.state.theme = theme
        return True

    def start_entry(self, pane: Pane) -> str | None:
        return self.state.last_entry.get(pane)

    def remember_pane(self, pane: Pane) -> bool:
        if self.state.last_pane is pane:
            return False
        with self.state.lock:
            self.state.last_pane = pane
        return True

    def remember_entry(self, reference: Reference) -> bool:
        if self.state.last_entry.get(reference.pane) == reference.id:
            return False
        with self.state.lock:
            self.state.last_entry[reference.pane] = reference.id
        return True

    def show_chart(self, shown: bool) -> bool:
        """Remember whether the Timeline pane shows its chart; returns `shown`."""
        with self.state.lock:
            self.state.timeline_chart = shown
        return shown

    def show_entry_only(self, shown: bool) -> bool:
        """Remember whether the entry is read alone, across the whole width; returns `shown`."""
        with self.state.lock:
            self.state.entry_only = shown
        return shown

    def toggle_order(self) -> ListOrder:
        """Date order or the order of the content files, for every list with dates; returns the new order."""
        with self.state.lock:
            self.state.list_order = toggled(self.state.list_order)
        return self.state.list_order

    def is_bookmarked(self, reference: Reference) -> bool:
        return reference in self.state.bookmarks

    def toggle_bookmark(self, reference: Reference) -> frozenset[Reference]:
        with self.state.lock:
            if not self.state.bookmarks.discard(reference):
                self.state.bookmarks.add(reference)
        return frozenset({reference})

    def remove_bookmark(self, reference: Reference) -> frozenset[Reference]:
        with self.state.lock:
            removed = self.state.bookmarks.discard(reference)
        return frozenset({reference}) if removed else frozenset()

    def mark_read(self, reference: Reference) -> frozenset[Reference]:
        with self.state.lock:
            added = self.state.read.add(reference)
        return frozenset({reference}) if added else frozenset()

    def toggle_read(self, reference: Reference) -> frozenset[Reference]:
        with self.state.lock:
            if not self.state.read.discard(reference):
                self.state.read.add(reference)
        return frozenset({reference})

    def marker(self, reference: Reference) -> str:
        """The list's mark for an entry: bookmarked, unread, or nothing (read)."""
        if reference in self.state.bookmarks:
            return BOOKMARK
        return "" if reference in self.state.read else UNREAD

    def next_unread(
        self, lists: Sequence[Sequence[Reference]], visible: int, cursor: int
    ) -> Reference | None:
        """The next unread entry: in list `visible` after `cursor`, then in the lists after it
        (round the end), then in list `visible` before the cursor; None if all are read."""
        order = [*lists[visible][cursor + 1 :]]
        for step in range(1, len(lists)):
            order += lists[(visible + step) % len(lists)]
        order += lists[visible][:cursor]
        return next((reference for reference in order if reference not in self.state.read), None)


class History:
    """Where the reader was before each jump (a link, a hit, a bookmark), as a browser keeps it:
    `back` returns to the place before, `forward` undoes a `back`; a new jump ends the way forward."""

    def __init__(self) -> None:
        self.earlier: list[Reference] = []
        self.later: list[Reference] = []

    def jumped(self, came_from: Reference, to: Reference) -> bool:
        """Remember `came_from` before a jump to `to`; False (nothing remembered) if they are the same."""
        if came_from == to:
            return False
        self.earlier.append(came_from)
        self.later.clear()
        return True

    def back(self, current: Reference | None) -> Reference | None:
        """The place before `current` (which becomes the way forward); None if there is none."""
        return self._move(self.earlier, self.later, current)

    def forward(self, current: Reference | None) -> Reference | None:
        """The place `back` left (`current` becomes the way back); None if there is none."""
        return self._move(self.later, self.earlier, current)

    @staticmethod
    def _move(source: list[Reference], other: list[Reference], current: Reference | None) -> Reference | None:
        if not source:
            return None
        target = source.pop()
        if current is not None:
            other.append(current)
        return target
