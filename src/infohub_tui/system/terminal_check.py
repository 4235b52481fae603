"""Whether the full-screen reader can run here, and what to say when it cannot."""

from __future__ import annotations

import os
from typing import TextIO

EXPORT_HINT = "read the hub as text with: infohub-tui export --format markdown | less"


def terminal_problem(
    stdin: TextIO | None, stderr: TextIO | None, environment: dict[str, str] | None = None
) -> str | None:
    """Why the reader cannot draw here, as one line; None when it can.

    Textual reads keys from stdin and draws on stderr, so both must be a terminal
    (stdout may be redirected). Textual's web driver (under `serve`) needs neither.
    """
    environment = dict(os.environ) if environment is None else environment
    if environment.get("TEXTUAL_DRIVER"):
        return None
    if not (_is_tty(stdin) and _is_tty(stderr)):
        return f"infohub-tui: no terminal to draw in (stdin and stderr must be a terminal); {EXPORT_HINT}"
    if environment.get("TERM", "").lower() == "dumb":
        return f"infohub-tui: this terminal (TERM=dumb) cannot show the full-screen reader; {EXPORT_HINT}"
    return None


def _is_tty(stream: TextIO | None) -> bool:
    if stream is None:  # started with the descriptor closed (`<&-`)
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or replaced by something without a file
        return False
