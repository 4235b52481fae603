"""Markdown bodies as plain text, for snippets, highlighted search matches and large bodies."""

from __future__ import annotations

import re
from collections.abc import Sequence

from infohub_tui.text.folding import Span
from infohub_tui.text.sanitize import removed_keeping

_MARKDOWN_EMPHASIS = re.compile(r"[*`]")


def without_emphasis(text: str, spans: Sequence[Span]) -> tuple[str, list[Span]]:
    """`text` without Markdown's `*` and backtick marks, with `spans` moved to match."""
    return removed_keeping(text, _MARKDOWN_EMPHASIS, spans)


# Textual's Markdown widget mounts a widget per block and per table cell: measured on a
# loaded 2-core machine, a 20x5 table added 0.2 s to every key that showed it, 100
# paragraphs 0.19 s, a 2000x200 table minutes. Past these sizes the reader shows the body
# as text in one widget (tables as their rows), which costs about what a short body does.
MAX_MARKDOWN_BLOCKS = 40
MAX_MARKDOWN_TABLE_CELLS = 30
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")


def shown_as_text(body: str) -> bool:
    """Whether `body` is too large to show as Markdown within a frame or two (see above)."""
    blocks = cells = 0
    in_block = False
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped:
            in_block = False
            continue
        if stripped.startswith("|"):
            cells += max(stripped.strip("|").count("|") + 1, 1)
            if cells > MAX_MARKDOWN_TABLE_CELLS:
                return True
        if not in_block or _LIST_ITEM.match(line):
            blocks += 1
            if blocks > MAX_MARKDOWN_BLOCKS:
                return True
        in_block = True
    return False
