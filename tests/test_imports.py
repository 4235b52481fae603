"""The package's modules import one another in one direction only: no import circle, not even one
that only type checking or a function's late import would close; and each module imports on its own."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import infohub_tui

PACKAGE = infohub_tui.__name__
ROOT = Path(infohub_tui.__file__).parent
PURE = (
    "hub/model",
    "hub/loader",
    "search/index",
    "search/session",
    "reading/session",
    "reading/state",
    "reading/marks",
    "reading/state_file",
    "reading/state_store",
    "reading/state_saver",
    "i18n",
    "hub/content_files",
    "hub/ordering",
    "text/markdown_marks",
    "formats/clock_text",
    "system/opener",
    "system/clipboard",
)


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


def test_the_model_and_sessions_know_nothing_of_textual() -> None:
    for module in PURE:
        tree = ast.parse((ROOT / f"{module}.py").read_text(encoding="utf-8"))
        imported = {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not {name for name in imported if name.split(".")[0] in {"textual", "rich"}}, module
