"""The main lists' movement actions, for a widget that draws its own rows with a `cursor`
(the entry list and the Sources view's table): one step, the ends, a page. The widget's own
`validate_cursor` keeps the cursor on a row."""

from __future__ import annotations

from typing import Protocol


class _Cursored(Protocol):
    cursor: int

    @property
    def row_count(self) -> int: ...

    @property
    def page_rows(self) -> int: ...


class CursorKeys:
    """`action_cursor_down` … `action_page_up`, as `bindings.ENTRY_TABLE` names them."""

    def action_cursor_down(self: _Cursored) -> None:
        self.cursor += 1

    def action_cursor_up(self: _Cursored) -> None:
        self.cursor -= 1

    def action_first(self: _Cursored) -> None:
        self.cursor = 0

    def action_last(self: _Cursored) -> None:
        self.cursor = self.row_count - 1

    def action_page_down(self: _Cursored) -> None:
        self.cursor += max(self.page_rows - 1, 1)

    def action_page_up(self: _Cursored) -> None:
        self.cursor -= max(self.page_rows - 1, 1)
