"""Search matches marked on the parsed Markdown of an entry body, not on its source text."""

from __future__ import annotations

import re

from infohub_tui.text.markdown_marks import body_parser


def inline(source: str, word: str) -> list[list[tuple[str, str]]]:
    spans = [match.span() for match in re.finditer(word, source)]
    tokens = body_parser(source, spans).parse(source)
    return [
        [(child.type, child.content) for child in token.children or []] for token in tokens if token.children
    ]


def marked(source: str, word: str) -> list[str]:
    found = []
    for children in inline(source, word):
        found += [children[i + 1][1] for i, (kind, _) in enumerate(children) if kind == "s_open"]
    return found


def test_matches_are_marked_in_plain_text_bold_and_list_items() -> None:
    source = "Stored in **Virginia, US**\nand Virginia again.\n\n- Virginia\n"
    assert marked(source, "Virginia") == ["Virginia", "Virginia", "Virginia"]
    first = inline(source, "Virginia")[0]
    assert first[:5] == [
        ("text", "Stored in "),
        ("strong_open", ""),
        ("s_open", ""),
        ("text", "Virginia"),
        ("s_close", ""),
    ]
    assert ("softbreak", "") in first, "the line break stays a soft break: the paragraph reflows"


def test_without_matches_the_tokens_are_the_plain_parse() -> None:
    source = "A **bold** line\nwrapped."
    plain = body_parser().parse(source)
    assert [t.as_dict() for t in body_parser(source, []).parse(source)] == [t.as_dict() for t in plain]


def test_spans_of_another_text_mark_nothing() -> None:
    parser = body_parser("Other text with Virginia", [(16, 24)])
    assert not any(
        child.type == "s_open" for token in parser.parse("Virginia here") for child in token.children or []
    )


def test_strikethrough_is_text_so_it_never_looks_like_a_match() -> None:
    children = inline("~~gone~~", "nothing")[0]
    assert children == [("text", "~~gone~~")]


def test_a_bare_domain_is_text_and_a_written_link_stays_a_link() -> None:
    """A body's bare domain is the editors' text, not a link nobody can open."""
    children = inline("See tiktokus.info and https://example.org/a.", "nothing")[0]
    assert children == [("text", "See tiktokus.info and https://example.org/a.")]
    written = [kind for kind, _ in inline("See [the page](https://example.org/a).", "nothing")[0]]
    assert written == ["text", "link_open", "text", "link_close", "text"]


def test_a_match_across_an_escape_is_left_unmarked_and_later_ones_still_marked() -> None:
    source = "a \\* data\n\nmore data"
    assert marked(source, "data") == ["data"]
