"""The bundled content: both languages agree, and the record agrees with ../shared/facts.md."""

from __future__ import annotations

from datetime import date

import pytest

from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import PANES, Hub, Pane, Statement, StorageFact, TimelineEvent
from infohub_tui.locations import bundled_content_dir

# Every timeline event in date order: (date, kind, a word of its speaker, a source it must cite),
# as checked in shared/facts.md and the research notes (../research/*.md).
TIMELINE_FACTS: dict[str, tuple[date, str, str, str]] = {
    "eo-13873": (date(2019, 5, 15), "order", "Trump", "eo-13873"),
    "tiktok-2019-statement": (date(2019, 10, 24), "statement", "TikTok", "tiktok-newsroom-2019"),
    "microsoft-talks": (date(2020, 8, 2), "deal", "Microsoft", "microsoft-blog-2020-08-02"),
    "eo-13942-signed": (date(2020, 8, 6), "order", "Trump", "eo-13942"),
    "eo-13943-wechat": (date(2020, 8, 6), "order", "Trump", "eo-13943"),
    "tiktok-responds-to-order": (date(2020, 8, 7), "statement", "TikTok", "tiktok-statement-2020-08-07"),
    "cfius-divestment-order": (date(2020, 8, 14), "order", "CFIUS", "cfius-order"),
    "hub-launch": (date(2020, 8, 17), "statement", "TikTok", "tiktok-newsroom-hub"),
    "tiktok-sues": (date(2020, 8, 24), "court", "ByteDance", "complaint-cd-cal"),
    "mayer-resigns": (date(2020, 8, 26), "other", "Mayer", "thehill-2020-08-26"),
    "microsoft-declined": (date(2020, 9, 13), "deal", "Microsoft", "thurrott-2020-09-13"),
    "commerce-prohibitions": (date(2020, 9, 18), "order", "Commerce", "commerce-press-2020-09-18"),
    "tiktok-sues-in-dc": (date(2020, 9, 18), "court", "ByteDance", "complaint-ddc"),
    "oracle-walmart-blessing": (date(2020, 9, 19), "deal", "Trump", "ap-2020-09-19"),
    "tiktok-global-terms": (date(2020, 9, 19), "deal", "Walmart", "essentialretail-2020-09"),
    "eo-13942-day-45": (date(2020, 9, 20), "deadline", "13942", "eo-13942"),
    "identification-published": (date(2020, 9, 24), "order", "Commerce", "commerce-identification"),
    "app-store-ban-enjoined": (date(2020, 9, 27), "court", "Nichols", "ddc-2020-09-27"),
    "november-bans-enjoined": (date(2020, 10, 30), "court", "Beetlestone", "marland-v-trump"),
    "cfius-petition": (date(2020, 11, 10), "court", "ByteDance", "dc-cir-petition-2020"),
    "divestment-deadline": (date(2020, 11, 12), "deadline", "CFIUS", "cfius-order"),
    "cfius-extension": (date(2020, 11, 12), "deadline", "CFIUS", "business-standard-2020-11-14"),
    "cfius-second-extension": (date(2020, 11, 25), "deadline", "CFIUS", "washingtontimes-2020-11-25"),
    "remaining-prohibitions-blocked": (date(2020, 12, 7), "court", "Nichols", "ddc-2020-12-07"),
    "tiktok-global-shelved": (date(2021, 2, 10), "deal", "Wall Street Journal", "latimes-2021-02-10"),
    "cfius-petition-abeyance": (date(2021, 2, 19), "court", "D.C. Circuit", "scotus-2025-01-17"),
    "eo-14034": (date(2021, 6, 9), "order", "Biden", "eo-14034"),
    "commerce-withdraws-identification": (date(2021, 6, 21), "order", "Commerce", "gadgets360-2021-06-22"),
    "government-drops-appeals": (date(2021, 7, 12), "court", "Justice", "reuters-2021-07-12"),
    "ddc-case-dropped": (date(2021, 7, 21), "court", "TikTok", "cnn-2021-07-21"),
    "oracle-routing-2022": (date(2022, 6, 17), "epilogue", "TikTok", "tiktok-data-governance-2022"),
    "chew-house-testimony": (date(2023, 3, 23), "epilogue", "Chew", "house-hearing-2023-03-23"),
    "divest-or-ban-law": (date(2024, 4, 24), "epilogue", "Congress", "pl-118-50"),
    "dc-circuit-upholds-law": (date(2024, 12, 6), "epilogue", "D.C. Circuit", "dc-cir-2024-12-06"),
    "supreme-court-upholds-law": (date(2025, 1, 17), "epilogue", "Supreme Court", "scotus-2025-01-17"),
    "tiktok-dark-and-back": (date(2025, 1, 18), "epilogue", "TikTok", "npr-2025-01-18"),
    "eo-14166": (date(2025, 1, 20), "epilogue", "Trump", "eo-14166"),
    "eo-14258": (date(2025, 4, 4), "epilogue", "Trump", "eo-14258"),
    "eo-14310": (date(2025, 6, 19), "epilogue", "Trump", "eo-14352"),
    "madrid-framework": (date(2025, 9, 15), "epilogue", "Bessent", "reuters-2025-09-15"),
    "eo-14350": (date(2025, 9, 16), "epilogue", "Trump", "eo-14352"),
    "eo-14352": (date(2025, 9, 25), "epilogue", "Trump", "whitehouse-eo-14352"),
    "jv-agreements-signed": (date(2025, 12, 18), "epilogue", "ByteDance", "ap-2025-12-19"),
    "joint-venture-closes": (date(2026, 1, 22), "epilogue", "TikTok USDS", "reuters-2026-01-23"),
    "us-terms-updated": (date(2026, 1, 22), "epilogue", "TikTok USDS", "nyt-2026-01-23"),
    "congress-scrutiny": (date(2026, 1, 23), "epilogue", "Markey", "reuters-2026-01-23-markey"),
    "newsom-review": (date(2026, 1, 26), "epilogue", "Newsom", "cbsla-2026-01-27"),
    "oracle-outage": (date(2026, 1, 27), "epilogue", "Oracle", "reuters-2026-01-27"),
}
# Speaker words that a German actor line spells differently; every other word
# ("Supreme Court", "D.C. Circuit", names) is expected as it is.
GERMAN_NAMES = {"Commerce": "Handelsministerium", "Justice": "Justizministerium", "Congress": "Kongress"}

# Every verbatim quote of the content, by pane:id: its words and the source they are quoted from,
# checked against the research notes (the words stay in their language in both bundles).
QUOTES = {
    "statements:hub-record-straight": (
        "With rumors and misinformation about TikTok proliferating in Washington and in the media, let us set the record straight.",
        "tiktok-info-hub",
    ),
    "statements:hub-never-shared-data": (
        "Any insinuation to the contrary is unfounded and blatantly false.",
        "tiktok-info-hub",
    ),
    "statements:newsroom-source-of-truth": (
        "we've built a new information hub to serve as a source of truth.",
        "tiktok-newsroom-hub",
    ),
    "statements:cloutier-interview": (
        "safe, secure and transparent for our global community",
        "digital-trends-2020-08",
    ),
    "statements:mayer-fair-competition": (
        "We accept this and embrace the challenge of giving peace of mind through greater transparency and accountability.",
        "tiktok-mayer-2020-07-29",
    ),
    "statements:pappas-election-misinformation": (
        "we're announcing three new measures to combat misinformation, disinformation, and other content that may be designed to disrupt the 2020 election.",
        "tiktok-pappas-2020-08-05",
    ),
    "statements:tiktok-2019-data-security": ("critical to set the record straight", "tiktok-newsroom-2019"),
    "statements:microsoft-no-sale": (
        "ByteDance let us know today they would not be selling TikTok's US operations to Microsoft.",
        "thurrott-2020-09-13",
    ),
    "statements:cloutier-declaration-china": (
        "Neither version of TikTok is offered in China, where ByteDance operates a similar but separate video-sharing platform called Douyin.",
        "cloutier-declaration-2020-09-23",
    ),
    "statements:eo-data-collection": (
        "TikTok automatically captures vast swaths of information from its users",
        "eo-13942",
    ),
    "statements:eo-espionage-risk": (
        "track the locations of Federal employees and contractors, build dossiers of personal information for blackmail, and conduct corporate espionage.",
        "eo-13942-letter",
    ),
    "statements:eo-censorship": (
        "reportedly censors content that the Chinese Communist Party deems politically sensitive",
        "eo-13942-letter",
    ),
    "statements:eo-national-emergency": (
        "to deal with the national emergency with respect to the information and communications technology and services supply chain declared in Executive Order 13873",
        "eo-13942",
    ),
    "statements:tiktok-responds-to-order": (
        "We are shocked by the recent Executive Order, which was issued without any due process.",
        "tiktok-statement-2020-08-07",
    ),
    "statements:tiktok-why-we-sue": ("We do not take suing the government lightly", "tiktok-files-lawsuit"),
    "statements:us-data-governance-2022": (
        "Today, 100% of US user traffic is being routed to Oracle Cloud Infrastructure.",
        "usds-data-governance-repost",
    ),
    "storage:employee-access": ("strict controls on employee access", "tiktok-info-hub"),
    # The epilogue to the outcome (#22): each checked against the page or copy its source names.
    "timeline:madrid-framework": (
        "The framework is for a switch to a U.S.-controlled ownership",
        "reuters-2025-09-15",
    ),
    "timeline:eo-14352": (
        "The divestiture proposed in the Framework Agreement resolves these national security concerns and complies with the Act",
        "whitehouse-eo-14352",
    ),
    "timeline:jv-agreements-signed": (
        "operate as an independent entity with authority over US data protection, algorithm security, content moderation and software assurance",
        "reuters-2025-12-19",
    ),
    "timeline:joint-venture-closes": (
        "TikTok USDS Joint Venture's mandate is to secure U.S. user data, apps and the algorithm through comprehensive data privacy and cybersecurity measures.",
        "betanews-2026-01",
    ),
    "timeline:congress-scrutiny": ("This lack of transparency reeks.", "markey-2026-01-23"),
    "timeline:newsom-review": (
        "I am launching a review into whether TikTok is violating state law by censoring Trump-critical content",
        "cbsla-2026-01-27",
    ),
    "timeline:oracle-outage": (
        "Over the weekend, an Oracle data center experienced a temporary weather-related power outage which impacted TikTok",
        "reuters-2026-01-27",
    ),
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
        when, kind, speaker, source = TIMELINE_FACTS[event.id]
        assert isinstance(event, TimelineEvent)
        assert (event.date, event.kind) == (when, kind), event.id
        expected = GERMAN_NAMES.get(speaker, speaker) if hub.lang == "de" else speaker
        assert expected in event.actor, event.id
        assert source in event.sources, f"{event.id} does not cite {source}"


def test_the_two_orders_are_kept_apart(hub: Hub) -> None:
    events = {event.id: event for event in hub.entries(Pane.TIMELINE) if isinstance(event, TimelineEvent)}
    assert events["eo-13942-signed"].date == date(2020, 8, 6)
    assert events["cfius-divestment-order"].date == date(2020, 8, 14)
    assert (events["eo-13942-day-45"].date - events["eo-13942-signed"].date).days == 45
    assert (events["divestment-deadline"].date - events["cfius-divestment-order"].date).days == 90


def test_quotes_are_verbatim_in_both_languages(hub: Hub) -> None:
    quotes = {
        str(entry.reference): (entry.quote.text, entry.quote.source)
        for entry in hub.all_entries()
        if entry.quote is not None
    }
    assert set(quotes) == set(QUOTES), "every quote is checked, and only those entries quote"
    for reference, quote in QUOTES.items():
        assert quotes[reference] == quote, reference


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
