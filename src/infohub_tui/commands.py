"""Command palette provider: jump to any entry by its title or question."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from .app import InfohubApp


class EntryCommands(Provider):
    """Every entry of every pane, by heading."""

    def _targets(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: InfohubApp = self.app  # type: ignore[assignment]
        targets: list[tuple[str, str, Callable[[], object]]] = []
        for entry in app.hub.all_entries():
            pane_title = app.translator.pane_title(entry.pane)
            targets.append((entry.heading, pane_title, partial(app.jump_to, entry.pane, entry.id)))
        return targets

    async def discover(self) -> Hits:
        for heading, pane_title, jump in self._targets():
            yield DiscoveryHit(heading, jump, help=pane_title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for heading, pane_title, jump in self._targets():
            score = matcher.match(heading)
            if score > 0:
                yield Hit(score, matcher.highlight(heading), jump, help=pane_title)
