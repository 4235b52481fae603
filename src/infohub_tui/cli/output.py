"""What the command line prints and how it ends: exit codes, one printing path for untrusted text,
and one line instead of a traceback when the output cannot be written."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import ParamSpec

from infohub_tui.hub.problems import Problem
from infohub_tui.text.sanitize import clean_text

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
P = ParamSpec("P")


def say(text: str, *, error: bool = False, end: str = "\n") -> None:
    """Print for a terminal: every line the CLI prints with untrusted parts goes through here."""
    print(clean_text(text), end=end, file=sys.stderr if error else sys.stdout)


def print_problems(problems: Sequence[Problem]) -> None:
    """Each content problem on its own line of stderr."""
    for problem in problems:
        say(str(problem), error=True)


def output_guarded(main: Callable[P, int]) -> Callable[P, int]:
    """One line instead of a traceback when a file or the output cannot be written
    (`export > /dev/full`, `schema --write /proc/x`, `search ... | head`)."""

    @wraps(main)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            code = main(*args, **kwargs)
            sys.stdout.flush()
            return code
        except BrokenPipeError:  # the reader (`| head -1`) has what it wanted: not an error
            _drop_stdout()
            return EXIT_OK
        except OSError as error:
            if error.filename is None:
                _drop_stdout()  # the output itself failed; Python would fail again flushing it at exit
            where = f"{error.filename}: " if error.filename else "cannot write the output: "
            say(f"infohub-tui: {where}{error.strerror or error}", error=True)
            return EXIT_PROBLEMS

    return guarded


def _drop_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
