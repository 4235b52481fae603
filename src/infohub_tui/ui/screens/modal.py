"""A modal screen that can be closed only once."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Modal(ModalScreen[ResultT]):
    """Keys typed fast (or by key repeat) can ask a modal to close twice; the second is ignored.

    Modals focus their first focusable widget (the app itself focuses nothing at start).
    """

    AUTO_FOCUS = "*"

    def finish(self, result: ResultT) -> None:
        if self.is_active:  # on top: `is_current` is true under the command palette too
            self.dismiss(result)
