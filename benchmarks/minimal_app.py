"""The baseline for start-up: the same widget types as infohub-tui, no content, no loading."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.scroll_view import ScrollView
from textual.widgets import Footer, Header, Markdown, OptionList, Static, TabbedContent, TabPane


class EmptyList(ScrollView, can_focus=True):
    pass


class MinimalApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        (str(number), f"show_tab({number})", "") for number in range(1, 5)
    ]

    def action_show_tab(self, number: int) -> None:
        self.query_one(TabbedContent).active = f"tab-{number}"

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent():
            for name in ("Statements", "FAQ", "Data storage", "Timeline"):
                with TabPane(name), Horizontal():
                    yield EmptyList()
                    with VerticalScroll():
                        yield Static()
                        yield Static()
                        yield Static()
                        yield Markdown()
                        yield Static()
                        yield OptionList()
        yield Static()
        yield Footer()
