"""Every bookmarked entry across the panes; enter jumps to it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .. import bindings
from ..i18n import Translator
from ..model import Hub, Reference
from .modal import Modal


class BookmarksScreen(Modal[Reference | None]):
    BINDINGS: ClassVar[list[BindingType]] = [*bindings.BOOKMARKS]

    def __init__(self, hub: Hub, bookmarks: list[Reference], translator: Translator) -> None:
        super().__init__(id="bookmarks-screen")
        self.hub = hub
        self.bookmarks = [reference for reference in bookmarks if hub.find(reference) is not None]
        self.translator = translator

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box") as box:
            box.border_title = self.translator("bookmarks.title")
            if not self.bookmarks:
                yield Static(Content(self.translator("bookmarks.none")), id="bookmarks-empty")
            options = []
            for reference in self.bookmarks:
                entry = self.hub.find(reference)
                assert entry is not None
                options.append(
                    Option(
                        Content.assemble(
                            (self.translator.pane_title(reference.pane), "italic"), f": {entry.heading}"
                        ),
                        id=str(reference),
                    )
                )
            yield OptionList(*options, id="bookmarks-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.finish(self.bookmarks[event.option_index])

    def action_close(self) -> None:
        self.finish(None)
