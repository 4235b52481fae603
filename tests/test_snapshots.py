"""Snapshots of every pane of the real app at two fixed sizes (update with -n 0 --snapshot-update)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from infohub_tui.hub.model import PANES, Pane

from .helpers import make_bundled_app

SIZES = [(80, 24), (120, 40)]
SnapCompare = Callable[..., bool]  # the snap_compare fixture of pytest-textual-snapshot


def pressing(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("pane", PANES, ids=lambda pane: pane.value)
def test_pane(snap_compare: SnapCompare, pane: Pane, size: tuple[int, int]) -> None:
    assert snap_compare(make_bundled_app(start_pane=pane), terminal_size=size, run_before=pressing("j"))


@pytest.mark.parametrize("pane", PANES, ids=lambda pane: pane.value)
def test_german_pane(snap_compare: SnapCompare, pane: Pane) -> None:
    assert snap_compare(
        make_bundled_app(lang="de", start_pane=pane), terminal_size=(100, 32), run_before=pressing("j")
    )


@pytest.mark.parametrize("size", [(120, 36), (200, 50)], ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("pane", [Pane.FAQ, Pane.TIMELINE], ids=lambda pane: pane.value)
def test_readable_list(snap_compare: SnapCompare, pane: Pane, size: tuple[int, int]) -> None:
    """The first FAQ question and the first five timeline events read whole (test_lists.py checks
    the same on the list's rendered lines); at 200 columns the list widens, the entry does not."""
    assert snap_compare(make_bundled_app(start_pane=pane), terminal_size=size, run_before=pressing())
