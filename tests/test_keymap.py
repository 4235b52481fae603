"""The config's `[keymap]`: unknown ids, clashes and invalid keys are said, one line each with the
config file's line, and the binding keeps its default key."""

from __future__ import annotations

from pathlib import Path

import pytest

from infohub_tui.cli.main import build_app, main, parser
from infohub_tui.config import Config, load_config
from infohub_tui.locations import config_file
from infohub_tui.ui import bindings
from infohub_tui.ui.bindings import split_keys
from infohub_tui.ui.keymap import binding_lists, check_keymap, clash_groups, is_key
from infohub_tui.ui.screens.bookmarks_screen import BookmarksScreen
from infohub_tui.ui.screens.help_screen import HelpScreen
from infohub_tui.ui.screens.reader_screen import ReaderScreen
from infohub_tui.ui.screens.search_screen import SearchScreen
from infohub_tui.ui.screens.sources_screen import SourcesScreen
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.timeline_chart import TimelineChart

from .helpers import make_app, running, toasts


def write_config(text: str) -> Path:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def checked(text: str) -> tuple[Config, list[str]]:
    return check_keymap(load_config(write_config(text)))


@pytest.mark.parametrize(
    "key",
    ["q", "?", "question_mark", "ctrl+q", "alt+left", "shift+tab", "f5", "pageup", "space", "plus", "ä"],
)
def test_textual_key_names_and_printable_characters_are_keys(key: str) -> None:
    assert is_key(key)


@pytest.mark.parametrize("key", ["ctrl+nonsense", "nonsense", "", "ctrl+", "latin_small_letter_a", "foo+q"])
def test_other_names_are_not_keys(key: str) -> None:
    assert not is_key(key)


def test_a_keymap_that_can_work_is_kept_whole() -> None:
    config, problems = checked('theme = "nord"\n[keymap]\nquit = "ctrl+q"\nsearch = "slash,ctrl+f"\n')
    assert problems == []
    assert config.keymap == {"quit": "ctrl+q", "search": "slash,ctrl+f"}


def test_a_swap_of_two_keys_is_no_clash() -> None:
    config, problems = checked('[keymap]\nquit = "question_mark"\nhelp = "q"\n')
    assert problems == []
    assert config.keymap == {"quit": "question_mark", "help": "q"}


def test_each_entry_that_cannot_work_is_one_line_with_its_place_and_the_rest_is_kept() -> None:
    path = config_file()
    config, problems = checked(
        'theme = "nord"\n'
        "\n"
        "[keymap]\n"
        'search = "ctrl+f"\n'
        'helpp = "h"\n'
        'quit = "ctrl+nonsense"\n'
        'help = "q"\n'
        '  "bookmarks" = ""\n'
        'next-theme = "ctrl+p"\n'
    )
    assert problems == [
        f"{path}:5:1: keymap.helpp: no key binding has this id (did you mean help?)",
        f'{path}:6:1: keymap.quit: "ctrl+nonsense" is not a key name; keeping the default q',
        f'{path}:7:1: keymap.help: "q" is already quit\'s key (Quit); keeping the default ?',
        f'{path}:8:3: keymap.bookmarks: no key given in ""; keeping the default B',
        f'{path}:9:1: keymap.next-theme: "ctrl+p" is the command palette\'s key; keeping the default t',
    ]
    assert config.keymap == {"search": "ctrl+f"}
    assert config.theme == "nord", "the rest of the file is used"


def test_of_two_entries_with_one_key_the_later_gives_way() -> None:
    path = config_file()
    config, problems = checked('[keymap]\nhelp = "x"\nquit = "x"\n')
    assert problems == [
        f'{path}:3:1: keymap.quit: "x" is also keymap.help\'s key (Help); keeping the default q'
    ]
    assert config.keymap == {"help": "x"}


def test_a_default_key_that_comes_back_is_checked_again() -> None:
    """`help` gives way to quit's `q`; then `search = "?"` clashes with help's default `?`."""
    config, problems = checked('[keymap]\nhelp = "q"\nsearch = "?"\n')
    assert [line.split(": ")[1] for line in problems] == ["keymap.help", "keymap.search"]
    assert config.keymap == {}


def test_keys_of_different_screens_do_not_clash() -> None:
    """The bookmark list's `q` closes it; the reader's `q` quits: another screen, no clash."""
    _config, problems = checked('[keymap]\nclose-bookmarks = "escape,q"\nback-to-list = "q"\n')
    assert problems == []


def test_the_default_bindings_have_no_clash() -> None:
    for group in clash_groups():
        keys = [key for binding in {b.id: b for b in group}.values() for key in split_keys(binding.key)]
        assert len(keys) == len(set(keys)), keys


def test_the_clash_groups_are_the_bindings_of_each_screen_and_widget() -> None:
    groups = [{binding.id for binding in group} for group in clash_groups()]
    screens = (
        ReaderScreen,
        EntryDetail,
        TimelineChart,
        HelpScreen,
        BookmarksScreen,
        SearchScreen,
        SourcesScreen,
    )
    for bound in screens:
        ids = {getattr(binding, "id", None) for binding in bound.BINDINGS}
        assert ids in groups, bound.__name__


def test_every_binding_list_is_known_by_id() -> None:
    """The keymap is checked against `bindings.BY_ID`: a list of bindings left out of `ALL` would let
    its ids be reported as unknown."""
    ids = {binding.id for group in binding_lists().values() for binding in group}
    assert ids == set(bindings.BY_ID)


def test_every_binding_has_an_id() -> None:
    assert all(binding.id for binding in bindings.READER + bindings.ENTRY_TABLE + bindings.ENTRY_DETAIL)


async def test_the_app_says_each_problem_and_the_default_key_still_works() -> None:
    path = write_config('[keymap]\nsearch = "ctrl+f"\nhelp = "q"\n')
    app = build_app(parser().parse_args([]))
    async with running(app, notifications=True) as pilot:
        shown = " ".join(toasts(app))
        assert f"{path}:3:1: keymap.help:" in shown and "keeping the default ?" in shown
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen), "help keeps ?"
        await pilot.press("escape", "ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen), "the entry that can work is applied"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running, "q still quits"


async def test_an_app_given_a_config_checks_its_keymap_too() -> None:
    app = make_app(config=Config(keymap={"help": "q", "search": "ctrl+nonsense"}))
    assert app.keymap == {}
    assert app.messages == [
        'keymap.help: "q" is already quit\'s key (Quit); keeping the default ?',
        'keymap.search: "ctrl+nonsense" is not a key name; keeping the default /',
    ]


def test_a_subcommand_prints_each_keymap_problem(capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config('[keymap]\nquit = "ctrl+nonsense"\n')
    assert main(["search", "virginia"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f'infohub-tui: {path}:2:1: keymap.quit: "ctrl+nonsense" is not a key name; keeping the default q\n'
    )
    assert "storage\tus-data-location" in captured.out
