"""The see-also links of an entry, as a list the reader moves into (enter from the entry)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import OptionList

from infohub_tui.ui import bindings


class LinkList(OptionList):
    """The links under an entry: j/k or the arrows move, enter follows, escape goes back to the entry.

    Its page keys do nothing while it has no room to show a page: Textual's
    OptionList pages by the lines it has laid out; before it has any (shown again
    and not yet laid out), paging raised KeyError.
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.LINK_LIST]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"page_up", "page_down"} and self.scrollable_content_region.height == 0:
            return False
        return super().check_action(action, parameters)

    def action_back_to_entry(self) -> None:
        """Back to the entry the links are under."""
        entry = self.parent
        if isinstance(entry, Widget) and entry.focusable:
            entry.focus()
