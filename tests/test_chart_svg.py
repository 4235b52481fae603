"""`export --format svg-timeline`: the chart as SVG, read back with xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from infohub_tui.chart.svg import CELL_WIDTH, PADDING, timeline_svg
from infohub_tui.cli.main import main
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import TimelineEvent
from infohub_tui.i18n import Translator

from .chart_story import write_story

NS = {"svg": "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def story_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_story(tmp_path_factory.mktemp("story"))


def texts(root: ET.Element) -> list[str]:
    return [element.text or "" for element in root.iter(f"{{{NS['svg']}}}text")]


def markers(root: ET.Element) -> dict[str, int]:
    """How many markers of each kind the chart (not its legend) draws."""
    counts: dict[str, int] = {}
    events = root.find("svg:g[@class='events']", NS)
    assert events is not None
    for group in events.iter(f"{{{NS['svg']}}}g"):
        kind = group.get("data-kind")
        if kind and "marker" in (group.get("class") or "").split():
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def column_x(column: int) -> float:
    return round(PADDING + (column + 0.5) * CELL_WIDTH, 2)


def test_the_whole_timeline_as_svg(story_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--content", str(story_dir), "--format", "svg-timeline"]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    assert root.tag == f"{{{NS['svg']}}}svg"
    assert root.findtext("svg:title", namespaces=NS) == "Test hub: Timeline"
    assert root.findtext("svg:desc", namespaces=NS) == "15 May 2019 \u2013 17 January 2025"
    assert float(root.get("width") or 0) == pytest.approx(PADDING * 2 + 160 * CELL_WIDTH, abs=1)
    shown = texts(root)
    for year in ("2020", "2021", "2024"):
        assert year in shown
    assert "order" in shown and "later" in shown  # the legend


def test_a_period_in_days_with_every_event_and_clock(
    story_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """August to December 2020 in 153 columns: a day a column."""
    period = ["--from", "2020-08-01", "--to", "2020-12-31", "--width", "153"]
    assert main(["export", "--content", str(story_dir), "--format", "svg-timeline", *period]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    hub = load_hub(story_dir, "en")
    in_period = [e for e in hub.timeline if date(2020, 8, 1) <= e.date <= date(2020, 12, 31)]
    counts = markers(root)
    clustered = [int(t.text or 0) for t in root.findall(".//svg:text[@class='cluster-count']", NS)]
    assert sum(counts.values()) + sum(clustered) == len(in_period)
    assert counts["court"] == 4 and counts["order"] == 3
    shown = texts(root)
    assert {"August 2020", "September", "October", "November", "December"} <= set(shown)
    for label in ("EO 13942, 45 days", "Divestment, 90 days", "App-store ban", "November prohibitions"):
        assert any(text.startswith(label) for text in shown)
    assert "EO 13942, 45 days, until 20 Sep 2020" in shown  # its end date, where it fits

    def day_x(day: date) -> float:
        return column_x((day - date(2020, 8, 1)).days)

    lines = root.findall(".//svg:g[@class='clock-group']/svg:line", NS)
    marks = {(line.get("class"), float(line.get("x1") or 0)) for line in lines}
    assert ("deadline-mark", day_x(date(2020, 9, 20))) in marks  # EO 13942: 45 days
    for deadline in (date(2020, 11, 12), date(2020, 11, 27), date(2020, 12, 4)):
        assert ("deadline-mark", day_x(deadline)) in marks  # the divestment order and its extensions
    extended = [line for line in lines if line.get("class") == "clock-extended"]
    assert {(float(line.get("x1") or 0), float(line.get("x2") or 0)) for line in extended} >= {
        (day_x(date(2020, 11, 12)), day_x(date(2020, 11, 27))),
        (day_x(date(2020, 11, 27)), day_x(date(2020, 12, 4))),
        (day_x(date(2020, 9, 20)), day_x(date(2020, 9, 27))),  # the app-store ban's new date
    }
    stops = {float(line.get("x1") or 0) + 6 for line in lines if line.get("class") == "stop"}
    assert stops == {day_x(date(2020, 9, 27)), day_x(date(2020, 10, 30))}
    stopped = [line for line in lines if line.get("class") == "clock-stopped"]
    assert [(float(s.get("x1") or 0), float(s.get("x2") or 0)) for s in stopped] == [
        (day_x(date(2020, 10, 30)), day_x(date(2020, 11, 12)))
    ]


def test_german_month_names_and_legend(story_dir: Path) -> None:
    hub = load_hub(story_dir, "de")
    svg = timeline_svg(
        hub.timeline, Translator("de"), title="Chronik", first=date(2020, 8, 1), last=date(2020, 12, 31)
    )
    shown = texts(ET.fromstring(svg))
    assert "Oktober" in shown and "Dezember" in shown
    assert "Anordnung" in shown and "Gericht" in shown and "verlängert" in shown


def test_content_is_escaped_text(story_dir: Path) -> None:
    event = TimelineEvent(
        id="x",
        sources=("s",),
        date=date(2020, 8, 6),
        title='<script>alert("x")</script> & more',
        kind="order",
        actor="A",
        text="B",
    )
    svg = timeline_svg((event,), Translator("en"), title="<b>hub</b>")
    root = ET.fromstring(svg)
    assert not root.findall(".//script") and not root.findall(".//svg:script", NS)
    assert '<script>alert("x")</script> & more' in texts(root)
    assert root.findtext("svg:title", namespaces=NS) == "<b>hub</b>"


def test_a_bad_date_is_a_usage_error(story_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["export", "--content", str(story_dir), "--format", "svg-timeline", "--from", "20.09.2020"]) == 2
    )
    assert "not a date as YYYY-MM-DD" in capsys.readouterr().err
