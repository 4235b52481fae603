"""Shared test helpers: a tiny valid bundle, the fixture hub, and the real app built for tests.

Code tests run the app on the fixture hub (`FIXTURE_HUB`, tests/fixtures/hub): small, invented,
with every field and kind the loader knows. Only the tests of the bundled content itself pass
`content=bundled_content_dir()` (or `BUNDLED`)."""

from __future__ import annotations

import asyncio
import shutil
import textwrap
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget

from infohub_tui.config import Config
from infohub_tui.hub.library import ContentLibrary
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Entry, Hub, Pane
from infohub_tui.locations import bundled_content_dir, state_file
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.reader_screen import ReaderScreen

from .builders import hub_yaml, source

FIXTURE_HUB = Path(__file__).resolve().parent / "fixtures" / "hub"
"""The fixture content of the code tests (both languages)."""
BUNDLED = bundled_content_dir()
"""The content shipped with the package, for the tests of that content itself."""

MINIMAL = {
    "hub.yaml": hub_yaml([source(date="2020-08-17")]),
    "statements.yaml": """\
        - id: first-statement
          date: 2020-08-17
          speaker: Someone
          title: A statement
          body: Body text.
          sources: [src-one]
        """,
    "faq.yaml": """\
        - id: first-question
          question: A question?
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
        """,
    "storage.yaml": """\
        - id: first-fact
          label: A fact
          value: A value
          detail: Detail.
          claimed_by: Someone
          sources: [src-one]
        """,
    "timeline.yaml": """\
        - id: first-event
          date: 2020-08-06
          title: An event
          kind: order
          actor: Someone
          body: Body.
          sources: [src-one]
        """,
}


def write_bundle(root: Path, lang: str = "en", **files: str | bytes) -> Path:
    """Write the minimal bundle to `root/lang`, replacing files given as name_yaml=text."""
    directory = root / lang
    directory.mkdir(parents=True, exist_ok=True)
    contents: dict[str, str | bytes] = {name: textwrap.dedent(text) for name, text in MINIMAL.items()}
    for key, text in files.items():
        name = key.replace("_yaml", ".yaml")
        contents[name] = textwrap.dedent(text) if isinstance(text, str) else text
    for name, text in contents.items():
        path = directory / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def copy_bundled_content(target: Path) -> Path:
    shutil.copytree(bundled_content_dir(), target)
    return target


def copy_fixture_content(target: Path) -> Path:
    """A copy of the fixture hub at `target`, for a test that changes its files."""
    shutil.copytree(FIXTURE_HUB, target)
    return target


@cache
def fixture_hub(lang: str = "en") -> Hub:
    """The fixture hub in `lang`, loaded once (a hub is immutable)."""
    return load_hub(FIXTURE_HUB, lang)


TOASTS_LAST = 3600.0  # seconds: longer than any test


@asynccontextmanager
async def running(
    app: InfohubApp, size: tuple[int, int] = (120, 40), notifications: bool = False
) -> AsyncIterator[Pilot[None]]:
    """Run the app headless at a fixed size, past its start-up messages (toasts off unless asked;
    when asked, they stay until the test ends, as a loaded machine can take longer than a toast's
    few seconds between the key that showed it and the assertion that reads it)."""
    if notifications:
        notify = app.notify

        def lasting(message: str, **options: Any) -> None:
            notify(message, **{**options, "timeout": TOASTS_LAST})

        setattr(app, "notify", lasting)  # noqa: B010 (an instance's own method, for this test only)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await pilot.pause()
        yield pilot


def hub_of(app: InfohubApp) -> Hub:
    """The hub the app reads (it must have loaded one)."""
    assert app.hub is not None, "no hub loaded"
    return app.hub


def reader_screen(app: InfohubApp) -> ReaderScreen:
    """The app's reading view (under any modal screen on top of it)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], what: str, tries: int = 100) -> None:
    """Let the app run (its content loads in a thread) until `condition` holds; fail after `tries` rounds."""
    for _ in range(tries):
        if condition():
            return
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    raise AssertionError(f"never happened: {what}")


HANG_LIMIT = 600.0  # seconds: no wait here fails sooner on a slow machine; this catches a hang


async def handled(app: App[object], rounds: int = 3) -> None:
    """Until the app and every widget of its screen have handled what was posted to them before this
    call (a burst of keys), however long that takes on a loaded machine, where Pilot's `pause` gives
    up after a fixed 30 s (the monkey's WaitForScreenTimeout in loaded runs). A key goes from the app
    to a widget and up to the screen and back, so this waits a few rounds. A widget removed meanwhile
    has nothing left to handle; the wait fails only on a hang."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + HANG_LIMIT

    def alive(node: App[object] | Widget) -> bool:
        return app.is_running if node is app else node.is_attached

    for _ in range(rounds):
        if not app.is_running:
            return
        nodes: list[App[object] | Widget] = [app, *app.screen.walk_children(Widget, with_self=True)]
        pending: dict[App[object] | Widget, asyncio.Task[object]] = {}
        for node in nodes:
            mark = asyncio.Event()
            if node.call_later(mark.set):
                pending[node] = asyncio.ensure_future(mark.wait())
        tasks = list(pending.values())
        try:
            while pending := {
                node: task for node, task in pending.items() if not task.done() and alive(node)
            }:
                if loop.time() > deadline:
                    raise AssertionError(f"the app did not handle its messages within {HANG_LIMIT:g} s")
                await asyncio.wait(pending.values(), timeout=0.1)
        finally:
            for task in tasks:
                task.cancel()


async def state_written(pilot: Pilot[None], tries: int = 1000) -> None:
    """Let the app run until its background writer has put every change in the state file."""
    saver = pilot.app.saver if isinstance(pilot.app, InfohubApp) else None
    for _ in range(tries):
        if saver is None or not saver.pending:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the state was never written")


def toasts(app: InfohubApp) -> list[str]:
    """The text of the notifications on screen (the app must run with notifications on)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def current_entry(app: InfohubApp, pane: Pane | None = None) -> Entry:
    """The entry a pane shows (the visible pane by default); fails if it shows none."""
    entry = (reader_screen(app).reader(pane) if pane else reader_screen(app).visible_reader).current
    assert entry is not None, f"{pane or reader_screen(app).active_pane} shows no entry"
    return entry


def current_id(app: InfohubApp, pane: Pane | None = None) -> str:
    return current_entry(app, pane).id


def showing(app: InfohubApp) -> tuple[Pane, str]:
    """The visible pane and the id of the entry it shows."""
    return reader_screen(app).active_pane, current_id(app)


FIXED_TIME = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def make_app(
    lang: str = "en",
    content: Path | None = None,
    start_pane: Pane | None = None,
    config: Config | None = None,
    read_after: float = 3600.0,
) -> InfohubApp:
    """The real app, as the CLI builds it (its start language loaded), on `content` (the fixture hub
    unless given), with its state in the test's temporary user dirs.

    Entries count as read only after an hour unless a test asks otherwise, so no
    screen depends on how fast the machine is.
    """
    library = ContentLibrary(content or FIXTURE_HUB)
    library.hub(lang)
    return InfohubApp(
        library,
        lang,
        start_pane=start_pane,
        config=config,
        state_store=StateStore(state_file(), clock=lambda: FIXED_TIME),
        read_after=read_after,
    )


def make_bundled_app(lang: str = "en", content: Path | None = None, **options: Any) -> InfohubApp:
    """The real app on the bundled content (unless `content` is given), for the tests of that
    content itself: its snapshots, and the layouts of its real lengths (test_lists)."""
    return make_app(lang, content or BUNDLED, **options)
