"""Issue 23: one session's downloads under `serve` (`web/downloads.py`), without a server: the
chunk packets Textual writes, the keys, the limits, and what is asked of the app."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest

pytest.importorskip("aiohttp", reason="the web extra is not installed")

from infohub_tui.web.downloads import (
    CHUNK_SIZE,
    Deliveries,
    Delivery,
    content_disposition,
    new_visitor,
    read_chunk,
)

pytestmark = pytest.mark.unit

VISITOR = new_visitor()


def packet(key: str, chunk: bytes | str) -> bytes:
    """As Textual's web driver writes `("deliver_chunk", key, chunk)`."""
    data = (
        b"s%d:%s" % (len(chunk.encode()), chunk.encode())
        if isinstance(chunk, str)
        else b"%d:%s" % (len(chunk), chunk)
    )
    return b"ts13:deliver_chunks%d:%s%se" % (len(key), key.encode(), data)


def start(key: str, **meta: object) -> dict[str, object]:
    return {
        "type": "deliver_file_start",
        "key": key,
        "path": "/home/reader/Downloads/shot.svg",
        "open_method": "browser",
        "encoding": "utf-8",
        "mime_type": "image/svg+xml",
        "name": "screenshot",
        **meta,
    }


class App:
    """The app's side: what it was asked, answered by the test."""

    def __init__(self) -> None:
        self.asked: list[dict[str, object]] = []
        self.reading = True
        self.session: Deliveries | None = None  # the downloads it delivers to (`deliveries`)

    def ask(self, meta: dict[str, object]) -> bool:
        self.asked.append(meta)
        return self.reading

    def has_asked(self, count: int) -> Callable[[], bool]:
        return lambda: len(self.asked) >= count


async def until(happened: Callable[[], bool], what: str, turns: int = 1000) -> None:
    """Yield to the event loop until `happened()`, at most `turns` times; then fail saying `what`
    never happened. Counted in turns of the loop, never in seconds: a fault fails the test instead
    of hanging the suite, and a slow machine fails nothing (each wait here is on the event loop
    alone: a task's next step, or a write to a loopback socket already made)."""
    for _ in range(turns):
        if happened():
            return
        await asyncio.sleep(0)
    pytest.fail(f"{what}: not within {turns} turns of the event loop")


def deliveries(app: App, **limits: int) -> tuple[Deliveries, list[str]]:
    """A session's downloads over `app`, and what they said; the app answers into them."""
    said: list[str] = []
    app.session = Deliveries(VISITOR, app.ask, said.append, **limits)
    return app.session, said


def claimed(session: Deliveries, app_key: str = "k1") -> Delivery:
    """A download the app offers, claimed by its visitor's browser."""
    key = session.offered(start(app_key))
    assert key is not None
    delivery = session.claim(key, VISITOR)
    assert delivery is not None
    return delivery


class Written(list[bytes]):
    """What a response writes to the browser, chunk by chunk."""

    async def __call__(self, data: bytes) -> None:
        self.append(data)


@asynccontextmanager
async def browser(session: Deliveries) -> AsyncIterator[Callable[[str], Any]]:
    """`GET /download/{key}` of a real aiohttp server (in-process) over `session`, as the visitor's
    browser sends it (with their cookie): the function gives the response's context manager."""
    from aiohttp import ClientSession, web
    from aiohttp.test_utils import TestServer

    from infohub_tui.web.downloads import VISITOR_COOKIE, download

    async def handler(request: web.Request) -> web.StreamResponse:
        return await download(request, [session])

    web_app = web.Application()
    web_app.add_routes([web.get("/download/{key}", handler)])
    async with TestServer(web_app) as server, ClientSession(cookies={VISITOR_COOKIE: VISITOR}) as client:
        yield lambda key: client.get(str(server.make_url(f"/download/{key}")))


async def test_a_wait_for_what_never_happens_fails_and_says_what() -> None:
    with pytest.raises(pytest.fail.Exception, match="the impossible: not within 3 turns"):
        await until(lambda: False, "the impossible", turns=3)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (packet("k1", b"\x00\xffbinary"), ("k1", b"\x00\xffbinary", False)),
        (packet("k1", "Grüße"), ("k1", "Grüße".encode(), True)),
        (packet("k1", b""), ("k1", b"", False)),
        (b"ts13:deliver_chunks2:k1s3:abe", None),  # the chunk runs into the end marker
        (b"ts13:deliver_chunks2:k13:abc", None),  # no end marker
        (b"ts5:otherss2:k13:abce", None),  # another kind of packet
        (b"t3:abcs2:k13:abce", None),  # the kind not a str
        (b"ts13:deliver_chunks2:k199999:ae", None),  # longer than the packet
        (b"ts13:deliver_chunks2:k1e", None),  # two items
        (b"", None),
    ],
)
def test_chunk_packets(payload: bytes, expected: tuple[str, bytes, bool] | None) -> None:
    assert read_chunk(payload) == expected


def test_the_file_name_is_given_plain_and_exact() -> None:
    assert content_disposition(False, 'a "b"\\c ü.txt') == (
        "attachment; filename=\"a _b__c _.txt\"; filename*=UTF-8''a%20%22b%22%5Cc%20%C3%BC.txt"
    )
    assert content_disposition(True, "shot.svg").startswith('inline; filename="shot.svg"')


async def test_a_download_is_fetched_once_by_its_visitor_chunk_by_chunk() -> None:
    app = App()
    session, said = deliveries(app)
    key = session.offered(start("k1"))
    assert key is not None and len(key) >= 43 and "k1" not in key
    assert session.claim(key, new_visitor()) is None, "another visitor's cookie"
    assert session.claim(key, None) is None, "no cookie"
    assert session.claim(key[:-1], VISITOR) is None
    delivery = session.claim(key, VISITOR)
    assert delivery is not None
    assert delivery.file_name == "shot.svg"
    assert delivery.headers()["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert session.claim(key, VISITOR) is None, "being fetched already"
    written: list[bytes] = []

    async def write(data: bytes) -> None:
        written.append(data)

    streaming = asyncio.ensure_future(session.stream(delivery, write))
    for count, chunk in enumerate((b"<svg>", b"</svg>", b""), start=1):
        # The next chunk is asked for once the last is written.
        await until(app.has_asked(count), f"chunk request {count}")
        assert len(app.asked) == count
        assert app.asked[-1] == {
            "type": "deliver_chunk_request",
            "key": "k1",
            "size": CHUNK_SIZE,
            "name": "screenshot",
        }
        session.chunk_packet(packet("k1", chunk))
    assert await streaming is True
    assert b"".join(written) == b"<svg></svg>"
    assert len(app.asked) == 3
    assert session.claim(key, VISITOR) is None, "fetched once"
    assert said == []


async def test_downloads_waiting_are_bounded_and_the_dropped_one_is_drained() -> None:
    app = App()
    session, said = deliveries(app, max_downloads=2)
    first, second = session.offered(start("k1")), session.offered(start("k2"))
    assert first and second
    third = session.offered(start("k3"))
    assert third is not None
    assert session.claim(first, VISITOR) is None, "the oldest was dropped for the new one"
    assert app.asked == [{"type": "deliver_chunk_request", "key": "k1", "size": CHUNK_SIZE, "name": None}]
    session.chunk_packet(packet("k1", b"rest"))  # read on, for nothing, until the app is done with it
    assert app.asked[-1]["key"] == "k1" and len(app.asked) == 2
    session.chunk_packet(packet("k1", b""))
    session.chunk_packet(packet("k1", b""))
    assert len(app.asked) == 2, "drained to its end, then no more"
    assert said == [
        "a visitor's downloads waiting reached the limit (2): dropped the oldest (said once a session)"
    ]
    for key in (second, third):
        assert session.claim(key, VISITOR) is not None
    assert session.offered(start("k4")) is None, "all being fetched: the new one is refused"
    assert app.asked[-1] == {"type": "deliver_chunk_request", "key": "k4", "size": CHUNK_SIZE, "name": None}


async def test_a_file_over_the_limit_is_cut_off_and_drained() -> None:
    app = App()
    session, said = deliveries(app, max_bytes=10)
    delivery = claimed(session)
    written = Written()
    streaming = asyncio.ensure_future(session.stream(delivery, written))
    await asyncio.sleep(0)
    session.chunk_packet(packet("k1", b"123456"))
    await until(app.has_asked(2), "the second chunk request")
    session.chunk_packet(packet("k1", b"7890ab"))
    assert await streaming is False
    assert written == [b"123456"]
    assert app.asked[-1]["name"] is None, "the rest is drained, without the app saying it was saved"
    assert said == ["a download was over 10 bytes: cut off (said once a session)"]


async def test_a_session_ending_ends_its_downloads() -> None:
    app = App()
    session, _said = deliveries(app)
    waiting, fetched = session.offered(start("k1")), session.offered(start("k2"))
    assert waiting and fetched

    async def fetch() -> bool:
        delivery = session.claim(fetched, VISITOR)
        assert delivery is not None

        async def write(data: bytes) -> None:
            return None

        return await session.stream(delivery, write)

    streaming = asyncio.ensure_future(fetch())
    await asyncio.sleep(0)
    session.close()
    with pytest.raises(asyncio.CancelledError):
        await streaming
    assert session.claim(waiting, VISITOR) is None
    assert session.offered(start("k3")) is None
    asked = len(app.asked)
    session.chunk_packet(packet("k2", b"late"))
    assert len(app.asked) == asked, "nothing asked of an app whose session has ended"


async def test_at_most_one_chunk_is_held_for_a_download() -> None:
    session, _said = deliveries(App())
    delivery = claimed(session)
    for _ in range(3):  # chunks not asked for (not written yet): one kept, the rest dropped
        session.chunk_packet(packet("k1", b"x" * 1000))
    assert delivery.chunks.qsize() == 1


class AnsweringApp(App):
    """An app that answers each chunk request as Textual's web driver does, in the next turn of the
    loop, with the next of `chunks` (the last one empty), while there are any; then it is silent."""

    def __init__(self, chunks: list[bytes | str]) -> None:
        super().__init__()
        self.chunks = chunks

    def ask(self, meta: dict[str, object]) -> bool:
        key = meta["key"]
        assert isinstance(key, str) and self.session is not None, meta
        if self.chunks:
            asyncio.get_running_loop().call_soon(self.session.chunk_packet, packet(key, self.chunks.pop(0)))
        return super().ask(meta)


async def test_a_session_ending_mid_fetch_ends_the_response_quietly(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handler in a real aiohttp server (in-process): the app has sent one chunk and is asked
    for the next when its session ends; the browser's response ends at once, incomplete (not when
    the app would have been given up on), and the server logs nothing."""
    from infohub_tui.web import downloads

    monkeypatch.setattr(downloads, "CHUNK_TIMEOUT", 3600.0)
    from aiohttp import ClientPayloadError

    app = AnsweringApp([b"first part"])  # then silent
    session, _said = deliveries(app)
    key = session.offered(start("k1"))
    assert key is not None
    async with browser(session) as get:
        async with get(key) as response:
            assert response.status == 200
            assert await response.content.readexactly(len(b"first part")) == b"first part"
            await until(app.has_asked(2), "the next chunk request")
            session.close()  # the visitor left
            with pytest.raises(ClientPayloadError):
                await asyncio.wait_for(response.read(), 30)  # a guard: it ends at once
        async with get(key) as again:
            assert again.status == 404
    assert [record for record in caplog.records if record.levelname in ("ERROR", "WARNING")] == []


class ReadingApp(AnsweringApp):
    """Reads each chunk from `file` as Textual's web driver does: `file.read(size)`, the size asked."""

    def __init__(self, file: io.StringIO | io.BytesIO) -> None:
        super().__init__([])
        self.file = file

    def ask(self, meta: dict[str, object]) -> bool:
        size = meta["size"]
        assert isinstance(size, int)
        self.chunks.append(self.file.read(size))
        return super().ask(meta)


@pytest.mark.parametrize(
    ("file", "sizes"),
    [
        (io.StringIO("é" * (CHUNK_SIZE + 1)), [2 * CHUNK_SIZE, 2]),  # 64 Ki characters: 128 KiB of UTF-8
        (io.BytesIO("é".encode() * (CHUNK_SIZE + 1)), [CHUNK_SIZE, CHUNK_SIZE, 2]),
    ],
    ids=["text", "binary"],
)
async def test_a_chunk_is_64_ki_characters_of_a_text_stream_and_64_kib_of_a_binary_file(
    file: io.StringIO | io.BytesIO, sizes: list[int]
) -> None:
    app = ReadingApp(file)
    session, _said = deliveries(app)
    delivery = claimed(session)
    written = Written()
    assert await session.stream(delivery, written) is True
    assert [len(data) for data in written] == sizes


@pytest.mark.parametrize(
    ("chunks", "encoding", "mime_type", "body", "content_type"),
    [
        # deliver_text of a text stream: str chunks, UTF-8 on the wire, whatever encoding it declares
        (
            ["Grüße, ", "€ 5 — 東京 😀", ""],
            "latin-1",
            "text/plain",
            "Grüße, € 5 — 東京 😀".encode(),
            "text/plain; charset=utf-8",
        ),
        (["naïve ☃", ""], "ascii", "text/csv", "naïve ☃".encode(), "text/csv; charset=utf-8"),
        # deliver_text of a path: the file's own bytes, in the encoding it declares
        ([b"caf\xe9 \x80", b""], "latin-1", "text/plain", b"caf\xe9 \x80", "text/plain; charset=iso8859-1"),
        # deliver_binary: bytes, no encoding
        ([b"\x00\xff", b"\xfe\x80", b""], "", "image/png", b"\x00\xff\xfe\x80", "image/png"),
        ([""], "latin-1", "text/plain", b"", "text/plain; charset=utf-8"),  # an empty text stream
    ],
    ids=["text-stream-latin-1", "text-stream-ascii", "text-path-latin-1", "binary", "empty-text"],
)
async def test_a_file_is_served_byte_exact_with_the_charset_of_its_bytes(
    chunks: list[bytes | str], encoding: str, mime_type: str, body: bytes, content_type: str
) -> None:
    """Through the handler in a real aiohttp server (in-process). A text stream's chunks are str,
    whatever the encoding the app declares, and Textual writes them as UTF-8: served as they come
    and said to be UTF-8, with no character lost to the declared encoding; bytes are served as
    they come, with the charset declared."""
    app = AnsweringApp(list(chunks))
    session, said = deliveries(app)
    key = session.offered(start("k1", encoding=encoding, mime_type=mime_type, path="/tmp/file"))
    assert key is not None
    async with browser(session) as get, get(key) as response:
        assert response.status == 200
        assert (await response.read(), response.headers["Content-Type"]) == (body, content_type)
    assert app.chunks == [] and len(app.asked) == len(chunks)
    assert said == []


async def test_what_the_app_says_of_a_file_is_checked_before_it_is_a_header() -> None:
    session, _said = deliveries(App())
    key = session.offered(
        start(
            "k1",
            mime_type="text/html\r\nSet-Cookie: x=y",
            path="/tmp/..",
            encoding="no-such",
            open_method="download",
        )
    )
    assert key is not None
    delivery = session.claim(key, VISITOR)
    assert delivery is not None
    assert delivery.headers()["Content-Type"] == "application/octet-stream"
    assert (
        delivery.headers()["Content-Disposition"]
        == "attachment; filename=\"download\"; filename*=UTF-8''download"
    )
    assert delivery.headers()["Content-Security-Policy"].startswith("sandbox; default-src 'none';")


@pytest.mark.parametrize("fault", ["over the limit", "silent"])
async def test_a_file_cut_off_before_its_first_chunk_is_a_bad_gateway(
    fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing sent yet, so the browser gets a status that says it (502), not a 200 that breaks off;
    the server says why once, and the download is gone. The app's silence is given up on after
    `CHUNK_TIMEOUT`, a parameter set short here (the app never answers: no race with the clock)."""
    from infohub_tui.web import downloads

    monkeypatch.setattr(downloads, "CHUNK_TIMEOUT", 0.01)
    app = AnsweringApp([b"0123456789", b""] if fault == "over the limit" else [])
    session, said = deliveries(app, max_bytes=4)
    key = session.offered(start("k1"))
    assert key is not None
    async with browser(session) as get:
        async with get(key) as response:
            assert response.status == 502
            assert "could not deliver this file" in await response.text()
        async with get(key) as again:
            assert again.status == 404
    assert len(said) == 1 and (
        "cut off" in said[0] if fault == "over the limit" else "did not answer" in said[0]
    )
