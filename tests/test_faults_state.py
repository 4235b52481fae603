"""Hostile state and config files, and two running copies: defaults and one line, never a crash,
never a lost change. Each case reproduces a finding of the red-team pass in issue 15."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from infohub_tui.cli.main import build_app, parser
from infohub_tui.config import Config, ConfigError, load_config
from infohub_tui.hub.model import Pane, Reference
from infohub_tui.locations import config_file, state_file
from infohub_tui.reading import state_store as state_module
from infohub_tui.reading.state import State
from infohub_tui.reading.state_store import StateStore

from .helpers import FIXED_TIME, current_entry, make_app, running

CORRUPT_NAME = "state.json.corrupt-20260102T030405"


def store(path: Path | None = None) -> StateStore:
    return StateStore(path or state_file(), clock=lambda: FIXED_TIME)


HOSTILE_STATES: dict[str, bytes] = {
    "last-pane-a-list": b'{"last_pane": []}',  # TypeError: unhashable
    "nested-100000-deep": b"[" * 100_000 + b"]" * 100_000,  # RecursionError
    "number-5000-digits": b'{"theme": ' + b"7" * 5_000 + b"}",  # ValueError: int too long
    "lone-surrogate-theme": b'{"theme": "\\ud800"}',  # loaded, then crashed the first save
    "lone-surrogate-bookmark": b'{"bookmarks": ["faq:\\udfff"]}',
    "last-entry-a-list": b'{"last_entry": {"faq": ["x"]}}',
    "bookmark-a-number": b'{"bookmarks": [1e400]}',
    "read-unknown-pane": b'{"read": ["nowhere:x"]}',
}


@pytest.mark.parametrize("name", sorted(HOSTILE_STATES))
def test_a_hostile_state_file_is_moved_aside_and_the_next_save_works(name: str) -> None:
    content = HOSTILE_STATES[name]
    path = state_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    loaded, problem = store().load()
    assert loaded == State()
    assert problem is not None and CORRUPT_NAME in problem and "\n" not in problem
    assert (path.parent / CORRUPT_NAME).read_bytes() == content
    assert store().save(State(theme="nord")) is None
    assert json.loads(path.read_text())["theme"] == "nord"


@pytest.mark.parametrize("kind", ["named-pipe", "link-to-dev-zero"])
def test_a_pipe_or_device_as_state_file_is_never_read(kind: str) -> None:
    path = state_file()
    path.parent.mkdir(parents=True)
    if kind == "named-pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    loaded, problem = store().load()
    assert loaded == State()
    assert problem is not None and "not a regular file" in problem and CORRUPT_NAME in problem


def test_a_state_file_past_the_size_limit_is_moved_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state_module, "MAX_STATE_BYTES", 100)
    path = state_file()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"bookmarks": [f"faq:entry-{n}" for n in range(20)]}))
    loaded, problem = store().load()
    assert loaded == State() and problem is not None and "over the limit of 100" in problem


async def test_the_app_starts_and_saves_after_a_state_that_crashed_the_first_save() -> None:
    path = state_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(HOSTILE_STATES["lone-surrogate-theme"])
    app = make_app()
    async with running(app) as pilot:
        assert any(CORRUPT_NAME in message for message in app.messages)
        await pilot.press("m")
        await pilot.pause()
        bookmarked = current_entry(app).reference
    assert json.loads(path.read_text())["bookmarks"] == [str(bookmarked)]


# Two copies ----------------------------------------------------------------------


def test_two_copies_keep_each_others_changes() -> None:
    """Each copy wrote its whole state, so a bookmark added in copy B was gone after copy A
    merely moved the cursor."""
    kept, dropped = Reference(Pane.FAQ, "kept"), Reference(Pane.FAQ, "dropped")
    store().save(State(bookmarks=[kept, dropped], read={kept}))
    first, second = store(), store()
    a, _ = first.load()
    b, _ = second.load()
    added = Reference(Pane.TIMELINE, "added-in-b")
    b.bookmarks.add(added)
    b.read.add(added)
    b.theme = "nord"
    assert second.save(b) is None
    a.last_entry[Pane.FAQ] = "moved-in-a"
    a.bookmarks.discard(dropped)
    a.read.discard(kept)
    assert first.save(a) is None
    on_disk, problem = store().load()
    assert problem is None
    assert list(on_disk.bookmarks) == [kept, added]
    assert set(on_disk.read) == {added}
    assert on_disk.theme == "nord" and on_disk.last_entry == {Pane.FAQ: "moved-in-a"}
    assert list(a.bookmarks) == [kept, added], "copy A shows what copy B added"
    b.last_pane = Pane.TIMELINE
    assert second.save(b) is None
    final, _ = store().load()
    assert list(final.bookmarks) == [kept, added] and final.last_entry == {Pane.FAQ: "moved-in-a"}
    assert final.last_pane is Pane.TIMELINE


WRITER = """
import sys
from pathlib import Path
from infohub_tui.hub.model import Pane, Reference
from infohub_tui.reading.state_store import StateStore
store = StateStore(Path(sys.argv[1]))
state, problem = store.load()
assert problem is None, problem
for number in range(int(sys.argv[3])):
    state.bookmarks.add(Reference(Pane.FAQ, f"{sys.argv[2]}-{number}"))
    state.last_entry[Pane.FAQ] = f"{sys.argv[2]}-{number}"
    assert store.save(state) is None
"""


@pytest.mark.e2e
def test_two_processes_adding_bookmarks_at_once_lose_none() -> None:
    path = state_file()
    store().save(State())
    count = 150
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(count)])
        for name in ("one", "two")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    final, problem = store().load()
    assert problem is None
    assert set(final.bookmarks) == {
        Reference(Pane.FAQ, f"{name}-{n}") for name in ("one", "two") for n in range(count)
    }
    assert not list(path.parent.glob(".state.json.*")), "temporary files left behind"


@pytest.mark.stress
def test_many_bookmarks_cost_nothing_per_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """100,000 bookmarks made a key press take 7 s: `in` scanned the list and every save
    turned every bookmark into text again."""
    bookmarks = [Reference(Pane.FAQ, f"entry-{n}") for n in range(100_000)]
    state = State(bookmarks=bookmarks, read=bookmarks)
    saver = store()
    assert saver.save(state) is None
    encoded: list[Reference] = []
    original = Reference.__str__

    def counted(reference: Reference) -> str:
        encoded.append(reference)
        return original(reference)

    monkeypatch.setattr(Reference, "__str__", counted)
    for n in range(20):  # what moving the cursor does: a new place, saved at once
        state.last_entry[Pane.FAQ] = f"entry-{n}"
        assert Reference(Pane.FAQ, f"entry-{n}") in state.bookmarks
        assert saver.save(state) is None
    assert len(encoded) == 0, "bookmarks were encoded again although they did not change"
    state.bookmarks.add(Reference(Pane.FAQ, "one-more"))
    assert saver.save(state) is None
    assert len(encoded) == len(state.bookmarks), "only the list that changed is encoded again"


def test_the_home_directory_is_never_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "nonexistent"
    monkeypatch.setenv("HOME", str(home))
    saver = StateStore(home / ".local" / "state" / "infohub-tui" / "state.json")
    problem = saver.save(State(theme="nord"))
    assert problem is not None and f"the home directory {home} does not exist" in problem
    assert not home.exists()


# Config -----------------------------------------------------------------------------

HOSTILE_CONFIGS: dict[str, str] = {
    "arrays-100000-deep": "theme = " + "[" * 100_000 + "]" * 100_000 + "\n",
    "inline-tables-5000-deep": "theme = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n",
    "number-5000-digits": "theme = " + "7" * 5_000 + "\n",
    "escape-in-keymap": 'theme = "nord"\n[keymap]\nquit = "\\u001b]0;title\\u0007"\n',
}


@pytest.mark.parametrize("name", sorted(HOSTILE_CONFIGS))
async def test_a_hostile_config_gives_defaults_and_one_line(name: str) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_text(HOSTILE_CONFIGS[name])
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and "\n" not in message and len(message) < 400
    app = build_app(parser().parse_args([]))
    assert app.config == Config() and len(app.messages) == 1
    assert path.read_text() == HOSTILE_CONFIGS[name], "the config file is the user's: never rewritten"


@pytest.mark.parametrize("kind", ["named-pipe", "link-to-dev-zero"])
def test_a_pipe_or_device_as_config_is_never_read(kind: str) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    if kind == "named-pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(
        ConfigError, match=rf"^{path}:1:1: is a (named pipe|character device), expected a TOML file$"
    ):
        load_config(path)
