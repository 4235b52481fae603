"""A list of entries as a table: one line per entry, drawn on demand.

Only the visible lines are rendered (Textual's line API). The list draws its
own one-column scroll indicator instead of Textual's scrollbar widget, and its
overflow is hidden (BENCHMARKS.md says why).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..columns import Column
from ..i18n import DEFAULT_LANGUAGE, Translator
from ..model import Entry
from ..sanitize import for_cells

MIN_FLEXIBLE_WIDTH = 16
MARKER_WIDTH = 2
SCROLL_TRACK, SCROLL_THUMB = " ", "▐"


class EntryList(ScrollView, can_focus=False):
    """A table of entries with a cursor, a header line and per-entry markers."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entry-list--header",
        "entry-list--cursor",
        "entry-list--marker",
        "entry-list--scroll-track",
        "entry-list--scroll-thumb",
    }

    cursor: reactive[int] = reactive(0, init=False)
    translator: reactive[Translator] = reactive(Translator(DEFAULT_LANGUAGE), init=False)
    """The language of the header and the position; the reader pane binds it to its own."""

    class Highlighted(Message):
        """The cursor moved to another entry."""

        def __init__(self, entry_list: EntryList, entry: Entry) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.entry = entry

    class Opened(Message):
        """The user asked to read an entry (enter or click)."""

        def __init__(self, entry_list: EntryList, entry: Entry) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.entry = entry

    def __init__(
        self,
        columns: Sequence[Column],
        translator: Translator,
        *,
        marker: Callable[[Entry], str] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = tuple(columns)
        self.set_reactive(EntryList.translator, translator)
        self.entries: tuple[Entry, ...] = ()
        self.marker: Callable[[Entry], str] = marker or _no_marker
        self._index: dict[str, int] = {}
        self._widths: dict[int, list[tuple[Column, int]]] = {}
        self._styles: dict[str, Style] = {}
        self._thumb: range | None = None

    @property
    def current(self) -> Entry | None:
        if 0 <= self.cursor < len(self.entries):
            return self.entries[self.cursor]
        return None

    def show(self, entries: Sequence[Entry], keep_id: str | None = None) -> None:
        """Replace the entries; keep the cursor on `keep_id` where it still exists."""
        self.entries = tuple(entries)
        self._index = {entry.id: index for index, entry in enumerate(self.entries)}
        self.virtual_size = Size(0, len(self.entries) + 1)  # lines only: it never scrolls sideways
        target = self._index.get(keep_id, 0) if keep_id else 0
        self.set_reactive(EntryList.cursor, -1)
        self.cursor = min(target, max(len(self.entries) - 1, 0))  # from -1, so the watcher always runs
        self.refresh()

    def select(self, entry_id: str) -> bool:
        """Move the cursor to an entry by id; False if it is not in the list."""
        index = self._index.get(entry_id)
        if index is None:
            return False
        self.cursor = index
        return True

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.entries) - 1)) if self.entries else 0

    def watch_cursor(self, cursor: int) -> None:
        self._scroll_cursor_into_view()
        self._show_position()
        self.refresh()
        entry = self.current
        if entry is not None:
            self.post_message(self.Highlighted(self, entry))

    def watch_translator(self) -> None:
        self._show_position()
        self.refresh()

    def _show_position(self) -> None:
        number = self.translator.number
        self.border_subtitle = (
            self.translator("list.position", index=number(self.cursor + 1), total=number(len(self.entries)))
            if self.entries
            else ""
        )

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_cursor_into_view()

    @property
    def allow_vertical_scroll(self) -> bool:
        """The mouse wheel scrolls the list, though its overflow is hidden (it draws its own indicator)."""
        return self.max_scroll_y > 0 and not self.is_disabled

    def _scroll_cursor_into_view(self) -> None:
        visible_rows = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + visible_rows:
            self.scroll_to(y=self.cursor - visible_rows + 1, animate=False)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.entries) - 1

    def action_page_down(self) -> None:
        self.cursor += max(self.scrollable_content_region.height - 2, 1)

    def action_page_up(self) -> None:
        self.cursor -= max(self.scrollable_content_region.height - 2, 1)

    def action_open_entry(self) -> None:
        entry = self.current
        if entry is not None:
            self.post_message(self.Opened(self, entry))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:  # the border or the header line
            return
        rows = self.scrollable_content_region.height - 1
        if self._scroll_thumb() is not None and offset.x == self.scrollable_content_region.width - 1:
            # On the scroll indicator: jump to that point of the list.
            self.cursor = round((offset.y - 1) / max(rows - 1, 1) * (len(self.entries) - 1))
            return
        row = round(self.scroll_offset.y) + offset.y - 1
        if 0 <= row < len(self.entries):
            self.cursor = row
            if event.chain >= 2:
                self.action_open_entry()

    def column_widths(self, width: int) -> list[tuple[Column, int]]:
        """Fit the columns into `width`, dropping fixed columns from the right when tight."""
        if width not in self._widths:
            self._widths[width] = self._fit_columns(width)
        return self._widths[width]

    def _fit_columns(self, width: int) -> list[tuple[Column, int]]:
        columns = list(self.columns)
        while True:
            fixed = sum(column.width for column in columns if not column.flexible)
            flexible = [column for column in columns if column.flexible]
            spare = width - MARKER_WIDTH - fixed - (len(columns) - 1)
            share = spare // max(len(flexible), 1)
            droppable = [column for column in columns if not column.flexible]
            if share >= MIN_FLEXIBLE_WIDTH or len(droppable) <= 1:
                break
            columns.remove(droppable[-1])
        widths = []
        leftover = spare - share * len(flexible)
        for column in columns:
            if column.flexible:
                extra = 1 if leftover > 0 else 0
                leftover -= extra
                widths.append((column, max(share + extra, 1)))
            else:
                widths.append((column, column.width))
        return widths

    def render_lines(self, crop: Region) -> list[Strip]:
        # Styles are looked up once per frame, not once per line.
        self._styles = {
            "base": self.rich_style,
            "header": self.get_component_rich_style("entry-list--header"),
            "cursor": self.get_component_rich_style("entry-list--cursor"),
            "marker": self.get_component_rich_style("entry-list--marker", partial=True),
            "track": self.get_component_rich_style("entry-list--scroll-track"),
            "thumb": self.get_component_rich_style("entry-list--scroll-thumb"),
        }
        self._thumb = self._scroll_thumb()
        return super().render_lines(crop)

    def _scroll_thumb(self) -> range | None:
        """The lines of the scroll indicator's thumb; None when every entry fits."""
        rows = self.scrollable_content_region.height - 1
        total = len(self.entries)
        if rows <= 0 or total <= rows:
            return None
        size = max(1, rows * rows // total)
        start = round(round(self.scroll_offset.y) * (rows - size) / (total - rows))
        return range(1 + start, 1 + start + size)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._styles.get("base") or self.rich_style
        indicator: Segment | None = None
        if self._thumb is not None:
            width -= 1
            if y == 0:
                indicator = Segment(" ", self._styles.get("header", base))
            elif y in self._thumb:
                indicator = Segment(SCROLL_THUMB, self._styles.get("thumb", base))
            else:
                indicator = Segment(SCROLL_TRACK, self._styles.get("track", base))
        if y == 0:
            cells = [self.translator(column.label_key) for column, _ in self.column_widths(width)]
            return self._strip(" " * MARKER_WIDTH, cells, width, self._styles.get("header", base), indicator)
        index = round(self.scroll_offset.y) + y - 1
        if not 0 <= index < len(self.entries):
            return Strip.blank(width + (indicator is not None), base)
        entry = self.entries[index]
        previous = self.entries[index - 1] if index > 0 else None
        cells = [column.cell(entry, previous, self.translator) for column, _ in self.column_widths(width)]
        style = self._styles.get("cursor", base) if index == self.cursor else base
        marker = self.marker(entry)
        return self._strip(marker.ljust(MARKER_WIDTH)[:MARKER_WIDTH], cells, width, style, indicator)

    def _strip(
        self, marker: str, cells: list[str], width: int, style: Style, indicator: Segment | None
    ) -> Strip:
        segments = [Segment(marker, style + self._styles.get("marker", Style()))]
        for (_column, column_width), text in zip(self.column_widths(width), cells, strict=True):
            segments.append(Segment(_fit(text, column_width) + " ", style))
        strip = Strip(segments).adjust_cell_length(width, style)
        return Strip([*strip, indicator], width + 1) if indicator is not None else strip


def _no_marker(_entry: Entry) -> str:
    return ""


def _fit(text: str, width: int) -> str:
    """Cut `text` to `width` cells with an ellipsis; pad it to exactly `width`."""
    text = for_cells(" ".join(text.split()))
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)
