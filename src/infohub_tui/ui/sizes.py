"""Terminal sizes: where the layout changes, and below which the reader asks for a larger window.

Below `MIN_WIDTH` x `MIN_HEIGHT` the panes, the modals and the toasts are hidden
and one line asks for a larger window: Textual (8.x) raises `range() arg 3 must
not be zero` when it wraps text into a widget left zero cells wide, which the
reader's borders and padding reach at about 14 columns (16 with a modal open).
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_WIDTH = 30
MIN_HEIGHT = 10
WIDE = 100  # list and entry side by side from here; stacked below
TALL = 30  # the header shows from here

TOO_NARROW, NARROW, WIDE_CLASS = "-too-narrow", "-narrow", "-wide"
TOO_SHORT, SHORT, TALL_CLASS = "-too-short", "-short", "-tall"

# (size, screen class) pairs, as Textual's HORIZONTAL_BREAKPOINTS / VERTICAL_BREAKPOINTS want them.
HORIZONTAL_BREAKPOINTS = [(0, TOO_NARROW), (MIN_WIDTH, NARROW), (WIDE, WIDE_CLASS)]
VERTICAL_BREAKPOINTS = [(0, TOO_SHORT), (MIN_HEIGHT, SHORT), (TALL, TALL_CLASS)]


def size_classes(width: int, height: int) -> str:
    """The breakpoint classes Textual gives a screen of this size (the breakpoints above)."""
    return " ".join(
        (
            _breakpoint(width, HORIZONTAL_BREAKPOINTS),
            _breakpoint(height, VERTICAL_BREAKPOINTS),
        )
    )


def _breakpoint(size: int, breakpoints: Sequence[tuple[int, str]]) -> str:
    """The class of the largest breakpoint `size` reaches, as Textual's screen picks it."""
    return next((name for limit, name in sorted(breakpoints, reverse=True) if size >= limit), "")
