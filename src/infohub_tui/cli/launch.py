"""Building and running the reader: the hub read in the resolved language, the saved state loaded,
the app configured, the terminal checked, the app run."""

from __future__ import annotations

import argparse
import gc
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from infohub_tui import locations
from infohub_tui.cli.output import EXIT_USAGE, say
from infohub_tui.cli.settings import Settings, setup
from infohub_tui.config import Config
from infohub_tui.hub.content_files import content_size
from infohub_tui.hub.library import LARGE_CONTENT_BYTES, ContentLibrary
from infohub_tui.hub.model import Hub, Pane
from infohub_tui.hub.problems import ContentError
from infohub_tui.reading.state_store import StateStore
from infohub_tui.system.terminal_check import terminal_problem

if TYPE_CHECKING:
    from infohub_tui.ui.app import InfohubApp


def read_hub(settings: Settings, library: ContentLibrary, first_pane: Pane | None = None) -> Hub:
    """The hub of the resolved language; a long first parse says so on stderr first. With
    `first_pane`, large content without a cache yet is read for it alone (the app reads the rest)."""
    return library.hub(
        settings.language,
        before_parse=partial(say_reading, library.directory / settings.language),
        first_pane=first_pane,
    )


def say_reading(language_dir: Path) -> None:
    """Before a long parse, say why the terminal is still blank (stderr, before the app draws)."""
    size = content_size(language_dir)
    if size >= LARGE_CONTENT_BYTES and sys.stderr.isatty():
        print(
            f"infohub-tui: reading {size / 1_000_000:.0f} MB of content in {language_dir}"
            " (later starts use a cache) ...",
            file=sys.stderr,
            flush=True,
        )


def build_app(args: argparse.Namespace) -> InfohubApp:
    """The app as the command line and the config file configure it, its language loaded."""
    config, settings, library = setup(args)
    return configured_app(config, settings, library)


def configured_app(config: Config, settings: Settings, library: ContentLibrary) -> InfohubApp:
    """The app starts in the language `L` chose last time unless `--lang` or the config names one
    (README: Language)."""
    from infohub_tui.reading.session import Reading
    from infohub_tui.ui.app import InfohubApp

    store = StateStore(locations.state_file())
    loaded = store.load()
    remembered = None if settings.language_given else Reading(loaded[0]).start_language(library.languages)
    if remembered is not None and remembered != settings.language:
        try:
            read_hub(replace(settings, language=remembered), library)
            settings = replace(settings, language=remembered)
        except ContentError as error:  # a broken translation must not keep the reader from starting
            first = error.problems[0] if error.problems else error
            problem = f"{first} ({remembered}, chosen with L last time; starting in {settings.language})"
            settings = replace(settings, messages=(*settings.messages, problem))
    read_hub(settings, library, first_pane=Reading(loaded[0]).start_pane(settings.start_pane))
    gc.freeze()  # the loaded content lives as long as the process: the collector need not scan it
    return InfohubApp(
        library,
        settings.language,
        start_pane=settings.start_pane,
        config=config,
        state_store=store,
        loaded_state=loaded,
        messages=settings.messages,
        watch=settings.watch,
        freeze_gc=True,
    )


def run_app(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    """The reader in this terminal (the command without a subcommand); content problems are said
    before terminal ones: they are the more useful message."""
    app = configured_app(config, settings, library)
    problem = terminal_problem(sys.stdin, sys.stderr)
    if problem:
        say(problem, error=True)
        return EXIT_USAGE
    app.run(mouse=settings.mouse)
    return app.return_code or 0
