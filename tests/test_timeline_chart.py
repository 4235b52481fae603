"""The chart widget on its own: keys zoom and pan, the wheel zooms where it points, j/k and clicks select."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult

from infohub_tui.chart.layout import KIND_MARKERS, View, story_span
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import TimelineEvent
from infohub_tui.i18n import Translator
from infohub_tui.locations import stylesheet
from infohub_tui.ui.widgets.timeline_chart import TimelineChart

from .chart_story import write_story


class ChartApp(App[None]):
    CSS_PATH = str(stylesheet())

    def __init__(self, timeline: tuple[TimelineEvent, ...], lang: str = "en") -> None:
        super().__init__()
        self.timeline = timeline
        self.lang = lang
        self.selections: list[str] = []

    def compose(self) -> ComposeResult:
        yield TimelineChart(Translator(self.lang), self.timeline)

    def on_mount(self) -> None:
        self.query_one(TimelineChart).focus()

    def on_timeline_chart_selected(self, message: TimelineChart.Selected) -> None:
        self.selections.append(message.event.id)


@pytest.fixture(scope="module")
def story_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_story(tmp_path_factory.mktemp("story"))


def screen_lines(app: App[None]) -> list[str]:
    svg = app.export_screenshot()
    lines = re.findall(r'<text class="[^"]*" x="[^"]*" y="([^"]*)"[^>]*>(.*?)</text>', svg)
    rows: dict[float, str] = {}
    for y, text in lines:
        rows[float(y)] = rows.get(float(y), "") + html.unescape(text).replace("\xa0", " ")
    return [rows[y] for y in sorted(rows)]


async def test_keys_zoom_pan_and_fit(story_dir: Path) -> None:
    app = ChartApp(load_hub(story_dir, "en").timeline)
    async with app.run_test(size=(100, 16)) as pilot:
        chart = app.query_one(TimelineChart)
        assert chart.view is None and chart.current_view.zoom > 0  # it opens on the story
        await pilot.press("0")
        assert chart.view is not None and chart.view == View(0, chart.view.center)
        first = chart.chart_viewport
        await pilot.press("plus", "plus")
        assert chart.view.zoom == 2
        assert chart.chart_viewport.days_per_column == pytest.approx(first.days_per_column / 4)
        center = chart.chart_viewport.center
        await pilot.press("l")
        assert chart.chart_viewport.center > center
        await pilot.press("h", "h")
        assert chart.chart_viewport.center < center
        await pilot.press("right")
        await pilot.press("left")
        await pilot.press("minus")
        assert chart.view.zoom == 1
        await pilot.press("0")
        assert chart.view.zoom == 0
        assert chart.chart_viewport == first
        assert app.selections == ["microsoft-talks"]  # the opening's: zooming and panning select nothing


async def test_j_and_k_move_the_selection_and_say_so(story_dir: Path) -> None:
    timeline = load_hub(story_dir, "en").timeline
    app = ChartApp(timeline)
    async with app.run_test(size=(100, 16)) as pilot:
        chart = app.query_one(TimelineChart)
        await pilot.press("g")
        await pilot.pause()
        assert chart.current == timeline[0]
        app.selections.clear()
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert chart.current == timeline[3]
        assert app.selections == [event.id for event in timeline[1:4]]
        await pilot.press("k")
        await pilot.press("G")
        await pilot.pause()
        assert chart.current == timeline[-1]
        await pilot.press("g")
        await pilot.pause()
        assert app.selections[-3:] == [timeline[2].id, timeline[-1].id, timeline[0].id]


async def test_the_selection_stays_in_view_when_zoomed_in(story_dir: Path) -> None:
    timeline = load_hub(story_dir, "en").timeline
    app = ChartApp(timeline)
    async with app.run_test(size=(80, 16)) as pilot:
        chart = app.query_one(TimelineChart)
        await pilot.press(*["plus"] * 6)
        for _ in range(len(timeline)):
            await pilot.press("j")
            current = chart.current
            assert current is not None
            assert 0 <= chart.chart_viewport.column(current.date) < chart.size.width


async def test_select_by_id_reveals_without_a_message(story_dir: Path) -> None:
    app = ChartApp(load_hub(story_dir, "en").timeline)
    async with app.run_test(size=(80, 16)) as pilot:
        chart = app.query_one(TimelineChart)
        await pilot.press(*["plus"] * 6)
        assert chart.select("remaining-prohibitions-blocked")
        await pilot.pause()
        assert 0 <= chart.chart_viewport.column(date(2020, 12, 7)) < chart.size.width
        assert not chart.select("no-such-event")
        assert app.selections == ["microsoft-talks"]  # the story's first, when it opened


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_it_opens_on_the_story_with_the_whole_span_one_key_away(
    story_dir: Path, size: tuple[int, int]
) -> None:
    """The densest span (August to December 2020), not 2019 to 2025 squeezed into a few columns; an
    event outside it that was selected gives way to the story's first."""
    timeline = load_hub(story_dir, "en").timeline
    app = ChartApp(timeline)
    async with app.run_test(size=size) as pilot:
        chart = app.query_one(TimelineChart)
        await pilot.pause()
        port = chart.chart_viewport
        assert port.first_day >= date(2020, 6, 1) and port.last_day <= date(2021, 3, 1)
        first, last = story_span(chart.data)
        assert date.fromordinal(first) == date(2020, 8, 2)
        for day in (first, last):
            assert 0 <= port.column(day) < chart.size.width
        shown = [event for event in timeline if 0 <= port.column(event.date) < chart.size.width]
        assert len(shown) >= len(timeline) / 2
        assert chart.current is not None and chart.current.id == "microsoft-talks"
        assert app.selections == ["microsoft-talks"]
        await pilot.press("0")
        whole = chart.chart_viewport
        assert whole.first_day < date(2019, 5, 15) and whole.last_day > date(2025, 1, 17)


async def test_the_wheel_zooms_where_it_points_and_pans_with_shift(story_dir: Path) -> None:
    app = ChartApp(load_hub(story_dir, "en").timeline)
    async with app.run_test(size=(100, 16)) as pilot:
        chart = app.query_one(TimelineChart)
        await pilot.press("0")

        def wheel(kind: type[events.MouseEvent], x: int, shift: bool = False) -> None:
            region = chart.content_region
            chart.post_message(
                kind(chart, x, 3, 0, 0, 0, shift, False, False, screen_x=region.x + x, screen_y=region.y + 3)
            )

        port = chart.chart_viewport
        pointed = int(port.start + 70.5 * port.days_per_column)
        wheel(events.MouseScrollUp, 70)
        await pilot.pause()
        assert chart.view is not None and chart.view.zoom == 1
        assert abs(chart.chart_viewport.column(pointed) - 70) <= 1  # the day under the pointer stays
        wheel(events.MouseScrollUp, 70)
        await pilot.pause()
        center = chart.chart_viewport.center
        wheel(events.MouseScrollDown, 70, shift=True)
        await pilot.pause()
        assert chart.chart_viewport.center > center
        wheel(events.MouseScrollLeft, 10)
        await pilot.pause()
        assert chart.chart_viewport.center == pytest.approx(center)
        wheel(events.MouseScrollDown, 70)
        await pilot.pause()
        assert chart.view is not None and chart.view.zoom == 1


async def test_a_click_on_a_marker_selects_its_event(story_dir: Path) -> None:
    timeline = load_hub(story_dir, "en").timeline
    app = ChartApp(timeline)
    async with app.run_test(size=(100, 16)) as pilot:
        chart = app.query_one(TimelineChart)
        await pilot.press("0", "plus", "plus", "plus")
        app.selections.clear()
        layout = chart.chart_layout
        target = next(m for m in layout.markers if len(m.events) == 1 and m.events.start != chart.selected)
        # The widget's region includes its border: content starts one cell in.
        await pilot.click(chart, offset=(target.column + 1, layout.marker_row + 1))
        await pilot.pause()
        assert chart.selected == target.events.start
        assert app.selections == [timeline[target.events.start].id]


async def test_it_draws_markers_ticks_and_the_range_in_german(story_dir: Path) -> None:
    app = ChartApp(load_hub(story_dir, "de").timeline, lang="de")
    async with app.run_test(size=(100, 16)) as pilot:
        chart = app.query_one(TimelineChart)
        await pilot.press("0", "plus", "plus", "plus")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        for kind in ("order", "court", "deal", "deadline"):
            assert KIND_MARKERS[kind] in text
        assert "Oktober" in text or "Okt." in text
        assert "■" in text and "Anordnung" in text
        assert re.search(r"\d\d\.\d\d\.\d{4} \u2013 \d\d\.\d\d\.\d{4}", str(chart.border_subtitle))


async def test_titles_are_drawn_as_text_never_markup(tmp_path: Path) -> None:
    event = TimelineEvent(
        id="x",
        sources=("s",),
        date=date(2020, 8, 6),
        title="[bold]not bold[/bold] [@click=app.quit]x[/]",
        kind="order",
        actor="A",
        text="B",
    )
    app = ChartApp((event,))
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        assert "[bold]not bold[/bold] [@click=app.quit]x[/]" in "\n".join(screen_lines(app))


async def test_no_events(tmp_path: Path) -> None:
    app = ChartApp(())
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.press("j", "plus", "l")
        assert "No dated events." in "\n".join(screen_lines(app))
        assert app.query_one(TimelineChart).current is None
