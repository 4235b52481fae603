"""Press `j` and `k` at a reader's pace in one app run headless and print how long each key took to answer.

Used by state_bench.py as a fresh process per condition: `free` (nothing in the
way), `lock` (another process holds the state file's lock all along) or `slow`
(every state write takes a second more, as a slow or network disk might). A key
is posted as the terminal driver would post it; it is answered when the frame
painted after the app handled it is on screen. Prints `KEY <wall ms>` per key,
then `DONE`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from infohub_tui.hub.library import ContentLibrary
from infohub_tui.locations import bundled_content_dir, state_file
from infohub_tui.ui.app import InfohubApp

try:
    from infohub_tui.reading.state_store import StateStore
except ImportError:  # before the split (issue 23): to measure the old code the same way
    from infohub_tui.reading.state import StateStore  # type: ignore[attr-defined,no-redef]

KEYS = 20
PACE_SECONDS = 0.4  # between one key's answer and the next key: a reader reading
WRITE_SECONDS = 1.0

LOCKER = """
import fcntl, os, sys
descriptor = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(descriptor, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
"""


def slow_disk() -> None:
    """Every state write (its temporary file) waits a second first."""
    original: Callable[..., Any] = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> Any:
        time.sleep(WRITE_SECONDS)
        return original(*args, **kwargs)

    tempfile.mkstemp = mkstemp


def lock_held() -> subprocess.Popen[str]:
    lock = state_file().with_name(f"{state_file().name}.lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(lock)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


class KeyClock:
    """Presses `j`, `k`, `j`, ...; a key is answered by the first painted frame with the list's cursor moved."""

    def __init__(self, app: InfohubApp) -> None:
        self.app = app
        self.count = 0
        self.pressed = 0.0
        self.cursor: int | None = None  # the cursor a key must move from; None: no key waiting

    def start(self) -> None:
        self.app.screen.screen_layout_refresh_signal.subscribe(self.app, self.painted, immediate=True)
        self.app.set_timer(PACE_SECONDS, self.press)

    def _cursor(self) -> int:
        screen = self.app.screen_stack[0]
        return screen.visible_reader.entry_list.cursor  # type: ignore[attr-defined,no-any-return]

    def press(self) -> None:
        self.cursor = self._cursor()
        self.pressed = time.perf_counter()
        self.app.simulate_key("jk"[self.count % 2])  # down and up again: every key moves the cursor

    def painted(self, _screen: object) -> None:
        if self.cursor is None or self._cursor() == self.cursor:
            return
        self.cursor = None
        print(f"KEY {(time.perf_counter() - self.pressed) * 1000:.1f}", flush=True)
        self.count += 1
        if self.count < KEYS:
            self.app.set_timer(PACE_SECONDS, self.press)
        else:
            print("DONE", flush=True)
            self.app.exit()


def main() -> None:
    mode = sys.argv[1]
    holder = lock_held() if mode == "lock" else None
    if mode == "slow":
        slow_disk()
    library = ContentLibrary(bundled_content_dir())
    library.hub("en")
    app = InfohubApp(library, "en", state_store=StateStore(state_file()), read_after=3600.0)
    clock = KeyClock(app)
    InfohubApp.on_ready = lambda self: clock.start()  # type: ignore[attr-defined]
    started = time.perf_counter()
    app.run(headless=True, size=(120, 40))
    print(f"QUIT {(time.perf_counter() - started) * 1000:.0f}", flush=True)
    if holder is not None:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
    os._exit(0)


if __name__ == "__main__":
    main()
