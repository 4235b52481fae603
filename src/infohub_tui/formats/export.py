"""The whole hub as one Markdown document or as JSON that loads back into the same hub.

Quotes are credited, and sources' addresses ordered, as `c` copies them (`formats/citation.py`:
`quote_credit`, `address_lines`, `citation_data`, `csl_item`)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from infohub_tui.formats.citation import address_lines, addresses, citation_data, csl_item, quote_credit
from infohub_tui.formats.clock_text import clock_lines
from infohub_tui.formats.coverage import coverage
from infohub_tui.hub.content_files import HUB_FILE
from infohub_tui.hub.model import PANE_TABLE, PANES, QUOTE_FIELD, Clock, Entry, Hub, Source, TimelineEvent
from infohub_tui.i18n import Translator


def _clock_data(clock: Clock) -> dict[str, Any]:
    data: dict[str, Any] = {"ends": clock.ends.isoformat()}
    if clock.label:
        data["label"] = clock.label
    if clock.extended_to:
        data["extended_to"] = [day.isoformat() for day in clock.extended_to]
    if clock.stopped is not None:
        data["stopped"] = clock.stopped.isoformat()
    return data


def entry_data(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {"id": entry.id}
    for field in PANE_TABLE[entry.pane].fields:
        value = getattr(entry, field.attribute)
        if field.kind == "clocks":
            if value:
                data[field.key] = [_clock_data(clock) for clock in value]
        elif value is not None:
            data[field.key] = value.isoformat() if field.kind == "date" else value
    data["sources"] = list(entry.sources)
    if entry.see_also:
        data["see_also"] = [str(reference) for reference in entry.see_also]
    if entry.note:
        data["note"] = entry.note
    if entry.as_of is not None:
        data["as_of"] = entry.as_of.isoformat()
    if entry.later:
        data["later"] = [str(reference) for reference in entry.later]
    if entry.quote is not None:
        quote = entry.quote
        data[QUOTE_FIELD] = {"text": quote.text, "source": quote.source}
        data[QUOTE_FIELD] |= {key: value for key in ("by", "pinpoint") if (value := getattr(quote, key))}
    return data


def source_data(source: Source) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
    }
    if source.date is not None:
        data["date"] = source.date.isoformat()
    for key in ("archived", "note", "author"):
        if getattr(source, key):
            data[key] = getattr(source, key)
    if source.kind != "webpage":
        data["kind"] = source.kind
    return data


def to_data(hub: Hub) -> dict[str, Any]:
    """`{"lang": ..., "files": {"hub.yaml": ..., "faq.yaml": [...], ...}}`, field names as in the YAML."""
    files: dict[str, Any] = {
        HUB_FILE: {
            "title": hub.title,
            "organisation": hub.organisation,
            "checked": hub.checked.isoformat(),
            "sources": [source_data(source) for source in hub.sources.values()],
        }
    }
    for pane, table in PANE_TABLE.items():
        files[table.file] = [entry_data(entry) for entry in hub.entries(pane)]
    return {"lang": hub.lang, "files": files}


def to_json(hub: Hub) -> str:
    """`to_data`, whose `files` load back, and `citations`: each entry's, by `pane:id`, as `c`
    copies it, with the address to cite and the live one apart (`citation_data`)."""
    translator = Translator(hub.lang)
    citations = {str(entry.reference): citation_data(entry, hub, translator) for entry in hub.all_entries()}
    return json.dumps(to_data(hub) | {"citations": citations}, ensure_ascii=False, indent=2) + "\n"


def to_csl_json(hub: Hub) -> str:
    """Every source as CSL-JSON, the format Zotero, pandoc and citeproc read: the items `c` formats
    in a CSL style (`citation.csl_item`)."""
    items = [csl_item(source, hub.lang) for source in hub.sources.values()]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def to_svg_timeline(
    hub: Hub, width: int = 160, first: datetime.date | None = None, last: datetime.date | None = None
) -> str:
    """The Timeline pane's chart as SVG, from `first` to `last` (default: every event)."""
    from infohub_tui.chart.svg import timeline_svg

    translator = Translator(hub.lang)
    title = f"{hub.title}: {translator('tab.timeline')}"
    return timeline_svg(hub.timeline, translator, title=title, width=width, first=first, last=last)


def write_content_dir(data: dict[str, Any], root: Path) -> Path:
    """Write exported JSON back as a content directory (JSON is YAML); returns `root`."""
    directory = root / str(data["lang"])
    directory.mkdir(parents=True, exist_ok=True)
    for filename, content in data["files"].items():
        (directory / Path(filename).name).write_text(
            json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return root


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _source_label(source: Source, translator: Translator) -> str:
    parts = [source.author, source.publisher, translator.long_date(source.date)]
    return f"**{source.title}**, {', '.join(part for part in parts if part)}"


def source_markdown(source: Source, translator: Translator, number: int | None = None) -> list[str]:
    """A source as a list item: title, author, publisher, date, the address to cite (its archived
    copy, where it has one), the live address and the editors' note on it (numbered as the
    entries cite it, or a bullet)."""
    marker = f"{number}." if number is not None else "-"
    indent = " " * (len(marker) + 1)
    cite, *live = address_lines(source, translator, link=lambda url: f"<{url}>")
    lines = [f"{marker} {_source_label(source, translator)}. {cite}", *(f"{indent}{line}" for line in live)]
    if source.note:
        lines.append(f"{indent}*{translator('detail.note')}:* {_one_line(source.note)}")
    return lines


def entry_markdown(
    entry: Entry, hub: Hub, translator: Translator, numbers: dict[str, int] | None = None
) -> list[str]:
    """One entry with every caveat: who says it and when, `as_of`, the quote with its source, the
    body, deadlines, the editors' note, what came later and the sources (as `[title][n]` links
    to the numbered list when `numbers` is given, else listed in full)."""
    lines = [f"### {entry.heading}", ""]
    byline = f"*{translator.byline_text(entry.pane, entry.speaker)}*"
    if entry.when is not None:
        byline += f" · {translator.long_date(entry.when)}"
    lines.append(byline)
    if entry.as_of is not None:
        lines += ["", f"*{translator('detail.as_of', date=translator.long_date(entry.as_of))}*"]
    quote = entry.quote
    if quote is not None:
        words = translator("citation.quotation", text=_one_line(quote.text))
        lines += ["", f"> {words}", ">", f"> — {_one_line(quote_credit(entry, hub, translator))}"]
    if entry.lead is not None and entry.lead_field != QUOTE_FIELD:
        lines += ["", f"**{translator('export.value')}:** {entry.lead}"]
    lines += ["", entry.body.strip()]
    if isinstance(entry, TimelineEvent) and entry.clocks:
        lines += ["", *(f"- {line}" for line in clock_lines(entry, translator))]
    if entry.note:
        lines += ["", f"**{translator('detail.note')}:** {_one_line(entry.note)}"]
    later = [(reference, hub.find(reference)) for reference in entry.later]
    if later:
        lines += ["", f"**{translator('detail.later')}:**", ""]
        lines += [
            f"- {translator.pane_title(reference.pane)}: {target.heading if target else reference.id} (`{reference}`)"
            for reference, target in later
        ]
    sources = hub.sources_of(entry)
    if numbers is not None:
        links = ", ".join(f"[{source.title}][{numbers[source.id]}]" for source in sources)
        lines += ["", f"{translator('detail.sources')}: {links}"]
    else:
        lines += ["", f"**{translator('detail.sources')}:**", ""]
        for source in sources:
            lines += source_markdown(source, translator)
    return lines


def to_markdown(hub: Hub) -> str:
    """One document: who compiled it and what it covers, every entry with its caveats, and the
    numbered sources with their archived copies and notes."""
    translator = Translator(hub.lang)
    numbers = {source_id: number for number, source_id in enumerate(hub.sources, start=1)}
    lines = [
        f"# {hub.title}",
        "",
        translator("export.publisher", organisation=hub.organisation),
        "",
        translator("export.coverage", coverage=coverage(hub, translator)),
    ]
    for pane in PANES:
        lines += ["", f"## {translator.pane_title(pane)}"]
        for entry in hub.entries(pane):
            lines += ["", *entry_markdown(entry, hub, translator, numbers)]
    lines += ["", f"## {translator('help.sources')}", ""]
    for source_id, source in hub.sources.items():
        lines += source_markdown(source, translator, numbers[source_id])
    lines.append("")
    for source_id, source in hub.sources.items():
        published = f", {translator.long_date(source.date)}" if source.date else ""
        title = _link_title(f"{source.title} — {source.publisher}{published}")
        lines.append(f"[{numbers[source_id]}]: <{addresses(source).cite}> ({title})")
    return "\n".join(lines) + "\n"


def _link_title(text: str) -> str:
    """A link title for `(…)`: in parentheses, not quotation marks, which belong only around a
    quote's words; a backslash or parenthesis in it escaped (CommonMark)."""
    return "".join(f"\\{char}" if char in "\\()" else char for char in _one_line(text))
