"""Find in the entry (`f`, as `/` in less): type, the occurrences are marked, `n`/`N` go by
occurrence, and going round the end says so; `n`/`N` after a search go by occurrence in the entry
shown and then on to the next entry, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from infohub_tui.hub.model import Pane
from infohub_tui.search.in_entry import Finding, occurrences
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.find_bar import FindBar

from .helpers import current_entry, make_app, reader_screen, running, toasts, write_bundle


def paragraphs(first: int, last: int, word: str = "", every: int = 0) -> str:
    return "\n\n".join(
        f"    Paragraph {n} of the statement{' about ' + word if every and n % every == 0 else ''}."
        for n in range(first, last + 1)
    )


def bundle(root: Path, lang: str = "en") -> Path:
    """Two statements: the first with 'Oracle' in its title and in paragraphs 40, 80 and 120 of its
    body, the second with it once."""
    statements = (
        "- id: long\n  date: 2020-08-18\n  speaker: Someone\n  title: The Oracle statement\n"
        f"  body: |\n{paragraphs(1, 120, 'Oracle', 40)}\n  sources: [src-one]\n"
        "- id: short\n  date: 2020-08-17\n  speaker: Someone\n  title: Another statement\n"
        "  body: Oracle once.\n  sources: [src-one]\n"
    )
    return write_bundle(root, lang, statements_yaml=statements)


def test_occurrences_in_the_order_the_entry_shows_them(tmp_path: Path) -> None:
    from infohub_tui.hub.loader import load_hub

    hub = load_hub(bundle(tmp_path), "en")
    entry = next(entry for entry in hub.entries(Pane.STATEMENTS) if entry.id == "long")
    found = occurrences(entry, "oracle")
    assert [field for field, _span in found] == [entry.heading_field] + [entry.body_field] * 3
    assert all(entry.body[start:end] == "Oracle" for _field, (start, end) in found[1:])
    assert occurrences(entry, "  ") == () and occurrences(entry, "no such text") == ()
    finding = Finding("oracle", found)
    assert [finding.step(1) for _ in range(4)] == [False, False, False, True]  # round: says so
    assert finding.position == 0
    assert finding.step(-1) and finding.position == 3


async def test_f_finds_marks_and_n_goes_by_occurrence_round_the_end(tmp_path: Path) -> None:
    app = make_app(content=bundle(tmp_path), start_pane=Pane.STATEMENTS)
    async with running(app, size=(80, 24), notifications=True) as pilot:
        screen = reader_screen(app)
        assert current_entry(app).id == "long"
        detail = screen.visible_reader.detail
        await pilot.press("f")
        assert isinstance(app.focused, FindBar)
        await pilot.press(*"oracle")
        await pilot.pause()
        marks = screen.visible_reader.highlights["long"]
        assert len(marks) == 4  # marked where they are: heading and body
        status = str(screen.query_one("#search-status").render())
        assert "oracle" in status and "1/4 in this entry" in status
        await pilot.press("enter")  # the find stays; the keys are the entry's again
        await pilot.pause()
        assert isinstance(app.focused, EntryDetail) and not screen.query_one(FindBar).display
        assert detail.scroll_y == 0  # the first is in the heading
        seen = []
        for _ in range(3):
            await pilot.press("n")
            await pilot.pause()
            await pilot.pause()
            seen.append(detail.scroll_y)
        assert seen == sorted(seen) and seen[0] > 0 and len(set(seen)) == 3  # further down each time
        assert "4/4 in this entry" in str(screen.query_one("#search-status").render())
        assert not any("back to the first" in toast for toast in toasts(app))
        await pilot.press("n")  # past the last: round to the first, and it says so
        await pilot.pause()
        await pilot.pause()
        assert detail.scroll_y == 0
        assert any("Past the last match: back to the first" in toast for toast in toasts(app))
        await pilot.press("N")
        await pilot.pause()
        await pilot.pause()
        assert detail.scroll_y == seen[-1]
        assert any("Before the first match: on to the last" in toast for toast in toasts(app))
        await pilot.press("escape", "escape")  # out of the entry; the find ends
        await pilot.pause()
        assert "long" not in screen.visible_reader.highlights
        assert not screen.query_one("#search-status").has_class("-searching")


async def test_a_find_that_finds_nothing_says_so_and_escape_drops_it(tmp_path: Path) -> None:
    app = make_app(lang="de", content=bundle(tmp_path, "de"), start_pane=Pane.STATEMENTS)
    async with running(app, size=(80, 24), notifications=True) as pilot:
        screen = reader_screen(app)
        await pilot.press("f", *"nirgends", "enter")
        await pilot.pause()
        assert any("Nicht in diesem Eintrag: nirgends" in toast for toast in toasts(app))
        await pilot.press("f", "escape")
        await pilot.pause()
        assert not screen.query_one(FindBar).display
        assert not screen.query_one("#search-status").has_class("-searching")


async def test_n_after_a_search_goes_by_occurrence_then_to_the_next_entry(tmp_path: Path) -> None:
    app = make_app(content=bundle(tmp_path), start_pane=Pane.STATEMENTS)
    async with running(app, size=(80, 24), notifications=True) as pilot:
        screen = reader_screen(app)
        await pilot.press("slash", *"oracle", "enter")
        await pilot.pause()
        search = screen.search.active
        assert search is not None and len(search.hits) == 2
        first = search.hit.entry_id
        detail = screen.visible_reader.detail
        in_first = 4 if first == "long" else 1
        positions = []
        for _ in range(in_first - 1):  # the occurrences of the first entry, one by one
            await pilot.press("n")
            await pilot.pause()
            await pilot.pause()
            assert current_entry(app).id == first
            positions.append(detail.scroll_y)
        assert positions == sorted(positions)
        await pilot.press("n")  # on to the next entry
        await pilot.pause()
        assert current_entry(app).id != first
        assert not any("back to the first" in toast for toast in toasts(app))
        second_count = 1 if first == "long" else 4
        await pilot.press(*"n" * second_count)  # round from the last entry's last to the first: said
        await pilot.pause()
        assert current_entry(app).id == first
        assert any("Past the last match: back to the first" in toast for toast in toasts(app))


@pytest.mark.content
def test_the_quote_is_found_where_the_entry_shows_it() -> None:
    """The quote shows apart from the body (under the heading): its occurrences come before the body's."""
    from infohub_tui.hub.loader import load_hub
    from infohub_tui.hub.model import QUOTE_FIELD
    from infohub_tui.locations import bundled_content_dir

    hub = load_hub(bundled_content_dir(), "en")
    entry = next(entry for entry in hub.all_entries() if entry.quote is not None)
    assert entry.quote is not None
    word = max(entry.quote.text.split(), key=len).strip('.,;:"“”')
    fields = [field for field, _span in occurrences(entry, word)]
    assert QUOTE_FIELD in fields
    if entry.body_field in fields:
        assert fields.index(QUOTE_FIELD) < fields.index(entry.body_field)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_the_find_line_hides_neither_the_status_line_nor_the_keys(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """While the reader types, the status line (the find's counter, or the search's) stays in view:
    the find line has a row of its own, above the key bar (it lay on the status line's row)."""
    app = make_app(content=bundle(tmp_path), start_pane=Pane.STATEMENTS)
    async with running(app, size=size) as pilot:
        screen = reader_screen(app)
        await pilot.press("slash", *"oracle", "enter")  # a search: its status line shows
        await pilot.pause()
        status, bar, keys = (screen.query_one(q) for q in ("#search-status", FindBar, "#key-bar"))
        detail = screen.visible_reader.detail
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.focused, FindBar)

        def apart() -> None:
            regions = [status.region, bar.region, keys.region, detail.region]
            assert all(region.area > 0 for region in regions)
            assert all(screen.region.contains_region(region) for region in regions)
            for index, region in enumerate(regions):
                assert not any(region.overlaps(other) for other in regions[index + 1 :])

        apart()
        assert "/oracle" in str(status.render())  # the search's line, while nothing is typed
        await pilot.press(*"oracle")
        await pilot.pause()
        apart()
        assert "1/4 in this entry" in str(status.render())
        assert bar.region.y > status.region.y  # the prompt at the bottom, as less's
        await pilot.press("enter")  # closed: the entry has the row back
        await pilot.pause()
        assert not bar.display and status.region.bottom == keys.region.y
