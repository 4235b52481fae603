"""Command palette providers: jump to any entry by its title or question; run the app's own actions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.actions import parse as parse_action
from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from infohub_tui.formats.citation import CITATION_STYLES, style_title
from infohub_tui.hub.model import Hub, Pane
from infohub_tui.i18n import Translator
from infohub_tui.ui import bindings


@runtime_checkable
class EntryJumper(Protocol):
    """What the palette needs of the screen it was opened from: the hub read, and a way to show an entry."""

    @property
    def hub(self) -> Hub | None: ...

    @property
    def translator(self) -> Translator: ...

    def jump_to(self, pane: Pane, entry_id: str) -> bool: ...


class EntryCommands(Provider):
    """Every entry of every pane, by heading."""

    def _targets(self) -> list[tuple[str, str, Callable[[], object]]]:
        reader = self.screen
        if not isinstance(reader, EntryJumper) or reader.hub is None:
            return []
        translator = reader.translator
        return [
            (entry.heading, translator.pane_title(entry.pane), partial(reader.jump_to, entry.pane, entry.id))
            for entry in reader.hub.all_entries()
        ]

    async def discover(self) -> Hits:
        for heading, pane_title, jump in self._targets():
            yield DiscoveryHit(heading, jump, help=pane_title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for heading, pane_title, jump in self._targets():
            score = matcher.match(heading)
            if score > 0:
                yield Hit(score, matcher.highlight(heading), jump, help=pane_title)


# The app's own actions the palette offers, by binding id: each shows its key (as the user mapped it).
APP_COMMANDS: tuple[str, ...] = (
    "search",
    "switch-language",
    "bookmarks",
    "toggle-bookmark",
    "copy-citation",
    "open-source",
    "sources",
    "copy-live",
    "toggle-chart",
    "next-theme",
    "help",
    "quit",
)


@runtime_checkable
class ActionScreen(Protocol):
    """What the palette needs of the screen it was opened from to offer the app's actions."""

    @property
    def translator(self) -> Translator: ...

    @property
    def keymap(self) -> Mapping[str, str]: ...


class AppCommands(Provider):
    """The app's actions (language, bookmarks, copy, theme, ...), translated, each with its key;
    only those that can act where the palette was opened (the chart only in the Timeline pane)."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        if not isinstance(screen, ActionScreen):
            return []
        translator = screen.translator
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for binding_id in APP_COMMANDS:
            binding = bindings.BY_ID.get(binding_id)
            if binding is None:
                continue
            target, name, parameters = parse_action(binding.action)
            node = self.app if target == "app" else screen
            if node.check_action(name, parameters) is not True:
                continue
            title = translator(f"command.{binding_id}")
            shown = translator("command.key", keys=bindings.key_display(self.app, binding_id, screen.keymap))
            commands.append((title, shown, partial(self.app.run_action, binding.action, screen)))
        return commands

    async def discover(self) -> Hits:
        for title, shown, run in self._commands():
            yield DiscoveryHit(title, run, help=shown)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, shown, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, text=title, help=shown)


class CitationStyleCommands(Provider):
    """The citation styles `c` can copy in, each by its name (a CSL style's own title)."""

    def _styles(self) -> list[tuple[str, Callable[[], object]]]:
        app = self.app
        chooser = getattr(app, "choose_citation_style", None)
        translator = getattr(app, "translator", None)
        if chooser is None or not isinstance(translator, Translator):
            return []
        return [
            (style_title(style, translator), partial(chooser, style.id)) for style in CITATION_STYLES.values()
        ]

    async def discover(self) -> Hits:
        for title, choose in self._styles():
            yield DiscoveryHit(title, choose)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, choose in self._styles():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), choose, text=title)


# Textual's system commands by their English title: the UI strings of their title and help.
SYSTEM_COMMANDS = {
    "Theme": "system.theme",
    "Quit": "system.quit",
    "Keys": "system.keys",
    "Maximize": "system.maximize",
    "Minimize": "system.minimize",
    "Screenshot": "system.screenshot",
}
# Left out where the reader's own commands say them better: "Quit" (with its key) and "Keys"
# (the help screen, ?, lists every key in the reader's words).
REPLACED_SYSTEM_COMMANDS = {"Quit", "Keys"}


def translated_system_commands(
    commands: Iterable[SystemCommand], screen: Screen[Any], translator: Translator
) -> Iterator[SystemCommand]:
    """Textual's system commands in the UI language, without those the reader offers itself."""
    for command in commands:
        if command.title in REPLACED_SYSTEM_COMMANDS and getattr(screen, "OFFERS_APP_COMMANDS", False):
            continue
        key = SYSTEM_COMMANDS.get(command.title)
        if key is None:
            yield command
        else:
            yield SystemCommand(
                translator(key), translator(f"{key}.help"), command.callback, command.discover
            )
