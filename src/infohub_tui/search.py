"""Search across every pane of a hub; no Textual here.

The index keeps, for each folded word, which entries contain it in their
heading and which in their other fields, as bit masks over all entries. A
query word matches index words exactly, as a prefix or (from three letters
on) as a substring; every word of a query must match, in any order, and a
`"quoted phrase"` must also appear as written. Hits rank heading matches above
body matches and whole words above prefixes above substrings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache

from .folding import Span, fold, fold_with_offsets, original_span, spellings
from .model import PANES, Entry, Pane

__all__ = ["Hit", "Query", "SearchIndex", "SearchResult", "Span", "parse_query"]

MIN_SUBSTRING = 3
SNIPPET_CONTEXT = 30
_WORD = re.compile(r"\w+")
_QUERY_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_HEADING, _BODY = 0, 1
_TIERS = 6  # (heading, body) x (exact, prefix, substring)


@dataclass(frozen=True)
class Query:
    """Words that must all match, and phrases that must appear as written."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.words


def parse_query(text: str) -> Query:
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for match in _QUERY_TOKEN.finditer(text):
        phrase, word = match.group(1), match.group(2)
        parts = tuple(_WORD.findall(phrase if phrase is not None else word))
        words.extend(parts)
        if phrase is not None and len(parts) > 1:
            phrases.append(parts)
    return Query(tuple(dict.fromkeys(words)), tuple(phrases))


@dataclass(frozen=True)
class Hit:
    pane: Pane
    entry_id: str
    heading: str
    field: str
    snippet: str
    snippet_spans: tuple[Span, ...]
    matches: tuple[tuple[str, Span], ...] = dataclass_field(repr=False)
    """Every match in the entry as (field, span in that field's original text)."""

    @property
    def spans(self) -> tuple[Span, ...]:
        """The spans in the hit's own field."""
        return tuple(span for name, span in self.matches if name == self.field)


@dataclass(frozen=True)
class SearchResult:
    query: Query
    hits: tuple[Hit, ...]
    counts: dict[Pane, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class _Vocabulary:
    """Folded words of one field class, each with the mask of entries containing it."""

    def __init__(self, postings: dict[str, list[int]]) -> None:
        self.words = sorted(postings)
        self.masks = [_mask(postings[word]) for word in self.words]
        self.position = {word: index for index, word in enumerate(self.words)}
        self.joined = "\n".join(self.words)
        self.starts: list[int] = []
        offset = 0
        for word in self.words:
            self.starts.append(offset)
            offset += len(word) + 1

    def tiers(self, spelling: str) -> tuple[int, int, int]:
        """Masks of entries where `spelling` is a whole word, a prefix, a substring."""
        exact_index = self.position.get(spelling)
        exact = self.masks[exact_index] if exact_index is not None else 0
        low = bisect_left(self.words, spelling)
        high = bisect_right(self.words, spelling + "\U0010ffff")
        prefix = 0
        for index in range(low, high):
            prefix |= self.masks[index]
        substring = 0
        if len(spelling) >= MIN_SUBSTRING:
            seen: set[int] = set()
            start = self.joined.find(spelling)
            while start != -1:
                index = bisect_right(self.starts, start) - 1
                if index not in seen and not low <= index < high:
                    seen.add(index)
                    substring |= self.masks[index]
                start = self.joined.find(spelling, start + 1)
        return exact, prefix & ~exact, substring & ~prefix & ~exact


def _mask(indices: list[int]) -> int:
    if len(indices) < 64:
        mask = 0
        for index in indices:
            mask |= 1 << index
        return mask
    bits = bytearray(indices[-1] // 8 + 1)
    for index in indices:
        bits[index >> 3] |= 1 << (index & 7)
    return int.from_bytes(bits, "little")


def _bits(mask: int) -> Iterator[int]:
    """Indices of the set bits of `mask`, lowest first."""
    binary = bin(mask)[:1:-1]
    index = binary.find("1")
    while index != -1:
        yield index
        index = binary.find("1", index + 1)


class SearchIndex:
    """An index over every entry of a hub (or any entries), built once."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.pane_masks: dict[Pane, int] = {pane: 0 for pane in PANES}
        postings: tuple[defaultdict[str, list[int]], defaultdict[str, list[int]]] = (
            defaultdict(list),
            defaultdict(list),
        )
        pane_indices: dict[Pane, list[int]] = {pane: [] for pane in PANES}
        corpus: list[str] = []
        self.entry_starts: list[int] = []
        offset = 0
        heading_postings, body_postings = postings
        find_words = _WORD.findall
        for index, entry in enumerate(self.entries):
            pane_indices[entry.pane].append(index)
            heading, *rest = [fold(text).replace("\n", " ") for _name, text in entry.searchable()]
            body = " ".join(rest)
            self.entry_starts.append(offset)
            joined = "\n".join((heading, *rest))
            corpus.append(joined)
            offset += len(joined) + 1
            for word in set(find_words(heading)):
                heading_postings[word].append(index)
            for word in set(find_words(body)):
                body_postings[word].append(index)
        self.pane_masks = {pane: _mask(indices) for pane, indices in pane_indices.items()}
        self.corpus = "\n".join(corpus)
        """Every field folded, one per line (its own newlines as spaces), for phrase checks."""
        self.vocabularies = (_Vocabulary(postings[_HEADING]), _Vocabulary(postings[_BODY]))
        self._tier_cache = lru_cache(maxsize=256)(self._word_tiers)

    def clear_caches(self) -> None:
        """Forget cached word lookups and patterns, so the next query pays its full cost."""
        self._tier_cache.cache_clear()
        _pattern.cache_clear()

    def _word_tiers(self, word: str) -> tuple[int, ...]:
        tiers = [0] * _TIERS
        for spelling in spellings(word):
            for field_class, vocabulary in enumerate(self.vocabularies):
                for kind, mask in enumerate(vocabulary.tiers(spelling)):
                    tiers[field_class * 3 + kind] |= mask
        return tuple(tiers)

    def search(self, text: str, limit: int = 100) -> SearchResult:
        query = parse_query(text)
        if query.empty:
            return SearchResult(query, (), {pane: 0 for pane in PANES})
        word_tiers = [self._tier_cache(word) for word in query.words]
        matching = -1
        for tiers in word_tiers:
            any_tier = 0
            for mask in tiers:
                any_tier |= mask
            matching &= any_tier
        if matching and query.phrases:
            matching = self._with_phrases(matching, query)
        counts = {pane: (matching & mask).bit_count() for pane, mask in self.pane_masks.items()}
        hits = [self._hit(index, query) for index in self._ranked(matching, word_tiers, limit)]
        return SearchResult(query, tuple(hits), counts)

    def _ranked(self, matching: int, word_tiers: list[tuple[int, ...]], limit: int) -> list[int]:
        """Entries by the sum of each word's best tier, then in content order."""
        by_score = {0: matching}
        for tiers in word_tiers:
            next_scores: dict[int, int] = {}
            covered = 0
            for tier_rank, tier in enumerate(tiers):
                best_here = tier & ~covered
                covered |= tier
                for score, mask in by_score.items():
                    both = mask & best_here
                    if both:
                        next_scores[score + tier_rank] = next_scores.get(score + tier_rank, 0) | both
            by_score = next_scores
        ranked: list[int] = []
        for score in sorted(by_score):
            for index in _bits(by_score[score]):
                ranked.append(index)
                if len(ranked) >= limit:
                    return ranked
        return ranked

    def _with_phrases(self, matching: int, query: Query) -> int:
        for phrase in query.phrases:
            matching &= _mask(sorted(self._phrase_entries(phrase)))
        return matching

    def _phrase_entries(self, phrase: tuple[str, ...]) -> set[int]:
        """Entries containing `phrase`; the regex scan runs in C, word starts are checked here."""
        corpus = self.corpus
        found: set[int] = set()
        for match in _pattern(phrase, whole=True, within_line=True, anchored=False).finditer(corpus):
            start = match.start()
            if start == 0 or not (corpus[start - 1].isalnum() or corpus[start - 1] == "_"):
                found.add(bisect_right(self.entry_starts, start) - 1)
        return found

    def _hit(self, index: int, query: Query) -> Hit:
        entry = self.entries[index]
        patterns = [_pattern((word,), whole=False) for word in query.words]
        patterns += [_pattern(phrase, whole=True) for phrase in query.phrases]
        matches: list[tuple[str, Span]] = []
        best_field, best_count = entry.searchable()[0][0], 0
        for name, text in entry.searchable():
            folded, offsets = fold_with_offsets(text)
            spans = []
            patterns_found = 0
            for pattern in patterns:
                found = [
                    original_span(offsets, match.start(), match.end())
                    for match in pattern.finditer(folded)
                    if match.end() > match.start()
                ]
                patterns_found += bool(found)
                spans.extend(found)
            if patterns_found > best_count:
                best_field, best_count = name, patterns_found
            matches.extend((name, span) for span in _merge(spans))
        field_text = dict(entry.searchable())[best_field]
        snippet, snippet_spans = _snippet(field_text, [s for n, s in matches if n == best_field])
        return Hit(entry.pane, entry.id, entry.heading, best_field, snippet, snippet_spans, tuple(matches))


@lru_cache(maxsize=512)
def _pattern(
    words: tuple[str, ...], whole: bool, within_line: bool = False, anchored: bool = True
) -> re.Pattern[str]:
    """A regex over folded text: each word in any of its spellings, phrases across punctuation.

    `anchored=False` leaves the word-start check of the first word to the caller,
    so that the regex keeps a literal prefix and scans fast.
    """
    parts = []
    for position, word in enumerate(words):
        options = spellings(word)
        alternatives = (
            re.escape(options[0]) if len(options) == 1 else "(?:" + "|".join(map(re.escape, options)) + ")"
        )
        short = len(fold(word)) < MIN_SUBSTRING
        at_word_start = (short or whole) and (anchored or position > 0)
        parts.append(rf"(?<!\w){alternatives}" if at_word_start else alternatives)
    separator = r"[^\w\n]+" if within_line else r"\W+"
    return re.compile(separator.join(parts) + (r"(?!\w)" if whole else ""))


def _merge(spans: Sequence[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_MARKDOWN_EMPHASIS = "*`"


def without_emphasis(text: str, spans: Sequence[Span]) -> tuple[str, list[Span]]:
    """`text` without Markdown's `*` and backtick marks, with `spans` moved to match."""
    kept: list[int] = []
    for index, char in enumerate(text):
        if char not in _MARKDOWN_EMPHASIS:
            kept.append(index)
    if len(kept) == len(text):
        return text, list(spans)
    new_position = {old: new for new, old in enumerate(kept)}
    plain = "".join(text[index] for index in kept)
    moved = []
    for start, end in spans:
        inside = [new_position[i] for i in range(start, end) if i in new_position]
        if inside:
            moved.append((inside[0], inside[-1] + 1))
    return plain, moved


def _snippet(text: str, spans: Sequence[Span]) -> tuple[str, tuple[Span, ...]]:
    """A one-line excerpt around the first match, with match spans inside it."""
    text, spans = without_emphasis(text, spans)
    flat = text.replace("\n", " ")
    if not spans:
        cut = flat[: SNIPPET_CONTEXT * 2]
        return cut + ("…" if len(flat) > len(cut) else ""), ()
    first = spans[0][0]
    start = max(0, first - SNIPPET_CONTEXT)
    end = min(len(flat), spans[0][1] + SNIPPET_CONTEXT * 2)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start)
    return prefix + flat[start:end] + suffix, inside
