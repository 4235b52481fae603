"""Issue 21: the Markdown export keeps every caveat, and the header and exports say who made them
and what they cover."""

from __future__ import annotations

from collections import Counter

import pytest

from infohub_tui.formats.coverage import coverage, header_line
from infohub_tui.formats.export import to_markdown
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Hub
from infohub_tui.i18n import Translator
from infohub_tui.locations import bundled_content_dir

from .helpers import hub_of, make_app, running


@pytest.fixture(scope="module", params=["en", "de"])
def hub(request: pytest.FixtureRequest) -> Hub:
    return load_hub(bundled_content_dir(), request.param)


def _one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.content
def test_the_markdown_export_keeps_every_note_as_of_date_archived_link_and_later_link(hub: Hub) -> None:
    markdown = to_markdown(hub)
    flat = _one_line(markdown)
    translator = Translator(hub.lang)
    entries = list(hub.all_entries())
    noted = [entry for entry in entries if entry.note]
    assert noted, "the content has editors' notes"
    label = f"**{translator('detail.note')}:** "
    for entry in noted:
        assert f"{label}{_one_line(entry.note or '')}" in flat, entry.reference
    assert markdown.count(label) == len(noted), "each note once, marked as the editors'"
    as_of = Counter(entry.as_of for entry in entries if entry.as_of is not None)
    assert as_of
    for day, count in as_of.items():
        line = f"*{translator('detail.as_of', date=translator.long_date(day))}*"
        assert markdown.count(line) == count, day
    archived = [source for source in hub.sources.values() if source.archived]
    assert archived
    for source in archived:
        assert f"{translator('citation.archived')}: <{source.archived}>" in markdown, source.id
    for source in hub.sources.values():
        if source.note:
            assert _one_line(source.note) in flat, source.id
    for entry in entries:
        for reference in entry.later:
            assert f"(`{reference}`)" in markdown, (entry.reference, reference)
    later_lists = sum(1 for entry in entries if entry.later)
    assert markdown.count(f"**{translator('detail.later')}:**") == later_lists


@pytest.mark.content
def test_the_markdown_export_quotes_only_quotes_and_names_their_source(hub: Hub) -> None:
    markdown = to_markdown(hub)
    translator = Translator(hub.lang)
    quoted = [entry for entry in hub.all_entries() if entry.quote is not None]
    assert quoted
    for entry in quoted:
        assert entry.quote is not None
        assert f"> {translator('citation.quotation', text=_one_line(entry.quote.text))}" in markdown
        source = hub.sources[entry.quote.source]
        assert f"{translator('export.quote_source')} [{source.title}]" in markdown, entry.reference
    blockquotes = [line for line in markdown.splitlines() if line.startswith("> ")]
    assert len(blockquotes) == 2 * len(quoted), "a quote and its credit, nothing else as a quotation"


@pytest.mark.content
def test_the_export_header_names_the_editors_as_publisher_and_the_organisation_as_subject(hub: Hub) -> None:
    translator = Translator(hub.lang)
    lines = to_markdown(hub).splitlines()
    assert lines[0] == f"# {hub.title}"
    assert lines[2] == translator("export.publisher", organisation=hub.organisation)
    assert "infohub-tui" in lines[2]
    assert lines[4] == translator("export.coverage", coverage=coverage(hub, translator))
    assert f"{hub.organisation} ·" not in lines[2], "not a line that reads as the organisation's"


@pytest.mark.content
def test_coverage_is_computed_from_the_content(hub: Hub) -> None:
    """Events to the newest dated entry (not a hand-written date), then hub.yaml's `checked`."""
    dates = [day for entry in hub.all_entries() for day in (entry.when, entry.as_of) if day is not None]
    assert hub.events_to == max(dates)
    translator = Translator(hub.lang)
    expected = {
        "en": f"events to {translator.long_date(max(dates))} · checked {translator.long_date(hub.checked)}",
        "de": f"Ereignisse bis {translator.long_date(max(dates))} · geprüft {translator.long_date(hub.checked)}",
    }
    assert coverage(hub, translator) == expected[hub.lang]
    assert hub.checked >= max(dates)


async def test_the_header_says_independent_reader_coverage_and_checked() -> None:
    app = make_app()
    async with running(app):
        hub = hub_of(app)
        assert app.sub_title == header_line(hub, app.translator)
        assert app.sub_title == f"unofficial reader · events to {hub.events_to} · checked {hub.checked}"
    german = make_app("de")
    async with running(german):
        hub = hub_of(german)
        short = german.translator.short_date
        assert german.sub_title == (
            f"inoffiziell · Ereignisse bis {short(hub.events_to)} · geprüft {short(hub.checked)}"
        )
