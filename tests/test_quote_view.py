"""The entry view shows an entry's quote as a quotation, on every pane that has one: the words in
quotation marks and italics, who said them and the source they are quoted from; the Data storage
pane's stated value is the editors' text and never looks like one (issue 21)."""

from __future__ import annotations

import pytest
from textual.content import Content
from textual.widgets import Static

from infohub_tui.hub.model import PANES, Entry, Pane
from infohub_tui.i18n import LANGUAGES
from infohub_tui.ui.app import InfohubApp

from .helpers import hub_of, make_app, reader_screen, running


def _static(app: InfohubApp, pane: Pane, name: str) -> Static:
    return reader_screen(app).reader(pane).detail.query_one(f"#{name}", Static)


def _italic(content: Content) -> str:
    """The text of `content` that is styled in italics."""
    return "".join(
        content.plain[span.start : span.end] for span in content.spans if "italic" in str(span.style)
    )


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_every_pane_shows_its_quote_as_a_quotation_with_who_said_it_and_its_source(lang: str) -> None:
    app = make_app(lang=lang)
    async with running(app, (140, 50)) as pilot:
        hub = hub_of(app)
        opening, closing = {"en": ("“", "”"), "de": ("„", "“")}[lang]
        quoted_from = {"en": "quoted from", "de": "zitiert aus"}[lang]
        panes_with_quotes = 0
        for number, pane in enumerate(PANES, start=1):
            quoted: list[Entry] = [entry for entry in hub.entries(pane) if entry.quote is not None]
            if not quoted:
                continue
            panes_with_quotes += 1
            entry = quoted[0]
            assert entry.quote is not None
            await pilot.press(str(number))
            reader_screen(app).reader(pane).select(entry.id)
            await pilot.pause()
            shown = _static(app, pane, "detail-quote")
            assert shown.display
            content = shown.render()
            assert isinstance(content, Content)
            words, credit = content.plain.split("\n", 1)
            assert words == f"{opening}{entry.quote.text}{closing}"
            source = hub.sources[entry.quote.source]
            assert credit.startswith(f"— {entry.quoted_by}")
            assert credit.endswith(f"{quoted_from} {source.title}")
            assert _italic(content) == words, "the words, and only they, in italics"
            lead = _static(app, pane, "detail-lead")
            assert not lead.display or entry.quote.text not in str(lead.render()), "shown once"
        assert panes_with_quotes >= 3, "statements, storage and timeline carry quotes"


async def test_a_storage_value_is_the_editors_text_not_styled_as_a_quotation() -> None:
    app = make_app()
    async with running(app, (140, 50)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        entry = reader_screen(app).reader(Pane.STORAGE).current
        assert entry is not None and entry.lead is not None
        lead = _static(app, Pane.STORAGE, "detail-lead")
        content = lead.render()
        assert isinstance(content, Content)
        assert content.plain == f"Value, in the editors' words: {entry.lead}"
        assert _italic(content) == ""
        assert lead.styles.border_left[0] == "" and not lead.styles.text_style.italic
        assert "“" not in content.plain
