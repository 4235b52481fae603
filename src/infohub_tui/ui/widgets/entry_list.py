"""A list of entries as a table: one or two lines per entry, drawn on demand.

Only the visible lines are rendered (Textual's line API). The list draws its
own one-column scroll indicator instead of Textual's scrollbar widget, and its
overflow is hidden (BENCHMARKS.md says why).

Every row has the same height, so that a line's entry is a division away at any
length of list. Rows take two lines when a title would be cut in one and the list
is tall enough to show `MIN_TWO_LINE_ROWS` entries that way (side by side with the
entry, not stacked above it): the cells wrap into the second line, and columns
that repeat the entry's byline are left out until titles get `MIN_WRAPPED_WIDTH`
cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from infohub_tui.hub.model import Entry
from infohub_tui.i18n import DEFAULT_LANGUAGE, Translator
from infohub_tui.ui.columns import Column
from infohub_tui.ui.widgets.cells import fit, wrap
from infohub_tui.ui.widgets.cursor_keys import CursorKeys

MIN_FLEXIBLE_WIDTH = 16
MIN_WRAPPED_WIDTH = 28
MIN_TWO_LINE_ROWS = 10
MARKER_WIDTH = 2
SCROLL_TRACK, SCROLL_THUMB = " ", "▐"


class EntryList(CursorKeys, ScrollView, can_focus=False):
    """A table of entries with a cursor, a header line and per-entry markers."""

    DEFAULT_CSS = """
    /* The list draws its own scroll indicator: no scroll bar to show or hide on every resize. */
    EntryList {
        width: 1fr;
        height: 1fr;
        border: round $accent;
        border-subtitle-color: $text-muted;
        overflow: hidden hidden;
    }

    EntryList > .entry-list--scroll-track {
        color: $surface-lighten-2;
    }

    EntryList > .entry-list--scroll-thumb {
        color: $accent;
    }

    EntryList > .entry-list--header {
        text-style: bold;
        color: $text-muted;
    }

    EntryList > .entry-list--cursor {
        background: $accent 40%;
        text-style: bold;
    }

    EntryList > .entry-list--marker {
        color: $warning;
    }
    """

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
    sort_mark: reactive[str] = reactive("", init=False)
    """Shown after the first column's label while the list is sorted by it (▲ oldest first, ▼ newest)."""

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
        self.row_lines = 1
        """Lines per entry: 1, or 2 where titles wrap (see the module's docstring)."""
        self._index: dict[str, int] = {}
        self._widths: dict[tuple[int, int], list[tuple[Column, int]]] = {}
        self._longest: dict[str, int] = {}
        self._row: tuple[int, int, list[Strip]] | None = None
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
        self._longest, self._widths = {}, {}
        self._fit_rows()
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
        self._longest, self._widths = {}, {}  # translated cells (event kinds) change length
        self._fit_rows()
        self._show_position()
        self.refresh()

    def watch_sort_mark(self) -> None:
        self.refresh()

    def _show_position(self) -> None:
        number = self.translator.number
        self.border_subtitle = (
            self.translator("list.position", index=number(self.cursor + 1), total=number(len(self.entries)))
            if self.entries
            else ""
        )

    def on_resize(self, event: events.Resize) -> None:
        self._fit_rows()
        self._scroll_cursor_into_view()

    # Rows of one or two lines ------------------------------------------------

    def _fit_rows(self) -> None:
        """One or two lines per entry at this size; the list's height in lines follows it."""
        region = self.scrollable_content_region
        self.row_lines = lines = 2 if self._wants_two_lines(region.width - 1, region.height - 1) else 1
        # Room below the last row up to a whole row's height, so that scrolled to the end the top
        # row is a whole one, not the second line of a two-line row.
        spare = -max(region.height - 1, 0) % lines
        self.virtual_size = Size(0, len(self.entries) * lines + 1 + spare)  # it never scrolls sideways

    def _wants_two_lines(self, width: int, rows: int) -> bool:
        """Whether a title is cut in one line at `width` (less the scroll indicator), and `rows`
        lines show enough two-line entries."""
        if rows < 2 * MIN_TWO_LINE_ROWS or width <= MARKER_WIDTH:
            return False
        return any(
            self._has_longer_text(column, column_width)
            for column, column_width in self.column_widths(width, 1)
            if column.flexible
        )

    def _has_longer_text(self, column: Column, width: int) -> bool:
        """Whether a text of the column is wider than `width`: stops at the first one (a list of
        10,000 in date order is scattered in memory, and a full scan costs milliseconds)."""
        longest = self._longest.get(column.label_key)
        if longest is not None or column.attribute is None:
            return self._longest_text(column) > width
        texts = map(attrgetter(column.attribute), self.entries)
        return any(
            text is not None and cell_len(text) > width for text in texts if len(text or "") > width // 2
        )

    def _longest_text(self, column: Column) -> int:
        """The cells of the column's longest text, measured once per list: a column of dates, kinds
        or gaps has its own width. At 10,000 entries this is a few milliseconds: lengths in C, and
        cell widths only for texts that are not ASCII."""
        if column.attribute is None:
            return column.width
        longest = self._longest.get(column.label_key)
        if longest is None:
            texts = [text or "" for text in map(attrgetter(column.attribute), self.entries)]
            longest = max(map(len, texts), default=0)
            wide = [text for text in texts if not text.isascii()]
            if wide:
                longest = max(longest, *map(cell_len, wide))
            self._longest[column.label_key] = longest
        return longest

    @property
    def visible_rows(self) -> int:
        """How many entries the list shows at once (at least one)."""
        return max((self.scrollable_content_region.height - 1) // self.row_lines, 1)

    # Moving ---------------------------------------------------------------

    @property
    def allow_vertical_scroll(self) -> bool:
        """The mouse wheel scrolls the list, though its overflow is hidden (it draws its own indicator)."""
        return self.max_scroll_y > 0 and not self.is_disabled

    def _scroll_cursor_into_view(self) -> None:
        lines = self.row_lines
        visible_lines = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_offset.y)
        first, last = self.cursor * lines, (self.cursor + 1) * lines
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif last > top + visible_lines:  # to the row boundary at or after the one that shows it
            self.scroll_to(y=max(-((visible_lines - last) // lines) * lines, 0), animate=False)

    @property
    def row_count(self) -> int:
        return len(self.entries)

    @property
    def page_rows(self) -> int:
        return self.visible_rows

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
        row = (round(self.scroll_offset.y) + offset.y - 1) // self.row_lines
        if 0 <= row < len(self.entries):
            self.cursor = row
            if event.chain >= 2:
                self.action_open_entry()

    # Columns --------------------------------------------------------------

    def column_widths(self, width: int, lines: int | None = None) -> list[tuple[Column, int]]:
        """Fit the columns into `width` for rows of `lines` lines (the list's own by default)."""
        key = (width, lines or self.row_lines)
        if key not in self._widths:
            self._widths[key] = self._fit_columns(*key)
        return self._widths[key]

    def _fit_columns(self, width: int, lines: int) -> list[tuple[Column, int]]:
        """Leave out fixed columns from the right (except those kept) while the flexible ones are
        narrower than they need; in two-line rows, columns shown under another are left out.
        Room the flexible columns' longest texts do not need widens the fixed ones."""
        columns = [column for column in self.columns if lines == 1 or not column.shown_under]
        least = MIN_FLEXIBLE_WIDTH if lines == 1 else MIN_WRAPPED_WIDTH
        while True:
            fixed = sum(column.width for column in columns if not column.flexible)
            flexible = [column for column in columns if column.flexible]
            spare = width - MARKER_WIDTH - fixed - len(columns)  # a space after each, the last too
            share = spare // max(len(flexible), 1)
            droppable = [column for column in columns if not column.flexible and not column.keep]
            if share >= least or not droppable:
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
        return self._share_surplus(widths)

    def _share_surplus(self, widths: list[tuple[Column, int]]) -> list[tuple[Column, int]]:
        """Where every flexible column holds its longest text, the fixed columns that are cut
        get the rest (left to right), up to their own longest text."""
        flexible = [(column, width) for column, width in widths if column.flexible]
        if not flexible or any(self._has_longer_text(column, width) for column, width in flexible):
            return widths
        surplus = sum(
            width - max(self._longest_text(column), MIN_FLEXIBLE_WIDTH) for column, width in flexible
        )
        if surplus <= 0:
            return widths
        shared: list[tuple[Column, int]] = []
        for column, width in widths:
            if column.flexible:
                width = max(self._longest_text(column), MIN_FLEXIBLE_WIDTH)
            elif not column.keep and surplus > 0:
                extra = min(max(self._longest_text(column) - width, 0), surplus)
                surplus -= extra
                width += extra
            shared.append((column, width))
        if surplus > 0:  # what the fixed columns do not need goes back to the first flexible one
            first = next(index for index, (column, _) in enumerate(shared) if column.flexible)
            column, width = shared[first]
            shared[first] = (column, width + surplus)
        return shared

    # Drawing --------------------------------------------------------------

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
        self._row = None
        return super().render_lines(crop)

    def _scroll_thumb(self) -> range | None:
        """The lines of the scroll indicator's thumb; None when every entry fits."""
        rows = self.scrollable_content_region.height - 1
        total = len(self.entries) * self.row_lines
        if rows <= 0 or total <= rows:
            return None
        size = max(1, rows * rows // total)
        # At the end the offset may pass `total - rows` by the room left for a whole last row.
        start = min(round(round(self.scroll_offset.y) * (rows - size) / (total - rows)), rows - size)
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
            columns = self.column_widths(width)
            cells = [self.translator(column.label_key) for column, _ in columns]
            if self.sort_mark and cells:
                cells[0] = f"{cells[0]} {self.sort_mark}"
            header = [fit(text, column_width) for text, (_, column_width) in zip(cells, columns, strict=True)]
            return self._strip(" " * MARKER_WIDTH, header, width, self._styles.get("header", base), indicator)
        line = round(self.scroll_offset.y) + y - 1
        index, part = divmod(line, self.row_lines)
        if not 0 <= index < len(self.entries):  # below the last row: blank, with the indicator
            blank = Strip.blank(width, base)
            return blank if indicator is None else Strip([*blank, indicator], width + 1)
        return (
            self._row_lines(index, width, base)[part]
            if indicator is None
            else Strip([*self._row_lines(index, width, base)[part], indicator], width + 1)
        )

    def _row_lines(self, index: int, width: int, base: Style) -> list[Strip]:
        """The lines of one entry's row (kept for the frame: a two-line row is asked for twice)."""
        if self._row is not None and self._row[:2] == (index, width):
            return self._row[2]
        entry = self.entries[index]
        previous = self.entries[index - 1] if index > 0 else None
        lines = self.row_lines
        style = self._styles.get("cursor", base) if index == self.cursor else base
        columns = self.column_widths(width)
        cells: list[list[str]] = []
        for column, column_width in columns:
            text = column.cell(entry, previous, self.translator)
            if lines > 1 and column.under is not None:
                below = column.under(entry, previous, self.translator)
                cells.append([fit(text, column_width), fit(below, column_width)])
            else:
                cells.append(wrap(text, column_width, lines))
        marker = self.marker(entry).ljust(MARKER_WIDTH)[:MARKER_WIDTH]
        strips = [
            self._strip(
                marker if part == 0 else " " * MARKER_WIDTH, [cell[part] for cell in cells], width, style
            )
            for part in range(lines)
        ]
        self._row = (index, width, strips)
        return strips

    def _strip(
        self, marker: str, cells: list[str], width: int, style: Style, indicator: Segment | None = None
    ) -> Strip:
        segments = [Segment(marker, style + self._styles.get("marker", Style()))]
        segments.extend(Segment(text + " ", style) for text in cells)
        strip = Strip(segments).adjust_cell_length(width, style)
        return Strip([*strip, indicator], width + 1) if indicator is not None else strip


def _no_marker(_entry: Entry) -> str:
    return ""
