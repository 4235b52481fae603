"""Every path the app reads or writes, in one place.

Each user directory comes from platformdirs and can be overridden by an
environment variable, which is how the tests keep away from real user files.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "infohub-tui"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _user_dir(variable: str, default: str) -> Path:
    override = os.environ.get(variable)
    return Path(override) if override else Path(default)


def config_dir() -> Path:
    return _user_dir("INFOHUB_TUI_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    return _user_dir("INFOHUB_TUI_STATE_DIR", platformdirs.user_state_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return _user_dir("INFOHUB_TUI_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return _user_dir("INFOHUB_TUI_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def state_file() -> Path:
    return state_dir() / "state.json"


def user_content_dir() -> Path:
    """Content here replaces the bundled content (for hub authors)."""
    return data_dir() / "content"


def bundled(name: str) -> Path:
    """A top-level folder of the repository shipped with the package (`content`, `man`, `completions`).

    A wheel carries it inside the package (`infohub_tui/NAME`); an editable
    install runs from `src/`, so it is the repository's top-level `NAME/`.
    """
    inside_package = _PACKAGE_DIR / name
    if inside_package.is_dir():
        return inside_package
    return _PACKAGE_DIR.parent.parent / name


def bundled_content_dir() -> Path:
    """The content shipped with the package."""
    return bundled("content")


def content_dir(explicit: Path | None = None) -> Path:
    """The content directory to use: `--content`, else the user's own, else the bundled one."""
    if explicit is not None:
        return explicit
    user = user_content_dir()
    if user.is_dir():
        return user
    return bundled_content_dir()


def stylesheet() -> Path:
    return _PACKAGE_DIR / "ui" / "infohub.tcss"
