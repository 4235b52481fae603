"""Start-up, memory and tab-switch benchmark (python -m benchmarks.startup_bench).

Side by side in one run, each start a fresh process of the installed package:
cold start to the first painted frame (headless, 120x40) of infohub-tui versus
a minimal Textual app with the same widget types and no content, with the
bundled content and with 10,000 entries per pane (first run parses the YAML,
later runs use the content cache); peak memory of each; and the time to switch
tabs at 10,000 entries per pane (CPU time from the key to the painted frame that
shows the new pane, see switch_probe.py), beside the same keys in the minimal app.
Targets (issue 24): bundled start within 1.00x of the minimal app, 10,000/pane
from the cache within 1.3x, 10,000/pane on a first run (no cache: the first pane
shows while the rest is read) within 5x, tab switch under 50 ms.

Textual is not imported here: a child process reports its parent's peak memory as its own.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.synthetic import write_synthetic_bundle  # noqa: E402

PROBE = Path(__file__).with_name("startup_probe.py")


Start = tuple[float, int, float]  # seconds to the first frame, peak RSS in MiB, CPU seconds


def start_once(mode: str, content: Path | None, env: dict[str, str]) -> Start:
    """Seconds from process start to first frame, peak RSS in MiB and the CPU time it took."""
    command = [sys.executable, str(PROBE), mode, *([str(content)] if content else [])]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - started
            process.wait(timeout=60)
            _ready, peak, cpu = line.split()
            return elapsed, int(peak) // 1024, float(cpu)
    raise RuntimeError(f"{mode} never painted: {process.stderr.read() if process.stderr else ''}")


def report(label: str, samples: list[Start]) -> tuple[float, int]:
    seconds = statistics.median(sample[0] for sample in samples)
    memory = max(sample[1] for sample in samples)
    cpu = statistics.median(sample[2] for sample in samples)
    print(f"  {label:<44} {seconds * 1000:7.0f} ms   CPU {cpu * 1000:5.0f} ms   peak {memory:5d} MiB")
    return seconds, memory


def side_by_side(
    baseline: tuple[str, Path | None], candidate: tuple[str, Path | None], env: dict[str, str], runs: int
) -> tuple[list[Start], list[Start], float, float]:
    """Alternate the two starts so drift on the machine hits both; the medians of the paired
    ratios of wall time and of CPU time."""
    first: list[Start] = []
    second: list[Start] = []
    for _ in range(runs):
        first.append(start_once(baseline[0], baseline[1], env))
        second.append(start_once(candidate[0], candidate[1], env))
    pairs = list(zip(first, second, strict=True))
    wall = statistics.median(b[0] / a[0] for a, b in pairs)
    cpu = statistics.median(b[2] / a[2] for a, b in pairs)
    return first, second, wall, cpu


def fastest_ratio(baseline: list[Start], candidate: list[Start]) -> float:
    """The two best starts compared: the start least disturbed by the machine (as timeit reports)."""
    return min(sample[0] for sample in candidate) / min(sample[0] for sample in baseline)


SWITCH_PROBE = Path(__file__).with_name("switch_probe.py")
FIRST_VISITS = 3  # keys 2, 3 and 4 show a pane for the first time; later keys return to one


Switch = tuple[
    float, float, float
]  # ms from the key to the frame showing the pane (wall, CPU), to the last frame (CPU)


def switch_once(mode: str, content: Path | None, env: dict[str, str]) -> list[Switch]:
    """Each key's switch, from the key to the painted frame that shows the new pane, in a fresh process."""
    command = [sys.executable, str(SWITCH_PROBE), mode, *([str(content)] if content else [])]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    if result.returncode != 0 or "DONE" not in result.stdout:
        raise RuntimeError(f"{mode} switch probe failed:\n{result.stdout}\n{result.stderr}")
    return [
        (float(fields[1]), float(fields[2]), float(fields[4]))
        for fields in (line.split() for line in result.stdout.splitlines())
        if fields[0] == "SWITCH"
    ]


def switches_side_by_side(
    content: Path, env: dict[str, str], runs: int
) -> tuple[list[list[Switch]], list[list[Switch]]]:
    """Alternate fresh processes of the two apps, as for the start-up."""
    minimal: list[list[Switch]] = []
    infohub: list[list[Switch]] = []
    for _ in range(runs):
        minimal.append(switch_once("minimal", None, env))
        infohub.append(switch_once("infohub", content, env))
    return minimal, infohub


def cpu_ms(runs: list[list[Switch]], keys: slice = slice(None), field: int = 1) -> list[float]:
    return [switch[field] for run in runs for switch in run[keys]]


SWITCH_COLUMNS = ("median", "p90", "first", "return", "first:last", "median")
SWITCH_COLUMNS_2 = ("", "", "visits", "visits", "frame", "wall")


def describe_switches(label: str, runs: list[list[Switch]]) -> str:
    every = cpu_ms(runs)
    first_visits = slice(FIRST_VISITS)
    values = (
        statistics.median(every),
        percentile(every, 90),
        statistics.median(cpu_ms(runs, first_visits)),
        statistics.median(cpu_ms(runs, slice(FIRST_VISITS, None))),
        statistics.median(cpu_ms(runs, first_visits, field=2)),
        statistics.median(cpu_ms(runs, field=0)),
    )
    return f"  {label:<38}" + "".join(f"{value:>11.1f}" for value in values)


def percentile(values: list[float], pct: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=40, help="fresh processes per app and row")
    parser.add_argument("--switch-runs", type=int, default=5, help="processes per app for the tab switch")
    parser.add_argument("--first-runs", type=int, default=3, help="first runs (no cache) at 10,000/pane")
    args = parser.parse_args(argv)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"python {platform.python_version()}; median of {args.runs} fresh processes per row")
    print("ratios are the median of paired runs (minimal app, then infohub-tui, repeated);")
    print(
        "wall time is what a user waits; the child's CPU time beside it shows how much of that is computing"
    )
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        env = {**os.environ}
        for name in ("CONFIG", "STATE", "DATA", "CACHE"):
            env[f"INFOHUB_TUI_{name}_DIR"] = str(root / name.lower())
        from infohub_tui.locations import bundled_content_dir

        big = write_synthetic_bundle(root / "big", entries_per_pane=10_000)
        start_once("infohub", bundled_content_dir(), env)  # fill the content cache
        print("\nbundled content (46 entries), runs alternating with the minimal app:")
        minimal_runs, bundled_runs, bundled_ratio, bundled_cpu_ratio = side_by_side(
            ("minimal", None), ("infohub", bundled_content_dir()), env, args.runs
        )
        bundled_fastest = fastest_ratio(minimal_runs, bundled_runs)
        _minimal, minimal_memory = report("minimal Textual app, same widgets", minimal_runs)
        _bundled, bundled_memory = report("infohub-tui", bundled_runs)
        print("\n10,000 entries per pane (40,000), runs alternating with the minimal app:")
        first_runs: list[Start] = []
        first_minimal: list[Start] = []
        for number in range(args.first_runs):  # each with an empty cache: a first run
            first_minimal.append(start_once("minimal", None, env))
            first_runs.append(
                start_once("infohub", big, {**env, "INFOHUB_TUI_CACHE_DIR": str(root / f"c{number}")})
            )
        first_ratio = statistics.median(b[0] / a[0] for a, b in zip(first_minimal, first_runs, strict=True))
        _first, first_memory = report("infohub-tui, first run (no cache: 19 MB YAML)", first_runs)
        start_once("infohub", big, env)  # fill the content cache for the later runs
        minimal_runs, cached_runs, cached_ratio, cached_cpu_ratio = side_by_side(
            ("minimal", None), ("infohub", big), env, args.runs
        )
        cached_fastest = fastest_ratio(minimal_runs, cached_runs)
        report("minimal Textual app, same widgets", minimal_runs)
        report("infohub-tui, later runs (content cache)", cached_runs)
        minimal_switches, switches = switches_side_by_side(big, env, args.switch_runs)
    print("\nresults against the targets:")
    print(
        f"  bundled start / minimal app ............ {bundled_ratio:5.2f}x   (target <= 1.00x; median of paired runs)"
        f"   CPU time {bundled_cpu_ratio:5.2f}x   fastest starts {bundled_fastest:5.2f}x"
    )
    print(
        f"  10,000/pane start (cached) / minimal ... {cached_ratio:5.2f}x   (target <= 1.3x; median of paired runs)"
        f"   CPU time {cached_cpu_ratio:5.2f}x   fastest starts {cached_fastest:5.2f}x"
    )
    print(
        f"  10,000/pane first run (no cache) / min.  {first_ratio:5.2f}x   (target <= 5x; median of"
        f" {args.first_runs} paired runs, to the first frame: the first pane)"
    )
    print(
        f"  peak memory: minimal {minimal_memory} MiB, bundled {bundled_memory} MiB, 10,000/pane {first_memory} MiB"
    )
    every_switch = cpu_ms(switches)
    print(
        f"  tab switch at 10,000/pane, CPU time .... median {statistics.median(every_switch):5.1f} ms"
        f" of {len(every_switch)}, first visits {statistics.median(cpu_ms(switches, slice(FIRST_VISITS))):5.1f} ms"
        "   (target < 50 ms)"
    )
    print(
        f"\ntab switches: ms from the key to the painted frame that shows the new pane, {args.switch_runs} processes"
        f" per app, alternating, {len(switches[0])} keys each ({FIRST_VISITS} first visits);\n"
        "CPU time unless marked wall; 'first: last frame' is a first visit's last frame before the next key\n"
        "(Textual paints first visits once or twice more: sizes of the newly shown widgets, the tab underline)"
    )
    for header in (SWITCH_COLUMNS, SWITCH_COLUMNS_2):
        print(f"  {'':<38}" + "".join(f"{name:>11}" for name in header))
    print(describe_switches("minimal Textual app, same widgets", minimal_switches))
    print(describe_switches("infohub-tui, 10,000 entries per pane", switches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
