"""The one line shown instead of the reader when the terminal is too small to draw it."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widgets import Static

from infohub_tui.i18n import DEFAULT_LANGUAGE, Translator
from infohub_tui.ui.sizes import MIN_HEIGHT, MIN_WIDTH

# Below the minimum size a list can lie outside the window, never drawn: Textual's OptionList
# (the command palette's too) raises KeyError paging a list whose lines were never laid out.
# These bindings take the page keys first, and only while the window is too small (see
# `is_too_small`, for App.check_action); otherwise the keys go on as usual.
SWALLOW_PAGE_KEYS = "swallow_page_key"
BINDINGS = [Binding("pagedown,pageup", SWALLOW_PAGE_KEYS, show=False, priority=True, system=True)]


def is_too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmall(Static):
    """Shown (by the stylesheet's size classes) only below the minimum size, in `translator`'s language."""

    translator: reactive[Translator] = reactive(Translator(DEFAULT_LANGUAGE), init=False)

    def __init__(self, translator: Translator, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(TooSmall.translator, translator)
        self.watch_translator(translator)

    def watch_translator(self, translator: Translator) -> None:
        self.update(Content(translator("window.too_small", width=MIN_WIDTH, height=MIN_HEIGHT)))
