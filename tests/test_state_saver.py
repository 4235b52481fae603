"""The state is written in the background: a held lock or a failing disk never delays a key,
changes are coalesced and none is lost, and quit, suspend and SIGTERM write the last one."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from infohub_tui.hub.model import Pane, Reference
from infohub_tui.locations import state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_saver import StateSaver
from infohub_tui.reading.state_store import StateStore

from .helpers import FIXED_TIME, current_id, make_app, running, state_written, toasts

LOCKER = """
import fcntl, os, sys
descriptor = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(descriptor, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
"""


@contextmanager
def lock_held(by: str) -> Iterator[None]:
    """The state file's lock, held by another process or by another thread of this one."""
    lock = state_file().with_name(f"{state_file().name}.lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    if by == "process":
        holder = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(lock)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        try:
            yield
        finally:
            assert holder.stdin is not None
            holder.stdin.close()
            holder.wait(timeout=30)
        return
    descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(descriptor, fcntl.LOCK_EX)  # flock is per open file: this thread's blocks the app's
    try:
        yield
    finally:
        os.close(descriptor)


def saved() -> dict[str, object]:
    result = json.loads(state_file().read_text())
    assert isinstance(result, dict)
    return result


@contextmanager
def saves_recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether each `StateStore.save` ran on the thread that answers keys."""
    on_main: list[bool] = []
    original = StateStore.save

    def recorded(self: StateStore, state: State, **options: object) -> str | None:
        on_main.append(threading.current_thread() is threading.main_thread())
        return original(self, state, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(StateStore, "save", recorded)
    yield on_main


@pytest.mark.parametrize("by", [pytest.param("process", marks=pytest.mark.e2e), "thread"])
async def test_a_held_lock_leaves_keys_working_and_loses_no_change(
    by: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every key saved on the UI thread under a lock it waited 2 s for: another copy holding it
    stalled every key."""
    app = make_app()
    async with running(app) as pilot:
        with saves_recorded(monkeypatch) as on_main, lock_held(by):
            await pilot.press("j", "j")
            await pilot.pause()
            bookmarked = current_id(app)
            await pilot.press("m", "2", "j")
            await pilot.pause()
            moved_to = current_id(app)
            assert app.state.last_pane is Pane.FAQ and app.state.last_entry[Pane.FAQ] == moved_to
            assert app.saver is not None and app.saver.pending, "nothing is written past the lock"
            assert not any(on_main), "a key waited for the state to be written"
        await state_written(pilot)  # once the lock is free
        on_disk = saved()
        assert on_disk["last_pane"] == "faq"
        assert on_disk["last_entry"]["statements"] == bookmarked and on_disk["last_entry"]["faq"] == moved_to  # type: ignore[index]
        assert on_disk["bookmarks"] == [f"statements:{bookmarked}"]


async def test_a_failing_write_is_said_once_and_nothing_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    disk_full = True
    original = tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        if disk_full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    app = make_app()
    async with running(app, notifications=True) as pilot:
        assert app.saver is not None
        app.saver.failed_retry = 0.05  # try again soon, not after ten seconds
        for key in ("j", "m", "j", "j", "3"):
            await pilot.press(key)
            await pilot.pause(0.15)  # past the write delay: each key is a failed write of its own
            if key == "m":
                bookmarked = current_id(app)
        warnings = [text for text in toasts(app) if "cannot save" in text]
        assert len(warnings) == 1, toasts(app)
        assert "No space left on device" in warnings[0]
        assert app.state.last_pane is Pane.STORAGE, "the keys still work"
        disk_full = False
        await state_written(pilot)
        on_disk = saved()
        assert on_disk["last_pane"] == "storage"
        assert on_disk["bookmarks"] == [f"statements:{bookmarked}"]


async def test_quit_writes_the_last_change() -> None:
    app = make_app()
    async with running(app) as pilot:
        assert app.saver is not None
        app.flush_state()  # what the start wrote
        app.saver.delay = 3600.0  # nothing would be written but for quitting
        await pilot.press("2", "j")
        await pilot.pause()
        moved_to = current_id(app)
        await pilot.press("q")
    assert saved()["last_entry"]["faq"] == moved_to and saved()["last_pane"] == "faq"  # type: ignore[index]


async def test_a_suspend_writes_the_state_first() -> None:
    app = make_app()
    async with running(app) as pilot:
        assert app.saver is not None
        app.flush_state()
        app.saver.delay = 3600.0
        await pilot.press("4")
        await pilot.pause()
        app.app_suspend_signal.publish(app)  # what App.suspend does before handing the terminal over
        assert saved()["last_pane"] == "timeline"


def test_many_changes_make_few_writes() -> None:
    """Coalesced: the changes made while one write is under way are the next write, together."""
    path = state_file()
    store = StateStore(path, clock=lambda: FIXED_TIME)
    state = State()
    writing, release = threading.Event(), threading.Event()
    writes: list[int] = []
    original = store.save

    def slow_save(state: State, **options: object) -> str | None:
        writes.append(len(state.bookmarks))
        writing.set()
        release.wait(30)
        return original(state, **options)  # type: ignore[arg-type]

    store.save = slow_save  # type: ignore[method-assign]
    saver = StateSaver(store, state, report=lambda problem: None, delay=0.0)
    state.bookmarks.add(Reference(Pane.FAQ, "first"))
    saver.changed()
    assert writing.wait(30)
    for number in range(50):  # a disk that takes its time: the keys go on meanwhile
        state.bookmarks.add(Reference(Pane.FAQ, f"entry-{number}"))
        saver.changed()
    release.set()
    saver.flush()
    assert len(writes) == 2, writes
    assert len(StateStore(path).load()[0].bookmarks) == 51


def test_old_state_files_still_load(tmp_path: Path) -> None:
    """Both layouts earlier versions wrote: the store's (lists on one line) and `to_json`'s indented one."""
    one_line = (
        '{\n "version": 1,\n "last_pane": "faq",\n "last_entry": {"faq": "was-data-shared"},\n'
        ' "theme": "nord",\n "timeline_view": "chart",\n "language": "de",\n "list_order": "published",\n'
        ' "citation_style": null,\n'
        ' "bookmarks": ["faq:was-data-shared", "timeline:annual-report"],\n "read": ["faq:was-data-shared"]\n}\n'
    )
    indented = json.dumps(json.loads(one_line), indent=1) + "\n"
    oldest = '{"version": 1, "last_pane": "faq", "bookmarks": ["faq:was-data-shared"], "read": []}'
    for text in (one_line, indented):
        path = tmp_path / "state.json"
        path.write_text(text, encoding="utf-8")
        state, problem = StateStore(path).load()
        assert problem is None
        assert state.last_pane is Pane.FAQ and state.last_entry == {Pane.FAQ: "was-data-shared"}
        assert list(state.bookmarks) == [
            Reference(Pane.FAQ, "was-data-shared"),
            Reference(Pane.TIMELINE, "annual-report"),
        ]
        assert (state.theme, state.timeline_chart, state.language) == ("nord", True, "de")
        assert StateStore(path).save(state) is None
        written_back = one_line.replace(
            ' "timeline_view": "chart",\n', ' "timeline_view": "chart",\n "entry_view": "beside",\n'
        )
        assert path.read_text(encoding="utf-8") == written_back, (
            "written back as before, with the newer fields"
        )
    path.write_text(oldest, encoding="utf-8")
    state, problem = StateStore(path).load()
    assert problem is None and list(state.bookmarks) == [Reference(Pane.FAQ, "was-data-shared")]
    assert not state.timeline_chart and state.language is None


SIGTERMED = """
from infohub_tui.hub.library import ContentLibrary
from infohub_tui.hub.model import Pane, Reference
from infohub_tui.locations import bundled_content_dir, state_file
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.app import InfohubApp

library = ContentLibrary(bundled_content_dir())
library.hub("en")


class Terminated(InfohubApp):
    def on_ready(self) -> None:
        assert self.saver is not None
        self.flush_state()
        self.saver.delay = 3600.0  # only the SIGTERM handler writes
        self.reading.remember_entry(Reference(Pane.FAQ, "was-data-shared"))
        self.save_state()
        print("READY", flush=True)


app = Terminated(library, "en", state_store=StateStore(state_file()))
app.run(headless=True, size=(120, 40))
print("EXITED", app.return_code, flush=True)
"""


@pytest.mark.e2e
def test_sigterm_writes_the_last_change() -> None:
    child = subprocess.Popen([sys.executable, "-c", SIGTERMED], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline() == "READY\n"
    child.send_signal(signal.SIGTERM)
    rest = child.stdout.read()
    assert child.wait(timeout=60) == 0 and rest == f"EXITED {128 + signal.SIGTERM}\n", rest
    assert saved()["last_entry"]["faq"] == "was-data-shared"  # type: ignore[index]
