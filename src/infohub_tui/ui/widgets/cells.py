"""Text fitted to a list's cells, measured in terminal cells (wide characters count two): one line
cut with an ellipsis, or word-wrapped into a few lines. Shared by the entry list and the Sources
view's table; it knows nothing of Textual, but measures with rich.cells, which the core may not use
(the `rich-free` contract), so it lives with the widgets that draw the cells."""

from __future__ import annotations

from rich.cells import cell_len, chop_cells, set_cell_size

from infohub_tui.text.sanitize import for_cells


def fit(text: str, width: int) -> str:
    """Cut `text` to `width` cells with an ellipsis; pad it to exactly `width`."""
    text = for_cells(" ".join(text.split()))
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def wrap(text: str, width: int, lines: int) -> list[str]:
    """`text` word-wrapped into `lines` lines of exactly `width` cells; what does not fit is cut
    with an ellipsis on the last line, a word longer than a line is cut where the line ends."""
    if lines == 1:
        return [fit(text, width)]
    words = for_cells(text).split()
    wrapped: list[str] = []
    current = ""
    while words and len(wrapped) < lines - 1:
        word = words[0]
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
            words.pop(0)
        elif current:
            wrapped.append(current)
            current = ""
        else:  # one word wider than the line: cut it there (by cells: wide characters count two)
            head = chop_cells(word, width)[0]
            wrapped.append(head)
            words[0] = word[len(head) :]
    rest = " ".join([current, *words]) if current else " ".join(words)
    wrapped.append(rest)
    fitted = [fit(line, width) for line in wrapped]
    return fitted + [" " * width] * (lines - len(fitted))
