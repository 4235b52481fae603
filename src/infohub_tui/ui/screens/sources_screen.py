"""Every source of the hub, with its publisher, date, kind and archived copy, and the entries that
cite it: enter on one goes to it in its pane; `y` copies the link to cite (the archived copy where
there is one), `Y` the live page's own.

The list is one line-API widget (SourceTable) over an index built in the pure layer
(hub/citations.py), so it opens as fast at 100,000 sources as at ten (benchmarks/sources_bench.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from infohub_tui.hub.citations import SourceIndex, kept_source_index
from infohub_tui.hub.model import Hub, Reference
from infohub_tui.i18n import Translator
from infohub_tui.ui import bindings
from infohub_tui.ui.screens.modal import Modal
from infohub_tui.ui.widgets.source_table import SourceTable

Copy = Callable[[str, str], None]
"""The reader's way to copy: (text, what it is: "link", "archived" or "live"), through the clipboard
path."""


class SourcesScreen(Modal[Reference | None]):
    """The Sources view: returns the citing entry chosen, or None when closed."""

    DEFAULT_CSS = """
    SourcesScreen {
        align: center middle;
    }

    #sources-box {
        width: 95%;
        max-width: 140;
        height: 90%;
        border: round $accent;
        border-subtitle-color: $text-muted;
        background: $surface;
    }

    #sources-table {
        height: 1fr;
    }

    #sources-position {
        color: $text-muted;
        padding: 0 1;
    }

    #sources-empty {
        display: none;
        padding: 1 1;
    }

    #sources-box.-empty #sources-empty {
        display: block;
    }

    #sources-box.-empty #sources-table {
        display: none;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.SOURCES]

    def __init__(
        self,
        hub: Hub,
        translator: Translator,
        *,
        copy: Copy,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(id="sources-screen")
        self.hub = hub
        self.translator = translator
        self.copy = copy
        self.keymap = keymap or {}
        self.index: SourceIndex = kept_source_index(hub)

    def _key(self, binding_id: str) -> str:
        return bindings.key_display(self.app, binding_id, self.keymap)

    def compose(self) -> ComposeResult:
        with Vertical(id="sources-box") as box:
            box.border_title = self.translator(
                "sources.title", count=self.translator.number(len(self.index.sources))
            )
            box.border_subtitle = self.translator(
                "sources.keys",
                choose=self._key("open-entry"),
                link=self._key("copy-link"),
                live=self._key("copy-live"),
                close=self._key("close-sources"),
            )
            box.set_class(not self.index.sources, "-empty")
            yield Static(Content(self.translator("sources.none")), id="sources-empty")
            yield SourceTable(self.index, self.hub, self.translator, id="sources-table")
            yield Static(id="sources-position")

    @property
    def table(self) -> SourceTable:
        return self.query_one("#sources-table", SourceTable)

    def on_source_table_moved(self, event: SourceTable.Moved) -> None:
        index = self.index
        if not index.sources:
            return
        number = self.translator.number
        position = self.translator(
            "sources.position",
            index=number(index.source_number(event.table.cursor) + 1),
            total=number(len(index.sources)),
        )
        self.query_one("#sources-position", Static).update(Content(position))

    def on_mount(self) -> None:
        self.table.post_message(SourceTable.Moved(self.table))

    def on_source_table_chosen(self, event: SourceTable.Chosen) -> None:
        event.stop()
        self.finish(event.reference)

    def action_list(self, action: str) -> None:
        """A main-list key (bindings.ENTRY_TABLE): acts on the table; enter chooses."""
        table = self.table
        if action == "open_entry":
            table.action_choose()
        else:
            getattr(table, f"action_{action}")()

    def action_copy_link(self) -> None:
        source = self.table.source
        if source is not None:
            self.copy(source.cited_url, "archived" if source.archived else "link")

    def action_copy_live(self) -> None:
        source = self.table.source
        if source is not None:
            self.copy(source.url, "live")

    def action_close(self) -> None:
        self.finish(None)
