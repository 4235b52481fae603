"""Copying text to the system clipboard with the tools a desktop or tmux provides.

OSC 52 (the terminal sets its clipboard when the app asks) is the app's own, through Textual;
it reaches nothing where the terminal or tmux does not pass it on (tmux's default
`set-clipboard external`). So the text also goes to the first system tool that works:

- `wl-copy` under WAYLAND_DISPLAY; `xclip`, else `xsel`, under DISPLAY; `pbcopy` on macOS;
- and, inside tmux ($TMUX), `tmux load-buffer -w -`: tmux's buffer, which tmux passes on to the
  outer terminal's clipboard.

Each tool gets the text on its input and `TIMEOUT_SECONDS` to finish; a missing tool, a
non-zero status or a timeout is reported, and the next tool is tried. No Textual here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass

TIMEOUT_SECONDS = 2.0


@dataclass(frozen=True)
class Tool:
    name: str
    argv: tuple[str, ...]


@dataclass(frozen=True)
class ToolFailure:
    """A tool that did not copy: `not_found`, `status` (with `code`), `timeout` or `error`."""

    tool: str
    reason: str
    code: int | None = None


@dataclass(frozen=True)
class Copied:
    """What a copy reached: the tools that took the text, and those that failed."""

    tools: tuple[str, ...] = ()
    failures: tuple[ToolFailure, ...] = ()


WL_COPY = Tool("wl-copy", ("wl-copy",))
XCLIP = Tool("xclip", ("xclip", "-selection", "clipboard"))
XSEL = Tool("xsel", ("xsel", "--clipboard", "--input"))
PBCOPY = Tool("pbcopy", ("pbcopy",))
TMUX = Tool("tmux", ("tmux", "load-buffer", "-w", "-"))


def system_tools(env: Mapping[str, str], platform: str = sys.platform) -> list[Tool]:
    """The system clipboard tools that fit this session, best first (any one of them will do)."""
    tools: list[Tool] = []
    if env.get("WAYLAND_DISPLAY"):
        tools.append(WL_COPY)
    if env.get("DISPLAY"):
        tools.extend((XCLIP, XSEL))
    if platform == "darwin":
        tools.append(PBCOPY)
    return tools


def _run(tool: Tool, text: str, env: Mapping[str, str], timeout: float) -> ToolFailure | None:
    program = shutil.which(tool.argv[0], path=env.get("PATH", os.defpath))
    if program is None:
        return ToolFailure(tool.name, "not_found")
    try:
        # Output to /dev/null, not a pipe: xclip and wl-copy leave a child serving the selection,
        # which would hold a pipe open until the timeout.
        completed = subprocess.run(
            [program, *tool.argv[1:]],
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            start_new_session=True,
            check=False,
            env=dict(env),
        )
    except subprocess.TimeoutExpired:
        return ToolFailure(tool.name, "timeout")
    except OSError:
        return ToolFailure(tool.name, "error")
    return None if completed.returncode == 0 else ToolFailure(tool.name, "status", completed.returncode)


def copy_with_tools(
    text: str,
    env: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    timeout: float = TIMEOUT_SECONDS,
) -> Copied:
    """Give `text` to the first system clipboard tool that takes it, and to tmux inside tmux.

    Blocks for up to `timeout` per tool tried: call it off the event loop. A tool that is not
    installed counts as a failure only if no tool of the system clipboard could be found.
    """
    env = os.environ if env is None else env
    copied: list[str] = []
    failures: list[ToolFailure] = []
    missing: list[str] = []
    for tool in system_tools(env, platform):
        failure = _run(tool, text, env, timeout)
        if failure is None:
            copied.append(tool.name)
            break
        if failure.reason == "not_found":
            missing.append(tool.name)
        else:
            failures.append(failure)
    else:
        if missing and not failures:
            failures.append(ToolFailure(" / ".join(missing), "not_found"))
    if env.get("TMUX"):
        failure = _run(TMUX, text, env, timeout)
        if failure is None:
            copied.append(TMUX.name)
        else:
            failures.append(failure)
    return Copied(tuple(copied), tuple(failures))
