"""The reader screen's aids to reading one entry: the entry alone (`z`), find in the entry (`f`),
and `n`/`N` by occurrence, for a find or a search. A mixin of ReaderScreen, apart to keep that
module small; its methods are the screen's (`self` is the ReaderScreen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from infohub_tui.hub.model import PANES
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.find_bar import FindBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.reactive import reactive

    from infohub_tui.hub.model import Pane
    from infohub_tui.i18n import Translator
    from infohub_tui.reading.session import Reading
    from infohub_tui.search.in_entry import Finding, Occurrence
    from infohub_tui.search.index import Hit
    from infohub_tui.search.session import SearchSession
    from infohub_tui.ui.widgets.reader_pane import ReaderPane


class ReadingAids(Screen[None]):
    """The entry alone, find in the entry, and stepping by occurrence."""

    if TYPE_CHECKING:  # the reader screen's, which these methods use
        translator: reactive[Translator]
        search: SearchSession
        reading: Reading
        save: Callable[[], None]
        _finding: Finding | None
        _occurrence: int

        @property
        def visible_reader(self) -> ReaderPane: ...
        def reader(self, pane: Pane) -> ReaderPane: ...
        def _nothing_to_do(self, key: str, **values: object) -> None: ...
        def _key(self, binding_id: str) -> str: ...
        def _show_highlights(self) -> None: ...
        def jump_to(self, pane: Pane, entry_id: str, remember: bool = True) -> bool: ...
        def _show_key_context(self) -> None: ...

    # The entry alone ---------------------------------------------------------------

    @property
    def entry_only(self) -> bool:
        """Whether the entry is read alone, across the whole width (`z`)."""
        return self.has_class("-entry-only")

    def action_toggle_entry_only(self) -> None:
        """The entry alone across the whole width, with the focus in it; or beside its list again."""
        self._show_entry_only(self.reading.show_entry_only(not self.entry_only))
        self.save()

    def _show_entry_only(self, shown: bool) -> None:
        self.set_class(shown, "-entry-only")
        if shown:
            self.visible_reader.detail.focus()
        self._show_key_context()

    def on_entry_detail_back_to_list(self, event: EntryDetail.BackToList) -> None:
        """Back to the list from the entry read alone: beside its list again."""
        if self.entry_only:
            self.action_toggle_entry_only()

    def _show_match(self, hit: Hit) -> None:
        self.jump_to(hit.pane, hit.entry_id)
        shown = self._hit_occurrences(hit)
        if shown:
            self._occurrence = min(max(self._occurrence, 0), len(shown) - 1)
            self.reader(hit.pane).detail.reveal(hit.entry_id, *shown[self._occurrence])
        self._show_search_status()

    def _show_search_status(self) -> None:
        search = self.search.active
        assert search is not None
        counter = self.translator("search.counter", index=search.position + 1, total=search.total_text)
        status = self.query_one("#search-status", Static)
        status.update(Content(f"/{search.query}   {counter}"))
        status.add_class("-searching")

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, delta: int) -> None:
        """The next (1) or previous (-1) occurrence: of the find in the entry, if there is one; else
        of the search, in the entry shown and then in the next entry it found. Going round says so."""
        if self._finding is not None:
            self._step_find(delta)
            return
        search = self.search.active
        if search is None:
            self._nothing_to_do("notify.no_search", search=self._key("search"))
            return
        shown = self._hit_occurrences(search.hit)
        if 0 <= self._occurrence + delta < len(shown):
            self._occurrence += delta
            self.reader(search.hit.pane).detail.reveal(search.hit.entry_id, *shown[self._occurrence])
            return
        wrapped = not 0 <= search.position + delta < len(search.hits)
        hit = self.search.step(delta)
        assert hit is not None
        self._occurrence = 0 if delta > 0 else len(self._hit_occurrences(hit)) - 1
        self._show_match(hit)
        if wrapped:
            self._nothing_to_do("find.wrapped_bottom" if delta > 0 else "find.wrapped_top")

    def _hit_occurrences(self, hit: Hit) -> tuple[Occurrence, ...]:
        from infohub_tui.search.in_entry import in_view_order

        return in_view_order(hit.entry, hit.matches)

    def action_clear_search(self) -> None:
        self._drop_find()
        if self.search.clear():
            self._show_highlights()
            self.query_one("#search-status", Static).remove_class("-searching")

    # Find in the entry ------------------------------------------------------------

    def action_find_in_entry(self) -> None:
        """Type what to find in the entry being read; each change finds again (as less's `/`)."""
        if self.visible_reader.current is None:
            return
        bar = self.query_one(FindBar)
        bar.placeholder = self.translator("find.prompt").strip()
        bar.value = self._finding.query if self._finding else ""
        bar.add_class("-finding")
        self.visible_reader.hold_reading(True)  # the find acts on the entry: the list stays idle
        bar.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, FindBar):
            event.stop()
            self._find(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, FindBar):
            event.stop()
            self._close_find_bar()
            finding = self._finding
            if finding is not None and not finding.found:
                self._nothing_to_do("find.not_found", query=finding.query)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if isinstance(event.input, FindBar):
            for pane in PANES:
                self.reader(pane).hold_reading(False)

    def on_find_bar_cancelled(self, event: FindBar.Cancelled) -> None:
        self._close_find_bar()
        self._drop_find()

    def _close_find_bar(self) -> None:
        self.query_one(FindBar).remove_class("-finding")
        self.visible_reader.detail.focus()

    def _find(self, query: str) -> None:
        """Find `query` in the entry shown; marked there, the first occurrence brought into view."""
        from infohub_tui.search.in_entry import Finding, occurrences

        entry = self.visible_reader.current
        if entry is None or not query.strip():
            self._drop_find()
            return
        self._finding = Finding(query, occurrences(entry, query))
        self._show_find()

    def _step_find(self, delta: int) -> None:
        finding = self._finding
        assert finding is not None
        if not finding.found:
            self._nothing_to_do("find.not_found", query=finding.query)
            return
        wrapped = finding.step(delta)
        self._show_find()
        if wrapped:
            self._nothing_to_do("find.wrapped_bottom" if delta > 0 else "find.wrapped_top")

    def _show_find(self) -> None:
        finding = self._finding
        reader = self.visible_reader
        entry = reader.current
        if finding is None or entry is None:
            return
        reader.highlights = {**self.search.highlights(reader.pane), entry.id: finding.found}
        current = finding.current
        if current is not None:
            reader.detail.reveal(entry.id, *current)
            counter = self.translator("find.counter", index=finding.position + 1, total=len(finding.found))
        else:
            counter = self.translator("find.not_found", query="").rstrip(": ")
        status = self.query_one("#search-status", Static)
        status.update(Content(f"{self.translator('find.prompt')}{finding.query}   {counter}"))
        status.add_class("-searching")

    def _drop_find(self) -> None:
        """End the find in the entry: the search's marks and line again, if there is a search."""
        if self._finding is None:
            return
        self._finding = None
        self._show_highlights()
        if self.search.active is not None:
            self._show_search_status()
        else:
            self.query_one("#search-status", Static).remove_class("-searching")
