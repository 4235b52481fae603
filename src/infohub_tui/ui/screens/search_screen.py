"""The search bar: live results across every pane as you type."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from infohub_tui.hub.model import PANES
from infohub_tui.i18n import Translator
from infohub_tui.search.index import Hit, SearchIndex, SearchResult
from infohub_tui.ui import bindings
from infohub_tui.ui.screens.modal import Modal

RESULT_LIMIT = 100


@dataclass(frozen=True)
class SearchOutcome:
    """What the search bar hands back: the query, its results and the chosen hit."""

    query: str
    result: SearchResult
    ordered_hits: tuple[Hit, ...]
    chosen: Hit


def grouped(result: SearchResult) -> tuple[Hit, ...]:
    """Hits in pane order, ranked within each pane: the order of the list and of n/N."""
    return tuple(hit for pane in PANES for hit in result.hits if hit.pane is pane)


class SearchScreen(Modal[SearchOutcome | None]):
    """Type to search; down/up move through the results, enter opens the highlighted one;
    ctrl+up/ctrl+down recall earlier queries. The box's hint says so, in the user's keys."""

    DEFAULT_CSS = """
    SearchScreen {
        align: center top;
    }

    #search-box {
        width: 90%;
        max-width: 110;
        height: auto;
        max-height: 90%;
        margin-top: 1;
        border: round $accent;
        background: $surface;
    }

    #search-summary {
        padding: 0 1;
        color: $text-muted;
    }

    #search-results {
        height: auto;
        max-height: 30;
        border: none;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.SEARCH]

    def __init__(
        self,
        index: SearchIndex,
        translator: Translator,
        history: list[str],
        initial: str = "",
        *,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(id="search-screen")
        self.index = index
        self.translator = translator
        self.history = history
        self.history_position = len(history)
        self.initial = initial
        self.keymap = keymap or {}
        self.result: SearchResult | None = None
        self.hits_by_option: dict[str, Hit] = {}
        self.ordered_hits: tuple[Hit, ...] = ()

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_subtitle = self._hint()
            yield Input(
                value=self.initial, placeholder=self.translator("search.placeholder"), id="search-input"
            )
            yield Static(id="search-summary")
            yield OptionList(id="search-results")

    def _hint(self) -> str:
        def keys(*ids: str) -> str:
            return "".join(bindings.key_display(self.app, binding_id, self.keymap) for binding_id in ids)

        return self.translator(
            "search.hint",
            results=keys("search-result-down", "search-result-up"),
            open=self.app.get_key_display(Binding("enter", "")),  # the box submits on enter, not a binding
            history=" ".join(
                keys(binding_id) for binding_id in ("search-history-previous", "search-history-next")
            ),
            close=keys("close-search"),
        )

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        self._run(self.initial)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._run(event.value)

    def _run(self, query: str) -> None:
        summary = self.query_one("#search-summary", Static)
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        self.hits_by_option = {}
        self.ordered_hits = ()
        if not query.strip():
            self.result = None
            summary.update("")
            return
        self.result = self.index.search(query, limit=RESULT_LIMIT)
        self.ordered_hits = grouped(self.result)
        if not self.ordered_hits:
            summary.update(Content(self.translator("search.none")))
            return
        counts = [
            self.translator(
                "search.count", count=self.result.counts[pane], pane=self.translator.pane_title(pane)
            )
            for pane in PANES
            if self.result.counts[pane]
        ]
        if self.result.limited:  # the list stops at RESULT_LIMIT: say so (the counts are all)
            counts.append(
                self.translator("search.limited", shown=len(self.result.hits), total=self.result.total)
            )
        summary.update(Content(" · ".join(counts)))
        options: list[Option | None] = []
        for pane in PANES:
            pane_hits = [hit for hit in self.ordered_hits if hit.pane is pane]
            if not pane_hits:
                continue
            title = f"{self.translator.pane_title(pane)} ({self.result.counts[pane]})"
            options.append(Option(Content.styled(title, "bold underline"), disabled=True))
            for hit in pane_hits:
                option_id = f"{hit.pane.value}:{hit.entry_id}"
                self.hits_by_option[option_id] = hit
                options.append(Option(_hit_prompt(hit), id=option_id))
        results.add_options(options)
        results.highlighted = 1

    def action_result_down(self) -> None:
        self.query_one("#search-results", OptionList).action_cursor_down()

    def action_result_up(self) -> None:
        self.query_one("#search-results", OptionList).action_cursor_up()

    def action_history_previous(self) -> None:
        if self.history and self.history_position > 0:
            self.history_position -= 1
            self._recall()

    def action_history_next(self) -> None:
        if self.history_position < len(self.history):
            self.history_position += 1
            self._recall()

    def _recall(self) -> None:
        search_input = self.query_one("#search-input", Input)
        value = self.history[self.history_position] if self.history_position < len(self.history) else ""
        search_input.value = value
        search_input.cursor_position = len(value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is not None:
            self._choose(results.get_option_at_index(results.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        hit = self.hits_by_option.get(option_id or "")
        if hit is None or self.result is None:
            return
        query = self.query_one("#search-input", Input).value
        self.finish(SearchOutcome(query, self.result, self.ordered_hits, hit))

    def action_close(self) -> None:
        self.finish(None)


def _hit_prompt(hit: Hit) -> Content:
    snippet = Content.styled(hit.snippet, "dim")
    for start, end in hit.snippet_spans:
        snippet = snippet.stylize("reverse", start, end)
    return Content.assemble((hit.heading, "bold"), "\n  ", snippet)
