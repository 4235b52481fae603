"""What a browser may send `serve`, read with limits: a frame is refused, never the session ended.

The browser client (textual-serve's textual.js) sends JSON arrays: `["stdin", keys]`,
`["resize", {"width": w, "height": h}]`, `["ping", text]`, `["focus"]`, `["blur"]`.
Anything else, a frame over `MAX_FRAME_CHARS`, and JSON the parser cannot read
(including a nesting deep enough for a RecursionError, issue 26) is refused as
`Refused(why)`, whatever the parser's error class, and the session goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

MAX_FRAME_CHARS = 256 * 1024  # a paste of a long text; keys are a few bytes
MAX_TERMINAL_SIZE = 1000


@dataclass(frozen=True)
class Keys:
    text: str


@dataclass(frozen=True)
class Resize:
    width: int
    height: int


@dataclass(frozen=True)
class Ping:
    data: object


@dataclass(frozen=True)
class Focus:
    kind: str  # "focus" or "blur"


@dataclass(frozen=True)
class Refused:
    why: str


Frame = Keys | Resize | Ping | Focus | Refused


def terminal_size(value: object, default: int) -> int:
    """A width or height from the browser, held to 1..MAX_TERMINAL_SIZE (`default` if not a number)."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, 1), MAX_TERMINAL_SIZE)


def read_frame(text: str) -> Frame | None:
    """What a text frame asks for; None for a frame the server ignores (an unknown kind)."""
    if len(text) > MAX_FRAME_CHARS:
        return Refused(f"a frame of {len(text):,} characters, over the limit of {MAX_FRAME_CHARS:,}")
    try:
        envelope = json.loads(text)
    except Exception as error:  # ValueError, RecursionError, MemoryError: whatever the parser raises
        return Refused(f"a frame that is not JSON ({type(error).__name__})")
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return Refused("a frame that is not a [kind, data] array")
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin" and isinstance(data, str):
        return Keys(data)
    if kind == "resize" and isinstance(data, dict):
        return Resize(terminal_size(data.get("width"), 80), terminal_size(data.get("height"), 24))
    if kind == "ping":
        return Ping(data[:64] if isinstance(data, str) else "")  # echoed back: kept short
    if kind in ("focus", "blur"):
        return Focus(kind)
    return None
