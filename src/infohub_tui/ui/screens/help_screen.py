"""Every key, in the reader's words and grouped, and the ids to remap them by.

Built from bindings.HELP_GROUPS (the bindings' descriptions) and the user's keymap,
so a remapped key shows as the key it now is. Keys only: the hub's sources are in the
Sources view (sources_screen.py), which the help names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from infohub_tui.i18n import Translator
from infohub_tui.ui import bindings
from infohub_tui.ui.screens.modal import Modal
from infohub_tui.ui.widgets.key_bar import row_description, row_keys

Line = tuple[str, str]
"""Keys and what they do."""


class HelpScreen(Modal[None]):
    """A modal listing the keys (with remapped keys)."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }

    #help-body {
        width: 90%;
        max-width: 100;
        height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }

    #help-ids {
        margin-top: 1;
    }

    #help-sources {
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.HELP]

    def __init__(self, translator: Translator, keymap: Mapping[str, str]) -> None:
        super().__init__(id="help-screen")
        self.translator = translator
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = self.translator("help.title")
            body.border_subtitle = self.translator("help.close")
            yield Static(self._bindings_table(), id="help-bindings")
            yield Static(self._ids_text(), id="help-ids")

    def _key(self, key: str) -> str:
        return self.app.get_key_display(Binding(key, ""))

    def groups(self) -> list[tuple[str, list[Line]]]:
        """The help's groups: a title, then (keys, description) lines."""
        groups: list[tuple[str, list[Line]]] = []
        for title, rows in bindings.HELP_GROUPS:
            lines = [
                (
                    row_keys(self.app, row, self.keymap, every_key=True),
                    row_description(self.app, row, self.keymap, self.translator),
                )
                for row in rows
            ]
            if title == "help.group.app":
                lines.insert(
                    1, (self._key(self.app.COMMAND_PALETTE_BINDING), self.translator("help.palette"))
                )
            groups.append((self.translator(title), lines))
        mouse = [
            (
                self.translator(f"help.mouse.{name}_keys"),
                self.translator(f"help.mouse.{name}", copy=self._key("ctrl+c")),
            )
            for name in ("click", "wheel", "select")
        ]
        groups.append((self.translator("help.group.mouse"), mouse))
        return groups

    def _bindings_table(self) -> Content:
        groups = self.groups()
        key_width = max(len(keys) for _title, lines in groups for keys, _ in lines)
        parts: list[str | tuple[str, str]] = []
        for title, lines in groups:
            parts.append((("\n\n" if parts else "") + title, "bold underline"))
            for keys, description in lines:
                parts += ["\n  ", (keys.ljust(key_width), "bold"), f"  {description}"]
        return Content.assemble(*parts)

    def _ids_text(self) -> Content:
        """Every binding id with its keys, for the config file's `[keymap]`."""
        items = []
        for binding in bindings.ALL:
            if binding.id:
                keys = bindings.keys_of(binding.id, self.keymap)
                items.append(f"{binding.id} = {','.join(keys)}")
        return Content.assemble((self.translator("help.ids"), "bold"), "\n", (" · ".join(items), "dim"))

    def action_close(self) -> None:
        self.finish(None)
