"""The chart's pure layout: days to columns, labels that never overlap, clocks over the right days."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from infohub_tui.chart.layout import (
    CLOCK_DEADLINE,
    CLOCK_EXTENDED_DEADLINE,
    CLOCK_START,
    CLOCK_STOP,
    CLUSTER_MARKERS,
    ELLIPSIS,
    KIND_MARKERS,
    MARGIN,
    MIN_DAYS_PER_COLUMN,
    ROLE_CLOCK_STOPPED,
    ROLE_CLUSTER,
    ROLE_LABEL,
    ROLE_STEM,
    ChartData,
    ChartLayout,
    View,
    Viewport,
    cluster_marker,
    days_per_column,
    layout_chart,
    max_zoom,
    pan,
    reveal,
    settle,
    story_span,
    story_view,
    viewport,
    viewport_for_range,
    zoom,
)
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import EVENT_KINDS, Clock, TimelineEvent
from infohub_tui.i18n import Translator

from .chart_story import write_story

EN, DE = Translator("en"), Translator("de")


def event(
    day: date, kind: str = "order", title: str | None = None, clocks: tuple[Clock, ...] = ()
) -> TimelineEvent:
    return TimelineEvent(
        id=f"e-{day.isoformat()}-{kind}",
        sources=("src",),
        date=day,
        title=title or f"Event of {day.isoformat()}",
        kind=kind,
        actor="Someone",
        text="Body.",
        clocks=clocks,
    )


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> ChartData:
    root = write_story(Path(tmp_path_factory.mktemp("story")))
    return ChartData(load_hub(root, "en").timeline)


def marker_columns(layout: ChartLayout) -> dict[int, str]:
    """Column -> marker text of the marker row."""
    return {piece.column: piece.text for piece in layout.rows[layout.marker_row]}


def assert_rows_are_clean(layout: ChartLayout) -> None:
    """Every row's pieces are in order, inside the width, and cover no cell twice."""
    width = layout.viewport.width
    assert len(layout.rows) == layout.height
    for pieces in layout.rows:
        taken: set[int] = set()
        previous_end = 0
        for piece in pieces:
            assert piece.column >= previous_end
            assert piece.column >= 0 and piece.end <= width
            cells = set(range(piece.column, piece.end))
            assert not cells & taken
            taken |= cells
            previous_end = piece.end
    for line in layout.text():
        assert cell_len(line) == width


# Days to columns -----------------------------------------------------------


@pytest.mark.parametrize(("width", "per_day"), [(31, 1), (62, 2), (124, 4)])
def test_a_day_lands_in_the_column_of_its_middle(width: int, per_day: int) -> None:
    """August 2020 in 31, 62 and 124 columns: day d is in column (d - 1) * k + k // 2 for k columns a day."""
    events = [event(date(2020, 8, day)) for day in (1, 6, 14, 17, 31)]
    port = viewport_for_range(date(2020, 8, 1), date(2020, 8, 31), width)
    layout = layout_chart(ChartData(events), port, 8, EN)
    expected = {(day - 1) * per_day + per_day // 2 for day in (1, 6, 14, 17, 31)}
    assert set(marker_columns(layout)) == expected
    for day in (1, 6, 14, 17, 31):
        assert port.column(date(2020, 8, day)) == (day - 1) * per_day + per_day // 2


def test_a_week_per_column_and_days_out_of_view() -> None:
    port = viewport_for_range(date(2020, 8, 3), date(2020, 10, 25), 12)  # 84 days, 7 a column
    assert port.days_per_column == 7
    assert port.column(date(2020, 8, 3)) == 0
    assert port.column(date(2020, 8, 9)) == 0
    assert port.column(date(2020, 8, 10)) == 1
    assert port.column(date(2020, 10, 25)) == 11
    assert port.column(date(2020, 8, 2)) == -1
    assert port.column(date(2020, 10, 26)) == 12
    assert (port.first_day, port.last_day) == (date(2020, 8, 3), date(2020, 10, 25))


@pytest.mark.parametrize("width", [20, 78, 158, 198])
def test_the_whole_span_fits_at_zoom_zero_with_a_margin(story: ChartData, width: int) -> None:
    layout = layout_chart(story, viewport(story, width, View()), 12, EN)
    columns = sorted(marker_columns(layout))
    assert columns[0] == MARGIN
    assert columns[-1] == width - MARGIN - 1
    assert sum(len(marker.events) for marker in layout.markers) == len(story)


@pytest.mark.parametrize("width", [40, 78, 160])
@pytest.mark.parametrize("level", [0, 2, 4, 7])
def test_markers_follow_the_dates_at_every_zoom(story: ChartData, width: int, level: int) -> None:
    """Markers are in date order, one per column that holds events, each where its events' days are."""
    view = View(level, date(2020, 9, 20).toordinal() + 0.5)
    port = viewport(story, width, view)
    layout = layout_chart(story, port, 10, EN)
    for marker in layout.markers:
        for index in marker.events:
            assert port.column(story.events[index].date) == marker.column
    visible = [i for i, e in enumerate(story.events) if 0 <= port.column(e.date) < width]
    assert [i for marker in layout.markers for i in marker.events] == visible


def test_each_kind_has_its_own_shape_and_several_events_show_a_dot_each() -> None:
    assert set(KIND_MARKERS) == set(EVENT_KINDS)
    assert len(set(KIND_MARKERS.values())) == len(EVENT_KINDS)
    day = date(2020, 8, 6)
    events = [event(day + timedelta(days=n), kind) for n, kind in enumerate(EVENT_KINDS)]
    events += [event(date(2020, 9, 1), "order", "A"), event(date(2020, 9, 1), "court", "B")]
    data = ChartData(events)
    layout = layout_chart(data, viewport_for_range(date(2020, 8, 1), date(2020, 9, 30), 61), 6, EN)
    shapes = marker_columns(layout)
    for n, kind in enumerate(EVENT_KINDS):
        assert shapes[5 + n] == KIND_MARKERS[kind]
    assert shapes[31] == "\u2844"  # two dots, not the digit 2
    assert [cluster_marker(n) for n in (2, 3, 4, 8, 9, 100)] == list("⡄⡆⡇⣿⣿⣿")
    assert not any(character.isdigit() for character in CLUSTER_MARKERS)
    assert not set(CLUSTER_MARKERS) & set(KIND_MARKERS.values())
    selected = data.index[events[-1].id]
    layout = layout_chart(data, layout.viewport, 6, EN, selected=selected)
    assert marker_columns(layout)[31] == KIND_MARKERS["court"]  # the selected one of the two


# Zoom and pan ---------------------------------------------------------------


def test_zoom_goes_from_the_whole_span_down_to_four_columns_a_day(story: ChartData) -> None:
    width = 80
    deepest = max_zoom(story, width)
    assert days_per_column(story, width, 0) > 25  # 2019 to 2025 in 80 columns
    assert days_per_column(story, width, deepest) == MIN_DAYS_PER_COLUMN
    assert days_per_column(story, width, deepest - 1) > MIN_DAYS_PER_COLUMN
    assert settle(story, width, View(deepest + 5)).zoom == deepest
    assert settle(story, width, View(-3)).zoom == 0


def test_zooming_keeps_the_anchor_day_in_its_column(story: ChartData) -> None:
    width = 100
    anchor = date(2020, 8, 14)
    view = View(2, anchor.toordinal() + 20.5)
    before = viewport(story, width, view).column(anchor)
    zoomed = zoom(story, width, view, 1, anchor.toordinal() + 0.5)
    assert zoomed.zoom == 3
    assert abs(viewport(story, width, zoomed).column(anchor) - before) <= 1
    assert zoom(story, width, zoomed, -1, anchor.toordinal() + 0.5).zoom == 2


def test_pan_moves_by_columns_and_stops_at_the_ends(story: ChartData) -> None:
    width = 80
    view = settle(story, width, View(4, date(2020, 9, 1).toordinal()))
    moved = pan(story, width, view, 20)
    assert moved.center is not None and view.center is not None
    assert moved.center - view.center == pytest.approx(20 * days_per_column(story, width, 4))
    far_left = pan(story, width, view, -100_000)
    far_right = pan(story, width, view, 100_000)
    assert viewport(story, width, far_left).column(story.events[0].date) >= 0
    assert viewport(story, width, far_right).column(story.events[-1].date) < width
    assert pan(story, width, View(), 30) == settle(story, width, View())  # nothing to pan at zoom 0


def test_reveal_brings_an_off_screen_day_to_the_middle(story: ChartData) -> None:
    width = 80
    view = settle(story, width, View(6, date(2020, 8, 14).toordinal()))
    day = date(2020, 12, 7)
    assert not 0 <= viewport(story, width, view).column(day) < width
    shown = reveal(story, width, view, day)
    assert viewport(story, width, shown).column(day) in (width // 2 - 1, width // 2)
    assert reveal(story, width, shown, day) == shown  # already in view: nothing moves


# Labels ---------------------------------------------------------------------


@pytest.mark.parametrize("width", [30, 78, 158, 198])
@pytest.mark.parametrize("level", [0, 3, 5, 7])
def test_story_labels_never_overlap(story: ChartData, width: int, level: int) -> None:
    for selected in (None, 0, 8, len(story) - 1):
        view = reveal(story, width, View(level), story.events[selected or 0].date)
        layout = layout_chart(story, viewport(story, width, view), 12, EN, selected)
        assert_rows_are_clean(layout)


def test_labels_hang_from_their_markers_and_are_shortened_with_an_ellipsis(story: ChartData) -> None:
    layout = layout_chart(story, viewport(story, 78, View(3, date(2020, 9, 20).toordinal())), 12, EN, 8)
    assert layout.labels
    by_event = {marker.shown: marker for marker in layout.markers}
    for label in layout.labels:
        title = story.events[label.event].title
        assert label.text == title or (label.text.endswith(ELLIPSIS) and title.startswith(label.text[:-1]))
        marker = by_event[label.event]
        # The label starts at its marker's column, or ends there when it hangs leftwards.
        assert marker.column in (label.column, label.column + len(label.text) - 1)
        for row in label.stem_rows:
            stems = [p for p in layout.rows[row] if p.column == marker.column]
            assert stems and stems[0].role == ROLE_STEM
    selected_labels = [label for label in layout.labels if label.event == 8]
    # Near: below only the rows the markers its title covers need for theirs.
    assert selected_labels and selected_labels[0].row <= layout.label_rows.start + 3


def test_a_label_keeps_two_free_cells_from_its_neighbours(story: ChartData) -> None:
    """With one space two titles read as one sentence."""
    for width in (60, 100, 160):
        for level in range(6):
            layout = layout_chart(
                story, viewport(story, width, View(level, date(2020, 9, 1).toordinal())), 14, EN
            )
            for row in layout.label_rows:
                pieces = layout.rows[row]
                for before, after in itertools.pairwise(pieces):
                    if before.role == after.role == ROLE_LABEL:
                        assert after.column >= before.end + 2
                    elif ROLE_LABEL in (before.role, after.role):
                        assert after.column > before.end


titles = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=60
)


@given(
    days=st.lists(st.integers(min_value=0, max_value=3000), min_size=1, max_size=60),
    kinds=st.lists(st.sampled_from(EVENT_KINDS), min_size=1, max_size=60),
    names=st.lists(titles, min_size=1, max_size=60),
    clock_days=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60), st.booleans()), max_size=20),
    width=st.integers(min_value=1, max_value=220),
    height=st.integers(min_value=0, max_value=40),
    level=st.integers(min_value=0, max_value=12),
    center=st.floats(min_value=-1e4, max_value=1e4, allow_nan=False),
    selected=st.integers(min_value=-1, max_value=70),
    german=st.booleans(),
)
def test_no_layout_ever_overlaps(
    days: list[int],
    kinds: list[str],
    names: list[str],
    clock_days: list[tuple[int, int, bool]],
    width: int,
    height: int,
    level: int,
    center: float,
    selected: int,
    german: bool,
) -> None:
    start = date(2019, 1, 1)
    events = []
    for number, offset in enumerate(days):
        day = start + timedelta(days=offset)
        clocks: tuple[Clock, ...] = ()
        if number < len(clock_days):
            length, extra, stopped = clock_days[number]
            ends = day + timedelta(days=length)
            extended = (ends + timedelta(days=extra + 1),) if extra else ()
            clocks = (
                Clock(
                    ends=ends,
                    extended_to=extended,
                    stopped=day + timedelta(days=length // 2) if stopped else None,
                ),
            )
        events.append(
            TimelineEvent(
                id=f"e{number}",
                sources=("s",),
                date=day,
                title=names[number % len(names)],
                kind=kinds[number % len(kinds)],
                actor="A",
                text="B",
                clocks=clocks,
            )
        )
    data = ChartData(events)
    view = View(level, start.toordinal() + center)
    layout = layout_chart(
        data, viewport(data, width, view), height, DE if german else EN, selected if selected >= 0 else None
    )
    assert_rows_are_clean(layout)


# Clocks -----------------------------------------------------------------------


def clock_row(layout: ChartLayout, label: str) -> str:
    bar = next(bar for bar in layout.clocks if bar.label is not None and label in bar.label.text)
    return layout.text()[bar.row]


def test_clocks_span_their_days_with_extensions_and_stops(story: ChartData) -> None:
    """One column a day from 1 August to 31 December 2020."""
    port = viewport_for_range(date(2020, 8, 1), date(2020, 12, 31), 153)
    layout = layout_chart(story, port, 20, EN)
    assert len(layout.clocks) == 4 and layout.hidden_clocks == 0

    def at(day: date) -> int:
        return (day - date(2020, 8, 1)).days

    eo = clock_row(layout, "EO 13942, 45 days")
    assert eo[at(date(2020, 8, 6))] == CLOCK_START
    assert eo[at(date(2020, 9, 20))] == CLOCK_DEADLINE
    assert (date(2020, 9, 20) - date(2020, 8, 6)).days == 45
    assert eo[at(date(2020, 9, 21))] not in "─═┄┤╡"  # the bar ends on day 45

    divest = clock_row(layout, "Divestment, 90 days")
    assert divest[at(date(2020, 8, 14))] == CLOCK_START
    assert divest[at(date(2020, 11, 12))] == CLOCK_DEADLINE
    assert divest[at(date(2020, 11, 27))] == CLOCK_EXTENDED_DEADLINE
    assert divest[at(date(2020, 12, 4))] == CLOCK_EXTENDED_DEADLINE
    assert set(divest[at(date(2020, 11, 13)) : at(date(2020, 11, 27))]) == {"═"}
    assert set(divest[at(date(2020, 11, 28)) : at(date(2020, 12, 4))]) == {"═"}
    assert divest[at(date(2020, 12, 5))] == " "

    app_store = clock_row(layout, "App-store ban")
    assert app_store[at(date(2020, 9, 18))] == CLOCK_START
    assert app_store[at(date(2020, 9, 20))] == CLOCK_DEADLINE  # the first date, moved ...
    assert set(app_store[at(date(2020, 9, 21)) : at(date(2020, 9, 27))]) == {"═"}
    assert app_store[at(date(2020, 9, 27))] == CLOCK_STOP  # ... to the day a court stopped it

    november = clock_row(layout, "November prohibitions")
    assert november[at(date(2020, 9, 18))] == CLOCK_START
    assert november[at(date(2020, 10, 30))] == CLOCK_STOP
    assert set(november[at(date(2020, 10, 31)) : at(date(2020, 11, 12))]) == {"┄"}
    assert november[at(date(2020, 11, 12))] == CLOCK_DEADLINE
    after_stop = [p for p in layout.rows[layout.text().index(november)] if p.role == ROLE_CLOCK_STOPPED]
    assert after_stop and after_stop[0].column == at(date(2020, 10, 31))


def test_clocks_share_a_row_only_when_they_keep_apart() -> None:
    events = [
        event(date(2020, 1, 1), clocks=(Clock(ends=date(2020, 1, 10)),)),
        event(date(2020, 1, 20), clocks=(Clock(ends=date(2020, 1, 30)),)),
        event(date(2020, 1, 5), "court", clocks=(Clock(ends=date(2020, 1, 25)),)),
    ]
    layout = layout_chart(
        ChartData(events), viewport_for_range(date(2020, 1, 1), date(2020, 1, 31), 31), 10, EN
    )
    rows = sorted((bar.row, bar.start) for bar in layout.clocks)
    assert rows == [(0, 0), (0, 19), (1, 4)]


def test_clocks_without_room_are_counted_not_drawn(story: ChartData) -> None:
    port = viewport_for_range(date(2020, 8, 1), date(2020, 12, 31), 153)
    small = layout_chart(story, port, 7, EN)  # room for two clock rows
    assert len(small.clocks) + small.hidden_clocks == 4
    assert small.hidden_clocks == 2
    selected = story.index["commerce-prohibitions"]
    chosen = layout_chart(story, port, 7, EN, selected)
    assert {story.clocks[bar.clock].event for bar in chosen.clocks} == {
        selected
    }  # the selected event's first


def test_a_clock_without_a_label_is_labelled_with_its_days() -> None:
    events = [event(date(2020, 8, 6), clocks=(Clock(ends=date(2020, 9, 20)),))]
    port = viewport_for_range(date(2020, 8, 1), date(2020, 9, 30), 61)
    assert "45 days" in layout_chart(ChartData(events), port, 6, EN).text()[0]
    assert "45 Tage" in layout_chart(ChartData(events), port, 6, DE).text()[0]


# Axis and legend ----------------------------------------------------------------


def test_month_ticks_in_english_and_german(story: ChartData) -> None:
    port = viewport_for_range(date(2020, 8, 1), date(2020, 12, 31), 153)
    english = layout_chart(story, port, 10, EN)
    german = layout_chart(story, port, 10, DE)
    months = {tick.day: tick.label for tick in english.ticks if tick.day.day == 1}
    assert months == {
        date(2020, 8, 1): "August 2020",
        date(2020, 9, 1): "September",
        date(2020, 10, 1): "October",
        date(2020, 11, 1): "November",
        date(2020, 12, 1): "December",
    }
    assert {tick.day: tick.label for tick in german.ticks if tick.day.day == 1}[
        date(2020, 10, 1)
    ] == "Oktober"
    for tick in english.ticks:
        assert tick.column == port.column(tick.day)
        assert english.text()[english.axis_row or 0][tick.column] == "┬"
    weeks = [tick for tick in english.ticks if tick.day.day != 1]
    assert weeks and all(tick.day.weekday() == 0 for tick in weeks)  # Mondays between the months


def test_short_month_names_when_full_ones_do_not_fit(story: ChartData) -> None:
    port = viewport_for_range(date(2020, 1, 1), date(2020, 12, 31), 80)
    for translator, october in ((EN, "Oct"), (DE, "Okt.")):
        layout = layout_chart(story, port, 10, translator)
        labels = {tick.day: tick.label for tick in layout.ticks}
        assert len(labels) == 12
        assert labels[date(2020, 10, 1)] == october
        assert labels[date(2020, 1, 1)] == "2020"  # January shows the year


def test_years_when_zoomed_out(story: ChartData) -> None:
    layout = layout_chart(story, viewport(story, 80, View()), 10, EN)
    labels = [tick.label for tick in layout.ticks]
    assert labels[:5] == ["2020", "2021", "2022", "2023", "2024"]
    assert labels[5] in ("2025", "")  # the last tick is close to the edge


def test_the_legend_names_the_kinds_and_clock_marks_in_the_language(story: ChartData) -> None:
    english = layout_chart(story, viewport(story, 160, View()), 10, EN)
    legend = english.text()[english.legend_row or 0]
    for text in (
        "■ order",
        "▲ deadline",
        "§ court",
        "◆ deal",
        "● statement",
        "○ later",
        "├─┤ clock",
        "═╡ extended",
    ):
        assert text in legend
    assert "stopped" in legend
    german = layout_chart(story, viewport(story, 160, View()), 10, DE)
    assert "■ Anordnung" in german.text()[german.legend_row or 0]
    narrow = layout_chart(story, viewport(story, 30, View()), 10, EN)
    assert narrow.text()[narrow.legend_row or 0].rstrip() == "⡆ several, a dot each  ■ order"
    assert "⡆ mehrere, je ein Punkt" in german.text()[german.legend_row or 0]
    # No column of several events in view: no word about dots.
    single = layout_chart(story, viewport_for_range(date(2020, 8, 1), date(2020, 12, 31), 153), 10, EN)
    assert not any(piece.role == ROLE_CLUSTER for piece in single.rows[single.marker_row])
    assert "dot" not in single.text()[single.legend_row or 0]
    assert single.text()[single.legend_row or 0].startswith("■ order")


# Edges ------------------------------------------------------------------------------


def test_no_events_says_so() -> None:
    layout = layout_chart(ChartData(()), Viewport(0.0, 1.0, 40), 5, EN)
    assert layout.text()[0].rstrip() == "No dated events."


@pytest.mark.parametrize("height", [0, 1, 2, 3, 5])
def test_small_heights(story: ChartData, height: int) -> None:
    layout = layout_chart(story, viewport(story, 80, View()), height, EN, 3)
    assert_rows_are_clean(layout)
    if height == 1:
        assert layout.marker_row == 0 and layout.axis_row is None
    if height >= 2:
        assert layout.axis_row is not None and layout.marker_row == layout.axis_row + 1


def test_a_click_finds_the_events_of_a_marker_or_label(story: ChartData) -> None:
    layout = layout_chart(story, viewport(story, 100, View(3, date(2020, 9, 1).toordinal())), 12, EN, 8)
    marker = layout.markers[0]
    assert layout.events_at(marker.column, layout.marker_row) == marker.events
    label = layout.labels[0]
    found = layout.events_at(label.column, label.row)
    assert found is not None and label.event in found
    assert layout.events_at(0, 99) is None


def test_clocks_that_start_before_the_view_still_get_a_row(story: ChartData) -> None:
    """Zoomed to September-October 2020 with the prohibitions selected: all four clocks are drawn."""
    selected = story.index["commerce-prohibitions"]
    layout = layout_chart(
        story, viewport_for_range(date(2020, 9, 1), date(2020, 11, 5), 158), 20, EN, selected
    )
    assert len(layout.clocks) == 4 and layout.hidden_clocks == 0
    assert min(bar.start for bar in layout.clocks) < 0  # the order of 6 August began off screen


# The opening view: the story ------------------------------------------------------


def test_the_story_is_the_densest_span(story: ChartData) -> None:
    first, last = story_span(story)
    assert date.fromordinal(first) >= date(2020, 8, 1)
    assert date.fromordinal(last) <= date(2020, 12, 31)
    inside = [day for day in story.ordinals if first <= day <= last]
    assert len(inside) >= len(story) / 2
    few = ChartData([event(date(2019, 1, 1)), event(date(2025, 1, 1))])
    assert story_span(few) == (few.first, few.last)  # too few events for a story: all of them


@pytest.mark.parametrize("width", [76, 116, 196])
def test_the_story_view_frames_the_story_closer_than_the_whole_span(story: ChartData, width: int) -> None:
    view = story_view(story, width)
    assert view.zoom > 0
    port = viewport(story, width, view)
    first, last = story_span(story)
    assert port.column(first) >= 0 and port.column(last) < width
    # One zoom level closer and the story no longer fits.
    closer = viewport(story, width, View(view.zoom + 1, view.center))
    assert (
        closer.column(first) < 0
        or closer.column(last) >= width
        or closer.days_per_column * width < (last + 1 - first)
    )


def test_clock_labels_give_their_end_date_where_it_fits(story: ChartData) -> None:
    port = viewport_for_range(date(2020, 8, 1), date(2020, 12, 31), 153)
    english = "\n".join(layout_chart(story, port, 20, EN).text())
    assert "EO 13942, 45 days, until 20 Sep 2020" in english
    assert "Divestment, 90 days, until 4 Dec 2020" in english  # the last extension
    assert "App-store ban, stopped 27 Sep 2020" in english
    german = "\n".join(layout_chart(story, port, 20, DE).text())
    assert "bis 20. Sep. 2020" in german and "gestoppt am 27. Sep. 2020" in german
    for width in (30, 40, 60, 80):  # the date whole or not at all; the label is shortened, not the date
        narrow = layout_chart(story, viewport_for_range(date(2020, 8, 1), date(2020, 12, 31), width), 20, EN)
        labels = [piece.text.strip() for bar in narrow.clocks if bar.label for piece in [bar.label]]
        assert labels
        for text in labels:
            assert (", until " not in text and ", stopped " not in text) or text.endswith("2020")
