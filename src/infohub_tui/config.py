"""The user's config file (TOML, hand-written): read only, never rewritten."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from infohub_tui.formats.citation import CITATION_STYLES
from infohub_tui.hub.model import PANES, Pane
from infohub_tui.i18n import LANGUAGES
from infohub_tui.system.files import FileTooLarge, NotARegularFile, read_regular

EXAMPLE = """\
# infohub-tui configuration. Every setting is optional.

# Colour theme: any Textual theme name (see the command palette, "Change theme").
# theme = "textual-dark"

# Language of content and interface: "en" or "de" (default: from your locale).
# language = "de"

# Mouse support; false leaves text selection to your terminal.
# mouse = true

# Pane to open at start: statements, faq, storage or timeline
# (default: where you were last time).
# start_pane = "timeline"

# Program that opens links (o, O), as in newsboat: %u becomes the URL, else the
# URL is appended. A console browser gets the terminal until you quit it; end
# the command with & for a graphical one, started in the background.
# Default: $BROWSER, else xdg-open (or open) with a display, else w3m, lynx,
# links or elinks.
# browser = "w3m %u"
# browser = "firefox --new-tab %u &"

# How c copies a citation: "short" (quote, speaker, date, source; the default),
# "apa", "chicago-author-date", "mla" or "din-1505-2" (formatted by citeproc-py).
# The palette's "Citation style" chooses one for the next starts too.
# citation_style = "apa"

# Remap keys by binding id (see the help screen, ?). Several keys: "a,b".
[keymap]
# quit = "ctrl+q"
# search = "slash,ctrl+f"
"""


@dataclass(frozen=True)
class Config:
    theme: str | None = None
    language: str | None = None
    mouse: bool = True
    start_pane: Pane | None = None
    browser: str | None = None
    citation_style: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    path: Path | None = field(default=None, compare=False)
    """The file read, for messages about it."""
    keymap_positions: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False)
    """Where each `[keymap]` entry is written (line, column), for messages about it."""

    def where(self, key: str) -> str:
        """`path:line:col: key` for a message about a setting (`keymap.help` for a keymap entry)."""
        table, _, name = key.rpartition(".")
        line, column = self.keymap_positions.get(name, (1, 1)) if table == "keymap" else (1, 1)
        return f"{self.path}:{line}:{column}: {key}" if self.path is not None else key


MAX_CONFIG_BYTES = 1024 * 1024


class ConfigError(Exception):
    """A config problem as one line: `path:line:col: field: message`."""


def _line_of(text: str, key: str) -> tuple[int, int]:
    """Where `key = ...` is written (TOML values carry no positions)."""
    match = re.search(rf"^([ \t]*){re.escape(key)}[ \t]*=", text, re.MULTILINE)
    if match is None:
        return 1, 1
    return text.count("\n", 0, match.start()) + 1, len(match.group(1)) + 1


def _is_command(value: object) -> bool:
    """A command line that names a program (quotes as in a shell), on one line."""
    if not isinstance(value, str) or not value.isprintable():
        return False
    import shlex

    try:
        words = shlex.split(value.strip().removesuffix("&"))
    except ValueError:
        return False
    return bool(words)


def _keymap_positions(text: str, names: list[str]) -> dict[str, tuple[int, int]]:
    """Where each name of the `[keymap]` table is written: after the table's header, before the next
    table (`help` may be written `"help"`); the header's own position if not found there."""
    header = re.search(r"^[ \t]*\[[ \t]*keymap[ \t]*\]", text, re.MULTILINE)
    start = header.end() if header else 0
    following = re.search(r"^[ \t]*\[", text[start:], re.MULTILINE) if header else None
    end = start + following.start() if following else len(text)
    fallback = _line_of(text, "keymap") if header is None else (text.count("\n", 0, header.start()) + 1, 1)
    positions = {}
    for name in names:
        quoted = re.escape(name)
        match = re.compile(rf"^([ \t]*)(?:{quoted}|\"{quoted}\"|'{quoted}')[ \t]*=", re.MULTILINE).search(
            text, start, end
        )
        if match is None:
            positions[name] = fallback
        else:
            positions[name] = (text.count("\n", 0, match.start()) + 1, len(match.group(1)) + 1)
    return positions


def load_config(path: Path) -> Config:
    """Read `path`; a missing file is the default config. Raises ConfigError, and nothing else:
    any failure to read, parse or check the file (nesting 100,000 deep, a 5,000-digit number,
    a named pipe) becomes one `path:line:col: message` line."""
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return Config()
    except NotARegularFile as error:
        raise ConfigError(f"{path}:1:1: is {error.kind}, expected a TOML file") from None
    except FileTooLarge as error:
        raise ConfigError(f"{path}:1:1: {error.size} bytes, over the limit of {error.limit}") from None
    except OSError as error:
        raise ConfigError(f"{path}:1:1: cannot read: {error.strerror}") from None
    try:
        return _parse(path, raw)
    except ConfigError:
        raise
    except Exception as error:  # every other way a file can be wrong, not a list of them
        lines = str(error).splitlines()
        reason = (lines[0] if lines else type(error).__name__)[:200]
        raise ConfigError(f"{path}:1:1: cannot be read: {reason}") from None


def _parse(path: Path, raw: bytes) -> Config:
    import tomllib  # only when there is a config file to read

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}:1:1: invalid UTF-8 at byte {error.start}") from None
    except tomllib.TOMLDecodeError as error:
        position = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(position.group(1)), int(position.group(2))) if position else (1, 1)
        message = str(error).split(" (at ")[0]
        raise ConfigError(f"{path}:{line}:{column}: {message}") from None

    def fail(key: str, message: str) -> ConfigError:
        line, column = _line_of(text, key.split(".")[-1])
        return ConfigError(f"{path}:{line}:{column}: {key}: {message}")

    known = {"theme", "language", "mouse", "start_pane", "browser", "citation_style", "keymap"}
    for key in data:
        if key not in known:
            raise fail(key, "unknown setting")
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise fail("theme", "expected a theme name")
    language = data.get("language")
    if language is not None and language not in LANGUAGES:
        raise fail("language", f"expected one of {', '.join(LANGUAGES)}")
    mouse = data.get("mouse", True)
    if not isinstance(mouse, bool):
        raise fail("mouse", "expected true or false")
    start_pane = data.get("start_pane")
    if start_pane is not None and start_pane not in {pane.value for pane in PANES}:
        raise fail("start_pane", f"expected one of {', '.join(pane.value for pane in PANES)}")
    browser = data.get("browser")
    if browser is not None and not _is_command(browser):
        raise fail("browser", 'expected a command, like "w3m %u" or "firefox %u &"')
    citation_style = data.get("citation_style")
    if citation_style is not None and citation_style not in CITATION_STYLES:
        raise fail("citation_style", f"expected one of {', '.join(CITATION_STYLES)}")
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        raise fail("keymap", 'expected a table of binding-id = "keys"')
    for binding_id, keys in keymap.items():
        if not isinstance(keys, str) or not keys.isprintable():
            raise fail(f"keymap.{binding_id}", 'expected keys as text, like "ctrl+q"')
    # Key names, binding ids and clashes are checked against the app's bindings (keymap.py).
    return Config(
        theme=theme,
        language=language,
        mouse=mouse,
        start_pane=Pane(start_pane) if start_pane else None,
        browser=browser,
        citation_style=citation_style,
        keymap={str(key): str(value) for key, value in keymap.items()},
        path=path,
        keymap_positions=_keymap_positions(text, [str(key) for key in keymap]),
    )
