"""The Sources view's list: every source with its publisher, date, kind and archived copy, and under
each the entries that cite it.

One widget draws only the lines on screen (Textual's line API), from a `SourceIndex` that makes
each line when asked: 100,000 sources cost no more to show than ten.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from infohub_tui.hub.citations import Line, SourceIndex
from infohub_tui.hub.model import Hub, Reference, Source
from infohub_tui.i18n import Translator
from infohub_tui.ui.widgets.cells import fit
from infohub_tui.ui.widgets.cursor_keys import CursorKeys

MARKER_WIDTH = 2
CITING_INDENT = 4
MIN_TITLE_WIDTH = 16
# The fixed columns after the title, left out from the right while the title is narrower than
# MIN_TITLE_WIDTH: (label key, width).
FIXED_COLUMNS: tuple[tuple[str, int], ...] = (
    ("sources.column.publisher", 24),
    ("sources.column.date", 10),
    ("sources.column.kind", 16),
    ("sources.column.archived", 8),
)
KEPT_COLUMNS = frozenset({"sources.column.archived"})


class SourceTable(CursorKeys, ScrollView, can_focus=True):
    """The lines of a `SourceIndex` with a cursor and a header line; enter on an entry citing the
    source chooses it, enter on a source moves to the first entry citing it."""

    DEFAULT_CSS = """
    SourceTable > .source-table--header {
        text-style: bold;
        color: $text-muted;
    }

    SourceTable > .source-table--cursor {
        background: $accent 40%;
        text-style: bold;
    }

    SourceTable > .source-table--citing {
        color: $text-muted;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "source-table--header",
        "source-table--cursor",
        "source-table--citing",
    }

    cursor: reactive[int] = reactive(0, init=False)

    class Chosen(Message):
        """The reader chose an entry that cites a source (enter or double click)."""

        def __init__(self, table: SourceTable, reference: Reference) -> None:
            super().__init__()
            self.table = table
            self.reference = reference

    class Moved(Message):
        """The cursor moved (the screen shows which source of how many)."""

        def __init__(self, table: SourceTable) -> None:
            super().__init__()
            self.table = table

    def __init__(
        self, index: SourceIndex, hub: Hub, translator: Translator, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.index = index
        self.hub = hub
        self.translator = translator
        self._styles: dict[str, Style] = {}

    # Where the cursor is -------------------------------------------------------

    @property
    def line(self) -> Line | None:
        """The line under the cursor."""
        return self.index.line(self.cursor) if len(self.index) else None

    @property
    def source(self) -> Source | None:
        """The source of the line under the cursor (its own line or an entry citing it)."""
        line = self.line
        return line.source if line is not None else None

    @property
    def visible_lines(self) -> int:
        return max(self.scrollable_content_region.height - 1, 1)

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.index) - 1))

    def watch_cursor(self) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.Moved(self))

    def on_mount(self) -> None:
        self.virtual_size = Size(0, len(self.index) + 1)

    def on_resize(self, _event: events.Resize) -> None:
        self._scroll_cursor_into_view()

    def _scroll_cursor_into_view(self) -> None:
        top = round(self.scroll_offset.y)
        visible = self.visible_lines
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    # Keys (bound by the Sources screen, as the main lists' keys) -----------------

    @property
    def row_count(self) -> int:
        return len(self.index)

    @property
    def page_rows(self) -> int:
        return self.visible_lines

    def action_choose(self) -> None:
        """Enter: the entry under the cursor; on a source, its first citing entry's line."""
        line = self.line
        if line is None:
            return
        if line.is_source:
            self.cursor += 1
        elif line.reference is not None:
            self.post_message(self.Chosen(self, line.reference))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:  # the header line
            return
        number = round(self.scroll_offset.y) + offset.y - 1
        if 0 <= number < len(self.index):
            self.cursor = number
            if event.chain >= 2:
                self.action_choose()

    # Drawing ---------------------------------------------------------------

    def columns(self, width: int) -> list[tuple[str, int]]:
        """The title's width and the fixed columns that fit `width` beside a readable title."""
        columns = list(FIXED_COLUMNS)
        while True:
            title = width - MARKER_WIDTH - sum(column_width + 1 for _, column_width in columns) - 1
            droppable = [column for column in columns if column[0] not in KEPT_COLUMNS]
            if title >= MIN_TITLE_WIDTH or not droppable:
                break
            columns.remove(droppable[-1])
        return [("sources.column.title", max(title, 1)), *columns]

    def render_lines(self, crop: Region) -> list[Strip]:
        self._styles = {  # looked up once per frame, not once per line
            "base": self.rich_style,
            "header": self.get_component_rich_style("source-table--header"),
            "cursor": self.get_component_rich_style("source-table--cursor"),
            "citing": self.get_component_rich_style("source-table--citing", partial=True),
        }
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._styles.get("base") or self.rich_style
        columns = self.columns(width)
        if y == 0:
            header = [fit(self.translator(key), column_width) for key, column_width in columns]
            return _strip(" " * MARKER_WIDTH, header, width, self._styles.get("header", base))
        number = round(self.scroll_offset.y) + y - 1
        if not 0 <= number < len(self.index):
            return Strip.blank(width, base)
        line = self.index.line(number)
        style = self._styles.get("cursor", base) if number == self.cursor else base
        if line.is_source:
            return _strip(self._marker(number), self._source_cells(line.source, columns), width, style)
        text = " " * CITING_INDENT + self._citing_text(line)
        citing = style + self._styles.get("citing", Style())
        return _strip(self._marker(number), [fit(text, width - MARKER_WIDTH - 1)], width, citing)

    def _marker(self, number: int) -> str:
        """The cursor's line is marked by a sign as well as its colour (it shows without colour)."""
        return "▶ " if number == self.cursor else " " * MARKER_WIDTH

    def _source_cells(self, source: Source, columns: list[tuple[str, int]]) -> list[str]:
        tr = self.translator
        values = {
            "sources.column.title": source.title,
            "sources.column.publisher": source.publisher,
            "sources.column.date": tr.short_date(source.date),
            "sources.column.kind": tr.source_kind(source.kind),
            "sources.column.archived": tr(
                "sources.archived_yes" if source.archived else "sources.archived_no"
            ),
        }
        return [fit(values[key], column_width) for key, column_width in columns]

    def _citing_text(self, line: Line) -> str:
        if line.reference is None:
            return self.translator("sources.cited_by_none")
        entry = self.hub.find(line.reference)
        heading = entry.heading if entry is not None else line.reference.id
        return f"↳ {self.translator.pane_title(line.reference.pane)}: {heading}"


def _strip(marker: str, cells: list[str], width: int, style: Style) -> Strip:
    segments = [Segment(marker, style), *(Segment(text + " ", style) for text in cells)]
    return Strip(segments).adjust_cell_length(width, style)
