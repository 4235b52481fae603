"""The tab-switch benchmark's probe, run as the benchmark runs it: the app's own loop, no Pilot.

It checks what a user sees: each of the keys 2, 3, 4, 1, ... paints the pane it names.
The timings it prints are not asserted; benchmarks/startup_bench.py reports them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).resolve().parents[1] / "benchmarks" / "switch_probe.py"
SWITCHES = 6  # every pane once, then back to two of them


def run_probe(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROBE), *args, "--switches", str(SWITCHES)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_each_number_key_paints_its_pane_in_the_running_app() -> None:
    result = run_probe("infohub")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["SWITCH"] * SWITCHES + ["DONE"]
    for line in lines[:SWITCHES]:
        _switch, _wall, cpu, _last_wall, last_cpu = line.split()
        assert 0 < float(cpu) <= float(last_cpu)  # the pane's first frame, then its last before the next key


def test_the_minimal_app_it_is_compared_with_switches_the_same_way() -> None:
    result = run_probe("minimal")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "DONE"
