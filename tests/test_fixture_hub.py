"""The fixture hub of the code tests (tests/fixtures/hub) is what they take it for: valid in both
languages and in parity, with every field and kind the loader knows, and lists long enough to
scroll at 80x24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from infohub_tui.cli.main import main
from infohub_tui.hub.model import EVENT_KINDS, PANE_TABLE, PANES, SOURCE_KINDS, Hub, TimelineEvent
from infohub_tui.hub.rules import CLOCK_FIELDS, ENTRY_FIELDS, QUOTE_FIELDS, SOURCE_FIELDS

from .helpers import FIXTURE_HUB, fixture_hub, make_app, reader_screen, running


def raw(lang: str, name: str) -> Any:
    return yaml.safe_load((FIXTURE_HUB / lang / name).read_text(encoding="utf-8"))


def keys_of(mappings: list[dict[str, Any]]) -> set[str]:
    return {key for mapping in mappings for key in mapping}


def test_the_fixture_hub_validates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURE_HUB)]) == 0
    assert "2 language(s) (de, en)" in capsys.readouterr().out


def test_both_languages_have_the_same_entries_dates_sources_and_links() -> None:
    english, german = fixture_hub("en"), fixture_hub("de")
    for pane in PANES:
        for en_entry, de_entry in zip(english.entries(pane), german.entries(pane), strict=True):
            assert en_entry.id == de_entry.id
            assert (en_entry.when, en_entry.as_of) == (de_entry.when, de_entry.as_of), en_entry.id
            assert en_entry.sources == de_entry.sources, en_entry.id
            assert (en_entry.see_also, en_entry.later) == (de_entry.see_also, de_entry.later), en_entry.id
            assert (en_entry.quote is None) == (de_entry.quote is None), en_entry.id
            assert en_entry.heading != de_entry.heading, en_entry.id
    assert {k: (s.url, s.date, s.archived) for k, s in english.sources.items()} == {
        k: (s.url, s.date, s.archived) for k, s in german.sources.items()
    }

    def deadlines(hub: Hub) -> list[tuple[object, ...]]:
        return [(c.ends, c.extended_to, c.stopped) for e in hub.timeline for c in e.clocks]

    assert deadlines(english) == deadlines(german)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_field_and_kind_the_loader_knows_is_used(lang: str) -> None:
    hub = raw(lang, "hub.yaml")
    assert keys_of(hub["sources"]) == set(SOURCE_FIELDS)
    assert {s.get("kind", "webpage") for s in hub["sources"]} == set(SOURCE_KINDS)
    for pane in PANES:
        entries = raw(lang, PANE_TABLE[pane].file)
        expected = {field.key for field in PANE_TABLE[pane].fields} | set(ENTRY_FIELDS)
        assert keys_of(entries) == expected, pane
        quotes = [entry["quote"] for entry in entries if "quote" in entry]
        assert quotes, f"{pane} has no quote"
    quotes = [e["quote"] for p in PANES for e in raw(lang, PANE_TABLE[p].file) if "quote" in e]
    assert keys_of(quotes) == set(QUOTE_FIELDS)
    timeline = raw(lang, "timeline.yaml")
    assert {event["kind"] for event in timeline} == set(EVENT_KINDS)
    assert keys_of([clock for event in timeline for clock in event.get("clocks", [])]) == set(CLOCK_FIELDS)


def test_it_has_what_code_tests_lean_on() -> None:
    hub = fixture_hub("en")
    clocks = [clock for event in hub.timeline for clock in event.clocks]
    assert any(clock.extended_to and clock.stopped is None for clock in clocks), "an extended clock"
    assert any(clock.stopped for clock in clocks) and any(len(e.clocks) > 1 for e in hub.timeline)
    cited = [source for entry in hub.all_entries() for source in entry.sources]
    assert max(cited.count(source) for source in hub.sources) >= 3, "a source cited by several entries"
    assert set(cited) == set(hub.sources), "every source is cited"
    assert any(s.archived for s in hub.sources.values()) and any(not s.date for s in hub.sources.values())
    assert all(isinstance(event, TimelineEvent) for event in hub.timeline)


@pytest.mark.parametrize("pane", PANES)
async def test_every_list_scrolls_at_80x24(pane: Any) -> None:
    app = make_app(start_pane=pane)
    async with running(app, size=(80, 24)):
        assert reader_screen(app).reader(pane).entry_list.max_scroll_y > 0, pane


def test_its_header_says_it_is_invented() -> None:
    for lang in ("en", "de"):
        header = Path(FIXTURE_HUB / lang / "hub.yaml").read_text(encoding="utf-8").split("title:")[0]
        assert "Example Org" in header and ("invented" in header or "erfunden" in header)
