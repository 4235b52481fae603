"""Every bookmarked entry across the panes: enter jumps to it, `d` deletes it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from infohub_tui.hub.model import Hub, Reference
from infohub_tui.i18n import Translator
from infohub_tui.ui import bindings
from infohub_tui.ui.screens.modal import Modal


class BookmarksScreen(Modal[Reference | None]):
    """The bookmarks the hub can open, with their number in the title. Deleting one calls `delete`
    (which removes it from the saved state) and takes it off the list."""

    DEFAULT_CSS = """
    BookmarksScreen {
        align: center middle;
    }

    #bookmarks-box {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        border: round $accent;
        border-subtitle-color: $text-muted;
        background: $surface;
    }

    #bookmarks-list {
        height: auto;
        border: none;
    }

    #bookmarks-empty {
        display: none;
        padding: 1 1;
    }

    #bookmarks-box.-empty #bookmarks-empty {
        display: block;
    }

    #bookmarks-box.-empty #bookmarks-list {
        display: none;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.BOOKMARKS]

    def __init__(
        self,
        hub: Hub,
        bookmarks: list[Reference],
        translator: Translator,
        *,
        keymap: Mapping[str, str] | None = None,
        delete: Callable[[Reference], None] | None = None,
    ) -> None:
        super().__init__(id="bookmarks-screen")
        self.hub = hub
        self.bookmarks = [reference for reference in bookmarks if hub.find(reference) is not None]
        self.translator = translator
        self.keymap = keymap or {}
        self.delete = delete

    def _key(self, binding_id: str) -> str:
        """The first key of a binding, as the user mapped it, for the hints."""
        return bindings.key_display(self.app, binding_id, self.keymap)

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box"):
            yield Static(
                Content(self.translator("bookmarks.none", toggle=self._key("toggle-bookmark"))),
                id="bookmarks-empty",
            )
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

    def on_mount(self) -> None:
        self._show_count()

    def _show_count(self) -> None:
        """The title with the number of bookmarks, the keys that act on them (none when empty)."""
        box = self.query_one("#bookmarks-box", Vertical)
        box.border_title = self.translator("bookmarks.count", count=len(self.bookmarks))
        box.border_subtitle = (
            self.translator(
                "bookmarks.keys",
                open=self._key("open-entry"),
                delete=self._key("delete-bookmark"),
                close=self._key("close-bookmarks"),
            )
            if self.bookmarks
            else self.translator("bookmarks.close", close=self._key("close-bookmarks"))
        )
        box.set_class(not self.bookmarks, "-empty")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen bookmark, found by its option's id: a selection still on its way when
        `d` deleted a row above it has an index that now names another row, or none."""
        event.stop()
        chosen = [reference for reference in self.bookmarks if str(reference) == event.option.id]
        if chosen:
            self.finish(chosen[0])

    def action_delete(self) -> None:
        """Delete the highlighted bookmark; the next one is highlighted."""
        options = self.query_one("#bookmarks-list", OptionList)
        index = options.highlighted
        if index is None or not self.bookmarks:
            return
        reference = self.bookmarks.pop(index)
        options.remove_option_at_index(index)
        if self.delete is not None:
            self.delete(reference)
        if self.bookmarks:
            options.highlighted = min(index, len(self.bookmarks) - 1)
        self._show_count()

    def action_close(self) -> None:
        self.finish(None)
