"""For content authors: export, schema, own content, live reload, and markup shown as text."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from infohub_tui.cli.main import main
from infohub_tui.formats.export import to_data, to_markdown, write_content_dir
from infohub_tui.hub.loader import QUOTE_KEYS, load_hub
from infohub_tui.hub.model import PANES, Pane
from infohub_tui.hub.schema import file_schemas, render
from infohub_tui.locations import bundled_content_dir, content_dir, user_content_dir
from infohub_tui.ui.app import InfohubApp

from .helpers import current_entry, make_app, reader_screen, running, toasts, wait_until, write_bundle

REPO = Path(__file__).resolve().parents[1]


def screen_text(app: InfohubApp) -> str:
    """Everything the screen shows, as text (from the app's own SVG export)."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))).replace("\xa0", " ")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_json_export_loads_back_into_the_same_hub(lang: str, tmp_path: Path) -> None:
    hub = load_hub(bundled_content_dir(), lang)
    data = json.loads(json.dumps(to_data(hub)))
    assert load_hub(write_content_dir(data, tmp_path), lang) == hub


def test_markdown_export_has_every_entry_and_source() -> None:
    hub = load_hub(bundled_content_dir(), "en")
    document = to_markdown(hub)
    for entry in hub.all_entries():
        assert f"### {entry.heading}\n" in document
    for number, source in enumerate(hub.sources.values(), start=1):
        assert f"[{number}]: <{source.cited_url}> (" in document and source.url in document
    assert document.count("Sources: [") == len(list(hub.all_entries()))


def test_export_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "json", "--lang", "de"]) == 0
    assert json.loads(capsys.readouterr().out)["files"]["hub.yaml"]["title"].startswith("TikToks")
    assert main(["export"]) == 0
    assert capsys.readouterr().out.startswith("# TikTok information hub")


def test_shipped_schemas_are_current() -> None:
    for name, schema in file_schemas().items():
        assert (REPO / "schema" / name).read_text(encoding="utf-8") == render(schema), (
            f"run: infohub-tui schema --write schema ({name})"
        )


def test_schemas_accept_the_bundled_content() -> None:
    """A small structural check of the schemas against the real files (required fields, enums)."""
    schemas = file_schemas()
    for lang in ("en", "de"):
        data = to_data(load_hub(bundled_content_dir(), lang))["files"]
        for filename, content in data.items():
            schema = schemas[filename.replace(".yaml", ".schema.json")]
            items = content if isinstance(content, list) else [content]
            item_schema = schema["items"] if schema["type"] == "array" else schema
            for item in items:
                assert set(item_schema["required"]) <= set(item), (filename, item.get("id"))
                assert set(item) <= set(item_schema["properties"]), (filename, item.get("id"))
                if "kind" in item:
                    assert item["kind"] in item_schema["properties"]["kind"]["enum"]
                if "quote" in item:
                    quote_schema = item_schema["properties"]["quote"]
                    assert (
                        set(quote_schema["required"]) <= set(item["quote"]) <= set(quote_schema["properties"])
                    )


def test_schema_and_loader_agree_on_what_a_quotation_is() -> None:
    """Every pane's quote is a mapping (never the old plain string) of the loader's keys, text and
    source required."""
    for pane in PANES:
        quote = file_schemas()[f"{pane.value}.schema.json"]["items"]["properties"]["quote"]
        assert quote["type"] == "object" and quote["additionalProperties"] is False
        assert sorted(quote["required"]) == ["source", "text"]
        assert set(quote["properties"]) == QUOTE_KEYS


def test_user_content_directory_overrides_the_bundled_one() -> None:
    assert content_dir() == bundled_content_dir()
    write_bundle(user_content_dir())
    assert content_dir() == user_content_dir()
    assert content_dir(Path("/elsewhere")) == Path("/elsewhere")
    result = subprocess.run(
        [sys.executable, "-m", "infohub_tui", "search", "statement"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.startswith("statements\tfirst-statement\tA statement")


def test_content_flag_works_for_subcommands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_bundle(tmp_path)
    assert main(["search", "--content", str(tmp_path), "question"]) == 0
    assert "faq\tfirst-question" in capsys.readouterr().out
    assert main(["export", "--content", str(tmp_path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"]["faq.yaml"][0]["id"] == "first-question"


HOSTILE_STRINGS = """\
- id: first-question
  question: "Is [bold]this[/bold] bold? [@click=app.quit]Quit[/] \\e[31mred\\e[0m"
  answer: "An answer with [reverse]markup[/reverse] and \\e]8;;https://evil.example\\e\\\\a link\\e]8;;\\e\\\\ and \\e]52;c;ZXZpbA==\\a."
  answered_by: "[italic]Someone[/italic]"
  sources: [src-one]
"""


async def test_markup_and_escape_sequences_in_content_show_as_text(tmp_path: Path) -> None:
    write_bundle(tmp_path, faq_yaml=HOSTILE_STRINGS)
    app = make_app(content=tmp_path, start_pane=Pane.FAQ)
    async with running(app, (140, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Is [bold]this[/bold] bold? [@click=app.quit]Quit[/] red" in text
        assert "[reverse]markup[/reverse]" in text
        assert "[italic]Someone[/italic]" in text
        assert "a link and ." in text
        assert "\x1b" not in text and "evil.example" not in text and "ZXZpbA" not in text
        await pilot.click("EntryList", offset=(10, 1))
        assert app.is_running


async def test_watch_reloads_edited_content_and_keeps_the_selection(tmp_path: Path) -> None:
    write_bundle(
        tmp_path,
        faq_yaml="""\
        - id: first-question
          question: A question?
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
        - id: second-question
          question: Second question?
          answer: Second answer.
          answered_by: Someone
          sources: [src-one]
        """,
    )
    app = make_app(content=tmp_path, start_pane=Pane.FAQ)
    faq_file = tmp_path / "en" / "faq.yaml"
    async with running(app) as pilot:
        await pilot.press("j")
        assert app.check_content() is False
        faq_file.write_text(faq_file.read_text().replace("Second question?", "Edited question?"))
        assert app.check_content() is True
        await wait_until(
            pilot, lambda: current_entry(app, Pane.FAQ).heading != "Second question?", "the reload"
        )
        current = reader_screen(app).reader(Pane.FAQ).current
        assert current is not None and (current.id, current.heading) == (
            "second-question",
            "Edited question?",
        )
        faq_file.write_text("- id: broken\n  question: [\n")
        assert app.check_content() is True
        await wait_until(pilot, lambda: bool(app.content_problems), "the failed reload")
        assert app.content_problems and app.content_problems[0].startswith(
            f"{faq_file}:3:1: YAML syntax error"
        )
        assert current_entry(app, Pane.FAQ).heading == "Edited question?"
        assert app.is_running


async def test_notifications_show_paths_as_text_never_as_markup(tmp_path: Path) -> None:
    content = tmp_path / "[@click=app.quit]hub"  # a legal folder name
    write_bundle(content)
    app = make_app(content=content)
    faq_file = content / "en" / "faq.yaml"
    async with running(app, notifications=True) as pilot:
        faq_file.write_text("- id: broken\n  question: [\n")
        assert app.check_content() is True
        await wait_until(pilot, lambda: bool(toasts(app)), "a notification")
        shown = toasts(app)
        assert any(f"\n{faq_file}:3:1: YAML syntax error" in text for text in shown), shown
