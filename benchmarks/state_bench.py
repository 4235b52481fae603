"""Keys at a reader's pace while the state file cannot be written quickly (python -m benchmarks.state_bench).

Side by side in one run, fresh processes alternating: `j` pressed 20 times, each
after the last was answered and a pause, with nothing in the way, with another
process holding the state file's lock, and with a disk that takes a second per
write (state_probe.py). Prints each condition's median and slowest key, and their
ratio to the free run. Target: the same as without (ratio about 1).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

PROBE = Path(__file__).with_name("state_probe.py")
CONDITIONS = {
    "free": "nothing in the way",
    "lock": "another process holds the lock",
    "slow": "a second per write",
}


def run_once(mode: str, root: Path) -> list[float]:
    env = {**os.environ}
    for name in ("CONFIG", "STATE", "DATA", "CACHE"):
        env[f"INFOHUB_TUI_{name}_DIR"] = str(root / mode / name.lower())
    result = subprocess.run(
        [sys.executable, str(PROBE), mode], capture_output=True, text=True, env=env, timeout=600, check=False
    )
    if "DONE" not in result.stdout:
        raise RuntimeError(f"{mode} probe failed:\n{result.stdout}\n{result.stderr}")
    return [float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("KEY")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="processes per condition, alternating")
    args = parser.parse_args(argv)
    keys: dict[str, list[float]] = {mode: [] for mode in CONDITIONS}
    with tempfile.TemporaryDirectory() as temporary:
        for run in range(args.runs):
            for mode in CONDITIONS:
                keys[mode] += run_once(mode, Path(temporary) / str(run))
    free = statistics.median(keys["free"])
    print(
        f"{len(keys['free'])} keys per condition ({args.runs} processes, alternating); ms from key to its frame"
    )
    for mode, label in CONDITIONS.items():
        median, slowest, total = statistics.median(keys[mode]), max(keys[mode]), sum(keys[mode])
        print(
            f"  {label:<34} median {median:8.1f} ms   slowest {slowest:8.1f} ms"
            f"   all keys {total / 1000:6.2f} s   median / free {median / free:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
