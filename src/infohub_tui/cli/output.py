"""What the command line prints: exit codes and one printing path for untrusted text. How it ends
instead of printing a traceback is `guard.py`'s."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from infohub_tui.hub.problems import Problem
from infohub_tui.text.sanitize import clean_text

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def say(text: str, *, error: bool = False, end: str = "\n") -> None:
    """Print for a terminal: every line the CLI prints with untrusted parts goes through here."""
    print(clean_text(text), end=end, file=sys.stderr if error else sys.stdout)


def print_problems(problems: Sequence[Problem]) -> None:
    """Each content problem on its own line of stderr."""
    for problem in problems:
        say(str(problem), error=True)
