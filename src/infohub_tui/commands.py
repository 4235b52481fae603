"""Command palette provider: jump to any entry by its title or question."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .i18n import Translator
from .model import Hub, Pane


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
