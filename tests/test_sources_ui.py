"""In the app: archived copies, terminal hyperlinks, editors' notes, 'as of' and citations."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.style import Style
from textual.widgets import OptionList, Static

from infohub_tui.config import Config
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.source_list import SourceList

from .builders import hub_yaml, source
from .helpers import make_app, reader_screen, running, toasts, write_bundle

ARCHIVED = "https://web.archive.org/web/20200817120000/https://example.org/one"
LONG_URL = "https://example.org/" + "/".join(f"segment-{number}" for number in range(20))

HUB = hub_yaml(
    [
        source(archived=ARCHIVED, date="2020-08-18"),
        source(id="src-long", title="A source with a long address", url=LONG_URL),
    ]
)
FAQ = """\
    - id: first-question
      question: Where is the data?
      answer: |
        In **Virginia**, with a
        back-up in Singapore.
      answered_by: TikTok
      note: We found no independent audit of this claim.
      as_of: 2020-08-17
      later: [timeline:first-event]
      sources: [src-one, src-long]
    """


def detail(app: InfohubApp) -> EntryDetail:
    """The entry view of the visible pane."""
    return reader_screen(app).visible_reader.detail


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_bundle(tmp_path, "en", hub_yaml=HUB, faq_yaml=FAQ)


@pytest.fixture
def browser(tmp_path: Path) -> tuple[Config, Path]:
    """A `browser` setting for a graphical browser that notes each URL it is given in a file."""
    record = tmp_path / "opened"
    script = tmp_path / "browser"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{record}"\n', encoding="utf-8")
    script.chmod(0o755)
    return Config(browser=f"{script} %u &"), record


def opened(record: Path) -> list[str]:
    return record.read_text(encoding="utf-8").splitlines() if record.exists() else []


@pytest.mark.e2e
async def test_o_opens_the_document_and_shift_o_its_archived_copy(
    content: Path, browser: tuple[Config, Path]
) -> None:
    config, record = browser
    app = make_app(content=content, config=config)
    async with running(app) as pilot:
        await pilot.press("2", "o")
        await app.workers.wait_for_complete()
        await pilot.press("O")
        await app.workers.wait_for_complete()
        assert opened(record) == ["https://example.org/one", ARCHIVED]


async def test_shift_o_says_so_when_a_source_has_no_archived_copy(
    content: Path, browser: tuple[Config, Path]
) -> None:
    config, record = browser
    app = make_app(content=content, config=config)
    async with running(app, notifications=True) as pilot:
        await pilot.press("2", "s", "O")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert opened(record) == []
        assert "This source has no archived copy." in toasts(app)


async def test_c_on_an_faq_entry_copies_the_editors_summary_with_the_sources_date_and_urls(
    content: Path,
) -> None:
    """Issue 21: an answer is the editors' text, never copied in quotation marks as TikTok's."""
    app = make_app(content=content)
    async with running(app) as pilot:
        await pilot.press("2", "c")
        await pilot.pause()
        assert app.clipboard == (
            "Summary by the editors of infohub-tui, not a quotation: Where is the data? (TikTok, 17 August 2020). "
            f"Source: Source one, Publisher, 18 August 2020. {ARCHIVED} Live address: https://example.org/one"
        )


async def test_an_editors_note_renders_as_such_with_as_of_and_what_came_later(content: Path) -> None:
    app = make_app(content=content)
    async with running(app) as pilot:
        await pilot.press("2")
        await pilot.pause()
        note = detail(app).query_one("#detail-note", Static)
        assert note.display
        assert note.border_title == "Note from this reader's editors"
        assert str(note.render()) == "We found no independent audit of this claim."
        assert str(detail(app).query_one("#detail-as-of", Static).render()) == "As of 17 August 2020."
        links = detail(app).query_one("#detail-links", OptionList)
        assert "What came later: Timeline: An event" in str(links.get_option_at_index(0).prompt)


async def test_an_entry_without_a_note_shows_no_note_box(content: Path) -> None:
    app = make_app(content=content)
    async with running(app) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert not detail(app).query_one("#detail-note", Static).display
        assert not detail(app).query_one("#detail-as-of", Static).display


async def test_source_urls_are_hyperlinks_on_one_line_that_never_wraps(content: Path) -> None:
    app = make_app(content=content)
    async with running(app, (80, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        sources = detail(app).query_one(SourceList)
        assert sources.region.height > 0, "the sources are on screen"
        lines = [line for line in sources.lines(sources.content_size.width)]
        archived = next(line for line in lines if line.plain.strip().startswith("Archived copy: "))
        assert ARCHIVED.startswith(archived.plain.strip().removeprefix("Archived copy: ").rstrip("…"))
        assert ARCHIVED in {span.style.link for span in archived.spans if isinstance(span.style, Style)}
        # The link to cite first, as `c`, `y`, `show` and the exports give it; then the live page.
        live = lines[lines.index(archived) + 1]
        assert live.plain.strip() == "Live address: https://example.org/one"
        assert "https://example.org/one" in {
            span.style.link for span in live.spans if isinstance(span.style, Style)
        }
        long_line = next(
            line for line in lines if line.plain.strip().startswith("https://example.org/segment")
        )
        assert long_line.cell_length <= sources.content_size.width, "one line, never wrapped"
        assert long_line.plain.rstrip().endswith("…")
        links = {span.style.link for span in long_line.spans if isinstance(span.style, Style)}
        assert LONG_URL in links
