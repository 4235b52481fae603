"""The Sources view (issue 21): every source with the entries that cite it, each a jump; `y` copies
the link to cite (the archived copy first, issue 22), `Y` the live page's own; the help lists keys
only. The index is tested without an app."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from infohub_tui.hub.citations import cited_by, source_index
from infohub_tui.hub.library import ContentLibrary
from infohub_tui.hub.model import (
    FaqEntry,
    Hub,
    Pane,
    Reference,
    Source,
    Statement,
)
from infohub_tui.locations import bundled_content_dir
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.help_screen import HelpScreen
from infohub_tui.ui.screens.sources_screen import SourcesScreen
from infohub_tui.ui.widgets.source_table import SourceTable

from .helpers import hub_of, make_app, reader_screen, running, showing, toasts, wait_until


def _source(source_id: str, title: str, archived: str | None = None) -> Source:
    return Source(source_id, title, "Publisher", f"https://example.org/{source_id}", archived=archived)


def _hub(sources: list[Source], *entries: Statement | FaqEntry) -> Hub:
    by_pane: dict[Pane, tuple[Statement | FaqEntry, ...]] = {}
    for entry in entries:
        by_pane[entry.pane] = (*by_pane.get(entry.pane, ()), entry)
    return Hub(
        "en",
        "Hub",
        "Org",
        datetime.date(2020, 8, 17),
        {source.id: source for source in sources},
        dict(by_pane),
    )


def _statement(entry_id: str, *sources: str) -> Statement:
    return Statement(
        id=entry_id,
        sources=sources,
        date=datetime.date(2020, 8, 17),
        speaker_name="S",
        title=f"Statement {entry_id}",
        text="B",
    )


def _question(entry_id: str, *sources: str) -> FaqEntry:
    return FaqEntry(id=entry_id, sources=sources, question=f"{entry_id}?", answer="A", answered_by="S")


# The index, without an app ------------------------------------------------------


def test_cited_by_lists_the_entries_citing_each_source_in_tab_order_once_each() -> None:
    hub = _hub(
        [_source("b", "Beta"), _source("a", "Alpha"), _source("unused", "Nobody's")],
        _statement("s1", "a", "b", "a"),
        _question("q1", "a", "missing"),
        _statement("s2", "b"),
    )
    assert cited_by(hub) == {
        "b": (Reference(Pane.STATEMENTS, "s1"), Reference(Pane.STATEMENTS, "s2")),
        "a": (Reference(Pane.STATEMENTS, "s1"), Reference(Pane.FAQ, "q1")),
        "unused": (),
    }


def test_the_index_lists_sources_by_title_each_followed_by_its_citing_entries() -> None:
    hub = _hub(
        [_source("b", "beta"), _source("a", "Alpha"), _source("unused", "Zulu")],
        _statement("s1", "a", "b"),
        _question("q1", "a"),
    )
    index = source_index(hub)
    lines = [index.line(number) for number in range(len(index))]
    assert [(line.source.id, line.reference, line.is_source) for line in lines] == [
        ("a", None, True),
        ("a", Reference(Pane.STATEMENTS, "s1"), False),
        ("a", Reference(Pane.FAQ, "q1"), False),
        ("b", None, True),
        ("b", Reference(Pane.STATEMENTS, "s1"), False),
        ("unused", None, True),
        ("unused", None, False),  # "cited by no entry"
    ]
    assert [index.source_number(number) for number in range(len(index))] == [0, 0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.content
def test_every_citation_of_the_bundled_content_is_in_the_index(lang: str) -> None:
    hub = ContentLibrary(bundled_content_dir()).hub(lang)
    index = source_index(hub)
    assert len(index.sources) == len(hub.sources)
    pairs = {
        (line.source.id, line.reference) for line in map(index.line, range(len(index))) if line.reference
    }
    expected = {
        (source_id, entry.reference)
        for entry in hub.all_entries()
        for source_id in entry.sources
        if source_id in hub.sources
    }
    assert pairs == expected


def test_an_index_of_100_000_sources_is_built_in_one_pass() -> None:
    """Not a timing: the index holds one number per source, and lines are made when asked."""
    sources = [_source(f"s{number}", f"Source {number:06d}") for number in range(100_000)]
    hub = _hub(sources, _statement("s1", "s99999"))
    index = source_index(hub)
    assert len(index.starts) == 100_001
    assert len(index) == 200_000
    last = index.line(len(index) - 2)
    assert last.source.id == "s99999" and last.is_source
    assert index.line(len(index) - 1).reference == Reference(Pane.STATEMENTS, "s1")


# The view in the app --------------------------------------------------------------


def table(app: InfohubApp) -> SourceTable:
    assert isinstance(app.screen, SourcesScreen)
    return app.screen.query_one(SourceTable)


def shown_lines(widget: SourceTable) -> list[str]:
    region = widget.scrollable_content_region
    return [strip.text for strip in widget.render_lines(Region(0, 0, region.width, region.height))]


async def test_shift_r_lists_every_source_of_the_hub_with_publisher_date_kind_and_archive() -> None:
    app = make_app()
    async with running(app, (120, 36)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        sources = table(app)
        hub = hub_of(app)
        assert len(sources.index.sources) == len(hub.sources)
        assert app.screen.query_one("#sources-box").border_title == f"Sources ({len(hub.sources)})"
        header, first, *rest = shown_lines(sources)
        for label in ("Source", "Publisher", "Date", "Kind", "Archived"):
            assert label in header
        source = sources.index.sources[0]
        assert source.title[:20] in first and source.publisher[:10] in first
        assert source.title == "Example Org annual report 2023", "sources are listed by title"
        assert "2023-03-01 Report" in first and first.rstrip().endswith("yes")
        assert rest[0].strip().startswith("↳ Statements: ")
        seen = {sources.source.id if sources.source else ""}
        for _ in range(len(sources.index)):  # j through every line reaches every source
            await pilot.press("j")
            seen.add(sources.source.id if sources.source else "")
        assert seen == set(hub.sources)
        await pilot.press("g")
        assert sources.cursor == 0
        await pilot.press("G")
        assert sources.cursor == len(sources.index) - 1
        assert (
            str(app.screen.query_one("#sources-position", Static).render())
            == f"source {len(hub.sources)} of {len(hub.sources)}"
        )
        await pilot.press("escape")
        assert not isinstance(app.screen, SourcesScreen)


async def test_the_sources_view_speaks_german() -> None:
    app = make_app("de")
    async with running(app, (120, 36)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        sources = table(app)
        assert app.screen.query_one("#sources-box").border_title == f"Quellen ({len(hub_of(app).sources)})"
        header, first, citing, *_ = shown_lines(sources)
        for label in ("Quelle", "Herausgeber", "Datum", "Art", "Archiv"):
            assert label in header
        assert "Example Org eröffnet ihre Informationsseite" in first, "sorted by the German titles"
        assert "17.08.2020 Blogbeitrag" in first and first.rstrip().endswith("ja")
        assert citing.strip().startswith("↳ Erklärungen: ")
        assert (
            str(app.screen.query_one("#sources-position", Static).render())
            == f"Quelle 1 von {len(hub_of(app).sources)}"
        )


async def test_enter_on_a_citing_entry_jumps_to_it_in_its_pane_and_back_returns() -> None:
    app = make_app()
    async with running(app, (120, 36)) as pilot:
        before = showing(app)
        await pilot.press("R")
        await pilot.pause()
        sources = table(app)
        await pilot.press("enter")  # on a source: to the first entry citing it
        line = sources.line
        assert line is not None and line.reference is not None and not line.is_source
        await pilot.press("j", "enter")
        await pilot.pause()
        chosen = sources.index.line(2).reference
        assert chosen is not None
        assert not isinstance(app.screen, SourcesScreen)
        assert showing(app) == (chosen.pane, chosen.id)
        assert reader_screen(app).visible_reader.detail.has_focus
        await pilot.press("backspace")
        await pilot.pause()
        assert showing(app) == before


async def test_a_double_click_on_a_citing_entry_jumps_to_it() -> None:
    app = make_app()
    async with running(app, (120, 36)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        sources = table(app)
        chosen = sources.index.line(2).reference
        assert chosen is not None
        await pilot.click(SourceTable, offset=(10, 3), times=2)  # the header, then lines 0, 1, 2
        await pilot.pause()
        assert not isinstance(app.screen, SourcesScreen)
        assert showing(app) == (chosen.pane, chosen.id)


async def test_the_palette_opens_the_sources_view() -> None:
    from .test_palette_commands import open_palette, palette_rows

    app = make_app()
    async with running(app) as pilot:
        await open_palette(pilot, "Sources: every")
        await wait_until(pilot, lambda: "Sources: every source" in palette_rows(app)[0], "the command")
        assert "key R" in palette_rows(app)[0]
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SourcesScreen), "the Sources view open")


ARCHIVED_FIRST = "launch-claim"  # its first source has an archived copy
NOT_ARCHIVED_FIRST = "agency-risk"  # its first source has none


async def test_y_copies_the_archived_copy_first_and_says_so() -> None:
    """Issue 22: a source with an archived copy is a page that changed or vanished since: `y`
    copies the copy to cite, and the message names it."""
    app = make_app()
    async with running(app, (120, 40), notifications=True) as pilot:
        reader_screen(app).reader(Pane.STATEMENTS).select(ARCHIVED_FIRST)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        source = reader_screen(app).visible_reader.detail.source
        assert source is not None and source.archived
        assert app.clipboard == source.archived
        assert toasts(app)[-1].startswith("Archived link ")


async def test_shift_y_copies_the_live_pages_link() -> None:
    app = make_app()
    async with running(app, (120, 40), notifications=True) as pilot:
        reader_screen(app).reader(Pane.STATEMENTS).select(ARCHIVED_FIRST)
        await pilot.press("Y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        source = reader_screen(app).visible_reader.detail.source
        assert source is not None and source.archived
        assert app.clipboard == source.url
        assert toasts(app)[-1].startswith("Live page's link ")


@pytest.mark.parametrize("key", ["y", "Y"])
async def test_without_an_archived_copy_y_and_shift_y_copy_the_pages_link(key: str) -> None:
    app = make_app()
    async with running(app, (120, 40), notifications=True) as pilot:
        reader_screen(app).reader(Pane.STATEMENTS).select(NOT_ARCHIVED_FIRST)
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        source = reader_screen(app).visible_reader.detail.source
        assert source is not None and not source.archived
        assert app.clipboard == source.url
        assert "This source has no archived copy." not in toasts(app)


async def test_the_german_messages_say_which_link_was_copied() -> None:
    app = make_app(lang="de")
    async with running(app, (120, 40), notifications=True) as pilot:
        reader_screen(app).reader(Pane.STATEMENTS).select(ARCHIVED_FIRST)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("Y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = toasts(app)
        assert said[-2].startswith("Archiv-Link ") and said[-1].startswith("Link der aktuellen Seite ")


async def test_y_and_shift_y_in_the_sources_view_copy_the_sources_links() -> None:
    app = make_app()
    async with running(app, (120, 36), notifications=True) as pilot:
        await pilot.press("R")
        await pilot.pause()
        sources = table(app)
        archived = next(n for n in range(len(sources.index)) if sources.index.line(n).source.archived)
        sources.cursor = archived + 1  # on an entry citing it: the copy keys act on its source
        await pilot.press("y")
        await pilot.pause()
        source = sources.index.line(archived).source
        assert source.archived and app.clipboard == source.archived
        await pilot.press("Y")
        await pilot.pause()
        assert app.clipboard == source.url
        plain = next(n for n in range(len(sources.index)) if not sources.index.line(n).source.archived)
        sources.cursor = plain  # a source without an archived copy
        first = sources.index.line(plain).source
        assert not first.archived
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == first.url
        assert isinstance(app.screen, SourcesScreen), "the view stays open"


async def test_a_hub_without_sources_says_so(tmp_path: Path) -> None:
    from .builders import hub_yaml
    from .helpers import write_bundle

    hub = hub_yaml(checked="2020-08-17")
    empty = "[]\n"
    content = write_bundle(
        tmp_path, hub_yaml=hub, statements_yaml=empty, faq_yaml=empty, storage_yaml=empty, timeline_yaml=empty
    )
    app = make_app(content=content)
    async with running(app, (80, 24)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        assert app.screen.query_one("#sources-empty", Static).display
        await pilot.press("j", "G", "enter", "y", "Y")  # nothing to move to, copy or choose
        assert isinstance(app.screen, SourcesScreen)


async def test_the_help_lists_keys_and_names_the_sources_key_but_no_source() -> None:
    app = make_app()
    async with running(app, (120, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(static.render()) for static in app.screen.query(Static))
        lines = [" ".join(line.split()) for line in text.splitlines()]
        assert "R Sources: every source and the entries that cite it" in lines
        assert "y Copy the link to cite: the archived copy if any" in lines
        assert "Y Copy the live page's own link" in lines
        for source in hub_of(app).sources.values():
            assert source.url not in text and source.title not in text
