"""Remembering the reader: state and config files in temporary platformdirs locations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from infohub_tui.cli.main import build_app, parser
from infohub_tui.config import Config, ConfigError, load_config
from infohub_tui.hub.model import Pane, Reference
from infohub_tui.locations import config_file, state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.screens.bookmarks_screen import BookmarksScreen

from .helpers import (
    FIXED_TIME,
    current_entry,
    current_id,
    hub_of,
    make_app,
    reader_screen,
    running,
    wait_until,
    write_bundle,
)

CORRUPT_NAME = "state.json.corrupt-20260102T030405"


def store(path: Path | None = None) -> StateStore:
    return StateStore(path or state_file(), clock=lambda: FIXED_TIME)


def test_state_round_trips() -> None:
    state = State(
        last_pane=Pane.FAQ,
        last_entry={Pane.FAQ: "was-data-shared"},
        bookmarks=[Reference(Pane.STORAGE, "backup-location")],
        read={Reference(Pane.FAQ, "was-data-shared")},
        theme="nord",
    )
    assert store().save(state) is None
    loaded, problem = store().load()
    assert problem is None
    assert loaded == state


@pytest.mark.parametrize(
    "content",
    [
        b'{"version": 1, "last_pane": "faq", "bookm',  # truncated
        b"\x00\xff\xfe garbage \x89PNG",  # binary
        b'{"last_pane": 7, "bookmarks": "not a list"}',  # wrong types
        b'["a", "list"]',
    ],
    ids=["truncated", "binary", "wrong-types", "not-an-object"],
)
def test_unreadable_state_is_kept_aside_and_defaults_used(content: bytes) -> None:
    path = state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    loaded, problem = store().load()
    assert loaded == State()
    assert problem is not None and CORRUPT_NAME in problem
    assert (path.parent / CORRUPT_NAME).read_bytes() == content
    assert not path.exists()


def test_directory_where_the_state_file_should_be() -> None:
    path = state_file()
    (path / "inner").mkdir(parents=True)
    loaded, problem = store().load()
    assert loaded == State() and problem is not None
    assert (path.parent / CORRUPT_NAME / "inner").is_dir()
    assert store().save(State(theme="nord")) is None
    assert json.loads(path.read_text())["theme"] == "nord"


def test_unwritable_location_is_reported_once(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the state directory should be")
    unwritable = store(blocker / "state" / "state.json")
    first = unwritable.save(State())
    assert first is not None and first.startswith(f"cannot save to {blocker / 'state'}")
    assert unwritable.save(State()) is None
    assert blocker.read_text() == "a file where the state directory should be"


WRITER = """
import sys
from pathlib import Path
from infohub_tui.hub.model import Pane, Reference
from infohub_tui.reading.state import State
from infohub_tui.reading.state_store import StateStore
store = StateStore(Path(sys.argv[1]))
for number in range(300):
    store.save(State(bookmarks=[Reference(Pane.FAQ, f"{sys.argv[2]}-{i}") for i in range(number % 40)]))
"""


@pytest.mark.e2e
def test_two_processes_writing_never_leave_a_broken_file() -> None:
    path = state_file()
    store().save(State())
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name]) for name in ("one", "two")]
    reads = 0
    while any(writer.poll() is None for writer in writers) or reads < 50:
        _state, problem = store().load()
        assert problem is None, problem
        reads += 1
    assert all(writer.wait(timeout=60) == 0 for writer in writers)
    assert not list(path.parent.glob("*.corrupt-*"))
    assert not list(path.parent.glob(".state.json.*")), "temporary files left behind"


def test_config_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "nord"\nlanguage = "de"\nmouse = false\nstart_pane = "timeline"\n[keymap]\nquit = "x"\n'
    )
    assert load_config(path) == Config(
        theme="nord", language="de", mouse=False, start_pane=Pane.TIMELINE, keymap={"quit": "x"}
    )
    path.write_text('theme = "nord"\nmouse = "yes"\n')
    with pytest.raises(ConfigError, match=rf"^{path}:2:1: mouse: expected true or false$"):
        load_config(path)
    path.write_text("theme = \n")
    with pytest.raises(ConfigError, match=rf"^{path}:1:9: "):
        load_config(path)
    assert load_config(tmp_path / "missing.toml") == Config()


async def test_bookmark_survives_a_restart() -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("3", "j", "m")
        await pilot.pause()
        await pilot.press("q")
    again = make_app()
    async with running(again) as pilot:
        assert reader_screen(again).active_pane is Pane.STORAGE
        assert current_id(again, Pane.STORAGE) == "backup-location"
        assert Reference(Pane.STORAGE, "backup-location") in again.state.bookmarks
        await pilot.press("1", "B")
        await pilot.pause()
        assert isinstance(again.screen, BookmarksScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert reader_screen(again).active_pane is Pane.STORAGE
        assert current_id(again, Pane.STORAGE) == "backup-location"
        assert (
            reader_screen(again).reader(Pane.STORAGE).entry_list.marker(current_entry(again, Pane.STORAGE))
            == "★"
        )


async def test_last_pane_and_entries_are_restored() -> None:
    async with running(make_app()) as pilot:
        await pilot.press("4", "G", "2", "j", "j")
        await pilot.pause()
    app = make_app()
    async with running(app):
        assert reader_screen(app).active_pane is Pane.FAQ
        assert current_id(app, Pane.FAQ) == "was-data-shared"
        assert current_id(app, Pane.TIMELINE) == "annual-report"


async def test_entries_become_read_and_u_toggles() -> None:
    app = make_app(read_after=0)
    async with running(app) as pilot:
        await pilot.press("j")
        await pilot.pause()
        entry_list = reader_screen(app).reader(Pane.STATEMENTS).entry_list
        second = entry_list.entries[1]
        assert Reference(Pane.STATEMENTS, second.id) in app.state.read
        assert entry_list.marker(second) == ""
        assert entry_list.marker(entry_list.entries[5]) == "•"
        await pilot.press("u")
        assert entry_list.marker(second) == "•"
        await pilot.press("3")  # the entry a pane opens on is read too
        await pilot.pause()
        assert Reference(Pane.STORAGE, hub_of(app).entries(Pane.STORAGE)[0].id) in app.state.read
    saved = json.loads(state_file().read_text())
    assert f"statements:{second.id}" not in saved["read"]


async def test_keymap_from_config_remaps_by_id() -> None:
    app = make_app(config=Config(keymap={"quit": "x", "pane-timeline": "f4"}))
    async with running(app) as pilot:
        await pilot.press("q")
        assert app.is_running
        await pilot.press("f4")
        await pilot.pause()
        assert reader_screen(app).active_pane is Pane.TIMELINE
        await pilot.press("x")
        await pilot.pause()
        assert not app.is_running


async def test_theme_choice_is_saved() -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("t")
        await pilot.pause()
        chosen = app.theme
        assert chosen != "textual-dark"
    assert json.loads(state_file().read_text())["theme"] == chosen
    again = make_app()
    async with running(again):
        assert again.theme == chosen


async def test_marks_of_entries_not_in_the_content_are_kept_not_listed() -> None:
    gone = Reference(Pane.FAQ, "gone")
    store().save(
        State(
            last_pane=Pane.FAQ,
            last_entry={Pane.FAQ: "gone"},
            bookmarks=[gone, Reference(Pane.FAQ, "was-there-a-buyer")],
            read={gone},
        )
    )
    app = make_app()
    async with running(app) as pilot:
        assert current_id(app, Pane.FAQ) == "what-is-the-page"
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert app.screen.bookmarks == [Reference(Pane.FAQ, "was-there-a-buyer")]
    saved = json.loads(state_file().read_text())
    assert saved["last_entry"]["faq"] == "what-is-the-page"
    assert saved["bookmarks"] == ["faq:gone", "faq:was-there-a-buyer"] and saved["read"] == ["faq:gone"]


async def test_a_translation_without_an_entry_keeps_its_bookmark(tmp_path: Path) -> None:
    extra = """\
        - id: first-question
          question: A question?
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
        - id: untranslated
          question: Only in English?
          answer: Yes.
          answered_by: Someone
          sources: [src-one]
        """
    write_bundle(tmp_path, "en", faq_yaml=extra)
    write_bundle(tmp_path, "de")
    untranslated = Reference(Pane.FAQ, "untranslated")
    app = make_app(content=tmp_path)
    async with running(app) as pilot:
        await pilot.press("2", "j", "m", "L")
        await wait_until(pilot, lambda: app.language == "de", "the switch to German")
        assert untranslated in app.state.bookmarks
        await pilot.press("L")
        await wait_until(pilot, lambda: app.language == "en", "the switch back")
        await pilot.press("j")  # German has no such entry, so the list started at the top again
        await pilot.pause()
        assert app.language == "en" and current_id(app, Pane.FAQ) == "untranslated"
        assert reader_screen(app).reader(Pane.FAQ).entry_list.marker(current_entry(app, Pane.FAQ)) == "★"
    assert json.loads(state_file().read_text())["bookmarks"] == ["faq:untranslated"]


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\x00\xff garbage", b'{"bookmarks": 3}', None],
    ids=["truncated", "binary", "wrong-types", "directory"],
)
async def test_corrupt_state_starts_the_app_and_tells_once(content: bytes | None) -> None:
    path = state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    app = make_app()
    async with running(app) as pilot:
        assert len([message for message in app.messages if CORRUPT_NAME in message]) == 1
        first = current_id(app)
        await pilot.press("m")
    kept = path.parent / CORRUPT_NAME
    assert kept.is_dir() if content is None else kept.read_bytes() == content
    assert json.loads(path.read_text())["bookmarks"] == [f"statements:{first}"]


async def test_a_broken_config_starts_the_app_with_defaults_and_says_where() -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('language = "de"\nmouse = maybe\n')
    app = build_app(parser().parse_args([]))
    assert app.messages == [f"{path}:2:9: Invalid value (using defaults)"]
    assert app.language == "en"
    async with running(app):
        assert reader_screen(app).reader(Pane.STATEMENTS).current is not None
    assert path.read_text() == 'language = "de"\nmouse = maybe\n'


async def test_config_sets_language_and_start_pane() -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('language = "de"\nstart_pane = "timeline"\n')
    app = build_app(parser().parse_args([]))
    async with running(app):
        assert (app.language, reader_screen(app).active_pane) == ("de", Pane.TIMELINE)
    assert build_app(parser().parse_args(["--lang", "en", "--pane", "faq"])).start_pane is Pane.FAQ
