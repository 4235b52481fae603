"""The one place where the command line ends instead of printing a traceback, for every subcommand.

The README promises one line for anything that goes wrong (issue 26 found tracebacks):

- stdout or stderr closed (`infohub-tui paths >&-`): the closed one is /dev/null,
  so nothing fails writing to it (`sys.stdout` was None, `.flush()` raised);
- an argument that is not UTF-8 (`--content $'\\xff'`): refused by name, exit 2;
- ctrl+c (SIGINT) during a long export or parse: exit 130, nothing printed;
- the output cannot be written (`export > /dev/full`): one line, exit 1; a closed
  pipe (`search ... | head -1`) is not an error: exit 0, quietly;
- anything else unforeseen: one line naming the error, exit 1.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Sequence
from functools import wraps
from typing import Protocol

from infohub_tui.cli.output import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, say

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class Main(Protocol):
    """The command line's main function: arguments (default: the process's) in, exit status out."""

    def __call__(self, argv: Sequence[str] | None = None) -> int: ...


def guarded(main: Main) -> Main:
    """`main`, ending with an exit status and at most one line whatever happens inside it."""

    @wraps(main)
    def run(argv: Sequence[str] | None = None) -> int:
        try:
            reopen_closed_streams()
            arguments = list(sys.argv[1:] if argv is None else argv)
            undecodable = next((argument for argument in arguments if _not_utf8(argument)), None)
            if undecodable is not None:
                say(f"infohub-tui: an argument is not valid UTF-8: {_shown(undecodable)}", error=True)
                return EXIT_USAGE
            code = main(argv)
            sys.stdout.flush()
            return code
        except KeyboardInterrupt:
            _drop_stdout()  # what was printed so far may be half a line: no flush at exit
            return EXIT_INTERRUPTED
        except BrokenPipeError:  # the reader (`| head -1`) has what it wanted: not an error
            _drop_stdout()
            return EXIT_OK
        except OSError as error:
            if error.filename is None:
                _drop_stdout()  # the output itself failed; Python would fail again flushing it at exit
            where = f"{_shown(str(error.filename))}: " if error.filename else "cannot write the output: "
            say(f"infohub-tui: {where}{error.strerror or error}", error=True)
            return EXIT_PROBLEMS
        except Exception as error:  # a bug: still one line, never a traceback
            say(f"infohub-tui: unexpected error: {type(error).__name__}: {_shown(str(error))}", error=True)
            return EXIT_PROBLEMS

    return run


def reopen_closed_streams() -> None:
    """Give a standard stream started closed (`>&-`, `2>&-`: Python makes it None) /dev/null."""
    for number, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        with contextlib.suppress(OSError):
            descriptor = os.open(os.devnull, os.O_WRONLY)
            if descriptor != number:
                os.dup2(descriptor, number)
                os.close(descriptor)
            setattr(sys, name, io.TextIOWrapper(io.FileIO(number, "w", closefd=False), errors="replace"))


def _not_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes the locale could not decode, kept as surrogates
        return True
    return False


def _shown(text: str) -> str:
    """`text` with undecodable bytes as `\\xff` escapes, printable on any terminal."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _drop_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
