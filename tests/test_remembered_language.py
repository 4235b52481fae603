"""`L`'s language is the next start's, unless `--lang` or the config's `language` names one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infohub_tui.cli.main import build_app, parser
from infohub_tui.locations import config_file, state_file
from infohub_tui.reading.state import State
from infohub_tui.reading.state_store import StateStore
from infohub_tui.ui.app import InfohubApp

from .helpers import running, wait_until, write_bundle


def start(*argv: str) -> InfohubApp:
    return build_app(parser().parse_args(list(argv)))


def write_config(text: str) -> None:
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text(text, encoding="utf-8")


async def choose_german_with_l() -> None:
    app = start()
    async with running(app) as pilot:
        assert app.language == "en"
        await pilot.press("L")
        await wait_until(pilot, lambda: app.language == "de", "German loaded")
        await pilot.press("q")
    assert json.loads(state_file().read_text())["language"] == "de"


async def test_the_language_chosen_with_l_is_the_next_starts() -> None:
    await choose_german_with_l()
    app = start()
    assert app.language == "de" and app.translator.lang == "de"
    async with running(app) as pilot:
        assert app.sub_title.startswith("inoffiziell · Ereignisse bis "), app.sub_title
        await pilot.press("L")
        await wait_until(pilot, lambda: app.language == "en", "English loaded")
    assert start().language == "en"


@pytest.mark.parametrize(
    ("argv", "config"),
    [(["--lang", "en"], ""), ([], 'language = "en"\n')],
    ids=["--lang", "config"],
)
async def test_lang_or_the_configs_language_wins_over_the_remembered_one(
    argv: list[str], config: str
) -> None:
    await choose_german_with_l()
    write_config(config)
    assert start(*argv).language == "en"


def test_the_remembered_language_wins_over_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    StateStore(state_file()).save(State(language="en"))
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert start().language == "en"


def test_a_remembered_language_the_content_lacks_is_ignored() -> None:
    StateStore(state_file()).save(State(language="fr"))
    assert start().language == "en"


def test_the_state_file_is_read_once_and_its_problem_said_once() -> None:
    state_file().parent.mkdir(parents=True, exist_ok=True)
    state_file().write_text("{not json")
    app = start()
    assert len([message for message in app.messages if "unreadable" in message]) == 1
    assert app.language == "en"


def test_two_running_copies_keep_each_others_language_choice() -> None:
    first, second = StateStore(state_file()), StateStore(state_file())
    mine, _ = first.load()
    theirs, _ = second.load()
    mine.language = "de"
    assert first.save(mine) is None
    theirs.theme = "nord"
    assert second.save(theirs) is None
    assert (theirs.language, theirs.theme) == ("de", "nord")


def test_a_remembered_language_that_cannot_be_loaded_is_said_and_the_app_starts(tmp_path: Path) -> None:
    write_bundle(tmp_path)
    write_bundle(tmp_path, "de", faq_yaml="- id: Bad\n")
    StateStore(state_file()).save(State(language="de"))
    app = start("--content", str(tmp_path))
    assert app.language == "en"
    assert any("de/faq.yaml:" in message and "chosen with L last time" in message for message in app.messages)
