"""Every validation rule reports the exact file:line:col of the problem."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from infohub_tui.hub.content_files import languages_in
from infohub_tui.hub.loader import load_hub
from infohub_tui.hub.model import Pane
from infohub_tui.hub.yaml_source import MAX_FILE_BYTES, ContentError

from .builders import hub_yaml, source
from .helpers import write_bundle


def problems_for(tmp_path: Path, **files: str | bytes) -> list[str]:
    write_bundle(tmp_path, "en", **files)
    with pytest.raises(ContentError) as error:
        load_hub(tmp_path, "en")
    return [str(problem).replace(str(tmp_path / "en") + "/", "") for problem in error.value.problems]


def test_minimal_bundle_loads_into_the_model(tmp_path: Path) -> None:
    hub = load_hub(write_bundle(tmp_path), "en")
    assert hub.title == "Test hub"
    assert hub.checked == date(2026, 11, 29)
    assert [entry.id for entry in hub.entries(Pane.STATEMENTS)] == ["first-statement"]
    assert hub.entries(Pane.STATEMENTS)[0].speaker == "Someone"
    assert hub.sources_of(hub.entries(Pane.FAQ)[0])[0].url == "https://example.org/one"
    assert languages_in(tmp_path) == ["en"]


def test_missing_required_field_points_at_the_entry(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        statements_yaml="""\
        - id: no-speaker
          date: 2020-08-17
          title: A statement
          body: Body.
          sources: [src-one]
        """,
    ) == ["statements.yaml:1:3: statements[0].speaker: required field missing"]


def test_null_required_field_points_at_the_value(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        faq_yaml="""\
        - id: q
          question:
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
        """,
    ) == ["faq.yaml:2:12: faq[0].question: required field missing"]


def test_wrong_type_names_the_type(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        storage_yaml="""\
        - id: fact
          label: 2020
          value: A value
          detail: Detail.
          claimed_by: Someone
          sources: [src-one]
        """,
    ) == ["storage.yaml:2:10: storage[0].label: expected text, got a number"]


def test_date_in_wrong_format(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        timeline_yaml="""\
        - id: event
          date: 06.08.2020
          title: An event
          kind: order
          actor: Someone
          body: Body.
          sources: [src-one]
        """,
    ) == ["timeline.yaml:2:9: timeline[0].date: expected a date as YYYY-MM-DD"]


def test_date_that_does_not_exist(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        timeline_yaml="""\
        - id: event
          date: 2020-02-30
          title: An event
          kind: order
          actor: Someone
          body: Body.
          sources: [src-one]
        """,
    ) == ["timeline.yaml:2:9: timeline[0].date: 2020-02-30 is not a date that exists"]


def test_duplicate_id_in_a_pane(tmp_path: Path) -> None:
    entry = "- id: same\n  question: A question?\n  answer: An answer.\n  answered_by: Someone\n  sources: [src-one]\n"
    assert problems_for(tmp_path, faq_yaml=entry + entry) == ["faq.yaml:6:7: faq[1].id: duplicate id 'same'"]


def test_id_must_be_kebab_case(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        faq_yaml="""\
        - id: Not_Kebab
          question: A question?
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
        """,
    ) == ["faq.yaml:1:7: faq[0].id: 'Not_Kebab' is not kebab-case"]


def test_unknown_source_is_reported_where_it_is_cited(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        faq_yaml="""\
        - id: q
          question: A question?
          answer: An answer.
          answered_by: Someone
          sources: [src-one, src-missing]
        """,
    ) == ["faq.yaml:5:22: faq[0].sources: unknown source 'src-missing'"]


def test_entry_needs_at_least_one_source(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        faq_yaml="""\
        - id: q
          question: A question?
          answer: An answer.
          answered_by: Someone
          sources: []
        """,
    ) == ["faq.yaml:5:12: faq[0].sources: must list at least one"]


def test_see_also_must_resolve(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        faq_yaml="""\
        - id: q
          question: A question?
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
          see_also: [timeline:first-event, timeline:no-such-event, nonsense]
        """,
    ) == [
        "faq.yaml:6:36: faq[0].see_also: no entry timeline:no-such-event",
        "faq.yaml:6:60: faq[0].see_also: 'nonsense' is not pane:id",
    ]


def test_timeline_kind_must_be_known(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        timeline_yaml="""\
        - id: event
          date: 2020-08-06
          title: An event
          kind: rumour
          actor: Someone
          body: Body.
          sources: [src-one]
        """,
    ) == [
        "timeline.yaml:4:9: timeline[0].kind: 'rumour' is not one of order, deadline, statement, court, deal, other, epilogue"
    ]


def test_source_url_must_be_http(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        hub_yaml=hub_yaml([source(url="javascript:alert(1)")]),
    )
    assert problems == ["hub.yaml:8:10: sources[0].url: only http and https URLs are allowed"]


def test_unknown_field_is_named(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        faq_yaml="""\
        - id: q
          question: A question?
          answr: A typo.
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
        """,
    ) == ["faq.yaml:3:3: faq[0].answr: unknown field"]


def test_duplicate_key_in_a_mapping(tmp_path: Path) -> None:
    assert problems_for(
        tmp_path,
        faq_yaml="""\
        - id: q
          question: A question?
          question: Again?
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
        """,
    ) == ["faq.yaml:3:3: duplicate key 'question'"]


def test_yaml_syntax_error(tmp_path: Path) -> None:
    (problem,) = problems_for(tmp_path, faq_yaml="- id: q\n  question: [unclosed\n")
    assert problem.startswith("faq.yaml:3:1: YAML syntax error: ")


def test_python_tags_are_refused(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, faq_yaml="- !!python/object/apply:os.system ['true']\n")
    assert problems == ["faq.yaml:1:3: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'"]


def test_aliases_are_refused(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        faq_yaml="""\
        - &entry
          id: q
          question: A question?
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
        - *entry
        """,
    )
    assert problems == ["faq.yaml:7:3: anchors and aliases are not allowed"]


def test_invalid_utf8_names_line_and_column(tmp_path: Path) -> None:
    raw = b"- id: q\n  question: caf\xe9?\n"
    assert problems_for(tmp_path, faq_yaml=raw) == ["faq.yaml:2:16: invalid UTF-8 (byte 0xe9)"]


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    big = b"# " + b"x" * MAX_FILE_BYTES + b"\n"
    problems = problems_for(tmp_path, faq_yaml=big)
    assert problems == [f"faq.yaml:1:1: file is {len(big)} bytes, over the limit of {MAX_FILE_BYTES}"]


def test_empty_and_missing_files(tmp_path: Path) -> None:
    write_bundle(tmp_path, faq_yaml="")
    (tmp_path / "en" / "storage.yaml").unlink()
    with pytest.raises(ContentError) as error:
        load_hub(tmp_path, "en")
    messages = [(Path(p.path).name, p.line, p.column, p.message) for p in error.value.problems]
    assert messages == [("faq.yaml", 1, 1, "file is empty"), ("storage.yaml", 1, 1, "file is missing")]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        faq_yaml="""\
        - id: q
          question: 1
          answer: An answer.
          answered_by: Someone
          sources: [nope]
        """,
        timeline_yaml="""\
        - id: event
          date: 2020-13-01
          title: An event
          kind: order
          actor: Someone
          body: Body.
          sources: [src-one]
        """,
    )
    assert problems == [
        "faq.yaml:2:13: faq[0].question: expected text, got a number",
        "faq.yaml:5:13: faq[0].sources: unknown source 'nope'",
        "timeline.yaml:2:9: timeline[0].date: 2020-13-01 is not a date that exists",
    ]


def test_control_characters_are_stripped_at_load(tmp_path: Path) -> None:
    write_bundle(
        tmp_path,
        faq_yaml="""\
        - id: q
          question: "Safe\\e]52;c;ZXZpbA==\\a title\\e[31m red\\x9b0m"
          answer: An answer.
          answered_by: Someone
          sources: [src-one]
        """,
    )
    assert load_hub(tmp_path, "en").entries(Pane.FAQ)[0].heading == "Safe title red"


def test_timeline_keeps_the_file_order_and_the_chart_gets_date_order(tmp_path: Path) -> None:
    """The list sorts by date itself (ordering.py), so that `S` can show the file's own order."""
    write_bundle(
        tmp_path,
        timeline_yaml="""\
        - id: later
          date: 2020-09-20
          title: Later
          kind: deadline
          actor: Someone
          body: Body.
          sources: [src-one]
        - id: earlier
          date: 2020-08-06
          title: Earlier
          kind: order
          actor: Someone
          body: Body.
          sources: [src-one]
        """,
    )
    hub = load_hub(tmp_path, "en")
    assert [event.id for event in hub.entries(Pane.TIMELINE)] == ["later", "earlier"]
    assert [event.id for event in hub.timeline] == ["earlier", "later"]


def test_content_cache_is_used_until_a_file_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from infohub_tui.hub import cache as content_cache
    from infohub_tui.hub import loader

    content = write_bundle(tmp_path / "content")
    cache = tmp_path / "cache"
    first = content_cache.load_cached_hub(content, "en", cache)
    assert list(cache.glob("hub-en-*.pickle"))

    def no_parsing(directory: Path, lang: str) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(loader, "load_hub", no_parsing)
    assert content_cache.load_cached_hub(content, "en", cache) == first
    monkeypatch.undo()

    faq = content / "en" / "faq.yaml"
    faq.write_text(faq.read_text().replace("A question?", "A changed question?"))
    assert (
        content_cache.load_cached_hub(content, "en", cache).entries(Pane.FAQ)[0].heading
        == "A changed question?"
    )


def test_corrupt_cache_entry_is_rebuilt(tmp_path: Path) -> None:
    from infohub_tui.hub import cache as content_cache

    content = write_bundle(tmp_path / "content")
    cache = tmp_path / "cache"
    path = content_cache.cache_path(cache, content, "en")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert content_cache.load_cached_hub(content, "en", cache) == load_hub(content, "en")
    assert path.read_bytes() != b"not a pickle"


def test_cached_content_still_reports_problems(tmp_path: Path) -> None:
    from infohub_tui.hub import cache as content_cache

    content = write_bundle(tmp_path / "content", faq_yaml="- id: Bad\n")
    with pytest.raises(ContentError):
        content_cache.load_cached_hub(content, "en", tmp_path / "cache")


def test_a_hub_cached_under_other_rules_is_read_again_and_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hub cached before a rule was added (issue 26: dates the chart cannot draw) is not taken
    from the cache by a reader with the new rule: the cache key holds the rule modules' checksum."""
    from infohub_tui.hub import cache as content_cache

    content = write_bundle(tmp_path / "content")
    cache = tmp_path / "cache"
    content_cache.load_cached_hub(content, "en", cache)
    assert content_cache.cached_hub(content, "en", cache) is not None
    monkeypatch.setattr(content_cache, "_rules", content_cache.rules_signature() + 1)
    assert content_cache.cached_hub(content, "en", cache) is None
