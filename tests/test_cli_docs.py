"""Help texts, the man page and shell completion, all generated from the argument parser;
closed pipes and escape-free output for every subcommand."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from infohub_tui import __version__
from infohub_tui.cli.docs import SHELLS, completion, describe, manpage
from infohub_tui.cli.main import parser

REPO = Path(__file__).resolve().parents[1]
MAN_PAGE = REPO / "man" / "infohub-tui.1"
COMMAND = [sys.executable, "-m", "infohub_tui"]


def _parsers() -> list[argparse.ArgumentParser]:
    top = parser()
    found = [top]
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += list(action.choices.values())
    return found


def test_every_option_and_argument_has_help() -> None:
    for each in _parsers():
        for action in each._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {choice.dest: choice.help for choice in action._choices_actions}
                assert set(helps) == set(action.choices), "a subcommand without help"
                assert all(helps.values())
                continue
            assert action.help and action.help != argparse.SUPPRESS, (
                f"{each.prog} {action.dest}: no help text"
            )


@pytest.mark.parametrize("each", _parsers(), ids=lambda each: each.prog)
def test_help_shows_every_meaningful_default(each: argparse.ArgumentParser) -> None:
    text = " ".join(each.format_help().split())
    for action in each._actions:
        if action.default not in (None, False, argparse.SUPPRESS) and action.option_strings:
            assert "default" in (action.help or "") or f"(default: {action.default})" in text, action.dest


def test_top_level_help_has_keys_paths_schema_and_exit_codes() -> None:
    text = parser().format_help()
    for needle in ("keys in the reader", "infohub-tui paths", "infohub-tui schema", "exit status", "2 usage"):
        assert needle in text


def test_man_page_is_current() -> None:
    """Regenerate with `python scripts/manpage.py` when this fails."""
    assert MAN_PAGE.read_text(encoding="utf-8") == manpage(parser(), __version__)


def test_man_page_names_every_subcommand_and_option() -> None:
    page = manpage(parser(), __version__)
    assert page.startswith(".TH INFOHUB-TUI 1 ")
    top = describe(parser())
    for child in top.children:
        name = child.name.replace("-", "\\-")
        assert f'.SS "{name}"' in page
        for option in child.options:
            assert option.names[-1].replace("-", "\\-") in page


def test_man_subcommand_prints_the_page() -> None:
    result = subprocess.run([*COMMAND, "man"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == MAN_PAGE.read_text(encoding="utf-8")


def _bash_complete(line: str) -> list[str]:
    """Complete `line` (ending where the cursor is) with the generated bash script."""
    script = completion(parser(), "bash")
    words = line.split(" ")
    setup = (
        f"COMP_WORDS=({' '.join(repr(word) for word in words)}); COMP_CWORD={len(words) - 1};"
        " _infohub_tui; printf '%s\\n' \"${COMPREPLY[@]}\""
    )
    result = subprocess.run(
        ["bash", "-c", script + "\n" + setup], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    return [word for word in result.stdout.splitlines() if word]


def test_bash_completion_loads_from_the_command() -> None:
    command = " ".join(COMMAND)
    result = subprocess.run(
        ["bash", "-c", f"source <({command} completion bash); complete -p infohub-tui"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "complete -o default -F _infohub_tui infohub-tui"


def test_bash_completion_completes_subcommands_options_and_choices() -> None:
    assert _bash_complete("infohub-tui sch") == ["schema"]
    assert _bash_complete("infohub-tui --lang ") == ["en", "de"]
    assert _bash_complete("infohub-tui --pane t") == ["timeline"]
    assert _bash_complete("infohub-tui export --format c") == ["csl-json"]
    assert _bash_complete("infohub-tui schema st") == ["statements", "storage"]
    assert _bash_complete("infohub-tui completion ") == list(SHELLS)
    assert "--limit" in _bash_complete("infohub-tui search --")
    assert "--max-sessions" in _bash_complete("infohub-tui --lang de serve --m")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_every_subcommand_and_choice(shell: str) -> None:
    script = completion(parser(), shell)
    top = describe(parser())
    for child in top.children:
        assert child.name in script
    for choice in ("en de", "statements faq storage timeline", "markdown json csl-json", "bash zsh fish"):
        assert choice in script
    if shutil.which(shell):
        result = subprocess.run(
            [shell, "-n"], input=script, capture_output=True, text=True, timeout=30, check=False
        )
        assert result.returncode == 0, result.stderr


# Each subcommand that prints, with enough output to fill a pipe where it can.
PRINTING = [
    ("--help",),
    ("--version",),
    ("search", "--lang", "en", "--limit", "1000", "the"),
    ("search", "--json", "--lang", "de", "--limit", "1000", "die"),
    ("validate",),
    ("export", "--lang", "en"),
    ("export", "--format", "json"),
    ("export", "--format", "csl-json"),
    ("export", "--format", "svg-timeline"),
    ("schema",),
    ("schema", "statements"),
    ("paths",),
    ("example-config",),
    ("man",),
    *(("completion", shell) for shell in SHELLS),
    *((child.name, "--help") for child in describe(parser()).children),
]


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_output_into_a_pipe_closed_after_one_line_ends_quietly(args: tuple[str, ...], tmp_path: Path) -> None:
    """`infohub-tui ... | head -1`: status 0, nothing on stderr, no escape sequences in the line."""
    env = {
        **os.environ,
        "INFOHUB_TUI_CACHE_DIR": str(tmp_path / "cache"),
        "INFOHUB_TUI_DATA_DIR": str(tmp_path / "data"),
        "INFOHUB_TUI_STATE_DIR": str(tmp_path / "state"),
        "INFOHUB_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "FORCE_COLOR": "1",
    }
    writer = subprocess.Popen(
        [*COMMAND, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path
    )
    assert writer.stdout is not None and writer.stderr is not None
    first = writer.stdout.readline()
    writer.stdout.close()  # what `head -1` does after its line
    stderr = writer.stderr.read()
    code = writer.wait(timeout=60)
    assert first
    assert b"\x1b" not in first
    assert stderr == b""
    assert code == 0


@pytest.mark.parametrize("args", PRINTING[:6], ids=" ".join)
def test_whole_output_to_a_pipe_has_no_escape_sequences(args: tuple[str, ...]) -> None:
    result = subprocess.run(
        [*COMMAND, *args],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "FORCE_COLOR": "1"},
    )
    assert b"\x1b" not in result.stdout
    assert b"\x1b" not in result.stderr


def test_head_in_a_shell_pipeline_exits_zero() -> None:
    command = " ".join(COMMAND)
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command} export --format json | head -1 >/dev/null"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stderr == ""


@pytest.mark.skipif(shutil.which("man") is None, reason="needs man(1)")
def test_man_page_renders_without_warnings() -> None:
    result = subprocess.run(
        ["man", "--warnings", "-l", str(MAN_PAGE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"},
    )
    assert result.returncode == 0
    assert result.stderr == ""
    for heading in ("SYNOPSIS", "OPTIONS", "COMMANDS", "NOTES"):
        assert f"\n{heading}\n" in result.stdout
