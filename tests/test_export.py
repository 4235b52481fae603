"""Issue 21: the Markdown export keeps every caveat, and the header and exports say who made them
and what they cover."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from infohub_tui.formats.citation import citation, quote_credit
from infohub_tui.formats.coverage import coverage, header_line
from infohub_tui.formats.export import to_csl_json, to_json, to_markdown
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Hub
from infohub_tui.i18n import Translator
from infohub_tui.locations import bundled_content_dir

from .helpers import hub_of, make_app, running


@pytest.fixture(
    scope="module", params=[pytest.param(lang, marks=pytest.mark.content) for lang in ("en", "de")]
)
def hub(request: pytest.FixtureRequest) -> Hub:
    return load_hub(bundled_content_dir(), request.param)


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
        assert f"<{source.archived}>" in markdown, source.id
    for source in hub.sources.values():
        if source.note:
            assert _one_line(source.note) in flat, source.id
    for entry in entries:
        for reference in entry.later:
            assert f"(`{reference}`)" in markdown, (entry.reference, reference)
    later_lists = sum(1 for entry in entries if entry.later)
    assert markdown.count(f"**{translator('detail.later')}:**") == later_lists


def test_the_markdown_export_quotes_only_quotes_credited_as_c_copies_them(hub: Hub) -> None:
    """Each quote once as a blockquote, with the credit `c` copies (who, when, pinpoint and the
    quote's own source, `quote_credit`); nothing else as a quotation."""
    markdown = to_markdown(hub)
    translator = Translator(hub.lang)
    quoted = [entry for entry in hub.all_entries() if entry.quote is not None]
    assert quoted
    for entry in quoted:
        assert entry.quote is not None
        assert f"> {translator('citation.quotation', text=_one_line(entry.quote.text))}" in markdown
        assert f"> — {quote_credit(entry, hub, translator)}" in markdown, entry.reference
        assert f"> — {_one_line(citation(entry, hub, translator).partition(' — ')[2])}" in markdown
    blockquotes = [line for line in markdown.splitlines() if line.startswith("> ")]
    assert len(blockquotes) == 2 * len(quoted), "a quote and its credit, nothing else as a quotation"


def test_the_markdown_export_gives_the_archived_copy_first_then_the_live_address(hub: Hub) -> None:
    """The numbered sources and their link definitions give the address to cite (`c`'s): the
    archived copy where there is one, then the live address under its label."""
    markdown = to_markdown(hub)
    translator = Translator(hub.lang)
    label = f"{translator('citation.live')}: "
    sources = markdown.rpartition(f"\n## {translator('help.sources')}\n")[2]
    for number, source in enumerate(hub.sources.values(), start=1):
        indent = " " * (len(f"{number}.") + 1)
        [item] = [line for line in sources.splitlines() if line.startswith(f"{number}. ")]
        assert item.endswith(f". <{source.cited_url}>"), source.id
        live = f"\n{indent}{label}<{source.url}>"
        assert (live in markdown) == (source.archived is not None), source.id
        if source.archived:
            assert f"{item}{live}" in markdown, source.id
        [definition] = [line for line in sources.splitlines() if line.startswith(f"[{number}]: ")]
        assert definition.startswith(f"[{number}]: <{source.cited_url}> ("), source.id


def test_the_json_export_has_each_entrys_citation_as_c_copies_it(hub: Hub) -> None:
    """Besides the content (`files`, which loads back), each entry's citation: the text `c`
    copies, the address to cite and, for an archived copy, the live address apart."""
    data = json.loads(to_json(hub))
    translator = Translator(hub.lang)
    assert set(data) == {"lang", "files", "citations"}
    entries = list(hub.all_entries())
    assert list(data["citations"]) == [str(entry.reference) for entry in entries]
    for entry in entries:
        cited = data["citations"][str(entry.reference)]
        source = hub.sources[entry.quote.source] if entry.quote else hub.sources_of(entry)[0]
        expected = {"text": citation(entry, hub, translator), "url": source.cited_url}
        if source.archived:
            expected["live_url"] = source.url
        assert cited == expected, entry.reference


def test_the_csl_json_export_cites_the_archived_copy_with_the_live_address_apart(hub: Hub) -> None:
    """`URL` is the address to cite (what the CSL styles print); the live address of an archived
    page is `custom.live_url` and, for people, labelled in the note."""
    translator = Translator(hub.lang)
    items = {item["id"]: item for item in json.loads(to_csl_json(hub))}
    archived = [source for source in hub.sources.values() if source.archived]
    assert archived
    for source in hub.sources.values():
        item = items[source.id]
        assert item["URL"] == source.cited_url, source.id
        if source.archived:
            assert item["custom"] == {"live_url": source.url}, source.id
            assert item["note"].endswith(f"{translator('citation.live')}: {source.url}"), source.id
            assert item["archive_location"] == source.archived
        else:
            assert "custom" not in item and source.url not in item.get("note", ""), source.id


def test_the_csl_json_export_names_the_archive_each_copy_is_in(hub: Hub) -> None:
    """The Internet Archive for a Wayback Machine copy, else the archive's host (the Department
    of Commerce's copy of its old site was named the Internet Archive)."""
    items = {item["id"]: item for item in json.loads(to_csl_json(hub))}
    archives = {items[source.id]["archive"] for source in hub.sources.values() if source.archived}
    assert archives == {"Internet Archive", "2017-2021.commerce.gov"}


def test_the_export_header_names_the_editors_as_publisher_and_the_organisation_as_subject(hub: Hub) -> None:
    translator = Translator(hub.lang)
    lines = to_markdown(hub).splitlines()
    assert lines[0] == f"# {hub.title}"
    assert lines[2] == translator("export.publisher", organisation=hub.organisation)
    assert "infohub-tui" in lines[2]
    assert lines[4] == translator("export.coverage", coverage=coverage(hub, translator))
    assert f"{hub.organisation} ·" not in lines[2], "not a line that reads as the organisation's"


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
