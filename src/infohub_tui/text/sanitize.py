"""Make untrusted strings safe to print in a terminal."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                 # CSI ... final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?    # OSC ... BEL or ST (OSC 8, OSC 52)
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?         # DCS, SOS, PM, APC strings
    | \x1b[@-Z\\-_]                         # other two-byte escapes
    | \x9b[0-?]*[ -/]*[@-~]                 # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?        # 8-bit OSC
    """,
    re.VERBOSE,
)
# C0 and C1 controls except tab and newline, and the bidi embeddings, overrides and isolates
# that reorder what follows them ("Trojan Source"); zero-width joiners stay (emoji need them).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def clean_text(text: str) -> str:
    """Remove terminal escape sequences and control characters; keep newlines and tabs.

    The one sanitising path for text that reaches a terminal: content as it is
    loaded, every line the command line prints, every notification in the app.
    """
    text = text.replace("\r\n", "\n")
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def tsv_field(text: str) -> str:
    """One field of tab-separated output: backslash, tab and newline escaped, so that a title
    with a tab or a line break cannot add a column or a row."""
    return text.translate(_TSV_ESCAPES)


# Joiners, variation selectors and skin-tone modifiers: Rich counts an emoji sequence
# (a ZWJ family, a heart with U+FE0F) as one 2-cell glyph, most terminals count each code
# point (6 cells, 1 cell), so a table row with one drew its border out of line.
_GLUE = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")


def for_cells(text: str) -> str:
    """`text` for a fixed-width cell (a table column): without the code points that join or
    restyle emoji, whose width terminals and Rich disagree about; each emoji then takes
    the width both agree on."""
    return _GLUE.sub("", text)


def for_cells_keeping(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """`for_cells(text)`, and `spans` of `text` moved onto the same characters of the result."""
    return removed_keeping(text, _GLUE, spans)


def removed_keeping(
    text: str, characters: re.Pattern[str], spans: Sequence[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """`text` without the single `characters` the pattern matches, and `spans` of `text` moved onto
    the same characters of the result (a span left empty is dropped)."""
    removed = [match.start() for match in characters.finditer(text)]
    if not removed:
        return text, list(spans)
    moved = []
    for start, end in spans:
        new_start, new_end = start - bisect_left(removed, start), end - bisect_left(removed, end)
        if new_end > new_start:
            moved.append((new_start, new_end))
    return characters.sub("", text), moved


def visible(text: str) -> str:
    """`text` with control characters written as escapes (`\\x1b`), for naming something
    hostile in a message: the reader sees what is there, the terminal gets no control."""
    return _CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)
