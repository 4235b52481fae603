"""Every package the code imports itself is declared in pyproject.toml: one that only comes with
another (markdown-it-py came with Textual) can go when that one stops needing it."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "infohub_tui"


def imported_top_level_modules(directory: Path) -> set[str]:
    modules = set()
    for path in directory.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.partition(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.partition(".")[0])
    return modules - set(sys.stdlib_module_names) - {"infohub_tui", "__future__"}


def normalised(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def test_every_imported_package_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["web"]]
    names = {normalised(Requirement(text).name) for text in declared}
    distributions = packages_distributions()
    undeclared = {
        module: distributions.get(module, [module])
        for module in imported_top_level_modules(SOURCE)
        if not any(normalised(each) in names for each in distributions.get(module, [module]))
    }
    assert undeclared == {}
