"""The command palette (ctrl+p) offers the app's own actions with their keys, in the UI language,
and Textual's system commands and placeholder in German too."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot

from infohub_tui.config import Config
from infohub_tui.ui.screens.bookmarks_screen import BookmarksScreen

from .helpers import make_app, reader_screen, running, wait_until


def palette_rows(app: App[Any]) -> list[str]:
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def open_palette(pilot: Pilot[None], query: str = "") -> None:
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette open")
    if query:
        await pilot.press(*query)
    await wait_until(pilot, lambda: bool(palette_rows(pilot.app)), "commands listed")


async def test_in_german_the_placeholder_and_an_app_command_are_german() -> None:
    app = make_app("de")
    async with running(app) as pilot:
        await open_palette(pilot)
        assert app.screen.query_one(CommandInput).placeholder == "Befehle und Einträge suchen…"
        await pilot.press(*"Sprache wechseln")
        await wait_until(pilot, lambda: "Sprache wechseln" in palette_rows(app)[0], "the command found")
        assert "Taste L" in palette_rows(app)[0], "the command shows its key"
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.language == "en", "the language switched")


async def test_the_palette_lists_the_app_actions_with_their_keys() -> None:
    app = make_app(config=Config(keymap={"bookmarks": "f2"}))
    async with running(app) as pilot:
        await open_palette(pilot)
        await wait_until(pilot, lambda: any("Show bookmarks" in row for row in palette_rows(app)), "listed")
        rows = "\n".join(palette_rows(app))
        for title in ("Switch language", "Copy citation", "Open the source", "Next theme", "Help: all keys"):
            assert title in rows
        assert "key f2" in next(row for row in palette_rows(app) if "Show bookmarks" in row), "the user's key"
        assert "Timeline: chart or list" not in rows, "the chart toggle only where it acts"
        await pilot.press(*"Show bookmarks")
        await wait_until(pilot, lambda: "Show bookmarks" in palette_rows(app)[0], "the command found")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen), "the bookmark list open")


async def test_the_chart_toggle_is_offered_in_the_timeline_pane() -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("4")
        await open_palette(pilot, "chart or list")
        await wait_until(pilot, lambda: "Timeline: chart or list" in palette_rows(app)[0], "offered")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.state.timeline_chart, "the chart shown")


async def test_system_commands_are_german_in_german_and_none_twice() -> None:
    app = make_app("de")
    async with running(app):
        titles = [command.title for command in app.get_system_commands(reader_screen(app))]
        assert "Farbschema wählen" in titles and "Bildschirmfoto" in titles
        assert not {"Theme", "Quit", "Keys", "Screenshot"} & set(titles)
        assert "Beenden" not in titles, "the reader's own Quit (with its key) replaces Textual's"
        helps = [command.help for command in app.get_system_commands(reader_screen(app))]
        assert "Ein Farbschema aus einer Liste wählen" in helps


async def test_the_theme_list_is_german_in_german() -> None:
    app = make_app("de")
    async with running(app) as pilot:
        await open_palette(pilot, "Farbschema wählen")
        await wait_until(pilot, lambda: "Farbschema wählen" in palette_rows(app)[0], "found")
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, CommandPalette)
                and app.screen.query_one(CommandInput).placeholder == "Farbschemata suchen…"
            ),
            "the theme list in German",
        )
