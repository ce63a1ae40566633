"""Bodies are read as a stream with a byte cap on what they decode to, and every call has a deadline: a loopback
server that misbehaves on purpose (a gzip bomb, an endless stream, one byte a second) costs a bounded amount of
memory and time, and ends in one of the package's typed errors."""

from __future__ import annotations

import gzip
import socket
import time
import tracemalloc
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from loopback import chunked, head, serving

from runtime import _exceptions as errors
from runtime._bodies import MAX_BODY_BYTES
from runtime._operation import Operation, Returns
from runtime.runtime_fakes import MODES, Item, Mode, call, service_client

GET_ITEM: Operation[Item, Item] = Operation(method="GET", route="/item", responses=(Returns(200, Item),))


async def fetch(mode: Mode, url: str, **client: Any) -> Any:
    return await call(mode, GET_ITEM, {"client": service_client(base_url=url, **client)})


def gzip_bomb(size: int) -> bytes:
    return gzip.compress(b'{"a": "' + b"0" * size + b'"}', compresslevel=9)


@pytest.mark.parametrize("mode", MODES)
async def test_a_gzip_bomb_is_refused_after_the_cap_without_expanding(mode: Mode) -> None:
    bomb = gzip_bomb(200 * MAX_BODY_BYTES)  # about 200 KB on the wire, 200 MiB decompressed

    def send(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head(Content_Encoding="gzip", Content_Length=str(len(bomb))) + bomb)

    with serving(send) as url:
        tracemalloc.start()
        try:
            with pytest.raises(errors.ResponseValidationError, match="over the 1048576-byte limit"):
                await fetch(mode, url)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 8 * MAX_BODY_BYTES, f"peak {peak / MAX_BODY_BYTES:.1f} MiB while reading a 200 MiB bomb"


@pytest.mark.parametrize("mode", MODES)
async def test_an_endless_stream_is_read_up_to_the_cap(mode: Mode) -> None:
    def send(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head(Transfer_Encoding="chunked"))
        for piece in chunked(iter(lambda: b"x" * 65536, None)):  # never ends
            connection.sendall(piece)

    with serving(send) as url:
        with pytest.raises(errors.ResponseValidationError) as caught:
            await fetch(mode, url)
    assert len(caught.value.content) == MAX_BODY_BYTES + 1, "what was read: the cap and one byte"


@pytest.mark.parametrize("mode", MODES)
async def test_a_server_that_sends_a_byte_at_a_time_cannot_hold_a_call_past_its_deadline(mode: Mode) -> None:
    def send(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head(Content_Length="1000"))
        for _ in range(1000):
            connection.sendall(b" ")
            time.sleep(0.2)  # each read arrives well within the read timeout

    with serving(send) as url:
        started = time.monotonic()
        with pytest.raises(errors.APITimeoutError, match="deadline of 1 s"):
            await fetch(mode, url, deadline=1.0)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    "encode",
    [gzip.compress, zlib.compress, lambda data: zlib.compress(data)[2:-4]],  # gzip, deflate, raw deflate
    ids=["gzip", "deflate", "raw-deflate"],
)
@pytest.mark.parametrize("mode", MODES)
async def test_compressed_bodies_within_the_cap_are_read_whole(
    mode: Mode, encode: Callable[[bytes], bytes], request: pytest.FixtureRequest
) -> None:
    when = "2024-01-02T03:04:05Z"
    body = f'{{"id": "i-1", "created_at": "{when}", "owner": {{"name": "o", "created_at": "{when}"}}}}'.encode()
    encoding = "gzip" if "gzip" in request.node.callspec.id else "deflate"
    wire = encode(body)

    def send(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head(Content_Encoding=encoding, Content_Length=str(len(wire))) + wire)

    with serving(send) as url:
        item = await fetch(mode, url)
    assert item.id == "i-1" and item.owner.name == "o"


@pytest.mark.parametrize("mode", MODES)
async def test_a_body_that_lies_about_its_encoding_is_a_typed_error(mode: Mode) -> None:
    def send(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head(Content_Encoding="gzip", Content_Length="13") + b"not gzip at 1")

    with serving(send) as url, pytest.raises(errors.ResponseValidationError, match="could not be read"):
        await fetch(mode, url)
