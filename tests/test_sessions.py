"""The reader's sessions without an app: the active search and the reading state."""

from __future__ import annotations

from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Pane, Reference
from infohub_tui.reading.session import BOOKMARK, UNREAD, Reading
from infohub_tui.reading.state import State
from infohub_tui.search.session import SearchSession

from .helpers import FIXTURE_HUB, fixture_hub


def test_a_search_walks_its_hits_round_the_end_and_highlights_each_pane() -> None:
    hub = fixture_hub("en")
    session = SearchSession()
    index = session.index(hub)
    assert session.index(hub) is index, "one index per hub"
    hits = index.search("exampleton").hits
    assert len(hits) >= 3
    assert session.step(1) is None and not session.clear()
    assert session.choose("exampleton", hits, hits[1]) is hits[1]
    assert session.step(1) is hits[2]
    assert session.step(-1) is hits[1]
    assert session.step(-2) is hits[-1]
    assert session.step(1) is hits[0]
    storage = session.highlights(Pane.STORAGE)
    assert set(storage) == {hit.entry_id for hit in hits if hit.pane is Pane.STORAGE}
    assert all(storage.values())
    session.choose("exampleton", hits, hits[0])
    session.choose("sampleburg", hits, hits[0])
    assert session.history == ["exampleton", "sampleburg"]
    assert session.clear() and session.highlights(Pane.STORAGE) == {}


def test_a_reloaded_hub_gets_a_new_index() -> None:
    session = SearchSession()
    first = session.index(load_hub(FIXTURE_HUB, "en"))
    assert session.index(load_hub(FIXTURE_HUB, "en")) is not first


def test_reading_says_what_each_mark_changed() -> None:
    state = State()
    reading = Reading(state)
    entry = Reference(Pane.FAQ, "was-data-shared")
    assert reading.start_pane() is Pane.STATEMENTS and reading.start_pane(Pane.FAQ) is Pane.FAQ
    assert reading.remember_pane(Pane.FAQ) and not reading.remember_pane(Pane.FAQ)
    assert reading.start_pane() is Pane.FAQ
    assert reading.remember_entry(entry) and not reading.remember_entry(entry)
    assert reading.start_entry(Pane.FAQ) == "was-data-shared"
    assert reading.marker(entry) == UNREAD
    assert reading.mark_read(entry) == {entry} and reading.mark_read(entry) == frozenset()
    assert reading.marker(entry) == ""
    assert reading.toggle_bookmark(entry) == {entry} and reading.is_bookmarked(entry)
    assert reading.marker(entry) == BOOKMARK
    assert reading.toggle_bookmark(entry) == {entry} and not reading.is_bookmarked(entry)
    assert reading.toggle_read(entry) == {entry} and reading.marker(entry) == UNREAD
    assert state == State(last_pane=Pane.FAQ, last_entry={Pane.FAQ: "was-data-shared"})


def test_search_texts_are_the_searchable_fields_texts() -> None:
    for lang in ("en", "de"):
        for entry in fixture_hub(lang).all_entries():
            assert entry.search_texts() == [text for _name, text in entry.searchable()], entry.id
