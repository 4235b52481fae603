"""What the content covers and who made it, in one line for the header and the exports."""

from __future__ import annotations

from infohub_tui.hub.model import Hub
from infohub_tui.i18n import Translator


def coverage(hub: Hub, translator: Translator, short: bool = False) -> str:
    """`events to <newest dated entry> · checked <hub.yaml checked>`, the dates from the content;
    `short` writes them as the lists do (2025-09-30), for the header."""
    day = translator.short_date if short else translator.long_date
    parts = [translator("coverage.events_to", date=day(hub.events_to))] if hub.events_to else []
    parts.append(translator("coverage.checked", date=day(hub.checked)))
    return " · ".join(parts)


def header_line(hub: Hub, translator: Translator) -> str:
    """The app's subtitle: that this is an unofficial reader (not the organisation's site) and what
    it covers, short enough to fit beside the title at 120 columns, in both languages."""
    return f"{translator('coverage.independent')} · {coverage(hub, translator, short=True)}"
