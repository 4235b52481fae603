"""JSON Schemas of the content files, for editors that validate YAML as you type.

Written from the rules the loader checks (rules.py) and the pane table
(`model.PANE_TABLE`), so the two cannot disagree about which fields exist and
which are required.
"""

from __future__ import annotations

import json
from typing import Any

from infohub_tui.hub.content_files import HUB_FILE
from infohub_tui.hub.dates import FIRST_DAY, LAST_DAY, SCHEMA_PATTERN
from infohub_tui.hub.model import EVENT_KINDS, OPTIONAL_KINDS, PANE_TABLE, PANES
from infohub_tui.hub.rules import (
    CLOCK_FIELDS,
    CLOCKS_DESCRIPTION,
    ENTRY_FIELDS,
    HIDDEN_IN_URL,
    HUB_FIELDS,
    ID_PATTERN,
    MAX_FIELD_CHARS,
    QUOTE_FIELDS,
    SOURCE_FIELDS,
    WEB_URL_PATTERN,
    Rule,
    Rules,
)

SCHEMA_ID_BASE = "https://infohub-tui.invalid/schema/"
SCHEMA_NAMES: list[str] = ["hub", *(pane.value for pane in PANES)]

_ID = {"type": "string", "pattern": f"^{ID_PATTERN}$"}
# A date the reader can show (hub/dates.py), as the loader checks it.
_DATE = {
    "type": "string",
    "pattern": SCHEMA_PATTERN,
    "format": "date",
    "description": f"YYYY-MM-DD, from {FIRST_DAY} to {LAST_DAY}",
}
_TEXT = {"type": "string", "minLength": 1, "maxLength": MAX_FIELD_CHARS}
_URL = {"type": "string", "pattern": f"^{WEB_URL_PATTERN}$", "not": {"pattern": HIDDEN_IN_URL}}
_REFERENCES = {
    "type": "array",
    "items": {"type": "string", "pattern": f"^({'|'.join(p.value for p in PANES)}):{ID_PATTERN}$"},
    "uniqueItems": True,
}

_SIMPLE: dict[str, dict[str, Any]] = {
    "id": _ID,
    "text": _TEXT,
    "date": _DATE,
    "url": _URL,
    "dates": {"type": "array", "items": _DATE},
    "ids": {"type": "array", "items": _ID, "minItems": 1, "uniqueItems": True},
    "references": _REFERENCES,
}
"""The schema of a value of each kind of rule that needs nothing more than its kind."""


def _mapping(rules: Rules, description: str = "") -> dict[str, Any]:
    """The schema of a mapping with these fields: none but them, the required ones required."""
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "required": [key for key, rule in rules.items() if rule.required],
    }
    if description:
        schema["description"] = description
    return schema | {"properties": {key: _value(rule) for key, rule in rules.items()}}


def _value(rule: Rule) -> dict[str, Any]:
    """The schema of one field's value, as its rule says."""
    if rule.kind == "quote":  # its description is the mapping's own
        return _mapping(QUOTE_FIELDS, rule.description)
    if rule.kind == "sources":
        value: dict[str, Any] = {"type": "array", "items": _mapping(SOURCE_FIELDS)}
    elif rule.kind == "choice":
        value = {"enum": list(rule.choices)}
    else:
        value = _SIMPLE[rule.kind]
    return value | {"description": rule.description} if rule.description else value


_FIELD_SCHEMAS: dict[str, dict[str, Any]] = {
    "text": _TEXT,
    "optional": _TEXT,
    "markdown": _TEXT | {"description": "Markdown"},
    "date": _DATE,
    "kind": {"enum": list(EVENT_KINDS)},
    "clocks": {"type": "array", "description": CLOCKS_DESCRIPTION, "items": _mapping(CLOCK_FIELDS)},
}
"""The schema of a pane's own field, by its kind in the pane table."""


def _document(name: str, title: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_ID_BASE}{name}",
        "title": title,
    } | body


def file_schemas() -> dict[str, dict[str, Any]]:
    """One schema per content file, keyed by the schema's file name."""
    schemas = {
        "hub.schema.json": _document("hub.schema.json", f"infohub-tui {HUB_FILE}", _mapping(HUB_FIELDS))
    }
    first, *rest = ENTRY_FIELDS  # the id, then the pane's own fields, then the rest
    for pane, table in PANE_TABLE.items():
        own = {field.key: _FIELD_SCHEMAS[field.kind] for field in table.fields}
        entry = _mapping({first: ENTRY_FIELDS[first]})
        entry["properties"] |= own | {key: _value(ENTRY_FIELDS[key]) for key in rest}
        entry["required"] += [field.key for field in table.fields if field.kind not in OPTIONAL_KINDS]
        entry["required"] += [key for key in rest if ENTRY_FIELDS[key].required]
        name = f"{pane.value}.schema.json"
        schemas[name] = _document(name, f"infohub-tui {table.file}", {"type": "array", "items": entry})
    return schemas


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
