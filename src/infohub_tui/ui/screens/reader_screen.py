"""The reading view: the four panes, search, bookmarks, sources, and the keys for all of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, Static, TabbedContent, TabPane

from infohub_tui.hub.model import PANES, Entry, Hub, Pane, Reference
from infohub_tui.hub.ordering import ListOrder
from infohub_tui.i18n import DEFAULT_LANGUAGE, Translator
from infohub_tui.reading.session import History, Reading
from infohub_tui.search.session import SearchSession
from infohub_tui.ui import bindings, sizes
from infohub_tui.ui.columns import PANE_COLUMNS
from infohub_tui.ui.screens.reading_aids import ReadingAids
from infohub_tui.ui.screens.source_actions import SourceActions
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.entry_list import EntryList
from infohub_tui.ui.widgets.find_bar import FindBar
from infohub_tui.ui.widgets.key_bar import KeyBar
from infohub_tui.ui.widgets.link_list import LinkList
from infohub_tui.ui.widgets.reader_pane import CHART_ID, ReaderPane, next_to_build
from infohub_tui.ui.widgets.too_small import TooSmall

if TYPE_CHECKING:  # search, the modal screens, opener and clipboard load when first used, not at start-up
    from textual.command import Provider

    from infohub_tui.search.in_entry import Finding
    from infohub_tui.ui.screens.search_screen import SearchOutcome
    from infohub_tui.ui.widgets.timeline_chart import TimelineChart

READ_AFTER_SECONDS = 2.0
SERVED_ICON = "\u2022"
"""The header's icon when served: a bullet, which the page's font (Roboto Mono) has; Textual's `⭘`
it has not, and the page showed a missing-glyph box."""
NOTHING_TO_DO_SECONDS = 3.0  # how long "nothing to go back to" and the like show
# In the timeline chart the list keys move between events in the chart.
CHART_MOVES = {
    "cursor_down": "next_event",
    "cursor_up": "previous_event",
    "first": "first_event",
    "last": "last_event",
}


def entry_commands() -> type[Provider]:
    """The palette's entries (commands.py), imported when the palette opens, not at start."""
    from infohub_tui.ui.commands import EntryCommands

    return EntryCommands


def app_commands() -> type[Provider]:
    """The palette's app actions (commands.py), imported when the palette opens, not at start."""
    from infohub_tui.ui.commands import AppCommands

    return AppCommands


class ReaderScreen(ReadingAids, SourceActions):
    """Read the hub: four panes, search from anywhere, every claim with its source.

    Follows `hub` and `translator` (the app binds them to its own); its panes and
    key bar follow it. Where the reader is and what they marked is `reading`,
    saved by calling `save`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.READER, *bindings.ENTRY_TABLE, *bindings.CHART_ON_APP]
    COMMANDS = {entry_commands, app_commands}  # loaded when the palette first opens
    OFFERS_APP_COMMANDS = True

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
        browser: str | None = None,
    ) -> None:
        # The size classes are set before anything is styled, not on the first resize as
        # Textual sets them (see BENCHMARKS.md).
        super().__init__(classes=sizes.size_classes(*size))
        self.set_reactive(ReaderScreen.hub, hub)
        self.set_reactive(ReaderScreen.translator, translator)
        self.reading = reading
        self.save = save
        self.keymap = keymap
        self.start_pane = start_pane
        self.read_after = read_after
        self.browser = browser
        self.search = search or SearchSession()
        self.history = History()
        self._read_timer: Timer | None = None
        self._focus_after_switch: Widget | None = None
        self._finding: Finding | None = None
        """The find in the entry (`f`), while there is one."""
        self._occurrence = 0
        """Which of the search hit's occurrences in its entry `n`/`N` are at."""

    def compose(self) -> ComposeResult:
        yield Header(icon=SERVED_ICON) if self.app.is_web else Header()
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
                    lazy=pane is not self.start_pane,  # composed after the first frame (BENCHMARKS.md)
                ).data_bind(ReaderScreen.hub, ReaderScreen.translator)
        with Vertical(id="bottom-lines"):  # stacked: the find line hides neither the status nor the keys
            yield Static(id="search-status")
            yield FindBar(id="find-bar")
            yield KeyBar(self.translator, self.keymap, id="key-bar").data_bind(ReaderScreen.translator)
        yield TooSmall(self.translator, id="too-small").data_bind(ReaderScreen.translator)

    def on_mount(self) -> None:
        self.reader(Pane.TIMELINE).show_chart(self.reading.state.timeline_chart)
        self._show_entry_only(self.reading.state.entry_only)
        self._show_key_context()
        self.call_after_refresh(self._build_next_pane)

    def _build_next_pane(self) -> None:
        """After the first frame, compose the hidden panes, one a frame, nearest first (reader_pane.py)."""
        reader = next_to_build([self.reader(pane) for pane in PANES], PANES.index(self.start_pane))
        if reader is not None:
            self.run_worker(self._build_pane(reader), group="build-panes", exit_on_error=False)

    async def _build_pane(self, reader: ReaderPane) -> None:
        await reader.build()
        self.call_after_refresh(self._build_next_pane)

    def watch_hub(self, old: Hub | None, new: Hub | None) -> None:
        if new is not old:  # another language or a reload: its matches are not this search's
            self.action_clear_search()

    def watch_translator(self, old: Translator, new: Translator) -> None:
        if new is not old:
            for pane in PANES:
                self.tabs.get_tab(pane.value).label = new.pane_title(pane)

    def _say(self, message: str, severity: SeverityLevel = "information") -> None:
        self.app.notify(message, severity=severity, markup=False)

    def _nothing_to_do(self, key: str, **values: object) -> None:
        """Say briefly why a key did nothing."""
        self.app.notify(self.translator(key, **values), timeout=NOTHING_TO_DO_SECONDS, markup=False)

    def _key(self, binding_id: str) -> str:
        """The (first) key of a binding as the key bar shows it, remapped or not."""
        return bindings.key_display(self.app, binding_id, self.keymap)

    # What the keys do where the reader is ------------------------------------

    def watch_focused(self) -> None:
        self._show_key_context()

    def key_context(self) -> str:
        """Where the keys act: the list, the entry, its see-also links, or the Timeline's chart."""
        focused = self.focused
        if isinstance(focused, LinkList):
            return "links"
        if isinstance(focused, EntryDetail):
            return "entry"
        if (focused is not None and focused.id == CHART_ID) or self.visible_reader.chart_shown:
            return "chart"
        return "list"

    def _show_key_context(self) -> None:
        if self.is_mounted:
            self.query_one("#key-bar", KeyBar).context = self.key_context()

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
        target = self._focus_after_switch or (reader.detail if self.entry_only else None)
        self._focus_after_switch = None
        self.call_after_refresh(self._focus_in_pane, event.pane, target)
        self._show_key_context()

    def _focus_in_pane(self, pane: TabPane, target: Widget | None) -> None:
        if target is not None and pane.id == self.tabs.active:
            target.focus()

    def _switch_to(self, pane: Pane) -> None:
        if pane.value == self.tabs.active:
            return
        if not self.reader(pane).is_built:  # a jump in the moment after the start: composed as it shows
            self.run_worker(self.reader(pane).build(), group="build-panes", exit_on_error=False)
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
        self._show_key_context()
        self.save()

    def on_timeline_chart_failed(self, message: TimelineChart.Failed) -> None:
        """A chart that cannot be drawn gives way to the list, with one message; the state file
        then says the list, so the next start does not fail the same way. A failure reported after
        it gave way (a resize or a draw already queued) has nothing more to say."""
        reader = self.reader(Pane.TIMELINE)
        if not reader.chart_shown:
            return
        reader.show_chart(self.reading.show_chart(False))
        self._show_key_context()
        self.save()
        error = " ".join(f"{type(message.error).__name__}: {message.error}".split())
        self._say(self.translator("chart.failed", error=error), severity="error")

    def action_toggle_sort(self) -> None:
        """The lists with dates: by date, or as published; remembered."""
        order = self.reading.toggle_order()
        self.save()
        for pane in PANES:
            self.reader(pane).set_order(order)
        by_date = order is ListOrder.DATE
        self._say(self.translator("notify.sorted_by_date" if by_date else "notify.sorted_as_published"))

    async def action_show_pane(self, name: str) -> None:
        await self._show(Pane(name))

    async def _show(self, pane: Pane) -> None:
        """Switch to `pane`, composed and its entry shown first if it was not yet (no pop-in)."""
        await self.reader(pane).build()
        self._switch_to(pane)

    async def action_next_pane(self) -> None:
        await self._show(PANES[(PANES.index(self.active_pane) + 1) % len(PANES)])

    async def action_previous_pane(self) -> None:
        await self._show(PANES[(PANES.index(self.active_pane) - 1) % len(PANES)])

    def action_page_entry(self, direction: int) -> None:
        """Page the visible entry down (1) or up (-1), as less does, wherever the focus is."""
        detail = self.visible_reader.detail
        if direction > 0:
            detail.scroll_page_down(animate=False)
        else:
            detail.scroll_page_up(animate=False)

    def jump_to(self, pane: Pane, entry_id: str, remember: bool = True) -> bool:
        """Show an entry in its pane; remember where we were for `backspace`. An entry this
        language's content lacks (a translation without it, a reload without it): said, and the
        selection stays where it was."""
        current = self.visible_reader.current
        reader = self.reader(pane)
        if not reader.select(entry_id):
            language = self.translator("language.name")
            self._nothing_to_do("notify.no_such_entry", entry=Reference(pane, entry_id), language=language)
            return False
        if remember and current is not None:
            self.history.jumped(current.reference, Reference(pane, entry_id))
        if self.active_pane is pane:
            reader.detail.focus()
        else:
            self._focus_after_switch = reader.detail
            self._switch_to(pane)
        return True

    def action_history_back(self) -> None:
        self._go(self.history.back, "notify.no_back")

    def action_history_forward(self) -> None:
        self._go(self.history.forward, "notify.no_forward")

    def _go(self, move: Callable[[Reference | None], Reference | None], nothing: str) -> None:
        current = self.visible_reader.current
        reference = move(current.reference if current else None)
        if reference is None:
            self._nothing_to_do(nothing)
        else:
            self.jump_to(reference.pane, reference.id, remember=False)

    def action_next_unread(self) -> None:
        """The next unread entry: further down the visible list, then in the panes after it."""
        lists = [[entry.reference for entry in self.reader(pane).entry_list.entries] for pane in PANES]
        cursor = self.visible_reader.entry_list.cursor
        reference = self.reading.next_unread(lists, PANES.index(self.active_pane), cursor)
        if reference is None:
            self._nothing_to_do("notify.no_unread")
        else:
            self.jump_to(reference.pane, reference.id)

    def on_entry_detail_link_followed(self, event: EntryDetail.LinkFollowed) -> None:
        self.jump_to(event.reference.pane, event.reference.id)

    # Help, sources, search -------------------------------------------------

    def action_help(self) -> None:
        from infohub_tui.ui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self.translator, self.keymap))

    def action_sources(self) -> None:
        from infohub_tui.ui.screens.sources_screen import SourcesScreen

        if self.hub is not None:
            screen = SourcesScreen(self.hub, self.translator, copy=self._copy, keymap=self.keymap)
            self.app.push_screen(screen, self._bookmark_chosen)  # a chosen entry: jump as to a bookmark

    # Search ----------------------------------------------------------------

    def action_search(self) -> None:
        from infohub_tui.ui.screens.search_screen import SearchScreen

        if self.hub is None:
            return
        active = self.search.active
        screen = SearchScreen(
            self.search.index(self.hub),
            self.translator,
            self.search.history,
            active.query if active else "",
            keymap=self.keymap,
        )
        self.app.push_screen(screen, self._search_done)

    def _search_done(self, outcome: SearchOutcome | None) -> None:
        if outcome is None:
            return
        self._drop_find()
        hit = self.search.choose(
            outcome.query, outcome.ordered_hits, outcome.chosen, limited=outcome.result.limited
        )
        self._occurrence = 0
        self._show_highlights()
        self._show_match(hit)

    def _show_highlights(self) -> None:
        for pane in PANES:
            self.reader(pane).highlights = self.search.highlights(pane)

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
            if self._finding is not None:  # another entry: the find goes on in it
                self._find(self._finding.query)

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
        from infohub_tui.ui.screens.bookmarks_screen import BookmarksScreen

        if self.hub is not None:
            screen = BookmarksScreen(
                self.hub,
                list(self.reading.state.bookmarks),
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
