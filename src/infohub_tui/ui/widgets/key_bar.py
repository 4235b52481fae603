"""The key hints at the bottom: a single line of the keys that matter where the reader is.

Used instead of Textual's Footer, which rebuilds its keys on every focus change
(BENCHMARKS.md says what that cost): this line is redrawn only when its language,
its context (list, entry, see-also links, chart; bindings.KEY_BAR) or its width
changes. When not every key fits, the less important ones (later in KEY_BAR) go
first; help and quit stay at every width.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from infohub_tui.i18n import DEFAULT_LANGUAGE, Translator
from infohub_tui.ui import bindings


def row_keys(app: App[object], row: bindings.Row, keymap: Mapping[str, str], every_key: bool) -> str:
    """The keys of a row: its bindings' apart by " / " (a `lead` row: only the first binding's)."""
    ids = row.ids[:1] if row.lead else row.ids
    return " / ".join(bindings.key_display(app, binding_id, keymap, every_key) for binding_id in ids)


def row_description(
    app: App[object], row: bindings.Row, keymap: Mapping[str, str], translator: Translator
) -> str:
    """What a row does, in the translator's language; a `lead` row names its other keys."""
    description = translator.describe(row.description_id, row.english)
    if not row.lead:
        return description
    keys = {
        f"keys{number}": bindings.key_display(app, binding_id, keymap)
        for number, binding_id in enumerate(row.ids[1:], start=1)
    }
    return description.format(**keys)


class KeyBar(Static):
    """`key description` pairs for the reader's keys in the current `context`, with the user's keys."""

    translator: reactive[Translator] = reactive(Translator(DEFAULT_LANGUAGE), init=False)
    context: reactive[str] = reactive("list", init=False)
    """A key of bindings.KEY_BAR: where the keys act."""

    def __init__(self, translator: Translator, keymap: Mapping[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(KeyBar.translator, translator)
        self.keymap = keymap

    def on_mount(self) -> None:
        self._show_keys()

    def on_resize(self) -> None:
        self._show_keys()

    def watch_translator(self) -> None:
        self._show_keys()

    def watch_context(self) -> None:
        self._show_keys()

    def _show_keys(self) -> None:
        items = [
            (
                row_keys(self.app, row, self.keymap, every_key=False),
                row_description(self.app, row, self.keymap, self.translator),
                row.ids[0] in KEPT,
            )
            for row in bindings.KEY_BAR[self.context]
        ]
        palette = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
        items.append((palette, self.translator("palette"), False))
        parts: list[str | tuple[str, str]] = []
        for keys, description, _kept in fit(items, self.size.width or self.app.size.width):
            parts += [(f" {keys} ", "bold $accent"), f"{description} "]
        self.update(Content.assemble(*parts))


KEPT = frozenset({"help", "quit"})
"""The keys the bar shows at any width: help, which lists all the others, and quit."""


def item_width(keys: str, description: str) -> int:
    return cell_len(f" {keys} {description} ")


def fit(items: Sequence[tuple[str, str, bool]], width: int) -> list[tuple[str, str, bool]]:
    """The items that fit in `width` cells, in their order: room for the kept ones (the third
    field) first of all, then for each of the others in order of importance (their order) that fits."""
    used = sum(item_width(keys, description) for keys, description, kept in items if kept)
    shown = []
    for keys, description, kept in items:
        if not kept:
            needed = item_width(keys, description)
            if used + needed > width:
                continue
            used += needed
        shown.append((keys, description, kept))
    return shown
