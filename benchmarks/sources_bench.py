"""Sources view benchmark: a hub of 100,000 sources (python -m benchmarks.sources_bench).

Issue 26 measured `?` at 12 s to open with 100,000 sources (it listed them all); the sources
now live in the Sources view (`R`), one line-API widget over an index built in one pass
(hub/citations.py). This prints, for a synthetic hub of `--sources` sources cited by
`--entries` entries per pane (each citing `--per-entry` sources, so every source is cited):

- the index build alone (median of three), without an app;
- in the real app at 120x36: `?` open, `R` open, `G` to the last line, `enter` (to a citing line)
  and `enter` again (the jump into its pane), and the next key after closing the view;
- the process's peak memory (ru_maxrss) before and after the view opened.

Times are wall-clock from the key to the app being idle after its next refresh (Pilot's
press and pause); they include the frame. No targets are asserted: numbers only.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from infohub_tui.hub.citations import source_index  # noqa: E402
from infohub_tui.hub.library import ContentLibrary  # noqa: E402
from infohub_tui.ui.app import InfohubApp  # noqa: E402

PANE_TEMPLATES = {
    "statements.yaml": "  date: 2020-08-17\n  speaker: Speaker {n}\n  title: Statement {n}\n  body: Body {n}.\n",
    "faq.yaml": "  question: Question {n}?\n  answer: Answer {n}.\n  answered_by: Someone {n}\n",
    "storage.yaml": "  label: Fact {n}\n  value: Value {n}\n  detail: Detail {n}.\n  claimed_by: Someone {n}\n  as_of: 2020-08-17\n",
    "timeline.yaml": "  date: 2020-08-06\n  title: Event {n}\n  kind: order\n  actor: Actor {n}\n  body: Body {n}.\n",
}


def write_bundle(root: Path, sources: int, entries: int, per_entry: int) -> Path:
    """`root/en/` with `sources` sources (every tenth with an archived copy) and `entries`
    entries per pane, each citing `per_entry` sources in turn; returns `root`."""
    directory = root / "en"
    directory.mkdir(parents=True)
    lines = ["title: Benchmark hub", "organisation: Benchmark", "updated: 2020-08-17", "sources:"]
    for number in range(sources):  # one line each: the loader reads files of up to 8 MiB
        archived = f", archived: https://a.org/{number}" if number % 10 == 0 else ""
        lines.append(
            f"  - {{id: s{number}, title: Source {number}, publisher: P{number % 97}, "
            f"url: https://e.org/{number}{archived}}}"
        )
    (directory / "hub.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cursor = 0
    for filename, template in PANE_TEMPLATES.items():
        parts = []
        for number in range(entries):
            cited = ", ".join(f"s{(cursor + offset) % sources}" for offset in range(per_entry))
            cursor += per_entry
            parts.append(f"- id: entry-{number}\n{template.format(n=number)}  sources: [{cited}]\n")
        (directory / filename).write_text("".join(parts), encoding="utf-8")
    return root


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def in_app(library: ContentLibrary) -> dict[str, float]:
    from infohub_tui.ui.screens.help_screen import HelpScreen
    from infohub_tui.ui.screens.sources_screen import SourcesScreen

    app = InfohubApp(library, "en", read_after=3600.0)
    timings: dict[str, float] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()

        async def timed(name: str, action: Callable[[], Awaitable[None]]) -> None:
            started = time.perf_counter()
            await action()
            await pilot.pause()
            timings[name] = time.perf_counter() - started

        await timed("j (before any view)", lambda: pilot.press("j"))
        await timed("? open", lambda: pilot.press("question_mark"))
        assert isinstance(app.screen, HelpScreen)
        await timed("? close", lambda: pilot.press("escape"))
        timings["peak MB before R"] = peak_mb()
        await timed("R open", lambda: pilot.press("R"))
        assert isinstance(app.screen, SourcesScreen)
        timings["peak MB after R"] = peak_mb()
        await timed("G (last line)", lambda: pilot.press("G"))
        await timed("g (first line)", lambda: pilot.press("g"))
        await timed("pagedown", lambda: pilot.press("pagedown"))
        await pilot.press("g")
        await timed("enter (to a citing line)", lambda: pilot.press("enter"))
        assert isinstance(app.screen, SourcesScreen)
        await timed("enter (jump to the entry)", lambda: pilot.press("enter"))
        assert not isinstance(app.screen, SourcesScreen)
        await timed("R again (index kept)", lambda: pilot.press("R"))
        await timed("escape (close)", lambda: pilot.press("escape"))
        await timed("j after closing", lambda: pilot.press("j"))
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=1_000, help="entries per pane")
    parser.add_argument("--per-entry", type=int, default=25, help="sources each entry cites")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        content = write_bundle(Path(temporary), args.sources, args.entries, args.per_entry)
        library = ContentLibrary(content)
        started = time.perf_counter()
        hub = library.hub("en")
        load = time.perf_counter() - started
        gc.freeze()  # as the app does once its content is loaded
        print(
            f"python {sys.version.split()[0]}: {len(hub.sources):,} sources, "
            f"{sum(1 for _ in hub.all_entries()):,} entries, {args.per_entry} sources each "
            f"(hub loaded in {load:.1f} s, not part of the view)"
        )
        builds = []
        for _ in range(3):
            started = time.perf_counter()
            index = source_index(hub)
            builds.append(time.perf_counter() - started)
        print(
            f"index build (pure, no app) ... {statistics.median(builds) * 1000:8.1f} ms median of 3 "
            f"({len(index):,} lines)"
        )
        for name, value in asyncio.run(in_app(library)).items():
            unit = "MB" if name.startswith("peak") else "ms"
            shown = value if unit == "MB" else value * 1000
            print(f"{name:.<28} {shown:8.1f} {unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
