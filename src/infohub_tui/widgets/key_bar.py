"""The key hints at the bottom: a single line, redrawn only when language or keymap change.

Textual's Footer rebuilds its keys on every focus change, which made switching
panes several times slower; the reader's main keys do not depend on focus.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from .. import bindings
from ..i18n import Translator


class KeyBar(Static):
    """`key description` pairs for the app's bindings marked `show`."""

    def show_keys(self, translator: Translator, keymap: Mapping[str, str]) -> None:
        parts: list[str | tuple[str, str]] = []
        for binding in bindings.APP:
            if not binding.show:
                continue
            keys = keymap.get(binding.id or "", binding.key)
            display = self.app.get_key_display(Binding(keys.split(",")[0], ""))
            parts += [
                (f" {display} ", "bold $accent"),
                f"{translator.describe(binding.id, binding.description)} ",
            ]
        palette = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
        parts += [(f" {palette} ", "bold $accent"), translator("palette")]
        self.update(Content.assemble(*parts))
