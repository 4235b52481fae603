"""Search in the real app: the bar, live results, jumping, n/N, escape, history, palette."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.geometry import Region
from textual.widgets import Input, Markdown, OptionList, Static
from textual.widgets.markdown import MarkdownBlock

from infohub_tui.hub.model import Pane
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.search_screen import SearchScreen

from .helpers import current_id, make_app, reader_screen, running, showing


def status(app: InfohubApp) -> str:
    widget = app.query_one("#search-status", Static)
    return str(widget.render()) if widget.display else ""


async def test_slash_opens_live_results_grouped_by_pane_from_any_pane() -> None:
    app = make_app(start_pane=Pane.TIMELINE)
    async with running(app) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"sampleburg")
        await pilot.pause()
        summary = str(app.screen.query_one("#search-summary", Static).render())
        result = app.screen.result
        assert result is not None
        assert summary == " · ".join(
            f"{result.counts[pane]} in {title}"
            for pane, title in zip(Pane, ("Statements", "FAQ", "Data storage", "Timeline"), strict=True)
            if result.counts[pane]
        )
        options = app.screen.query_one("#search-results", OptionList)
        headers = [
            str(options.get_option_at_index(i).prompt)
            for i in range(options.option_count)
            if options.get_option_at_index(i).disabled
        ]
        assert headers[0].startswith("Statements (") and any(h.startswith("Data storage (") for h in headers)
        await pilot.press(*["backspace"] * len("sampleburg"))
        await pilot.press(*"zzqx")
        await pilot.pause()
        assert str(app.screen.query_one("#search-summary", Static).render()) == "No matches."


async def test_enter_jumps_to_the_hit_and_n_and_shift_n_walk_the_matches() -> None:
    app = make_app()
    async with running(app) as pilot:
        # The first two entries found hold the word once each: n goes from one to the next.
        await pilot.press("slash", *"sampleburg", "enter")
        await pilot.pause()
        search = reader_screen(app).search.active
        assert search is not None
        hits = search.hits
        total = len(hits)
        assert total >= 4
        assert showing(app) == (hits[0].pane, hits[0].entry_id)
        assert status(app) == f"/sampleburg   match 1/{total}"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Sampleburg" in line for line in plain(body_lines(app)))
        await pilot.press("n")
        await pilot.pause()
        assert status(app) == f"/sampleburg   match 2/{total}"
        assert current_id(app) == hits[1].entry_id
        await pilot.press("n", "n")
        await pilot.pause()
        assert reader_screen(app).active_pane is hits[3].pane is Pane.STORAGE
        await pilot.press("N", "N", "N", "N")
        await pilot.pause()
        assert status(app) == f"/sampleburg   match {total}/{total}"
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert status(app) == ""
        assert not any(highlighted for line in body_lines(app) for _, highlighted in line)


async def test_search_history_with_ctrl_up_and_ctrl_down() -> None:
    app = make_app()
    async with running(app) as pilot:
        for query in ("exampleton", "buyer"):
            await pilot.press("slash", *query, "enter")
            await pilot.pause()
            await pilot.press("escape", "escape")
        await pilot.press("slash")
        await pilot.pause()
        search_input = app.screen.query_one(Input)
        assert search_input.value == ""
        await pilot.press("ctrl+up")
        assert search_input.value == "buyer"
        await pilot.press("ctrl+up")
        assert search_input.value == "exampleton"
        await pilot.press("ctrl+down", "ctrl+down")
        assert search_input.value == ""
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_search_in_german_content() -> None:
    app = make_app(lang="de")
    async with running(app) as pilot:
        await pilot.press("slash", *"kaeufer", "enter")
        await pilot.pause()
        current = reader_screen(app).visible_reader.current
        assert current is not None and "Käufer" in (current.heading + current.body)
        assert status(app).startswith("/kaeufer   Treffer 1/")


async def test_palette_jumps_to_an_entry_by_its_title() -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Back-up location")
        results = app.screen.query_one(OptionList)
        for _ in range(200):
            if results.option_count and "Back-up location" in str(results.get_option_at_index(0).prompt):
                break
            await pilot.pause()
        assert "Back-up location" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert reader_screen(app).active_pane is Pane.STORAGE
        assert current_id(app, Pane.STORAGE) == "backup-location"


def body_lines(app: InfohubApp) -> list[list[tuple[str, bool]]]:
    """The entry body's rendered lines, as (text, highlighted) pieces, blocks in order (a
    highlighted piece is underlined: Markdown's inline styles cannot reverse)."""
    body = reader_screen(app).visible_reader.detail.query_one("#detail-body", Markdown)
    assert body.display
    lines = []
    for block in body.query(MarkdownBlock):
        if block.query(MarkdownBlock):  # a list or a quote: its items are blocks of their own
            continue
        size = block.content_size
        for strip in block.render_lines(Region(0, 0, size.width, size.height)):
            lines.append(
                [(segment.text, bool(segment.style and segment.style.underline)) for segment in strip]
            )
    return lines


def plain(lines: list[list[tuple[str, bool]]]) -> list[str]:
    return ["".join(text for text, _ in line).rstrip() for line in lines]


async def test_a_search_hit_shows_the_same_markdown_as_the_plain_entry() -> None:
    """A hit's body kept the YAML's line breaks ("…stored in / Exampleton…") and lost its bold
    until escape; now it is the entry's Markdown with the matches marked on top."""
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        await pilot.press("slash", *"exampleton", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert current_id(app) == "launch-claim"
        with_hit = body_lines(app)
        bold = {
            segment.text
            for block in reader_screen(app).visible_reader.detail.query(MarkdownBlock)
            for strip in block.render_lines(Region(0, 0, block.content_size.width, block.content_size.height))
            for segment in strip
            if segment.style and segment.style.bold and not segment.style.underline
        }
        assert "no access from abroad" in bold, bold  # **no access\n    from abroad**
        await pilot.press("escape", "escape")  # back to the list, then the search ends
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert status(app) == ""
        without = body_lines(app)
    assert plain(with_hit) == plain(without)
    assert any("Exampleton" in line for line in plain(with_hit))
    marked = {text for line in with_hit for text, highlighted in line if highlighted}
    assert marked == {"Exampleton"}, marked
    assert not any(highlighted for line in without for _, highlighted in line)
