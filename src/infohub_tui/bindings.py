"""Every key binding of the app, in one place.

Each binding has an id; users remap keys by id in the `[keymap]` table of the
config file (see README), which Textual applies through `App.set_keymap`.
The reader's keys are bound on the reader screen, so a modal screen on top of
it (search, help, bookmarks, palette) switches them off; `app.` actions are
the app's own (quit, language, theme).
"""

from __future__ import annotations

from textual.binding import Binding

from .model import PANES

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
            f"Go to {pane.value}",
            show=False,
            id=f"pane-{pane.value}",
        )
        for number, pane in enumerate(PANES, start=1)
    ),
    Binding("o", "open_source", "Open source", id="open-source"),
    Binding("O", "open_archived", "Open archived copy", show=False, id="open-archived"),
    Binding("s", "next_source", "Next source", show=False, id="next-source"),
    Binding("c", "copy_citation", "Copy citation", id="copy-citation"),
    Binding("escape", "clear_search", "Clear search", show=False, id="clear-search"),
    Binding("n", "next_match", "Next match", show=False, id="next-match"),
    Binding("N", "previous_match", "Previous match", show=False, id="previous-match"),
    Binding("L", "app.switch_language", "Language", id="switch-language"),
    Binding("b", "toggle_bookmark", "Bookmark", id="toggle-bookmark"),
    Binding("B", "bookmarks", "Bookmarks", show=False, id="bookmarks"),
    Binding("u", "toggle_read", "Read/unread", show=False, id="toggle-read"),
    Binding("t", "app.next_theme", "Theme", show=False, id="next-theme"),
    Binding("backspace", "history_back", "History back", show=False, id="history-back"),
    Binding("v", "toggle_chart", "Timeline chart/list", show=False, id="toggle-chart"),
    Binding("S", "toggle_sort", "Sort by date / as published", show=False, id="toggle-sort"),
]

# The list keys are the reader screen's, acting on the visible pane's list: switching
# panes never moves the focus (see BENCHMARKS.md).
ENTRY_TABLE: list[Binding] = [
    Binding("enter", "list('open_entry')", "Open", id="open-entry"),
    Binding("j,down", "list('cursor_down')", "Down", show=False, id="cursor-down"),
    Binding("k,up", "list('cursor_up')", "Up", show=False, id="cursor-up"),
    Binding("g,home", "list('first')", "First", show=False, id="first-entry"),
    Binding("G,end", "list('last')", "Last", show=False, id="last-entry"),
    Binding("pagedown", "list('page_down')", "Page down", show=False, id="page-down"),
    Binding("pageup", "list('page_up')", "Page up", show=False, id="page-up"),
]

ENTRY_DETAIL: list[Binding] = [
    Binding("escape", "back_to_list", "Back", id="back-to-list"),
    Binding("enter", "focus_links", "See also", show=False, id="focus-links"),
    Binding("j,down", "scroll_down", "Down", show=False, id="detail-scroll-down"),
    Binding("k,up", "scroll_up", "Up", show=False, id="detail-scroll-up"),
    Binding("g,home", "scroll_home", "Top", show=False, id="detail-top"),
    Binding("G,end", "scroll_end", "Bottom", show=False, id="detail-bottom"),
    *(
        Binding(
            str(number),
            f"follow_link({number})",
            f"Follow link {number}",
            show=False,
            id=f"follow-link-{number}",
        )
        for number in range(1, 10)
    ),
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

SEARCH: list[Binding] = [
    Binding("escape", "close", "Close search", id="close-search"),
    Binding("up", "history_previous", "Earlier query", show=False, id="search-history-previous"),
    Binding("down", "history_next", "Later query", show=False, id="search-history-next"),
]
