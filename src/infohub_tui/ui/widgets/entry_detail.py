"""The reading view of one entry: who says it, when, what, and where it was said."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import ClassVar

from markdown_it import MarkdownIt
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.markdown import MarkdownBlock
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from infohub_tui.formats.citation import quote_caption
from infohub_tui.formats.clock_text import clock_lines
from infohub_tui.hub.model import QUOTE_FIELD, Entry, Hub, Reference, Source, TimelineEvent
from infohub_tui.i18n import DEFAULT_LANGUAGE, Translator
from infohub_tui.text.folding import Span
from infohub_tui.text.markdown_marks import body_parser
from infohub_tui.text.plain_text import shown_as_text, without_emphasis
from infohub_tui.text.sanitize import for_cells_keeping
from infohub_tui.ui import bindings
from infohub_tui.ui.widgets.link_list import LinkList
from infohub_tui.ui.widgets.source_list import SourceList


class EntryDetail(VerticalScroll, can_focus=True):
    """Shows one entry; lists its sources and see-also links.

    Made with `built=False` it has no parts until `build()`: a hidden pane's entry view is
    composed after the first frame, not before it.
    """

    DEFAULT_CSS = """
    /* The scroll bar's column is kept even when nothing scrolls: when it came with a long entry, the
       rewrapped sources kept the height of the old width and their last lines were cut off. */
    EntryDetail {
        width: 45%;
        max-width: 85;
        height: 1fr;
        border: round $surface-lighten-2;
        padding: 0 1;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }

    EntryDetail:focus-within {
        border: round $accent;
    }

    #detail-heading {
        text-style: bold;
        color: $text-accent;
        margin-bottom: 1;
    }

    #detail-byline {
        color: $text-muted;
    }

    /* The pane's stated value is the editors' text: never styled as a quotation, which is
       #detail-quote's look alone (the words someone said, then who and where from). */
    #detail-lead {
        margin-top: 1;
    }

    #detail-quote {
        margin-top: 1;
        padding: 0 1;
        border-left: thick $accent;
    }

    #detail-body {
        margin: 1 0 0 0;
        padding: 0;
    }

    /* Search matches in the body's Markdown (markdown_marks.py marks them with Markdown's strike
       style). Textual's inline Markdown styles take colours, bold and underline, not `reverse`: the
       matches are underlined and bold in the accent colour, which shows without colour too. */
    #detail-body MarkdownBlock > .s {
        color: $text-accent;
        background: $accent 30%;
        text-style: bold underline;
    }

    #detail-highlighted-body {
        margin: 1 0;
    }

    #detail-as-of {
        color: $text-warning;
    }

    #detail-clocks {
        margin: 1 0 0 0;
        padding: 0 1;
        border: round $primary 50%;
        border-title-color: $text-primary;
    }

    #detail-note {
        margin: 1 0 0 0;
        padding: 0 1;
        border: round $warning 50%;
        border-title-color: $text-warning;
        color: $text-muted;
    }

    #detail-sources {
        height: auto;
        margin-top: 1;
    }

    #detail-links {
        margin-top: 1;
        height: auto;
        max-height: 10;
        border: round $surface-lighten-2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.ENTRY_DETAIL]

    selected_source: reactive[int] = reactive(0, init=False)

    class LinkFollowed(Message):
        """The reader followed a see-also link."""

        def __init__(self, detail: EntryDetail, reference: Reference) -> None:
            super().__init__()
            self.detail = detail
            self.reference = reference

    class BackToList(Message):
        """The reader left the detail view (escape)."""

        def __init__(self, detail: EntryDetail) -> None:
            super().__init__()
            self.detail = detail

    def __init__(self, *, built: bool = True, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.is_built = built
        self._body_worker: Worker[None] | None = None
        self.entry: Entry | None = None
        self.links: tuple[Reference, ...] = ()
        self.sources: tuple[Source, ...] = ()
        self.translator = Translator(DEFAULT_LANGUAGE)
        self._measured_width = 0
        self._body_marks: tuple[str, Sequence[Span]] = ("", ())
        """The body the next parse is of, and its search matches to mark."""
        self._pending: tuple[str, str, Span] | None = None
        """An occurrence to bring into view once it is laid out (see `reveal`)."""

    def compose(self) -> ComposeResult:
        if self.is_built:
            yield from self._parts()

    def _parts(self) -> list[Widget]:
        return [
            Static(id="detail-heading"),
            Static(id="detail-byline"),
            Static(id="detail-as-of"),
            Static(id="detail-lead"),
            Static(id="detail-quote"),
            Markdown(id="detail-body", open_links=False, parser_factory=self._body_parser),
            Static(id="detail-highlighted-body"),
            Static(id="detail-clocks"),
            Static(id="detail-note"),
            SourceList(id="detail-sources"),
            LinkList(id="detail-links"),
        ]

    async def build(self) -> None:
        """Compose the parts of a view made with `built=False`; `show` only once this is done."""
        if not self.is_built:
            await self.mount_all(self._parts())
            self.is_built = True

    @property
    def body_is_parsing(self) -> bool:
        """Whether the body of the entry shown is still being parsed (it shows once parsed)."""
        return self._body_worker is not None and self._body_worker.is_running

    async def body_shown(self) -> None:
        """Wait until the Markdown body of the entry shown is parsed and mounted."""
        worker = self._body_worker
        if worker is not None and self.body_is_parsing:
            try:
                await worker.wait()
            except Exception:  # the worker cancelled by the next entry (that one is shown), or failed
                task = asyncio.current_task()
                if task is not None and task.cancelling():  # the waiter itself was cancelled
                    raise asyncio.CancelledError from None  # (Worker.wait says WorkerCancelled then)

    def show(
        self,
        entry: Entry | None,
        hub: Hub,
        translator: Translator,
        highlights: Sequence[tuple[str, Span]] = (),
    ) -> None:
        """Render `entry`; `highlights` are (field, span) search matches to mark."""
        self.entry = entry
        self.translator = translator
        heading = self.query_one("#detail-heading", Static)
        byline = self.query_one("#detail-byline", Static)
        lead = self.query_one("#detail-lead", Static)
        quote = self.query_one("#detail-quote", Static)
        body = self.query_one("#detail-body", Markdown)
        highlighted_body = self.query_one("#detail-highlighted-body", Static)
        as_of = self.query_one("#detail-as-of", Static)
        note = self.query_one("#detail-note", Static)
        clocks = self.query_one("#detail-clocks", Static)
        sources = self.query_one("#detail-sources", SourceList)
        links = self.query_one("#detail-links", OptionList)
        if entry is None:
            heading.update(Content(translator("detail.empty")))
            for widget in (byline, lead):
                widget.update("")
            quote.display = False
            self._body_marks = ("", ())
            self._update_body(body, "")
            highlighted_body.display = False
            as_of.display = note.display = clocks.display = sources.display = False
            links.clear_options()
            links.display = False
            self.links, self.sources = (), ()
            return
        heading.update(_marked(entry.heading, _spans(highlights, entry.heading_field)))
        when = f" · {translator.long_date(entry.when)}" if entry.when is not None else ""
        before, after = translator.byline(entry.pane, entry.speaker)
        byline.update(Content.assemble(before, (entry.speaker, "bold"), f"{after}{when}"))
        as_of.display = entry.as_of is not None
        if entry.as_of is not None:
            as_of.update(Content(translator("detail.as_of", date=translator.long_date(entry.as_of))))
        stated = entry.lead if entry.lead_field != QUOTE_FIELD else None  # the quote is below
        lead.display = bool(stated)
        if stated and entry.lead_field:
            value_label = (f"{translator('export.value')}: ", "dim")
            lead.update(Content.assemble(value_label, _marked(stated, _spans(highlights, entry.lead_field))))
        quote.display = entry.quote is not None
        if entry.quote is not None:
            quote.update(_quotation(entry, hub, translator, _spans(highlights, QUOTE_FIELD)))
        body_spans = _spans(highlights, entry.body_field)
        as_text = shown_as_text(entry.body)  # large bodies: one widget, not hundreds
        body.display = not as_text
        highlighted_body.display = as_text
        if as_text:
            highlighted_body.update(_marked(*without_emphasis(entry.body, body_spans)))
        else:  # search matches are marked on the Markdown itself: the same paragraphs as without them
            self._body_marks = (entry.body, body_spans)
            self._update_body(body, entry.body)
        clock_text = clock_lines(entry, translator) if isinstance(entry, TimelineEvent) else []
        clocks.display = bool(clock_text)
        if clock_text:
            clocks.border_title = translator("detail.clocks")
            clocks.update(_marked("\n".join(f"• {line}" for line in clock_text), ()))
        note.display = entry.note is not None
        if entry.note is not None:
            note.border_title = translator("detail.note")
            note.update(_marked(entry.note, _spans(highlights, "note")))
        self.sources = tuple(hub.sources_of(entry))
        self.set_reactive(EntryDetail.selected_source, 0)
        sources.show(self.sources, 0, translator)
        later = [reference for reference in entry.later if hub.find(reference) is not None]
        see_also = [
            reference
            for reference in entry.see_also
            if reference not in later and hub.find(reference) is not None
        ]
        self.links = (*later, *see_also)
        links.clear_options()
        for reference in self.links:
            target = hub.find(reference)
            label = Content.assemble(
                "→ ",
                (f"{translator('detail.later')}: ", "bold") if reference in later else "",
                (translator.pane_title(reference.pane), "italic"),
                f": {target.heading if target else reference.id}",
            )
            links.add_option(Option(label, id=str(reference)))
        links.display = bool(self.links)
        keymap = getattr(self.app, "keymap", {})  # the user's keys, as the app read them
        links.border_title = translator(
            "detail.see_also", enter=bindings.key_display(self.app, "focus-links", keymap)
        )
        links.border_subtitle = translator(
            "detail.see_also_keys",
            move=f"{bindings.key_display(self.app, 'link-down', keymap)} {bindings.key_display(self.app, 'link-up', keymap)}",
            follow=bindings.key_display(self.app, "follow-link", keymap),
            back=bindings.key_display(self.app, "links-back", keymap),
        )
        self.scroll_home(animate=False)
        if self._pending is not None:
            self.call_after_refresh(self._reveal_pending)

    def _body_parser(self) -> MarkdownIt:
        """The body's parser, marking the matches of the body about to be shown (the Markdown
        widget asks for it when its update starts, before the parse)."""
        return body_parser(*self._body_marks)

    def on_resize(self, event: events.Resize) -> None:
        """Measure the texts again at the new width: a heading shown before the first layout kept
        the one line it was measured at, its second line cut ("…declares an ICT supply-chain")."""
        if event.size.width != self._measured_width and self.is_built:
            self._measured_width = event.size.width
            for name in ("heading", "byline", "as-of", "lead", "quote", "clocks", "note"):
                self.query_one(f"#detail-{name}", Static).refresh(layout=True)

    def _update_body(self, body: Markdown, markdown: str) -> None:
        """Markdown parses in a thread: its update runs in a worker, so that the next entry, or
        quitting, cancels it quietly (an update nobody awaited printed a CancelledError traceback
        when the app quit during a long parse)."""
        self._body_worker = self.run_worker(
            body.update(markdown), group="detail-body", exclusive=True, exit_on_error=False
        )

    # Find in the entry: bring an occurrence into view -------------------------------------

    def reveal(self, entry_id: str, field: str, span: Span) -> None:
        """Bring an occurrence in entry `entry_id` into view as soon as it is laid out: now, when that
        entry is shown (it may be about to be), or once its Markdown body is parsed."""
        self._pending = (entry_id, field, span)
        self.call_after_refresh(self._reveal_pending)

    def _reveal_pending(self) -> None:
        pending = self._pending
        if pending is None or self.entry is None or self.entry.id != pending[0]:
            return
        if self.scroll_to_occurrence(pending[1], pending[2]):
            self._pending = None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "detail-body" and event.state is WorkerState.SUCCESS:
            self.call_after_refresh(self._reveal_pending)

    def scroll_to_occurrence(self, field: str, span: Span) -> bool:
        """Scroll so that the occurrence at `span` of `field` shows a third of the way down (or as
        near as the scroll allows); False if the field is not shown (yet)."""
        entry = self.entry
        if entry is None:
            return False
        place = self._occurrence_place(entry, field, span)
        if place is None:
            return False
        widget, fraction = place
        if widget.size.height == 0:
            return False
        y = self._virtual_y(widget) + int(fraction * widget.size.height)
        self.scroll_to(y=max(0, y - self.scrollable_content_region.height // 3), animate=False)
        return True

    def _occurrence_place(self, entry: Entry, field: str, span: Span) -> tuple[Widget, float] | None:
        """The widget that shows the occurrence, and how far down it the occurrence is (0 to 1)."""
        texts = {
            entry.heading_field: ("heading", entry.heading),
            entry.lead_field: ("lead", entry.lead),
            QUOTE_FIELD: ("quote", entry.quote.text if entry.quote else None),  # shown apart, below
            "note": ("note", entry.note),
        }
        if field in texts:
            name, text = texts[field]
            return self.query_one(f"#detail-{name}", Static), _fraction(span[0], len(text or ""))
        if field != entry.body_field:
            return None
        plain = self.query_one("#detail-highlighted-body", Static)
        if plain.display:
            return plain, _fraction(span[0], len(entry.body))
        line = entry.body.count("\n", 0, span[0])
        blocks = [
            block
            for block in self.query_one("#detail-body", Markdown).query(MarkdownBlock)
            if block.source_range[0] <= line < max(block.source_range[1], block.source_range[0] + 1)
        ]
        if not blocks:
            return None
        block = blocks[-1]  # the innermost: a list item's paragraph rather than the list
        first, last = block.source_range
        return block, _fraction(line - first, max(last - first, 1))

    def _virtual_y(self, widget: Widget) -> int:
        """Where `widget` starts in this scroll view's content."""
        y = 0
        node: Widget | None = widget
        while node is not None and node is not self:
            y += node.virtual_region.y
            parent = node.parent
            node = parent if isinstance(parent, Widget) else None
        return y

    @property
    def source(self) -> Source | None:
        if 0 <= self.selected_source < len(self.sources):
            return self.sources[self.selected_source]
        return None

    def next_source(self, translator: Translator) -> None:
        if self.sources:
            self.selected_source = (self.selected_source + 1) % len(self.sources)
            self.query_one("#detail-sources", SourceList).show(self.sources, self.selected_source, translator)

    def follow_link(self, index: int) -> None:
        if 0 <= index < len(self.links):
            self.post_message(self.LinkFollowed(self, self.links[index]))

    def action_focus_links(self) -> None:
        links = self.query_one("#detail-links", OptionList)
        if not self.links:
            self.app.notify(self.translator("notify.no_links"), timeout=3.0, markup=False)
            return
        links.focus()
        if links.highlighted is None:
            links.highlighted = 0

    def action_back_to_list(self) -> None:
        self.post_message(self.BackToList(self))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.follow_link(event.option_index)


def _fraction(part: int, whole: int) -> float:
    return min(max(part / whole, 0.0), 1.0) if whole > 0 else 0.0


def _quotation(entry: Entry, hub: Hub, translator: Translator, spans: Sequence[Span]) -> Content:
    """The entry's quote as a quotation, on every pane: its words in quotation marks, in italics,
    with their search matches, then who said them and the source they are quoted from."""
    if entry.quote is None:
        return Content("")
    opening, closing = translator.quotation_marks()
    words = Content.assemble(opening, _marked(entry.quote.text, spans), closing).stylize("italic")
    return Content.assemble(words, "\n", (f"— {quote_caption(entry, hub, translator)}", "dim"))


def _spans(highlights: Sequence[tuple[str, Span]], field: str) -> list[Span]:
    return [span for name, span in highlights if name == field]


def _marked(text: str, spans: Sequence[Span]) -> Content:
    """`text` as plain content (never markup) with search matches highlighted, and without the
    code points that join or restyle emoji (as in list cells: terminals and Rich count them apart)."""
    text, cell_spans = for_cells_keeping(text, spans)
    marked = Content(text)
    for start, end in cell_spans:
        marked = marked.stylize("reverse bold", start, end)
    return marked
