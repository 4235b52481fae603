"""What the suite itself must cover: every binding of every screen pressed by a test and typed by the
monkey, and every UI string the code looks up present in both languages with the same placeholders."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import string
from collections.abc import Iterator
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import infohub_tui
import infohub_tui.ui
from infohub_tui.i18n import BINDING_DESCRIPTIONS, CATALOGUES
from infohub_tui.ui import bindings

from . import test_monkey

TESTS = Path(__file__).parent
SOURCE = Path(infohub_tui.__file__).parent
QUIT_KEYS = {"q", "ctrl+q", "ctrl+c"}  # the monkey keeps the app open; tests of quitting press them


def screen_bindings() -> Iterator[tuple[str, Binding]]:
    """Every binding that a class of the UI declares, found from the classes, not from a list."""
    for info in pkgutil.walk_packages(infohub_tui.ui.__path__, prefix=f"{infohub_tui.ui.__name__}."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, DOMNode) and value.__module__ == module.__name__:
                for binding in value.__dict__.get("BINDINGS", ()):
                    if isinstance(binding, Binding):
                        yield f"{module.__name__}.{name}", binding


def _strings_in(node: ast.AST) -> set[str]:
    return {
        part.value
        for part in ast.walk(node)
        if isinstance(part, ast.Constant) and isinstance(part.value, str)
    }


def keys_pressed_in(tree: ast.Module) -> set[str]:
    """The keys a test file presses: constant arguments of `press`, and in a function that presses keys
    from a variable, every string of that function and of its decorators (a loop or a parametrize)."""
    pressed: set[str] = set()
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    for function in functions:
        calls = [
            node
            for node in ast.walk(function)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "press"
        ]
        for call in calls:
            for argument in call.args:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    pressed.add(argument.value)
                elif isinstance(argument, ast.Starred) and isinstance(argument.value, ast.Constant):
                    pressed |= set(str(argument.value.value))
                else:
                    pressed |= _strings_in(function)
                    for decorator in function.decorator_list:
                        pressed |= _strings_in(decorator)
    return pressed


def keys_pressed_by_tests() -> set[str]:
    pressed: set[str] = set()
    for path in sorted(TESTS.glob("test_*.py")):
        if path.name != "test_monkey.py":  # random keys prove no behaviour
            pressed |= keys_pressed_in(ast.parse(path.read_text(encoding="utf-8")))
    return pressed


def test_the_bindings_are_found_from_the_screens() -> None:
    owners = {owner.rpartition(".")[2] for owner, _binding in screen_bindings()}
    assert {"ReaderScreen", "SearchScreen", "BookmarksScreen", "HelpScreen", "TimelineChart"} <= owners


def test_every_binding_of_every_screen_is_pressed_by_some_test() -> None:
    pressed = keys_pressed_by_tests()
    unpressed = sorted(
        f"{owner}: {binding.id or binding.action} ({binding.key})"
        for owner, binding in screen_bindings()
        if not set(bindings.split_keys(binding.key)) & pressed
    )
    assert not unpressed, "bindings no test presses:\n" + "\n".join(unpressed)


def test_the_press_scan_sees_keys_given_by_a_loop() -> None:
    tree = ast.parse(
        "async def test_x(pilot):\n"
        "    await pilot.press('j', *'kk')\n"
        "    for key in ('left_square_bracket',):\n"
        "        await pilot.press(key)\n"
    )
    assert {"j", "k", "left_square_bracket"} <= keys_pressed_in(tree)
    assert "x" not in keys_pressed_in(ast.parse("def test_y(pilot):\n    pilot.type('x')\n"))


def test_the_monkey_types_every_key_of_every_screen() -> None:
    keys = {
        key
        for _owner, binding in screen_bindings()
        if not binding.system  # Textual's own handling, as the too-small screen's page keys
        for key in bindings.split_keys(binding.key)
    }
    assert keys - QUIT_KEYS <= set(test_monkey.KEYS), sorted(keys - QUIT_KEYS - set(test_monkey.KEYS))


def test_every_binding_of_the_reader_has_an_id_for_the_keymap() -> None:
    without = sorted(
        f"{owner}: {binding.key}"
        for owner, binding in screen_bindings()
        if not binding.id and not binding.system
    )
    assert not without


def test_both_languages_have_the_same_strings_with_the_same_placeholders() -> None:
    english, german = CATALOGUES["en"], CATALOGUES["de"]
    assert set(english) == set(german), sorted(set(english) ^ set(german))

    def placeholders(template: str) -> set[str]:
        return {field for _text, field, _spec, _conv in string.Formatter().parse(template) if field}

    differ = sorted(key for key in english if placeholders(english[key]) != placeholders(german[key]))
    assert not differ


def test_every_binding_has_a_german_description() -> None:
    ids = {binding.id for _owner, binding in screen_bindings() if binding.id}
    assert ids <= set(BINDING_DESCRIPTIONS["de"]), sorted(ids - set(BINDING_DESCRIPTIONS["de"]))


def looked_up_keys() -> set[str]:
    """The UI string keys the code looks up by a constant: `translator("key", ...)` anywhere."""
    keys: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else node.func.id
                if isinstance(node.func, ast.Name)
                else ""
            )
            first = node.args[0]
            if name == "translator" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys.add(first.value)
    return keys


def test_every_string_the_code_looks_up_is_in_both_languages() -> None:
    keys = looked_up_keys()
    assert len(keys) > 50  # the scan finds the lookups
    for language, catalogue in CATALOGUES.items():
        assert keys <= set(catalogue), (language, sorted(keys - set(catalogue)))
