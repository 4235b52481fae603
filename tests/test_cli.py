"""The command line: exit codes, output shapes, and clear one-line errors."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from infohub_tui import __version__
from infohub_tui.cli.main import COMMANDS, main, parser
from infohub_tui.locations import config_file, user_content_dir

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


@pytest.mark.e2e
def test_search_json_is_machine_readable() -> None:
    result = run_cli("search", "--json", "singapore")
    assert result.returncode == 0
    payload = json.loads(result.stdout)
    assert payload["query"] == "singapore"
    assert payload["total"] == len(payload["hits"]) >= 3
    hit = payload["hits"][0]
    assert set(hit) == {"pane", "id", "title", "field", "snippet", "spans"}
    assert all(hit["snippet"] for hit in payload["hits"])


@pytest.mark.e2e
def test_validate_bundled_content_is_clean() -> None:
    result = run_cli("validate")
    assert result.returncode == 0
    assert "no problems" in result.stdout


@pytest.mark.e2e
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


@pytest.mark.e2e
def test_validate_usage_error_for_missing_directory(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "not a content directory" in result.stderr


@pytest.mark.e2e
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


@pytest.mark.e2e
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


def write_config(text: str) -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "argv",
    [["--lang", "de", "search", "Erklärung"], ["search", "--lang", "de", "Erklärung"]],
    ids=["before", "after"],
)
def test_lang_before_or_after_the_subcommand_finds_german_hits(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    assert "statements\t" in capsys.readouterr().out


def test_content_before_the_subcommand_is_the_content_searched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_bundle(tmp_path)
    assert main(["--content", str(tmp_path), "search", "question"]) == 0
    assert capsys.readouterr().out.startswith("faq\tfirst-question\tA question?")
    assert main(["--content", str(tmp_path), "search", "virginia"]) == 1  # only in the bundled content


def test_a_subcommand_given_an_option_of_the_app_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--pane", "faq", "virginia"]) == 2
    assert "unrecognized arguments: --pane" in capsys.readouterr().err


def test_the_configs_language_applies_to_search_and_export(capsys: pytest.CaptureFixture[str]) -> None:
    write_config('language = "de"\n')
    assert main(["search", "Sicherungskopie"]) == 0
    assert "backup-location\tOrt der Sicherungskopie" in capsys.readouterr().out
    assert main(["export", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "de"
    assert main(["--lang", "en", "export", "--format", "json"]) == 0  # the command line wins
    assert json.loads(capsys.readouterr().out)["lang"] == "en"


def test_a_broken_config_is_reported_and_the_command_runs_with_defaults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_config("language = \n")
    assert main(["search", "virginia"]) == 0
    captured = capsys.readouterr()
    assert (
        captured.err.startswith(f"infohub-tui: {config_file()}:1:12: ") and "(using defaults)" in captured.err
    )
    assert "storage\tus-data-location" in captured.out


def test_validate_without_a_directory_checks_the_content_the_app_reads(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_bundle(user_content_dir(), faq_yaml="- id: Bad\n")
    assert main(["validate"]) == 1
    assert f"{user_content_dir() / 'en' / 'faq.yaml'}:1:7: faq[0].id: 'Bad' is not kebab-case" in (
        capsys.readouterr().err
    )


def test_every_command_is_dispatched_through_one_table() -> None:
    (subcommands,) = (
        action for action in parser()._actions if isinstance(action, argparse._SubParsersAction)
    )
    assert set(COMMANDS) == {None, *subcommands.choices}
