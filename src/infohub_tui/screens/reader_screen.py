"""The reading view: the four panes, search, bookmarks, sources, and the keys for all of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, Static, TabbedContent, TabPane

from .. import bindings, sizes
from ..citation import citation
from ..columns import PANE_COLUMNS
from ..commands import AppCommands, EntryCommands
from ..i18n import DEFAULT_LANGUAGE, Translator
from ..model import PANES, Entry, Hub, Pane, Reference
from ..ordering import ListOrder
from ..reading import Reading
from ..search_session import SearchSession
from ..widgets.entry_detail import EntryDetail
from ..widgets.entry_list import EntryList
from ..widgets.key_bar import KeyBar
from ..widgets.reader_pane import ReaderPane
from ..widgets.too_small import TooSmall

if TYPE_CHECKING:  # search and the modal screens load when first used, not at start-up
    from ..search import Hit
    from .search_screen import SearchOutcome

READ_AFTER_SECONDS = 2.0
# In the timeline chart the list keys move between events in the chart.
CHART_MOVES = {
    "cursor_down": "next_event",
    "cursor_up": "previous_event",
    "first": "first_event",
    "last": "last_event",
}


def size_classes(width: int, height: int) -> str:
    """The breakpoint classes Textual gives a screen of this size (the app's breakpoints, sizes.py)."""
    return " ".join(
        (
            _breakpoint(width, sizes.HORIZONTAL_BREAKPOINTS),
            _breakpoint(height, sizes.VERTICAL_BREAKPOINTS),
        )
    )


def _breakpoint(size: int, breakpoints: Sequence[tuple[int, str]]) -> str:
    """The class of the largest breakpoint `size` reaches, as Textual's screen picks it."""
    return next((name for limit, name in sorted(breakpoints, reverse=True) if size >= limit), "")


class ReaderScreen(Screen[None]):
    """Read the hub: four panes, search from anywhere, every claim with its source.

    Follows `hub` and `translator` (the app binds them to its own); its panes and
    key bar follow it. Where the reader is and what they marked is `reading`,
    saved by calling `save`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.READER, *bindings.ENTRY_TABLE, *bindings.CHART_ON_APP]
    COMMANDS = {EntryCommands, AppCommands}

    hub: reactive[Hub | None] = reactive(None, init=False)
    translator: reactive[Translator] = reactive(Translator(DEFAULT_LANGUAGE), init=False)

    def __init__(
        self,
        hub: Hub | None,
        translator: Translator,
        *,
        reading: Reading,
        save: Callable[[], None],
        keymap: Mapping[str, str],
        start_pane: Pane,
        read_after: float = READ_AFTER_SECONDS,
        search: SearchSession | None = None,
        size: tuple[int, int] = (0, 0),
    ) -> None:
        # The size classes are set before anything is styled, not on the first resize as
        # Textual sets them (see BENCHMARKS.md).
        super().__init__(classes=size_classes(*size))
        self.set_reactive(ReaderScreen.hub, hub)
        self.set_reactive(ReaderScreen.translator, translator)
        self.reading = reading
        self.save = save
        self.keymap = keymap
        self.start_pane = start_pane
        self.read_after = read_after
        self.search = search or SearchSession()
        self.history: list[Reference] = []
        self._read_timer: Timer | None = None
        self._focus_after_switch: Widget | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="panes", initial=self.start_pane.value):
            for pane in PANES:
                yield ReaderPane(
                    pane,
                    PANE_COLUMNS[pane],
                    self.hub,
                    self.translator,
                    start_entry=self.reading.start_entry(pane),
                    marker=self._marker,
                    order=self.reading.state.list_order,
                ).data_bind(ReaderScreen.hub, ReaderScreen.translator)
        yield Static(id="search-status")
        yield KeyBar(self.translator, self.keymap, id="key-bar").data_bind(ReaderScreen.translator)
        yield TooSmall(self.translator, id="too-small").data_bind(ReaderScreen.translator)

    def on_mount(self) -> None:
        self.reader(Pane.TIMELINE).show_chart(self.reading.state.timeline_chart)

    def watch_hub(self, old: Hub | None, new: Hub | None) -> None:
        if new is not old:  # another language or a reload: its matches are not this search's
            self.action_clear_search()

    def watch_translator(self, old: Translator, new: Translator) -> None:
        if new is not old:
            for pane in PANES:
                self.tabs.get_tab(pane.value).label = new.pane_title(pane)

    def _say(self, message: str, severity: SeverityLevel = "information") -> None:
        self.app.notify(message, severity=severity, markup=False)

    # Panes ---------------------------------------------------------------

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#panes", TabbedContent)

    @property
    def active_pane(self) -> Pane:
        return Pane(self.tabs.active)

    def reader(self, pane: Pane) -> ReaderPane:
        return self.query_one(f"#{pane.value}", ReaderPane)

    @property
    def visible_reader(self) -> ReaderPane:
        return self.reader(self.active_pane)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = Pane(event.pane.id or Pane.STATEMENTS.value)
        if self.reading.remember_pane(pane):
            self.save()
        reader = self.reader(pane)
        reader.catch_up()
        current = reader.current
        if current is not None:
            self._start_reading(current)
        # Focus moves only here: focusing into another pane would make TabbedContent switch to it.
        target = self._focus_after_switch
        self._focus_after_switch = None
        self.call_after_refresh(self._focus_in_pane, event.pane, target)

    def _focus_in_pane(self, pane: TabPane, target: Widget | None) -> None:
        if target is not None and pane.id == self.tabs.active:
            target.focus()

    def _switch_to(self, pane: Pane) -> None:
        if pane.value == self.tabs.active:
            return
        # Drop focus from a pane first: hiding a focused widget makes Textual hunt for another.
        if self.focused is not None and self.tabs in self.focused.ancestors:
            self.set_focus(None)
        self.tabs.active = pane.value

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The chart's keys act only while the chart is on screen, `v` only in the Timeline pane."""
        if action == "chart":
            return self.visible_reader.chart_shown
        if action == "toggle_chart":
            return self.active_pane is Pane.TIMELINE
        return True

    def action_list(self, action: str) -> None:
        """A list key: acts on the visible pane's list (the lists never take focus), or on its chart."""
        reader = self.visible_reader
        chart = reader.chart
        if chart is not None and reader.chart_shown and action in CHART_MOVES:
            getattr(chart, f"action_{CHART_MOVES[action]}")()
            return
        getattr(reader.entry_list, f"action_{action}")()

    def action_chart(self, action: str) -> None:
        """A chart key (zoom, pan): acts on the Timeline pane's chart while it is shown."""
        chart = self.visible_reader.chart
        if chart is not None:
            getattr(chart, f"action_{action}")()

    def action_toggle_chart(self) -> None:
        """Timeline pane: the chart instead of the list, or the list again; remembered."""
        reader = self.reader(Pane.TIMELINE)
        shown = self.reading.show_chart(not reader.chart_shown)
        reader.show_chart(shown)
        self.save()

    def action_toggle_sort(self) -> None:
        """The lists with dates: by date, or as published; remembered."""
        order = self.reading.toggle_order()
        self.save()
        for pane in PANES:
            self.reader(pane).set_order(order)
        by_date = order is ListOrder.DATE
        self._say(self.translator("notify.sorted_by_date" if by_date else "notify.sorted_as_published"))

    def action_show_pane(self, name: str) -> None:
        self._switch_to(Pane(name))

    def _cycle_pane(self, step: int) -> None:
        index = PANES.index(self.active_pane)
        self._switch_to(PANES[(index + step) % len(PANES)])

    def action_next_pane(self) -> None:
        self._cycle_pane(1)

    def action_previous_pane(self) -> None:
        self._cycle_pane(-1)

    def jump_to(self, pane: Pane, entry_id: str, remember: bool = True) -> bool:
        """Show an entry in its pane; remember where we were for `backspace`."""
        current = self.visible_reader.current
        reader = self.reader(pane)
        if not reader.select(entry_id):
            return False
        if remember and current is not None:
            self.history.append(current.reference)
        if self.active_pane is pane:
            reader.detail.focus()
        else:
            self._focus_after_switch = reader.detail
            self._switch_to(pane)
        return True

    def action_history_back(self) -> None:
        if self.history:
            reference = self.history.pop()
            self.jump_to(reference.pane, reference.id, remember=False)

    def on_entry_detail_link_followed(self, event: EntryDetail.LinkFollowed) -> None:
        self.jump_to(event.reference.pane, event.reference.id)

    # Sources, citations, help ---------------------------------------------

    def action_open_source(self) -> None:
        source = self.visible_reader.detail.source
        self._open(source.url if source else None, "notify.no_url")

    def action_open_archived(self) -> None:
        source = self.visible_reader.detail.source
        self._open(source.archived if source else None, "notify.no_archive")

    def _open(self, url: str | None, missing: str) -> None:
        if url is None or not url.startswith(("https://", "http://")):
            self._say(self.translator(missing), severity="warning")
            return
        self._say(self.translator("notify.opening", url=url))
        self.app.open_url(url)

    def action_next_source(self) -> None:
        self.visible_reader.detail.next_source(self.translator)

    def action_copy_citation(self) -> None:
        reader = self.visible_reader
        entry = reader.current
        if entry is None:
            return
        self.app.copy_to_clipboard(citation(entry, reader.detail.source, self.translator))
        self._say(self.translator("notify.copied"))

    def action_help(self) -> None:
        from .help_screen import HelpScreen

        if self.hub is not None:
            self.app.push_screen(HelpScreen(self.hub, self.translator, self.keymap))

    # Search ----------------------------------------------------------------

    def action_search(self) -> None:
        from .search_screen import SearchScreen

        if self.hub is None:
            return
        active = self.search.active
        screen = SearchScreen(
            self.search.index(self.hub),
            self.translator,
            self.search.history,
            active.query if active else "",
        )
        self.app.push_screen(screen, self._search_done)

    def _search_done(self, outcome: SearchOutcome | None) -> None:
        if outcome is None:
            return
        hit = self.search.choose(outcome.query, outcome.ordered_hits, outcome.chosen)
        self._show_highlights()
        self._show_match(hit)

    def _show_highlights(self) -> None:
        for pane in PANES:
            self.reader(pane).highlights = self.search.highlights(pane)

    def _show_match(self, hit: Hit) -> None:
        self.jump_to(hit.pane, hit.entry_id)
        search = self.search.active
        assert search is not None
        counter = self.translator("search.counter", index=search.position + 1, total=len(search.hits))
        status = self.query_one("#search-status", Static)
        status.update(Content(f"/{search.query}   {counter}"))
        status.add_class("-searching")

    def action_next_match(self) -> None:
        hit = self.search.step(1)
        if hit is not None:
            self._show_match(hit)

    def action_previous_match(self) -> None:
        hit = self.search.step(-1)
        if hit is not None:
            self._show_match(hit)

    def action_clear_search(self) -> None:
        if self.search.clear():
            self._show_highlights()
            self.query_one("#search-status", Static).remove_class("-searching")

    # Place, bookmarks and read marks -----------------------------------------

    def _marker(self, entry: Entry) -> str:
        return self.reading.marker(entry.reference)

    def _changed(self, references: Iterable[Reference]) -> None:
        """Save, and redraw the lists that show the references whose marks changed."""
        panes = {reference.pane for reference in references}
        if panes:
            self.save()
        for pane in panes:
            self.reader(pane).entry_list.refresh()

    def on_entry_list_highlighted(self, event: EntryList.Highlighted) -> None:
        entry = event.entry
        if self.reading.remember_entry(entry.reference):
            self.save()
        if entry.pane is self.active_pane:
            self._start_reading(entry)

    def _start_reading(self, entry: Entry) -> None:
        """An entry shown for `read_after` seconds counts as read."""
        if self._read_timer is not None:
            self._read_timer.stop()
        if self.read_after <= 0:
            self._mark_read(entry.reference)
        else:
            self._read_timer = self.set_timer(self.read_after, partial(self._mark_read, entry.reference))

    def _mark_read(self, reference: Reference) -> None:
        current = self.visible_reader.current
        if current is not None and current.reference == reference:
            self._changed(self.reading.mark_read(reference))

    def action_toggle_read(self) -> None:
        entry = self.visible_reader.current
        if entry is None:
            return
        if self._read_timer is not None:
            self._read_timer.stop()
        self._changed(self.reading.toggle_read(entry.reference))

    def action_toggle_bookmark(self) -> None:
        entry = self.visible_reader.current
        if entry is None:
            return
        changed = self.reading.toggle_bookmark(entry.reference)
        added = self.reading.is_bookmarked(entry.reference)
        self._say(self.translator("notify.bookmarked" if added else "notify.unbookmarked"))
        self._changed(changed)

    def action_bookmarks(self) -> None:
        from .bookmarks_screen import BookmarksScreen

        if self.hub is not None:
            screen = BookmarksScreen(
                self.hub,
                self.reading.state.bookmarks,
                self.translator,
                keymap=self.keymap,
                delete=self._delete_bookmark,
            )
            self.app.push_screen(screen, self._bookmark_chosen)

    def _delete_bookmark(self, reference: Reference) -> None:
        """From the bookmark list: saved at once, its mark gone from its pane's list."""
        self._changed(self.reading.remove_bookmark(reference))
        self._say(self.translator("notify.unbookmarked"))

    def _bookmark_chosen(self, reference: Reference | None) -> None:
        if reference is not None:
            self.jump_to(reference.pane, reference.id)
