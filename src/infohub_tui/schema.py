"""JSON Schemas of the content files, for editors that validate YAML as you type."""

from __future__ import annotations

import json
from typing import Any

from .layout import HUB_FILE, PANE_FILES
from .model import EVENT_KINDS, PANES, Pane

SCHEMA_ID_BASE = "https://infohub-tui.invalid/schema/"
SCHEMA_NAMES: list[str] = ["hub", *(pane.value for pane in PANES)]

_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
_DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"}
_TEXT = {"type": "string", "minLength": 1}
_SOURCES = {"type": "array", "items": _ID, "minItems": 1, "description": "ids from hub.yaml sources"}
_SEE_ALSO = {
    "type": "array",
    "items": {"type": "string", "pattern": f"^({'|'.join(p.value for p in PANES)}):[a-z0-9]+(-[a-z0-9]+)*$"},
    "description": "links to other entries as pane:id",
}

_ENTRY_FIELDS: dict[Pane, tuple[dict[str, Any], list[str]]] = {
    Pane.STATEMENTS: (
        {
            "date": _DATE,
            "speaker": _TEXT,
            "title": _TEXT,
            "body": _TEXT | {"description": "Markdown"},
            "quote": _TEXT,
        },
        ["date", "speaker", "title", "body"],
    ),
    Pane.FAQ: (
        {"question": _TEXT, "answer": _TEXT | {"description": "Markdown"}, "answered_by": _TEXT},
        ["question", "answer", "answered_by"],
    ),
    Pane.STORAGE: (
        {"label": _TEXT, "value": _TEXT, "detail": _TEXT | {"description": "Markdown"}, "claimed_by": _TEXT},
        ["label", "value", "detail", "claimed_by"],
    ),
    Pane.TIMELINE: (
        {"date": _DATE, "title": _TEXT, "kind": {"enum": list(EVENT_KINDS)}, "actor": _TEXT, "body": _TEXT},
        ["date", "title", "kind", "actor", "body"],
    ),
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
                                "url": {"type": "string", "pattern": "^https?://[^\\s/]+\\S*$"},
                                "date": _DATE,
                            },
                        },
                    },
                },
            },
        )
    }
    for pane, filename in PANE_FILES.items():
        properties, required = _ENTRY_FIELDS[pane]
        name = f"{pane.value}.schema.json"
        schemas[name] = _document(
            name,
            f"infohub-tui {filename}",
            {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", *required, "sources"],
                    "properties": {"id": _ID, **properties, "sources": _SOURCES, "see_also": _SEE_ALSO},
                },
            },
        )
    return schemas


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
