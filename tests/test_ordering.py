"""List order: by date where a pane has dates, or as published; remembered in the state file."""

from __future__ import annotations

from datetime import date

import pytest

from infohub_tui.hub.model import Pane, Statement, TimelineEvent
from infohub_tui.hub.ordering import ListOrder, has_date_order, ordered, toggled
from infohub_tui.locations import state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_file import state_from_json
from infohub_tui.reading.state_store import StateStore


def statement(id: str, when: date) -> Statement:
    return Statement(id=id, sources=(), date=when, speaker_name="S", title=id, text="")


def event(id: str, when: date) -> TimelineEvent:
    return TimelineEvent(id=id, sources=(), date=when, title=id, kind="order", actor="A", text="")


def ids(entries: object) -> list[str]:
    return [entry.id for entry in entries]  # type: ignore[attr-defined]


def test_statements_newest_first_and_same_day_in_file_order() -> None:
    entries = [
        statement("old", date(2019, 1, 1)),
        statement("day-a", date(2020, 8, 17)),
        statement("new", date(2022, 6, 17)),
        statement("day-b", date(2020, 8, 17)),
    ]
    assert ids(ordered(entries, Pane.STATEMENTS, ListOrder.DATE)) == ["new", "day-a", "day-b", "old"]
    assert ids(ordered(entries, Pane.STATEMENTS, ListOrder.PUBLISHED)) == ["old", "day-a", "new", "day-b"]


def test_timeline_oldest_first_and_same_day_in_file_order() -> None:
    entries = [
        event("late", date(2021, 1, 1)),
        event("day-a", date(2020, 8, 6)),
        event("early", date(2019, 5, 15)),
        event("day-b", date(2020, 8, 6)),
    ]
    assert ids(ordered(entries, Pane.TIMELINE, ListOrder.DATE)) == ["early", "day-a", "day-b", "late"]
    assert ids(ordered(entries, Pane.TIMELINE, ListOrder.PUBLISHED)) == ["late", "day-a", "early", "day-b"]


def test_entries_without_dates_keep_their_order_after_the_dated_ones() -> None:
    class Undated(Statement):
        @property
        def when(self) -> date | None:
            return None

    undated = [
        Undated(id=f"u{n}", sources=(), date=date(2000, 1, 1), speaker_name="", title="", text="")
        for n in range(3)
    ]
    entries = [
        undated[2],
        statement("a", date(2020, 1, 1)),
        undated[0],
        statement("b", date(2021, 1, 1)),
        undated[1],
    ]
    assert ids(ordered(entries, Pane.STATEMENTS, ListOrder.DATE)) == ["b", "a", "u2", "u0", "u1"]


@pytest.mark.parametrize("pane", [Pane.FAQ, Pane.STORAGE])
def test_panes_without_dates_stay_in_file_order(pane: Pane) -> None:
    assert not has_date_order(pane)
    entries = [statement("z", date(2020, 1, 1)), statement("a", date(2021, 1, 1))]
    assert ids(ordered(entries, pane, ListOrder.DATE)) == ["z", "a"]


def test_toggle_goes_back_and_forth() -> None:
    assert toggled(ListOrder.DATE) is ListOrder.PUBLISHED
    assert toggled(toggled(ListOrder.DATE)) is ListOrder.DATE


def test_the_order_round_trips_and_old_files_get_date_order() -> None:
    store = StateStore(state_file())
    assert store.save(State(list_order=ListOrder.PUBLISHED)) is None
    loaded, problem = store.load()
    assert problem is None and loaded.list_order is ListOrder.PUBLISHED
    assert state_from_json({}).list_order is ListOrder.DATE  # a file from before the sort key


def test_an_unknown_order_moves_the_file_aside() -> None:
    path = state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"list_order": "sideways"}', encoding="utf-8")
    loaded, problem = StateStore(path).load()
    assert problem is not None and loaded.list_order is ListOrder.DATE


def test_two_copies_keep_each_others_order_choice() -> None:
    """Copy B chose file order; copy A, which did not touch the order, saves later and keeps B's choice."""
    StateStore(state_file()).save(State())
    first, second = StateStore(state_file()), StateStore(state_file())
    a, _ = first.load()
    b, _ = second.load()
    b.list_order = ListOrder.PUBLISHED
    assert second.save(b) is None
    a.theme = "nord"
    assert first.save(a) is None
    on_disk, _ = StateStore(state_file()).load()
    assert on_disk.list_order is ListOrder.PUBLISHED and on_disk.theme == "nord"


def test_the_gap_to_a_later_entry_above_is_negative() -> None:
    """In file order the entry above can be later: its gap read "+-5 d"."""
    from infohub_tui.i18n import Translator

    tr = Translator("en")
    assert tr.gap(date(2020, 8, 6), date(2020, 8, 13)) == "+7 d"
    assert tr.gap(date(2020, 8, 13), date(2020, 8, 8)) == "-5 d"
    assert Translator("de").gap(date(2020, 8, 13), date(2020, 8, 8)) == "-5 T."
