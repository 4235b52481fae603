"""The app's content: the hub read, in the language of the UI, and its one way of loading.

It loads in a thread worker that posts `HubLoaded` or `HubLoadFailed`: at start
when the command line has not loaded it yet, on `L`, and with `--watch` when a
content file changes. `InfohubApp` (app.py) adds config, keymap, theme, state and
the reader screen, which follows `hub` and `translator`.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import work
from textual.app import App
from textual.message import Message
from textual.reactive import reactive
from textual.worker import get_current_worker

from infohub_tui.formats.coverage import header_line
from infohub_tui.hub.content_files import ContentSignature, content_signature
from infohub_tui.hub.library import ContentLibrary
from infohub_tui.hub.model import Hub
from infohub_tui.hub.problems import ContentError
from infohub_tui.i18n import DEFAULT_LANGUAGE, Translator

WATCH_INTERVAL_SECONDS = 1.0


class ContentApp(App[None]):
    """Holds the content read (`hub`, in the language of `translator`) and loads it."""

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

    def __init__(self, library: ContentLibrary, lang: str, *, watch: bool = False) -> None:
        super().__init__()
        self.library = library
        self.watching_files = watch
        self.content_problems: list[str] = []
        self._start_language = lang
        self._content_signature = content_signature(library.directory / lang)
        self.set_reactive(ContentApp.translator, Translator(lang))
        self.set_reactive(ContentApp.hub, library.loaded(lang))

    @property
    def language(self) -> str:
        """The language of the content read (or to be read, before it is loaded)."""
        return self.hub.lang if self.hub is not None else self._start_language

    def start_content(self) -> None:
        """Once mounted: load the content if the command line did not, and watch its files if asked."""
        if self.watching_files:
            self.set_interval(WATCH_INTERVAL_SECONDS, self.check_content)
        if self.hub is None:
            self.load_content(self._start_language)
        else:
            self._show_titles(self.hub)
            if self.library.is_partial(self.hub.lang):  # large content's first pane: the rest after it
                self.call_after_refresh(self.load_content, self.hub.lang)

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

    def on_content_app_hub_loaded(self, message: HubLoaded) -> None:
        hub = message.hub
        switched = self.hub is not None and hub.lang != self.hub.lang
        self.translator = Translator(hub.lang)  # equal translators change nothing
        self.content_problems = []
        self._content_signature = message.signature
        self.hub = hub
        if switched:
            self.language_switched(hub.lang)

    def language_switched(self, lang: str) -> None:
        """The content is now in `lang`, another language than before."""

    def on_content_app_hub_load_failed(self, message: HubLoadFailed) -> None:
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
        self.sub_title = header_line(hub, self.translator)

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
