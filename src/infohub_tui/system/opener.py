"""How to open a web link from a terminal app: which program, and whether it needs the terminal.

The choice, first that applies:

1. the config file's `browser` (like newsboat's): a command, `%u` replaced by the URL or the
   URL appended; a trailing `&` starts it detached, as a graphical browser;
2. `$BROWSER`, a list separated by `:` read as Python's `webbrowser` reads it (`%s` replaced
   by the URL or the URL appended), its first program found on PATH;
3. a graphical opener when there is a display: `xdg-open` under DISPLAY or WAYLAND_DISPLAY,
   `open` on macOS;
4. a console browser on PATH: w3m, lynx, links, elinks.

A console browser needs the terminal (the app hands it over and waits); a graphical one starts
detached, in its own session, its input and output on /dev/null so that nothing it prints lands
on the app's screen. A command nobody knows is taken for a console program, as Python's
`webbrowser` and newsboat do: handing it the terminal works for either kind.

Pure apart from starting processes: no Textual here (the reader screen wires it).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePath

CONSOLE_BROWSERS = ("w3m", "lynx", "links", "elinks")
"""Tried in this order when nothing else can open a link."""

GRAPHICAL_PROGRAMS = frozenset(
    {
        "brave",
        "brave-browser",
        "chrome",
        "chromium",
        "chromium-browser",
        "epiphany",
        "falkon",
        "firefox",
        "firefox-esr",
        "gio",
        "gnome-open",
        "google-chrome",
        "google-chrome-stable",
        "kde-open",
        "kfmclient",
        "konqueror",
        "librewolf",
        "microsoft-edge",
        "midori",
        "open",
        "opera",
        "qutebrowser",
        "vivaldi",
        "wslview",
        "x-www-browser",
        "xdg-open",
    }
)
"""Programs that open a window and need no terminal, when named in `browser` or `$BROWSER`."""

DETACHED_WAIT_SECONDS = 0.5
"""How long a detached start is watched for an immediate failure (xdg-open without a handler)."""


class Mode(Enum):
    CONSOLE = "console"
    """Runs in the terminal: the app hands it over and waits."""
    GRAPHICAL = "graphical"
    """Opens a window: started detached, its output discarded."""
    NONE = "none"
    """Nothing can open the link."""


class Origin(Enum):
    SETTING = "browser setting"
    ENVIRONMENT = "$BROWSER"
    DISPLAY = "display"
    CONSOLE = "console browser"


@dataclass(frozen=True)
class Plan:
    """How to open one URL: the command line, and whether it needs the terminal."""

    mode: Mode
    argv: tuple[str, ...] = ()
    origin: Origin | None = None
    found: bool = True
    """False for a configured program that is not on PATH: starting it would fail."""

    @property
    def program(self) -> str:
        """The program's name as a reader knows it (`firefox`, not `/usr/bin/firefox`)."""
        return PurePath(self.argv[0]).name if self.argv else ""


NO_BROWSER = Plan(Mode.NONE)


@dataclass(frozen=True)
class Failure:
    """Why a browser did not start: `not_found`, `status` (with `code`), or `error` (with `detail`)."""

    program: str
    reason: str
    code: int | None = None
    detail: str = ""


def _which(program: str, env: Mapping[str, str]) -> str | None:
    return shutil.which(program, path=env.get("PATH", os.defpath))


def _command(command: str, placeholder: str, url: str) -> tuple[list[str], bool] | None:
    """`command` as an argument list with the URL in it, and whether it asks to run detached
    (a trailing `&`); None if it cannot be split or names no program."""
    text = command.strip()
    detached = text.endswith("&")
    if detached:
        text = text[:-1].rstrip()
    try:
        words = shlex.split(text)
    except ValueError:
        return None
    if not words:
        return None
    if any(placeholder in word for word in words):
        words = [word.replace(placeholder, url) for word in words]
    else:
        words.append(url)
    return words, detached


def _mode_of(program: str, detached: bool) -> Mode:
    if detached or PurePath(program).name in GRAPHICAL_PROGRAMS:
        return Mode.GRAPHICAL
    return Mode.CONSOLE


def has_display(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether graphical programs can show a window: macOS, or an X or Wayland display."""
    return platform == "darwin" or bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def plan_for(
    url: str,
    *,
    browser: str | None = None,
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
) -> Plan:
    """How to open `url` (see the module's docstring for the order)."""
    env = os.environ if env is None else env
    if browser and browser.strip():
        command = _command(browser, "%u", url)
        if command is not None:
            words, detached = command
            # A configured program that is not on PATH is not replaced by another: the reader is told.
            found = _which(words[0], env)
            words[0] = found or words[0]
            return Plan(_mode_of(words[0], detached), tuple(words), Origin.SETTING, found is not None)
    for entry in env.get("BROWSER", "").split(os.pathsep):
        command = _command(entry, "%s", url) if entry.strip() else None
        if command is None:
            continue
        words, detached = command
        found = _which(words[0], env)
        if found is not None:
            words[0] = found
            return Plan(_mode_of(found, detached), tuple(words), Origin.ENVIRONMENT)
    if has_display(env, platform):
        opener = _which("open" if platform == "darwin" else "xdg-open", env)
        if opener is not None:
            return Plan(Mode.GRAPHICAL, (opener, url), Origin.DISPLAY)
    for name in CONSOLE_BROWSERS:
        found = _which(name, env)
        if found is not None:
            return Plan(Mode.CONSOLE, (found, url), Origin.CONSOLE)
    return NO_BROWSER


def _not_started(program: str, error: OSError) -> Failure:
    if isinstance(error, FileNotFoundError):
        return Failure(program, "not_found")
    return Failure(program, "error", detail=error.strerror or type(error).__name__)


def start_detached(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    wait: float = DETACHED_WAIT_SECONDS,
) -> Failure | None:
    """Start a graphical program away from the terminal; None once it runs (or has exited 0)
    after `wait` seconds, else why not. Blocks for up to `wait`: call it off the event loop."""
    program = PurePath(argv[0]).name
    try:
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
            env=None if env is None else dict(env),
        )
    except OSError as error:
        return _not_started(program, error)
    try:
        code = process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        # Still running (a browser's first window): collect its status when it ends.
        threading.Thread(target=process.wait, name=f"wait-{program}", daemon=True).start()
        return None
    return None if code == 0 else Failure(program, "status", code)


def run_in_terminal(argv: Sequence[str], *, env: Mapping[str, str] | None = None) -> Failure | None:
    """Run a console program on the terminal as it is (the app must have handed it over) and wait
    for it; None if it ended with status 0, else why not."""
    program = PurePath(argv[0]).name
    try:
        code = subprocess.run(list(argv), check=False, env=None if env is None else dict(env)).returncode
    except OSError as error:
        return _not_started(program, error)
    return None if code == 0 else Failure(program, "status", code)
