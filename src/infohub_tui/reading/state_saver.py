"""Writing the state in the background: a change costs the key that made it nothing.

`changed()` returns at once; a thread of the saver's own writes the state a
moment later, so that many changes (moving the cursor through a list) make one
write. Writes go through `StateStore.save`, with its lock and its merge with
another copy's writes. When another copy holds the lock, the thread tries again
shortly (it never writes without the lock while the app runs); when the disk
fails, it says so once (`report`, called from the thread) and tries again at the
next change or after a while, keeping every change in memory meanwhile.

`flush()` writes what is left and waits for it, as `StateStore.save` always did
(after LOCK_WAIT_SECONDS, without the lock): on quit, suspend and SIGTERM.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from infohub_tui.reading.state import State
from infohub_tui.reading.state_store import LockBusy, StateStore

WRITE_DELAY_SECONDS = 0.1
"""Changes within this time of the first are written together."""
BUSY_RETRY_SECONDS = 0.1
"""How soon a write tries again while another copy holds the lock."""
FAILED_RETRY_SECONDS = 10.0
"""How soon a failed write is tried again when nothing changes meanwhile."""
FLUSH_JOIN_SECONDS = 10.0
"""How long a flush waits for a write under way (a slow disk) before it gives up on it."""


class StateSaver:
    """Writes `state` with `store` in a background thread; `report` hears of the first failure."""

    def __init__(
        self,
        store: StateStore,
        state: State,
        report: Callable[[str], None],
        *,
        delay: float = WRITE_DELAY_SECONDS,
        failed_retry: float = FAILED_RETRY_SECONDS,
    ) -> None:
        self.store = store
        self.state = state
        self.report = report
        self.delay = delay
        self.failed_retry = failed_retry
        self._condition = threading.Condition()
        self._asked = 0  # changes asked to be written, counted
        self._written = 0  # changes written (all those asked before the last good write began)
        self._tried = 0  # changes the last write tried, good or not
        self._stopping = False
        self._thread: threading.Thread | None = None

    @property
    def pending(self) -> bool:
        """Whether a change is not in the file yet."""
        with self._condition:
            return self._written < self._asked

    def changed(self) -> None:
        """The state changed: write it soon. Returns at once."""
        with self._condition:
            self._asked += 1
            self._condition.notify_all()
            if self._thread is None and not self._stopping:
                self._thread = threading.Thread(target=self._run, name="state-saver", daemon=True)
                self._thread.start()

    def _wait(self, seconds: float) -> bool:
        """Sleep up to `seconds` unless stopped (hold the condition); whether to go on."""
        self._condition.wait_for(lambda: self._stopping, timeout=seconds)
        return not self._stopping

    def _run(self) -> None:
        while True:
            with self._condition:
                failed = self._tried > self._written
                self._condition.wait_for(
                    lambda: self._stopping or self._asked > max(self._tried, self._written),
                    timeout=self.failed_retry if failed else None,
                )
                if self._stopping or not self._wait(self.delay):
                    return
                target = self._asked
            try:
                problem = self.store.save(self.state, lock_wait=0.0, without_lock=False)
            except LockBusy:
                with self._condition:
                    if not self._wait(BUSY_RETRY_SECONDS):
                        return
                continue
            if problem is not None:
                self.report(problem)
            with self._condition:
                self._tried = target
                if self.store.save_problem is None:
                    self._written = target

    def flush(self) -> None:
        """Write every change now and wait for it (the lock as long as `StateStore.save` waits)."""
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(FLUSH_JOIN_SECONDS)
            if thread.is_alive():  # a write that hangs: leave it, rather than write beside it
                return
        with self._condition:
            target = self._asked
            pending = self._written < target
        if pending:
            problem = self.store.save(self.state)
            if problem is not None:
                self.report(problem)
            if self.store.save_problem is None:
                with self._condition:
                    self._written = max(self._written, target)
        with self._condition:  # later changes start a thread again (after a suspend)
            self._stopping = False
            self._thread = None
