"""Help texts; the man page and shell completion, generated from the argument parser by
argparse-manpage and shtab (scripts/manpage.py) and shipped; no argparse private API in the package;
closed pipes and escape-free output for every subcommand."""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from infohub_tui.cli.docs import COMPLETION_FILES, SHELLS, completion, manpage
from infohub_tui.cli.main import parser

REPO = Path(__file__).resolve().parents[1]
MAN_PAGE = REPO / "man" / "infohub-tui.1"  # the committed page, as cli/docs.py's MAN_PAGE names it
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


def _generator() -> ModuleType:
    """scripts/manpage.py, which writes the man page and completion scripts with argparse-manpage and shtab."""
    spec = importlib.util.spec_from_file_location("manpage_script", REPO / "scripts" / "manpage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_man_page_and_completion_scripts_are_current() -> None:
    """Regenerate with `python scripts/manpage.py` when this fails."""
    for relative, text in _generator().generated().items():
        assert (REPO / relative).read_text(encoding="utf-8") == text, f"{relative} is out of date"


def test_the_subcommands_print_the_shipped_files() -> None:
    assert manpage() == MAN_PAGE.read_text(encoding="utf-8")
    for shell in SHELLS:
        assert completion(shell) == (REPO / COMPLETION_FILES[shell]).read_text(encoding="utf-8")


def test_man_page_names_every_subcommand_and_option() -> None:
    page = manpage()
    assert page.startswith('.TH INFOHUB\\-TUI "1" ')
    for each in _parsers()[1:]:
        assert each.prog.replace("-", "\\-") in page, each.prog
    for each in _parsers():
        for action in each._actions:
            for name in set(action.option_strings) - {"-h", "--help"}:  # argparse-manpage leaves help out
                assert name.replace("-", "\\-") in page, (each.prog, name)


def test_man_subcommand_prints_the_page() -> None:
    result = subprocess.run([*COMMAND, "man"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == MAN_PAGE.read_text(encoding="utf-8")


def _bash_complete(line: str) -> list[str]:
    """Complete `line` (ending where the cursor is) with the shipped bash script."""
    words = line.split(" ")
    setup = (
        f"COMP_WORDS=({' '.join(repr(word) for word in words)}); COMP_CWORD={len(words) - 1};"
        f" COMP_LINE={line!r}; COMP_POINT={len(line)};"
        " _shtab_infohub_tui; printf '%s\\n' \"${COMPREPLY[@]}\""
    )
    result = subprocess.run(
        ["bash", "-c", completion("bash") + "\n" + setup],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
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
    assert result.stdout.strip() == "complete -o bashdefault -F _shtab_infohub_tui infohub-tui"


def test_bash_completion_completes_subcommands_options_choices_and_directories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-content").mkdir()
    (tmp_path / "my-notes.txt").write_text("", encoding="utf-8")
    assert _bash_complete("infohub-tui sch") == ["schema"]
    assert _bash_complete("infohub-tui --lang ") == ["en", "de"]
    assert _bash_complete("infohub-tui --pane t") == ["timeline"]
    assert _bash_complete("infohub-tui export --format c") == ["csl-json"]
    assert _bash_complete("infohub-tui schema st") == ["statements", "storage"]
    assert _bash_complete("infohub-tui completion ") == list(SHELLS)
    assert "--limit" in _bash_complete("infohub-tui search --")
    assert "--max-sessions" in _bash_complete("infohub-tui --lang de serve --m")
    assert _bash_complete("infohub-tui --content my") == ["my-content"]
    assert _bash_complete("infohub-tui validate my") == ["my-content"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_every_subcommand_and_choice(shell: str) -> None:
    script = completion(shell)
    for each in _parsers()[1:]:
        assert each.prog.split()[-1] in script
    for choice in ("en de", "statements faq storage timeline", "markdown json csl-json", "bash zsh fish"):
        assert (
            choice in script
            or choice.replace(" ", "' '") in script
            or all(word in script for word in choice.split())
        )
    if shutil.which(shell):
        result = subprocess.run(
            [shell, "-n"], input=script, capture_output=True, text=True, timeout=30, check=False
        )
        assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("fish") is None, reason="needs fish")
def test_fish_completes_subcommands_choices_and_directories(tmp_path: Path) -> None:
    (tmp_path / "my-content").mkdir()
    script = tmp_path / "infohub-tui.fish"
    script.write_text(completion("fish"), encoding="utf-8")
    lines = [
        "infohub-tui sch",
        "infohub-tui --lang ",
        "infohub-tui export --format c",
        "infohub-tui --content my",
    ]
    program = f"source {script}; " + "; ".join(f"complete -C {line!r}; echo ---" for line in lines)
    result = subprocess.run(
        ["fish", "--no-config", "-c", program],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    answers = [
        [row.split("\t")[0] for row in block.strip().splitlines()] for block in result.stdout.split("---")
    ]
    assert answers[:4] == [["schema"], ["en", "de"], ["csl-json"], ["my-content/"]]


_SAMPLE = argparse.ArgumentParser()
ARGPARSE_PRIVATE = {
    name
    for owner in (
        argparse,
        _SAMPLE,
        _SAMPLE.add_subparsers(),
        _SAMPLE.add_argument("--x"),
        _SAMPLE.add_argument_group("g"),
        argparse.HelpFormatter("prog"),
        argparse.Namespace(),
    )
    for name in dir(owner)
    if name.startswith("_") and not name.startswith("__")
}


def _private_argparse_names(tree: ast.AST) -> set[str]:
    """argparse's private names a module's text uses: attributes, imports, or methods it overrides
    (only in a module that imports argparse: others' own `_width` is not argparse's)."""
    if not any(
        (isinstance(node, ast.Import) and any(alias.name == "argparse" for alias in node.names))
        or (isinstance(node, ast.ImportFrom) and node.module == "argparse")
        for node in ast.walk(tree)
    ):
        return set()
    used = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    used |= {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "argparse"
        for alias in node.names
    }
    used |= {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    return used & ARGPARSE_PRIVATE


def test_no_module_of_the_package_uses_argparse_private_api() -> None:
    package = REPO / "src" / "infohub_tui"
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not _private_argparse_names(tree), (
            f"{path.relative_to(package)}: {_private_argparse_names(tree)}"
        )


def test_the_private_api_check_finds_a_use() -> None:
    tree = ast.parse(
        "import argparse\n"
        "class F(argparse.HelpFormatter):\n"
        "    def _get_help_string(self, action): ...\n"
        "def walk(parser):\n"
        "    return [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]\n"
    )
    assert _private_argparse_names(tree) == {"_get_help_string", "_actions", "_SubParsersAction"}


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
    *((each.prog.split()[-1], "--help") for each in _parsers()[1:]),
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
    for heading in ("SYNOPSIS", "OPTIONS", "SUBCOMMANDS", "COMMENTS", "SEE ALSO"):
        assert f"\n{heading}\n" in result.stdout
