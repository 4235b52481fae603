"""Textual's footer, with binding descriptions in the reader's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from .. import bindings
from ..i18n import Translator

_ID_BY_ACTION = {
    binding.action: binding.id
    for group in (
        bindings.APP,
        bindings.ENTRY_TABLE,
        bindings.ENTRY_DETAIL,
        bindings.SEARCH,
        bindings.HELP,
        bindings.BOOKMARKS,
    )
    for binding in group
}


class TranslatedFooter(Footer):
    """Shows each key's description from the translator instead of the declared English one."""

    def __init__(self, translator: Translator) -> None:
        super().__init__()
        self.translator = translator

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            action = getattr(widget, "action", None)
            description = getattr(widget, "description", None)
            if isinstance(action, str) and description:
                widget.description = self.translator.describe(_ID_BY_ACTION.get(action), description)  # type: ignore[attr-defined]
            yield widget

    def show_language(self, translator: Translator) -> None:
        self.translator = translator
        self.refresh(recompose=True)
