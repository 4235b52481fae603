"""The committed screenshots are what the current code draws (regenerate: python scripts/screenshots.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "screenshots.py"
pytestmark = pytest.mark.skipif(not SCRIPT.is_file(), reason="needs the source tree")


def test_committed_screenshots_match_the_app(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    generated = sorted(path.name for path in tmp_path.glob("*.svg"))
    assert generated == sorted(path.name for path in (REPO / "screenshots").glob("*.svg"))
    stale = [
        name
        for name in generated
        if (tmp_path / name).read_text() != (REPO / "screenshots" / name).read_text()
    ]
    assert not stale, f"screenshots older than the code: {stale}; run python scripts/screenshots.py"


def test_readme_shows_every_screenshot() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for path in (REPO / "screenshots").glob("*.svg"):
        assert f"](screenshots/{path.name})" in readme
