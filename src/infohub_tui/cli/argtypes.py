"""Argument types for the command line: each rejects a bad value with one clear line."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from pathlib import Path

from infohub_tui.hub.dates import out_of_range
from infohub_tui.hub.model import PANES, Pane, Reference


def positive_int(text: str) -> int:
    """A whole number of at least 1 (`--limit 0` or `-1` would silently mean something else)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def port_number(text: str) -> int:
    """A TCP port, 0 meaning any free one."""
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return int(text)


def entry_reference(text: str) -> Reference:
    """`pane:id`, as see-also links and bookmarks name an entry."""
    pane, _, entry_id = text.partition(":")
    if pane not in {each.value for each in PANES} or not entry_id:
        panes = ", ".join(each.value for each in PANES)
        raise argparse.ArgumentTypeError(f"{text!r} is not PANE:ID (PANE: {panes})")
    return Reference(Pane(pane), entry_id)


def whole_number_between(low: int, high: int) -> Callable[[str], int]:
    """A whole number from `low` to `high` (`--width 0` drew nothing, `1000000` took 28 s)."""

    def parse(text: str) -> int:
        if not text.isdigit() or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {low} to {high}")
        return int(text)

    return parse


def shown_date(text: str) -> datetime.date:
    """A day as YYYY-MM-DD that the reader can show (hub/dates.py: the loader's range)."""
    try:
        day = datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD")
    outside = out_of_range(day)
    if outside is not None:
        raise argparse.ArgumentTypeError(outside)
    return day


def directory_path(text: str) -> Path:
    """A directory named on the command line: an empty name is refused, not taken as `.`
    (`schema --write ''` wrote into the current directory)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not a directory name")
    return Path(text)
