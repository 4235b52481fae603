"""The see-also links of an entry, as a list the reader can move into."""

from __future__ import annotations

from textual.widgets import OptionList


class LinkList(OptionList):
    """An OptionList whose page keys do nothing while it has no room to show a page.

    Textual's OptionList pages by the lines it has laid out; before it has any
    (shown again and not yet laid out), paging raised KeyError.
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"page_up", "page_down"} and self.scrollable_content_region.height == 0:
            return False
        return super().check_action(action, parameters)
