"""The content model: plain dataclasses, no Textual, no YAML."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import ClassVar


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


@dataclass(frozen=True)
class Reference:
    """A `pane:id` link from one entry to another."""

    pane: Pane
    id: str

    def __str__(self) -> str:
        return f"{self.pane.value}:{self.id}"


@dataclass(frozen=True, kw_only=True)
class Entry:
    """What every entry of every pane has."""

    id: str
    sources: tuple[str, ...]
    see_also: tuple[Reference, ...] = ()
    note: str | None = None
    """A note from this reader's editors, never the speaker's words."""
    as_of: datetime.date | None = None
    """The day the entry describes, for claims that were true only then."""
    later: tuple[Reference, ...] = ()
    """Entries on what came after `as_of`."""

    pane: ClassVar[Pane] = Pane.STATEMENTS
    heading_field: ClassVar[str] = "title"
    lead_field: ClassVar[str | None] = None
    body_field: ClassVar[str] = "body"

    @property
    def reference(self) -> Reference:
        return Reference(self.pane, self.id)

    @property
    def heading(self) -> str:
        raise NotImplementedError

    @property
    def speaker(self) -> str:
        raise NotImplementedError

    @property
    def when(self) -> datetime.date | None:
        return None

    @property
    def body(self) -> str:
        raise NotImplementedError

    @property
    def lead(self) -> str | None:
        """A short line shown above the body: a quote or a stated value."""
        return None

    def searchable(self) -> tuple[tuple[str, str], ...]:
        """(field name, text) pairs; the heading field first, the editors' note last."""
        fields = self.own_fields()
        return (*fields, ("note", self.note)) if self.note else fields

    def own_fields(self) -> tuple[tuple[str, str], ...]:
        """The pane's own searchable (field name, text) pairs."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class Statement(Entry):
    date: datetime.date
    speaker_name: str
    title: str
    text: str
    quote: str | None = None

    pane: ClassVar[Pane] = Pane.STATEMENTS
    lead_field: ClassVar[str | None] = "quote"

    @property
    def heading(self) -> str:
        return self.title

    @property
    def speaker(self) -> str:
        return self.speaker_name

    @property
    def when(self) -> datetime.date | None:
        return self.date

    @property
    def body(self) -> str:
        return self.text

    @property
    def lead(self) -> str | None:
        return self.quote

    def own_fields(self) -> tuple[tuple[str, str], ...]:
        fields = [("title", self.title), ("speaker", self.speaker_name), ("body", self.text)]
        if self.quote:
            fields.append(("quote", self.quote))
        return tuple(fields)


@dataclass(frozen=True, kw_only=True)
class FaqEntry(Entry):
    question: str
    answer: str
    answered_by: str

    pane: ClassVar[Pane] = Pane.FAQ
    heading_field: ClassVar[str] = "question"
    body_field: ClassVar[str] = "answer"

    @property
    def heading(self) -> str:
        return self.question

    @property
    def speaker(self) -> str:
        return self.answered_by

    @property
    def body(self) -> str:
        return self.answer

    def own_fields(self) -> tuple[tuple[str, str], ...]:
        return (("question", self.question), ("answer", self.answer))


@dataclass(frozen=True, kw_only=True)
class StorageFact(Entry):
    label: str
    value: str
    detail: str
    claimed_by: str

    pane: ClassVar[Pane] = Pane.STORAGE
    heading_field: ClassVar[str] = "label"
    lead_field: ClassVar[str | None] = "value"
    body_field: ClassVar[str] = "detail"

    @property
    def heading(self) -> str:
        return self.label

    @property
    def speaker(self) -> str:
        return self.claimed_by

    @property
    def body(self) -> str:
        return self.detail

    @property
    def lead(self) -> str | None:
        return self.value

    def own_fields(self) -> tuple[tuple[str, str], ...]:
        return (("label", self.label), ("value", self.value), ("detail", self.detail))


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

    @property
    def heading(self) -> str:
        return self.title

    @property
    def speaker(self) -> str:
        return self.actor

    @property
    def when(self) -> datetime.date | None:
        return self.date

    @property
    def body(self) -> str:
        return self.text

    def own_fields(self) -> tuple[tuple[str, str], ...]:
        return (("title", self.title), ("actor", self.actor), ("body", self.text))


@dataclass(frozen=True)
class Hub:
    """One language's bundle of the whole hub."""

    lang: str
    title: str
    organisation: str
    updated: datetime.date
    sources: dict[str, Source]
    statements: tuple[Statement, ...]
    faq: tuple[FaqEntry, ...]
    storage: tuple[StorageFact, ...]
    timeline: tuple[TimelineEvent, ...]

    def entries(self, pane: Pane) -> tuple[Entry, ...]:
        return {
            Pane.STATEMENTS: self.statements,
            Pane.FAQ: self.faq,
            Pane.STORAGE: self.storage,
            Pane.TIMELINE: self.timeline,
        }[pane]

    def all_entries(self) -> Iterator[Entry]:
        for pane in PANES:
            yield from self.entries(pane)

    @cached_property
    def _by_reference(self) -> dict[Reference, Entry]:
        return {entry.reference: entry for entry in self.all_entries()}

    def find(self, reference: Reference) -> Entry | None:
        return self._by_reference.get(reference)

    def sources_of(self, entry: Entry) -> list[Source]:
        return [self.sources[source_id] for source_id in entry.sources if source_id in self.sources]
