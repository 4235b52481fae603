"""YAML builders for the small content bundles tests write: one definition of the minimal hub.yaml
and of a source in it, instead of the same text copied into each test file.

The text is laid out as a hand-written file would be (two-space indents, keys in the order given),
so problems that name a line and column stay where a test expects them.
"""

from __future__ import annotations

from collections.abc import Iterable

SOURCE_ONE: dict[str, str] = {
    "id": "src-one",
    "title": "Source one",
    "publisher": "Publisher",
    "url": "https://example.org/one",
}
"""The one source of the minimal bundle (tests.helpers.MINIMAL), without its date."""


def source(**fields: str) -> dict[str, str]:
    """A source mapping: `src-one`'s id, title, publisher and URL, with `fields` replacing or
    added after them (in the order given)."""
    return {**SOURCE_ONE, **fields}


def source_yaml(fields: dict[str, str], indent: str = "  ") -> str:
    """One item of hub.yaml's `sources` list."""
    lines = [
        f"{'- ' if index == 0 else '  '}{key}: {value}" for index, (key, value) in enumerate(fields.items())
    ]
    return "".join(f"{indent}{line}\n" for line in lines)


def hub_yaml(
    sources: Iterable[dict[str, str]] = (),
    *,
    title: str = "Test hub",
    organisation: str = "Test org",
    checked: str = "2026-11-29",
) -> str:
    """A hub.yaml: title, organisation, `checked` and the given sources (`sources: []` if none)."""
    items = "".join(source_yaml(fields) for fields in sources)
    head = f"title: {title}\norganisation: {organisation}\nchecked: {checked}\n"
    return head + (f"sources:\n{items}" if items else "sources: []\n")
