"""Timeline chart benchmark: redraw time for 10,000 events (python -m benchmarks.chart_bench).

A redraw is what the chart does after a key changes the zoom, the pan or the
selection: lay out the visible part (chart.layout.layout_chart), and turn every
row into a Textual Strip (TimelineChart.render_lines, in a headless app, with
the real stylesheet). Each redraw here moves the view first, so nothing comes
from the layout cache. 10,000 events spread over 2019-2025, one in ten with a
clock (a third of those extended, a quarter stopped); the bundled story's 19
events for comparison. Sizes are the chart's own, inside the terminal: 78x10
is what an 80x24 terminal leaves it, 158x21 a 160x45 one, 198x24 a 200x50 one.
Target: under one frame (16 ms) per redraw. Numbers only; no test asserts them.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.chart_story import write_story  # noqa: E402
from tests.synthetic import synthetic_timeline  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.geometry import Region  # noqa: E402

from infohub_tui.chart.layout import ChartData, View, layout_chart, max_zoom, viewport  # noqa: E402
from infohub_tui.hub.loader import load_hub  # noqa: E402
from infohub_tui.hub.model import TimelineEvent  # noqa: E402
from infohub_tui.i18n import Translator  # noqa: E402
from infohub_tui.locations import stylesheet  # noqa: E402
from infohub_tui.ui.widgets.timeline_chart import TimelineChart  # noqa: E402

SIZES: tuple[tuple[int, int], ...] = ((78, 10), (158, 21), (198, 24))
FRAME_MS = 16.0


def _percentile(samples: Sequence[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _levels(data: ChartData, width: int) -> dict[str, int]:
    deepest = max_zoom(data, width)
    return {"whole span": 0, "months": min(3, deepest), "days": deepest}


def _time(run: Callable[[int], object], repeats: int) -> list[float]:
    samples = []
    for step in range(repeats):
        started = time.perf_counter()
        run(step)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _views(data: ChartData, width: int, zoom: int, repeats: int) -> list[View]:
    """Views that pan across the span at this zoom, one per redraw."""
    first, last = data.first, data.last
    return [View(zoom, first + (last - first) * (step % 50) / 49) for step in range(repeats)]


def bench_layout(label: str, events: Sequence[TimelineEvent], repeats: int) -> float:
    """The pure layout alone, per size and zoom; returns the worst median."""
    data = ChartData(events)
    translator = Translator("en")
    worst = 0.0
    for width, height in SIZES:
        for name, zoom in _levels(data, width).items():
            run = partial(_lay_out, data, translator, _views(data, width, zoom, repeats), width, height)
            samples = _time(run, repeats)
            median = statistics.median(samples)
            worst = max(worst, median)
            print(
                f"  layout  {label:<16} {width:>3}x{height:<3} {name:<11} "
                f"median {median:6.2f} ms  p90 {_percentile(samples, 0.9):6.2f} ms  max {max(samples):6.2f} ms"
            )
    return worst


def _lay_out(
    data: ChartData, translator: Translator, views: list[View], width: int, height: int, step: int
) -> None:
    layout_chart(data, viewport(data, width, views[step]), height, translator, len(data) // 2)


def _redraw(chart: TimelineChart, region: Region, views: list[View], step: int) -> None:
    chart.view = views[step]
    chart.refresh()
    chart.render_lines(region)


class _ChartApp(App[None]):
    CSS_PATH = str(stylesheet())

    def __init__(self, events: Sequence[TimelineEvent]) -> None:
        super().__init__()
        self.events = events

    def compose(self) -> ComposeResult:
        yield TimelineChart(Translator("en"), self.events)


async def _bench_widget(label: str, events: Sequence[TimelineEvent], repeats: int) -> float:
    worst = 0.0
    for width, height in SIZES:
        app = _ChartApp(events)
        # The chart has a border: its terminal is two cells larger each way.
        async with app.run_test(size=(width + 2, height + 2)) as pilot:
            await pilot.pause()
            chart = app.query_one(TimelineChart)
            assert chart.size == (width, height), chart.size
            region = Region(0, 0, width + 2, height + 2)
            for name, zoom in _levels(chart.data, width).items():
                run = partial(_redraw, chart, region, _views(chart.data, width, zoom, repeats))
                samples = _time(run, repeats)
                median = statistics.median(samples)
                worst = max(worst, median)
                print(
                    f"  redraw  {label:<16} {width:>3}x{height:<3} {name:<11} "
                    f"median {median:6.2f} ms  p90 {_percentile(samples, 0.9):6.2f} ms  max {max(samples):6.2f} ms"
                )
    return worst


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=100)
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {args.repeats} redraws per row, each after a pan")
    story = _story()
    many = synthetic_timeline(args.events)
    gc.freeze()  # as the app does once content is loaded
    rows = {}
    print("pure layout (chart.layout.layout_chart):")
    rows["layout story"] = bench_layout("story (19)", story, args.repeats)
    rows["layout many"] = bench_layout(f"{args.events:,} events", many, args.repeats)
    print("widget redraw (layout + every row as a Strip, TimelineChart.render_lines):")
    rows["redraw story"] = asyncio.run(_bench_widget("story (19)", story, args.repeats))
    rows["redraw many"] = asyncio.run(_bench_widget(f"{args.events:,} events", many, args.repeats))
    print()
    verdict = "meets" if rows["redraw many"] < FRAME_MS else "misses"
    print(
        f"target: a redraw of {args.events:,} events < {FRAME_MS:.0f} ms ... "
        f"slowest median {rows['redraw many']:.2f} ms ({verdict} it)"
    )
    return 0


def _story() -> list[TimelineEvent]:
    with tempfile.TemporaryDirectory() as directory:
        return list(load_hub(write_story(Path(directory)), "en").timeline)


if __name__ == "__main__":
    sys.exit(main())
