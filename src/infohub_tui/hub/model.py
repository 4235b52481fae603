"""The content model: plain dataclasses, no Textual, no YAML, and the table of what each pane is."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from itertools import compress
from operator import attrgetter
from typing import Any, ClassVar, Literal


class Pane(StrEnum):
    """The four sections of the hub, in tab order."""

    STATEMENTS = "statements"
    FAQ = "faq"
    STORAGE = "storage"
    TIMELINE = "timeline"


PANES: tuple[Pane, ...] = tuple(Pane)

EVENT_KINDS: tuple[str, ...] = ("order", "deadline", "statement", "court", "deal", "other", "epilogue")

# What a source is, in CSL's own type names, so citations export without a mapping.
SOURCE_KINDS: tuple[str, ...] = (
    "webpage",
    "post-weblog",
    "article-newspaper",
    "legislation",
    "legal_case",
    "report",
)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    date: datetime.date | None = None
    archived: str | None = None
    """A web-archive copy of the page as it was, for pages that changed or vanished."""
    note: str | None = None
    """What the editors could or could not check about this source."""
    kind: str = "webpage"
    author: str | None = None

    @property
    def cited_url(self) -> str:
        """The address to cite: the archived copy where there is one (the page changed or vanished
        since), else the page's own."""
        return self.archived or self.url


@dataclass(frozen=True)
class Reference:
    """A `pane:id` link from one entry to another."""

    pane: Pane
    id: str

    def __str__(self) -> str:
        return f"{self.pane.value}:{self.id}"


@dataclass(frozen=True)
class Quote:
    """Words someone said or wrote, verbatim, and the source they are quoted from: the only text
    of an entry that a citation may put in quotation marks (everything else is the editors')."""

    text: str
    source: str
    """The id of the source the words stand in; always one of the entry's `sources`."""
    by: str | None = None
    """Who said them, where that is not the entry's speaker."""
    pinpoint: str | None = None
    """Where in the source: a section, page or paragraph."""


@dataclass(frozen=True, kw_only=True)
class Entry:
    """What every entry of every pane has; what it shows where is in its pane's row of `PANE_TABLE`."""

    id: str
    sources: tuple[str, ...]
    see_also: tuple[Reference, ...] = ()
    note: str | None = None
    """A note from this reader's editors, never the speaker's words."""
    as_of: datetime.date | None = None
    """The day the entry describes, for claims that were true only then."""
    later: tuple[Reference, ...] = ()
    """Entries on what came after `as_of`."""
    quote: Quote | None = None
    """Verbatim words with their source; every other text of the entry is the editors'."""

    pane: ClassVar[Pane]

    @property
    def reference(self) -> Reference:
        return Reference(self.pane, self.id)

    def _text(self, role: Role) -> str:
        text: str = getattr(self, PANE_TABLE[self.pane].field(role).attribute)
        return text

    @property
    def heading(self) -> str:
        return self._text("heading")

    @property
    def speaker(self) -> str:
        return self._text("speaker")

    @property
    def body(self) -> str:
        return self._text("body")

    @property
    def when(self) -> datetime.date | None:
        field = PANE_TABLE[self.pane].roles.get("when")
        when: datetime.date | None = getattr(self, field.attribute) if field else None
        return when

    @property
    def quoted_by(self) -> str:
        """Who said the quote's words: its own `by`, else the entry's speaker."""
        return (self.quote.by if self.quote else None) or self.speaker

    @property
    def lead(self) -> str | None:
        """A short line shown above the body: the pane's stated value, else the quote."""
        field = PANE_TABLE[self.pane].roles.get("lead")
        if field is not None:
            lead: str | None = getattr(self, field.attribute)
            return lead
        return self.quote.text if self.quote else None

    @property
    def heading_field(self) -> str:
        return PANE_TABLE[self.pane].field("heading").key

    @property
    def body_field(self) -> str:
        return PANE_TABLE[self.pane].field("body").key

    @property
    def lead_field(self) -> str | None:
        field = PANE_TABLE[self.pane].roles.get("lead")
        if field is not None:
            return field.key
        return QUOTE_FIELD if self.quote else None

    def _common_texts(self) -> tuple[tuple[str, str], ...]:
        """The quote's words and the editors' note, as (field name, text), where the entry has them."""
        common = ((QUOTE_FIELD, self.quote.text if self.quote else ""), ("note", self.note or ""))
        return tuple((name, text) for name, text in common if text)

    def search_texts(self) -> list[str]:
        """The texts of `searchable()`, without their names (what the search index is built from)."""
        texts: list[str] = list(filter(None, PANE_TABLE[self.pane].search_values(self)))
        texts.extend(text for _name, text in self._common_texts())
        return texts

    def searchable(self) -> tuple[tuple[str, str], ...]:
        """(field name, text) pairs of the pane's searchable fields that have text, the heading
        first, then the quote, and the editors' note last."""
        spec = PANE_TABLE[self.pane]
        values = spec.search_values(self)
        fields = tuple(compress(zip(spec.search_keys, values, strict=True), values))
        return (*fields, *self._common_texts())


QUOTE_FIELD = "quote"
"""The YAML key of an entry's quotation, on every pane."""


@dataclass(frozen=True, kw_only=True)
class Statement(Entry):
    date: datetime.date
    speaker_name: str
    title: str
    text: str

    pane: ClassVar[Pane] = Pane.STATEMENTS


@dataclass(frozen=True, kw_only=True)
class FaqEntry(Entry):
    question: str
    answer: str
    answered_by: str

    pane: ClassVar[Pane] = Pane.FAQ


@dataclass(frozen=True, kw_only=True)
class StorageFact(Entry):
    label: str
    value: str
    detail: str
    claimed_by: str

    pane: ClassVar[Pane] = Pane.STORAGE


@dataclass(frozen=True)
class Clock:
    """A window an event starts: from the event's date to `ends`, maybe extended, maybe stopped."""

    ends: datetime.date
    label: str | None = None
    extended_to: tuple[datetime.date, ...] = ()
    """Later deadlines, each after the one before."""
    stopped: datetime.date | None = None
    """The day the clock stopped (a court's injunction), on or before its last deadline."""

    @property
    def final_end(self) -> datetime.date:
        return self.extended_to[-1] if self.extended_to else self.ends


def entry_dates(entry: Entry) -> Iterator[tuple[str, datetime.date]]:
    """Every date an entry holds, by field name: its date, `as_of` and its clocks' deadlines."""
    if entry.when is not None:
        yield "date", entry.when
    if entry.as_of is not None:
        yield "as_of", entry.as_of
    for index, clock in enumerate(entry.clocks if isinstance(entry, TimelineEvent) else ()):
        yield f"clocks[{index}].ends", clock.ends
        for number, day in enumerate(clock.extended_to):
            yield f"clocks[{index}].extended_to[{number}]", day
        if clock.stopped is not None:
            yield f"clocks[{index}].stopped", clock.stopped


@dataclass(frozen=True, kw_only=True)
class TimelineEvent(Entry):
    date: datetime.date
    title: str
    kind: str
    actor: str
    text: str
    clocks: tuple[Clock, ...] = ()
    """The windows this event starts (45 days to comply, 90 days to divest)."""

    pane: ClassVar[Pane] = Pane.TIMELINE


FieldKind = Literal["text", "markdown", "date", "kind", "optional", "clocks"]
OPTIONAL_KINDS: frozenset[FieldKind] = frozenset({"optional", "clocks"})
"""Field kinds an entry may leave out."""
Role = Literal["heading", "speaker", "when", "lead", "body"]
DateOrder = Literal["oldest", "newest"]


@dataclass(frozen=True)
class Field:
    """One field of a pane's entries: its YAML key, the attribute it fills, how it is read,
    what the reader shows it as (`role`) and whether search looks into it."""

    key: str
    attribute: str
    kind: FieldKind = "text"
    role: Role | None = None
    searchable: bool = False


GAP = "gap"
"""A list column that is not a field: the days since the entry above."""
AS_OF = "as_of"
"""A list column of what every entry may have: the day its claim was true (`Entry.as_of`)."""


@dataclass(frozen=True)
class ListColumn:
    """One column of a pane's list: its label (a UI string key), the field it shows (or `GAP`, `AS_OF`)
    and its width; `flexible` columns share the width left over. Where the list is tight, fixed
    columns are left out from the right, except those to `keep`. In a list of two-line rows the
    field named `under` shows on the second line of this column (and not as a column of its own)."""

    label_key: str
    field: str
    width: int = 0
    flexible: bool = False
    keep: bool = False
    under: str | None = None


@dataclass(frozen=True)
class PaneSpec:
    """Everything that makes a pane what it is: its file, entry type, fields and list columns."""

    entry_type: type[Entry]
    file: str
    fields: tuple[Field, ...]
    columns: tuple[ListColumn, ...]
    date_order: DateOrder | None = None
    """Which way the list goes when it is in date order (see ordering.py); None: the pane has no dates."""

    @property
    def pane(self) -> Pane:
        return self.entry_type.pane

    @property
    def title_key(self) -> str:
        """The UI string key of the pane's tab title."""
        return f"tab.{self.pane.value}"

    @cached_property
    def roles(self) -> dict[Role, Field]:
        return {field.role: field for field in self.fields if field.role is not None}

    def field(self, role: Role) -> Field:
        return self.roles[role]

    @cached_property
    def by_key(self) -> dict[str, Field]:
        return {field.key: field for field in self.fields}

    @cached_property
    def _search_fields(self) -> tuple[Field, ...]:
        heading = self.field("heading")
        return (heading, *(f for f in self.fields if f.searchable and f is not heading))

    @cached_property
    def search_keys(self) -> tuple[str, ...]:
        return tuple(field.key for field in self._search_fields)

    @cached_property
    def search_values(self) -> Callable[[Entry], tuple[Any, ...]]:
        """The searchable fields' values of an entry, read in one call (search builds its index from them)."""
        attributes = [field.attribute for field in self._search_fields]
        getter: Callable[[Entry], Any] = attrgetter(*attributes)
        if len(attributes) == 1:
            return lambda entry: (getter(entry),)
        return getter


PANE_TABLE: dict[Pane, PaneSpec] = {
    spec.pane: spec
    for spec in (
        PaneSpec(
            Statement,
            "statements.yaml",
            fields=(
                Field("date", "date", "date", role="when"),
                Field("speaker", "speaker_name", role="speaker", searchable=True),
                Field("title", "title", role="heading", searchable=True),
                Field("body", "text", "markdown", role="body", searchable=True),
            ),
            columns=(
                ListColumn("column.date", "date", width=10, keep=True),
                ListColumn("column.speaker", "speaker", width=16),
                ListColumn("column.title", "title", flexible=True),
            ),
            date_order="newest",
        ),
        PaneSpec(
            FaqEntry,
            "faq.yaml",
            fields=(
                Field("question", "question", role="heading", searchable=True),
                Field("answer", "answer", "markdown", role="body", searchable=True),
                Field("answered_by", "answered_by", role="speaker"),
            ),
            columns=(
                ListColumn("column.question", "question", flexible=True),
                ListColumn("column.answered_by", "answered_by", width=18),
            ),
        ),
        PaneSpec(
            StorageFact,
            "storage.yaml",
            fields=(
                Field("label", "label", role="heading", searchable=True),
                Field("value", "value", role="lead", searchable=True),
                Field("detail", "detail", "markdown", role="body", searchable=True),
                Field("claimed_by", "claimed_by", role="speaker"),
            ),
            # Every value is someone's claim as of a day: who claims it and when stay in the list
            # (in two-line rows the day shows under the claimant, leaving the room to the claim).
            columns=(
                ListColumn("column.topic", "label", flexible=True),
                ListColumn("column.claim", "value", flexible=True),
                ListColumn("column.claimed_by", "claimed_by", width=16, keep=True, under=AS_OF),
                ListColumn("column.as_of", AS_OF, width=10, keep=True),
            ),
        ),
        PaneSpec(
            TimelineEvent,
            "timeline.yaml",
            fields=(
                Field("date", "date", "date", role="when"),
                Field("title", "title", role="heading", searchable=True),
                Field("kind", "kind", "kind"),
                Field("actor", "actor", role="speaker", searchable=True),
                Field("body", "text", role="body", searchable=True),
                Field("clocks", "clocks", "clocks"),
            ),
            columns=(
                ListColumn("column.date", "date", width=10, keep=True, under=GAP),
                ListColumn("column.gap", GAP, width=9),
                ListColumn("column.kind", "kind", width=10),
                ListColumn("column.event", "title", flexible=True),
                ListColumn("column.actor", "actor", width=16),
            ),
            date_order="oldest",
        ),
    )
}
"""One row per pane, in tab order: the model, loader, schema, export, list columns and
UI strings all read what a pane is from here."""


@dataclass(frozen=True)
class Hub:
    """One language's bundle of the whole hub."""

    lang: str
    title: str
    organisation: str
    checked: datetime.date
    """The day the editors last checked the content (hub.yaml `checked`); never before a date in it."""
    sources: dict[str, Source]
    entries_by_pane: dict[Pane, tuple[Entry, ...]]

    def entries(self, pane: Pane) -> tuple[Entry, ...]:
        return self.entries_by_pane.get(pane, ())

    @cached_property
    def timeline(self) -> tuple[TimelineEvent, ...]:
        """The Timeline pane's events as events, in date order (the chart and its SVG export read
        their clocks); `entries` keeps the order of the file."""
        events = (event for event in self.entries(Pane.TIMELINE) if isinstance(event, TimelineEvent))
        return tuple(sorted(events, key=attrgetter("date")))

    def all_entries(self) -> Iterator[Entry]:
        for pane in PANES:
            yield from self.entries(pane)

    @cached_property
    def _by_reference(self) -> dict[Reference, Entry]:
        return {entry.reference: entry for entry in self.all_entries()}

    def find(self, reference: Reference) -> Entry | None:
        return self._by_reference.get(reference)

    @cached_property
    def events_to(self) -> datetime.date | None:
        """The newest day an entry is dated (its date or `as_of`): how far the content covers events."""
        return max(
            (day for entry in self.all_entries() for day in (entry.when, entry.as_of) if day), default=None
        )

    def sources_of(self, entry: Entry) -> list[Source]:
        return [self.sources[source_id] for source_id in entry.sources if source_id in self.sources]
