"""Hostile content files: `validate` answers each with one clear line, and never runs code.

Nothing here is timed: the limits that keep a hostile file cheap (aliases refused, not expanded;
size checked before reading) show in the messages; the subprocess timeout only catches a hang."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from infohub_tui.hub.yaml_source import MAX_FILE_BYTES

from .helpers import write_bundle

HOSTILE = Path(__file__).parent / "hostile"
HANG_LIMIT = 120  # seconds: an upper bound for a hang on a loaded machine, not a timing assertion

# file in tests/hostile -> (line:col, start of the message)
EXPECTED = {
    "syntax-error.faq.yaml": ("4:1", "YAML syntax error:"),
    "wrong-types.faq.yaml": ("2:13", "faq[0].question: expected text, got a list"),
    "python-tag.faq.yaml": ("1:3", "unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    "python-name-tag.statements.yaml": ("3:12", "unsupported tag 'tag:yaml.org,2002:python/name:os.system'"),
    "billion-laughs.faq.yaml": ("2:7", "anchors and aliases are not allowed"),
    "invalid-utf8.faq.yaml": ("2:15", "invalid UTF-8 (byte 0xfc)"),
    "impossible-date.timeline.yaml": ("2:9", "timeline[0].date: 2021-02-29 is not a date that exists"),
    "duplicate-key.faq.yaml": ("5:3", "duplicate key 'answer'"),
    "javascript-url.hub.yaml": ("8:10", "sources[0].url: only http and https URLs are allowed"),
    "merge-key.faq.yaml": ("2:3", "unsupported tag 'tag:yaml.org,2002:merge'"),
    # Issue 15's red-team pass: escape sequences in a key (OSC 52 clipboard, OSC 0 title, CSI 2J)
    # are named as escapes, a link listed twice crashed the app, a bidi override or a zero-width
    # space spoof a link, and text the reader cannot draw in time.
    "escape-key.hub.yaml": ("9:1", "\\x1b]52;c;UFdORUQ=\\x1b\\\\x1b]0;TITLE\\x1b\\\\x1b[2J: unknown field"),
    "repeated-see-also.statements.yaml": (
        "7:36",
        "statements[0].see_also: timeline:first-event is listed twice",
    ),
    "rlo-url.hub.yaml": ("8:10", "sources[0].url: has invisible or direction-changing characters"),
    "zero-width-url.hub.yaml": ("8:10", "sources[0].url: has invisible or direction-changing characters"),
    "long-title.statements.yaml": (
        "4:10",
        "statements[0].title: 20,001 characters, over the limit of 20,000",
    ),
    "huge-table.faq.yaml": ("3:11", "faq[0].answer: 25,663 characters, over the limit of 20,000"),
    # Issue 26: a date the chart cannot draw passed and crashed it at every start (hub/dates.py).
    "late-date.timeline.yaml": (
        "2:9",
        "timeline[0].date: 9999-12-31 is outside the dates the reader shows (1900-01-01 to 2199-12-31)",
    ),
    "late-clock.timeline.yaml": (
        "10:13",
        "timeline[0].clocks[0].ends: 9999-12-31 is outside the dates the reader shows",
    ),
    "early-date.timeline.yaml": ("2:9", "timeline[0].date: 0001-01-01 is outside the dates the reader shows"),
    # Issue 21: a quotation is words someone said, with the source they are quoted from.
    "quote-plain-string.statements.yaml": (
        "6:10",
        "statements[0].quote: expected a mapping with text and source, got text",
    ),
    "quote-without-source.faq.yaml": ("6:5", "faq[0].quote.source: required field missing"),
    "quote-without-text.storage.yaml": ("7:5", "storage[0].quote.text: required field missing"),
    "checked-before-content.hub.yaml": (
        "3:10",
        "checked: 2020-08-01 is earlier than 2020-08-17, a date in the content (statements.yaml: first-statement.date)",
    ),
    "updated-not-checked.hub.yaml": (
        "3:1",
        "updated: renamed `checked`: the day the editors last checked the content",
    ),
    "quote-source-not-cited.timeline.yaml": (
        "9:13",
        "timeline[0].quote.source: 'src-two' is not one of the entry's sources (src-one)",
    ),
}


def validate(content: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infohub_tui", "validate", str(content)],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT,
        check=False,
    )


def test_every_hostile_file_has_an_expectation() -> None:
    assert sorted(path.name for path in HOSTILE.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_rejected_with_one_clear_line(name: str, tmp_path: Path) -> None:
    kind = name.split(".")[-2]
    write_bundle(tmp_path)
    target = tmp_path / "en" / f"{kind}.yaml"
    shutil.copyfile(HOSTILE / name, target)
    result = validate(tmp_path)
    position, message = EXPECTED[name]
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{target}:{position}: {message}"), first
    assert "Traceback" not in result.stderr
    assert not Path("/tmp/infohub-pwned").exists()


def test_file_over_the_size_limit_is_refused_naming_its_size(tmp_path: Path) -> None:
    write_bundle(tmp_path)
    target = tmp_path / "en" / "faq.yaml"
    with target.open("wb") as handle:
        handle.write(b"# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    result = validate(tmp_path)
    assert result.returncode == 1
    assert (
        result.stderr.splitlines()[0]
        == f"{target}:1:1: file is {target.stat().st_size} bytes, over the limit of {MAX_FILE_BYTES}"
    )


def test_escape_sequences_never_reach_the_terminal_from_validate(tmp_path: Path) -> None:
    write_bundle(
        tmp_path,
        faq_yaml='- id: "Bad\\e]52;c;ZXZpbA==\\a\\e[31mRed\\e[2J"\n  question: q\n  answer: a\n  answered_by: s\n  sources: [src-one]\n',
    )
    result = validate(tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "faq[0].id: 'BadRed' is not kebab-case" in result.stderr
