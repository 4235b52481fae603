"""Plain-text citations of entries, for the clipboard."""

from __future__ import annotations

from infohub_tui.hub.model import Entry, FaqEntry, Source
from infohub_tui.i18n import Translator
from infohub_tui.text.plain_text import without_emphasis


def cited_text(entry: Entry) -> str:
    """What a citation quotes: the quote, an FAQ's answer, a fact's value, else the heading."""
    if isinstance(entry, FaqEntry):
        text = entry.answer
    elif entry.lead:
        text = f"{entry.heading}: {entry.lead}" if entry.lead_field == "value" else entry.lead
    else:
        text = entry.heading
    plain, _spans = without_emphasis(text, ())
    return " ".join(plain.split())


def citation(entry: Entry, source: Source | None, translator: Translator) -> str:
    """`“text” — speaker, date. Source: title, author, publisher, date. URL. Archived: URL.`"""
    cited = f"“{cited_text(entry)}” — {entry.speaker}"
    when = entry.when or entry.as_of
    if when is not None:
        cited += f", {translator.long_date(when)}"
    cited += "."
    if source is not None:
        parts = [source.title, source.author, source.publisher, translator.long_date(source.date)]
        cited += f" {translator('citation.source')}: {', '.join(part for part in parts if part)}."
        cited += f" {source.url}"
        if source.archived:
            cited += f" {translator('citation.archived')}: {source.archived}"
    return cited
