"""Snapshots of the timeline chart in the app: 80x24 and 160x45, English, German and NO_COLOR, and
the view it opens on at 80x24, 120x36 and 200x50 (update with -n 0 --snapshot-update). Story content,
not the bundled content, so they change only with the chart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from infohub_tui.hub.model import Pane

from .chart_story import write_story
from .helpers import make_app

SnapCompare = Callable[..., bool]  # the snap_compare fixture of pytest-textual-snapshot
SIZES = [(80, 24), (160, 45)]


def in_the_chart(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("v", *keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", ["en", "de"])
def test_chart(snap_compare: SnapCompare, tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    """The whole span (`0`), with the order of 14 August selected."""
    app = make_app(lang=lang, content=write_story(tmp_path), start_pane=Pane.TIMELINE)
    assert snap_compare(app, terminal_size=size, run_before=in_the_chart("j", "j", "0"))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", ["en", "de"])
def test_chart_zoomed_to_the_clocks(
    snap_compare: SnapCompare, tmp_path: Path, lang: str, size: tuple[int, int]
) -> None:
    """August to December 2020: the clocks, their extensions and the injunctions."""
    app = make_app(lang=lang, content=write_story(tmp_path), start_pane=Pane.TIMELINE)
    keys = ("0",) + ("j",) * 6 + ("plus",) * (4 if size[0] < 100 else 5)
    assert snap_compare(app, terminal_size=size, run_before=in_the_chart(*keys))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_chart_without_colour(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """NO_COLOR: shapes tell the kinds apart, the selection is reversed."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(content=write_story(tmp_path), start_pane=Pane.TIMELINE)
    keys = ("0",) + ("j",) * 6 + ("plus",) * 3
    assert snap_compare(app, terminal_size=size, run_before=in_the_chart(*keys))


OPENING_SIZES = [(80, 24), (120, 36), (200, 50)]


@pytest.mark.parametrize("size", OPENING_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", ["en", "de"])
def test_chart_opens_on_the_story(
    snap_compare: SnapCompare, tmp_path: Path, lang: str, size: tuple[int, int]
) -> None:
    """The view `v` opens on: the densest span, a dot for each event sharing a column, titles apart."""
    app = make_app(lang=lang, content=write_story(tmp_path), start_pane=Pane.TIMELINE)
    assert snap_compare(app, terminal_size=size, run_before=in_the_chart())


@pytest.mark.parametrize("size", OPENING_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_chart_opens_on_the_story_without_colour(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(content=write_story(tmp_path), start_pane=Pane.TIMELINE)
    assert snap_compare(app, terminal_size=size, run_before=in_the_chart())
