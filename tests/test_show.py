"""Issue 21: `infohub-tui show PANE:ID` prints one entry with its sources, notes and "as of"."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from infohub_tui.cli.docs import completion
from infohub_tui.cli.main import main
from infohub_tui.formats.citation import citation, quote_credit
from infohub_tui.formats.coverage import coverage
from infohub_tui.formats.export import entry_markdown
from infohub_tui.formats.show import show
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Hub, Pane, Reference, TimelineEvent
from infohub_tui.i18n import Translator
from infohub_tui.locations import bundled_content_dir

from .helpers import FIXTURE_HUB, fixture_hub

FIXTURE = ["--content", str(FIXTURE_HUB)]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_show_prints_the_entry_with_its_quote_note_as_of_and_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", *FIXTURE, "storage:staff-access"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[:3] == ["Staff access", "Claimed by Example Org", "As of 17 August 2020."]
    assert "“Access is strictly controlled.”" in out
    assert (
        "  — Example Org, 17 August 2020. Source: Example Org opens its information page, Example Org"
        " (newsroom), 17 August 2020." in out
    )
    assert "Value, in the editors' words: Strictly controlled" in out
    assert "Note from this reader's editors:\n  We found no record of who could access what." in out
    assert (
        "  https://web.archive.org/web/20200817000000/https://example.org/news/information-page\n"
        "  Live address: https://example.org/news/information-page\n" in out
    )
    assert "  → Statements: Example Org's report looks back on 2020 (statements:report-looks-back)" in out
    hub = fixture_hub("en")
    assert lines[-1] == f"{hub.title} · unofficial reader · {coverage(hub, Translator('en'))}"


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.content
def test_show_keeps_every_caveat_of_every_entry(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Counted from the bundled content (a test of it): each entry's note, as-of date and archived
    links, in both languages."""
    hub = load_hub(bundled_content_dir(), lang)
    translator = Translator(lang)
    for entry in hub.all_entries():
        assert main(["show", "--lang", lang, str(entry.reference)]) == 0
        out = _one_line(capsys.readouterr().out)
        assert out.startswith(_one_line(entry.heading)), entry.reference
        if entry.note:
            assert _one_line(entry.note) in out, entry.reference
        if entry.as_of:
            assert translator("detail.as_of", date=translator.long_date(entry.as_of)) in out, entry.reference
        for source in hub.sources_of(entry):
            assert source.url in out and (source.archived is None or source.archived in out), entry.reference


@pytest.fixture(
    scope="module",
    params=[
        pytest.param(
            (root, lang), marks=[pytest.mark.content] if root == "bundled" else [], id=f"{root}-{lang}"
        )
        for root in ("fixture", "bundled")
        for lang in ("en", "de")
    ],
)
def any_hub(request: pytest.FixtureRequest) -> Hub:
    """The fixture hub, and the bundled one as a content test (loaded when a test asks, not at collection)."""
    root, lang = request.param
    return fixture_hub(lang) if root == "fixture" else load_hub(bundled_content_dir(), lang)


def _blockquote(markdown: str) -> str:
    """The Markdown's blockquote (the quote and its credit), on one line, without its `>`."""
    return _one_line(" ".join(line[1:] for line in markdown.splitlines() if line.startswith(">")))


def test_show_credits_each_quote_as_c_copies_it_in_every_format(any_hub: Hub) -> None:
    hub = any_hub
    """One credit: the words and who said them, when, the pinpoint and the quote's own source,
    as `c` copies them (`quote_credit`), in show's text and Markdown and in its JSON's citation."""
    translator = Translator(hub.lang)
    quoted = [entry for entry in hub.all_entries() if entry.quote is not None]
    assert quoted
    for entry in quoted:
        copied = citation(entry, hub, translator)
        assert copied.endswith(quote_credit(entry, hub, translator)), entry.reference
        assert _one_line(copied) in _one_line(show(entry, hub, "text")), entry.reference
        assert _blockquote(show(entry, hub, "markdown")) == _one_line(copied), entry.reference
        assert json.loads(show(entry, hub, "json"))["citation"]["text"] == copied, entry.reference


def test_show_gives_the_archived_copy_first_then_the_live_address_labelled(any_hub: Hub) -> None:
    hub = any_hub
    """As `c` cites a source: the address to cite (its archived copy, where it has one), then the
    live address under its label, in the text, the Markdown and (as `url`, `live_url`) the JSON."""
    translator = Translator(hub.lang)
    label = f"{translator('citation.live')}: "
    seen = 0
    for entry in hub.all_entries():
        text, markdown = show(entry, hub, "text"), show(entry, hub, "markdown")
        cited = json.loads(show(entry, hub, "json"))["citation"]
        for source in hub.sources_of(entry):
            if source.archived is None:
                assert f"  {source.url}\n" in text and f"{label}{source.url}" not in text, source.id
                continue
            seen += 1
            assert f"  {source.archived}\n  {label}{source.url}\n" in text, (entry.reference, source.id)
            assert f"<{source.archived}>\n  {label}<{source.url}>" in markdown, (entry.reference, source.id)
        first = hub.sources[entry.quote.source] if entry.quote else hub.sources_of(entry)[0]
        assert cited["url"] == first.cited_url, entry.reference
        assert cited.get("live_url") == (first.url if first.archived else None), entry.reference
    assert seen, "the content has archived copies"


def test_show_as_markdown_is_the_exports_entry(capsys: pytest.CaptureFixture[str]) -> None:
    hub = fixture_hub("de")
    entry = hub.find(Reference(Pane.TIMELINE, "sale-ordered"))
    assert isinstance(entry, TimelineEvent) and entry.clocks
    assert main(["show", *FIXTURE, "timeline:sale-ordered", "--format", "markdown", "--lang", "de"]) == 0
    assert capsys.readouterr().out == "\n".join(entry_markdown(entry, hub, Translator("de"))) + "\n"


def test_show_as_json_has_the_entry_its_sources_and_links(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", *FIXTURE, "storage:staff-access", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reference"] == "storage:staff-access"
    assert data["entry"]["quote"] == {"text": "Access is strictly controlled.", "source": "ex-launch-page"}
    assert data["entry"]["as_of"] == "2020-08-17"
    assert [source["id"] for source in data["sources"]] == ["ex-launch-page"]
    assert data["sources"][0]["archived"].startswith("https://web.archive.org/")
    assert "statements:report-looks-back" in data["linked"]
    assert main(["show", *FIXTURE, "statements:never-shared", "--format", "json"]) == 0
    quote = json.loads(capsys.readouterr().out)["entry"]["quote"]
    assert (quote["by"], quote["pinpoint"]) == ("A spokesperson for Example Org", "second paragraph")


def test_show_of_an_entry_that_does_not_exist_suggests_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", *FIXTURE, "storage:data-locaton"]) == 1
    assert capsys.readouterr().err == (
        "infohub-tui show: no entry storage:data-locaton in en;"
        " did you mean storage:data-location, storage:backup-location?\n"
    )


def test_show_refuses_what_is_not_pane_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", *FIXTURE, "data-location"]) == 2
    assert (
        "'data-location' is not PANE:ID (PANE: statements, faq, storage, timeline)" in capsys.readouterr().err
    )


def _bash_complete(*words: str) -> list[str]:
    """Complete the last of `words` with the shipped bash script, the words split as bash splits
    them (at a colon too), `infohub-tui` on the PATH as an installed one is."""
    setup = (
        f"COMP_WORDS=({' '.join(repr(word) for word in words)}); COMP_CWORD={len(words) - 1};"
        " _shtab_infohub_tui; printf '%s\\n' \"${COMPREPLY[@]}\""
    )
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    result = subprocess.run(
        ["bash", "-c", completion("bash") + "\n" + setup],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PATH": path},
    )
    assert result.returncode == 0, result.stderr
    return [word for word in result.stdout.splitlines() if word]


@pytest.mark.e2e  # runs bash and the program
def test_completion_offers_every_entry_id_of_the_content(capsys: pytest.CaptureFixture[str]) -> None:
    hub = load_hub(bundled_content_dir(), "en")
    assert main(["show", "--list"]) == 0
    assert capsys.readouterr().out.splitlines() == [str(entry.reference) for entry in hub.all_entries()]
    assert _bash_complete("infohub-tui", "show", "storage", ":", "us") == ["us-data-location"]
    assert "employee-access" in _bash_complete("infohub-tui", "show", "storage", ":")
    assert _bash_complete("infohub-tui", "show", "timeline:cfius-d") == ["timeline:cfius-divestment-order"]
    assert "statements:hub-record-straight" in _bash_complete("infohub-tui", "show", "st")
    for shell in ("zsh", "fish"):
        assert "infohub-tui show --list" in completion(shell)


def test_show_without_an_entry_says_how_to_name_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show"]) == 2
    assert capsys.readouterr().err == (
        "infohub-tui show: give an entry as PANE:ID (infohub-tui show --list prints them)\n"
    )


@pytest.mark.e2e
def test_the_parser_does_not_read_the_content() -> None:
    """Parsing a command line reads no content (completion asks `show --list` for the ids)."""
    script = (
        "import sys\nfrom infohub_tui.cli.parser import parser\nparser().parse_args(['show', 'faq:x'])\n"
        "print('infohub_tui.hub.library' in sys.modules, 'yaml' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("fish") is None, reason="needs fish")
def test_fish_completes_entry_ids(tmp_path: Path) -> None:
    script = tmp_path / "infohub-tui.fish"
    script.write_text(completion("fish"), encoding="utf-8")
    program = f"source {script}; complete -C 'infohub-tui show storage:us'"
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    result = subprocess.run(
        ["fish", "--no-config", "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "HOME": str(tmp_path), "PATH": path},
    )
    assert result.returncode == 0, result.stderr
    assert [row.split("\t")[0] for row in result.stdout.splitlines()] == ["storage:us-data-location"]
