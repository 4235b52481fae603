"""Which files make up a content directory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .model import Entry, FaqEntry, Pane, Statement, StorageFact, TimelineEvent

HUB_FILE = "hub.yaml"
PANE_FILES: dict[Pane, str] = {
    Pane.STATEMENTS: "statements.yaml",
    Pane.FAQ: "faq.yaml",
    Pane.STORAGE: "storage.yaml",
    Pane.TIMELINE: "timeline.yaml",
}
CONTENT_FILES: tuple[str, ...] = (HUB_FILE, *PANE_FILES.values())

FieldKind = Literal["text", "markdown", "date", "kind", "optional", "clocks"]
OPTIONAL_KINDS: frozenset[FieldKind] = frozenset({"optional", "clocks"})


@dataclass(frozen=True)
class Field:
    """One field of an entry: its YAML name, the model attribute it fills, how it is read."""

    key: str
    attribute: str
    kind: FieldKind = "text"


ENTRY_TYPES: dict[Pane, type[Entry]] = {
    Pane.STATEMENTS: Statement,
    Pane.FAQ: FaqEntry,
    Pane.STORAGE: StorageFact,
    Pane.TIMELINE: TimelineEvent,
}

# Every entry also has `id`, `sources` and optionally `see_also`.
ENTRY_FIELDS: dict[Pane, tuple[Field, ...]] = {
    Pane.STATEMENTS: (
        Field("date", "date", "date"),
        Field("speaker", "speaker_name"),
        Field("title", "title"),
        Field("body", "text", "markdown"),
        Field("quote", "quote", "optional"),
    ),
    Pane.FAQ: (
        Field("question", "question"),
        Field("answer", "answer", "markdown"),
        Field("answered_by", "answered_by"),
    ),
    Pane.STORAGE: (
        Field("label", "label"),
        Field("value", "value"),
        Field("detail", "detail", "markdown"),
        Field("claimed_by", "claimed_by"),
    ),
    Pane.TIMELINE: (
        Field("date", "date", "date"),
        Field("title", "title"),
        Field("kind", "kind", "kind"),
        Field("actor", "actor"),
        Field("body", "text"),
        Field("clocks", "clocks", "clocks"),
    ),
}


FileSignature = tuple[tuple[str, int, int], ...]


def file_signature(language_dir: Path) -> FileSignature:
    """(name, size, mtime) of each content file, so a change to any of them is noticed."""
    signature = []
    for name in CONTENT_FILES:
        try:
            stat = (language_dir / name).stat()
            signature.append((name, stat.st_size, stat.st_mtime_ns))
        except OSError:
            signature.append((name, -1, -1))
    return tuple(signature)


def content_bytes(language_dir: Path) -> int:
    """The size of a language's content files together."""
    return sum(size for _name, size, _mtime in file_signature(language_dir) if size > 0)


def languages(directory: Path) -> list[str]:
    """The language codes that have a hub in `directory`, sorted.

    A hub.yaml that is not a regular file (a pipe, a link to a device) still counts,
    so that loading it reports what is wrong with it instead of ignoring it.
    """
    try:
        if not directory.is_dir():
            return []
        children = list(directory.iterdir())
    except (OSError, RuntimeError):
        return []
    return sorted(child.name for child in children if _exists(child / HUB_FILE))


def _exists(path: Path) -> bool:
    try:
        return path.exists() and not path.is_dir()
    except (OSError, RuntimeError):
        return False
