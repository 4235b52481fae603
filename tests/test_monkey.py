"""Seeded random keys against the real app: no exception, and a screen that still makes sense."""

from __future__ import annotations

import random
import webbrowser

import pytest
from textual import events

from infohub_tui import bindings
from infohub_tui.app import InfohubApp
from infohub_tui.model import PANES
from infohub_tui.widgets.entry_list import EntryList

from .helpers import make_app, reader_screen, running

KEYS = sorted(
    {
        key
        for group in (
            bindings.READER,
            bindings.ENTRY_TABLE,
            bindings.ENTRY_DETAIL,
            bindings.SEARCH,
            bindings.HELP,
            bindings.BOOKMARKS,
        )
        for binding in group
        for key in binding.key.split(",")
        if key != "q"  # quits (and closes modals): the monkey keeps the app open
    }
    | {"a", "e", "r", "x", "space", "pagedown", "pageup", "left", "right"}
)
SIZES = [(60, 20), (80, 24), (120, 40), (200, 60)]
SEEDS = [1, 2, 3]
KEYS_PER_SEED = 1000
BURST = 25  # keys typed back to back, as by key repeat, before the screen is checked


def check_consistent(app: InfohubApp, seed: int, step: int, burst: list[str]) -> None:
    context = f"seed {seed}, keys {step}-{step + len(burst)}: {burst}"
    assert app.is_running, context
    for pane in PANES:
        entry_list: EntryList = reader_screen(app).reader(pane).entry_list
        assert 0 <= entry_list.cursor < len(entry_list.entries), context
    active = reader_screen(app).visible_reader
    assert active.detail.entry is active.entry_list.current, context
    assert reader_screen(app).active_pane.value == reader_screen(app).tabs.active, context


def key_event(key: str) -> events.Key:
    character = key if len(key) == 1 else {"space": " "}.get(key)
    return events.Key(key, character)


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_keys_never_break_the_app(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webbrowser, "open", lambda *args, **kwargs: True)
    rng = random.Random(seed)
    app = make_app(lang=rng.choice(["en", "de"]), read_after=0)
    async with running(app, rng.choice(SIZES)) as pilot:
        for step in range(0, KEYS_PER_SEED, BURST):
            if step % 200 == 0:
                await pilot.resize_terminal(*rng.choice(SIZES))
            burst = [rng.choice(KEYS) for _ in range(BURST)]
            for key in burst:
                app.post_message(key_event(key))
            await pilot.pause()
            check_consistent(app, seed, step, burst)


def test_every_binding_key_is_exercised() -> None:
    assert {
        "j",
        "k",
        "slash",
        "n",
        "N",
        "b",
        "B",
        "u",
        "t",
        "L",
        "escape",
        "enter",
        "backspace",
        "question_mark",
    } <= set(KEYS)
