"""Plain-text citations of entries, for the clipboard."""

from __future__ import annotations

from .i18n import Translator
from .model import Entry, Source


def citation(entry: Entry, source: Source | None, translator: Translator) -> str:
    """`“text” — speaker, date. Source: title, publisher, url`."""
    text = entry.lead if entry.lead_field == "quote" and entry.lead else entry.heading
    cited = f"“{text}” — {entry.speaker}"
    if entry.when is not None:
        cited += f", {translator.long_date(entry.when)}"
    cited += "."
    if source is not None:
        cited += f" {translator('citation.source')}: {source.title}, {source.publisher}, {source.url}"
    return cited
