"""Write the man page and the shell completion scripts from the argument parser, with maintained tools:
argparse-manpage for `man/infohub-tui.1`, shtab for `completions/` (bash, zsh and fish).

The `man` and `completion` subcommands print these committed files, so the tools are needed only
here, at development time (the `test` extra), not by the installed app; tests/test_cli_docs.py
fails when a file is out of date. Run after changing any subcommand, option or help text:

    python scripts/manpage.py
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import shtab
from argparse_manpage.manpage import Manpage  # type: ignore[import-untyped]  # no type hints shipped

from infohub_tui import __version__
from infohub_tui.cli.docs import COMPLETION_FILES, MAN_PAGE, SHELLS
from infohub_tui.cli.parser import parser

REPO = Path(__file__).resolve().parents[1]
SEE_ALSO = "README.md, docs/ and CHANGELOG.md of the infohub\\-tui source tree."


@contextmanager
def _help_width(columns: int = 10_000) -> Iterator[None]:
    """argparse wraps usage and help to the terminal's width: one long line each instead, which man
    wraps itself, so the files do not depend on the terminal they were made in."""
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(columns)
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


def _roff(text: str) -> str:
    """Text as roff: backslashes and hyphens escaped, no line read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n"))


def manpage(command_line: argparse.ArgumentParser, version: str) -> str:
    """The manual page in roff (man(7)); no date, so the same parser gives the same page."""
    with _help_width():
        page = Manpage(command_line)
        page.date = ""
        page.source = f"{command_line.prog} {version}"
        page.manual = "User Commands"
        summary = (command_line.description or "").split(".")[0]
        page.description = summary[:1].lower() + summary[1:]
        if command_line.epilog:  # its lines are laid out by hand: keep them (.nf), don't fill them
            page.add_section("comments", "=", f".nf\n{_roff(command_line.epilog.rstrip())}\n.fi")
        page.add_section("see also", "=", SEE_ALSO)
        return str(page)


def completion(command_line: argparse.ArgumentParser, shell: str) -> str:
    """The completion script for `shell`, as shtab writes it."""
    with _help_width():
        return shtab.complete(command_line, shell)


def generated() -> dict[PurePosixPath, str]:
    """Every generated file (relative to the repository) and its text."""
    files = {MAN_PAGE: manpage(parser(), __version__)}
    for shell in SHELLS:
        files[COMPLETION_FILES[shell]] = completion(parser(), shell)
    return files


def main() -> None:
    for relative, text in generated().items():
        path = REPO / relative
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
