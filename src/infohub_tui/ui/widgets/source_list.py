"""An entry's sources: who published what, when, and links: the one to cite first (its archived copy, where there is one), then the live page.

One widget draws them all (it was a widget per source and four per source
inside it: 84 widgets across the four panes to style before the first frame).
Each source is a title line that wraps, then its addresses, each on one line that
never wraps (cut with an ellipsis), then its note, wrapped and indented.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.style import Style
from textual.widget import Widget

from infohub_tui.formats.citation import addresses
from infohub_tui.hub.model import Source
from infohub_tui.i18n import DEFAULT_LANGUAGE, Translator

INDENT = 6
"""The addresses and notes are indented under the title, past its "▶ [1] "."""


class SourceList(Widget):
    """The sources of the entry being read; `selected` is the one `o`, `O` and `c` use."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "source-list--heading",
        "source-list--title",
        "source-list--selected",
        "source-list--url",
        "source-list--note",
    }
    DEFAULT_CSS = """
    SourceList {
        height: auto;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    SourceList > .source-list--heading { text-style: bold underline; }
    SourceList > .source-list--title { color: $text; }
    SourceList > .source-list--selected { color: $text-accent; }
    SourceList > .source-list--url { color: $text-muted; }
    SourceList > .source-list--note { color: $text-muted; text-style: italic; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.sources: tuple[Source, ...] = ()
        self.selected = 0
        self.translator = Translator(DEFAULT_LANGUAGE)
        self._lines: tuple[int, list[Content]] | None = None  # (width, lines) of what is shown

    def show(self, sources: Sequence[Source], selected: int, translator: Translator) -> None:
        self.sources = tuple(sources)
        self.selected = selected
        self.translator = translator
        self._lines = None
        self.display = bool(self.sources)
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines = None  # another theme: other colours

    def _style(self, name: str) -> Style:
        try:
            return self.get_visual_style(f"source-list--{name}", partial=True)
        except NoMatches:  # pragma: no cover - not mounted yet
            return Style()

    def lines(self, width: int) -> list[Content]:
        """What the list shows at `width` cells, a line each."""
        if self._lines is not None and self._lines[0] == width:
            return self._lines[1]
        width = max(width, INDENT + 1)
        translator = self.translator
        lines = [Content(translator("detail.sources")).stylize(self._style("heading"))]
        for index, source in enumerate(self.sources):
            selected = index == self.selected
            published = f", {translator.long_date(source.date)}" if source.date is not None else ""
            author = f"{source.author}: " if source.author else ""
            title = Content.assemble(
                ("▶ " if selected else "  ", "bold"),
                (f"[{index + 1}] ", "bold"),
                f"{author}{source.title} — {source.publisher}{published}",
            ).stylize_before(self._style("selected" if selected else "title"))
            lines += title.wrap(width)
            cite, live = addresses(source)  # the link to cite first, as `c`, `y`, show and export give it
            if live is None:
                lines_of_addresses = [hyperlink(cite, cite)]
            else:
                lines_of_addresses = [
                    Content.assemble(f"{translator('detail.archived')}: ", hyperlink(cite, cite)),
                    Content.assemble(f"{translator('citation.live')}: ", hyperlink(live, live)),
                ]
            for address in lines_of_addresses:
                line = address.stylize_before(self._style("url")).truncate(width - INDENT, ellipsis=True)
                lines.append(line.pad_left(INDENT))
            if source.note is not None:
                note = Content(source.note).stylize_before(self._style("note"))
                lines += [line.pad_left(INDENT) for line in note.wrap(width - INDENT)]
        self._lines = (width, lines)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width)) if self.sources else 0

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width))


def hyperlink(text: str, url: str) -> Content:
    """`text` as a terminal hyperlink (OSC 8) to `url`, where the terminal supports it."""
    return Content(text).stylize(Style(link=url, underline=True))
