"""The reader screen's actions on the selected source: open it in a browser (`o`, its archived copy
`O`), go to the next source, copy a citation (`c`), the link to cite (`y`) or the live link (`Y`).
A mixin of ReaderScreen, apart to keep that module small; its methods are the screen's (`self` is
the ReaderScreen). The opener and the clipboard load when first used, not at start-up."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from textual import work
from textual.app import SuspendNotSupported
from textual.screen import Screen

from infohub_tui.formats.citation import SHORT, citation

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.reactive import reactive

    from infohub_tui.hub.model import Hub
    from infohub_tui.i18n import Translator
    from infohub_tui.system import clipboard, opener
    from infohub_tui.ui.widgets.reader_pane import ReaderPane


class SourceActions(Screen[None]):
    """Open, cite and copy the selected source."""

    if TYPE_CHECKING:  # the reader screen's, which these methods use
        hub: reactive[Hub | None]
        translator: reactive[Translator]
        browser: str | None

        @property
        def visible_reader(self) -> ReaderPane: ...
        def _say(self, message: str, severity: SeverityLevel = "information") -> None: ...
        def _key(self, binding_id: str) -> str: ...

    def action_open_source(self) -> None:
        source = self.visible_reader.detail.source
        self._open(source.url if source else None, "notify.no_url")

    def action_open_archived(self) -> None:
        source = self.visible_reader.detail.source
        self._open(source.archived if source else None, "notify.no_archive")

    def _open(self, url: str | None, missing: str) -> None:
        """Open `url` as opener.py plans it: a console browser gets the terminal until it ends,
        a graphical one starts detached; served (`serve`), the visitor's browser opens it."""
        if url is None or not url.startswith(("https://", "http://")):
            self._say(self.translator(missing), severity="warning")
            return
        from infohub_tui.system import opener

        if self.app.is_web:
            self._say(self.translator("notify.opening", url=url))
            self.app.open_url(url)
            return
        plan = opener.plan_for(url, browser=self.browser)
        if plan.mode is opener.Mode.NONE:
            self._say(
                self.translator("notify.no_browser", url=url, copy_key=self._key("copy-link")),
                severity="warning",
            )
        elif not plan.found:
            self._browser_failed(opener.Failure(plan.program, "not_found"), url)
        elif plan.mode is opener.Mode.CONSOLE:
            self._run_console_browser(plan, url)
        else:
            self._start_graphical_browser(plan.argv, url)

    def _run_console_browser(self, plan: opener.Plan, url: str) -> None:
        from infohub_tui.system import opener

        try:
            with self.app.suspend():  # the terminal is the browser's until it ends; then a repaint
                failure = opener.run_in_terminal(plan.argv)
        except SuspendNotSupported:
            failure = opener.Failure(plan.program, "no_terminal")
        if failure is not None:
            self._browser_failed(failure, url)

    @work(thread=True, group="browser")
    def _start_graphical_browser(self, argv: tuple[str, ...], url: str) -> None:
        from infohub_tui.system import opener

        failure = opener.start_detached(argv)
        self.app.call_from_thread(self._graphical_started, failure, argv, url)

    def _graphical_started(self, failure: opener.Failure | None, argv: tuple[str, ...], url: str) -> None:
        if failure is None:
            self._say(self.translator("notify.opened", url=url, program=PurePath(argv[0]).name))
        else:
            self._browser_failed(failure, url)

    def _browser_failed(self, failure: opener.Failure, url: str) -> None:
        """Say why `url` did not open, with the URL: the reader can still copy it or type it."""
        if failure.reason == "status":
            message = self.translator(
                "notify.browser_exited", program=failure.program, code=failure.code, url=url
            )
        else:
            reason = self._failure(failure.program, failure.reason, failure.code)
            message = self.translator(
                "notify.browser_failed", reason=reason, url=url, copy_key=self._key("copy-link")
            )
        self._say(message, severity="warning")

    def _failure(self, program: str, reason: str, code: int | None) -> str:
        from infohub_tui.system import clipboard

        return self.translator(
            f"failure.{reason}", program=program, code=code, seconds=f"{clipboard.TIMEOUT_SECONDS:g}"
        )

    def action_next_source(self) -> None:
        self.visible_reader.detail.next_source(self.translator)

    def action_copy_citation(self) -> None:
        reader = self.visible_reader
        entry = reader.current
        if entry is None:
            return
        style = getattr(self.app, "citation_style", SHORT)  # the app's choice (app.py)
        hub = self.hub
        if hub is not None:
            self._copy(citation(entry, hub, self.translator, style, reader.detail.source), "citation")

    def action_copy_link(self) -> None:
        """The selected source's link to cite: its archived copy where it has one (the page changed
        or vanished since), else its address (every source has one: the loader requires it)."""
        source = self.visible_reader.detail.source
        if source is None:
            self._say(self.translator("notify.no_url"), severity="warning")
            return
        self._copy(source.cited_url, "archived" if source.archived else "link")

    def action_copy_live(self) -> None:
        """The selected source's own address, the live page, even where `y` copies its archived copy."""
        source = self.visible_reader.detail.source
        if source is None:
            self._say(self.translator("notify.no_url"), severity="warning")
            return
        self._copy(source.url, "live")

    def _copy(self, text: str, what: str) -> None:
        """OSC 52 (the terminal's clipboard) always; the system's tools too, unless served, where
        the clipboard that matters is the visitor's."""

        self.app.copy_to_clipboard(text)
        if self.app.is_web:  # in the visitor's words: their browser was asked to copy it
            self._say(self.translator(f"notify.browser_copy_{what}"))
        else:
            self._copy_with_tools(text, what)

    @work(thread=True, group="clipboard")
    def _copy_with_tools(self, text: str, what: str) -> None:
        from infohub_tui.system import clipboard

        copied = clipboard.copy_with_tools(text)
        self.app.call_from_thread(self._copied, copied, what)

    def _copied(self, copied: clipboard.Copied, what: str) -> None:
        if copied.tools:
            message = self.translator(f"notify.copied_{what}", tools=", ".join(copied.tools))
        else:
            message = self.translator(f"notify.sent_{what}")
        failures = [f"{self._failure(f.tool, f.reason, f.code)}." for f in copied.failures]
        self._say(" ".join([message, *failures]), severity="warning" if failures else "information")
