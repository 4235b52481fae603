"""Every key binding, and every source the hub cites."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import bindings
from ..i18n import Translator
from ..model import Hub

BINDING_GROUPS: tuple[tuple[str, Sequence[Binding]], ...] = (
    ("help.everywhere", bindings.APP),
    ("help.in_list", bindings.ENTRY_TABLE),
    ("help.in_detail", bindings.ENTRY_DETAIL),
    ("help.in_search", bindings.SEARCH),
)


class HelpScreen(ModalScreen[None]):
    """A modal listing bindings (with remapped keys) and the hub's sources."""

    BINDINGS: list[BindingType] = [*bindings.HELP]

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

    def _bindings_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_column(style="dim")
        for group_key, group in BINDING_GROUPS:
            table.add_row(Text(self.translator(group_key), style="bold underline"), "", "")
            for binding in group:
                keys = self.keymap.get(binding.id or "", binding.key)
                display = ", ".join(self.app.get_key_display(Binding(key, "")) for key in keys.split(","))
                table.add_row(Text(display), Text(binding.description), Text(binding.id or ""))
            table.add_row("", "", "")
        return table

    def _sources_text(self) -> Text:
        text = Text()
        text.append(self.translator("help.sources"), style="bold underline")
        for source in sorted(self.hub.sources.values(), key=lambda s: s.id):
            text.append(f"\n{source.title}", style="bold")
            line = f"\n  {source.publisher}"
            if source.date is not None:
                line += f", {self.translator.date(source.date)}"
            text.append(line)
            text.append(f"\n  {source.url}", style="underline")
        return text

    def action_close(self) -> None:
        self.dismiss(None)
