"""An option list that takes the main lists' movement keys: j/k as well as the arrows, g/G as well as
home/end (one set of movement keys everywhere: the bookmark list, the search results, the links)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import OptionList

from infohub_tui.ui import bindings


class MovableList(OptionList):
    """OptionList with bindings.LIST_MOVES besides its own keys."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.LIST_MOVES]
