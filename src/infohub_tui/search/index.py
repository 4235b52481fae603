"""Search across every pane of a hub; no Textual here.

The index keeps, for each folded word, which entries contain it in their
heading and which in their other fields, as bit masks over all entries. A
query word matches index words exactly, as a prefix or (from three letters
on) as a substring; every word of a query must match, in any order, and a
`"quoted phrase"` must also appear as written. Hits rank heading matches above
body matches and whole words above prefixes above substrings.

For phrases every entry is also kept as a string of word codes, one short code
per word, so that a phrase is a plain substring search over a few megabytes
even at tens of thousands of entries. Spans and snippets are computed only for
the hits returned, and the matches in a hit's other fields only when asked for.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cached_property, lru_cache
from itertools import accumulate, islice, product

from infohub_tui.hub.model import PANES, Entry, Pane
from infohub_tui.text.folding import Span, fold, fold_with_offsets, original_span, spellings
from infohub_tui.text.plain_text import without_emphasis

__all__ = ["Hit", "Query", "SearchIndex", "SearchResult", "Span", "parse_query"]

MIN_SUBSTRING = 3
SNIPPET_CONTEXT = 30
_WORD = re.compile(r"\w+")
_QUERY_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
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
    spans: tuple[Span, ...]
    """The matches in the hit's own field, as spans of its original text."""
    entry: Entry = dataclass_field(repr=False, compare=False)
    patterns: tuple[re.Pattern[str], ...] = dataclass_field(repr=False, compare=False)

    @cached_property
    def matches(self) -> tuple[tuple[str, Span], ...]:
        """Every match in the entry as (field, span in that field's original text)."""
        return tuple(
            (name, span)
            for name, text in self.entry.searchable()
            for span in (self.spans if name == self.field else _spans(text, self.patterns))
        )


@dataclass(frozen=True)
class SearchResult:
    query: Query
    hits: tuple[Hit, ...]
    counts: dict[Pane, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def limited(self) -> bool:
        """The search stopped at its limit: more entries match than `hits` holds."""
        return len(self.hits) < self.total


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


_BINARY_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def _mask(indices: list[int]) -> int:
    """The bit mask with a bit set for each of the ascending `indices`."""
    if len(indices) < 64:
        mask = 0
        for index in indices:
            mask |= 1 << index
        return mask
    flags = bytearray(indices[-1] + 1)
    for index in indices:
        flags[index] = 1
    flags.reverse()
    return int(flags.translate(_BINARY_DIGITS), 2)


def _bits(mask: int) -> Iterator[int]:
    """Indices of the set bits of `mask`, lowest first."""
    binary = bin(mask)[:1:-1]
    index = binary.find("1")
    while index != -1:
        yield index
        index = binary.find("1", index + 1)


_FIELD_BREAK = "\x02"  # a word of its own between fields: neither white space nor a word character
_ENTRY_BREAK = "\x1e"
_ASCII_NON_WORD = str.maketrans(
    {char: " " for char in map(chr, range(128)) if not (char.isalnum() or char in "_\x02\x1e")}
)
_NON_WORD = re.compile(r"[^\w\x02\x1e]+")


def _folded_entries(entries: Sequence[Entry]) -> list[str]:
    """Each entry's searchable fields folded, words apart by white space, `_FIELD_BREAK` between fields.

    All entries are folded and cleaned in one pass over one string (see BENCHMARKS.md).
    """
    if not entries:
        return []
    fields = [entry.search_texts() for entry in entries]
    field_break = f" {_FIELD_BREAK} "
    joined = _ENTRY_BREAK.join([field_break.join(texts) for texts in fields])
    if joined.count(_ENTRY_BREAK) + joined.count(_FIELD_BREAK) != sum(map(len, fields)) - 1:
        clean = str.maketrans(_ENTRY_BREAK + _FIELD_BREAK, "  ")
        joined = _ENTRY_BREAK.join(
            field_break.join(text.translate(clean) for text in texts) for texts in fields
        )
    folded = fold(joined)
    return (folded.translate(_ASCII_NON_WORD) if folded.isascii() else _NON_WORD.sub(" ", folded)).split(
        _ENTRY_BREAK
    )


class _TooManyWords(Exception):
    pass


class _WordCodes(dict[str, str]):
    """A short code for each distinct word, so that an entry becomes a string of codes and
    a phrase a substring of it: phrases are found by `str.find`, with no regex.

    A code is one character; in a vocabulary too large for that, two.
    """

    capacity = 0x10FFFE  # codes of one character: chr(1) to chr(0x10FFFE)

    def __init__(self, width: int) -> None:
        self.width = width
        self.separator = "\x00" * width
        super().__init__({_FIELD_BREAK: self.separator})

    def __missing__(self, word: str) -> str:
        number = len(self) - 1
        if number >= self.capacity**self.width:
            raise _TooManyWords
        if self.width == 1:
            code = chr(1 + number)
        else:
            code = chr(1 + number % self.capacity) + chr(1 + number // self.capacity)
        self[word] = code
        return code


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building creates millions of small objects and no cycles: don't let the collector chase them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class SearchIndex:
    """An index over every entry of a hub (or any entries), built once."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        with _collector_paused():
            try:
                self._build(_WordCodes(width=1))
            except _TooManyWords:
                self._build(_WordCodes(width=2))
        self._tiers_by_word: dict[str, tuple[int, ...]] = {}

    def _build(self, codes: _WordCodes) -> None:
        heading_postings: defaultdict[str, list[int]] = defaultdict(list)
        body_postings: defaultdict[str, list[int]] = defaultdict(list)
        pane_indices: dict[Pane, list[int]] = {pane: [] for pane in PANES}
        coded: list[str] = []
        code = codes.__getitem__
        for index, (entry, text) in enumerate(zip(self.entries, _folded_entries(self.entries), strict=True)):
            pane_indices[entry.pane].append(index)
            words = text.split()
            heading_end = words.index(_FIELD_BREAK) if _FIELD_BREAK in words else len(words)
            for word in set(words[:heading_end]):
                heading_postings[word].append(index)
            body = set(words[heading_end:])
            body.discard(_FIELD_BREAK)
            for word in body:
                body_postings[word].append(index)
            coded.append("".join(map(code, words)))
        self.pane_masks = {pane: _mask(indices) for pane, indices in pane_indices.items()}
        self.vocabularies = (_Vocabulary(heading_postings), _Vocabulary(body_postings))
        self.codes = codes
        self.coded_corpus = codes.separator.join(coded)
        """Every entry's fields as word codes, for phrases."""
        self.entry_starts = list(accumulate((len(text) + codes.width for text in coded[:-1]), initial=0))

    def clear_caches(self) -> None:
        """Forget cached word lookups and patterns, so the next query pays its full cost."""
        self._tiers_by_word.clear()
        _pattern.cache_clear()
        _patterns.cache_clear()

    def _cached_tiers(self, word: str) -> tuple[int, ...]:
        tiers = self._tiers_by_word.get(word)
        if tiers is None:
            if len(self._tiers_by_word) >= 256:
                self._tiers_by_word.clear()
            tiers = self._tiers_by_word[word] = self._word_tiers(word)
        return tiers

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
        word_tiers = [self._cached_tiers(word) for word in query.words]
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
        """Entries with the words of `phrase` one after the other in one field."""
        codes = self.codes
        options = [[codes[s] for s in spellings(word) if s in codes] for word in phrase]
        corpus, starts, width = self.coded_corpus, self.entry_starts, codes.width
        found: set[int] = set()
        for combination in islice(product(*options), 64):
            needle = "".join(combination)
            position = corpus.find(needle)
            while position != -1:
                if position % width:  # inside a word's code, not at its start
                    position = corpus.find(needle, position + 1)
                    continue
                entry = bisect_right(starts, position) - 1
                found.add(entry)
                position = corpus.find(needle, starts[entry + 1]) if entry + 1 < len(starts) else -1
        return found

    def _hit(self, index: int, query: Query) -> Hit:
        """The entry's field with most of the query in it, and a snippet of it; other fields on demand."""
        entry = self.entries[index]
        patterns = _patterns(query)
        fields = entry.searchable()
        best_field, best_text = fields[0]
        best_count = 0
        for name, text in fields:
            folded = fold(text)
            found = sum(1 for pattern in patterns if pattern.search(folded))
            if found > best_count:
                best_field, best_text, best_count = name, text, found
                if found == len(patterns):
                    break
        spans = _spans(best_text, patterns)
        snippet, snippet_spans = _snippet(best_text, spans)
        return Hit(
            entry.pane,
            entry.id,
            entry.heading,
            best_field,
            snippet,
            snippet_spans,
            tuple(spans),
            entry,
            patterns,
        )


def _spans(text: str, patterns: Iterable[re.Pattern[str]]) -> list[Span]:
    """Where the patterns match `text` after folding, as merged spans of `text`."""
    folded, offsets = fold_with_offsets(text)
    found = [
        original_span(offsets, match.start(), match.end())
        for pattern in patterns
        for match in pattern.finditer(folded)
        if match.end() > match.start()
    ]
    return _merge(found)


@lru_cache(maxsize=64)
def _patterns(query: Query) -> tuple[re.Pattern[str], ...]:
    words = [_pattern((word,), whole=False) for word in query.words]
    return (*words, *(_pattern(phrase, whole=True) for phrase in query.phrases))


@lru_cache(maxsize=512)
def _pattern(words: tuple[str, ...], whole: bool) -> re.Pattern[str]:
    """A regex over folded text: each word in any of its spellings, phrases across punctuation."""
    parts = []
    for word in words:
        options = spellings(word)
        alternatives = (
            re.escape(options[0]) if len(options) == 1 else "(?:" + "|".join(map(re.escape, options)) + ")"
        )
        short = len(fold(word)) < MIN_SUBSTRING
        parts.append(rf"(?<!\w){alternatives}" if short or whole else alternatives)
    return re.compile(r"\W+".join(parts) + (r"(?!\w)" if whole else ""))


def _merge(spans: Sequence[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


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
