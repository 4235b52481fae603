"""Run one app headless until its first frame is painted; print READY and peak memory.

Used by startup_bench.py as a fresh process per measurement.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

from textual.app import App


def _report_and_exit(app: App[None]) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"READY {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime:.4f}", flush=True)
    app.exit()


def main() -> None:
    mode = sys.argv[1]
    if mode == "infohub":
        from infohub_tui.cli.main import build_app, parser
        from infohub_tui.ui.app import InfohubApp

        InfohubApp.on_ready = _report_and_exit  # type: ignore[attr-defined]
        app: App[None] = build_app(parser().parse_args(["--content", sys.argv[2], "--lang", "en"]))
    else:
        sys.path.insert(0, str(Path(__file__).parents[1]))
        from benchmarks.minimal_app import MinimalApp

        MinimalApp.on_ready = _report_and_exit  # type: ignore[attr-defined]
        app = MinimalApp()
    app.run(headless=True, size=(120, 40))


if __name__ == "__main__":
    main()
