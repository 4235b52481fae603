"""UI strings and date formats per language. Content is translated in `content/`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date

from infohub_tui.hub.model import EVENT_KINDS, PANE_TABLE, SOURCE_KINDS, Pane
from infohub_tui.i18n import de, en

DEFAULT_LANGUAGE = "en"


_MONTHS = {"en": en.MONTHS, "de": de.MONTHS}
# Month names as the timeline chart's axis shows them when full names do not fit.
_SHORT_MONTHS = {"en": en.SHORT_MONTHS, "de": de.SHORT_MONTHS}
CATALOGUES: dict[str, dict[str, str]] = {"en": en.STRINGS, "de": de.STRINGS}
"""Every UI string by language: one module per language (en.py, de.py)."""
BINDING_DESCRIPTIONS: dict[str, dict[str, str]] = {"de": de.BINDING_DESCRIPTIONS}
"""The key bindings' descriptions in languages other than English (bindings are declared in English)."""

LANGUAGES: tuple[str, ...] = tuple(CATALOGUES)


class Translator:
    """Looks up UI strings for one language, falling back to English."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in CATALOGUES else DEFAULT_LANGUAGE
        self._strings: Mapping[str, str] = CATALOGUES[self.lang]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Translator) and other.lang == self.lang

    def __hash__(self) -> int:
        return hash(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        template = self._strings.get(key) or CATALOGUES[DEFAULT_LANGUAGE][key]
        return template.format(**values) if values else template

    def pane_title(self, pane: Pane) -> str:
        """The tab title of `pane`."""
        return self(PANE_TABLE[pane].title_key)

    def describe(self, binding_id: str | None, description: str) -> str:
        """A binding's description in this language (bindings are declared in English)."""
        return BINDING_DESCRIPTIONS.get(self.lang, {}).get(binding_id or "", description)

    def byline(self, pane: Pane, speaker: str) -> tuple[str, str]:
        """The words before and after the speaker in an entry's byline ("Claimed by", ""): one
        neutral form per pane, whether the speaker is a person, an order or several reports."""
        before, _, after = self(f"byline.{pane.value}").partition("{speaker}")
        return before, after

    def quotation_marks(self) -> tuple[str, str]:
        """The marks before and after a quotation's words: “ ” or „ “."""
        before, _, after = self("citation.quotation").partition("{text}")
        return before, after

    def byline_text(self, pane: Pane, speaker: str) -> str:
        """The byline as one text, for exports and citations."""
        before, after = self.byline(pane, speaker)
        return f"{before}{speaker}{after}"

    def source_kind(self, kind: str) -> str:
        """What a source is (its CSL type), in words; an unknown type as it is written."""
        return self._strings.get(f"source_kind.{kind}") or CATALOGUES[DEFAULT_LANGUAGE].get(
            f"source_kind.{kind}", kind
        )

    def number(self, value: int) -> str:
        """A whole number with this language's thousands separator: 10,000 or 10.000."""
        grouped = f"{value:,}"
        return grouped.replace(",", ".") if self.lang == "de" else grouped

    def long_date(self, when: date | None) -> str:
        if when is None:
            return ""
        month = _MONTHS[self.lang][when.month - 1]
        if self.lang == "de":
            return f"{when.day}. {month} {when.year}"
        return f"{when.day} {month} {when.year}"

    def month_name(self, month: int, short: bool = False) -> str:
        """The name of a month (1-12), in full or as the chart's axis abbreviates it."""
        return (_SHORT_MONTHS if short else _MONTHS)[self.lang][month - 1]

    def chart_day(self, when: date) -> str:
        """A day as the chart's labels give it: 20 Sep 2020, 20. Sep. 2020."""
        month = _SHORT_MONTHS[self.lang][when.month - 1]
        return f"{when.day}. {month} {when.year}" if self.lang == "de" else f"{when.day} {month} {when.year}"

    def short_date(self, when: date | None) -> str:
        if when is None:
            return ""
        if self.lang == "de":
            return f"{when.day:02d}.{when.month:02d}.{when.year}"
        return when.isoformat()

    def gap(self, previous: date | None, current: date | None) -> str:
        if previous is None or current is None:
            return self("gap.first")
        days = (current - previous).days
        # Signed: in the order of the content file (`S`) the entry above may be later.
        return self("gap.same") if days == 0 else self("gap.days", days=f"{days:+d}")


def table_keys() -> set[str]:
    """The UI string keys the pane table names: tab titles, list column labels, event kinds."""
    keys = {table.title_key for table in PANE_TABLE.values()}
    keys |= {column.label_key for table in PANE_TABLE.values() for column in table.columns}
    keys |= {f"byline.{pane.value}" for pane in PANE_TABLE}
    keys |= {f"source_kind.{kind}" for kind in SOURCE_KINDS}
    return keys | {f"kind.{kind}" for kind in EVENT_KINDS}


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The UI language from LC_ALL, LC_MESSAGES or LANG, as POSIX orders them."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in CATALOGUES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
