"""Which files make up a content directory."""

from __future__ import annotations

from pathlib import Path

from .model import Pane

HUB_FILE = "hub.yaml"
PANE_FILES: dict[Pane, str] = {
    Pane.STATEMENTS: "statements.yaml",
    Pane.FAQ: "faq.yaml",
    Pane.STORAGE: "storage.yaml",
    Pane.TIMELINE: "timeline.yaml",
}
CONTENT_FILES: tuple[str, ...] = (HUB_FILE, *PANE_FILES.values())


def languages(directory: Path) -> list[str]:
    """The language codes that have a hub in `directory`, sorted."""
    if not directory.is_dir():
        return []
    return sorted(child.name for child in directory.iterdir() if (child / HUB_FILE).is_file())
