"""Markdown bodies as plain text, for snippets and highlighted search matches."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .folding import Span

_MARKDOWN_EMPHASIS = re.compile(r"[*`]")
_REMOVE_EMPHASIS = str.maketrans("", "", "*`")


def without_emphasis(text: str, spans: Sequence[Span]) -> tuple[str, list[Span]]:
    """`text` without Markdown's `*` and backtick marks, with `spans` moved to match."""
    removed = [match.start() for match in _MARKDOWN_EMPHASIS.finditer(text)]
    if not removed:
        return text, list(spans)
    moved = []
    for start, end in spans:
        new_start, new_end = start - bisect_left(removed, start), end - bisect_left(removed, end)
        if new_end > new_start:
            moved.append((new_start, new_end))
    return text.translate(_REMOVE_EMPHASIS), moved
