"""Sources that lead to the document: URL rules, archived copies, notes, citations and CSL-JSON."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path

import pytest

from infohub_tui.cli.main import main
from infohub_tui.formats.citation import citation
from infohub_tui.formats.export import to_csl_json, to_data, write_content_dir
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Pane, Reference
from infohub_tui.hub.source_urls import not_a_document
from infohub_tui.i18n import Translator
from infohub_tui.locations import bundled_content_dir

from .builders import hub_yaml, source
from .helpers import write_bundle
from .test_loader import problems_for

# Indented as the `extra` fields are (write_bundle dedents it).
HUB_WITH = textwrap.indent(hub_yaml([source(url="{url}", date="2020-08-17{extra}")]), "    ")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://siliconangle.com/", "a site's front page"),
        ("https://www.theverge.com", "a site's front page"),
        ("https://newsroom.tiktok.com/en-us", "a site's front page"),
        ("https://variety.com/index.html", "a site's front page"),
        ("https://www.commerce.gov/news/press-releases", "an index page"),
        ("https://www.theverge.com/tag/tiktok", "an index page"),
        ("https://www.courtlistener.com/?q=%222%3A20-cv-07672%22", "a search query"),
        ("https://www.federalregister.gov/documents/search?conditions%5Bterm%5D=tiktok", "a search page"),
        ("https://example.org/find?query=tiktok", "a search query"),
    ],
)
def test_front_pages_indexes_and_searches_are_not_documents(url: str, reason: str) -> None:
    assert not_a_document(url) == reason


@pytest.mark.parametrize(
    "url",
    [
        "https://www.federalregister.gov/documents/2020/08/11/2020-17699/addressing-the-threat-posed-by-tiktok-and-taking-additional-steps-to-address-the-national-emergency",
        "https://blogs.microsoft.com/blog/2020/08/02/microsoft-to-continue-discussions-on-potential-tiktok-purchase-in-the-united-states/",
        "https://www.supremecourt.gov/opinions/24pdf/24-656_ca7d.pdf",
        "https://www.courtlistener.com/docket/18462018/tiktok-inc-v-trump/",
        "https://web.archive.org/web/20200817000000/https://www.tiktokus.info/",
    ],
)
def test_document_urls_pass(url: str) -> None:
    assert not_a_document(url) is None


def test_validate_reports_a_front_page_source_with_file_line_and_column(tmp_path: Path) -> None:
    assert problems_for(tmp_path, hub_yaml=HUB_WITH.format(url="https://siliconangle.com/", extra="")) == [
        "hub.yaml:8:10: sources[0].url: a site's front page, not the document itself; "
        "link the document, or add `archived` and a `note` saying why not"
    ]


def test_a_front_page_passes_only_with_an_archived_copy_and_a_note(tmp_path: Path) -> None:
    archived_only = "\n        archived: https://web.archive.org/web/20200817120000/https://example.org/"
    assert problems_for(tmp_path, hub_yaml=HUB_WITH.format(url="https://example.org/", extra=archived_only))
    with_note = archived_only + "\n        note: The site had one page; the archived copy shows it as it was."
    write_bundle(tmp_path, "en", hub_yaml=HUB_WITH.format(url="https://example.org/", extra=with_note))
    source = load_hub(tmp_path, "en").sources["src-one"]
    assert source.archived == "https://web.archive.org/web/20200817120000/https://example.org/"
    assert source.note is not None and source.note.startswith("The site had one page")


def test_source_kind_must_be_a_csl_type(tmp_path: Path) -> None:
    extra = "\n        kind: tweet"
    [problem] = problems_for(tmp_path, hub_yaml=HUB_WITH.format(url="https://example.org/a", extra=extra))
    assert problem.startswith("hub.yaml:10:11: sources[0].kind: 'tweet' is not one of webpage, post-weblog")


@pytest.mark.parametrize("hidden", ["\u202e", "\u200b", "\u2066", "\ufeff"])
def test_urls_with_invisible_or_bidi_characters_are_refused(tmp_path: Path, hidden: str) -> None:
    url = f"https://example.org/a{hidden}gpj.exe"
    assert problems_for(tmp_path, hub_yaml=HUB_WITH.format(url=url, extra="")) == [
        "hub.yaml:8:10: sources[0].url: has invisible or direction-changing characters (a spoofed link?)"
    ]


def test_a_link_listed_twice_is_refused(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        faq_yaml="""\
        - id: first-question
          question: A question?
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
          see_also: [timeline:first-event, timeline:first-event]
        """,
    ) == ["faq.yaml:6:36: faq[0].see_also: timeline:first-event is listed twice"]


def test_later_links_need_the_day_the_entry_was_true(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        storage_yaml="""\
        - id: first-fact
          label: A fact
          value: A value
          detail: Detail.
          claimed_by: Someone
          sources: [src-one]
          later: [timeline:first-event]
        """,
    ) == ["storage.yaml:7:10: storage[0].later: needs as_of, the day it was true"]


def test_later_links_must_name_an_entry(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        storage_yaml="""\
        - id: first-fact
          label: A fact
          value: A value
          detail: Detail.
          claimed_by: Someone
          sources: [src-one]
          as_of: 2020-08-17
          later: [timeline:no-such-event]
        """,
    ) == ["storage.yaml:8:11: storage[0].later: no entry timeline:no-such-event"]


EDITED_FAQ = """\
    - id: first-question
      question: A question?
      answer: |
        An answer with **bold** words
        over two lines.
      answered_by: TikTok
      note: We found no independent audit.
      as_of: 2020-08-17
      later: [timeline:first-event]
      sources: [src-one]
    """
ARCHIVED = "\n        archived: https://web.archive.org/web/20200817120000/https://example.org/a\n        author: A. Writer"


def test_editorial_fields_load_and_round_trip_through_json(tmp_path: Path) -> None:
    write_bundle(
        tmp_path / "in",
        "en",
        faq_yaml=EDITED_FAQ,
        hub_yaml=HUB_WITH.format(url="https://example.org/a", extra=ARCHIVED),
    )
    hub = load_hub(tmp_path / "in", "en")
    entry = hub.entries(Pane.FAQ)[0]
    assert entry.note == "We found no independent audit."
    assert entry.as_of == date(2020, 8, 17)
    assert entry.later == (Reference(Pane.TIMELINE, "first-event"),)
    assert ("note", "We found no independent audit.") in entry.searchable()
    again = load_hub(write_content_dir(to_data(hub), tmp_path / "out"), "en")
    assert again == hub


def test_citation_of_an_faq_entry_without_a_quote_is_the_editors_summary_and_the_source(
    tmp_path: Path,
) -> None:
    """Issue 21: an answer is the editors' words; `c` never puts it in quotation marks."""
    write_bundle(
        tmp_path,
        "en",
        faq_yaml=EDITED_FAQ,
        hub_yaml=HUB_WITH.format(url="https://example.org/a", extra=ARCHIVED),
    )
    hub = load_hub(tmp_path, "en")
    entry = hub.entries(Pane.FAQ)[0]
    text = citation(entry, hub, Translator("en"))
    assert text == (
        "Summary by the editors of infohub-tui, not a quotation: A question? (TikTok, 17 August 2020). "
        "Source: Source one, A. Writer, Publisher, 17 August 2020. "
        "https://web.archive.org/web/20200817120000/https://example.org/a Live address: https://example.org/a"
    )
    assert "An answer" not in text and "“" not in text


@pytest.mark.content
def test_csl_json_export_lists_every_bundled_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "csl-json", "--lang", "en"]) == 0
    items = json.loads(capsys.readouterr().out)
    hub = load_hub(bundled_content_dir(), "en")
    assert [item["id"] for item in items] == list(hub.sources)
    for item in items:
        source = hub.sources[item["id"]]
        assert item["URL"] == source.cited_url  # the archived copy where there is one
        assert item["title"] == source.title
        assert item["type"] == source.kind
        if source.date is not None:
            assert item["issued"] == {"date-parts": [[source.date.year, source.date.month, source.date.day]]}
        assert item.get("archive_location") == source.archived


def test_csl_json_carries_author_archive_and_note(tmp_path: Path) -> None:
    extra = ARCHIVED + "\n        note: Checked against the printed copy.\n        kind: article-newspaper"
    write_bundle(tmp_path, "en", hub_yaml=HUB_WITH.format(url="https://example.org/a", extra=extra))
    [item] = json.loads(to_csl_json(load_hub(tmp_path, "en")))
    assert item["type"] == "article-newspaper"
    assert item["author"] == [{"literal": "A. Writer"}]
    assert item["archive_location"] == "https://web.archive.org/web/20200817120000/https://example.org/a"
    assert item["note"].startswith("Checked against the printed copy.")
