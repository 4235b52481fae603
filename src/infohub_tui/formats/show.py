"""One entry with its caveats, for `infohub-tui show PANE:ID`: as text, Markdown or JSON.

A quote is credited and a source's addresses ordered as `c` copies them (`formats/citation.py`:
`quote_credit`, `address_lines`, `citation_data`)."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from infohub_tui.formats.citation import address_lines, citation_data, quote_credit
from infohub_tui.formats.clock_text import clock_lines
from infohub_tui.formats.coverage import coverage
from infohub_tui.formats.export import entry_data, entry_markdown, source_data
from infohub_tui.hub.model import QUOTE_FIELD, Entry, Hub, Source, TimelineEvent
from infohub_tui.i18n import Translator
from infohub_tui.text.plain_text import without_emphasis

_WIDTH = 78


def _wrapped(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        _WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,  # an address stays whole
        break_on_hyphens=False,
    )


def _source_lines(source: Source, translator: Translator) -> list[str]:
    parts = [source.title, source.author, source.publisher, translator.long_date(source.date)]
    lines = [f"- {', '.join(part for part in parts if part)}."]
    lines += [f"  {line}" for line in address_lines(source, translator)]
    if source.note:
        lines += [f"  {translator('detail.note')}:", *_wrapped(source.note, "    ")]
    return lines


def entry_text(entry: Entry, hub: Hub, translator: Translator) -> str:
    """The entry as a terminal shows it in the reader: who says it and when, as of, the quote and
    its source, the body, deadlines, the editors' note, what came later and the sources."""
    byline = translator.byline_text(entry.pane, entry.speaker)
    if entry.when is not None:
        byline += f" · {translator.long_date(entry.when)}"
    lines = [entry.heading, byline]
    if entry.as_of is not None:
        lines.append(translator("detail.as_of", date=translator.long_date(entry.as_of)))
    quote = entry.quote
    if quote is not None:
        lines += ["", translator("citation.quotation", text=" ".join(quote.text.split()))]
        lines.append(f"  — {quote_credit(entry, hub, translator)}")
    if entry.lead is not None and entry.lead_field != QUOTE_FIELD:
        lines += ["", f"{translator('export.value')}: {entry.lead}"]
    body, _spans = without_emphasis(entry.body.strip(), ())
    lines += ["", body]
    if isinstance(entry, TimelineEvent) and entry.clocks:
        lines += [
            "",
            f"{translator('detail.clocks')}:",
            *(f"  • {line}" for line in clock_lines(entry, translator)),
        ]
    if entry.note:
        lines += ["", f"{translator('detail.note')}:", *_wrapped(entry.note)]
    if entry.later:
        lines += ["", f"{translator('detail.later')}:"]
        for reference in entry.later:
            target = hub.find(reference)
            heading = target.heading if target else reference.id
            lines.append(f"  → {translator.pane_title(reference.pane)}: {heading} ({reference})")
    lines += ["", f"{translator('detail.sources')}:"]
    for source in hub.sources_of(entry):
        lines += _source_lines(source, translator)
    lines += ["", f"{hub.title} · {translator('coverage.independent')} · {coverage(hub, translator)}"]
    return "\n".join(lines) + "\n"


def entry_json(entry: Entry, hub: Hub) -> str:
    """The entry as the JSON export writes it, with its sources in full, its links' headings and
    its citation as `c` copies it, with the address to cite and the live one apart."""
    linked: dict[str, Any] = {}
    for reference in (*entry.later, *entry.see_also):
        target = hub.find(reference)
        if target is not None:
            linked[str(reference)] = target.heading
    data = {
        "lang": hub.lang,
        "reference": str(entry.reference),
        "entry": entry_data(entry),
        "sources": [source_data(source) for source in hub.sources_of(entry)],
        "linked": linked,
        "citation": citation_data(entry, hub, Translator(hub.lang)),
        "checked": hub.checked.isoformat(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def show(entry: Entry, hub: Hub, output_format: str = "text") -> str:
    translator = Translator(hub.lang)
    if output_format == "json":
        return entry_json(entry, hub)
    if output_format == "markdown":
        return "\n".join(entry_markdown(entry, hub, translator)) + "\n"
    return entry_text(entry, hub, translator)
