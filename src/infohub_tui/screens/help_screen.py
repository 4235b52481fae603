"""Every key binding, and every source the hub cites."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from .. import bindings
from ..i18n import Translator
from ..model import Hub
from ..widgets.source_list import hyperlink
from .modal import Modal

BINDING_GROUPS: tuple[tuple[str, Sequence[Binding]], ...] = (
    ("help.everywhere", bindings.APP),
    ("help.in_list", bindings.ENTRY_TABLE),
    ("help.in_detail", bindings.ENTRY_DETAIL),
    ("help.in_chart", bindings.TIMELINE_CHART),
    ("help.in_search", bindings.SEARCH),
    ("bookmarks.title", bindings.BOOKMARKS),
)


class HelpScreen(Modal[None]):
    """A modal listing bindings (with remapped keys) and the hub's sources."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.HELP]

    def __init__(self, hub: Hub, translator: Translator, keymap: Mapping[str, str]) -> None:
        super().__init__(id="help-screen")
        self.hub = hub
        self.translator = translator
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = self.translator("help.title")
            body.border_subtitle = self.translator("help.close")
            yield Static(self._bindings_table(), id="help-bindings")
            yield Static(self._sources_text(), id="help-sources")

    def _bindings_table(self) -> Content:
        rows: list[tuple[str, str, str] | str] = []
        for group_key, group in BINDING_GROUPS:
            rows.append(self.translator(group_key))
            for binding in group:
                keys = self.keymap.get(binding.id or "", binding.key)
                display = ", ".join(self.app.get_key_display(Binding(key, "")) for key in keys.split(","))
                rows.append(
                    (display, self.translator.describe(binding.id, binding.description), binding.id or "")
                )
        key_width = max(len(row[0]) for row in rows if isinstance(row, tuple))
        description_width = max(len(row[1]) for row in rows if isinstance(row, tuple))
        parts: list[str | tuple[str, str]] = []
        for row in rows:
            if isinstance(row, str):
                parts.append(("\n\n" if parts else "") + row)
                continue
            display, description, binding_id = row
            parts.append("\n  ")
            parts.append((display.ljust(key_width), "bold"))
            parts.append(f"  {description.ljust(description_width)}  ")
            parts.append((binding_id, "dim"))
        return Content.assemble(*parts)

    def _sources_text(self) -> Content:
        parts: list[str | tuple[str, str] | Content] = [(self.translator("help.sources"), "bold underline")]
        for source in sorted(self.hub.sources.values(), key=lambda s: s.id):
            published = f", {self.translator.long_date(source.date)}" if source.date is not None else ""
            parts.append(("\n" + source.title, "bold"))
            parts.append(f"\n  {source.publisher}{published}\n  ")
            parts.append(hyperlink(source.url, source.url))
            if source.archived:
                parts.append(f"\n  {self.translator('detail.archived')}: ")
                parts.append(hyperlink(source.archived, source.archived))
        return Content.assemble(*parts)

    def action_close(self) -> None:
        self.finish(None)
