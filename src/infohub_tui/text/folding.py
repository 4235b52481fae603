"""Case- and accent-insensitive text folding for search.

`fold` is fast and used to build the index; `fold_with_offsets` also maps each
folded character back to the original text so matches can be highlighted.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}
_DIGRAPHS = {"ae": "a", "oe": "o", "ue": "u"}

Span = tuple[int, int]


def fold(text: str) -> str:
    """Lower-case, `ß` as `ss`, accents removed: `Übernahme` -> `ubernahme`."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of its source character."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    pieces: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        pieces.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(pieces), offsets


def original_span(offsets: list[int], start: int, end: int) -> Span:
    """Map a folded [start, end) back to the original text."""
    return offsets[start], offsets[end - 1] + 1


def spellings(word: str) -> tuple[str, ...]:
    """The folded spellings a query word stands for.

    German umlauts are written both as `ü` and `ue`: a query with either finds
    both, so `Übernahme` finds `ubernahme` and `uebernahme`.
    """
    options: list[list[str]] = []
    lowered = word.casefold()
    index = 0
    while index < len(lowered):
        char = lowered[index]
        pair = lowered[index : index + 2]
        if char in _UMLAUTS:
            base = _UMLAUTS[char]
            options.append([base, base + "e"])
            index += 1
        elif pair in _DIGRAPHS:
            options.append([pair, _DIGRAPHS[pair]])
            index += 2
        else:
            options.append([fold(char)])
            index += 1
    results = [""]
    for choices in options:
        results = [prefix + choice for prefix in results for choice in choices][:16]
    return tuple(dict.fromkeys(result for result in results if result))
