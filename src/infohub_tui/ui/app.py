"""The Textual app: config, keymap, theme, state, notifications and the command palette.

The content and its loading are `ContentApp`'s (content_app.py); the reading
itself is the reader screen's (screens/reader_screen.py), which follows the
app's `hub` and `translator`.
"""

from __future__ import annotations

import asyncio
import gc
import signal
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from textual import events, on
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.filter import LineFilter, Monochrome, NoColor
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider

from infohub_tui.config import Config
from infohub_tui.formats.citation import CITATION_STYLES, DEFAULT_STYLE, CitationStyle, style_title
from infohub_tui.hub.library import ContentLibrary
from infohub_tui.hub.model import Pane
from infohub_tui.locations import stylesheet
from infohub_tui.reading.session import Reading
from infohub_tui.reading.state import State
from infohub_tui.reading.state_saver import StateSaver
from infohub_tui.reading.state_store import StateStore
from infohub_tui.search.session import SearchSession
from infohub_tui.text.sanitize import clean_text
from infohub_tui.ui import sizes
from infohub_tui.ui.content_app import ContentApp
from infohub_tui.ui.keymap import check_keymap
from infohub_tui.ui.quitting import QuitAfterStart
from infohub_tui.ui.screens.reader_screen import READ_AFTER_SECONDS, ReaderScreen
from infohub_tui.ui.widgets import too_small

NO_COLOUR = NoColor()
"""Under NO_COLOR: the terminal's own colours only (see `InfohubApp.get_line_filters`)."""


class InfohubApp(QuitAfterStart, ContentApp):
    """Read the hub: the content app with the reader screen, its settings and what it remembers."""

    CSS_PATH = str(stylesheet())
    TITLE = "infohub-tui"
    AUTO_FOCUS = None  # the list keys are the reader's: nothing needs focus until an entry is read
    BINDINGS: ClassVar[list[BindingType]] = [*too_small.BINDINGS]
    HORIZONTAL_BREAKPOINTS = sizes.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = sizes.VERTICAL_BREAKPOINTS

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
        super().__init__(library, lang, watch=watch)
        # A keymap entry that cannot work is left out (its binding keeps its default) and said.
        self.config, keymap_problems = check_keymap(config or Config())
        self.keymap = dict(self.config.keymap)
        self.state_store = state_store
        if loaded_state is None:  # else the caller read `state_store` already
            loaded_state = state_store.load() if state_store else (State(), None)
        self.state, problem = loaded_state
        self.reading = Reading(self.state)
        self.saver = StateSaver(state_store, self.state, self._state_problem) if state_store else None
        self.messages = [*messages, *keymap_problems, *([problem] if problem else [])]
        self.start_pane = self.reading.start_pane(start_pane)
        self.read_after = read_after
        self.freeze_gc = freeze_gc
        self._restoring = True

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
        self.app_suspend_signal.subscribe(self, self._suspending, immediate=True)
        self._catch_sigterm(True)
        self.start_content()

    def on_unmount(self) -> None:
        """Quitting: the last changes are written before the app ends."""
        self._catch_sigterm(False)
        self.flush_state()

    @on(events.Ready)
    def freeze_first_screen(self) -> None:
        """Once the hidden panes have rendered, the collector stops scanning the first screen's widgets."""
        if self.freeze_gc:
            self.call_after_refresh(gc.freeze)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Under NO_COLOR no colour at all reaches the terminal: Textual turns colours into greys
        (`38;2;n;n;n`), which are colours too; here they become the terminal's default colours, and
        the stylesheet's `App:nocolor` rules carry in bold, reverse and underline what colour carried."""
        filters = super().get_line_filters()
        if not self.no_color:
            return filters
        return [
            *(line_filter for line_filter in filters if not isinstance(line_filter, Monochrome)),
            NO_COLOUR,
        ]

    @on(ContentApp.HubLoaded)
    def freeze_loaded_hub(self) -> None:
        """A hub read in the app (large content's whole hub after its first pane, another language)
        lives long too: frozen for the collector once shown, as the command line freezes the first."""
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
            from infohub_tui.ui.screens.palette import Palette  # with the palette, not at start

            placeholder = self.translator("palette.placeholder")
            self.push_screen(Palette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from infohub_tui.ui.commands import translated_system_commands  # with the palette, not at start

        yield from translated_system_commands(super().get_system_commands(screen), screen, self.translator)
        yield SystemCommand(
            self.translator("system.citation_style"),
            self.translator("system.citation_style.help"),
            self.search_citation_styles,
        )

    def search_themes(self) -> None:
        """As Textual's ("Change theme" in the palette), in the guarded palette, in the UI language."""
        from infohub_tui.ui.screens.palette import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder=self.translator("palette.themes")))

    def search_citation_styles(self) -> None:
        """The palette of citation styles ("Citation style"): choosing one is remembered."""
        from infohub_tui.ui.commands import CitationStyleCommands
        from infohub_tui.ui.screens.palette import Palette

        placeholder = self.translator("palette.citation_styles")
        self.push_screen(Palette(providers=[CitationStyleCommands], placeholder=placeholder))

    # Citations ---------------------------------------------------------------

    @property
    def citation_style(self) -> CitationStyle:
        """How `c` copies: the style last chosen in the palette, else config.toml's, else short."""
        for name in (self.state.citation_style, self.config.citation_style):
            if name in CITATION_STYLES:
                return CITATION_STYLES[name]
        return CITATION_STYLES[DEFAULT_STYLE]

    def choose_citation_style(self, name: str) -> None:
        style = CITATION_STYLES[name]
        self.notify(self.translator("notify.citation_style", style=style_title(style, self.translator)))
        if self.reading.choose_citation_style(name):
            self.save_state()

    def language_switched(self, lang: str) -> None:
        self.notify(self.translator("notify.language"))
        if self.reading.choose_language(lang):  # the next start is in it (README: Language)
            self.save_state()

    # Theme and state -------------------------------------------------------

    def action_next_theme(self) -> None:
        themes = sorted(self.available_themes)
        position = themes.index(self.theme) + 1 if self.theme in themes else 0
        self.theme = themes[position % len(themes)]
        self.notify(self.translator("notify.theme", theme=self.theme))

    def watch_theme(self, theme: str) -> None:
        if not self._restoring and self.reading.choose_theme(theme):
            self.save_state()

    class StateProblem(Message):
        """The state could not be written (posted from the saver's thread)."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    def save_state(self) -> None:
        """Have the state written, in the background (reading/state_saver.py): returns at once."""
        if self.saver is not None:
            self.saver.changed()

    def flush_state(self) -> None:
        """Write what is not written yet, and wait for it."""
        if self.saver is not None:
            self.saver.flush()

    def _state_problem(self, problem: str) -> None:
        """From any thread: say once that the state cannot be written (post_message is thread-safe)."""
        self.post_message(self.StateProblem(problem))

    def on_infohub_app_state_problem(self, message: StateProblem) -> None:
        self.notify(message.problem, severity="warning", timeout=10)

    def _suspending(self, _app: object) -> None:
        """The terminal goes to another program (a console browser, ctrl+z): write the state first."""
        self.flush_state()

    def _catch_sigterm(self, catch: bool) -> None:
        """On SIGTERM, write the state and quit (Textual leaves it to the default, which loses it)."""
        try:
            loop = asyncio.get_running_loop()
            if catch:
                loop.add_signal_handler(signal.SIGTERM, self._terminated)
            else:
                loop.remove_signal_handler(signal.SIGTERM)
        except (RuntimeError, ValueError, NotImplementedError):  # not the main thread, or no signals here
            return

    def _terminated(self) -> None:
        self.flush_state()
        self.exit(return_code=128 + signal.SIGTERM)
