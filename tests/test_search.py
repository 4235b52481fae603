"""The search module, without any app: folding, phrases, ranking, spans, snippets."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infohub_tui.hub.model import FaqEntry, Pane, Statement
from infohub_tui.search import index as search
from infohub_tui.search.index import SearchIndex, parse_query
from infohub_tui.text.folding import fold, spellings

from .helpers import fixture_hub


def faq(entry_id: str, question: str, answer: str = "An answer.") -> FaqEntry:
    return FaqEntry(id=entry_id, sources=("s",), question=question, answer=answer, answered_by="Someone")


def statement(entry_id: str, title: str, body: str) -> Statement:
    return Statement(
        id=entry_id, sources=("s",), date=date(2020, 8, 17), speaker_name="Someone", title=title, text=body
    )


def test_folding_ignores_case_accents_and_sharp_s() -> None:
    assert fold("Übernahme STRASSE Straße Café") == "ubernahme strasse strasse cafe"


def test_umlauts_match_both_spellings() -> None:
    index = SearchIndex(
        [faq("a", "Die Übernahme"), faq("b", "Die Uebernahme"), faq("c", "Die Ubernahme"), faq("d", "Andere")]
    )
    for query in ("Übernahme", "uebernahme", "ÜBERNAHME"):
        assert sorted(hit.entry_id for hit in index.search(query).hits) == ["a", "b", "c"], query
    assert sorted(hit.entry_id for hit in index.search("ubernahme").hits) == ["a", "c"]
    assert set(spellings("Straße")) == {"strasse"}
    assert [hit.entry_id for hit in SearchIndex([faq("s", "Die Strasse")]).search("Straße").hits] == ["s"]


def test_all_words_must_match_in_any_order() -> None:
    index = SearchIndex(
        [faq("a", "data stored in Virginia"), faq("b", "Virginia only"), faq("c", "stored data")]
    )
    assert [hit.entry_id for hit in index.search("virginia data").hits] == ["a"]
    assert sorted(hit.entry_id for hit in index.search("data stored").hits) == ["a", "c"]


def test_quoted_phrase_must_appear_as_written() -> None:
    index = SearchIndex([faq("a", "set the record straight"), faq("b", "the record was set straight")])
    assert [hit.entry_id for hit in index.search('"set the record"').hits] == ["a"]
    assert sorted(hit.entry_id for hit in index.search("set the record").hits) == ["a", "b"]
    assert parse_query('"set the record" virginia').phrases == (("set", "the", "record"),)


def test_phrase_may_cross_punctuation_but_not_fields() -> None:
    index = SearchIndex([faq("a", "supply, chain"), faq("b", "the supply", answer="chain of events")])
    assert [hit.entry_id for hit in index.search('"supply chain"').hits] == ["a"]


def test_ranking_heading_before_body_and_whole_word_before_prefix_before_substring() -> None:
    index = SearchIndex(
        [
            faq("body-word", "Unrelated", answer="the order was signed"),
            faq("title-substring", "Disorderly conduct"),
            faq("title-prefix", "Ordered lists"),
            faq("title-word", "The order"),
            faq("body-prefix", "Unrelated", answer="orders everywhere"),
        ]
    )
    assert [hit.entry_id for hit in index.search("order").hits] == [
        "title-word",
        "title-prefix",
        "title-substring",
        "body-word",
        "body-prefix",
    ]


def test_short_words_match_only_at_word_starts() -> None:
    index = SearchIndex([faq("a", "US data"), faq("b", "Trust us"), faq("c", "Industrious")])
    assert sorted(hit.entry_id for hit in index.search("us").hits) == ["a", "b"]


def test_hits_report_pane_field_spans_and_snippet() -> None:
    index = SearchIndex([statement("s", "A title", "Data is stored in Virginia with a backup in Singapore.")])
    (hit,) = index.search("virginia").hits
    assert (hit.pane, hit.entry_id, hit.field) == (Pane.STATEMENTS, "s", "body")
    body = "Data is stored in Virginia with a backup in Singapore."
    assert [body[start:end] for start, end in hit.spans] == ["Virginia"]
    assert hit.snippet.startswith("Data is stored in Virginia")
    assert [hit.snippet[start:end] for start, end in hit.snippet_spans] == ["Virginia"]


def test_spans_point_into_the_original_text_with_umlauts() -> None:
    index = SearchIndex([faq("a", "Die große Übernahme")])
    (hit,) = index.search("uebernahme grosse").hits
    assert [hit.heading[start:end] for start, end in hit.spans] == ["große", "Übernahme"]


def test_counts_by_pane_and_no_match() -> None:
    index = SearchIndex(fixture_hub("en").all_entries())
    result = index.search("sampleburg")
    assert result.counts[Pane.STORAGE] >= 2 and result.total == len(result.hits)
    assert index.search("zzqxj").hits == ()
    assert index.search("   ").total == 0


def test_german_content_is_searchable() -> None:
    index = SearchIndex(fixture_hub("de").all_entries())
    ids = [hit.entry_id for hit in index.search("Sicherung Sampleburg").hits]
    assert "backup-location" in ids
    assert [hit.entry_id for hit in index.search("verlaengert").hits][:1] == ["deadline-extended"]


WORD = st.text(alphabet="abcdeäöüßxyz", min_size=1, max_size=8)
TITLE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(titles=st.lists(TITLE, min_size=1, max_size=8), data=st.data())
def test_a_query_taken_from_a_title_finds_that_entry(titles: list[str], data: st.DataObject) -> None:
    index = SearchIndex([faq(f"e-{number}", title) for number, title in enumerate(titles)])
    target = data.draw(st.integers(min_value=0, max_value=len(titles) - 1))
    words = titles[target].split()
    start = data.draw(st.integers(min_value=0, max_value=len(words) - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(words)))
    query = " ".join(words[start:end])
    found = [hit.entry_id for hit in index.search(query, limit=len(titles)).hits]
    assert f"e-{target}" in found
    assert f"e-{target}" in [hit.entry_id for hit in index.search(f'"{query}"', limit=len(titles)).hits]


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(TITLE, min_size=1, max_size=6), query=st.lists(WORD, min_size=1, max_size=3).map(" ".join)
)
def test_every_span_matches_a_query_word_after_folding(texts: list[str], query: str) -> None:
    entries = {f"e-{number}": faq(f"e-{number}", text) for number, text in enumerate(texts)}
    index = SearchIndex(entries.values())
    allowed = {spelling for word in parse_query(query).words for spelling in spellings(word)}
    for hit in index.search(query).hits:
        assert hit.matches, hit
        fields = dict(entries[hit.entry_id].searchable())
        for field_name, (start, end) in hit.matches:
            matched = fold(fields[field_name][start:end])
            assert matched and any(spelling in matched for spelling in allowed), (field_name, matched)


def test_snippets_drop_markdown_emphasis_and_keep_the_highlight() -> None:
    index = SearchIndex([statement("s", "Title", "The app is **not available** in `China`.")])
    (hit,) = index.search("available china").hits
    assert hit.snippet == "The app is not available in China."
    assert [hit.snippet[start:end] for start, end in hit.snippet_spans] == ["available", "China"]


def reference_phrase_ids(entries: list[FaqEntry], phrase: list[str]) -> set[str]:
    """Which entries hold `phrase` in one field, by a plain regex over each folded field."""
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, map(fold, phrase))) + r"(?!\w)")
    return {
        entry.id for entry in entries if any(pattern.search(fold(text)) for _name, text in entry.searchable())
    }


PUNCTUATED = st.lists(
    st.tuples(WORD, st.sampled_from([" ", ", ", " - ", ".\n", "  "])), min_size=1, max_size=8
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(st.tuples(PUNCTUATED, PUNCTUATED), min_size=1, max_size=8),
    phrase=st.lists(st.text(alphabet="abcxyz", min_size=1, max_size=3), min_size=2, max_size=3),
    wide_codes=st.booleans(),
)
def test_phrases_find_exactly_the_entries_a_regex_finds(
    texts: list[tuple[str, str]], phrase: list[str], wide_codes: bool
) -> None:
    entries = [faq(f"e-{number}", question, answer) for number, (question, answer) in enumerate(texts)]
    vocabulary = {
        word
        for entry in entries
        for _name, text in entry.searchable()
        for word in re.findall(r"\w+", fold(text))
    }
    with pytest.MonkeyPatch.context() as patch:
        if wide_codes and len(vocabulary) >= 3:  # too many words for one-character codes, made small
            patch.setattr(search._WordCodes, "capacity", len(vocabulary) - 1)
        index = SearchIndex(entries)
    if wide_codes and len(vocabulary) >= 3:
        assert index.codes.width == 2
    found = {hit.entry_id for hit in index.search('"' + " ".join(phrase) + '"', limit=len(entries)).hits}
    assert found == reference_phrase_ids(entries, phrase)


def test_the_index_is_not_confused_by_its_own_separator_characters() -> None:
    entries = [faq("a", "one\x02two\x1ethree", answer="four"), faq("b", "five", answer="six\x1eseven")]
    index = SearchIndex(entries)
    assert [hit.entry_id for hit in index.search("three").hits] == ["a"]
    assert [hit.entry_id for hit in index.search("seven").hits] == ["b"]
    assert [hit.entry_id for hit in index.search('"two three"').hits] == ["a"]


def test_two_character_codes_match_only_at_word_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    # With room for two one-character codes, three words get two characters each:
    # alpha = "\x01\x01", beta = "\x02\x01", someone = "\x01\x02". The second entry's
    # codes then hold "beta alpha" one character off a word boundary.
    monkeypatch.setattr(search._WordCodes, "capacity", 2)
    entries = [faq("a", "alpha beta", answer="alpha"), faq("b", "someone alpha alpha beta", answer="beta")]
    index = SearchIndex(entries)
    assert index.codes.width == 2
    assert index.search('"beta alpha"').hits == ()
    assert [hit.entry_id for hit in index.search('"alpha beta"').hits] == ["a", "b"]
