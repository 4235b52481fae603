"""The chart's cells: the shapes and roles of its pieces, and a canvas of rows where pieces never overlap. No Textual here."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size

from infohub_tui.hub.model import EVENT_KINDS

# One shape per kind: under NO_COLOR the shapes alone tell the kinds apart.
KIND_MARKERS: dict[str, str] = {
    "order": "■",
    "deadline": "▲",
    "court": "§",
    "deal": "◆",
    "statement": "●",
    "epilogue": "○",
    "other": "*",
}
# Events sharing a column: a Braille cell with a dot for each (up to eight), filled from the
# bottom of the left column up and then the right, so no count reads as a digit of a date.
CLUSTER_MARKERS = "\u2844\u2846\u2847\u28c7\u28e7\u28f7\u28ff"  # 2, 3, ... 8 or more
CLOCK_START, CLOCK_DEADLINE, CLOCK_EXTENDED_DEADLINE = "├", "┤", "╡"
CLOCK_BODY, CLOCK_EXTENSION, CLOCK_AFTER_STOP, CLOCK_STOP = "─", "═", "┄", "\u2573"  # a diagonal cross
AXIS, TICK, STEM, ELLIPSIS = "─", "┬", "│", "…"

# Roles: what a piece is, which the widget styles (`timeline-chart--<role>`) and the SVG draws.
ROLE_AXIS = "axis"
ROLE_TICK = "tick"
ROLE_TICK_LABEL = "tick-label"
ROLE_CLOCK = "clock"
ROLE_CLOCK_EXTENDED = "clock-extended"
ROLE_CLOCK_STOPPED = "clock-stopped"
ROLE_STOP = "stop"
ROLE_CLOCK_LABEL = "clock-label"
ROLE_CLUSTER = "cluster"
ROLE_STEM = "stem"
ROLE_LABEL = "label"
ROLE_LEGEND = "legend"
ROLE_MESSAGE = "message"
ROLES: tuple[str, ...] = (
    ROLE_AXIS,
    ROLE_TICK,
    ROLE_TICK_LABEL,
    ROLE_CLOCK,
    ROLE_CLOCK_EXTENDED,
    ROLE_CLOCK_STOPPED,
    ROLE_STOP,
    ROLE_CLOCK_LABEL,
    ROLE_CLUSTER,
    ROLE_STEM,
    ROLE_LABEL,
    ROLE_LEGEND,
    ROLE_MESSAGE,
    *(f"kind-{kind}" for kind in EVENT_KINDS),
)

MIN_LABEL = 6  # a shortened label keeps at least this many cells (five characters and "…")


def cluster_marker(count: int) -> str:
    """The mark of `count` (two or more) events sharing a column."""
    return CLUSTER_MARKERS[min(max(count, 2), len(CLUSTER_MARKERS) + 1) - 2]


def kind_role(kind: str) -> str:
    return f"kind-{kind}" if kind in KIND_MARKERS else "kind-other"


def fit_text(text: str, width: int) -> str:
    """`text` in at most `width` cells, shortened with an ellipsis when longer."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + ELLIPSIS if width > 1 else ELLIPSIS


def one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Piece:
    """Text at a column of a row. `events` are the indices (into ChartData.events) it stands for."""

    column: int
    text: str
    role: str
    width: int
    selected: bool = False
    events: range | None = None

    @property
    def end(self) -> int:
        return self.column + self.width


class Canvas:
    """Rows of cells; a piece goes only where every cell it covers is free."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.used = [bytearray(width) for _ in range(height)]
        self.text = [bytearray(width) for _ in range(height)]  # the cells of labels
        self.pieces: list[list[Piece]] = [[] for _ in range(height)]

    def is_free(self, row: int, column: int, width: int = 1) -> bool:
        if column < 0 or column + width > self.width:
            return False
        return self.used[row].find(1, column, column + width) < 0

    def beside_text(self, row: int, column: int) -> bool:
        """Whether a label's text is in the cell left or right of `column`."""
        text = self.text[row]
        return (column > 0 and text[column - 1] == 1) or (column + 1 < self.width and text[column + 1] == 1)

    def free_right(self, row: int, column: int, limit: int) -> tuple[int, bool]:
        """Free cells from `column` rightwards (at most `limit`), and whether the row's end stopped them."""
        if not 0 <= column < self.width:
            return 0, True
        end = min(self.width, column + limit)
        hit = self.used[row].find(1, column, end)
        return (end - column, end == self.width) if hit < 0 else (hit - column, False)

    def free_left(self, row: int, column: int, limit: int) -> tuple[int, bool]:
        """Free cells from `column` leftwards (at most `limit`), and whether the row's start stopped them."""
        if not 0 <= column < self.width:
            return 0, True
        start = max(0, column + 1 - limit)
        hit = self.used[row].rfind(1, start, column + 1)
        return (column + 1 - start, start == 0) if hit < 0 else (column - hit, False)

    def put(
        self,
        row: int,
        column: int,
        text: str,
        role: str,
        *,
        selected: bool = False,
        events: range | None = None,
        width: int | None = None,
    ) -> Piece:
        """Put `text` (of `width` cells, measured if not given) at a column; it must be free."""
        width = cell_len(text) if width is None else width
        used = self.used[row]
        if column < 0 or column + width > self.width or used.find(1, column, column + width) >= 0:
            raise ValueError(f"row {row}, columns {column}-{column + width - 1} are taken")
        used[column : column + width] = b"\x01" * width
        if role in (ROLE_LABEL, ROLE_CLOCK_LABEL):
            self.text[row][column : column + width] = b"\x01" * width
        piece = Piece(column, text, role, width, selected, events)
        self.pieces[row].append(piece)
        return piece

    def fill(self, row: int, character: str, role: str) -> None:
        """Put `character` into every free cell of the row."""
        used = self.used[row]
        column = 0
        while column < self.width:
            start = used.find(0, column)
            if start < 0:
                break
            end = used.find(1, start)
            end = self.width if end < 0 else end
            self.put(row, start, character * (end - start), role)
            column = end

    def rows(self) -> tuple[tuple[Piece, ...], ...]:
        return tuple(tuple(sorted(pieces, key=lambda piece: piece.column)) for pieces in self.pieces)
