from __future__ import annotations

import inspect
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run and keep no example database.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.load_profile("deterministic")


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Keep every test away from the real user's config, state and data, from the locale, and from
    their desktop: no test opens a real browser or copies to a real clipboard."""
    base = tmp_path_factory.mktemp("user")
    for name in ("CONFIG", "STATE", "DATA", "CACHE"):
        monkeypatch.setenv(f"INFOHUB_TUI_{name}_DIR", str(base / name.lower()))
    for variable in (
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "BROWSER",
        "DISPLAY",
        "WAYLAND_DISPLAY",
        "TMUX",
    ):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("TZ", "UTC")
    yield base


# --- Tiers -------------------------------------------------------------------------------------
# Every test belongs to one tier, so that `pytest -m "unit or pilot"` is the fast development loop
# and `.ci/run` runs them all. A test's own marker wins; then a test comparing snapshots is `snapshot`;
# then its module's entry below; otherwise an `async` test (it drives the app through Pilot) is
# `pilot` and any other is `unit`.
TIERS = {
    "unit": "pure code, no app, no process",
    "pilot": "the real app driven through Textual's run_test Pilot, in-process",
    "stress": "Pilot runs that sweep every size or type thousands of random keys (not in the fast loop)",
    "content": "the bundled content itself: validity, parity, dates, sources",
    "snapshot": "SVG snapshots and screenshots of the app on the bundled content",
    "system": "the user's desktop tools (browsers, clipboards) started as real processes",
    "e2e": "the program in a real terminal (pty) or as a subprocess, as a user runs it",
    "browser": "`serve` visited by headless Chromium",
    "release": "building and checking the wheel, the type checker and the linters",
}
MODULE_TIERS = {
    "test_content": "content",
    "test_content_sources": "content",
    "test_content_dates": "content",
    "test_content_qualifications": "content",
    "test_authoring": "content",
    "test_monkey": "stress",
    "test_snapshots": "snapshot",
    "test_chart_snapshots": "snapshot",
    "test_screenshots": "snapshot",
    "test_browser": "browser",
    "test_serve": "e2e",
    "test_terminal": "e2e",
    "test_faults_cli": "e2e",
    "test_hostile": "e2e",
    "test_switch_probe": "e2e",
    "test_startup": "e2e",
    "test_cli_docs": "e2e",
    "test_opening": "system",
    "test_packaging": "release",
    "test_release": "release",
    "test_quality": "release",
}


def pytest_configure(config: pytest.Config) -> None:
    for name, meaning in TIERS.items():
        config.addinivalue_line("markers", f"{name}: {meaning}")


def tier_of(item: pytest.Item) -> str:
    own = [mark.name for mark in item.iter_markers() if mark.name in TIERS]
    if own:
        return own[0]
    if "snap_compare" in getattr(item, "fixturenames", ()):
        return "snapshot"
    module = item.module.__name__.rpartition(".")[2] if isinstance(item, pytest.Function) else ""
    if module in MODULE_TIERS:
        return MODULE_TIERS[module]
    function = getattr(item, "function", None)
    return "pilot" if function is not None and inspect.iscoroutinefunction(function) else "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    doubled = [
        item.nodeid for item in items if len({m.name for m in item.iter_markers() if m.name in TIERS}) > 1
    ]
    if doubled:
        raise pytest.UsageError(f"a test belongs to one tier; these are marked with two: {doubled}")
    for item in items:
        tier = tier_of(item)
        if not any(mark.name == tier for mark in item.iter_markers()):
            item.add_marker(getattr(pytest.mark, tier))
        item.user_properties.append(("tier", tier))


@pytest.fixture(autouse=True)
def tier_is_honest(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit or Pilot test that starts a process belongs to the e2e tier: it fails saying so."""
    if tier_of(request.node) not in {"unit", "pilot"}:
        return

    def refuse(self: subprocess.Popen[bytes], *args: Any, **kwargs: Any) -> None:
        pytest.fail(
            f"{request.node.nodeid} starts a process ({args[0] if args else kwargs.get('args')!r}): mark it e2e"
        )

    def refuse_fork(*args: Any, **kwargs: Any) -> None:
        pytest.fail(f"{request.node.nodeid} forks a process (a pty, pexpect): mark it e2e")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    # pexpect and ptyprocess start their child through pty.fork(), which is os.forkpty().
    for name in ("fork", "forkpty", "posix_spawn", "posix_spawnp"):
        monkeypatch.setattr(os, name, refuse_fork)
