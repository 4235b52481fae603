"""What the app remembers between runs: last place, bookmarks, read marks, theme.

Writes are atomic (temp file, then rename) and happen on every change, so a
killed process loses at most its last change and a reader never sees half a
file; two running copies simply take turns (last writer wins). A file that
cannot be read is moved aside as `state.json.corrupt-<timestamp>`, never deleted.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .model import PANES, Pane, Reference

STATE_VERSION = 1


@dataclass
class State:
    last_pane: Pane | None = None
    last_entry: dict[Pane, str] = field(default_factory=dict)
    bookmarks: list[Reference] = field(default_factory=list)
    read: set[Reference] = field(default_factory=set)
    theme: str | None = None
    timeline_chart: bool = False
    """The Timeline pane shows the chart instead of the list."""

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "last_pane": self.last_pane.value if self.last_pane else None,
            "last_entry": {pane.value: entry_id for pane, entry_id in self.last_entry.items()},
            "bookmarks": [str(reference) for reference in self.bookmarks],
            "read": sorted(str(reference) for reference in self.read),
            "theme": self.theme,
            "timeline_view": "chart" if self.timeline_chart else "list",
        }


class StateFormatError(ValueError):
    pass


def _reference(text: object) -> Reference:
    if not isinstance(text, str) or ":" not in text:
        raise StateFormatError(f"not a pane:id reference: {text!r}")
    pane, _, entry_id = text.partition(":")
    if pane not in {p.value for p in PANES}:
        raise StateFormatError(f"unknown pane {pane!r}")
    return Reference(Pane(pane), entry_id)


def state_from_json(data: object) -> State:
    if not isinstance(data, dict):
        raise StateFormatError("expected a JSON object")
    last_pane = data.get("last_pane")
    last_entry = data.get("last_entry", {})
    bookmarks = data.get("bookmarks", [])
    read = data.get("read", [])
    theme = data.get("theme")
    timeline_view = data.get("timeline_view", "list")
    if last_pane is not None and last_pane not in {p.value for p in PANES}:
        raise StateFormatError("last_pane is not a pane")
    if not isinstance(last_entry, dict) or not all(isinstance(v, str) for v in last_entry.values()):
        raise StateFormatError("last_entry is not a mapping of pane to id")
    if not isinstance(bookmarks, list) or not isinstance(read, list):
        raise StateFormatError("bookmarks and read must be lists")
    if theme is not None and not isinstance(theme, str):
        raise StateFormatError("theme is not text")
    if timeline_view not in ("list", "chart"):
        raise StateFormatError("timeline_view is not list or chart")
    return State(
        last_pane=Pane(last_pane) if last_pane else None,
        last_entry={_reference(f"{pane}:{entry_id}").pane: entry_id for pane, entry_id in last_entry.items()},
        bookmarks=list(dict.fromkeys(_reference(item) for item in bookmarks)),
        read={_reference(item) for item in read},
        theme=theme,
        timeline_chart=timeline_view == "chart",
    )


def _now() -> datetime:
    return datetime.now(UTC)


class StateStore:
    """Reads and writes one state file; every problem becomes a message, never an exception."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = _now) -> None:
        self.path = path
        self.clock = clock
        self.save_problem: str | None = None

    def load(self) -> tuple[State, str | None]:
        """The saved state, or defaults and a one-line message saying what went wrong."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return State(), None
        except IsADirectoryError:
            return State(), self._move_aside("is a directory")
        except OSError as error:
            return State(), f"{self.path}: cannot read ({error.strerror}); starting with defaults"
        try:
            return state_from_json(json.loads(raw.decode("utf-8"))), None
        except (UnicodeDecodeError, json.JSONDecodeError, StateFormatError) as error:
            return State(), self._move_aside(str(error).splitlines()[0])

    def _move_aside(self, reason: str) -> str:
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            os.replace(self.path, target)
        except OSError as error:
            return f"{self.path}: unreadable ({reason}) and cannot be moved aside ({error.strerror}); starting with defaults"
        return f"{self.path}: unreadable ({reason}); kept as {target.name}, starting with defaults"

    def save(self, state: State) -> str | None:
        """Write atomically; returns a message the first time saving fails, else None."""
        payload = json.dumps(state.to_json(), indent=1, ensure_ascii=False).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(payload)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            first_time = self.save_problem is None
            self.save_problem = (
                f"cannot save to {self.path.parent} ({error.strerror}); changes last until you quit"
            )
            return self.save_problem if first_time else None
        self.save_problem = None
        return None
