"""Clocks on timeline events: loaded, validated at file:line:col, in the schema, exported and back."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Static

from infohub_tui.formats.export import to_data, to_markdown, write_content_dir
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Clock, Pane
from infohub_tui.hub.schema import file_schemas
from infohub_tui.hub.yaml_source import ContentError
from infohub_tui.locations import bundled_content_dir

from .helpers import make_app, reader_screen, running, write_bundle

WITH_CLOCKS = """\
    - id: divestment-order
      date: 2020-08-14
      title: Divestment order
      kind: order
      actor: Someone
      body: Body.
      sources: [src-one]
      clocks:
        - label: 90 days to divest
          ends: 2020-11-12
          extended_to: [2020-11-27, 2020-12-04]
    - id: prohibitions
      date: 2020-09-18
      title: Prohibitions named
      kind: order
      actor: Someone
      body: Body.
      sources: [src-one]
      clocks:
        - label: App-store ban
          ends: 2020-09-20
          extended_to: [2020-09-27]
          stopped: 2020-09-27
        - ends: 2020-11-12
          stopped: 2020-10-30
    """


def timeline_problems(tmp_path: Path, clocks: str) -> list[str]:
    """Problems of a one-event timeline (dated 2020-08-06) whose `clocks:` field is `clocks`."""
    event = (
        "- id: event\n  date: 2020-08-06\n  title: An event\n  kind: order\n"
        "  actor: Someone\n  body: Body.\n  sources: [src-one]\n  clocks:\n" + clocks
    )
    write_bundle(tmp_path, "en", timeline_yaml=event)
    with pytest.raises(ContentError) as error:
        load_hub(tmp_path, "en")
    return [str(problem).replace(str(tmp_path / "en") + "/", "") for problem in error.value.problems]


def test_clocks_load_into_the_model(tmp_path: Path) -> None:
    hub = load_hub(write_bundle(tmp_path, timeline_yaml=WITH_CLOCKS), "en")
    divestment, prohibitions = hub.timeline
    assert divestment.clocks == (
        Clock(
            ends=date(2020, 11, 12),
            label="90 days to divest",
            extended_to=(date(2020, 11, 27), date(2020, 12, 4)),
        ),
    )
    assert divestment.clocks[0].final_end == date(2020, 12, 4)
    assert prohibitions.clocks[0].stopped == date(2020, 9, 27)
    assert prohibitions.clocks[1] == Clock(ends=date(2020, 11, 12), stopped=date(2020, 10, 30))
    assert prohibitions.clocks[1].final_end == date(2020, 11, 12)


def test_an_event_without_clocks_has_none(tmp_path: Path) -> None:
    assert load_hub(write_bundle(tmp_path), "en").timeline[0].clocks == ()


def test_a_clock_must_end(tmp_path: Path) -> None:
    assert timeline_problems(tmp_path, "    - label: 45 days\n") == [
        "timeline.yaml:9:7: timeline[0].clocks[0].ends: required field missing"
    ]


def test_a_clock_ends_on_or_after_its_event(tmp_path: Path) -> None:
    assert timeline_problems(tmp_path, "    - ends: 2020-08-05\n") == [
        "timeline.yaml:9:13: timeline[0].clocks[0].ends: 2020-08-05 is before the event's date 2020-08-06"
    ]


def test_extensions_are_dates_each_after_the_one_before(tmp_path: Path) -> None:
    assert timeline_problems(
        tmp_path,
        "    - ends: 2020-09-20\n      extended_to: [2020-09-27, 2020-09-27, 27.11.2020]\n",
    ) == [
        "timeline.yaml:10:33: timeline[0].clocks[0].extended_to[1]: 2020-09-27 is not after 2020-09-27",
        "timeline.yaml:10:45: timeline[0].clocks[0].extended_to[2]: expected a date as YYYY-MM-DD",
    ]


def test_extensions_are_a_list(tmp_path: Path) -> None:
    assert timeline_problems(tmp_path, "    - ends: 2020-09-20\n      extended_to: 2020-09-27\n") == [
        "timeline.yaml:10:20: timeline[0].clocks[0].extended_to: expected a list, got a date"
    ]


def test_a_clock_stops_between_its_event_and_its_last_deadline(tmp_path: Path) -> None:
    assert timeline_problems(
        tmp_path,
        "    - ends: 2020-09-20\n      stopped: 2020-09-21\n"
        "    - ends: 2020-09-20\n      stopped: 2020-08-01\n",
    ) == [
        "timeline.yaml:10:16: timeline[0].clocks[0].stopped: 2020-09-21 is after the clock ran out (2020-09-20)",
        "timeline.yaml:12:16: timeline[0].clocks[1].stopped: 2020-08-01 is before the event's date 2020-08-06",
    ]


def test_clocks_are_a_list_of_mappings_with_known_fields(tmp_path: Path) -> None:
    assert timeline_problems(tmp_path, "    ends: 2020-09-20\n") == [
        "timeline.yaml:9:5: timeline[0].clocks: expected a list, got a mapping"
    ]
    assert timeline_problems(tmp_path, "    - 2020-09-20\n    - ends: 2020-09-20\n      days: 45\n") == [
        "timeline.yaml:9:7: timeline[0].clocks[0]: expected a mapping, got a date",
        "timeline.yaml:11:7: timeline[0].clocks[1].days: unknown field",
    ]


def test_clocks_are_only_for_the_timeline(tmp_path: Path) -> None:
    write_bundle(
        tmp_path,
        "en",
        statements_yaml="""\
        - id: first-statement
          date: 2020-08-17
          speaker: Someone
          title: A statement
          body: Body text.
          sources: [src-one]
          clocks: [{ends: 2020-09-01}]
        """,
    )
    with pytest.raises(ContentError) as error:
        load_hub(tmp_path, "en")
    assert [problem.message for problem in error.value.problems] == ["statements[0].clocks: unknown field"]


def test_clocks_survive_the_json_export(tmp_path: Path) -> None:
    hub = load_hub(write_bundle(tmp_path / "in", timeline_yaml=WITH_CLOCKS), "en")
    data = json.loads(json.dumps(to_data(hub)))
    assert data["files"]["timeline.yaml"][1]["clocks"] == [
        {
            "ends": "2020-09-20",
            "label": "App-store ban",
            "extended_to": ["2020-09-27"],
            "stopped": "2020-09-27",
        },
        {"ends": "2020-11-12", "stopped": "2020-10-30"},
    ]
    assert load_hub(write_content_dir(data, tmp_path / "out"), "en") == hub


def test_an_event_without_clocks_exports_no_clocks_field(tmp_path: Path) -> None:
    data = to_data(load_hub(write_bundle(tmp_path), "en"))
    assert "clocks" not in data["files"]["timeline.yaml"][0]


def test_the_schema_describes_clocks() -> None:
    timeline = file_schemas()["timeline.schema.json"]["items"]
    assert "clocks" not in timeline["required"]
    clock = timeline["properties"]["clocks"]["items"]
    assert clock["required"] == ["ends"]
    assert set(clock["properties"]) == {"label", "ends", "extended_to", "stopped"}
    assert clock["additionalProperties"] is False


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "90 days to divest: from 14 August 2020 to 12 November 2020;"
                " extended to 27 November 2020 and 4 December 2020",
                "App-store ban: from 18 September 2020 to 20 September 2020;"
                " extended to 27 September 2020; stopped by a court on 27 September 2020",
                "Deadline: from 18 September 2020 to 12 November 2020; stopped by a court on 30 October 2020",
            ],
        ),
        (
            "de",
            [
                "90 days to divest: vom 14. August 2020 bis 12. November 2020;"
                " verlängert bis 27. November 2020 und 4. Dezember 2020",
                "App-store ban: vom 18. September 2020 bis 20. September 2020;"
                " verlängert bis 27. September 2020; am 27. September 2020 von einem Gericht gestoppt",
                "Frist: vom 18. September 2020 bis 12. November 2020;"
                " am 30. Oktober 2020 von einem Gericht gestoppt",
            ],
        ),
    ],
)
def test_clocks_read_as_sentences_in_the_markdown_export(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    hub = load_hub(write_bundle(tmp_path, lang, **{"timeline.yaml": WITH_CLOCKS}), lang)
    exported = to_markdown(hub)
    assert [line.removeprefix("- ") for line in exported.splitlines() if line.startswith("- ")] == expected


@pytest.mark.content
def test_the_bundled_divestment_order_exports_its_extensions() -> None:
    hub = load_hub(bundled_content_dir(), "en")
    assert (
        "- Divestment, 90 days: from 14 August 2020 to 12 November 2020;"
        " extended to 27 November 2020 and 4 December 2020"
    ) in to_markdown(hub).splitlines()


@pytest.mark.parametrize(
    ("lang", "title", "line"),
    [
        (
            "en",
            "Deadlines it set",
            "• Sale, 90 days: from 14 August 2020 to 12 November 2020;"
            " extended to 27 November 2020 and 4 December 2020",
        ),
        (
            "de",
            "Gesetzte Fristen",
            "• Verkauf, 90 Tage: vom 14. August 2020 bis 12. November 2020;"
            " verlängert bis 27. November 2020 und 4. Dezember 2020",
        ),
    ],
)
async def test_the_entry_shows_the_clocks_its_event_set(lang: str, title: str, line: str) -> None:
    app = make_app(lang=lang)
    async with running(app, (200, 50)) as pilot:
        assert reader_screen(app).jump_to(Pane.TIMELINE, "sale-ordered")
        await pilot.pause()
        clocks = reader_screen(app).visible_reader.detail.query_one("#detail-clocks", Static)
        assert clocks.display and clocks.border_title == title
        assert " ".join(str(clocks.render()).split()) == line
        assert reader_screen(app).jump_to(Pane.TIMELINE, "page-launch")
        await pilot.pause()
        assert not clocks.display
