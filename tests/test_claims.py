"""No claim reads as fact in a list (issue 21): the Data storage list names who claims each value
and as of when, and its labels say these are claims; bylines fit any speaker, in both languages."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import Static

from infohub_tui.formats.export import to_markdown
from infohub_tui.hub.library import ContentLibrary
from infohub_tui.hub.model import Pane, StorageFact
from infohub_tui.i18n import Translator
from infohub_tui.locations import bundled_content_dir
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.widgets.entry_list import EntryList

from .helpers import make_app, reader_screen, running

HEADERS = {
    "en": ("Topic", "Claim", "Claimed by", "As of"),
    "de": ("Thema", "Behauptung", "Behauptet von", "Stand"),
}


def storage_list_lines(app: InfohubApp) -> list[str]:
    """The list's lines as drawn, inside its border."""
    entry_list: EntryList = reader_screen(app).reader(Pane.STORAGE).entry_list
    width, height = entry_list.size
    return [strip.text for strip in entry_list.render_lines(Region(0, 0, width, height))][1:-1]


@pytest.mark.parametrize(("lang", "size"), [("en", (120, 36)), ("en", (80, 24)), ("de", (120, 36))])
async def test_the_storage_list_shows_who_claims_each_value_and_as_of_when(
    lang: str, size: tuple[int, int]
) -> None:
    app = make_app(lang, start_pane=Pane.STORAGE)
    async with running(app, size) as pilot:
        await pilot.pause()
        entry_list = reader_screen(app).reader(Pane.STORAGE).entry_list
        header, *rows = storage_list_lines(app)
        *labels, as_of = HEADERS[lang]
        for label in labels:
            assert label in header, header
        assert "Fact" not in header and "Value" not in header
        translator = Translator(lang)
        lines = entry_list.row_lines
        shown = min(len(entry_list.entries), len(rows) // lines)
        assert shown >= 3
        for number, fact in enumerate(entry_list.entries[:shown]):
            assert isinstance(fact, StorageFact)
            row = " ".join(" ".join(rows[number * lines : (number + 1) * lines]).split())
            first_word = fact.claimed_by.split()[0]
            assert first_word in row, (fact.claimed_by, row)
            assert fact.as_of is not None and translator.short_date(fact.as_of) in row, row
            # The day is labelled: in its own column, or under the claimant in two-line rows.
            assert as_of in header or as_of.casefold() in row.casefold(), (header, row)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.content
def test_no_byline_of_the_bundled_content_ends_in_says(lang: str) -> None:
    hub = ContentLibrary(bundled_content_dir()).hub(lang)
    translator = Translator(lang)
    for entry in hub.all_entries():
        before, after = translator.byline(entry.pane, entry.speaker)
        byline = translator.byline_text(entry.pane, entry.speaker)
        assert byline == f"{before}{entry.speaker}{after}"
        assert entry.speaker in byline
        for verb in (" says", " sagt"):
            assert not byline.endswith(verb), byline


def test_bylines_fit_an_order_several_reports_and_a_claim() -> None:
    english, german = Translator("en"), Translator("de")
    assert english.byline_text(Pane.TIMELINE, "President Donald Trump") == "Actor: President Donald Trump"
    assert (
        english.byline_text(Pane.FAQ, "TikTok (newsroom, 2020); news reports")
        == "According to TikTok (newsroom, 2020); news reports"
    )
    assert (
        english.byline_text(Pane.STORAGE, "TikTok, information hub") == "Claimed by TikTok, information hub"
    )
    assert german.byline_text(Pane.FAQ, "TikTok (Newsroom, 2020); Presseberichte") == (
        "Laut TikTok (Newsroom, 2020); Presseberichte"
    )
    assert german.byline_text(Pane.TIMELINE, "Präsident Donald Trump") == "Akteur: Präsident Donald Trump"


async def test_the_entrys_byline_over_an_executive_order_does_not_say_says() -> None:
    app = make_app(start_pane=Pane.TIMELINE)
    async with running(app, (120, 36)) as pilot:
        reader_screen(app).reader(Pane.TIMELINE).select("order-signed")
        await pilot.pause()
        detail = reader_screen(app).visible_reader.detail
        byline = str(detail.query_one("#detail-byline", Static).render())
        assert byline == "Actor: Sample Agency · 6 August 2020"


@pytest.mark.content
def test_the_markdown_export_has_no_says_byline() -> None:
    for lang, verb in (("en", "says*"), ("de", "sagt*")):
        markdown = to_markdown(ContentLibrary(bundled_content_dir()).hub(lang))
        bylines = [
            line for line in markdown.splitlines() if line.startswith("*") and not line.startswith("**")
        ]
        assert bylines and not [line for line in bylines if verb in line]
        assert "*Actor: " in markdown or "*Akteur: " in markdown
