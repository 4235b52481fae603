"""The bundled content's `as_of` dates agree with the entries' own sources and text.

An entry's `as_of` is the day its main text describes (for a statement, the day of the claim;
for a fact or an answer, the state it reports). Three rules, checked in both languages:

1. **Nothing later without a dating sentence.** If one of the entry's sources carries a date
   after `as_of`, or its main text (everything but the note) names a month and year after
   `as_of`'s, the entry's editors' note must say why the entry is dated as it is, in a
   *dating sentence*: in English "We date this entry by …", "We date this answer by …" or
   "… is dated by …"; in German "Wir datieren diesen Eintrag/diese Antwort nach …" or
   "Dieser Eintrag/Diese Antwort ist nach … datiert". Typical reasons: an order published
   days after it was signed, a later report that is the only copy of an earlier text, or
   what came later, told in the note and linked under `later`.
2. **"As of" means `as_of`.** Every "as of <Month> <Year>" (German "Stand <Monat> <Jahr>")
   in the main text names `as_of`'s month and year.
3. **An opening date is `as_of`.** A main text that opens with a date ("In August 2020: …",
   "As of July 2021: …"; German "Im August 2020 …", "Stand Juli 2021: …") opens with
   `as_of`'s month and year.

The English and German entries carry the same `as_of` and `later` links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

import pytest

from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import PANES, Entry, Hub, Pane, StorageFact
from infohub_tui.i18n import Translator
from infohub_tui.locations import bundled_content_dir


@dataclass(frozen=True)
class Language:
    months: tuple[str, ...]
    as_of_word: str
    opening_words: tuple[str, ...]
    dating_sentence: re.Pattern[str]


LANGUAGES = {
    "en": Language(
        months=tuple(Translator("en").month_name(month) for month in range(1, 13)),
        as_of_word="as of",
        opening_words=("In", "As of", "On"),
        dating_sentence=re.compile(r"\bwe date this (?:entry|answer) by\b|\bis dated by\b", re.IGNORECASE),
    ),
    "de": Language(
        months=tuple(Translator("de").month_name(month) for month in range(1, 13)),
        as_of_word="Stand",
        opening_words=("Im", "Stand", "Am"),
        dating_sentence=re.compile(
            r"\bwir datieren (?:diesen eintrag|diese antwort) nach\b"
            r"|\b(?:dieser eintrag|diese antwort) ist nach\b[^.]*\bdatiert\b",
            re.IGNORECASE,
        ),
    ),
}


def _month_years(text: str, language: Language) -> list[tuple[int, int]]:
    """(year, month) of every "<Month> <Year>" the text names, in order."""
    pattern = re.compile(r"\b(" + "|".join(language.months) + r")\s+(\d{4})\b")
    return [(int(year), language.months.index(month) + 1) for month, year in pattern.findall(text)]


def _main_text(entry: Entry) -> str:
    return "\n".join(text for field, text in entry.searchable() if field != "note")


def _body(entry: Entry) -> str:
    return entry.body.strip()


def problems(hub: Hub) -> list[str]:
    """Every entry whose `as_of` disagrees with its sources or its text, with the reason."""
    language = LANGUAGES[hub.lang]
    found: list[str] = []
    for entry in hub.all_entries():
        if entry.as_of is None:
            continue
        name = f"{hub.lang} {entry.reference}"
        as_of = (entry.as_of.year, entry.as_of.month)
        later_sources = [s.id for s in hub.sources_of(entry) if s.date is not None and s.date > entry.as_of]
        main = _main_text(entry)
        later_months = [when for when in _month_years(main, language) if when > as_of]
        if (later_sources or later_months) and not language.dating_sentence.search(entry.note or ""):
            found.append(
                f"{name}: as of {entry.as_of}, but sources {later_sources} and months {later_months} "
                "are later, and the note has no dating sentence"
            )
        as_of_phrase = re.compile(rf"\b{language.as_of_word}\s+((?:\w+\s+)?\d{{4}})", re.IGNORECASE)
        for phrase in as_of_phrase.findall(main):
            if _month_years(phrase, language) != [as_of]:
                found.append(f"{name}: says {language.as_of_word!r} {phrase!r}, but as_of is {entry.as_of}")
        opening_match = re.match(rf"(?:{'|'.join(language.opening_words)})\b[^.:;,]*", _body(entry))
        opening = opening_match.group(0) if opening_match else ""
        opening_dates = _month_years(opening, language)
        if opening_dates and opening_dates[0] != as_of:
            found.append(f"{name}: opens with {opening!r}, but as_of is {entry.as_of}")
    return found


@pytest.fixture(scope="module", params=["en", "de"])
def hub(request: pytest.FixtureRequest) -> Hub:
    return load_hub(bundled_content_dir(), request.param)


def test_as_of_agrees_with_sources_and_text(hub: Hub) -> None:
    assert problems(hub) == []


def test_both_languages_date_alike() -> None:
    english, german = (load_hub(bundled_content_dir(), lang) for lang in ("en", "de"))
    for pane in PANES:
        for en_entry, de_entry in zip(english.entries(pane), german.entries(pane), strict=True):
            assert (en_entry.as_of, en_entry.later) == (de_entry.as_of, de_entry.later), en_entry.id


def _entry(hub: Hub, note: str | None, body: str, as_of: date, sources: tuple[str, ...]) -> Hub:
    """`hub` holding only its first storage fact, changed: the rules read only as_of, sources,
    text and note."""
    first = next(entry for entry in hub.entries(Pane.STORAGE) if isinstance(entry, StorageFact))
    changed = replace(first, note=note, detail=body, as_of=as_of, sources=sources)
    return replace(hub, entries_by_pane={Pane.STORAGE: (changed,)})


def test_the_rules_catch_what_the_audit_found() -> None:
    """The audit's two cases, in the English content's own words: an answer that opens "In
    August 2020" dated June 2022, and an entry dated August 2020 that describes a 2022 page."""
    hub = load_hub(bundled_content_dir(), "en")
    old = date(2020, 8, 17)
    opens_earlier = _entry(hub, None, "In August 2020: in Virginia.", date(2022, 6, 17), ())
    describes_later = _entry(hub, None, "In a version of June 2022 or after, the page said so.", old, ())
    later_source = _entry(hub, "Our reading.", "TikTok said so.", old, ("tiktok-data-governance-2022",))
    explained = _entry(
        hub,
        "We date this entry by the hub's launch.",
        "TikTok said so.",
        old,
        ("tiktok-data-governance-2022",),
    )
    assert problems(opens_earlier) and problems(describes_later) and problems(later_source)
    assert problems(explained) == []
