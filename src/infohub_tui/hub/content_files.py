"""The files of a content directory: which they are, their size, and a signature that changes with them."""

from __future__ import annotations

from pathlib import Path

from infohub_tui.hub.model import PANE_TABLE

HUB_FILE = "hub.yaml"
CONTENT_FILES: tuple[str, ...] = (HUB_FILE, *(spec.file for spec in PANE_TABLE.values()))

ContentSignature = tuple[tuple[str, int, int], ...]


def content_signature(language_dir: Path) -> ContentSignature:
    """(name, size, mtime) of each content file, so a change to any of them is noticed."""
    signature = []
    for name in CONTENT_FILES:
        try:
            stat = (language_dir / name).stat()
            signature.append((name, stat.st_size, stat.st_mtime_ns))
        except OSError:
            signature.append((name, -1, -1))
    return tuple(signature)


def content_size(language_dir: Path) -> int:
    """The size in bytes of a language's content files together."""
    return sum(size for _name, size, _mtime in content_signature(language_dir) if size > 0)


def languages_in(directory: Path) -> list[str]:
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
