"""A jump to an entry this language's content lacks (a translation without it, content reloaded
without it) says so in one line and leaves the selection where it was; a remembered entry that is
gone (stale state) is passed over silently, as a normal start."""

from __future__ import annotations

from pathlib import Path

from infohub_tui.hub.model import Pane
from infohub_tui.locations import state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_store import StateStore

from .helpers import current_id, make_app, reader_screen, running, showing, toasts, wait_until, write_bundle

BOTH = """\
    - id: first-statement
      date: 2020-08-17
      speaker: Someone
      title: A statement
      body: Body text.
      sources: [src-one]
"""
ENGLISH_ONLY = """\
    - id: only-english
      date: 2020-08-18
      speaker: Someone
      title: Not translated
      body: Body text.
      sources: [src-one]
"""


def content(root: Path) -> Path:
    """English with two statements; German with one (it lacks `only-english`)."""
    write_bundle(root, "en", statements_yaml=ENGLISH_ONLY + BOTH)
    return write_bundle(root, "de", statements_yaml=BOTH)


async def test_back_to_an_entry_the_translation_lacks_says_so_and_stays(tmp_path: Path) -> None:
    app = make_app(content=content(tmp_path), start_pane=Pane.STATEMENTS)
    async with running(app, size=(100, 30), notifications=True) as pilot:
        screen = reader_screen(app)
        assert showing(app) == (Pane.STATEMENTS, "only-english")  # the newest first
        assert screen.jump_to(Pane.STATEMENTS, "first-statement")  # history: back is only-english
        await pilot.pause()
        await pilot.press("L")
        await wait_until(pilot, lambda: app.language == "de", "the switch to German")
        assert showing(app) == (Pane.STATEMENTS, "first-statement")
        assert not any("statements:only-english" in toast for toast in toasts(app))
        await pilot.press("backspace")
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, "first-statement")
        said = [toast for toast in toasts(app) if "statements:only-english" in toast]
        assert said == ["Den Eintrag statements:only-english gibt es auf Deutsch nicht: Die Auswahl bleibt."]


async def test_a_jump_to_an_unknown_entry_in_another_pane_stays_in_this_one(tmp_path: Path) -> None:
    app = make_app(content=content(tmp_path), start_pane=Pane.STATEMENTS)
    async with running(app, size=(100, 30), notifications=True) as pilot:
        screen = reader_screen(app)
        assert not screen.jump_to(Pane.FAQ, "no-such-question")
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, "only-english")
        assert current_id(app, Pane.FAQ) == "first-question"
        assert toasts(app) == ["There is no entry faq:no-such-question in English: the selection stays."]


async def test_a_remembered_entry_that_is_gone_is_passed_over_silently(tmp_path: Path) -> None:
    StateStore(state_file()).save(
        State(last_pane=Pane.STATEMENTS, last_entry={Pane.STATEMENTS: "removed-since", Pane.FAQ: "gone"})
    )
    app = make_app(content=content(tmp_path))
    async with running(app, size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, "only-english")
        assert toasts(app) == []
