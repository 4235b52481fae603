"""The widths the SVG export draws, held here so the command line can name them without loading
the chart: `--width 0` drew nothing and `1000000` took 28 s (issue 26)."""

from __future__ import annotations

MIN_WIDTH, MAX_WIDTH = 20, 1000  # character columns
