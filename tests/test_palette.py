"""The command palette under keys and clicks at the wrong moment (issue 15: Textual 8.2.8's own
palette crashed in every seeded monkey run with ctrl+p; see screens/palette.py)."""

from __future__ import annotations

from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.help_screen import HelpScreen
from infohub_tui.ui.screens.reader_screen import ReaderScreen

from .helpers import make_app, running, wait_until


def typed(app: InfohubApp, *keys: str) -> None:
    """Keys as a terminal sends them when typed fast: queued back to back, none handled yet."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


def double_click(app: InfohubApp, x: int, y: int) -> None:
    """A double click as the driver sends it: the app makes the clicks of the downs and ups."""
    for _ in range(2):
        for event in (events.MouseDown, events.MouseUp):
            app.post_message(event(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))


def first_command(app: InfohubApp) -> str:
    commands = app.screen.query(CommandList)
    return (
        str(commands.first().get_option_at_index(0).prompt)
        if commands and commands.first().option_count
        else ""
    )


async def test_a_page_key_right_after_ctrl_p_does_nothing() -> None:
    """Textual's palette highlights its first command before its list is laid out: paging
    then raised KeyError (Textual issue 5794)."""
    app = make_app()
    async with running(app) as pilot:
        for page_key in ("pagedown", "pageup"):
            typed(app, "ctrl+p", page_key)
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, CommandPalette)
            await pilot.press(page_key)  # once laid out, the page keys page
            assert app.screen.query_one(CommandList).highlighted is not None
            await pilot.press("escape")


async def test_a_double_click_on_a_command_closes_the_palette_once() -> None:
    """The second click selected the command again on the palette already closed, whose
    `dismiss` then popped the help screen under it, or raised ScreenStackError. (The command is
    "Keys", which opens no screen of its own: "Change theme" sorts first.)"""
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("question_mark", "ctrl+p", *"keys")
        await wait_until(pilot, lambda: first_command(app).startswith("Keys"), "the command")
        x, y = app.screen.query_one(CommandList).content_region.offset
        double_click(app, x + 2, y)
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, HelpScreen)


async def test_a_double_click_beside_the_palette_closes_it_once() -> None:
    """A click beside the palette closes it; the second click of a double click closed it
    again, popping the help screen under it (with nothing under it: ScreenStackError)."""
    app = make_app()
    async with running(app) as pilot:
        for opened in (("question_mark", "ctrl+p"), ("escape", "ctrl+p")):
            await pilot.press(*opened)
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            double_click(app, 1, app.size.height - 1)
            await pilot.pause()
            assert app.is_running
            assert isinstance(app.screen, HelpScreen if opened[0] == "question_mark" else ReaderScreen)


async def test_the_theme_palette_closes_once_too() -> None:
    """The "Theme" command opens a second palette (Textual's `search_themes`), guarded the same way."""
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("question_mark", "ctrl+p", *"theme")
        await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "the commands")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the theme palette")
        assert "theme" in app.screen.query_one(Input).placeholder
        double_click(app, 1, app.size.height - 1)
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, HelpScreen)
