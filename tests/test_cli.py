"""The command line: exit codes, output shapes, and clear one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from infohub_tui import __version__
from infohub_tui.cli import main

from .helpers import write_bundle


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infohub_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        check=False,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"infohub-tui {__version__}"


def test_search_prints_hits_and_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "virginia"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "storage\tus-data-location\tWhere US user data was stored\tVirginia, United States" in lines


def test_search_without_hits_exits_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zzzyzzx"]) == 1
    assert capsys.readouterr().out == ""


def test_search_json_is_machine_readable() -> None:
    result = run_cli("search", "--json", "singapore")
    assert result.returncode == 0
    payload = json.loads(result.stdout)
    assert payload["query"] == "singapore"
    assert payload["total"] == len(payload["hits"]) >= 3
    hit = payload["hits"][0]
    assert set(hit) == {"pane", "id", "title", "field", "snippet", "spans"}
    assert all(hit["snippet"] for hit in payload["hits"])


def test_validate_bundled_content_is_clean() -> None:
    result = run_cli("validate")
    assert result.returncode == 0
    assert "no problems" in result.stdout


def test_validate_reports_problems_one_per_line(tmp_path: Path) -> None:
    write_bundle(
        tmp_path, faq_yaml="- id: q\n  question: 12\n  answer: A.\n  answered_by: S\n  sources: [src-one]\n"
    )
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert (
        result.stderr.splitlines()[0]
        == f"{tmp_path}/en/faq.yaml:2:13: faq[0].question: expected text, got a number"
    )
    assert "Traceback" not in result.stderr


def test_validate_usage_error_for_missing_directory(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "not a content directory" in result.stderr


def test_one_wording_for_a_wrong_content_directory(tmp_path: Path) -> None:
    """The app, `--content` on a subcommand and `validate` name what was expected alike."""
    missing, empty = tmp_path / "nope", tmp_path / "empty"
    empty.mkdir()
    for directory in (missing, empty):
        expected = f"{directory}: not a content directory: expected {directory}/<lang>/hub.yaml\n"
        for args in (
            ("--content", str(directory)),
            ("search", "--content", str(directory), "x"),
            ("export", "--content", str(directory)),
            ("validate", str(directory)),
        ):
            result = run_cli(*args)
            assert result.stderr == expected, args
            assert result.returncode in (1, 2)


def test_app_with_broken_content_fails_cleanly(tmp_path: Path) -> None:
    write_bundle(tmp_path, hub_yaml="title: [unclosed\n")
    result = run_cli("--content", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{tmp_path}/en/hub.yaml:2:1: YAML syntax error")
    assert "Traceback" not in result.stderr


def test_paths_are_the_overridden_ones(isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paths"]) == 0
    out = capsys.readouterr().out
    assert f"config           {isolated_user_dirs / 'config' / 'config.toml'}" in out
    assert f"state            {isolated_user_dirs / 'state' / 'state.json'}" in out
