from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
