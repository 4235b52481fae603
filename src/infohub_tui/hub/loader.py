"""Load and validate one language's content directory into a `Hub`."""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from infohub_tui.hub.content_files import HUB_FILE, languages_in
from infohub_tui.hub.dates import out_of_range
from infohub_tui.hub.model import (
    EVENT_KINDS,
    OPTIONAL_KINDS,
    PANE_TABLE,
    QUOTE_FIELD,
    Clock,
    Entry,
    Hub,
    Pane,
    Quote,
    Reference,
    Source,
    entry_dates,
)
from infohub_tui.hub.rules import (
    CLOCK_FIELDS,
    ENTRY_FIELDS,
    HIDDEN_IN_URL,
    HUB_FIELDS,
    ID_PATTERN,
    MAX_FIELD_CHARS,
    QUOTE_FIELDS,
    SOURCE_FIELDS,
    WEB_URL_PATTERN,
    Rules,
)
from infohub_tui.hub.source_urls import not_a_document
from infohub_tui.hub.yaml_source import ContentError, Problem, problem_at, read_yaml
from infohub_tui.text.sanitize import clean_text, visible

_Day = date  # inside _Fields, `date` names its method

_ID = re.compile(ID_PATTERN)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEB_URL = re.compile(WEB_URL_PATTERN)
_HIDDEN_IN_URL = re.compile(HIDDEN_IN_URL)
_TAG_NAMES = {
    "str": "text",
    "int": "a number",
    "float": "a number",
    "bool": "true/false",
    "null": "nothing",
    "timestamp": "a date",
}


@dataclass
class _PendingReferences:
    """Sources and see-also links, checked once every file is read."""

    sources: list[tuple[str, Node, str, str]] = field(default_factory=list)
    see_also: list[tuple[str, Node, str, Reference]] = field(default_factory=list)


class _Fields:
    """Typed access to one YAML mapping, recording problems with field names; which fields it may
    have and which are required are its `rules` (rules.py), unless a reader says otherwise."""

    def __init__(self, reader: _FileReader, node: MappingNode, where: str, rules: Rules) -> None:
        self.reader = reader
        self.node = node
        self.where = where
        self.rules = rules
        self.values: dict[str, Node] = {}
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                self.values[key.value] = value

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _required(self, key: str, required: bool | None) -> bool:
        """Whether `key` must be there: as its rule says, unless the caller says (a pane's own field)."""
        if required is not None:
            return required
        rule = self.rules.get(key)
        return rule.required if rule is not None else True

    def _get(self, key: str, required: bool | None) -> Node | None:
        required = self._required(key, required)
        value = self.values.get(key)
        if value is None or (isinstance(value, ScalarNode) and value.tag.endswith(":null")):
            if required:
                self.reader.problem(value or self.node, f"{self._name(key)}: required field missing")
            return None
        return value

    def text(self, key: str, required: bool | None = None) -> str | None:
        node = self._get(key, required)
        if node is None:
            return None
        if not isinstance(node, ScalarNode) or not node.tag.endswith(":str"):
            self.reader.problem(node, f"{self._name(key)}: expected text, got {_describe(node)}")
            return None
        text = clean_text(node.value).strip()
        if self._required(key, required) and not text:
            self.reader.problem(node, f"{self._name(key)}: must not be empty")
            return None
        if len(text) > MAX_FIELD_CHARS:
            self.reader.problem(
                node,
                f"{self._name(key)}: {len(text):,} characters, over the limit of {MAX_FIELD_CHARS:,}"
                " (more than the reader can draw at once)",
            )
            return None
        return text

    def date(self, key: str, required: bool | None = None) -> date | None:
        node = self._get(key, required)
        if node is None:
            return None
        return self._date_at(node, self._name(key))

    def _date_at(self, node: Node, name: str) -> _Day | None:
        value = node.value if isinstance(node, ScalarNode) else None
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            self.reader.problem(node, f"{name}: expected a date as YYYY-MM-DD")
            return None
        try:
            day = date.fromisoformat(value)
        except ValueError:
            self.reader.problem(node, f"{name}: {value} is not a date that exists")
            return None
        outside = out_of_range(day)
        if outside is not None:
            self.reader.problem(node, f"{name}: {outside}")
            return None
        return day

    def dates(self, key: str) -> list[tuple[Node, str, _Day]]:
        """An optional list of dates: (node, field name, date) for each valid one."""
        node = self._get(key, required=False)
        if node is None:
            return []
        if not isinstance(node, SequenceNode):
            self.reader.problem(node, f"{self._name(key)}: expected a list, got {_describe(node)}")
            return []
        days: list[tuple[Node, str, _Day]] = []
        for index, item in enumerate(node.value):
            name = f"{self._name(key)}[{index}]"
            day = self._date_at(item, name)
            if day is not None:
                days.append((item, name, day))
        return days

    def clocks(self, key: str, start: _Day | None) -> tuple[Clock, ...] | None:
        """The windows an event starts (None if any is invalid; every problem is reported)."""
        node = self._get(key, required=False)
        if node is None:
            return ()
        if not isinstance(node, SequenceNode):
            self.reader.problem(node, f"{self._name(key)}: expected a list, got {_describe(node)}")
            return None
        clocks: list[Clock] = []
        valid = True
        for index, item in enumerate(node.value):
            clock = self._clock(item, f"{self._name(key)}[{index}]", start)
            valid &= clock is not None
            if clock is not None:
                clocks.append(clock)
        return tuple(clocks) if valid else None

    def _clock(self, node: Node, where: str, start: _Day | None) -> Clock | None:
        fields = self.reader.mapping(node, where, CLOCK_FIELDS)
        if fields is None:
            return None
        problems = len(self.reader.problems)
        fields.unknown_keys()
        label = fields.text("label") or None
        ends = fields.date("ends")
        extended: list[_Day] = []
        previous = ends
        for item, name, day in fields.dates("extended_to"):
            if previous is not None and day <= previous:
                self.reader.problem(item, f"{name}: {day} is not after {previous}")
            extended.append(day)
            previous = day
        stopped = fields.date("stopped")
        if ends is not None and start is not None and ends < start:
            self.reader.problem(
                fields.values["ends"], f"{where}.ends: {ends} is before the event's date {start}"
            )
        if stopped is not None and start is not None and stopped < start:
            self.reader.problem(
                fields.values["stopped"], f"{where}.stopped: {stopped} is before the event's date {start}"
            )
        last = extended[-1] if extended else ends
        if stopped is not None and last is not None and stopped > last:
            self.reader.problem(
                fields.values["stopped"], f"{where}.stopped: {stopped} is after the clock ran out ({last})"
            )
        if ends is None or len(self.reader.problems) > problems:
            return None
        return Clock(ends=ends, label=label, extended_to=tuple(extended), stopped=stopped)

    def quote(self, key: str, sources: tuple[str, ...]) -> Quote | None:
        """An entry's quotation: verbatim `text` and the `source` it is quoted from, one of the
        entry's `sources`; optionally who said it (`by`) and where in the source (`pinpoint`)."""
        node = self._get(key, None)
        if node is None:
            return None
        name = self._name(key)
        if isinstance(node, ScalarNode):
            self.reader.problem(
                node,
                f"{name}: expected a mapping with text and source, got {_describe(node)}"
                " (write the words under `text:` and the id of the source they are quoted from under `source:`)",
            )
            return None
        fields = self.reader.mapping(node, name, QUOTE_FIELDS)
        if fields is None:
            return None
        problems = len(self.reader.problems)
        fields.unknown_keys()
        text = fields.text("text")
        source = fields.text("source")
        by = fields.text("by") or None
        pinpoint = fields.text("pinpoint") or None
        if source is not None and source not in sources:
            self.reader.problem(
                fields.values["source"],
                f"{name}.source: {source!r} is not one of the entry's sources ({', '.join(sources) or 'none'})",
            )
        if text is None or source is None or len(self.reader.problems) > problems:
            return None
        return Quote(text=text, source=source, by=by, pinpoint=pinpoint)

    def entry_id(self) -> str | None:
        value = self.text("id")
        node = self.values.get("id")
        if value is None or node is None:
            return None
        if not _ID.fullmatch(value):
            self.reader.problem(node, f"{self._name('id')}: {value!r} is not kebab-case")
            return None
        return value

    def choice(self, key: str, options: tuple[str, ...] = (), required: bool | None = None) -> str | None:
        """One of `options` (default: the choices of the key's rule)."""
        options = options or self.rules[key].choices
        value = self.text(key, required)
        node = self.values.get(key)
        if value is not None and node is not None and value not in options:
            self.reader.problem(node, f"{self._name(key)}: {value!r} is not one of {', '.join(options)}")
            return None
        return value

    def url(self, key: str, required: bool | None = None) -> str | None:
        value = self.text(key, required)
        node = self.values.get(key)
        if value is not None and node is not None and not _WEB_URL.fullmatch(value):
            self.reader.problem(node, f"{self._name(key)}: only http and https URLs are allowed")
            return None
        if value is not None and node is not None and _HIDDEN_IN_URL.search(str(node.value)):  # as written
            self.reader.problem(
                node, f"{self._name(key)}: has invisible or direction-changing characters (a spoofed link?)"
            )
            return None
        return value

    def text_list(self, key: str, required: bool | None = None) -> list[tuple[Node, str]]:
        node = self._get(key, required)
        if node is None:
            return []
        if not isinstance(node, SequenceNode):
            self.reader.problem(node, f"{self._name(key)}: expected a list, got {_describe(node)}")
            return []
        if self._required(key, required) and not node.value:
            self.reader.problem(node, f"{self._name(key)}: must list at least one")
        items: list[tuple[Node, str]] = []
        for index, item in enumerate(node.value):
            if isinstance(item, ScalarNode) and item.tag.endswith(":str"):
                items.append((item, item.value.strip()))
            else:
                self.reader.problem(item, f"{self._name(key)}[{index}]: expected text, got {_describe(item)}")
        return items

    def references(self, key: str, pending: _PendingReferences) -> tuple[Reference, ...]:
        """A list of `pane:id` links, each checked once every file is read; no link twice."""
        references: list[Reference] = []
        for node, text in self.text_list(key):
            reference = _parse_reference(text)
            if reference is None:
                self.reader.problem(node, f"{self._name(key)}: {text!r} is not pane:id")
                continue
            if reference in references:
                self.reader.problem(node, f"{self._name(key)}: {text} is listed twice")
                continue
            references.append(reference)
            pending.see_also.append((self.reader.shown, node, self._name(key), reference))
        return tuple(references)

    def unknown_keys(self, also: Iterable[str] = ()) -> None:
        """Report every key that is neither one of the rules' fields nor in `also`."""
        known = {*self.rules, *also}
        for key, _value in self.node.value:
            if isinstance(key, ScalarNode) and key.value not in known:
                self.reader.problem(key, f"{self._name(visible(key.value))}: unknown field")


class _FileReader:
    def __init__(self, directory: Path, name: str, problems: list[Problem]) -> None:
        self.path = directory / name
        self.shown = str(self.path)
        self.problems = problems
        self.checked_node: Node | None = None
        """hub.yaml's `checked`, for the problem of a date in the content after it."""

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(problem_at(self.shown, node, message))

    def root(self) -> Node | None:
        try:
            node = read_yaml(self.path, self.shown)
        except ContentError as error:
            self.problems.extend(error.problems)
            return None
        if node is None:
            self.problems.append(Problem(self.shown, 1, 1, "file is empty"))
        return node

    def mapping(self, node: Node, where: str, rules: Rules) -> _Fields | None:
        if not isinstance(node, MappingNode):
            self.problem(node, f"{where}: expected a mapping, got {_describe(node)}")
            return None
        return _Fields(self, node, where, rules)

    def entries(
        self,
        root: Node | None,
        pane: Pane,
        pending: _PendingReferences,
    ) -> list[Entry]:
        if root is None:
            return []
        if not isinstance(root, SequenceNode):
            self.problem(root, f"{pane.value}: expected a list of entries, got {_describe(root)}")
            return []
        entries: list[Entry] = []
        seen: dict[str, Node] = {}
        for index, node in enumerate(root.value):
            where = f"{pane.value}[{index}]"
            fields = self.mapping(node, where, ENTRY_FIELDS)
            if fields is None:
                continue
            fields.unknown_keys(PANE_TABLE[pane].by_key)
            entry_id = fields.entry_id()
            if entry_id is not None:
                if entry_id in seen:
                    self.problem(fields.values["id"], f"{where}.id: duplicate id {entry_id!r}")
                seen[entry_id] = node
            source_ids = fields.text_list("sources")
            for source_node, source_id in source_ids:
                pending.sources.append((self.shown, source_node, f"{where}.sources", source_id))
            editorial = _Editorial(
                see_also=fields.references("see_also", pending),
                note=fields.text("note") or None,
                as_of=fields.date("as_of"),
                later=fields.references("later", pending),
                quote=fields.quote(QUOTE_FIELD, tuple(s for _n, s in source_ids)),
            )
            if editorial.later and editorial.as_of is None:
                self.problem(fields.values["later"], f"{where}.later: needs as_of, the day it was true")
            entry = _build_entry(pane, fields, entry_id or "", tuple(s for _n, s in source_ids), editorial)
            if entry is not None and entry_id is not None:
                entries.append(entry)
        return entries


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return _TAG_NAMES.get(node.tag.rsplit(":", 1)[-1], node.tag)


def _parse_reference(text: str) -> Reference | None:
    pane_name, _, entry_id = text.partition(":")
    if pane_name not in {pane.value for pane in Pane} or not _ID.fullmatch(entry_id):
        return None
    return Reference(Pane(pane_name), entry_id)


@dataclass(frozen=True)
class _Editorial:
    """The fields every entry may have beside its pane's own."""

    see_also: tuple[Reference, ...]
    note: str | None
    as_of: date | None
    later: tuple[Reference, ...]
    quote: Quote | None


QUOTE_KEYS = set(QUOTE_FIELDS)  # what a quote may say (tests/test_authoring.py compares the schema)


def _build_entry(
    pane: Pane, f: _Fields, entry_id: str, sources: tuple[str, ...], editorial: _Editorial
) -> Entry | None:
    """Read the pane's fields (reporting every problem) and build its entry if all are valid."""
    values: dict[str, Any] = {}
    complete = True
    table = PANE_TABLE[pane]
    for spec in table.fields:
        value: object
        if spec.kind == "date":
            value = f.date(spec.key)
        elif spec.kind == "kind":
            value = f.choice(spec.key, EVENT_KINDS)
        elif spec.kind == "clocks":
            start = values.get("date")
            value = f.clocks(spec.key, start if isinstance(start, date) else None)
        else:
            value = f.text(spec.key, required=spec.kind not in OPTIONAL_KINDS) or None
        complete &= value is not None or spec.kind == "optional"
        values[spec.attribute] = value
    if not complete:
        return None
    return table.entry_type(
        id=entry_id,
        sources=sources,
        see_also=editorial.see_also,
        note=editorial.note,
        as_of=editorial.as_of,
        later=editorial.later,
        quote=editorial.quote,
        **values,
    )


def _hub_header(
    reader: _FileReader, cited_ids: set[str]
) -> tuple[dict[str, str | date | None], dict[str, Source] | None]:
    """The hub's title fields and its valid sources (None if the list is unreadable).

    Every declared source id goes into `cited_ids`, valid or not, so that a bad
    source is reported once rather than again at every entry citing it.
    """
    root = reader.root()
    header: dict[str, str | date | None] = {}
    sources: dict[str, Source] = {}
    if root is None:
        return header, None
    fields = reader.mapping(root, "", HUB_FIELDS)
    if fields is None:
        return header, None
    if "updated" in fields.values:
        reader.problem(
            next(key for key, _value in fields.node.value if getattr(key, "value", None) == "updated"),
            "updated: renamed `checked`: the day the editors last checked the content",
        )
    fields.unknown_keys(also={"updated"})  # said above
    header = {
        "title": fields.text("title"),
        "organisation": fields.text("organisation"),
        "checked": fields.date("checked", required="updated" not in fields.values),  # said once
    }
    reader.checked_node = fields.values.get("checked")
    source_list = fields.values.get("sources")
    if source_list is None:
        reader.problem(root, "sources: required field missing")
        return header, None
    if not isinstance(source_list, SequenceNode):
        reader.problem(source_list, f"sources: expected a list, got {_describe(source_list)}")
        return header, None
    for index, node in enumerate(source_list.value):
        where = f"sources[{index}]"
        source = reader.mapping(node, where, SOURCE_FIELDS)
        if source is None:
            continue
        source.unknown_keys()
        source_id = source.entry_id()
        if source_id is not None:
            cited_ids.add(source_id)
        title, publisher, url = source.text("title"), source.text("publisher"), source.url("url")
        published = source.date("date")
        archived = source.url("archived")
        note = source.text("note") or None
        kind = source.choice("kind")
        author = source.text("author") or None
        if url is not None and (archived is None or note is None):
            reason = not_a_document(url)
            if reason is not None:
                reader.problem(
                    source.values["url"],
                    f"{where}.url: {reason}, not the document itself; "
                    "link the document, or add `archived` and a `note` saying why not",
                )
        if source_id is None or title is None or publisher is None or url is None:
            continue
        if source_id in sources:
            reader.problem(source.values["id"], f"{where}.id: duplicate id {source_id!r}")
            continue
        sources[source_id] = Source(
            source_id, title, publisher, url, published, archived, note, kind or "webpage", author
        )
    return header, sources


def _check_checked(
    reader: _FileReader, node: Node, checked: date, panes: dict[Pane, list[Entry]], sources: dict[str, Source]
) -> None:
    """`checked` says when the content was last checked: no date in it may be later."""
    dated = [
        (day, f"{PANE_TABLE[pane].file}: {entry.id}.{name}")
        for pane, entries in panes.items()
        for entry in entries
        for name, day in entry_dates(entry)
    ]
    dated += [
        (source.date, f"{HUB_FILE}: sources {source.id}.date") for source in sources.values() if source.date
    ]
    if dated:
        newest, where = max(dated)
        if newest > checked:
            reader.problem(
                node, f"checked: {checked} is earlier than {newest}, a date in the content ({where})"
            )


def not_a_content_directory(directory: Path) -> Problem:
    """The one wording for a directory without any hub, from the app, `--content` and `validate`."""
    return Problem(
        str(directory), 0, 0, f"not a content directory: expected {directory / '<lang>' / HUB_FILE}"
    )


def load_hub(directory: Path, lang: str, only: Collection[Pane] | None = None) -> Hub:
    """Read `directory/<lang>/` and return its Hub, or raise ContentError listing every problem.

    With `only`, only those panes' files are read (the others' lists are empty, and links into
    them are not checked): the first pane of large content, shown while the rest is read."""
    language_dir = directory / lang
    problems: list[Problem] = []
    if not os.path.lexists(language_dir / HUB_FILE):  # a pipe or a device there is reported when read
        if not languages_in(directory):
            raise ContentError([not_a_content_directory(directory)])
        raise ContentError([Problem(str(language_dir / HUB_FILE), 1, 1, f"no content for language {lang!r}")])
    declared_sources: set[str] = set()
    hub_reader = _FileReader(language_dir, HUB_FILE, problems)
    header, sources = _hub_header(hub_reader, declared_sources)
    pending = _PendingReferences()
    panes: dict[Pane, list[Entry]] = {}
    for pane, table in PANE_TABLE.items():
        if only is not None and pane not in only:
            panes[pane] = []
            continue
        reader = _FileReader(language_dir, table.file, problems)
        panes[pane] = reader.entries(reader.root(), pane, pending)
    for shown, node, where, source_id in pending.sources:
        if sources is not None and source_id not in declared_sources:
            problems.append(problem_at(shown, node, f"{where}: unknown source {source_id!r}"))
    ids = {pane: {entry.id for entry in entries} for pane, entries in panes.items()}
    for shown, node, where, reference in pending.see_also:
        if reference.id not in ids[reference.pane] and (only is None or reference.pane in only):
            problems.append(problem_at(shown, node, f"{where}: no entry {reference}"))
    title, organisation, checked = header.get("title"), header.get("organisation"), header.get("checked")
    if isinstance(checked, date) and hub_reader.checked_node is not None:
        _check_checked(hub_reader, hub_reader.checked_node, checked, panes, sources or {})
    if problems:
        raise ContentError(problems)
    assert isinstance(title, str) and isinstance(organisation, str) and isinstance(checked, date)
    return Hub(
        lang=lang,
        title=title,
        organisation=organisation,
        checked=checked,
        sources=sources or {},
        entries_by_pane={pane: tuple(entries) for pane, entries in panes.items()},  # as in the file
    )
