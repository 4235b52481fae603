"""Start-up loads only what the first screen needs (the benchmark's 1.15x target depends on it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DEFERRED = (
    "infohub_tui.search.index",
    "infohub_tui.ui.screens.search_screen",
    "infohub_tui.ui.screens.help_screen",
    "infohub_tui.ui.screens.bookmarks_screen",
    "infohub_tui.hub.loader",
    "infohub_tui.system.opener",  # o, O, c and y load these when first pressed
    "infohub_tui.system.clipboard",
    "infohub_tui.ui.commands",  # the palette's providers load when it first opens
    "yaml",
    "tomllib",
    "hashlib",  # the content cache names its files with zlib, which Textual has loaded already
    "shlex",  # only `serve` quotes a command
    "citeproc",  # only a citation in a CSL style (c, after choosing one)
    "lxml",
    "infohub_tui.web.server",  # the command line's parser used to import it for a default of `serve`
    "infohub_tui.ui.widgets.timeline_chart",  # the chart is composed after the first frame
    "infohub_tui.chart.layout",
    "infohub_tui.ui.screens.palette",  # with the palette
)


def test_starting_the_app_defers_search_modals_yaml_and_toml(tmp_path: Path) -> None:
    script = (
        "import json, sys\n"
        "from infohub_tui.cli.main import build_app, parser\n"
        "build_app(parser().parse_args(['--lang', 'en']))\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    environment = {
        f"INFOHUB_TUI_{name}_DIR": str(tmp_path / name.lower())
        for name in ("CONFIG", "STATE", "DATA", "CACHE")
    }
    subprocess.run(
        [sys.executable, "-c", script], env=environment, check=True, capture_output=True
    )  # fills the cache
    result = subprocess.run(
        [sys.executable, "-c", script], env=environment, check=True, capture_output=True, text=True
    )
    loaded = set(json.loads(result.stdout))
    assert "infohub_tui.ui.app" in loaded and "textual.widgets._markdown" in loaded
    assert loaded.isdisjoint(DEFERRED), sorted(loaded.intersection(DEFERRED))
