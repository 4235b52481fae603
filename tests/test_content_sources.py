"""The bundled sources lead to the document, pages that changed have archived copies, nothing dated reads as now."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import pytest

from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Hub, Pane, TimelineEvent
from infohub_tui.hub.source_urls import not_a_document
from infohub_tui.locations import bundled_content_dir

# Sites whose pages of 2019-2020 changed or vanished: each source there needs an archived copy.
CHANGED_SITES = ("tiktokus.info", "newsroom.tiktok.com")
EPILOGUE_STARTS = date(2022, 1, 1)


@pytest.fixture(scope="module", params=["en", "de"])
def hub(request: pytest.FixtureRequest) -> Hub:
    return load_hub(bundled_content_dir(), request.param)


def test_every_source_url_is_a_document_or_says_why_not(hub: Hub) -> None:
    for source in hub.sources.values():
        reason = not_a_document(source.url)
        assert reason is None or (source.archived and source.note), f"{source.id}: {source.url} is {reason}"


def test_hub_and_newsroom_pages_have_archived_copies(hub: Hub) -> None:
    changed = [
        s
        for s in hub.sources.values()
        if urlsplit(s.url).hostname in {f"www.{h}" for h in CHANGED_SITES} | set(CHANGED_SITES)
    ]
    assert changed, "the content cites no hub or newsroom page"
    for source in changed:
        assert source.archived, f"{source.id} has no archived copy"
        assert urlsplit(source.archived).hostname == "web.archive.org", source.id
        assert source.url in source.archived, f"{source.id}: the archived copy is of another page"
        assert source.note, f"{source.id}: say what the archived link is"


def test_every_source_is_cited(hub: Hub) -> None:
    cited = {source_id for entry in hub.all_entries() for source_id in entry.sources}
    assert set(hub.sources) - cited == set()


def test_the_epilogue_is_set_apart_and_reaches_2025(hub: Hub) -> None:
    timeline = [event for event in hub.entries(Pane.TIMELINE) if isinstance(event, TimelineEvent)]
    epilogue = [event for event in timeline if event.kind == "epilogue"]
    assert epilogue, "no epilogue"
    assert all(event.date >= EPILOGUE_STARTS for event in epilogue)
    assert all(event.date < EPILOGUE_STARTS for event in timeline if event.kind != "epilogue")
    assert max(event.date for event in epilogue) >= date(2025, 1, 20)


def test_every_storage_fact_is_dated_and_links_to_what_came_later(hub: Hub) -> None:
    for fact in hub.entries(Pane.STORAGE):
        assert fact.as_of is not None and fact.as_of < EPILOGUE_STARTS, fact.id
        assert fact.later, f"{fact.id} does not link to what came later"
        for reference in fact.later:
            target = hub.find(reference)
            assert target is not None and target.when is not None and target.when > fact.as_of, reference


def test_dated_answers_link_to_later_entries(hub: Hub) -> None:
    for entry in hub.all_entries():
        for reference in entry.later:
            target = hub.find(reference)
            assert target is not None, reference
            assert entry.as_of is not None and (target.when is None or target.when > entry.as_of), entry.id


def test_nothing_says_the_hub_is_offline(hub: Hub) -> None:
    for entry in hub.all_entries():
        text = " ".join(value for _field, value in entry.searchable()).lower()
        assert "offline today" not in text and "heute offline" not in text, entry.id


def test_editors_notes_speak_as_the_editors(hub: Hub) -> None:
    notes = [entry for entry in hub.all_entries() if entry.note]
    assert notes, "no editors' notes"
    for entry in notes:
        assert entry.note is not None
        assert "we at tiktok" not in entry.note.lower(), entry.id
