"""The hubs of a content directory, for the app: loaded on first use, cached when asked.

The YAML loader is imported only when something must be parsed, so a start
from the content cache does not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from infohub_tui.hub.content_files import content_size, languages_in
from infohub_tui.hub.model import Hub, Pane

LARGE_CONTENT_BYTES = 4_000_000
"""Content of this size or more is loaded with a notice (BENCHMARKS.md has what it takes to load)."""


class ContentLibrary:
    """The hubs of one content directory, loaded on first use per language.

    With a `cache_dir`, parsed hubs are kept there between runs (see content_cache).
    """

    def __init__(self, directory: Path, cache_dir: Path | None = None) -> None:
        self.directory = directory
        self.cache_dir = cache_dir
        self._hubs: dict[str, Hub] = {}
        self._first_panes: dict[str, Hub] = {}  # of large content read before its cache was made

    @property
    def languages(self) -> list[str]:
        return languages_in(self.directory)

    def hub(
        self, lang: str, before_parse: Callable[[], None] | None = None, first_pane: Pane | None = None
    ) -> Hub:
        """The hub of `lang`; `before_parse` is called if its files must be parsed (no cached copy).

        With `first_pane`, large content is read for that pane alone (from the cache, else from
        its file): a hub to show while the rest is read (`is_partial`; `hub(lang)` reads it whole)."""
        if first_pane is not None and self._first_pane_first(lang):
            from infohub_tui.hub.cache import cached_hub

            assert self.cache_dir is not None
            first = cached_hub(self.directory, lang, self.cache_dir, only={first_pane})
            if first is None:
                from infohub_tui.hub.loader import load_hub

                if before_parse is not None:
                    before_parse()
                first = load_hub(self.directory, lang, only={first_pane})
            self._first_panes[lang] = first
            return first
        if lang not in self._hubs:
            if self.cache_dir is None:
                from infohub_tui.hub.loader import load_hub

                if before_parse is not None:
                    before_parse()
                self._hubs[lang] = load_hub(self.directory, lang)
            else:
                from infohub_tui.hub.cache import load_cached_hub

                self._hubs[lang] = load_cached_hub(self.directory, lang, self.cache_dir, before_parse)
        self._first_panes.pop(lang, None)
        return self._hubs[lang]

    def _first_pane_first(self, lang: str) -> bool:
        """Whether `lang` is large content not in memory yet, with a cache to keep it in."""
        return self.cache_dir is not None and lang not in self._hubs and self.is_slow_to_load(lang)

    def is_partial(self, lang: str) -> bool:
        """Whether the hub of `lang` in memory holds its first pane alone (see `hub`)."""
        return lang in self._first_panes and lang not in self._hubs

    def next_language(self, lang: str) -> str | None:
        """The language after `lang` in the directory, round the end; None if it has only one."""
        languages = self.languages
        if len(languages) < 2:
            return None
        current = languages.index(lang) if lang in languages else -1
        return languages[(current + 1) % len(languages)]

    def loaded(self, lang: str) -> Hub | None:
        """The hub of `lang` if it is in memory already (perhaps `is_partial`), else None (nothing is read)."""
        return self._hubs.get(lang) or self._first_panes.get(lang)

    def is_slow_to_load(self, lang: str) -> bool:
        """Whether `hub(lang)` must read large content (not yet in memory)."""
        return lang not in self._hubs and content_size(self.directory / lang) >= LARGE_CONTENT_BYTES

    def forget(self, lang: str | None = None) -> None:
        """Drop the loaded hub of `lang` (of every language without one), so the next `hub()` reads the files again."""
        if lang is None:
            self._hubs.clear()
            self._first_panes.clear()
        else:
            self._hubs.pop(lang, None)
            self._first_panes.pop(lang, None)
