"""German and English: choice by flag or locale, live switching, translated UI and dates."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Static, TabbedContent

from infohub_tui.cli.main import main
from infohub_tui.hub.model import Hub, Pane
from infohub_tui.i18n import CATALOGUES, Translator, language_from_environment, table_keys
from infohub_tui.ui.app import InfohubApp
from infohub_tui.ui.screens.help_screen import HelpScreen
from infohub_tui.ui.widgets.entry_detail import EntryDetail

from .helpers import (
    FIXTURE_HUB,
    current_entry,
    current_id,
    make_app,
    reader_screen,
    running,
    showing,
    toasts,
    wait_until,
    write_bundle,
)
from .synthetic import write_synthetic_bundle


def tab_titles(app: InfohubApp) -> list[str]:
    tabs = app.query_one(TabbedContent)
    return [str(tabs.get_tab(pane.value).label) for pane in Pane]


def byline(app: InfohubApp, pane: Pane) -> str:
    return str(reader_screen(app).reader(pane).detail.query_one("#detail-byline", Static).render())


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "de_AT.UTF-8"}, "de"),
        ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "en_US"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


def test_dates_in_each_language() -> None:
    assert Translator("de").long_date(date(2020, 8, 6)) == "6. August 2020"
    assert Translator("en").long_date(date(2020, 8, 6)) == "6 August 2020"
    assert Translator("de").long_date(date(2020, 3, 1)) == "1. März 2020"
    assert Translator("de").short_date(date(2020, 8, 6)) == "06.08.2020"


def test_cli_search_uses_the_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    content = ["--content", str(FIXTURE_HUB)]
    assert main(["search", *content, "Sicherung"]) == 0
    assert "backup-location\tOrt der Sicherung" in capsys.readouterr().out
    assert main(["search", *content, "--lang", "en", "Sicherung"]) == 1


async def test_german_app_shows_german_tabs_and_dates() -> None:
    app = make_app(lang="de", start_pane=Pane.TIMELINE)
    async with running(app) as pilot:
        assert tab_titles(app) == ["Erklärungen", "Fragen", "Datenspeicherung", "Chronik"]
        await pilot.press("j", "j")
        assert "17. August 2020" in byline(app, Pane.TIMELINE)
        assert current_entry(app, Pane.TIMELINE).heading.startswith("Example Org eröffnet")


async def test_l_switches_language_live_and_keeps_the_selection() -> None:
    app = make_app(lang="en")
    async with running(app) as pilot:
        await pilot.press("2", "j", "j")
        selected = reader_screen(app).reader(Pane.FAQ).current
        assert selected is not None and selected.id == "was-data-shared"
        await pilot.press("L")
        await wait_until(pilot, lambda: app.language == "de", "the switch to German")
        assert tab_titles(app)[1] == "Fragen"
        current = reader_screen(app).reader(Pane.FAQ).current
        assert current is not None and current.id == "was-data-shared"
        assert current.heading == "Sagte Example Org, sie habe Daten an die Sample Agency gegeben?"
        assert reader_screen(app).active_pane is Pane.FAQ
        await pilot.press("L")
        await wait_until(pilot, lambda: app.language == "en", "the switch back")
        assert tab_titles(app)[1] == "FAQ"
        assert current_id(app, Pane.FAQ) == "was-data-shared"


async def test_help_is_translated() -> None:
    app = make_app(lang="de")
    async with running(app) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(static.render()) for static in app.screen.query(Static))
        assert "Zitat kopieren" in text and "Quellen" in text and "Bewegen" in text and "Maus" in text


async def test_following_a_see_also_link_and_coming_back() -> None:
    app = make_app(start_pane=Pane.FAQ)
    async with running(app) as pilot:
        reader_screen(app).reader(Pane.FAQ).select("where-is-the-data")
        await pilot.pause()
        start = reader_screen(app).reader(Pane.FAQ).current
        assert start is not None and start.id == "where-is-the-data"
        # Read it, into its links, the second (after its 'later' link): storage:data-location
        await pilot.press("enter", "enter", "j", "enter")
        await pilot.pause()
        assert showing(app) == (Pane.STORAGE, "data-location")
        # Its third link (after its two 'later' links): statements:launch-claim
        await pilot.press("enter", "j", "j", "enter")
        await pilot.pause()
        assert showing(app) == (Pane.STATEMENTS, "launch-claim")
        await pilot.press("backspace")
        await pilot.pause()
        assert showing(app) == (Pane.STORAGE, "data-location")
        await pilot.press("backspace")
        await pilot.pause()
        assert showing(app) == (Pane.FAQ, "where-is-the-data")


async def test_enter_on_the_see_also_list_follows_the_highlighted_link() -> None:
    app = make_app(start_pane=Pane.TIMELINE)
    async with running(app) as pilot:
        await pilot.press("enter")  # first event: order-signed, two links
        await pilot.pause()
        assert isinstance(app.focused, EntryDetail) or app.focused is not None
        await pilot.press("enter", "enter")  # focus the links, follow the first
        await pilot.pause()
        assert reader_screen(app).active_pane is Pane.STATEMENTS
        assert current_id(app, Pane.STATEMENTS) == "agency-risk"


@pytest.mark.stress
async def test_a_large_translation_loads_while_the_reader_keeps_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_bundle(tmp_path, "en")
    write_synthetic_bundle(tmp_path, entries_per_pane=2_400, lang="de")  # over 4 MB: loads in a thread
    app = make_app(content=tmp_path)
    german_may_load = threading.Event()  # holds the real load back until the test has looked
    load_hub = app.library.hub

    def held_back(lang: str, before_parse: Callable[[], None] | None = None) -> Hub:
        if lang == "de":
            german_may_load.wait(timeout=60)
        return load_hub(lang, before_parse)

    async with running(app, notifications=True) as pilot:
        monkeypatch.setattr(app.library, "hub", held_back)
        await pilot.press("L")
        await pilot.pause()
        assert "Loading Deutsch…" in toasts(app)
        await pilot.press("2")
        assert (app.language, reader_screen(app).active_pane) == ("en", Pane.FAQ)
        german_may_load.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (app.language, app.title) == ("de", "Synthetic hub")
        assert tab_titles(app)[1] == "Fragen" and reader_screen(app).active_pane is Pane.FAQ


async def test_a_broken_translation_keeps_the_language_and_says_why(tmp_path: Path) -> None:
    write_bundle(tmp_path, "en")
    write_bundle(tmp_path, "de", faq_yaml="- id: broken\n  question: [\n")
    app = make_app(content=tmp_path)
    async with running(app, notifications=True) as pilot:
        await pilot.press("L")
        await wait_until(pilot, lambda: bool(toasts(app)), "a notification")
        assert app.language == "en" and tab_titles(app)[1] == "FAQ"
        assert any(f"{tmp_path / 'de' / 'faq.yaml'}:3:1: YAML syntax error" in text for text in toasts(app))


def test_every_ui_string_the_pane_table_names_is_in_every_language() -> None:
    for lang, catalogue in CATALOGUES.items():
        assert table_keys() <= set(catalogue), (lang, sorted(table_keys() - set(catalogue)))
