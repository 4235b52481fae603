"""Regenerate `screenshots/*.svg` from the real app (python scripts/screenshots.py).

Each shot is a fixed size, fixed content and fixed key sequence, so the files
only change when what the app draws changes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZE = (120, 36)
FIXED_TIME = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)  # the tests' fixed clock


@dataclass(frozen=True)
class Shot:
    name: str
    lang: str
    keys: tuple[str, ...]


SHOTS: tuple[Shot, ...] = (
    Shot("statements", "en", ("j",)),
    Shot("faq", "en", ("2", "j", "j")),
    Shot("storage", "en", ("3",)),
    Shot("timeline", "en", ("4", "j", "j", "j")),
    Shot("search", "en", ("slash", *"virginia")),
    Shot("help", "en", ("question_mark",)),
    Shot("sources", "en", ("R", "j")),
    Shot("german", "de", ("4", "j", "j", "j")),
    Shot("timeline-chart", "en", ("4", "v", "j", "j", "j", "j")),  # opened on the story
)


async def take(shot: Shot, directory: Path) -> Path:
    from textual.widgets import Input

    from infohub_tui.hub.library import ContentLibrary
    from infohub_tui.locations import bundled_content_dir, state_file
    from infohub_tui.reading.state_store import StateStore
    from infohub_tui.ui.app import InfohubApp

    library = ContentLibrary(bundled_content_dir())
    library.hub(shot.lang)  # loaded before the start, as the command line does
    # Entries count as read only after an hour, and the state's clock stands still: a loaded
    # machine took longer than the reading delay and the first entry lost its unread mark.
    store = StateStore(state_file(), clock=lambda: FIXED_TIME)
    app = InfohubApp(library, shot.lang, state_store=store, read_after=3600.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
            # A blinking cursor would be on or off depending on how long the machine took:
            # without the blink it shows after every key typed.
            for text_input in app.screen.query(Input):
                text_input.cursor_blink = False
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        path = directory / f"{shot.name}.svg"
        path.write_text(app.export_screenshot(title=f"infohub-tui: {shot.name}"), encoding="utf-8")
    return path


def generate(directory: Path, names: Sequence[str] = ()) -> list[Path]:
    """Write the shots into `directory`, with user files kept out of the way."""
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        for name in ("CONFIG", "STATE", "DATA", "CACHE"):
            os.environ[f"INFOHUB_TUI_{name}_DIR"] = str(Path(home) / name.lower())
        return [asyncio.run(take(shot, directory)) for shot in SHOTS if not names or shot.name in names]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("names", nargs="*", help="only these shots")
    args = parser.parse_args(argv)
    for path in generate(args.out, args.names):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
