"""The settings of every command: the command line, the config file and the locale resolved together.

The command line wins over the config file, which wins over the locale
(`resolve`); every command starts from `setup`.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace

from infohub_tui import locations
from infohub_tui.config import Config, ConfigError, load_config
from infohub_tui.hub.library import ContentLibrary
from infohub_tui.hub.model import Pane
from infohub_tui.i18n import DEFAULT_LANGUAGE, language_from_environment


@dataclass(frozen=True)
class Settings:
    """What the command line and the config file ask for together."""

    language: str
    """`--lang`, else the config's `language`, else the locale's; one the content has."""
    start_pane: Pane | None
    mouse: bool
    watch: bool
    language_given: bool = False
    """The language is the command line's or the config's, not the locale's: the app starts in it
    rather than in the one chosen in the app last time (`L`)."""
    messages: tuple[str, ...] = ()
    """Problems with the config file, each one line."""


def resolve(args: argparse.Namespace, config: Config, library: ContentLibrary) -> Settings:
    """The settings of any command: the command line wins over the config file, which wins over
    the locale; a language the content does not have becomes English, or its first language."""
    language = args.lang or config.language or language_from_environment()
    available = library.languages
    if available and language not in available:
        language = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in available else available[0]
    return Settings(
        language=language,
        start_pane=Pane(args.pane) if args.pane else config.start_pane,
        mouse=config.mouse and not args.no_mouse,
        watch=args.watch,
        language_given=bool(args.lang or config.language),
    )


def read_config() -> tuple[Config, list[str]]:
    """The user's config file, or the defaults and why the file was not used; a `[keymap]` entry
    that cannot work is left out and said (keymap.py)."""
    try:
        config = load_config(locations.config_file())
    except ConfigError as error:
        return Config(), [f"{error} (using defaults)"]
    if not config.keymap:
        return config, []
    from infohub_tui.ui.keymap import check_keymap  # reads the bindings: only when there is a keymap

    config, problems = check_keymap(config)
    return config, problems


def library_for(args: argparse.Namespace) -> ContentLibrary:
    """The content `--content` names, else the user's own, else the bundled content; cached."""
    return ContentLibrary(locations.content_dir(args.content), cache_dir=locations.cache_dir())


def setup(args: argparse.Namespace) -> tuple[Config, Settings, ContentLibrary]:
    """The config, the settings resolved with it (and its problems), and the content library."""
    config, messages = read_config()
    library = library_for(args)
    settings = resolve(args, config, library)
    return config, replace(settings, messages=tuple(messages)), library
