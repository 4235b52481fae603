"""The Textual app: the content and its loading, config, keymap, theme and notifications.

The reading itself is the reader screen's (screens/reader_screen.py), which
follows the app's `hub` and `translator`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.worker import get_current_worker

from . import sizes
from .commands import translated_system_commands
from .config import Config
from .content_files import ContentSignature, content_signature
from .i18n import DEFAULT_LANGUAGE, Translator
from .keymap import check_keymap
from .library import ContentLibrary
from .locations import stylesheet
from .model import Hub, Pane
from .problems import ContentError
from .reading import Reading
from .sanitize import clean_text
from .screens.palette import Palette
from .screens.reader_screen import READ_AFTER_SECONDS, ReaderScreen
from .search_session import SearchSession
from .state import State, StateStore
from .widgets import too_small

WATCH_INTERVAL_SECONDS = 1.0


class InfohubApp(App[None]):
    """Read the hub. Holds the content read (`hub`, in the language of `translator`) and loads it:
    at start when not loaded yet, on `L` and, with `--watch`, when a content file changes."""

    CSS_PATH = str(stylesheet())
    TITLE = "infohub-tui"
    AUTO_FOCUS = None  # the list keys are the reader's: nothing needs focus until an entry is read
    BINDINGS: ClassVar[list[BindingType]] = [*too_small.BINDINGS]
    HORIZONTAL_BREAKPOINTS = sizes.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = sizes.VERTICAL_BREAKPOINTS

    hub: reactive[Hub | None] = reactive(None, init=False)
    translator: reactive[Translator] = reactive(Translator(DEFAULT_LANGUAGE), init=False)
    """The UI language; it changes before the `hub` of a new language, so that what follows
    the hub renders once, in that language."""

    class HubLoaded(Message):
        """A language's hub was loaded; `signature` is its files' as they were before reading them."""

        def __init__(self, hub: Hub, signature: ContentSignature) -> None:
            super().__init__()
            self.hub = hub
            self.signature = signature

    class HubLoadFailed(Message):
        """A language's hub could not be loaded; each problem is one `file:line:col: message` line."""

        def __init__(self, lang: str, problems: Sequence[str]) -> None:
            super().__init__()
            self.lang = lang
            self.problems = tuple(problems)

    def __init__(
        self,
        library: ContentLibrary,
        lang: str,
        *,
        start_pane: Pane | None = None,
        config: Config | None = None,
        state_store: StateStore | None = None,
        loaded_state: tuple[State, str | None] | None = None,
        read_after: float = READ_AFTER_SECONDS,
        messages: Sequence[str] = (),
        watch: bool = False,
        freeze_gc: bool = False,
    ) -> None:
        super().__init__()
        self.library = library
        # A keymap entry that cannot work is left out (its binding keeps its default) and said.
        self.config, keymap_problems = check_keymap(config or Config())
        self.keymap = dict(self.config.keymap)
        self.state_store = state_store
        if loaded_state is None:  # else the caller read `state_store` already
            loaded_state = state_store.load() if state_store else (State(), None)
        self.state, problem = loaded_state
        self.reading = Reading(self.state)
        self.messages = [*messages, *keymap_problems, *([problem] if problem else [])]
        self.start_pane = self.reading.start_pane(start_pane)
        self.read_after = read_after
        self.watching_files = watch
        self.freeze_gc = freeze_gc
        self.content_problems: list[str] = []
        self._start_language = lang
        self._content_signature = content_signature(library.directory / lang)
        self._restoring = True
        self.set_reactive(InfohubApp.translator, Translator(lang))
        self.set_reactive(InfohubApp.hub, library.loaded(lang))

    @property
    def language(self) -> str:
        """The language of the content read (or to be read, before it is loaded)."""
        return self.hub.lang if self.hub is not None else self._start_language

    def get_default_screen(self) -> Screen[None]:
        return ReaderScreen(
            self.hub,
            self.translator,
            reading=self.reading,
            save=self.save_state,
            keymap=self.keymap,
            start_pane=self.start_pane,
            read_after=self.read_after,
            search=SearchSession(freeze_gc=self.freeze_gc),
            size=self.size,
            browser=self.config.browser,
        ).data_bind(InfohubApp.hub, InfohubApp.translator)

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        theme = self.state.theme or self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        for message in self.messages:
            self.notify(message, severity="warning", timeout=10)
        self._restoring = False
        if self.watching_files:
            self.set_interval(WATCH_INTERVAL_SECONDS, self.check_content)
        if self.hub is None:
            self.load_content(self._start_language)
        else:
            self._show_titles(self.hub)

    @on(events.Ready)
    def freeze_first_screen(self) -> None:
        """Once the hidden panes have rendered, the collector stops scanning the first screen's widgets."""
        if self.freeze_gc:
            self.call_after_refresh(gc.freeze)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The page keys are swallowed only while the window is too small (see widgets/too_small.py)."""
        return too_small.is_too_small(self.size) if action == too_small.SWALLOW_PAGE_KEYS else True

    def action_swallow_page_key(self) -> None:
        """Nothing: see widgets/too_small.py."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification as plain text unless asked (a `[@click=app.quit]` in a path must not become
        an action), without escape sequences (a field name in a content problem), as the CLI prints."""
        super().notify(
            clean_text(message), title=clean_text(title), severity=severity, timeout=timeout, markup=markup
        )

    def action_help_quit(self) -> None:
        """ctrl+c: say which keys quit, in the reader's language (Textual's own hint is markup,
        which this app's notifications do not read)."""
        keys = [
            self.get_key_display(Binding(key, ""))
            for key, active in self.active_bindings.items()
            if active.binding.action in ("quit", "app.quit")
        ]
        if keys:
            self.notify(
                self.translator("notify.quit", keys=" / ".join(dict.fromkeys(keys))),
                title=self.translator("notify.quit_title"),
            )

    # Command palette ---------------------------------------------------------

    def action_command_palette(self) -> None:
        """As Textual's, in the palette guarded against keys and messages at the wrong moment
        (screens/palette.py), its placeholder in the UI language (commands.py: what it offers)."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = self.translator("palette.placeholder")
            self.push_screen(Palette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return translated_system_commands(super().get_system_commands(screen), screen, self.translator)

    def search_themes(self) -> None:
        """As Textual's ("Change theme" in the palette), in the guarded palette, in the UI language."""
        self.push_screen(Palette(providers=[ThemeProvider], placeholder=self.translator("palette.themes")))

    # Loading the content -----------------------------------------------------

    @work(thread=True, group="content", exclusive=True, exit_on_error=False)
    def load_content(self, lang: str, fresh: bool = False) -> None:
        """Load `lang`'s hub (from its files again if `fresh`) in a thread, then post
        `HubLoaded` or `HubLoadFailed`; a newer load cancels this one's message."""
        signature = content_signature(self.library.directory / lang)
        message: Message
        try:
            if fresh:
                self.library.forget(lang)
            message = self.HubLoaded(self.library.hub(lang), signature)
        except ContentError as error:
            message = self.HubLoadFailed(lang, [str(problem) for problem in error.problems])
        except Exception as error:  # an unreadable directory or file: say so, keep the app
            message = self.HubLoadFailed(lang, [str(error)])
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    def on_infohub_app_hub_loaded(self, message: HubLoaded) -> None:
        hub = message.hub
        switched = self.hub is not None and hub.lang != self.hub.lang
        self.translator = Translator(hub.lang)  # equal translators change nothing
        self.content_problems = []
        self._content_signature = message.signature
        self.hub = hub
        if switched:
            self.notify(self.translator("notify.language"))
            if self.reading.choose_language(hub.lang):  # the next start is in it (README: Language)
                self.save_state()

    def on_infohub_app_hub_load_failed(self, message: HubLoadFailed) -> None:
        """Keep showing the last good content and say why the new one was not loaded."""
        problems = message.problems
        self.content_problems = list(problems)
        reloading = self.hub is not None and message.lang == self.hub.lang
        title = "Content not reloaded" if reloading else "Content not loaded"
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        self.notify(f"{problems[0]}{more}", title=title, severity="error", timeout=15)

    def watch_hub(self, hub: Hub | None) -> None:
        if hub is not None:
            self._show_titles(hub)

    def _show_titles(self, hub: Hub) -> None:
        self.title = hub.title
        self.sub_title = self.translator("updated", date=self.translator.long_date(hub.updated))

    def action_switch_language(self) -> None:
        """The next language of the content directory; large content says it is loading."""
        target = self.library.next_language(self.language)
        if target is None:
            return
        if self.library.is_slow_to_load(target):
            self.notify(self.translator("notify.loading", language=Translator(target)("language.name")))
        self.load_content(target)

    def check_content(self) -> bool:
        """Reload when a content file changed since the last look; True if it did."""
        signature = content_signature(self.library.directory / self.language)
        if signature == self._content_signature:
            return False
        self._content_signature = signature
        self.load_content(self.language, fresh=True)
        return True

    # Theme and state -------------------------------------------------------

    def action_next_theme(self) -> None:
        themes = sorted(self.available_themes)
        position = themes.index(self.theme) + 1 if self.theme in themes else 0
        self.theme = themes[position % len(themes)]
        self.notify(self.translator("notify.theme", theme=self.theme))

    def watch_theme(self, theme: str) -> None:
        if self.state.theme != theme and not self._restoring:
            self.state.theme = theme
            self.save_state()

    def save_state(self) -> None:
        """Write the state file now; say so once if it cannot be written."""
        if self.state_store is None:
            return
        problem = self.state_store.save(self.state)
        if problem:
            self.notify(problem, severity="warning", timeout=10)
