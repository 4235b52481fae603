"""The entry body's Markdown parser, which can mark search matches. No Textual here.

An entry's body is Markdown, and a search hit in it is a span of the body's
source text. The parser marks those spans on the parsed text itself, so the
entry shown from a search hit is the same Markdown as the plain entry (its
paragraphs reflowed, its bold kept), with the matches on top: each text piece
of a paragraph is found in the source, and the parts of it inside a span are
wrapped in strike tokens, the one inline style besides emphasis and code that
Textual's Markdown widget draws; the reader's stylesheet draws them as
highlights. Strikethrough itself is switched off (the content does not use it):
`~~` shows as written, never as a search match. A piece that cannot be found
as written (an escape or an entity) stays unmarked.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from infohub_tui.text.folding import Span

MARK_OPEN, MARK_CLOSE = "s_open", "s_close"


def body_parser(source: str = "", spans: Sequence[Span] = ()) -> MarkdownIt:
    """The parser for entry bodies; with `spans`, it marks those spans of `source` when it parses it."""
    # No linkify: a bare domain in a body ("tiktokus.info") is the editors' text, not a link (a
    # body's links open nothing; the sources are the links), and compiling linkify's patterns
    # was 19 of the 63 ms the reader's start took beyond a bare Textual app's (BENCHMARKS.md).
    parser = MarkdownIt("gfm-like").disable(["strikethrough", "linkify"])
    if spans:
        marks = sorted(spans)
        parser.core.ruler.push("search_marks", lambda state: _mark(state, source, marks))
    return parser


def _mark(state: StateCore, source: str, spans: list[Span]) -> None:
    if state.src != source:  # another text than the one the spans are of
        return
    line_starts = [0, *accumulate(len(line) for line in source.splitlines(keepends=True))]
    for token in state.tokens:
        if token.type != "inline" or not token.children or token.map is None:
            continue
        start, end = line_starts[token.map[0]], line_starts[min(token.map[1], len(line_starts) - 1)]
        token.children = _marked_children(token.children, source, start, end, spans)


def _marked_children(
    children: list[Token], source: str, start: int, end: int, spans: list[Span]
) -> list[Token]:
    marked: list[Token] = []
    position = start
    for child in children:
        if child.type not in ("text", "code_inline") or not child.content:
            marked.append(child)
            continue
        found = source.find(child.content, position, end)
        if found < 0:
            marked.append(child)
            continue
        position = found + len(child.content)
        if child.type == "code_inline":  # one styled piece: it is not split
            marked.append(child)
            continue
        marked.extend(_split(child.content, found, spans))
    return marked


def _split(text: str, offset: int, spans: list[Span]) -> list[Token]:
    """`text` (at `offset` in the source) as text tokens, the parts inside `spans` marked."""
    pieces: list[Token] = []
    cut = 0
    for span_start, span_end in spans:
        first, last = max(span_start - offset, cut), min(span_end - offset, len(text))
        if last <= first:
            continue
        if first > cut:
            pieces.append(_text(text[cut:first]))
        pieces.extend((Token(MARK_OPEN, "s", 1), _text(text[first:last]), Token(MARK_CLOSE, "s", -1)))
        cut = last
    if cut < len(text):
        pieces.append(_text(text[cut:]))
    return pieces


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)
