"""Textual's command palette, guarded against keys and messages that reach it at the wrong moment.

Crashes of Textual 8.2.8's own `CommandPalette` (textual/command.py), found by the
monkey test (tests/test_monkey.py) and pinned by tests in tests/test_palette.py:

- A page key typed right after ctrl+p, or as the first results come in, raised KeyError:
  the palette fills and highlights its list before the list has been laid out, and
  OptionList pages by lines it lays out only once its region has room (Textual issue 5794:
  `_update_lines` returns early on an empty region). The page keys do nothing until then.
- Messages already queued when the palette closes are still handled by it: the second
  click of a double click (beside the palette, or on a command) closed it again, and its
  `dismiss` pops whatever screen is on top by then (a modal under the palette, or
  ScreenStackError with only the reader left). A keystroke's search started on the closed
  palette failed too (NoMatches for its list, from a worker; seen only when Pilot sent
  clicks to the closed palette). Once the palette is not on top it ignores them, and
  `dismiss` does nothing.

Both crash a plain Textual 8.2.8 app with nothing of ours (ctrl+p then pagedown typed
together; ctrl+p then a double click beside it).

Only public API: `check_action`, handlers that `prevent_default` the palette's own, and
`dismiss`; the app pushes this palette from `action_command_palette` and `search_themes`.
"""

from __future__ import annotations

from textual import events, on
from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.widgets import Button, Input, OptionList

PAGE_KEYS = {("page_down",), ("page_up",)}  # the parameters of the palette's `command_list` action


class Palette(CommandPalette):
    """A CommandPalette that pages only a list laid out, and once closed stays closed."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "command_list" and parameters in PAGE_KEYS and not self.list_laid_out:
            return False
        return super().check_action(action, parameters)

    @property
    def list_laid_out(self) -> bool:
        """The region OptionList lays its lines out in has room (its `_update_lines` condition)."""
        return any(command_list.scrollable_content_region for command_list in self.query(CommandList))

    @on(Input.Changed)
    @on(Input.Submitted)
    @on(Button.Pressed)
    @on(OptionList.OptionSelected)
    @on(events.Click)
    def ignore_once_closed(self, message: Message) -> None:
        """Handled before CommandPalette's own handlers, which `prevent_default` skips."""
        if not self.is_active:
            message.prevent_default()
            message.stop()

    def dismiss(self, result: None = None) -> AwaitComplete:
        if not self.is_active:  # closed already: popping now would pop another screen
            return AwaitComplete()
        return super().dismiss(result)
