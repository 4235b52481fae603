"""One section of the hub: a list of entries beside (or above) the entry being read."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.widgets import ContentSwitcher, TabPane

from ..columns import Column
from ..folding import Span
from ..i18n import Translator
from ..model import Entry, Hub, Pane
from .entry_detail import EntryDetail
from .entry_list import EntryList
from .timeline_chart import TimelineChart


class ReaderPane(TabPane):
    """Master-detail reader configured by the pane's columns: one tab of the app.

    Focus inside it never switches tabs; the app alone decides which pane shows.
    """

    def __init__(self, pane: Pane, columns: Sequence[Column], hub: Hub, translator: Translator) -> None:
        super().__init__(translator(f"tab.{pane.value}"), id=pane.value, classes="reader-pane")
        self.pane = pane
        self.columns = columns
        self.hub = hub
        self.translator = translator
        self.highlights: dict[str, tuple[tuple[str, Span], ...]] = {}
        self._detail_stale = True

    def compose(self) -> ComposeResult:
        yield EntryList(self.columns, self.translator, id=f"list-{self.pane.value}", classes="entry-list")
        if self.pane is Pane.TIMELINE:
            yield TimelineChart(self.translator, id="chart-timeline")
        yield EntryDetail(id=f"detail-{self.pane.value}", classes="entry-detail")

    @property
    def entry_list(self) -> EntryList:
        return self.query_one(EntryList)

    @property
    def detail(self) -> EntryDetail:
        return self.query_one(EntryDetail)

    @property
    def current(self) -> Entry | None:
        return self.entry_list.current

    # The Timeline pane's chart, in the list's place when shown: the two keep one selection.

    @property
    def chart(self) -> TimelineChart | None:
        charts = self.query(TimelineChart)
        return charts.first() if charts else None

    @property
    def chart_shown(self) -> bool:
        return self.has_class("-chart")

    def show_chart(self, shown: bool) -> None:
        """Show the chart instead of the list (or the list again); a pane without a chart ignores it."""
        chart = self.chart
        if chart is None:
            return
        self.set_class(shown, "-chart")
        current = self.current
        if shown and current is not None:
            chart.select(current.id)

    def on_timeline_chart_selected(self, event: TimelineChart.Selected) -> None:
        event.stop()
        self.entry_list.select(event.event.id)  # the list says Highlighted, which shows the entry

    def on_mount(self) -> None:
        self.show(self.hub, self.translator)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        event.prevent_default()

    def show(self, hub: Hub, translator: Translator, keep_id: str | None = None) -> None:
        """Show `hub`'s entries for this pane (again, after a language switch or reload)."""
        self.hub = hub
        self.translator = translator
        self.entry_list.show(hub.entries(self.pane), translator, keep_id)
        chart = self.chart
        if chart is not None:
            current = self.current
            chart.show(hub.timeline, translator, current.id if current else None)
        self.refresh_detail()

    @property
    def is_shown(self) -> bool:
        """Whether this is the pane on screen (the tab switcher's own record, not a Show event)."""
        switcher = self.parent
        return self.display and isinstance(switcher, ContentSwitcher) and switcher.current == self.id

    def refresh_detail(self) -> None:
        """Show the current entry; a hidden pane does it after the next frame, or when shown if sooner."""
        if self.is_shown:
            self._render_detail()
        else:
            self._detail_stale = True
            self.call_after_refresh(self.catch_up)

    def catch_up(self) -> None:
        """Render what changed while the pane was hidden, so that showing it paints it whole at once."""
        if self._detail_stale:
            self._render_detail()

    def _render_detail(self) -> None:
        self._detail_stale = False
        entry = self.current
        highlights = self.highlights.get(entry.id, ()) if entry else ()
        self.detail.show(entry, self.hub, self.translator, highlights)

    def select(self, entry_id: str) -> bool:
        found = self.entry_list.select(entry_id)
        self.refresh_detail()
        return found

    def on_entry_list_highlighted(self, event: EntryList.Highlighted) -> None:
        chart = self.chart
        if chart is not None:
            chart.select(event.entry.id)
        self.refresh_detail()

    def on_entry_list_opened(self, event: EntryList.Opened) -> None:
        event.stop()
        self.detail.focus()

    def on_entry_detail_back_to_list(self, event: EntryDetail.BackToList) -> None:
        event.stop()
        self.screen.set_focus(None)
