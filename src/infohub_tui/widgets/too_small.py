"""The one line shown instead of the reader when the terminal is too small to draw it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..i18n import Translator
from ..sizes import MIN_HEIGHT, MIN_WIDTH


class TooSmall(Static):
    """Shown (by the stylesheet's size classes) only below the minimum size."""

    def __init__(self, translator: Translator, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_message(translator)

    def show_message(self, translator: Translator) -> None:
        self.update(Content(translator("window.too_small", width=MIN_WIDTH, height=MIN_HEIGHT)))
