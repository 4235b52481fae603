"""One tab of the reader: a pane's list of entries beside the entry it shows."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, TabPane

from infohub_tui.hub.model import PANE_TABLE, Entry, Hub, Pane
from infohub_tui.hub.ordering import DEFAULT_ORDER, ListOrder, ordered
from infohub_tui.i18n import DEFAULT_LANGUAGE, Translator
from infohub_tui.search.session import Highlights
from infohub_tui.ui.columns import Column
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.entry_list import EntryList

if TYPE_CHECKING:
    from infohub_tui.ui.widgets.timeline_chart import TimelineChart

CHART_ID = "chart-timeline"
"""The Timeline pane's chart, found by id: its module (and the chart layout's) is imported when the
chart is first composed, after the first frame unless the Timeline is the start pane."""


def _new_chart(translator: Translator) -> TimelineChart:
    from infohub_tui.ui.widgets.timeline_chart import TimelineChart

    return TimelineChart(translator, id=CHART_ID)


class ReaderPane(TabPane):
    """Master-detail reader configured by the pane's columns: one tab of the reader screen.

    It follows the screen's `hub` and `translator` (bound in the screen's compose)
    and its own `highlights`. The entry is rendered once per change of what it
    shows (entry, hub, language, highlights): changes that arrive together, like
    a language switch, render it once. Focus inside it never switches tabs; the
    screen alone decides which pane shows.

    Made `lazy`, it composes only its list until `build()`: the entry view (and the
    Timeline's chart) of a pane not on the first frame is composed after it, or when
    the pane is first shown, whichever comes first (the screen decides).
    """

    DEFAULT_CSS = """
    /* The list and the entry side by side (the app's sheet stacks them on a narrow screen). The list
       keys always act on the visible list (or chart); it looks active unless an entry is being read
       (`-reading`: set by the pane, since Textual restyles on focus only the focused widget's own
       branch, and `ReaderPane:focus-within EntryList` never reached the list). */
    ReaderPane {
        layout: horizontal;
        height: 1fr;
    }

    ReaderPane.-reading EntryList, ReaderPane.-reading TimelineChart {
        border: round $surface-lighten-2;
    }

    ReaderPane.-reading EntryDetail {
        border: round $accent;
    }

    ReaderPane.-reading EntryList > .entry-list--cursor {
        background: $surface-lighten-2;
        text-style: none;
    }

    /* The Timeline pane's chart takes the list's place, across the whole width, above the entry. */
    ReaderPane TimelineChart {
        display: none;
    }

    ReaderPane.-chart {
        layout: vertical;
    }

    ReaderPane.-chart EntryList {
        display: none;
    }

    ReaderPane.-chart TimelineChart {
        display: block;
        width: 1fr;
        height: 55%;
    }

    ReaderPane.-chart EntryDetail {
        width: 1fr;
        max-width: 100%;
        height: 1fr;
    }
    """

    hub: reactive[Hub | None] = reactive(None, init=False)
    translator: reactive[Translator] = reactive(Translator(DEFAULT_LANGUAGE), init=False)
    highlights: reactive[Highlights] = reactive(dict, init=False)
    """Search matches to mark, by entry id."""

    def __init__(
        self,
        pane: Pane,
        columns: Sequence[Column],
        hub: Hub | None,
        translator: Translator,
        *,
        start_entry: str | None = None,
        marker: Callable[[Entry], str] | None = None,
        order: ListOrder = DEFAULT_ORDER,
        lazy: bool = False,
    ) -> None:
        super().__init__(translator.pane_title(pane), id=pane.value, classes="reader-pane")
        self.pane = pane
        self.columns = columns
        self.set_reactive(ReaderPane.hub, hub)
        self.set_reactive(ReaderPane.translator, translator)
        self.start_entry = start_entry
        self.marker = marker
        self.order = order
        self._detail_stale = True
        self.lazy = lazy
        self._reading_held = False
        self._building: asyncio.Future[None] | None = None
        self._rendered: tuple[Entry | None, Hub | None, Translator, tuple[object, ...]] | None = None

    def compose(self) -> ComposeResult:
        yield EntryList(
            self.columns,
            self.translator,
            marker=self.marker,
            id=f"list-{self.pane.value}",
            classes="entry-list",
        ).data_bind(ReaderPane.translator)
        if self.pane is Pane.TIMELINE and not self.lazy:
            yield _new_chart(self.translator)
        yield EntryDetail(built=not self.lazy, id=f"detail-{self.pane.value}", classes="entry-detail")

    @property
    def is_built(self) -> bool:
        """Whether everything the pane shows is composed (a lazy pane: once `build` is done)."""
        return self.detail.is_built

    async def build(self) -> None:
        """Compose the rest of a lazy pane, show its entry and wait for the entry's body, so that
        the first frame showing the pane shows it whole. Returns at once if it is built."""
        if self._building is None and self.is_built:
            return
        if self._building is None:
            self._building = asyncio.ensure_future(self._build())
        await asyncio.shield(self._building)

    async def _build(self) -> None:
        if self.pane is Pane.TIMELINE and self.chart is None:
            await self.mount(_new_chart(self.translator), after=self.entry_list)
            self._show_chart()
        await self.detail.build()
        self._render_detail()
        await self.detail.body_shown()

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
        charts = self.query(f"#{CHART_ID}")
        return cast("TimelineChart", charts.first()) if charts else None

    @property
    def chart_shown(self) -> bool:
        return self.has_class("-chart")

    def show_chart(self, shown: bool) -> None:
        """Show the chart instead of the list (or the list again); a pane without a chart ignores it."""
        if self.pane is not Pane.TIMELINE:
            return
        chart = self.chart
        self.set_class(shown, "-chart")
        current = self.current
        if shown and current is not None and chart is not None:
            chart.select(current.id)
        if chart is not None:
            chart.open() if shown else chart.close()

    def on_timeline_chart_selected(self, event: TimelineChart.Selected) -> None:
        event.stop()
        self.entry_list.select(event.event.id)  # the list says Highlighted, which shows the entry

    async def on_mount(self) -> None:
        self._show_entries(self.start_entry)
        if self.lazy:
            self.refresh_detail()  # now, not when the list says it moved: hidden panes render after the first frame
            return
        # The pane of the first frame: its entry is shown, body included, before the frame (the
        # screen's first frame waits for this handler): the body does not pop in a frame later.
        self._render_detail()
        await self.detail.body_shown()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        event.prevent_default()
        self._mark_reading()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._mark_reading()

    def hold_reading(self, held: bool) -> None:
        """Something outside the pane acts on its entry while it has the focus (the find line):
        the pane looks as when the entry itself is read."""
        self._reading_held = held
        self._mark_reading()

    def _mark_reading(self) -> None:
        """Say (class `-reading`) whether the focus is in the entry: the list or chart then looks idle."""
        focused = self.screen.focused
        in_entry = focused is not None and self.detail in focused.ancestors_with_self
        self.set_class(self._reading_held or in_entry, "-reading")

    def watch_hub(self, old: Hub | None, new: Hub | None) -> None:
        if new is not old:  # the binding sets the same hub once more when it starts
            current = self.current  # none in a pane the first hub left empty (large content): its start entry
            self._show_entries(current.id if current else self.start_entry)
            self.call_later(self.refresh_detail)

    def watch_translator(self, old: Translator, new: Translator) -> None:
        if new is not old:
            self.call_later(self.refresh_detail)

    def watch_highlights(self, old: Highlights, new: Highlights) -> None:
        current = self.current
        if current is not None and old.get(current.id) != new.get(current.id):
            self.call_later(self.refresh_detail)

    def set_order(self, order: ListOrder) -> None:
        """List the entries in `order`, keeping the cursor on the entry it is on."""
        if order is not self.order:
            self.order = order
            current = self.current
            self._show_entries(current.id if current else None)

    def _show_entries(self, keep_id: str | None) -> None:
        entries = ordered(self.hub.entries(self.pane), self.pane, self.order) if self.hub else ()
        date_order = PANE_TABLE[self.pane].date_order
        self.entry_list.sort_mark = (
            ("▲" if date_order == "oldest" else "▼") if date_order and self.order is ListOrder.DATE else ""
        )
        self.entry_list.show(entries, keep_id)
        self._show_chart()

    def _show_chart(self) -> None:
        chart = self.chart
        if chart is not None:
            current = self.current
            chart.show(
                self.hub.timeline if self.hub else (), self.translator, current.id if current else None
            )

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
        if not self.is_built:
            return  # `build` renders it
        self._detail_stale = False
        entry = self.current
        highlights = self.highlights.get(entry.id, ()) if entry else ()
        shown = (entry, self.hub, self.translator, highlights)
        if self._rendered is not None and _same(self._rendered, shown):
            return
        self._rendered = shown
        if self.hub is not None:
            self.detail.show(entry, self.hub, self.translator, highlights)

    def select(self, entry_id: str) -> bool:
        """Move the list to an entry; the entry renders when the list says it moved. False, and
        nothing moves, if the pane has no such entry: the caller decides whether to say so (a jump
        does, ReaderScreen.jump_to; a remembered entry that is gone is passed over silently)."""
        return self.entry_list.select(entry_id)

    def on_entry_list_highlighted(self, event: EntryList.Highlighted) -> None:
        chart = self.chart
        if chart is not None:
            chart.select(event.entry.id)
        self.refresh_detail()

    def on_entry_list_opened(self, event: EntryList.Opened) -> None:
        event.stop()
        self.detail.focus()

    def on_entry_detail_back_to_list(self, event: EntryDetail.BackToList) -> None:
        self.screen.set_focus(None)  # and the screen shows the list again if the entry was alone


def next_to_build(readers: Sequence[ReaderPane], start: int) -> ReaderPane | None:
    """The pane nearest `readers[start]` (after it first) that is not built yet, or None."""
    steps = sorted(range(1, len(readers)), key=lambda step: min(step, len(readers) - step))
    waiting = [readers[(start + step) % len(readers)] for step in steps]
    return next((reader for reader in waiting if not reader.is_built), None)


def _same(
    rendered: tuple[Entry | None, Hub | None, Translator, tuple[object, ...]],
    shown: tuple[Entry | None, Hub | None, Translator, tuple[object, ...]],
) -> bool:
    """Whether the detail already shows this: the same objects, and equal highlights."""
    return all(a is b for a, b in zip(rendered[:3], shown[:3], strict=True)) and rendered[3] == shown[3]
