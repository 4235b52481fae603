"""Safe YAML reading that keeps every node's position.

Only plain data is accepted: no custom tags, no anchors or aliases (which also
rules out "billion laughs" documents), no duplicate keys, bounded file size.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from infohub_tui.hub.problems import ContentError, Problem
from infohub_tui.system.files import FileTooLarge, NotARegularFile, read_regular

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 8 * 1024 * 1024

__all__ = ["ALLOWED_TAGS", "MAX_FILE_BYTES", "ContentError", "Problem", "problem_at", "read_yaml"]

_YAML = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    _YAML + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


def problem_at(path: str, node: Node, message: str) -> Problem:
    mark = node.start_mark
    return Problem(path, mark.line + 1, mark.column + 1, message)


def read_yaml(path: Path, display_path: str | None = None) -> Node | None:
    """Compose one YAML document from `path`; raise ContentError on any fault."""
    shown = display_path or str(path)
    try:
        raw = read_regular(path, MAX_FILE_BYTES)  # never a pipe or a device: they block or never end
    except FileTooLarge as error:
        raise ContentError(
            [Problem(shown, 1, 1, f"file is {error.size} bytes, over the limit of {MAX_FILE_BYTES}")]
        ) from None
    except NotARegularFile as error:
        what = (
            "a directory, expected a YAML file"
            if error.kind == "a directory"
            else f"{error.kind}, not a regular file"
        )
        raise ContentError([Problem(shown, 1, 1, f"is {what}")]) from None
    except FileNotFoundError:
        raise ContentError([Problem(shown, 1, 1, "file is missing")]) from None
    except OSError as error:
        raise ContentError([Problem(shown, 1, 1, f"cannot read file: {error.strerror or error}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise ContentError(
            [Problem(shown, line, column, f"invalid UTF-8 (byte 0x{raw[error.start]:02x})")]
        ) from None
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or error.context or "invalid YAML"
        raise ContentError([Problem(shown, line, column, f"YAML syntax error: {reason}")]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(shown, 1, 1, f"YAML error: {error}")]) from None
    if node is not None:
        _check_plain(shown, node, text)
    return node


def _alias_problem(path: str, text: str) -> Problem:
    """Where the first alias is: composed nodes do not remember, so read the events."""
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return Problem(path, event.start_mark.line + 1, event.start_mark.column + 1, _ALIASES)
    return Problem(path, 1, 1, _ALIASES)  # pragma: no cover - an alias was seen, so an event exists


_ALIASES = "anchors and aliases are not allowed"


def _check_plain(path: str, root: Node, text: str) -> None:
    """Reject aliases (which could expand a small file into a huge tree), unknown tags, duplicate keys."""
    problems: list[Problem] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise ContentError([_alias_problem(path, text)])
        seen.add(id(node))
        if node.tag not in ALLOWED_TAGS:
            problems.append(problem_at(path, node, f"unsupported tag {node.tag!r}"))
            continue
        if isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.tag not in ALLOWED_TAGS:
                    problems.append(problem_at(path, key, f"unsupported tag {key.tag!r}"))
                elif isinstance(key, ScalarNode):
                    if key.value in keys:
                        problems.append(problem_at(path, key, f"duplicate key {key.value!r}"))
                    keys.add(key.value)
                else:
                    problems.append(problem_at(path, key, "keys must be plain text"))
                stack.append(value)
        if len(problems) >= 50:
            break
    if problems:
        raise ContentError(problems)
