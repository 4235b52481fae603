"""The Textual app: wires the content, the panes, search and the keys together."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from . import bindings, sizes
from .citation import citation
from .columns import PANE_COLUMNS
from .commands import EntryCommands
from .config import Config
from .i18n import Translator
from .layout import FileSignature, file_signature
from .library import ContentLibrary
from .locations import stylesheet
from .model import PANES, Entry, Hub, Pane, Reference
from .problems import ContentError
from .sanitize import clean_text
from .state import State, StateStore
from .widgets import too_small
from .widgets.entry_detail import EntryDetail
from .widgets.entry_list import EntryList
from .widgets.key_bar import KeyBar
from .widgets.reader_pane import ReaderPane
from .widgets.too_small import TooSmall

if TYPE_CHECKING:  # search and the modal screens load when first used, not at start-up
    from .screens.search_screen import SearchOutcome
    from .search import Hit, SearchIndex

READ_AFTER_SECONDS = 2.0
LANGUAGE_LOADER = "language-loader"  # the worker group that loads a language in the background
WATCH_INTERVAL_SECONDS = 1.0

# The app's own keys act on the main screen; under a modal (search, help, palette) they are off.
MAIN_SCREEN_ONLY = frozenset(
    binding.action.split("(")[0] for binding in (*bindings.APP, *bindings.ENTRY_TABLE, *bindings.CHART_ON_APP)
)
# In the timeline chart the list keys move between events in the chart.
CHART_MOVES = {
    "cursor_down": "next_event",
    "cursor_up": "previous_event",
    "first": "first_event",
    "last": "last_event",
}


def _breakpoint(size: int, breakpoints: Sequence[tuple[int, str]]) -> str:
    """The class of the largest breakpoint `size` reaches, as Textual's screen picks it."""
    return next((name for limit, name in sorted(breakpoints, reverse=True) if size >= limit), "")


@dataclass
class ActiveSearch:
    query: str
    hits: tuple[Hit, ...]
    position: int


class InfohubApp(App[None]):
    """Read the hub: four panes, search from anywhere, every claim with its source."""

    CSS_PATH = str(stylesheet())
    TITLE = "infohub-tui"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings.APP,
        *bindings.ENTRY_TABLE,
        *too_small.BINDINGS,
        *bindings.CHART_ON_APP,
    ]
    AUTO_FOCUS = None  # the list keys are the app's: nothing needs focus until an entry is read
    HORIZONTAL_BREAKPOINTS = sizes.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = sizes.VERTICAL_BREAKPOINTS
    COMMANDS = App.COMMANDS | {EntryCommands}

    language: reactive[str] = reactive("en", init=False)

    def __init__(
        self,
        library: ContentLibrary,
        lang: str,
        *,
        start_pane: Pane | None = None,
        config: Config | None = None,
        state_store: StateStore | None = None,
        read_after: float = READ_AFTER_SECONDS,
        messages: Sequence[str] = (),
        watch: bool = False,
        freeze_gc: bool = False,
    ) -> None:
        super().__init__()
        self.library = library
        self.hub: Hub = library.hub(lang)
        self.set_reactive(InfohubApp.language, lang)
        self.translator = Translator(lang)
        self.config = config or Config()
        self.keymap = dict(self.config.keymap)
        self.state_store = state_store
        self.state, problem = state_store.load() if state_store else (State(), None)
        self.messages = [*messages, *([problem] if problem else [])]
        self.start_pane = start_pane or self.state.last_pane or Pane.STATEMENTS
        self.read_after = read_after
        self._read_timer: Timer | None = None
        self._restoring = True
        self.watching_files = watch
        self.freeze_gc = freeze_gc
        self.content_problems: list[str] = []
        self._content_signature = self._read_content_signature()
        self.search_history: list[str] = []
        self.active_search: ActiveSearch | None = None
        self.history: list[Reference] = []
        self._indexes: dict[str, SearchIndex] = {}
        self._focus_after_switch: Widget | None = None

    def get_default_screen(self) -> Screen[None]:
        """The first screen, with its size classes set before anything is styled.

        Textual adds them on the first resize, after the first styling pass, which
        made every widget restyle a second time at start-up.
        """
        width, height = self.size
        return Screen(
            id="_default",
            classes=" ".join(
                (
                    _breakpoint(width, self.HORIZONTAL_BREAKPOINTS or []),
                    _breakpoint(height, self.VERTICAL_BREAKPOINTS or []),
                )
            ),
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="panes", initial=self.start_pane.value):
            for pane in PANES:
                yield ReaderPane(pane, PANE_COLUMNS[pane], self.hub, self.translator)
        yield Static(id="search-status")
        yield KeyBar(id="key-bar")
        yield TooSmall(self.translator, id="too-small")

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        theme = self.state.theme or self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        self._show_titles()
        self.query_one(KeyBar).show_keys(self.translator, self.keymap)
        self.query_one("#search-status", Static).display = False
        for pane in PANES:
            reader = self.reader(pane)
            reader.entry_list.set_marker(self._marker)
            entry_id = self.state.last_entry.get(pane)
            if entry_id:
                reader.select(entry_id)
        self.reader(Pane.TIMELINE).show_chart(self.state.timeline_chart)
        for message in self.messages:
            self.notify(message, severity="warning", timeout=10)
        self._restoring = False
        if self.watching_files:
            self.set_interval(WATCH_INTERVAL_SECONDS, self.check_content)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification, as plain text unless asked: messages carry paths, URLs and content
        problems, and a `[@click=app.quit]` in a folder name must not become an action. Escape
        sequences in them (a field name in a content problem) are removed, as for the CLI."""
        super().notify(
            clean_text(message), title=clean_text(title), severity=severity, timeout=timeout, markup=markup
        )

    def _show_titles(self) -> None:
        self.title = self.hub.title
        self.sub_title = self.translator("updated", date=self.translator.long_date(self.hub.updated))

    # Panes ---------------------------------------------------------------

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#panes", TabbedContent)

    @property
    def active_pane(self) -> Pane:
        return Pane(self.tabs.active)

    def reader(self, pane: Pane) -> ReaderPane:
        return self.query_one(f"#{pane.value}", ReaderPane)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = Pane(event.pane.id or Pane.STATEMENTS.value)
        if self.state.last_pane is not pane:
            self.state.last_pane = pane
            self._save()
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Pane, search and source keys act on the main screen, not under a modal; the chart's
        keys only while the chart is on screen."""
        if action == too_small.SWALLOW_PAGE_KEYS:
            return too_small.is_too_small(self.size)
        if action in MAIN_SCREEN_ONLY and len(self.screen_stack) > 1:
            return False
        if action == "chart":
            return self.reader(self.active_pane).chart_shown
        if action == "toggle_chart":
            return self.active_pane is Pane.TIMELINE
        return True

    def action_swallow_page_key(self) -> None:
        """Nothing: see widgets/too_small.py."""

    def _switch_to(self, pane: Pane) -> None:
        if pane.value == self.tabs.active:
            return
        # Drop focus from a pane first: hiding a focused widget makes Textual hunt for another.
        if self.focused is not None and self.tabs in self.focused.ancestors:
            self.set_focus(None)
        self.tabs.active = pane.value

    def action_list(self, action: str) -> None:
        """A list key: acts on the visible pane's list (the lists never take focus), or on its chart."""
        reader = self.reader(self.active_pane)
        chart = reader.chart
        if chart is not None and reader.chart_shown and action in CHART_MOVES:
            getattr(chart, f"action_{CHART_MOVES[action]}")()
            return
        getattr(reader.entry_list, f"action_{action}")()

    def action_chart(self, action: str) -> None:
        """A chart key (zoom, pan): acts on the Timeline pane's chart while it is shown."""
        chart = self.reader(self.active_pane).chart
        if chart is not None:
            getattr(chart, f"action_{action}")()

    def action_toggle_chart(self) -> None:
        """Timeline pane: the chart instead of the list, or the list again; remembered."""
        reader = self.reader(Pane.TIMELINE)
        self.state.timeline_chart = not reader.chart_shown
        reader.show_chart(self.state.timeline_chart)
        self._save()

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
        current = self.reader(self.active_pane).current
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

    # Sources and citations -------------------------------------------------

    def action_open_source(self) -> None:
        source = self.reader(self.active_pane).detail.source
        self._open(source.url if source else None, "notify.no_url")

    def action_open_archived(self) -> None:
        source = self.reader(self.active_pane).detail.source
        self._open(source.archived if source else None, "notify.no_archive")

    def _open(self, url: str | None, missing: str) -> None:
        if url is None or not url.startswith(("https://", "http://")):
            self.notify(self.translator(missing), severity="warning")
            return
        self.notify(self.translator("notify.opening", url=url))
        self.open_url(url)

    def action_next_source(self) -> None:
        self.reader(self.active_pane).detail.next_source(self.translator)

    def action_copy_citation(self) -> None:
        reader = self.reader(self.active_pane)
        entry = reader.current
        if entry is None:
            return
        self.copy_to_clipboard(citation(entry, reader.detail.source, self.translator))
        self.notify(self.translator("notify.copied"))

    # Help ------------------------------------------------------------------

    def action_help(self) -> None:
        from .screens.help_screen import HelpScreen

        self.push_screen(HelpScreen(self.hub, self.translator, self.keymap))

    # Search ----------------------------------------------------------------

    @property
    def search_index(self) -> SearchIndex:
        if self.language not in self._indexes:
            from .search import SearchIndex

            self._indexes[self.language] = SearchIndex(self.hub.all_entries())
            if self.freeze_gc:
                # Content and index live as long as the app: keep the collector from re-scanning them.
                gc.freeze()
        return self._indexes[self.language]

    def action_search(self) -> None:
        from .screens.search_screen import SearchScreen

        initial = self.active_search.query if self.active_search else ""
        self.push_screen(
            SearchScreen(self.search_index, self.translator, self.search_history, initial),
            self._search_done,
        )

    def _search_done(self, outcome: SearchOutcome | None) -> None:
        if outcome is None:
            return
        if not self.search_history or self.search_history[-1] != outcome.query:
            self.search_history.append(outcome.query)
        self.active_search = ActiveSearch(
            outcome.query, outcome.ordered_hits, outcome.ordered_hits.index(outcome.chosen)
        )
        for pane in PANES:
            self.reader(pane).highlights = {
                hit.entry_id: hit.matches for hit in outcome.ordered_hits if hit.pane is pane
            }
        self._show_match()

    def _show_match(self) -> None:
        search = self.active_search
        if search is None:
            return
        hit = search.hits[search.position]
        self.jump_to(hit.pane, hit.entry_id)
        status = self.query_one("#search-status", Static)
        status.update(
            Content(
                f"/{search.query}   "
                + self.translator("search.counter", index=search.position + 1, total=len(search.hits))
            )
        )
        status.display = True

    def action_next_match(self) -> None:
        if self.active_search:
            self.active_search.position = (self.active_search.position + 1) % len(self.active_search.hits)
            self._show_match()

    def action_previous_match(self) -> None:
        if self.active_search:
            self.active_search.position = (self.active_search.position - 1) % len(self.active_search.hits)
            self._show_match()

    def action_clear_search(self) -> None:
        if self.active_search is None:
            return
        self.active_search = None
        for pane in PANES:
            reader = self.reader(pane)
            reader.highlights = {}
            reader.refresh_detail()
        self.query_one("#search-status", Static).display = False

    # Remembering the reader -----------------------------------------------

    def _save(self) -> None:
        if self.state_store is None or self._restoring:
            return
        problem = self.state_store.save(self.state)
        if problem:
            self.notify(problem, severity="warning", timeout=10)

    def _marker(self, entry: Entry) -> str:
        if entry.reference in self.state.bookmarks:
            return "★"
        return "" if entry.reference in self.state.read else "•"

    def on_entry_list_highlighted(self, event: EntryList.Highlighted) -> None:
        entry = event.entry
        if self.state.last_entry.get(entry.pane) != entry.id:
            self.state.last_entry[entry.pane] = entry.id
            self._save()
        if entry.pane is self.active_pane:
            self._start_reading(entry)

    def _start_reading(self, entry: Entry) -> None:
        """An entry shown for `read_after` seconds counts as read."""
        if self._read_timer is not None:
            self._read_timer.stop()
        reference = entry.reference
        if self.read_after <= 0:
            self._mark_read(reference)
        else:
            self._read_timer = self.set_timer(self.read_after, partial(self._mark_read, reference))

    def _mark_read(self, reference: Reference) -> None:
        current = self.reader(self.active_pane).current
        if current is None or current.reference != reference or reference in self.state.read:
            return
        self.state.read.add(reference)
        self._save()
        self.reader(reference.pane).entry_list.refresh()

    def action_toggle_read(self) -> None:
        entry = self.reader(self.active_pane).current
        if entry is None:
            return
        if self._read_timer is not None:
            self._read_timer.stop()
        self.state.read ^= {entry.reference}
        self._save()
        self.reader(entry.pane).entry_list.refresh()

    def action_toggle_bookmark(self) -> None:
        entry = self.reader(self.active_pane).current
        if entry is None:
            return
        reference = entry.reference
        if reference in self.state.bookmarks:
            self.state.bookmarks.remove(reference)
            self.notify(self.translator("notify.unbookmarked"))
        else:
            self.state.bookmarks.append(reference)
            self.notify(self.translator("notify.bookmarked"))
        self._save()
        self.reader(entry.pane).entry_list.refresh()

    def action_bookmarks(self) -> None:
        from .screens.bookmarks_screen import BookmarksScreen

        self.push_screen(
            BookmarksScreen(self.hub, self.state.bookmarks, self.translator), self._bookmark_chosen
        )

    def _bookmark_chosen(self, reference: Reference | None) -> None:
        if reference is not None:
            self.jump_to(reference.pane, reference.id)

    def action_next_theme(self) -> None:
        themes = sorted(self.available_themes)
        self.theme = (
            themes[(themes.index(self.theme) + 1) % len(themes)] if self.theme in themes else themes[0]
        )
        self.notify(self.translator("notify.theme", theme=self.theme))

    def watch_theme(self, theme: str) -> None:
        if self.state.theme != theme and not self._restoring:
            self.state.theme = theme
            self._save()

    # Watching the content files --------------------------------------------

    def _read_content_signature(self) -> FileSignature:
        return file_signature(self.library.directory / self.language)

    def check_content(self) -> bool:
        """Reload when a content file changed since the last look; True if it did."""
        signature = self._read_content_signature()
        if signature == self._content_signature:
            return False
        self._content_signature = signature
        self.reload_content()
        return True

    def reload_content(self) -> None:
        """Read the content again; on errors keep showing the last good content and say why."""
        self.library.forget()
        try:
            hub = self.library.hub(self.language)
        except ContentError as error:
            self.content_problems = [str(problem) for problem in error.problems]
            more = f" (+{len(error.problems) - 1} more)" if len(error.problems) > 1 else ""
            self.notify(
                f"{error.problems[0]}{more}", title="Content not reloaded", severity="error", timeout=15
            )
            return
        self.content_problems = []
        self._show_hub(hub)

    def _show_hub(self, hub: Hub) -> None:
        self.hub = hub
        self._indexes.pop(self.language, None)
        self.action_clear_search()
        for pane in PANES:
            reader = self.reader(pane)
            current = reader.current
            reader.show(hub, self.translator, keep_id=current.id if current else None)
            self.tabs.get_tab(pane.value).label = self.translator(f"tab.{pane.value}")
        self._show_titles()

    # Language --------------------------------------------------------------

    def action_switch_language(self) -> None:
        languages = self.library.languages
        if len(languages) < 2:
            return
        current = languages.index(self.language) if self.language in languages else -1
        target = languages[(current + 1) % len(languages)]
        if not self.library.is_slow_to_load(target):
            self.language = target
            return
        # Large content loads in a thread; the reader keeps reading meanwhile.
        name = Translator(target)("language.name")
        self.notify(self.translator("notify.loading", language=name))
        self.run_worker(
            partial(self.library.hub, target),
            name=target,
            group=LANGUAGE_LOADER,
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != LANGUAGE_LOADER:
            return
        if event.state is WorkerState.SUCCESS:
            self.language = worker.name  # the hub is in the library now: the switch is instant
        elif event.state is WorkerState.ERROR and worker.error is not None:
            self._language_not_loaded(worker.error)

    def _language_not_loaded(self, error: BaseException) -> None:
        """Say why a language could not be loaded: its first content problem, or the error."""
        problem = error.problems[0] if isinstance(error, ContentError) else error
        self.notify(str(problem), severity="error", timeout=10)

    def watch_language(self, old: str, new: str) -> None:
        try:
            hub = self.library.hub(new)
        except ContentError as error:
            self._language_not_loaded(error)
            self.set_reactive(InfohubApp.language, old)
            return
        self.translator = Translator(new)
        self._content_signature = self._read_content_signature()
        self._show_hub(hub)
        self.query_one(KeyBar).show_keys(self.translator, self.keymap)
        self.query_one(TooSmall).show_message(self.translator)
        self.notify(self.translator("notify.language"))
