"""Where a start's CPU time goes, phase by phase, in a real pty (python -m benchmarks.startup_phases).

Each start is a fresh `infohub-tui --lang en` (the command line's own `main`, bundled content,
content cache filled first) in a 120x36 pty, alternating with the bare Textual app of
`../shared/tools/minimal_app.py` when it is there (else `benchmarks/minimal_app.py`). The child
stamps its CPU time (all threads: Markdown parses in one) after importing `textual.app`, after
importing the rest of what it needs (ours, or the widgets the minimal app uses), when `App.run`
starts (the command line parsed, config, state and hub read, the app built) and at Textual's
`Ready` (the first frame painted), and exits there. Prints the medians of each phase. CPU time,
not wall time: on this shared machine it is the steadier of the two, and a start is CPU-bound
(wall time was within 10 ms of it when the machine was quiet).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pexpect

SHARED_MINIMAL = Path(__file__).resolve().parents[2] / "shared" / "tools" / "minimal_app.py"
PHASES = ("textual import", "the rest imported", "built", "loop to Ready", "total")


def child(mode: str, out: str) -> None:
    """One start, stamped; writes the stamps to `out` and exits at the first frame."""
    stamps = [time.process_time()]
    import textual.app

    stamps.append(time.process_time())
    if mode == "infohub":
        from infohub_tui.cli.main import main
        from infohub_tui.ui.app import InfohubApp

        app_class: type[textual.app.App[object]] = InfohubApp
        run: Callable[[], object] = main
    else:
        path = SHARED_MINIMAL if SHARED_MINIMAL.exists() else Path(__file__).with_name("minimal_app.py")
        # The shared file ends with `Minimal().run()`: its module is run without that line.
        lines = [line for line in path.read_text().splitlines() if not line.endswith(".run()")]
        namespace: dict[str, object] = {"__name__": "minimal"}
        exec(compile("\n".join(lines), str(path), "exec"), namespace)
        app_class = next(
            value
            for value in namespace.values()
            if isinstance(value, type) and issubclass(value, textual.app.App) and value is not textual.app.App
        )

        def run() -> object:
            return app_class().run()

    stamps.append(time.process_time())
    original_run = textual.app.App.run

    def stamped_run(self: textual.app.App[object], *args: object, **kwargs: object) -> object:
        stamps.append(time.process_time())
        return original_run(self, *args, **kwargs)  # type: ignore[arg-type]

    def ready(self: textual.app.App[object]) -> None:
        stamps.append(time.process_time())
        Path(out).write_text(" ".join(f"{stamp:.6f}" for stamp in stamps))
        self.exit()

    textual.app.App.run = stamped_run  # type: ignore[method-assign, assignment]
    app_class.on_ready = ready  # type: ignore[attr-defined]
    sys.argv = ["infohub-tui", "--lang", "en"]
    run()


def start(mode: str, env: dict[str, str]) -> list[float]:
    """One start in a 120x36 pty; the CPU ms of each phase and the total."""
    with tempfile.NamedTemporaryFile(suffix=".stamps", delete=False) as handle:
        out = handle.name
    try:
        process = pexpect.spawn(
            sys.executable, [__file__, "--child", mode, out], env=env, dimensions=(36, 120), timeout=60
        )
        process.expect(pexpect.EOF)
        process.close()
        stamps = [float(field) for field in Path(out).read_text().split()]
    finally:
        os.unlink(out)
    steps = [(later - earlier) * 1000 for earlier, later in itertools.pairwise(stamps)]
    return [*steps, (stamps[-1] - stamps[0]) * 1000]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="starts of each app, alternating")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        env = {**os.environ, "TERM": "xterm-256color"}
        for name in ("CONFIG", "STATE", "DATA", "CACHE"):
            env[f"INFOHUB_TUI_{name}_DIR"] = str(Path(temporary) / name.lower())
        start("infohub", env)  # fills the content cache
        runs: dict[str, list[list[float]]] = {"minimal": [], "infohub": []}
        for _ in range(args.runs):
            for mode, samples in runs.items():
                samples.append(start(mode, env))
    print(f"CPU ms per phase, median of {args.runs} starts each, alternating, in a 120x36 pty")
    print(f"  {'':24}" + "".join(f"{phase:>19}" for phase in PHASES))
    for mode, label in (("minimal", "bare Textual app"), ("infohub", "infohub-tui")):
        medians = [statistics.median(column) for column in zip(*runs[mode], strict=True)]
        print(f"  {label:24}" + "".join(f"{value:19.1f}" for value in medians))
    ratio = statistics.median(
        ours[-1] / bare[-1] for bare, ours in zip(runs["minimal"], runs["infohub"], strict=True)
    )
    print(f"  total CPU, infohub-tui / bare app: {ratio:.2f}x (median of paired starts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
