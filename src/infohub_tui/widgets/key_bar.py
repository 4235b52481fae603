"""The key hints at the bottom: a single line, redrawn only when the language changes.

Used instead of Textual's Footer, which rebuilds its keys on every focus change
(BENCHMARKS.md says what that cost); the reader's main keys do not depend on focus.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from .. import bindings
from ..i18n import DEFAULT_LANGUAGE, Translator


class KeyBar(Static):
    """`key description` pairs for the reader's bindings marked `show`, with the user's keys."""

    translator: reactive[Translator] = reactive(Translator(DEFAULT_LANGUAGE), init=False)

    def __init__(self, translator: Translator, keymap: Mapping[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(KeyBar.translator, translator)
        self.keymap = keymap

    def on_mount(self) -> None:
        self._show_keys()

    def watch_translator(self) -> None:
        self._show_keys()

    def _show_keys(self) -> None:
        parts: list[str | tuple[str, str]] = []
        for binding in bindings.READER:
            if not binding.show:
                continue
            keys = self.keymap.get(binding.id or "", binding.key)
            display = self.app.get_key_display(Binding(keys.split(",")[0], ""))
            parts += [
                (f" {display} ", "bold $accent"),
                f"{self.translator.describe(binding.id, binding.description)} ",
            ]
        palette = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
        parts += [(f" {palette} ", "bold $accent"), self.translator("palette")]
        self.update(Content.assemble(*parts))
