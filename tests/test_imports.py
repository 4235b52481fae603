"""The package's modules import one another in one direction only: the layers of pyproject.toml's
[tool.importlinter] hold (the Textual-free core among them), checked by `lint-imports`; no import
circle, not even one inside a layer or one that only type checking or a function's late import would
close; and each module imports on its own."""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import infohub_tui

PACKAGE = infohub_tui.__name__
ROOT = Path(infohub_tui.__file__).parent
REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = [
    sys.executable,
    "-c",
    "from importlinter.cli import lint_imports_command; lint_imports_command()",
]


def module_names() -> list[str]:
    return sorted(module.name for module in pkgutil.walk_packages([str(ROOT)], prefix=f"{PACKAGE}."))


def _path_of(name: str) -> Path:
    relative = Path(*name.split(".")[1:])
    package = ROOT / relative / "__init__.py"
    return package if package.is_file() else (ROOT / relative).with_suffix(".py")


def imports_of(name: str, known: set[str]) -> set[str]:
    """The package's modules `name` imports anywhere in its text, at the top, in functions or for types."""
    path = _path_of(name)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {module for module in found if module in known and module != name}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle of the graph, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)) is not None:
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_each_module_imports() -> None:
    for name in module_names():
        if name != f"{PACKAGE}.__main__":  # runs the command line
            importlib.import_module(name)


def test_no_import_circle() -> None:
    names = set(module_names()) | {PACKAGE}
    graph = {name: imports_of(name, names) for name in names}
    assert cycle(graph) is None, " -> ".join(cycle(graph) or [])
    assert f"{PACKAGE}.ui.app" not in graph[f"{PACKAGE}.ui.commands"]


def test_the_cycle_check_finds_a_circle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


def lint_imports(package_parent: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the contracts of pyproject.toml, on the installed package or on the copy
    of it in `package_parent` (put first on the import path)."""
    env = {**os.environ, "PYTHONPATH": str(package_parent)} if package_parent else None
    return subprocess.run(
        [*LINT_IMPORTS, "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=package_parent or REPO,
        env=env,
    )


@pytest.mark.release
def test_the_layers_and_the_textual_free_core_hold() -> None:
    """The contracts in pyproject.toml's [tool.importlinter] (docs/ARCHITECTURE.md: the layers)."""
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.release
@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("hub/model.py", "from textual.widget import Widget", "The core knows nothing of Textual"),
        ("search/index.py", "import textual.app", "The core knows nothing of Textual"),
        ("chart/svg.py", "from textual.widget import Widget", "The core knows nothing of Textual"),
        ("reading/session.py", "from rich.text import Text", "The core draws nothing with Rich"),
        ("hub/model.py", "from infohub_tui.ui.app import InfohubApp", "Layers:"),
        ("web/server.py", "from infohub_tui.ui import app", "Layers:"),
    ],
)
def test_the_contracts_break_when_a_module_imports_against_them(
    tmp_path: Path, module: str, line: str, broken: str
) -> None:
    """A copy of the package with one import the layers forbid: `lint-imports` must fail and say why."""
    shutil.copytree(
        ROOT,
        tmp_path / PACKAGE,
        ignore=shutil.ignore_patterns("__pycache__", "content", "man", "completions"),
    )
    target = tmp_path / PACKAGE / module
    target.write_text(f"{target.read_text(encoding='utf-8')}\n{line}\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    report = result.stdout.split("Broken contracts")[-1]
    assert broken in report, result.stdout
    assert f"{PACKAGE}.{module.removesuffix('.py').replace('/', '.')}" in report, result.stdout


MAX_MODULE_LINES = 620  # "about 600"
OVER_THE_LIMIT: dict[str, str] = {}


def test_no_module_is_over_about_600_lines() -> None:
    """Small modules, each about one thing; OVER_THE_LIMIT names the exceptions and why (one can
    leave it once it is split)."""
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(ROOT.rglob("*.py"))
    }
    too_long = {name: lines for name, lines in sizes.items() if lines > MAX_MODULE_LINES}
    assert set(too_long) <= set(OVER_THE_LIMIT), too_long
