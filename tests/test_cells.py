"""Fitting text into a list's cells (ui/widgets/cells.py), shared by the entry list and the Sources
view's table; and no module reaches into another's private names (the table imported the entry
list's `_fit`)."""

from __future__ import annotations

import ast
from pathlib import Path

from rich.cells import cell_len

from infohub_tui.ui.widgets import cells

SOURCE = Path(__file__).resolve().parent.parent / "src" / "infohub_tui"


def test_fit_cuts_with_an_ellipsis_and_pads_to_the_width() -> None:
    assert cells.fit("short", 8) == "short   "
    assert cells.fit("a longer title", 8) == "a longe…"
    assert cells.fit("  spaced\n  out  ", 10) == "spaced out"
    assert cells.fit("日本語のテキスト", 7) == "日本語…"
    assert cell_len(cells.fit("日本語のテキスト", 6)) == 6
    assert cells.fit("ok \U0001f44d\U0001f3fd", 6) == "ok \U0001f44d "  # the skin tone: widths disagree


def test_wrap_breaks_between_words_and_cuts_the_rest_with_an_ellipsis() -> None:
    assert cells.wrap("one two three four five six", 9, 2) == ["one two  ", "three fo…"]
    assert cells.wrap("short", 8, 1) == [cells.fit("short", 8)]


def test_no_module_imports_a_private_name_of_another() -> None:
    private = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("infohub_tui"):
                names = [alias.name for alias in node.names if alias.name.startswith("_")]
                private += [f"{path.relative_to(SOURCE)}: {node.module}.{name}" for name in names]
    assert [line for line in private if not line.endswith("__version__")] == []
