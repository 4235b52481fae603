"""The timeline as a chart: a time axis, a marker per event shaped by its kind, clocks as bars.

Drawn with Textual's line API from a layout computed by `chart_layout` (which
knows nothing of Textual) once per change of size, zoom, pan or selection;
each line is then a handful of segments. It opens on the story (the densest
span of events; see `story_view`). Keys zoom (+/-, 0 for the whole span), pan (h/l or the arrows) and, when the chart has the focus, move between
events (j/k); the mouse wheel zooms where the pointer is (with shift, or
sideways, it pans) and a click selects the event under the pointer.

A chart that cannot be drawn, whatever the cause, draws blank and says `Failed`
once (the reader screen shows the list instead), never a traceback: the state
file may say the chart was open, so a crash here would come back at every start.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from infohub_tui.chart.layout import (
    ROLES,
    ChartData,
    ChartLayout,
    View,
    Viewport,
    layout_chart,
    pan,
    reveal,
    settle,
    story_view,
    viewport,
    zoom,
)
from infohub_tui.hub.model import TimelineEvent
from infohub_tui.i18n import Translator
from infohub_tui.ui import bindings

SELECTED = "timeline-chart--selected"


class TimelineChart(Widget, can_focus=True):
    """A zoomable, pannable chart of timeline events with one event selected."""

    DEFAULT_CSS = """
    /* Kinds differ in shape and colour; the selection is reversed, so it shows without colour. */
    TimelineChart {
        height: 1fr;
        border: round $accent;
        border-subtitle-color: $text-muted;
    }

    TimelineChart > .timeline-chart--axis,
    TimelineChart > .timeline-chart--tick,
    TimelineChart > .timeline-chart--stem,
    TimelineChart > .timeline-chart--legend,
    TimelineChart > .timeline-chart--clock-stopped {
        color: $text-muted;
    }

    TimelineChart > .timeline-chart--tick-label {
        color: $text;
        text-style: bold;
    }

    TimelineChart > .timeline-chart--clock {
        color: $primary;
    }

    TimelineChart > .timeline-chart--clock-extended {
        color: $warning;
    }

    TimelineChart > .timeline-chart--stop {
        color: $error;
        text-style: bold;
    }

    TimelineChart > .timeline-chart--clock-label {
        color: $text;
    }

    TimelineChart > .timeline-chart--cluster {
        color: $text;
        text-style: bold;
    }

    TimelineChart > .timeline-chart--label {
        color: $text;
    }

    TimelineChart > .timeline-chart--message {
        color: $text-muted;
        text-style: italic;
    }

    TimelineChart > .timeline-chart--kind-order {
        color: $primary;
    }

    TimelineChart > .timeline-chart--kind-deadline {
        color: $warning;
    }

    TimelineChart > .timeline-chart--kind-court {
        color: $error;
    }

    TimelineChart > .timeline-chart--kind-deal {
        color: $success;
    }

    TimelineChart > .timeline-chart--kind-statement {
        color: $accent;
    }

    TimelineChart > .timeline-chart--kind-epilogue,
    TimelineChart > .timeline-chart--kind-other {
        color: $text-muted;
    }

    TimelineChart > .timeline-chart--selected {
        text-style: reverse bold;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.TIMELINE_CHART, *bindings.CHART_EVENTS]
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"timeline-chart--{role}" for role in ROLES} | {SELECTED}

    class Selected(Message):
        """The reader moved the selection in the chart to another event (keys or mouse)."""

        def __init__(self, chart: TimelineChart, event: TimelineEvent) -> None:
            super().__init__()
            self.chart = chart
            self.event = event

        @property
        def control(self) -> TimelineChart:
            return self.chart

    class Failed(Message):
        """The chart could not be drawn (`error` says why); it stays blank until it is shown again."""

        def __init__(self, chart: TimelineChart, error: Exception) -> None:
            super().__init__()
            self.chart = chart
            self.error = error

        @property
        def control(self) -> TimelineChart:
            return self.chart

    def __init__(
        self,
        translator: Translator,
        events: Sequence[TimelineEvent] = (),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.translator = translator
        self.data = ChartData(events)
        self.view: View | None = None
        """What the reader chose; None until they zoom or pan: the story view, for any width."""
        self._opening = True  # on its first layout the chart opens on the story (see `open`)
        self._shown = True  # False while the pane shows its list in the chart's place
        self.selected: int | None = 0 if self.data.events else None
        self._layout: ChartLayout | None = None
        self._layout_key: tuple[object, ...] = ()
        self._styles: dict[str, Style] = {}
        self._selected_style = Style()
        self._failed = False

    # What is shown -------------------------------------------------------

    @property
    def current(self) -> TimelineEvent | None:
        """The selected event."""
        return self.data.events[self.selected] if self.selected is not None else None

    def show(
        self, events: Sequence[TimelineEvent], translator: Translator, keep_id: str | None = None
    ) -> None:
        """Chart these events; keep the selection on `keep_id` (else the current id) where it exists."""
        keep_id = keep_id or (self.current.id if self.current else None)
        self.data = ChartData(events)
        self.translator = translator
        index = self.data.index.get(keep_id) if keep_id else None
        self.selected = index if index is not None else (0 if self.data.events else None)
        self._reveal_selected()
        self._changed()

    def select(self, entry_id: str) -> bool:
        """Select an event by id and bring it into view, without a Selected message
        (for the list or the app to keep the chart in step); False if it is not charted."""
        index = self.data.index.get(entry_id)
        if index is None:
            return False
        if index != self.selected:
            self.selected = index
            self._reveal_selected()
            self._changed()
        return True

    @property
    def chart_layout(self) -> ChartLayout:
        """The layout for the current size, zoom, pan and selection (computed when one changes)."""
        width, height = self.size
        key = (width, height, self.current_view, self.selected, id(self.data), self.translator.lang)
        if self._layout is None or key != self._layout_key:
            self._layout_key = key
            self._layout = layout_chart(
                self.data, self.chart_viewport, height, self.translator, self.selected
            )
        return self._layout

    @property
    def current_view(self) -> View:
        """The view shown: the reader's, else the story view for this width."""
        if self.view is None:
            return story_view(self.data, self._width())
        return self.view

    @property
    def chart_viewport(self) -> Viewport:
        return viewport(self.data, self.size.width, self.current_view)

    def open(self) -> None:
        """The chart comes on screen: on the story, while the reader has not moved the view. If the
        selected event lies outside the story, the story's first event is selected (and said so)."""
        self._shown = self._opening = True
        self._failed = False  # asked for again (`v`): try again
        self.call_after_refresh(self._open_on_story)

    def close(self) -> None:
        """The chart leaves the screen: until it opens again, a new selection does not move the view."""
        self._shown = self._opening = False

    # Moving ---------------------------------------------------------------

    def _width(self) -> int:
        return max(self.size.width, 1)

    def _open_on_story(self) -> None:
        if not self._opening or self.size.width <= 0:
            return  # not laid out yet: on the first resize
        self._opening = False
        port = self.chart_viewport
        event = self.current
        if self.view is None and event is not None and not 0 <= port.column(event.date) < self.size.width:
            inside = bisect_left(self.data.ordinals, port.boundaries[0])
            if inside < len(self.data.events) and self.data.ordinals[inside] < port.boundaries[-1]:
                self._move_to(inside)
                return
        self._reveal_selected()
        self._changed()

    def _set_view(self, view: View) -> None:
        if view != self.view:
            self.view = view
            self._changed()

    def _anchor(self) -> float | None:
        """The day zooming keeps in place: the selected event's, when it is in view."""
        event = self.current
        if event is None:
            return None
        if 0 <= self.chart_viewport.column(event.date) < self.size.width:
            return event.date.toordinal() + 0.5
        return None

    def action_zoom_in(self) -> None:
        self._set_view(zoom(self.data, self._width(), self.current_view, 1, self._anchor()))

    def action_zoom_out(self) -> None:
        self._set_view(zoom(self.data, self._width(), self.current_view, -1, self._anchor()))

    def action_fit(self) -> None:
        self._set_view(View())

    def action_pan_left(self) -> None:
        self._set_view(pan(self.data, self._width(), self.current_view, -max(self._width() // 4, 1)))

    def action_pan_right(self) -> None:
        self._set_view(pan(self.data, self._width(), self.current_view, max(self._width() // 4, 1)))

    def action_next_event(self) -> None:
        self._move_to((self.selected or 0) + 1 if self.selected is not None else 0)

    def action_previous_event(self) -> None:
        self._move_to((self.selected or 0) - 1 if self.selected is not None else 0)

    def action_first_event(self) -> None:
        self._move_to(0)

    def action_last_event(self) -> None:
        self._move_to(len(self.data.events) - 1)

    def _move_to(self, index: int) -> None:
        """Select the event at `index` (clamped), bring it into view and say so."""
        if not self.data.events:
            return
        index = max(0, min(index, len(self.data.events) - 1))
        if index == self.selected:
            return
        self.selected = index
        self._reveal_selected()
        self._changed()
        self.post_message(self.Selected(self, self.data.events[index]))

    def _reveal_selected(self) -> None:
        event = self.current
        if event is None or self.size.width <= 0 or self._opening or not self._shown:
            return
        current = self.current_view
        revealed = reveal(self.data, self.size.width, current, event.date)
        if self.view is not None or revealed != settle(self.data, self.size.width, current):
            self.view = revealed

    def _changed(self) -> None:
        port = self.chart_viewport if self.size.width > 0 else None
        self.border_subtitle = (
            self.translator(
                "chart.range",
                start=self.translator.short_date(port.first_day),
                end=self.translator.short_date(port.last_day),
            )
            if port is not None and self.data.events
            else ""
        )
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        try:
            if self._opening:
                self._open_on_story()
                return
            self._reveal_selected()
            self._changed()
        except Exception as error:
            self._fail(error)

    def _fail(self, error: Exception) -> None:
        """Draw blank from now on and say so once."""
        if not self._failed:
            self._failed = True
            self.post_message(self.Failed(self, error))

    # Mouse ----------------------------------------------------------------

    def _pointer_day(self, event: events.MouseEvent) -> float | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        port = self.chart_viewport
        return port.start + (offset.x + 0.5) * port.days_per_column

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        if event.shift:
            self.action_pan_left()
        else:
            self._set_view(zoom(self.data, self._width(), self.current_view, 1, self._pointer_day(event)))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        if event.shift:
            self.action_pan_right()
        else:
            self._set_view(zoom(self.data, self._width(), self.current_view, -1, self._pointer_day(event)))

    def on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        event.stop()
        self.action_pan_left()

    def on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        event.stop()
        self.action_pan_right()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        found = self.chart_layout.events_at(offset.x, offset.y)
        if not found:
            return
        # Clicking a column of several events again steps through them.
        if self.selected in found and self.selected is not None:
            index = found.start + (self.selected - found.start + 1) % len(found)
        else:
            index = found.start
        self._move_to(index)

    # Drawing ----------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # Styles are looked up once per frame, not once per line.
        base = self.rich_style
        if not self._failed:
            try:
                self._styles = {
                    role: base + self.get_component_rich_style(f"timeline-chart--{role}", partial=True)
                    for role in ROLES
                }
                self._styles["base"] = base
                self._selected_style = self.get_component_rich_style(SELECTED, partial=True)
                return super().render_lines(crop)
            except Exception as error:
                self._fail(error)
        return [Strip.blank(crop.width, base)] * crop.height

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        layout = self.chart_layout
        base = self._styles.get("base") or self.rich_style
        if y >= len(layout.rows):
            return Strip.blank(width, base)
        segments = []
        at = 0
        for piece in layout.rows[y]:
            if piece.column > at:
                segments.append(Segment(" " * (piece.column - at), base))
            style = self._styles.get(piece.role, base)
            if piece.selected:
                style += self._selected_style
            segments.append(Segment(piece.text, style))
            at = piece.end
        if at < width:
            segments.append(Segment(" " * (width - at), base))
        return Strip(segments, width)
