"""The qualifications an audit of the bundled content asked for (issue 22) stay in it.

Each test names the claim it guards: TikTok's "strict controls" are weighed against the 2022
press report of access from China, not only against the absence of an audit; Chew's testimony
is not made to say more than his quoted words; the House bill's 180 days are told apart from
the introduced bill's reported 165 and the enacted 270; the German renders a declaration under
penalty of perjury as an "eidesstattliche Erklärung". The recheck of the 2025-2026 epilogue: EO
14352 is told as its text reads (the operation of the algorithms, a prohibition that ends *if*
CFIUS signs), the joint venture's ownership is attributed to the report that gives it, and no
source note quotes words its page was not found to hold.
"""

from __future__ import annotations

import pytest

from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Entry, Hub, Pane, Reference
from infohub_tui.locations import bundled_content_dir

REPORT_2022 = "buzzfeed-2022-06-17"
# What an entry says when it weighs TikTok's claims about employee access to US user data.
ACCESS_WORDS = ("strict controls", "employee access", "employee protections")


@pytest.fixture(scope="module", params=["en", "de"])
def hub(request: pytest.FixtureRequest) -> Hub:
    return load_hub(bundled_content_dir(), request.param)


@pytest.fixture(scope="module")
def english() -> Hub:
    return load_hub(bundled_content_dir(), "en")


def _text(entry: Entry) -> str:
    return " ".join(" ".join(value.split()) for _field, value in entry.searchable())


def test_the_2022_report_is_its_own_source(hub: Hub) -> None:
    source = hub.sources[REPORT_2022]
    assert source.publisher == "BuzzFeed News" and source.author == "Emily Baker-White"
    assert source.url == (
        "https://www.buzzfeednews.com/article/emilybakerwhite/tiktok-tapes-us-user-data-china-bytedance-access"
    )
    assert source.date is not None and source.date.isoformat() == "2022-06-17"
    assert source.title.startswith("Leaked Audio From 80 Internal TikTok Meetings")


def test_entries_weighing_tiktoks_access_claims_cite_the_2022_report(english: Hub) -> None:
    weighing = [
        entry for entry in english.all_entries() if any(word in _text(entry).lower() for word in ACCESS_WORDS)
    ]
    assert {str(entry.reference) for entry in weighing} >= {
        "storage:employee-access",
        "statements:hub-record-straight",
        "faq:where-is-data-stored",
    }
    for entry in weighing:
        assert REPORT_2022 in entry.sources, f"{entry.reference} weighs TikTok's access claims without it"


def test_chews_testimony_is_not_made_to_say_more_than_his_words(hub: Hub) -> None:
    entry = next(e for e in hub.entries(Pane.STORAGE) if e.id == "employee-access")
    note = entry.note or ""
    assert "said as much" not in note and "Dasselbe sagte er" not in note
    assert ("in so many words" in note) if hub.lang == "en" else ("ausdrücklich" in note)
    for other in hub.all_entries():
        text = _text(other)
        for phrase in ("under oath", "unter Eid"):
            if phrase in text:
                assert "The Spectator" in text, f"{other.reference}: {phrase!r} without its source"


def test_the_bill_versions_are_told_apart(hub: Hub) -> None:
    note = " ".join((hub.sources["pl-118-50"].note or "").split())
    for figure in ("180", "165", "270", "H.R. 7521", "H.R. 815", "H.R. 8038"):
        assert figure in note, figure


def test_german_names_the_sworn_declaration_as_a_german_lawyer_would() -> None:
    german = load_hub(bundled_content_dir(), "de")
    texts = [_text(entry) for entry in german.all_entries()]
    assert any("eidesstattliche" in text for text in texts)
    for text in texts:
        assert "Strafandrohung wegen Meineids" not in text and "Erklärung vor Gericht vom" not in text


def _entry(hub: Hub, reference: str) -> Entry:
    pane, _, entry_id = reference.partition(":")
    entry = hub.find(Reference(Pane(pane), entry_id))
    assert entry is not None, reference
    return entry


def test_eo_14352_is_told_as_its_text_reads(hub: Hub) -> None:
    order = _text(_entry(hub, "timeline:eo-14352"))
    assert (
        "operation of the algorithms and code" if hub.lang == "en" else "Betrieb der Algorithmen"
    ) in order
    for reference in ("timeline:eo-14352", "faq:what-happened-to-the-orders"):
        text = _text(_entry(hub, reference))
        assert "once CFIUS" not in text and "cease once" not in text, reference
        assert "sobald der CFIUS" not in text, reference
    later = _text(_entry(hub, "faq:what-came-later"))
    assert "in that framework" not in later and "in diesem Rahmen vorgesehene" not in later


def test_the_joint_ventures_ownership_is_attributed(hub: Hub) -> None:
    for reference in ("storage:us-data-location", "faq:where-is-data-stored", "faq:what-came-later"):
        entry = _entry(hub, reference)
        text = _text(entry)
        assert ("19.9" in text or "19,9" in text) and "Reuters" in text, reference
        assert "reuters-2026-01-23" in entry.sources, reference


def test_the_memo_and_markey_are_quoted_from_pages_that_hold_the_words(hub: Hub) -> None:
    assert "built on the foundation" not in (hub.sources["straitstimes-2025-12-19"].note or "")
    memo = _entry(hub, "timeline:jv-agreements-signed")
    assert memo.quote is not None and memo.quote.source == "reuters-2025-12-19"
    markey = _entry(hub, "timeline:congress-scrutiny")
    assert markey.quote is not None and markey.quote.source == "markey-2026-01-23"
    assert hub.sources["markey-2026-01-23"].url.startswith("https://www.markey.senate.gov/")
