"""Every key binding of the app, in one place, and how the help screen and key bar show them.

Each binding has an id; users remap keys by id in the `[keymap]` table of the
config file (see README), which Textual applies through `App.set_keymap`.
The reader's keys are bound on the reader screen, so a modal screen on top of
it (search, help, bookmarks, palette) switches them off; `app.` actions are
the app's own (quit, language, theme).

Each key means one thing on the reading screen: the number keys always switch
panes, the see-also links are a list of their own (reached with enter from the
entry), and the paging keys page the entry wherever the focus is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.app import App

from infohub_tui.hub.model import PANES

PANE_NAMES = {"statements": "Statements", "faq": "FAQ", "storage": "Data storage", "timeline": "Timeline"}

READER: list[Binding] = [
    Binding("q", "app.quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("slash", "search", "Search", id="search"),
    Binding("right_square_bracket", "next_pane", "Next section", show=False, id="next-pane"),
    Binding("left_square_bracket", "previous_pane", "Previous section", show=False, id="previous-pane"),
    Binding("tab", "next_pane", "Next section", show=False, priority=True, id="next-pane-tab"),
    Binding(
        "shift+tab",
        "previous_pane",
        "Previous section",
        show=False,
        priority=True,
        id="previous-pane-tab",
    ),
    *(
        Binding(
            str(number),
            f"show_pane('{pane.value}')",
            PANE_NAMES[pane.value],
            show=False,
            id=f"pane-{pane.value}",
        )
        for number, pane in enumerate(PANES, start=1)
    ),
    Binding("space,ctrl+d", "page_entry(1)", "Page the entry down", show=False, id="page-entry-down"),
    Binding("b,ctrl+u", "page_entry(-1)", "Page the entry up", show=False, id="page-entry-up"),
    Binding("o", "open_source", "Open source", id="open-source"),
    Binding("O", "open_archived", "Open archived copy", show=False, id="open-archived"),
    Binding("s", "next_source", "Next source", show=False, id="next-source"),
    Binding("c", "copy_citation", "Copy citation", id="copy-citation"),
    Binding("y", "copy_link", "Copy link", show=False, id="copy-link"),
    Binding("Y", "copy_live", "Copy live link", show=False, id="copy-live"),
    Binding("R", "sources", "Sources", show=False, id="sources"),
    Binding("escape", "clear_search", "Clear search", show=False, id="clear-search"),
    Binding("n", "next_match", "Next match", show=False, id="next-match"),
    Binding("N", "previous_match", "Previous match", show=False, id="previous-match"),
    Binding("L", "app.switch_language", "Language", id="switch-language"),
    Binding("m", "toggle_bookmark", "Bookmark", id="toggle-bookmark"),
    Binding("B", "bookmarks", "All bookmarks", show=False, id="bookmarks"),
    Binding("u", "toggle_read", "Read/unread", show=False, id="toggle-read"),
    Binding("U", "next_unread", "Next unread", show=False, id="next-unread"),
    Binding("t", "app.next_theme", "Theme", show=False, id="next-theme"),
    Binding("backspace,alt+left", "history_back", "Back", show=False, id="history-back"),
    Binding("alt+right", "history_forward", "Forward", show=False, id="history-forward"),
    Binding("v", "toggle_chart", "Timeline chart/list", show=False, id="toggle-chart"),
    Binding("S", "toggle_sort", "Sort by date / as published", show=False, id="toggle-sort"),
]

# The list keys are the reader screen's, acting on the visible pane's list: switching
# panes never moves the focus (see BENCHMARKS.md).
ENTRY_TABLE: list[Binding] = [
    Binding("enter", "list('open_entry')", "Read", id="open-entry"),
    Binding("j,down", "list('cursor_down')", "Next entry", show=False, id="cursor-down"),
    Binding("k,up", "list('cursor_up')", "Previous entry", show=False, id="cursor-up"),
    Binding("g,home", "list('first')", "First entry", show=False, id="first-entry"),
    Binding("G,end", "list('last')", "Last entry", show=False, id="last-entry"),
    Binding("pagedown", "list('page_down')", "List page down", show=False, id="page-down"),
    Binding("pageup", "list('page_up')", "List page up", show=False, id="page-up"),
]

ENTRY_DETAIL: list[Binding] = [
    Binding("escape", "back_to_list", "Back to the list", id="back-to-list"),
    Binding("enter", "focus_links", "See also links", show=False, id="focus-links"),
    Binding("j,down", "scroll_down", "Scroll down", show=False, id="detail-scroll-down"),
    Binding("k,up", "scroll_up", "Scroll up", show=False, id="detail-scroll-up"),
    Binding("g,home", "scroll_home", "Top", show=False, id="detail-top"),
    Binding("G,end", "scroll_end", "Bottom", show=False, id="detail-bottom"),
]

# The entry's see-also links: a list under the entry, reached with enter from the entry.
LINK_LIST: list[Binding] = [
    Binding("j,down", "cursor_down", "Next link", show=False, id="link-down"),
    Binding("k,up", "cursor_up", "Previous link", show=False, id="link-up"),
    Binding("enter", "select", "Follow the link", show=False, id="follow-link"),
    Binding("escape", "back_to_entry", "Back to the entry", show=False, id="links-back"),
]

# The timeline chart's own keys: how much of the time it shows (bound on the chart, and on the
# app while the chart is on screen, so they work without moving the focus).
TIMELINE_CHART: list[Binding] = [
    Binding("plus,equals_sign", "zoom_in", "Zoom in", id="chart-zoom-in"),
    Binding("minus", "zoom_out", "Zoom out", id="chart-zoom-out"),
    Binding("h,left", "pan_left", "Earlier", id="chart-pan-left"),
    Binding("l,right", "pan_right", "Later", id="chart-pan-right"),
    Binding("0", "fit", "Whole span", id="chart-fit"),
]

# Moving between events when the chart has the focus (in the app the list keys do it).
CHART_EVENTS: list[Binding] = [
    Binding("j,down", "next_event", "Next event", show=False, id="chart-next-event"),
    Binding("k,up", "previous_event", "Previous event", show=False, id="chart-previous-event"),
    Binding("g,home", "first_event", "First event", show=False, id="chart-first-event"),
    Binding("G,end", "last_event", "Last event", show=False, id="chart-last-event"),
]

# The chart's keys on the app, for the chart on screen (same ids: one keymap entry remaps both).
CHART_ON_APP: list[Binding] = [
    Binding(binding.key, f"chart('{binding.action}')", binding.description, show=False, id=binding.id)
    for binding in TIMELINE_CHART
]

HELP: list[Binding] = [
    Binding("escape,question_mark,q", "close", "Close", id="close-help"),
]

BOOKMARKS: list[Binding] = [
    Binding("escape,B,q", "close", "Close", id="close-bookmarks"),
    Binding("d,delete", "delete", "Delete bookmark", id="delete-bookmark"),
]

# The Sources view: the main lists' keys move in it (same ids: one keymap entry remaps both), enter
# goes to the entry under the cursor, and the reader's copy keys copy the source's link there too.
SOURCES_CLOSE = Binding("escape,R,q", "close", "Close", id="close-sources")
SOURCES: list[Binding] = [
    SOURCES_CLOSE,
    *ENTRY_TABLE,
    *(binding for binding in READER if binding.id in ("copy-link", "copy-live")),
]

SEARCH: list[Binding] = [
    Binding("escape", "close", "Close search", id="close-search"),
    Binding("down", "result_down", "Next result", show=False, id="search-result-down"),
    Binding("up", "result_up", "Previous result", show=False, id="search-result-up"),
    Binding("ctrl+up", "history_previous", "Earlier query", show=False, id="search-history-previous"),
    Binding("ctrl+down", "history_next", "Later query", show=False, id="search-history-next"),
]

ALL: tuple[Binding, ...] = (
    *READER,
    *ENTRY_TABLE,
    *ENTRY_DETAIL,
    *LINK_LIST,
    *TIMELINE_CHART,
    *CHART_EVENTS,
    *HELP,
    *BOOKMARKS,
    SOURCES_CLOSE,
    *SEARCH,
)
BY_ID: dict[str, Binding] = {binding.id: binding for binding in ALL if binding.id}


def split_keys(text: str) -> list[str]:
    """The keys of a binding's key string: `question_mark, q` is `question_mark` and `q`."""
    return [key.strip() for key in text.split(",")]


def keys_of(binding_id: str, keymap: Mapping[str, str]) -> list[str]:
    """The keys of a binding: the user's from the keymap, else the default ones."""
    return split_keys(keymap.get(binding_id, BY_ID[binding_id].key))


def key_display(app: App[object], binding_id: str, keymap: Mapping[str, str], every_key: bool = False) -> str:
    """A binding's keys as the terminal names them, as the user mapped them: every key ("j, ↓")
    or only the first, for messages and hints that name the key to press."""
    keys = keys_of(binding_id, keymap)
    return ", ".join(app.get_key_display(Binding(key, "")) for key in (keys if every_key else keys[:1]))


# How the help screen and the key bar show the keys -----------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the help screen (or one item of the key bar): the keys of `ids`, described.

    A row of one binding says what the binding's description says; a row of several
    (the pane keys, a pair like next/previous) has its own `description`, translated
    under its own `id` like a binding's. A `lead` row shows only the first binding's
    keys in the key column; its description names the others' keys as {keys1}, {keys2}….
    """

    ids: tuple[str, ...]
    description: str = ""
    id: str = ""
    lead: bool = False

    @property
    def description_id(self) -> str:
        return self.id or self.ids[0]

    @property
    def english(self) -> str:
        return self.description or BY_ID[self.ids[0]].description


def row(*ids: str, description: str = "", id: str = "", lead: bool = False) -> Row:
    return Row(ids, description, id, lead)


PANE_ROW = row(
    *(f"pane-{pane.value}" for pane in PANES),
    description="Statements, FAQ, Data storage, Timeline",
    id="row-panes",
)

# The help screen: every key, grouped as a reader looks for them. A group's title is a UI string.
HELP_GROUPS: tuple[tuple[str, tuple[Row, ...]], ...] = (
    (
        "help.group.moving",
        (
            PANE_ROW,
            row("next-pane-tab", "next-pane", description="Next section", id="row-next-pane"),
            row("previous-pane-tab", "previous-pane", description="Previous section", id="row-previous-pane"),
            row("cursor-down", "cursor-up", description="Next / previous entry in the list", id="row-cursor"),
            row("first-entry", "last-entry", description="First / last entry", id="row-first-last"),
            row("page-down", "page-up", description="A page down / up in the list", id="row-list-page"),
            row("next-unread"),
            row("history-back", description="Back to where you were (link, hit, bookmark)", id="row-back"),
            row("history-forward", description="Forward again", id="row-forward"),
        ),
    ),
    (
        "help.group.reading",
        (
            row("open-entry", description="Read the entry (the list keys still move)", id="row-read"),
            row("page-entry-down", "page-entry-up", description="Page the entry down / up", id="row-page"),
            row(
                "detail-scroll-down", "detail-scroll-up", description="While reading: scroll", id="row-scroll"
            ),
            row(
                "detail-top", "detail-bottom", description="While reading: top / bottom", id="row-top-bottom"
            ),
            row(
                "focus-links",
                "link-down",
                "link-up",
                "follow-link",
                "links-back",
                description="While reading: the see-also links ({keys1} {keys2} move, {keys3} follows, {keys4} back)",
                id="row-links",
                lead=True,
            ),
            row("back-to-list"),
        ),
    ),
    (
        "help.group.search",
        (
            row("search"),
            row(
                "search-result-down",
                "search-result-up",
                description="In the search box: next / previous result",
                id="row-search-results",
            ),
            row(
                "search-history-previous",
                "search-history-next",
                description="In the search box: earlier / later queries",
                id="row-search-history",
            ),
            row("close-search", description="In the search box: close it", id="row-search-close"),
            row("next-match", "previous-match", description="Next / previous match", id="row-matches"),
            row("clear-search"),
        ),
    ),
    (
        "help.group.sources",
        (
            row("open-source"),
            row("open-archived"),
            row("next-source"),
            row("copy-citation"),
            row(
                "copy-link", description="Copy the link to cite: the archived copy if any", id="row-copy-link"
            ),
            row("copy-live", description="Copy the live page's own link", id="row-copy-live"),
            row(
                "sources", description="Sources: every source and the entries that cite it", id="row-sources"
            ),
        ),
    ),
    (
        "help.group.marks",
        (
            row("toggle-bookmark", description="Bookmark the entry (or remove it)", id="row-bookmark"),
            row("bookmarks"),
            row(
                "delete-bookmark",
                description="In the bookmark list: delete the bookmark",
                id="row-delete-bookmark",
            ),
            row("toggle-read", description="Mark read / unread", id="row-read-mark"),
        ),
    ),
    (
        "help.group.views",
        (
            row("toggle-chart"),
            row("toggle-sort"),
            row("chart-zoom-in", "chart-zoom-out", description="Chart: zoom in / out", id="row-zoom"),
            row("chart-pan-left", "chart-pan-right", description="Chart: earlier / later", id="row-pan"),
            row("chart-fit", description="Chart: the whole span", id="row-fit"),
            row("next-theme", description="Next colour theme", id="row-theme"),
            row("switch-language", description="English / Deutsch", id="row-language"),
        ),
    ),
    (
        "help.group.app",
        (
            row("help", description="This help (escape closes it)", id="row-help"),
            row("quit"),
        ),
    ),
)

# The key bar: the keys that matter where the reader is (see KeyBar).
KEY_BAR: dict[str, tuple[Row, ...]] = {
    "list": (
        row("open-entry"),
        row("search"),
        row("page-entry-down", "page-entry-up", description="Page", id="bar-page"),
        row("toggle-bookmark"),
        row("open-source"),
        row("copy-citation"),
        row("help"),
        row("quit"),
    ),
    "entry": (
        row("back-to-list", description="List", id="bar-list"),
        row("focus-links", description="See also", id="bar-links"),
        row("page-entry-down", "page-entry-up", description="Page", id="bar-page"),
        row("history-back"),
        row("toggle-bookmark"),
        row("open-source"),
        row("copy-citation"),
        row("help"),
    ),
    "links": (
        row("link-down", "link-up", description="Move", id="bar-move"),
        row("follow-link", description="Follow", id="bar-follow"),
        row("links-back", description="Entry", id="bar-entry"),
        row("page-entry-down", "page-entry-up", description="Page", id="bar-page"),
        row("help"),
    ),
    "chart": (
        row("chart-zoom-in", "chart-zoom-out", description="Zoom", id="bar-zoom"),
        row("chart-pan-left", "chart-pan-right", description="Earlier/later", id="bar-pan"),
        row("open-entry"),
        row("toggle-chart", description="List", id="bar-chart-list"),
        row("page-entry-down", "page-entry-up", description="Page", id="bar-page"),
        row("search"),
        row("help"),
        row("quit"),
    ),
}


def all_rows() -> Iterator[Row]:
    for _title, rows in HELP_GROUPS:
        yield from rows


def row_ids(rows: Sequence[Row]) -> set[str]:
    return {binding_id for each in rows for binding_id in each.ids}
