"""An entry's sources: who published what, when, and links to it and to its archived copy."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from infohub_tui.hub.model import Source
from infohub_tui.i18n import Translator

# Slots made up front; an entry with more sources mounts more once.
_INITIAL_SLOTS = 4


class SourceItem(Vertical):
    """One source: a wrapped title line, then its URLs, each on one line that never wraps."""

    DEFAULT_CSS = """
    SourceItem {
        height: auto;
    }

    SourceItem .source-title {
        color: $text;
    }

    SourceItem.-selected .source-title {
        color: $text-accent;
    }

    SourceItem .source-url {
        padding-left: 6;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        color: $text-muted;
    }

    SourceItem .source-note {
        padding-left: 6;
        color: $text-muted;
        text-style: italic;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="source-title")
        yield Static(classes="source-url")
        yield Static(classes="source-url source-archived")
        yield Static(classes="source-note")

    def show(self, number: int, source: Source, selected: bool, translator: Translator) -> None:
        title, url, archived, note = self.query(Static).results(Static)
        published = f", {translator.long_date(source.date)}" if source.date is not None else ""
        author = f"{source.author}: " if source.author else ""
        title.update(
            Content.assemble(
                ("▶ " if selected else "  ", "bold"),
                (f"[{number}] ", "bold"),
                f"{author}{source.title} — {source.publisher}{published}",
            )
        )
        self.set_class(selected, "-selected")
        url.update(hyperlink(source.url, source.url))
        archived.display = source.archived is not None
        if source.archived is not None:
            archived.update(
                Content.assemble(
                    f"{translator('detail.archived')}: ", hyperlink(source.archived, source.archived)
                )
            )
        note.display = source.note is not None
        note.update(Content(source.note or ""))


class SourceList(Vertical):
    """The sources of the entry being read; `selected` is the one `o`, `O` and `c` use."""

    DEFAULT_CSS = """
    SourceList .sources-heading {
        text-style: bold underline;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="sources-heading")
        for _ in range(_INITIAL_SLOTS):
            yield SourceItem()

    def show(self, sources: Sequence[Source], selected: int, translator: Translator) -> None:
        self.query_one(".sources-heading", Static).update(Content(translator("detail.sources")))
        items = list(self.query_children(SourceItem).results(SourceItem))
        if len(items) < len(sources):
            extra = [SourceItem() for _ in range(len(sources) - len(items))]
            self.mount_all(extra)
            items += extra
        for index, item in enumerate(items):
            shown = index < len(sources)
            item.display = shown
            if shown and item.is_mounted and item.children:
                item.show(index + 1, sources[index], index == selected, translator)
            elif shown:
                item.call_after_refresh(item.show, index + 1, sources[index], index == selected, translator)
        self.display = bool(sources)


def hyperlink(text: str, url: str) -> Content:
    """`text` as a terminal hyperlink (OSC 8) to `url`, where the terminal supports it."""
    return Content(text).stylize(Style(link=url, underline=True))
