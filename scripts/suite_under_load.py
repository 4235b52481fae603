"""Run the test suite several times in a row with busy loops beside it, to show it does not depend on
the machine's speed (issue 25).

Each busy loop is a process of its own in a session of its own (`setsid`), as load from another
program would be; they are stopped when the runs end, whatever happens. Prints one line per run and
a summary; exits non-zero if any run failed.

    python scripts/suite_under_load.py --runs 5 --loops 4 [--log-dir DIR] [-- extra pytest arguments]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUSY = "while True: pass"


def start_loops(count: int) -> list[subprocess.Popen[bytes]]:
    return [subprocess.Popen([sys.executable, "-c", BUSY], start_new_session=True) for _ in range(count)]


def stop_loops(loops: list[subprocess.Popen[bytes]]) -> None:
    for loop in loops:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(loop.pid, signal.SIGKILL)
        loop.wait()


def summary_line(output: str) -> str:
    lines = [line for line in output.splitlines() if re.search(r"\b(passed|failed|error)", line)]
    return lines[-1].strip("= ") if lines else "(no summary line)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--loops", type=int, default=4)
    parser.add_argument(
        "--log-dir", type=Path, default=None, help="write each failed run's whole output here (run-N.log)"
    )
    parser.add_argument("pytest_args", nargs="*", help="after --: passed to pytest")
    arguments = parser.parse_args()
    loops = start_loops(arguments.loops)
    failed = 0
    try:
        for run in range(1, arguments.runs + 1):
            began = time.monotonic()
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", *arguments.pytest_args],
                cwd=REPO,
                capture_output=True,
                text=True,
                check=False,
                # A script started in the background of a non-interactive shell inherits SIGINT
                # ignored; the suite's ctrl+c tests need it as a terminal would deliver it.
                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
            )
            seconds = time.monotonic() - began
            failed += result.returncode != 0
            print(
                f"run {run}: exit {result.returncode}, {seconds:.0f} s: {summary_line(result.stdout)}",
                flush=True,
            )
            if result.returncode != 0:
                failures = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
                print("\n".join(f"  {line}" for line in failures), flush=True)
                if arguments.log_dir is not None:
                    arguments.log_dir.mkdir(parents=True, exist_ok=True)
                    log = arguments.log_dir / f"run-{run}.log"
                    log.write_text(result.stdout + result.stderr, encoding="utf-8")
                    print(f"  whole output: {log}", flush=True)
    finally:
        stop_loops(loops)
    print(
        f"{arguments.runs - failed} of {arguments.runs} runs passed with {arguments.loops} busy loops beside them"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
