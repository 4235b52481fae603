"""JSON Schemas of the content files, for editors that validate YAML as you type."""

from __future__ import annotations

import json
from typing import Any

from infohub_tui.hub.content_files import HUB_FILE
from infohub_tui.hub.dates import FIRST_DAY, LAST_DAY, SCHEMA_PATTERN
from infohub_tui.hub.model import EVENT_KINDS, OPTIONAL_KINDS, PANE_TABLE, PANES, QUOTE_FIELD, SOURCE_KINDS

SCHEMA_ID_BASE = "https://infohub-tui.invalid/schema/"
SCHEMA_NAMES: list[str] = ["hub", *(pane.value for pane in PANES)]

_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
# A date the reader can show (hub/dates.py), as the loader checks it.
_DATE = {
    "type": "string",
    "pattern": SCHEMA_PATTERN,
    "format": "date",
    "description": f"YYYY-MM-DD, from {FIRST_DAY} to {LAST_DAY}",
}
_TEXT = {"type": "string", "minLength": 1}
_SOURCES = {"type": "array", "items": _ID, "minItems": 1, "description": "ids from hub.yaml sources"}
_URL = {"type": "string", "pattern": "^https?://[^\\s/]+\\S*$"}
_SEE_ALSO = {
    "type": "array",
    "items": {"type": "string", "pattern": f"^({'|'.join(p.value for p in PANES)}):[a-z0-9]+(-[a-z0-9]+)*$"},
    "description": "links to other entries as pane:id",
}

_CLOCKS = {
    "type": "array",
    "description": "windows this event starts: from its date to `ends`, maybe extended, maybe stopped",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["ends"],
        "properties": {
            "label": _TEXT | {"description": "what the clock is, e.g. '45 days (EO 13942)'"},
            "ends": _DATE | {"description": "the deadline, on or after the event's date"},
            "extended_to": {
                "type": "array",
                "items": _DATE,
                "description": "later deadlines, each after the one before",
            },
            "stopped": _DATE
            | {"description": "the day the clock stopped (an injunction), by its last deadline"},
        },
    },
}

_QUOTE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["text", "source"],
    "description": "words someone said, verbatim, and the source they are quoted from; "
    "every other text of the entry is the editors'",
    "properties": {
        "text": _TEXT | {"description": "the words, verbatim, without quotation marks around them"},
        "source": _ID | {"description": "the source they are quoted from: one of the entry's sources"},
        "by": _TEXT | {"description": "who said them, if not the entry's speaker"},
        "pinpoint": _TEXT | {"description": "where in the source: section, page or paragraph"},
    },
}

_FIELD_SCHEMAS: dict[str, dict[str, Any]] = {
    "text": _TEXT,
    "optional": _TEXT,
    "markdown": _TEXT | {"description": "Markdown"},
    "date": _DATE,
    "kind": {"enum": list(EVENT_KINDS)},
    "clocks": _CLOCKS,
}


def _document(name: str, title: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_ID_BASE}{name}",
        "title": title,
    } | body


def file_schemas() -> dict[str, dict[str, Any]]:
    """One schema per content file, keyed by the schema's file name."""
    schemas = {
        "hub.schema.json": _document(
            "hub.schema.json",
            f"infohub-tui {HUB_FILE}",
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "organisation", "updated", "sources"],
                "properties": {
                    "title": _TEXT,
                    "organisation": _TEXT,
                    "updated": _DATE,
                    "sources": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["id", "title", "publisher", "url"],
                            "properties": {
                                "id": _ID,
                                "title": _TEXT,
                                "publisher": _TEXT,
                                "url": _URL | {"description": "the exact document, never a front page"},
                                "date": _DATE,
                                "archived": _URL | {"description": "a web-archive copy as it was"},
                                "note": _TEXT | {"description": "what could or could not be checked"},
                                "kind": {"enum": list(SOURCE_KINDS), "description": "CSL type"},
                                "author": _TEXT,
                            },
                        },
                    },
                },
            },
        )
    }
    for pane, table in PANE_TABLE.items():
        fields = table.fields
        properties = {field.key: _FIELD_SCHEMAS[field.kind] for field in fields}
        required = [field.key for field in fields if field.kind not in OPTIONAL_KINDS]
        name = f"{pane.value}.schema.json"
        schemas[name] = _document(
            name,
            f"infohub-tui {table.file}",
            {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", *required, "sources"],
                    "properties": {
                        "id": _ID,
                        **properties,
                        "sources": _SOURCES,
                        "see_also": _SEE_ALSO,
                        "note": _TEXT | {"description": "a note from this reader's editors"},
                        "as_of": _DATE | {"description": "the day the entry was true"},
                        "later": _SEE_ALSO | {"description": "entries on what came after as_of"},
                        QUOTE_FIELD: _QUOTE,
                    },
                },
            },
        )
    return schemas


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
