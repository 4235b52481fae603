"""Quitting at any moment of start-up ends cleanly: the exit waits for the first screen to be up.

Textual starts closing the screens as soon as it is asked to exit, even while the
first screen is still mounting its widgets (and `App.exit` makes every later mount
a silent no-op at once); their `on_mount` handlers then find nothing (`NoMatches:
No nodes match '#timeline'`, Textual's own `'HeaderTitle'`, `No Tab with id`) and
a header's coroutine is never awaited: tracebacks and status 1 for a visitor of
`serve` who left during start-up, or a key that quits typed before the first
frame (issue 26). An exit asked for before the app is `Ready`, by `exit` or by the
driver's `ExitApp` (`serve`'s quit message), is held and done once it is, with the
same result and return code.
"""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from textual import events, on
from textual.app import App
from textual.messages import ExitApp


class QuitAfterStart(App[Any]):
    """An app whose exit, asked for during start-up, waits until its first screen is ready."""

    _started = False
    _held_exit: tuple[Any, int, RenderableType | None] | None = None
    _held_exit_message = False

    def exit(self, result: Any = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        if self._started:
            super().exit(result, return_code, message)
        else:
            self._held_exit = (result, return_code, message)

    def on_exit_app(self, message: ExitApp) -> None:
        if not self._started:
            message.prevent_default()  # Textual's own handler would close the screens now
            self._held_exit_message = True

    @on(events.Ready)
    def release_held_exit(self) -> None:
        self._started = True
        if self._held_exit is not None:
            super().exit(*self._held_exit)
        elif self._held_exit_message:
            self.post_message(ExitApp())
