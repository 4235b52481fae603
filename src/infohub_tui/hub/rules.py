"""The rules of the content files, said once: the fields of each mapping, which are required, what
their values look like and what they mean.

The loader checks content against them (loader.py, which adds the rules JSON
Schema cannot say: a clock's dates in order, a quote's source among the
entry's sources, links that lead to an entry), and the JSON Schemas editors
validate with are written from them (schema.py). A pane's own fields are the
pane table's (`model.PANE_TABLE`); dates are `dates.py`'s where it exists. No
YAML here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from infohub_tui.hub.model import QUOTE_FIELD, SOURCE_KINDS

ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"
# One field's text: at 20,000 characters a body shown as text costs a key about 0.05 s more
# than a one-line one (measured; a 7.9 MB title took 24 s to switch panes).
MAX_FIELD_CHARS = 20_000
"""An id: kebab-case, lower-case letters and digits."""

WEB_URL_PATTERN = r"https?://[^\s/]+\S*"
# Zero-width characters, bidi controls and other format characters (Unicode category Cf), which
# make a link read as another: refused in a URL.
HIDDEN_IN_URL = "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
"""A link the reader may open: http or https, a host, no spaces."""


@dataclass(frozen=True)
class Rule:
    """One field of a mapping in a content file."""

    kind: str
    """What its value is: "id", "text", "date", "dates", "url", "choice", "ids" (a list of source
    ids), "references" (a list of pane:id), "quote" or "sources" (hub.yaml's list)."""
    required: bool = False
    description: str = ""
    """What it means, for the JSON Schema (and whoever reads this table)."""
    choices: tuple[str, ...] = ()
    """The values a "choice" may take."""


Rules = Mapping[str, Rule]

HUB_FIELDS: Rules = {
    "title": Rule("text", required=True),
    "organisation": Rule("text", required=True),
    "checked": Rule(
        "date",
        required=True,
        description="the day the editors last checked the content; no date in it is later",
    ),
    "sources": Rule("sources", required=True),
}

SOURCE_FIELDS: Rules = {
    "id": Rule("id", required=True),
    "title": Rule("text", required=True),
    "publisher": Rule("text", required=True),
    "url": Rule("url", required=True, description="the exact document, never a front page"),
    "date": Rule("date"),
    "archived": Rule("url", description="a web-archive copy as it was"),
    "note": Rule("text", description="what could or could not be checked"),
    "kind": Rule("choice", description="CSL type", choices=SOURCE_KINDS),
    "author": Rule("text"),
}

ENTRY_FIELDS: Rules = {
    "id": Rule("id", required=True),
    "sources": Rule("ids", required=True, description="ids from hub.yaml sources"),
    "see_also": Rule("references", description="links to other entries as pane:id"),
    "note": Rule("text", description="a note from this reader's editors"),
    "as_of": Rule("date", description="the day the entry was true"),
    "later": Rule("references", description="entries on what came after as_of"),
    QUOTE_FIELD: Rule(
        "quote",
        description="words someone said, verbatim, and the source they are quoted from; "
        "every other text of the entry is the editors'",
    ),
}
"""The fields every entry may have beside its pane's own."""

CLOCK_FIELDS: Rules = {
    "label": Rule("text", description="what the clock is, e.g. '45 days (EO 13942)'"),
    "ends": Rule("date", required=True, description="the deadline, on or after the event's date"),
    "extended_to": Rule("dates", description="later deadlines, each after the one before"),
    "stopped": Rule("date", description="the day the clock stopped (an injunction), by its last deadline"),
}
"""One window a timeline event starts (its `clocks`)."""

CLOCKS_DESCRIPTION = "windows this event starts: from its date to `ends`, maybe extended, maybe stopped"

QUOTE_FIELDS: Rules = {
    "text": Rule(
        "text", required=True, description="the words, verbatim, without quotation marks around them"
    ),
    "source": Rule(
        "id", required=True, description="the source they are quoted from: one of the entry's sources"
    ),
    "by": Rule("text", description="who said them, if not the entry's speaker"),
    "pinpoint": Rule("text", description="where in the source: section, page or paragraph"),
}
