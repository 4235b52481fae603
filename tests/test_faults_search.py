"""A search that stops at its limit says so (issue 26): the list holds the best 100 of more.

The search bar listed 100 hits and the reader's counter said `match 1/100` with 150
entries matching; now the summary says `showing 100 of 150` and the counter `100+`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from infohub_tui.hub.model import Pane, Statement
from infohub_tui.search.index import SearchIndex
from infohub_tui.search.session import SearchSession, count_text
from infohub_tui.ui.screens.search_screen import RESULT_LIMIT

from .helpers import make_app, running, write_bundle

MATCHING = 150


def statements_yaml(count: int) -> str:
    return "".join(
        f"""\
- id: statement-{number}
  date: 2020-08-17
  speaker: Someone
  title: Needle number {number}
  body: Body text.
  sources: [src-one]
"""
        for number in range(count)
    )


def statement(number: int) -> Statement:
    return Statement(
        id=f"s-{number}",
        sources=("s",),
        date=date(2020, 8, 17),
        speaker_name="A",
        title=f"needle {number}",
        text="B",
    )


def test_a_result_at_its_limit_says_it_is_limited() -> None:
    index = SearchIndex([statement(number) for number in range(MATCHING)])
    result = index.search("needle", limit=RESULT_LIMIT)
    assert len(result.hits) == RESULT_LIMIT and result.total == MATCHING and result.limited
    assert not index.search("needle", limit=MATCHING).limited
    assert (count_text(100, True), count_text(7, False)) == ("100+", "7")
    session = SearchSession()
    session.choose("needle", result.hits, result.hits[0], limited=result.limited)
    assert session.active is not None and session.active.total_text == "100+"


async def test_the_search_bar_and_the_counter_say_the_search_stopped_at_its_limit(tmp_path: Path) -> None:
    content = write_bundle(tmp_path, statements_yaml=statements_yaml(MATCHING))
    app = make_app(content=content, start_pane=Pane.STATEMENTS)
    async with running(app) as pilot:
        await pilot.press("slash", *"needle")
        await pilot.pause()
        summary = str(app.screen.query_one("#search-summary", Static).render())
        assert summary == f"{MATCHING} in Statements · showing {RESULT_LIMIT} of {MATCHING}, the best first"
        await pilot.press("enter")
        await pilot.pause()
        status = app.query_one("#search-status", Static)
        assert f"match 1/{RESULT_LIMIT}+" in str(status.render())
