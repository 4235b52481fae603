"""Argument types for the command line: each rejects a bad value with one clear line."""

from __future__ import annotations

import argparse

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
