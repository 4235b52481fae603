"""Large content: the app starts with its first pane while the rest is read, without a cache yet
(then it stores one) and from the cache, whose panes are pickled apart; problems elsewhere are the
same `file:line:col` lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from infohub_tui.cli.main import build_app, parser
from infohub_tui.hub import library, loader
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import PANES, Pane
from infohub_tui.hub.problems import ContentError
from infohub_tui.ui.app import InfohubApp

from .helpers import current_id, hub_of, running, toasts, wait_until, write_bundle


def app_for(content: Path, *options: str) -> InfohubApp:
    return build_app(parser().parse_args(["--content", str(content), "--lang", "en", *options]))


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every content counts as large (the real threshold is 4 MB: seconds to parse in a test)."""
    monkeypatch.setattr(library, "LARGE_CONTENT_BYTES", 0)


@pytest.mark.usefixtures("large")
async def test_the_first_pane_shows_while_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_bundle(tmp_path)
    app = app_for(tmp_path, "--pane", "faq")
    first = hub_of(app)
    assert app.library.is_partial("en")
    assert first.entries(Pane.FAQ) and not first.entries(Pane.STATEMENTS), "only the first pane was read"
    async with running(app) as pilot:
        await wait_until(pilot, lambda: not app.library.is_partial("en"), "the whole content read")
        await wait_until(pilot, lambda: bool(hub_of(app).entries(Pane.STATEMENTS)), "the whole hub shown")
        assert current_id(app, Pane.FAQ) == "first-question"
        await pilot.press("1")
        await pilot.pause()
        assert current_id(app) == "first-statement"
        assert all(hub_of(app).entries(pane) for pane in PANES)
    monkeypatch.setattr(loader, "load_hub", refuse)
    again = app_for(tmp_path)  # from the cache, its first pane alone again
    assert again.library.is_partial("en")
    assert hub_of(again).entries(Pane.STATEMENTS) and not hub_of(again).entries(Pane.FAQ)
    async with running(again) as pilot:
        await wait_until(pilot, lambda: all(hub_of(again).entries(pane) for pane in PANES), "the whole hub")
        assert not again.content_problems


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the content was parsed, not read from the cache")


@pytest.mark.usefixtures("large")
async def test_a_problem_in_another_file_is_said_as_the_whole_load_says_it(tmp_path: Path) -> None:
    broken_faq = """\
        - id: first-question
          question: A question?
          answered_by: Someone
          sources: [src-one]
        """
    write_bundle(tmp_path, faq_yaml=broken_faq)
    with pytest.raises(ContentError) as whole:
        load_hub(tmp_path, "en")
    expected = str(whole.value.problems[0])
    assert expected.startswith(f"{tmp_path / 'en' / 'faq.yaml'}:")
    app = app_for(tmp_path)  # the Statements pane alone is fine
    async with running(app, notifications=True) as pilot:
        await wait_until(pilot, lambda: bool(app.content_problems), "the whole content read")
        assert app.content_problems == [str(problem) for problem in whole.value.problems]
        assert any(expected in text for text in toasts(app)), toasts(app)
        assert current_id(app) == "first-statement", "the first pane stays"


async def test_small_content_is_read_whole_at_once(tmp_path: Path) -> None:
    write_bundle(tmp_path)
    app = app_for(tmp_path)
    assert not app.library.is_partial("en") and all(hub_of(app).entries(pane) for pane in PANES)
