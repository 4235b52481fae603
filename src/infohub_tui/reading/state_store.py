"""Reading and writing one state file: atomically, under a lock, merged with another copy's writes.

Every write is atomic (temp file, then rename), so a killed process loses at
most what it had not written and a reader never sees half a file. Two running
copies do not drop each other's changes: a write happens under a lock
(`state.json.lock`), and when the file changed since this copy last wrote it,
this copy's own changes since then (bookmarks and read marks added or removed,
a new place, theme or language) are merged into what is on disk.

A file that cannot be used is moved aside as `state.json.corrupt-<timestamp>`,
never deleted, whatever is wrong with it: not JSON, wrong types, nesting too
deep, numbers too long, text that cannot be written back (lone surrogates), a
pipe or a device instead of a file.

`save` can take its time (the lock, the disk): a running app calls it from a
background thread (`state_saver.py`), never from the one that answers keys.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from infohub_tui.reading.state import Scalars, State, merge
from infohub_tui.reading.state_file import MAX_STATE_BYTES, Encoder, parse_state
from infohub_tui.system.files import make_dirs, read_regular

LOCK_WAIT_SECONDS = 2.0  # then write without the lock, unless asked to leave it for later


class LockBusy(Exception):
    """Another copy holds the lock, and the write was asked to wait for it rather than go without."""


def _first_line(error: BaseException) -> str:
    lines = str(error).splitlines()
    return (lines[0] if lines else type(error).__name__)[:200]


def _now() -> datetime:
    return datetime.now(UTC)


class StateStore:
    """Reads and writes one state file; every problem becomes a message, never an exception."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = _now) -> None:
        self.path = path
        self.clock = clock
        self.save_problem: str | None = None
        self._base = Scalars()
        self._written: tuple[int, int, int] | None = None  # the file as this copy last saw it
        self._encoder = Encoder()

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(f"{self.path.name}.lock")

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            status = os.stat(self.path)
        except OSError:
            return None
        return (status.st_ino, status.st_size, status.st_mtime_ns)

    def load(self) -> tuple[State, str | None]:
        """The saved state, or defaults and a one-line message saying what went wrong."""
        signature = self._signature()
        try:
            raw = read_regular(self.path, MAX_STATE_BYTES)
        except FileNotFoundError:
            return State(), None
        except PermissionError as error:
            return State(), f"{self.path}: cannot read ({error.strerror}); starting with defaults"
        except OSError as error:
            return State(), self._move_aside(str(error).removeprefix(f"{self.path}: "))
        try:
            state = parse_state(raw)
        except Exception as error:  # every way a file can be wrong, not a list of them
            return State(), self._move_aside(_first_line(error))
        self._base = state.scalars()
        self._written = signature
        return state, None

    def _move_aside(self, reason: str) -> str:
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            os.replace(self.path, target)
        except OSError as error:
            return f"{self.path}: unreadable ({reason}) and cannot be moved aside ({error.strerror}); starting with defaults"
        return f"{self.path}: unreadable ({reason}); kept as {target.name}, starting with defaults"

    @contextlib.contextmanager
    def _locked(self, wait: float, without_lock: bool) -> Iterator[None]:
        """An exclusive lock on `state.json.lock` (shared by every copy); after `wait` seconds
        without it, no lock if `without_lock`, else LockBusy."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on POSIX
            yield
            return
        try:
            descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError:
            yield
            return
        try:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        if without_lock:
                            break
                        raise LockBusy from None
                    time.sleep(0.005)
                except OSError:
                    break
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def _theirs(self) -> State | None:
        """The file, if another copy wrote it since this one last did (and it can be read)."""
        signature = self._signature()
        if signature is None or signature == self._written:
            return None
        try:
            return parse_state(read_regular(self.path, MAX_STATE_BYTES))
        except Exception:
            return None  # unreadable now: this copy's state replaces it

    def save(
        self, state: State, *, lock_wait: float = LOCK_WAIT_SECONDS, without_lock: bool = True
    ) -> str | None:
        """Merge with the file, write atomically; returns a message the first time saving fails, else None.

        `state.lock` is held only to merge and to copy what is written, never while waiting for
        the file's lock or the disk. Raises LockBusy if the lock stayed busy and not `without_lock`.
        """
        try:
            make_dirs(self.path.parent)
            with self._locked(lock_wait, without_lock):
                theirs = self._theirs()
                with state.lock:
                    if theirs is not None:
                        merge(state, self._base, theirs)
                    snapshot = self._encoder.snapshot(state)
                payload = self._encoder.encode(snapshot)
                descriptor, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
                try:
                    with os.fdopen(descriptor, "wb") as handle:
                        handle.write(payload)
                    os.replace(temporary, self.path)
                except BaseException:
                    Path(temporary).unlink(missing_ok=True)
                    raise
                self._written = self._signature()
        except (OSError, UnicodeEncodeError) as error:
            first_time = self.save_problem is None
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)[:200]
            self.save_problem = f"cannot save to {self.path.parent} ({reason}); changes last until you quit"
            return self.save_problem if first_time else None
        with state.lock:
            self._base = snapshot.scalars
            bookmarks, read = snapshot.versions
            state.bookmarks.settle(bookmarks)
            state.read.settle(read)
        self.save_problem = None
        return None
