"""Widgets carry their own look (DEFAULT_CSS): mounted in an app without the app's stylesheet they
are drawn as in the reader; the app's sheet (ui/infohub.tcss) holds only its layout and the rules
that follow the window's size."""

from __future__ import annotations

import re

from textual.app import App, ComposeResult

from infohub_tui.i18n import Translator
from infohub_tui.locations import stylesheet
from infohub_tui.ui.screens.bookmarks_screen import BookmarksScreen
from infohub_tui.ui.screens.help_screen import HelpScreen
from infohub_tui.ui.screens.search_screen import SearchScreen
from infohub_tui.ui.widgets.entry_detail import EntryDetail
from infohub_tui.ui.widgets.entry_list import EntryList
from infohub_tui.ui.widgets.reader_pane import ReaderPane
from infohub_tui.ui.widgets.source_list import SourceList
from infohub_tui.ui.widgets.timeline_chart import TimelineChart

CARRYING_THEIR_LOOK = (
    EntryList,
    EntryDetail,
    SourceList,
    TimelineChart,
    ReaderPane,
    SearchScreen,
    BookmarksScreen,
    HelpScreen,
)


class Bare(App[None]):
    """No CSS_PATH: only the widgets' own styles."""

    def compose(self) -> ComposeResult:
        yield EntryList((), Translator("en"))
        yield EntryDetail()
        yield TimelineChart(Translator("en"), ())


async def test_widgets_are_drawn_with_their_own_look_without_the_apps_sheet() -> None:
    app = Bare()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        entry_list, detail, chart = (
            app.query_one(EntryList),
            app.query_one(EntryDetail),
            app.query_one(TimelineChart),
        )
        assert entry_list.styles.border_top[0] == "round"
        assert entry_list.get_component_rich_style("entry-list--cursor").bold
        assert detail.styles.scrollbar_gutter == "stable"
        assert detail.styles.max_width is not None and detail.styles.max_width.value == 85
        assert app.query_one("#detail-quote").styles.border_left[0] == "thick"
        assert str(app.query_one(SourceList).styles.height) == "auto"
        assert app.query_one(SourceList).get_component_rich_style("source-list--heading").underline
        assert chart.styles.border_top[0] == "round"
        assert chart.get_component_rich_style("timeline-chart--selected").reverse


def test_the_apps_sheet_leaves_each_widgets_look_to_the_widget() -> None:
    """No rule of the app's sheet starts with a widget that carries its own look: what the app says
    about one is where it sits and how the window's size changes it (Screen.-narrow ..., #ids)."""
    sheet = re.sub(r"/\*.*?\*/", "", stylesheet().read_text(encoding="utf-8"), flags=re.S)
    selectors = [
        selector.strip() for block in re.findall(r"([^{}]+)\{", sheet) for selector in block.split(",")
    ]
    names = {widget.__name__ for widget in CARRYING_THEIR_LOOK}
    assert selectors
    assert not [selector for selector in selectors if re.split(r"[\s.:>#]", selector)[0] in names]
    for widget in CARRYING_THEIR_LOOK:
        assert widget.__dict__.get("DEFAULT_CSS", "").strip(), widget.__name__
