"""The loader and the JSON Schemas follow the same rules (hub/rules.py): for every field of every
mapping, leaving it out is a problem exactly when its rule says it is required, a key no rule names
is refused, and the schema's fields and required fields are the rules'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.rules import CLOCK_FIELDS, ENTRY_FIELDS, HUB_FIELDS, QUOTE_FIELDS, SOURCE_FIELDS, Rules
from infohub_tui.hub.schema import file_schemas
from infohub_tui.hub.yaml_source import ContentError

from .helpers import MINIMAL, write_bundle

SOURCE = {
    "id": "src-one",
    "title": "Source one",
    "publisher": "Publisher",
    "url": "https://example.org/one",
    "date": "2020-08-17",
    "archived": "https://web.archive.org/web/2020/https://example.org/one",
    "note": "Checked.",
    "kind": "webpage",
    "author": "Someone",
}
HUB = {"title": "Test hub", "organisation": "Test org", "checked": "2020-12-31", "sources": [SOURCE]}
QUOTE = {"text": "Words.", "source": "src-one", "by": "Someone", "pinpoint": "para. 1"}
STATEMENT = yaml.safe_load(MINIMAL["statements.yaml"].replace("\n        ", "\n").strip())[0]
CLOCK = {"label": "30 days", "ends": "2020-09-05", "extended_to": ["2020-09-20"], "stopped": "2020-09-01"}
EVENT = yaml.safe_load(MINIMAL["timeline.yaml"].replace("\n        ", "\n").strip())[0]


def _files(mapping: str, fields: dict[str, Any]) -> dict[str, str]:
    """The bundle's files with `mapping` (hub, source, entry, quote, clock) written as `fields`."""
    hub, statement, event = dict(HUB), dict(STATEMENT), dict(EVENT)
    if mapping == "hub":
        hub = fields
    elif mapping == "source":
        hub["sources"] = [fields]
    elif mapping == "entry":
        statement = {key: value for key, value in statement.items() if key not in ENTRY_FIELDS} | fields
    elif mapping == "quote":
        statement["quote"] = fields
    else:
        event["clocks"] = [fields]
    return {
        "hub_yaml": yaml.safe_dump(hub),
        "statements_yaml": yaml.safe_dump([statement]),
        "timeline_yaml": yaml.safe_dump([event]),
    }


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    write_bundle(tmp_path, "en", **files)
    try:
        load_hub(tmp_path, "en")
    except ContentError as error:
        return [problem.message for problem in error.problems]
    return []


CASES: list[tuple[str, Rules, dict[str, Any], str]] = [
    ("hub", HUB_FIELDS, HUB, ""),
    ("source", SOURCE_FIELDS, SOURCE, "sources[0]."),
    (
        "entry",
        ENTRY_FIELDS,
        {"id": "first-statement", "sources": ["src-one"], "note": "N.", "as_of": "2020-08-17"},
        "statements[0].",
    ),
    ("quote", QUOTE_FIELDS, QUOTE, "statements[0].quote."),
    ("clock", CLOCK_FIELDS, CLOCK, "timeline[0].clocks[0]."),
]


@pytest.mark.parametrize(("mapping", "rules", "fields", "where"), CASES, ids=[case[0] for case in CASES])
def test_a_field_left_out_is_a_problem_exactly_when_its_rule_requires_it(
    tmp_path: Path, mapping: str, rules: Rules, fields: dict[str, Any], where: str
) -> None:
    assert _problems(tmp_path / "whole", _files(mapping, fields)) == []
    for key in fields:
        problems = _problems(tmp_path / key, _files(mapping, {k: v for k, v in fields.items() if k != key}))
        missing = [problem for problem in problems if problem.endswith(f"{key}: required field missing")]
        assert bool(missing) == rules[key].required, (key, problems)
        if not rules[key].required:
            assert problems == [], (key, problems)
    unknown = _problems(tmp_path / "unknown", _files(mapping, fields | {"bogus": "x"}))
    assert unknown == [f"{where}bogus: unknown field"]


def test_the_schemas_name_the_rules_fields_and_require_the_required_ones() -> None:
    schemas = file_schemas()
    hub = schemas["hub.schema.json"]
    source = hub["properties"]["sources"]["items"]
    quote = schemas["statements.schema.json"]["items"]["properties"]["quote"]
    clock = schemas["timeline.schema.json"]["items"]["properties"]["clocks"]["items"]
    for schema, rules in (
        (hub, HUB_FIELDS),
        (source, SOURCE_FIELDS),
        (quote, QUOTE_FIELDS),
        (clock, CLOCK_FIELDS),
    ):
        assert list(schema["properties"]) == list(rules)
        assert schema["required"] == [key for key, rule in rules.items() if rule.required]
        assert schema["additionalProperties"] is False
    entry = schemas["statements.schema.json"]["items"]
    assert set(ENTRY_FIELDS) <= set(entry["properties"])
    assert {key for key, rule in ENTRY_FIELDS.items() if rule.required} <= set(entry["required"])
