"""The JSON Schemas editors validate with refuse what the loader refuses (issue 25): every hostile file
that is plain YAML is rejected by a real JSON Schema validator too, unless the rule it breaks is one
a schema cannot state (named below with the reason); and the bundled content passes the schemas
whole, not only their required fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from infohub_tui.hub.model import PANES
from infohub_tui.hub.schema import file_schemas
from infohub_tui.locations import bundled_content_dir

HOSTILE = Path(__file__).parent / "hostile"

# Refused while the YAML is read (yaml_source.py), before there is data a schema could see.
YAML_LEVEL = {
    "syntax-error.faq.yaml": "not YAML",
    "python-tag.faq.yaml": "a tag",
    "python-name-tag.statements.yaml": "a tag",
    "billion-laughs.faq.yaml": "aliases, which would expand before any schema saw the data",
    "invalid-utf8.faq.yaml": "not UTF-8",
    "duplicate-key.faq.yaml": "a duplicate key: parsers keep one of the two",
    "merge-key.faq.yaml": "a merge key",
}


class YamlAsEditorsSeeIt(yaml.SafeLoader):
    """YAML as an editor's language server reads it for the schema: a date stays text (YAML 1.2)."""


YamlAsEditorsSeeIt.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read(path: Path) -> Any:
    return yaml.load(
        path.read_text(encoding="utf-8"), Loader=YamlAsEditorsSeeIt
    )  # a SafeLoader: no constructors


# Rules about more than one value or more than one file, which JSON Schema cannot state.
BEYOND_A_SCHEMA = {
    "quote-source-not-cited.timeline.yaml": "the quote's source must be among the entry's own sources",
    "checked-before-content.hub.yaml": "checked must not be earlier than any date in the other files",
    "impossible-date.timeline.yaml": "2021-02-29 has the form of a date; which days exist is the calendar's",
}


def schema_for(path: Path) -> dict[str, Any]:
    kind = path.name.split(".")[-2]
    return file_schemas()[f"{kind}.schema.json"]


def hostile_cases() -> list[str]:
    return sorted(path.name for path in HOSTILE.glob("*.yaml"))


def test_every_hostile_file_is_classified_or_checked() -> None:
    assert set(YAML_LEVEL) | set(BEYOND_A_SCHEMA) <= set(hostile_cases())


@pytest.mark.parametrize("name", [name for name in hostile_cases() if name not in YAML_LEVEL])
def test_the_schema_refuses_what_the_loader_refuses(name: str) -> None:
    path = HOSTILE / name
    data = read(path)
    validator = jsonschema.Draft202012Validator(schema_for(path))
    errors = list(validator.iter_errors(data))
    if name in BEYOND_A_SCHEMA:
        assert not errors, f"{name} is refused by the schema after all: drop it from BEYOND_A_SCHEMA"
    else:
        assert errors, f"the loader refuses {name} but the schema accepts it"


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.content
def test_the_bundled_content_passes_the_schemas_whole(lang: str) -> None:
    directory = bundled_content_dir() / lang
    names = ["hub", *(pane.value for pane in PANES)]
    for name in names:
        path = directory / f"{name}.yaml"
        data = read(path)
        errors = [
            f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in jsonschema.Draft202012Validator(schema_for(path)).iter_errors(data)
        ]
        assert not errors, (path.name, errors[:5])
