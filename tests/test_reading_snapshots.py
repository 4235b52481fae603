"""Snapshots of the reading polish (update with -n 0 --snapshot-update): the entry alone (`z`) at
80x24 and 120x36, and the key bar at 80x24 with help in it (the pane snapshots show it too)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from infohub_tui.hub.model import Pane

from .helpers import make_bundled_app

pytestmark = pytest.mark.snapshot
SnapCompare = Callable[..., bool]  # the snap_compare fixture of pytest-textual-snapshot


def pressing(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_entry_alone(snap_compare: SnapCompare, lang: str, size: tuple[int, int]) -> None:
    app = make_bundled_app(lang=lang, start_pane=Pane.STATEMENTS)
    assert snap_compare(app, terminal_size=size, run_before=pressing("j", "z"))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_find_in_the_entry(snap_compare: SnapCompare, lang: str) -> None:
    """`f data`, enter, `n`: the occurrences marked, the second brought into view, the counter."""
    app = make_bundled_app(lang=lang, start_pane=Pane.STATEMENTS)
    word = "data" if lang == "en" else "daten"
    assert snap_compare(app, terminal_size=(80, 24), run_before=pressing("f", *word, "enter", "n"))


def test_j_in_the_bookmark_list(snap_compare: SnapCompare) -> None:
    """Three bookmarks, `B j`: the second highlighted."""
    from infohub_tui.hub.model import Reference
    from infohub_tui.locations import state_file
    from infohub_tui.reading.state import State
    from infohub_tui.reading.state_store import StateStore

    bookmarks = [
        Reference(Pane.STORAGE, "backup-location"),
        Reference(Pane.FAQ, "data-to-china"),
        Reference(Pane.TIMELINE, "eo-14352"),
    ]
    StateStore(state_file()).save(State(bookmarks=bookmarks))
    assert snap_compare(make_bundled_app(), terminal_size=(80, 24), run_before=pressing("B", "j"))
