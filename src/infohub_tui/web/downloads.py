"""Files a served app delivers (`App.deliver_text`, `deliver_binary`, `deliver_screenshot`: the
palette's "Screenshot"), fetched by its visitor's browser from `/download/{key}`.

The protocol is Textual's web driver's, as textual-serve's stock server speaks it: the app writes a
`deliver_file_start` meta packet (its key, file name, type, encoding, inline or attachment); the
server tells the browser `["deliver_file_start", key]` and textual.js opens `/download/{key}`; for
that request the server asks the app for the file one `deliver_chunk_request` at a time, and the
app answers each with a `P` packet holding the next chunk, an empty one at the end. A text
stream's chunks are str, which Textual writes as UTF-8 whatever encoding the app declares: they
are served as they come, as UTF-8; bytes (a binary file, or a text file delivered by its path) are
served as they come, with the charset declared. The first chunk tells which, so the response's
headers wait for it.

Unlike the stock server's (whose `DownloadManager` shares one table of the apps' own keys between
every visitor, queues chunks without a bound and needs its `AppService`):

- the key the browser sees is the server's own, random (256 bits), and belongs to one session: it
  is found only among that session's downloads, only with the visitor cookie its websocket came
  with (`infohub_visitor`, set by the page), once (a download is fetched once), and only while the
  session lives; any other key is a 404, never another visitor's file;
- at most `max_downloads` wait to be fetched per session: a new one replaces the oldest not being
  fetched (refused if all are); one file is at most `max_download_bytes` (a larger one is cut
  off, the response aborted; one cut off before anything was sent is a 502); at most one chunk
  per download (64 KiB of a file read as bytes, 64 Ki characters of a text stream such as a
  screenshot: up to 256 KiB of UTF-8) is held in the server at a time, since the
  next is asked for only once the last is written to the browser;
- a download dropped, cut off or abandoned by the browser is read to its end and discarded, so
  the app frees it; when the visitor leaves, every download of theirs ends with the session;
- a file shown in the tab runs no script and asks no other server for anything (its
  Content-Security-Policy); a HEAD is refused, as it would use the download up.
"""

from __future__ import annotations

import asyncio
import codecs
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from aiohttp import web

MAX_DOWNLOADS = 4  # per session, waiting to be fetched
MAX_DOWNLOAD_BYTES = 32 * 1024 * 1024  # one file
# Asked of the app at a time (textual-serve asks the same): Textual reads this many from the file,
# so it is 64 KiB of a file read as bytes but 64 Ki characters of a text stream (a screenshot).
CHUNK_SIZE = 64 * 1024
CHUNK_TIMEOUT = 30.0  # for the app to answer a chunk request: a guard against a stuck app only
VISITOR_COOKIE = "infohub_visitor"
_VISITOR = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)
_MIME_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*")
_CHUNK_KIND = b"deliver_chunk"
# Sent past the limit of input waiting for the app (server.py `_send`): at most one is outstanding
# per download, and one dropped would stall its download for CHUNK_TIMEOUT, then cut it off.
CHUNK_REQUEST = "deliver_chunk_request"
# A file shown in the tab (a screenshot's SVG) runs no script, on this origin or any, and asks no
# other server for anything: Rich's SVG loads its font from cdnjs, which the served page never does
# (page.py); it falls back to a font the browser has.
CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"

Ask = Callable[[dict[str, object]], bool]  # sends a meta packet to the app; False if it could not
Say = Callable[[str], None]


def new_visitor() -> str:
    return secrets.token_urlsafe(32)


def visitor_of(request: web.BaseRequest) -> str | None:
    """The request's visitor cookie, if it is one the server could have set."""
    value = request.cookies.get(VISITOR_COOKIE, "")
    return value if _VISITOR.fullmatch(value) else None


def remember_visitor(response: web.StreamResponse, visitor: str) -> None:
    response.set_cookie(VISITOR_COOKIE, visitor, path="/", httponly=True, samesite="Strict")


def read_chunk(payload: bytes) -> tuple[str, bytes, bool] | None:
    """The app's key, the data, and whether it is text, of a `P` packet holding a chunk; None for
    anything else. Textual writes `("deliver_chunk", key, chunk)` in its own bencode-like format,
    whose readers (`textual._binary_encode`, textual-serve's copy) are private; this is the small
    equivalent for that one shape: `t` (or `l`), three items, `e`; an item is `<n>:<n bytes>`
    (bytes) or `s<n>:<n bytes of UTF-8>` (str)."""
    if payload[:1] not in (b"t", b"l") or payload[-1:] != b"e":
        return None
    items: list[tuple[bool, bytes]] = []
    position, end = 1, len(payload) - 1
    while position < end and len(items) < 3:
        text = payload[position : position + 1] == b"s"
        position += text
        colon = payload.find(b":", position, position + 12)
        length = payload[position:colon]
        if colon < 0 or not length.isdigit():
            return None
        start, position = colon + 1, colon + 1 + int(length)
        if position > end:
            return None
        items.append((text, payload[start:position]))
    if position != end or len(items) != 3:
        return None
    (kind_is_text, kind), (key_is_text, key), (data_is_text, data) = items
    if not (kind_is_text and key_is_text) or kind != _CHUNK_KIND:
        return None
    return key.decode("utf-8", "replace"), data, data_is_text


def _file_name(path: object) -> str:
    """The last part of the app's save path, printable, at most 200 characters."""
    raw = str(path) if isinstance(path, str) else ""
    name = PureWindowsPath(PurePosixPath(raw).name).name
    name = "".join(character for character in name if character.isprintable())[:200].strip()
    return name if name not in ("", ".", "..") else "download"


def _encoding(value: object) -> str | None:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9_.:-]{1,40}", value):
        return None
    try:
        return codecs.lookup(value).name
    except LookupError:
        return None


def content_disposition(inline: bool, file_name: str) -> str:
    """`inline` or `attachment`, with the name plain (ASCII, quoted) and exact (RFC 5987)."""
    plain = re.sub(r"[^A-Za-z0-9._ ()-]", "_", file_name)
    exact = quote(file_name, safe="")
    return f"{'inline' if inline else 'attachment'}; filename=\"{plain}\"; filename*=UTF-8''{exact}"


@dataclass
class Delivery:
    """One file the app offers, from its `deliver_file_start` packet."""

    app_key: str
    file_name: str
    mime_type: str
    encoding: str | None  # declared by the app: the charset of a file whose chunks are bytes
    inline: bool  # open_method "browser": shown in the tab; else saved
    name: str | None  # the app's own name for it, given back with each request
    chunks: asyncio.Queue[bytes] = field(default_factory=lambda: asyncio.Queue(maxsize=1))
    task: asyncio.Task[object] | None = None  # the request fetching it
    complete: bool = False
    text: bool = False  # its chunks are str (a text stream's): UTF-8, whatever was declared

    def headers(self) -> dict[str, str]:
        content_type = self.mime_type
        charset = "utf-8" if self.text else self.encoding
        if charset is not None:
            content_type += f"; charset={charset}"
        return {
            "Content-Type": content_type,
            "Content-Disposition": content_disposition(self.inline, self.file_name),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "Cache-Control": "no-store",
        }


class Deliveries:
    """One session's downloads: what its app offers, what its browser fetches."""

    def __init__(
        self,
        visitor: str,
        ask: Ask,
        say: Say,
        max_downloads: int = MAX_DOWNLOADS,
        max_bytes: int = MAX_DOWNLOAD_BYTES,
    ) -> None:
        self.visitor = visitor
        self._ask = ask
        self._say = say
        self.max_downloads = max_downloads
        self.max_bytes = max_bytes
        self._waiting: dict[str, Delivery] = {}  # by the browser's key, oldest first
        self._by_app_key: dict[str, Delivery] = {}
        self._draining: set[str] = set()  # app keys read to their end and discarded
        self._said: set[str] = set()
        self.closed = False

    def _say_once(self, kind: str, text: str) -> None:
        if kind not in self._said:
            self._said.add(kind)
            self._say(f"{text} (said once a session)")

    def _request(self, app_key: str, name: str | None) -> bool:
        if self.closed:
            return False
        return self._ask({"type": CHUNK_REQUEST, "key": app_key, "size": CHUNK_SIZE, "name": name})

    def _drain(self, app_key: str) -> None:
        """Read the app's file to its end for nothing: it holds it until then. Without a name, so
        the app does not say it was delivered."""
        if self._request(app_key, None):
            self._draining.add(app_key)

    # From the app ---------------------------------------------------------------------------

    def offered(self, meta: dict[str, object]) -> str | None:
        """A `deliver_file_start` packet: the key to give the browser, or None if refused."""
        app_key = meta.get("key")
        if self.closed or not isinstance(app_key, str) or app_key in self._by_app_key:
            return None
        mime_type, name = meta.get("mime_type"), meta.get("name")
        delivery = Delivery(
            app_key=app_key,
            file_name=_file_name(meta.get("path")),
            mime_type=mime_type
            if isinstance(mime_type, str) and _MIME_TYPE.fullmatch(mime_type)
            else "application/octet-stream",
            encoding=_encoding(meta.get("encoding")),
            inline=meta.get("open_method") == "browser",
            name=name if isinstance(name, str) else None,
        )
        if len(self._waiting) >= self.max_downloads:
            oldest = next((key for key, old in self._waiting.items() if old.task is None), None)
            if oldest is None:
                self._say_once(
                    "full",
                    f"a visitor's downloads are all being fetched (limit {self.max_downloads}): refused one",
                )
                self._drain(app_key)
                return None
            self._say_once(
                "dropped",
                f"a visitor's downloads waiting reached the limit ({self.max_downloads}): dropped the oldest",
            )
            self._drain(self._forget(oldest).app_key)
        key = secrets.token_urlsafe(32)
        self._waiting[key] = delivery
        self._by_app_key[app_key] = delivery
        return key

    def chunk_packet(self, payload: bytes) -> None:
        """A `P` packet from the app: the next chunk of a download (or of one being drained)."""
        chunk = read_chunk(payload)
        if chunk is None:
            return
        app_key, data, is_text = chunk
        if app_key in self._draining:
            if not data or not self._request(app_key, None):
                self._draining.discard(app_key)
            return
        delivery = self._by_app_key.get(app_key)
        if delivery is None or delivery.chunks.full():  # not asked for: nothing to hold it for
            return
        delivery.text = is_text
        delivery.chunks.put_nowait(data)

    # From the browser -----------------------------------------------------------------------

    def claim(self, key: str, visitor: str | None) -> Delivery | None:
        """The download `key` names, for this visitor, if it waits to be fetched; it is theirs now."""
        delivery = self._waiting.get(key)
        if delivery is None or delivery.task is not None or visitor is None:
            return None
        if not hmac.compare_digest(visitor, self.visitor):
            return None
        delivery.task = asyncio.current_task()
        return delivery

    async def stream(self, delivery: Delivery, write: Callable[[bytes], Awaitable[None]]) -> bool:
        """Write the file chunk by chunk; True once it is all written, False if it was cut off
        (too large, the app gone or silent for `CHUNK_TIMEOUT`). It is forgotten either way."""
        written = 0
        try:
            while self._request(delivery.app_key, delivery.name):
                try:
                    data = await asyncio.wait_for(delivery.chunks.get(), CHUNK_TIMEOUT)
                except TimeoutError:
                    self._say_once(
                        "silent", f"a reader did not answer a chunk request within {CHUNK_TIMEOUT:g} s"
                    )
                    return False
                if not data:
                    delivery.complete = True
                    return True
                written += len(data)
                if written > self.max_bytes:
                    self._say_once("large", f"a download was over {self.max_bytes:,} bytes: cut off")
                    return False
                await write(data)
            return False
        finally:
            self.finish(delivery)

    def _forget(self, key: str) -> Delivery:
        delivery = self._waiting.pop(key)
        self._by_app_key.pop(delivery.app_key, None)
        return delivery

    def finish(self, delivery: Delivery) -> None:
        for key, waiting in list(self._waiting.items()):
            if waiting is delivery:
                self._forget(key)
        if not delivery.complete:
            self._drain(delivery.app_key)

    def close(self) -> None:
        """The session ends: no key is found again, and every fetch still running ends."""
        self.closed = True
        for delivery in self._waiting.values():
            if delivery.task is not None and not delivery.task.done():
                delivery.task.cancel()
        self._waiting.clear()
        self._by_app_key.clear()
        self._draining.clear()


async def download(request: web.Request, sessions: Iterable[Deliveries]) -> web.StreamResponse:
    """`GET /download/{key}`: the file, streamed from its app; 404 for any key that is not a
    download waiting for this visitor."""
    from aiohttp import web

    key, visitor = request.match_info["key"], visitor_of(request)
    found = next(
        ((deliveries, delivery) for deliveries in sessions if (delivery := deliveries.claim(key, visitor))),
        None,
    )
    if found is None:
        raise web.HTTPNotFound(text="No such download: it was fetched already, or its session has ended.")
    deliveries, delivery = found
    response = web.StreamResponse()

    async def start() -> None:
        if not response.prepared:  # once the first chunk has told whether the file is text
            response.headers.update(delivery.headers())
            await response.prepare(request)

    async def write(data: bytes) -> None:
        await start()
        await response.write(data)

    complete = await deliveries.stream(delivery, write)
    if not complete and not response.prepared:  # cut off before anything was sent: say so
        raise web.HTTPBadGateway(
            text="The reader could not deliver this file: it stopped answering, or the file is too large."
        )
    await start()  # an empty file
    if not complete:
        if request.transport is not None:  # cut off: the browser must not take it for the whole file
            request.transport.close()
        return response
    await response.write_eof()
    return response
