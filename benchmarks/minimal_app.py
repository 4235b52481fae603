"""The baseline for start-up: the same widget types as infohub-tui, no content, no loading."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.scroll_view import ScrollView
from textual.widgets import Footer, Header, Markdown, OptionList, Static, TabbedContent, TabPane


class EmptyList(ScrollView, can_focus=True):
    pass


class MinimalApp(App[None]):
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
