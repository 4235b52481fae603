"""The bundled content: both languages agree, and the record agrees with ../shared/facts.md."""

from __future__ import annotations

from datetime import date

import pytest

from infohub_tui.loader import load_hub
from infohub_tui.locations import bundled_content_dir
from infohub_tui.model import PANES, Hub, Pane, Statement, StorageFact, TimelineEvent

# Every timeline date, kind and speaker, as checked in shared/facts.md.
TIMELINE_FACTS: dict[str, tuple[date, str, str]] = {
    "eo-13873": (date(2019, 5, 15), "order", "Trump"),
    "tiktok-2019-statement": (date(2019, 10, 24), "statement", "TikTok"),
    "microsoft-talks": (date(2020, 8, 2), "deal", "Microsoft"),
    "eo-13942-signed": (date(2020, 8, 6), "order", "Trump"),
    "cfius-divestment-order": (date(2020, 8, 14), "order", "CFIUS"),
    "hub-launch": (date(2020, 8, 17), "statement", "TikTok"),
    "tiktok-sues": (date(2020, 8, 24), "court", "ByteDance"),
    "microsoft-declined": (date(2020, 9, 13), "deal", "Microsoft"),
    "commerce-prohibitions": (date(2020, 9, 18), "order", "Commerce"),
    "oracle-walmart-blessing": (date(2020, 9, 19), "deal", "Trump"),
    "eo-13942-day-45": (date(2020, 9, 20), "deadline", "13942"),
    "app-store-ban-enjoined": (date(2020, 9, 27), "court", "Carl Nichols"),
    "november-bans-enjoined": (date(2020, 10, 30), "court", "Wendy Beetlestone"),
    "divestment-deadline": (date(2020, 11, 12), "deadline", "CFIUS"),
    "cfius-extension": (date(2020, 11, 13), "deadline", "CFIUS"),
    "remaining-prohibitions-blocked": (date(2020, 12, 7), "court", "Carl Nichols"),
    "eo-14034": (date(2021, 6, 9), "order", "Biden"),
}
GERMAN_NAMES = {"Commerce": "Handelsministerium"}

QUOTES = {
    "hub-record-straight": "With rumors and misinformation about TikTok proliferating in Washington and in the media, let us set the record straight.",
    "hub-never-shared-data": "Any insinuation to the contrary is unfounded and blatantly false.",
    "newsroom-source-of-truth": "we've built a new information hub to serve as a source of truth.",
    "microsoft-no-sale": "ByteDance let us know today they would not be selling TikTok's US operations to Microsoft.",
    "eo-data-collection": "TikTok automatically captures vast swaths of information from its users",
    "eo-espionage-risk": "track the locations of Federal employees and contractors, build dossiers of personal information for blackmail, and conduct corporate espionage.",
    "eo-censorship": "reportedly censors content that the Chinese Communist Party deems politically sensitive",
    "eo-national-emergency": "to deal with the national emergency with respect to the information and communications technology and services supply chain declared in Executive Order 13873",
}


@pytest.fixture(scope="module", params=["en", "de"])
def hub(request: pytest.FixtureRequest) -> Hub:
    return load_hub(bundled_content_dir(), request.param)


@pytest.fixture(scope="module")
def hubs() -> tuple[Hub, Hub]:
    return load_hub(bundled_content_dir(), "en"), load_hub(bundled_content_dir(), "de")


def test_languages_have_the_same_entries_dates_sources_and_links(hubs: tuple[Hub, Hub]) -> None:
    english, german = hubs
    for pane in PANES:
        for en_entry, de_entry in zip(english.entries(pane), german.entries(pane), strict=True):
            assert en_entry.id == de_entry.id
            assert en_entry.when == de_entry.when, en_entry.id
            assert en_entry.sources == de_entry.sources, en_entry.id
            assert en_entry.see_also == de_entry.see_also, en_entry.id
            assert en_entry.heading != de_entry.heading or en_entry.id == "eo-13942-signed", en_entry.id
    assert {k: (s.url, s.date) for k, s in english.sources.items()} == {
        k: (s.url, s.date) for k, s in german.sources.items()
    }


def test_timeline_matches_the_checked_facts(hub: Hub) -> None:
    timeline = hub.entries(Pane.TIMELINE)
    assert [event.id for event in timeline] == list(TIMELINE_FACTS)
    for event in timeline:
        when, kind, speaker = TIMELINE_FACTS[event.id]
        assert isinstance(event, TimelineEvent)
        assert (event.date, event.kind) == (when, kind), event.id
        expected = GERMAN_NAMES.get(speaker, speaker) if hub.lang == "de" else speaker
        assert expected in event.actor, event.id


def test_the_two_orders_are_kept_apart(hub: Hub) -> None:
    events = {event.id: event for event in hub.entries(Pane.TIMELINE) if isinstance(event, TimelineEvent)}
    assert events["eo-13942-signed"].date == date(2020, 8, 6)
    assert events["cfius-divestment-order"].date == date(2020, 8, 14)
    assert (events["eo-13942-day-45"].date - events["eo-13942-signed"].date).days == 45
    assert (events["divestment-deadline"].date - events["cfius-divestment-order"].date).days == 90


def test_quotes_are_verbatim_in_both_languages(hub: Hub) -> None:
    quotes = {statement.id: statement.lead for statement in hub.entries(Pane.STATEMENTS)}
    for entry_id, quote in QUOTES.items():
        assert quotes[entry_id] == quote


def test_every_claim_names_its_speaker_and_cites_a_source(hub: Hub) -> None:
    for entry in hub.all_entries():
        assert entry.speaker.strip(), entry.id
        assert hub.sources_of(entry), entry.id


def test_storage_facts_say_who_claims_them(hub: Hub) -> None:
    claimants = {
        fact.id: fact.claimed_by for fact in hub.entries(Pane.STORAGE) if isinstance(fact, StorageFact)
    }
    assert "TikTok" in claimants["us-data-location"]
    assert "13942" in claimants["order-data-collection"]


def test_single_outlet_reports_are_marked_as_reported(hub: Hub) -> None:
    cloutier = next(
        statement for statement in hub.entries(Pane.STATEMENTS) if statement.id == "cloutier-interview"
    )
    assert isinstance(cloutier, Statement)
    assert cloutier.sources == ("digital-trends-2020-08",)
    assert cloutier.title.startswith(
        "Reported by Digital Trends" if hub.lang == "en" else "Laut Digital Trends"
    )


def test_executive_order_claims_link_to_tiktoks_response_and_back(hub: Hub) -> None:
    links = {
        entry.id: {str(reference) for reference in entry.see_also} for entry in hub.entries(Pane.STATEMENTS)
    }
    for claim in ("eo-data-collection", "eo-espionage-risk"):
        assert "statements:hub-never-shared-data" in links[claim]
        assert f"statements:{claim}" in links["hub-never-shared-data"]


def test_counts_required_by_the_reader_core(hub: Hub) -> None:
    counts = {pane: len(hub.entries(pane)) for pane in PANES}
    assert counts[Pane.STATEMENTS] >= 6 and counts[Pane.FAQ] >= 10 and counts[Pane.STORAGE] >= 6
