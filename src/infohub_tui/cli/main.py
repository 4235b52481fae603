"""The command line's entry point (`infohub-tui`, `python -m infohub_tui`): parse the arguments,
resolve them with the config file, then run the app or a subcommand.

The parts live beside it: `parser` (the options), `settings` (the command line,
config file and locale resolved together), `launch` (the app built and run),
`commands` (the subcommands and their table) and `output` (printing, exit codes).
`parser`, `build_app` and `COMMANDS` are re-exported here for the tests and
benchmarks that drive the command line.
"""

from __future__ import annotations

from collections.abc import Sequence

from infohub_tui.cli.commands import COMMANDS
from infohub_tui.cli.guard import guarded
from infohub_tui.cli.launch import build_app
from infohub_tui.cli.output import EXIT_PROBLEMS, print_problems, say
from infohub_tui.cli.parser import parser
from infohub_tui.cli.settings import setup
from infohub_tui.hub.problems import ContentError

__all__ = ["COMMANDS", "build_app", "main", "parser"]


@guarded
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv` (default: the process's) and return its exit status."""
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
