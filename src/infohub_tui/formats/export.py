"""The whole hub as one Markdown document or as JSON that loads back into the same hub."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from infohub_tui.formats.clock_text import clock_lines
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


def _entry_data(entry: Entry) -> dict[str, Any]:
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


def _source_data(source: Source) -> dict[str, Any]:
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
            "updated": hub.updated.isoformat(),
            "sources": [_source_data(source) for source in hub.sources.values()],
        }
    }
    for pane, table in PANE_TABLE.items():
        files[table.file] = [_entry_data(entry) for entry in hub.entries(pane)]
    return {"lang": hub.lang, "files": files}


def to_json(hub: Hub) -> str:
    return json.dumps(to_data(hub), ensure_ascii=False, indent=2) + "\n"


def to_csl_json(hub: Hub) -> str:
    """Every source as CSL-JSON, the format Zotero, pandoc and citeproc read."""
    items = []
    for source in hub.sources.values():
        item: dict[str, Any] = {
            "id": source.id,
            "type": source.kind,
            "title": source.title,
            "publisher": source.publisher,
            "container-title": source.publisher,
            "URL": source.url,
            "language": hub.lang,
        }
        if source.author:
            item["author"] = [{"literal": source.author}]
        if source.date is not None:
            item["issued"] = {"date-parts": [[source.date.year, source.date.month, source.date.day]]}
        notes = [text for text in (source.note, source.archived and f"Archived: {source.archived}") if text]
        if notes:
            item["note"] = "\n".join(notes)
        if source.archived:
            item["archive"] = "Internet Archive"
            item["archive_location"] = source.archived
        items.append(item)
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


def to_markdown(hub: Hub) -> str:
    """One document: every entry with speaker and date, sources as numbered reference links."""
    translator = Translator(hub.lang)
    numbers = {source_id: number for number, source_id in enumerate(hub.sources, start=1)}
    lines = [
        f"# {hub.title}",
        "",
        f"{hub.organisation} · {translator('updated', date=translator.long_date(hub.updated))}",
    ]
    for pane in PANES:
        lines += ["", f"## {translator.pane_title(pane)}"]
        for entry in hub.entries(pane):
            lines += ["", f"### {entry.heading}", ""]
            byline = f"*{entry.speaker} {translator('detail.says')}*"
            if entry.when is not None:
                byline += f" · {translator.long_date(entry.when)}"
            lines.append(byline)
            if entry.lead:
                lines += ["", f"> {entry.lead}"]
            lines += ["", entry.body.strip(), ""]
            if isinstance(entry, TimelineEvent) and entry.clocks:
                lines += [f"- {line}" for line in clock_lines(entry, translator)] + [""]
            cited = ", ".join(
                f"[{hub.sources[s].title}][{numbers[s]}]" for s in entry.sources if s in hub.sources
            )
            lines.append(f"{translator('detail.sources')}: {cited}")
    lines += ["", f"## {translator('help.sources')}", ""]
    for source_id, source in hub.sources.items():
        published = f", {translator.long_date(source.date)}" if source.date else ""
        lines.append(f'[{numbers[source_id]}]: {source.url} "{source.title} — {source.publisher}{published}"')
    return "\n".join(lines) + "\n"
