"""The line where the reader types what to find in the entry (`f`), as at less's `/` prompt."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Input

from infohub_tui.ui import bindings


class FindBar(Input):
    """One line above the key bar (the screen stacks them): each change finds again, enter keeps the find, escape drops it."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.FIND_BAR]

    DEFAULT_CSS = """
    FindBar {
        height: 1;
        border: none;
        padding: 0 1;
        display: none;
    }
    FindBar.-finding {
        display: block;
    }
    FindBar:focus {
        border: none;
    }
    """

    class Cancelled(Message):
        """The reader dropped the find (escape)."""

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
