"""The config's `[keymap]`, checked against the app's bindings before Textual applies it.

Textual's `App.set_keymap` accepts anything: an id no binding has, a key no
terminal sends (`ctrl+nonsense`), a key another binding of the same screen
already has (`help = "q"` beside quit's `q`: both show, one of them wins).
Here each such entry becomes one line, `config.toml:7:1: keymap.help: ...`,
and is left out, so its binding keeps its default key.

Key names are Textual's (`textual.keys`): its named keys (`escape`, `pageup`,
`f5`, `ctrl+a`, ...), a single printable character or its name as Textual
spells it (`?` or `question_mark`), with modifiers (`ctrl+`, `alt+`, `shift+`,
...) before a key. No Textual app is needed: this only reads bindings.py.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from textual import keys as textual_keys
from textual.binding import Binding

from infohub_tui.config import Config
from infohub_tui.ui import bindings

MODIFIERS = ("ctrl", "alt", "shift", "meta", "super", "hyper")

# Lists of bindings.py that are bound on the same screen or widget (the rest are bound alone):
# a key in one of them must not be another's key in the same group.
BOUND_TOGETHER: tuple[tuple[str, ...], ...] = (
    ("READER", "ENTRY_TABLE", "CHART_ON_APP"),
    ("TIMELINE_CHART", "CHART_EVENTS"),
)

# Keys Textual's app takes first, on every screen (priority bindings), and the only id that may have them.
RESERVED = {"ctrl+q": ("Textual's quit key", "quit"), "ctrl+p": ("the command palette's key", None)}

_NAMED_KEYS = frozenset(
    key.value for key in textual_keys.Keys if not key.value.startswith("<") and key.value != "ctrl-at"
)
_ALIASES = {alias: key for key, aliases in textual_keys.KEY_ALIASES.items() for alias in aliases}


def binding_lists() -> dict[str, list[Binding]]:
    """Every list of bindings in bindings.py, by its name."""
    return {
        name: value
        for name, value in vars(bindings).items()
        if name.isupper()
        and isinstance(value, list)
        and value
        and all(isinstance(item, Binding) for item in value)
    }


def clash_groups() -> list[list[Binding]]:
    """The bindings that are active together, one list per screen or widget that binds them."""
    lists = binding_lists()
    together = [name for group in BOUND_TOGETHER for name in group]
    groups = [[binding for name in group for binding in lists.get(name, [])] for group in BOUND_TOGETHER]
    groups += [group for name, group in lists.items() if name not in together]
    return groups


def character_key(character: str) -> str:
    """The key name Textual gives a character: `?` is `question_mark`, `a` is `a`."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = character
    return textual_keys.KEY_NAME_REPLACEMENTS.get(name, name)


def _is_character_name(name: str) -> bool:
    """A character's name as Textual spells it (`question_mark`, `plus`), not any Unicode name."""
    character = textual_keys.key_to_character(textual_keys.REPLACED_KEYS.get(name, name))
    return character is not None and len(character) == 1 and character_key(character) == name


def is_key(key: str) -> bool:
    """Whether Textual can report `key` (one key of a comma-separated list)."""
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    if key in _NAMED_KEYS:
        return True
    *modifiers, base = key.split("+")
    if any(modifier not in MODIFIERS for modifier in modifiers) or len(set(modifiers)) < len(modifiers):
        return False
    if len(base) == 1:
        return base.isprintable() and not base.isspace()
    return base in _NAMED_KEYS or _is_character_name(base)


def canonical(key: str) -> str:
    """The name Textual matches a key by: `?` as `question_mark`, `ctrl+i` as `tab`."""
    key = character_key(key) if len(key) == 1 else key
    return _ALIASES.get(key, key)


def shown(keys: str) -> str:
    """Keys as the help screen shows them: `question_mark,q` as `?, q`."""
    return ", ".join(textual_keys.format_key(key) for key in bindings.split_keys(keys))


def check_keymap(config: Config) -> tuple[Config, list[str]]:
    """The config with only the keymap entries that can work, and one line for each other entry,
    in the order they are written; an entry left out keeps its binding's default keys."""
    known = bindings.BY_ID
    problems: dict[str, str] = {}
    candidates: dict[str, str] = {}
    for binding_id, text in config.keymap.items():
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, list(known), n=1)
            hint = f" (did you mean {close[0]}?)" if close else " (the help screen, ?, lists the ids)"
            problems[binding_id] = f"no key binding has this id{hint}"
            continue
        default = f"keeping the default {shown(known[binding_id].key)}"
        keys = bindings.split_keys(text)
        if not text.strip() or not all(keys):
            problems[binding_id] = f'no key given in "{text}"; {default}'
            continue
        wrong = [key for key in keys if not is_key(key)]
        if wrong:
            problems[binding_id] = f'"{wrong[0]}" is not a key name; {default}'
            continue
        reserved = next(
            (
                (key, what)
                for key in keys
                for reserved_key, (what, owner) in RESERVED.items()
                if canonical(key) == reserved_key and owner != binding_id
            ),
            None,
        )
        if reserved is not None:
            problems[binding_id] = f'"{reserved[0]}" is {reserved[1]}; {default}'
            continue
        candidates[binding_id] = text
    for binding_id, message in _clashes(candidates, known, list(config.keymap)):
        del candidates[binding_id]
        problems[binding_id] = message
    lines = [
        f"{config.where(f'keymap.{binding_id}')}: {problems[binding_id]}"
        for binding_id in config.keymap
        if binding_id in problems
    ]
    return replace(config, keymap=candidates), lines


def _clashes(
    keymap: dict[str, str], known: Mapping[str, Binding], order: Sequence[str]
) -> Iterator[tuple[str, str]]:
    """Entries whose keys another binding of the same screen has: the entry written later gives way
    (an entry before a default key); checked again after each, as a default key comes back."""
    keymap = dict(keymap)
    groups = clash_groups()
    while True:
        found = _first_clash(keymap, known, groups, order)
        if found is None:
            return
        binding_id, message = found
        del keymap[binding_id]
        yield binding_id, message


def _first_clash(
    keymap: Mapping[str, str],
    known: Mapping[str, Binding],
    groups: Sequence[Sequence[Binding]],
    order: Sequence[str],
) -> tuple[str, str] | None:
    latest: tuple[int, str, str] | None = None
    for group in groups:
        owners: dict[str, list[str]] = {}  # key: the ids that have it, defaults and remapped
        seen: set[str] = set()
        for binding in group:
            if binding.id is None or binding.id in seen:
                continue
            seen.add(binding.id)
            for key in bindings.split_keys(keymap.get(binding.id, binding.key)):
                ids = owners.setdefault(canonical(key), [])
                if binding.id not in ids:
                    ids.append(binding.id)
        for key, ids in owners.items():
            remapped = [binding_id for binding_id in ids if binding_id in keymap]
            if len(ids) < 2 or not remapped:
                continue
            loser = max(remapped, key=order.index)
            rank = order.index(loser)
            if latest is not None and latest[0] >= rank:
                continue
            other = next(binding_id for binding_id in ids if binding_id != loser)
            whose = f"also keymap.{other}'s key" if other in keymap else f"already {other}'s key"
            default = f"keeping the default {shown(known[loser].key)}"
            written = next(k for k in bindings.split_keys(keymap[loser]) if canonical(k) == key)
            latest = (rank, loser, f'"{written}" is {whose} ({known[other].description}); {default}')
    return (latest[1], latest[2]) if latest is not None else None
