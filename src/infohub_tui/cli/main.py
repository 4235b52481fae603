"""The command line's entry point (`infohub-tui`, `python -m infohub_tui`): parse the arguments,
resolve them with the config file, then run the app or a subcommand.

The parts live beside it: `parser` (the options), `settings` (the command line,
config file and locale resolved together), `launch` (the app built and run),
`commands` (the subcommands and their table) and `output` (printing, exit codes).
`parser`, `build_app` and `COMMANDS` are re-exported here for the tests and
benchmarks that drive the command line.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from infohub_tui.cli.guard import guarded

if TYPE_CHECKING:
    from infohub_tui.cli.commands import COMMANDS
    from infohub_tui.cli.launch import build_app
    from infohub_tui.cli.parser import parser

__all__ = ["COMMANDS", "build_app", "main", "parser"]
_REEXPORTED = {"COMMANDS": "commands", "build_app": "launch", "parser": "parser"}


def __getattr__(name: str) -> object:
    """The re-exported names, imported when first asked for (see `main`)."""
    if name in _REEXPORTED:
        return getattr(importlib.import_module(f"infohub_tui.cli.{_REEXPORTED[name]}"), name)
    raise AttributeError(name)


@guarded
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv` (default: the process's) and return its exit status.

    Everything but the guard is imported in here, under it: a ctrl+c while Python still reads
    the modules (the first 50-80 ms of a start) ends with 130 and nothing printed, as later."""
    from infohub_tui.cli.commands import COMMANDS
    from infohub_tui.cli.output import EXIT_PROBLEMS, print_problems, say
    from infohub_tui.cli.parser import parser
    from infohub_tui.cli.settings import setup
    from infohub_tui.hub.problems import ContentError

    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    config, settings, library = setup(args)
    command = COMMANDS[args.command]
    if args.command is not None:
        for message in settings.messages:
            say(f"infohub-tui: {message}", error=True)
    try:
        return command(args, config, settings, library)
    except ContentError as error:
        print_problems(error.problems)
        return EXIT_PROBLEMS
