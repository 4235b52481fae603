"""Every relative link in the README, CONTRIBUTING.md and docs/ leads to a file that exists, and
every `#anchor` to a heading of the file it names (as GitHub makes anchors from headings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted([REPO / "README.md", REPO / "CONTRIBUTING.md", *(REPO / "docs").glob("*.md")])
pytestmark = pytest.mark.skipif(not (REPO / "docs").is_dir(), reason="needs the source tree")

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"!?\[[^\]]*\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def links(text: str) -> list[str]:
    """The targets of the Markdown links and images in `text`, outside code."""
    return _LINK.findall(_CODE.sub("", _FENCE.sub("", text)))


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[`*_]|<[^>]+>", "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    return {anchor(heading) for heading in _HEADING.findall(_FENCE.sub("", path.read_text(encoding="utf-8")))}


def broken(document: Path) -> list[str]:
    """The links of `document` that lead nowhere."""
    found = []
    for target in links(document.read_text(encoding="utf-8")):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ...: not a file of the repository
            continue
        file_part, _, fragment = target.partition("#")
        path = (document.parent / file_part).resolve() if file_part else document
        if not path.exists():
            found.append(f"{target}: no such file")
        elif fragment and path.suffix == ".md" and fragment not in anchors(path):
            found.append(f"{target}: no heading #{fragment} in {path.name}")
    return found


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(REPO)))
def test_every_relative_link_resolves(document: Path) -> None:
    assert links(document.read_text(encoding="utf-8")) or document.name != "README.md"
    assert broken(document) == []


def test_the_check_finds_a_missing_file_and_a_missing_heading(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Its title\n\n## Shell completion and man page\n", encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text(
        "# Doc\n[ok](other.md#shell-completion-and-man-page) [here](#doc) [web](https://example.org/x)\n"
        "[gone](missing.md) [no heading](other.md#nowhere) `[in code](nothing.md)`\n"
        "```\n[in a block](nothing.md)\n```\n",
        encoding="utf-8",
    )
    assert broken(document) == [
        "missing.md: no such file",
        "other.md#nowhere: no heading #nowhere in other.md",
    ]
