"""A client used from several event loops, redirect bodies nobody needs, and httpx's own log line.

* Pooled keep-alive connections belong to the event loop that opened them: a client keeps one
  ``httpx.AsyncClient`` per loop, so a second ``asyncio.run`` (or a loop in another thread) works, and an
  AsyncClient the user set that belongs to a closed loop is a typed error, not httpcore's bare RuntimeError.
* httpx reads the whole body of every redirect it follows: the client gives it none to read, so a 3xx with an
  endless body or a gzip bomb costs no memory.
* httpx logs every request's full URL at INFO: a credential sent in the query is hidden there.

The loopback server here is ``http.server``'s, speaking HTTP/1.1 with ``Content-Length``, so connections stay
open in the client's pool between calls (pytest-httpserver closes them, which hides the event-loop bug).
"""

from __future__ import annotations

import asyncio
import functools
import http.server
import json
import logging
import threading
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from planetscale_oauth import AuthenticatedClient as PlanetScaleClient
from planetscale_oauth import errors as planetscale_errors
from planetscale_oauth.api.oauth_tokens import list_oauth_tokens

import corpus
from runtime import _base_client
from runtime import _exceptions as errors
from runtime._bodies import MAX_BODY_BYTES
from runtime._operation import Operation, Returns
from runtime._redaction import REDACTED, known
from runtime.runtime_fakes import MODES, Item, Mode, call, item_json, service_client

# A loopback HTTP/1.1 server: each path answers with its own route.

Route = Callable[["_Handler"], None]


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a handler still writing an endless body must not hold up the test's end

    def __init__(self, routes: dict[str, Route]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = routes
        self.paths: list[str] = []
        self.connections = 0

    def process_request(self, request: Any, client_address: Any) -> None:
        self.connections += 1
        super().process_request(request, client_address)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the connection stays open, in the client's pool
    server: _Server

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.server.paths.append(path)
        try:
            self.server.routes[path](self)
        except OSError:
            self.close_connection = True  # the client hung up mid-body: what skipping a body does

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(routes: dict[str, Route]) -> Iterator[_Server]:
    server = _Server(routes)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def url_of(server: _Server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}"


def answer_json(body: Any, status: int = 200) -> Route:
    data = json.dumps(body).encode()

    def route(handler: _Handler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return route


# 1. One AsyncClient per event loop.

TOKENS = "/v1/organizations/acme/oauth-applications/app1/tokens"
EMPTY_PAGE: dict[str, Any] = {
    "current_page": 1,
    "next_page": None,
    "next_page_url": None,
    "prev_page": None,
    "prev_page_url": None,
    "data": [],
}


def planetscale_client(server: _Server) -> PlanetScaleClient:
    return PlanetScaleClient.from_service_token("sto_x", "pscale_tkn_x", base_url=f"{url_of(server)}/v1")


async def list_tokens(client: PlanetScaleClient, *, close: bool = False) -> httpx.AsyncClient:
    """Two calls on the running loop (the second on the pooled connection of the first); its AsyncClient."""
    for _ in range(2):
        page = await list_oauth_tokens.asyncio("acme", "app1", client=client)
        assert page.data == []
    pool = client.get_async_httpx_client()
    if close:
        await client.aclose()
    return pool


def test_a_second_asyncio_run_gets_a_pool_of_its_own() -> None:
    with serving({TOKENS: answer_json(EMPTY_PAGE)}) as server:
        client = planetscale_client(server)
        first = asyncio.run(list_tokens(client))
        assert list_oauth_tokens.sync("acme", "app1", client=client).data == []  # the sync pool is its own
        second = asyncio.run(list_tokens(client, close=True))
        client.close()
    assert second is not first
    assert second.is_closed, "aclose() closes the running loop's pool"
    assert not first.is_closed, "and leaves other loops' alone"
    # One kept-alive connection per pool: the first loop's, the sync client's, the second loop's.
    assert server.connections == 3
    assert server.paths == [TOKENS] * 5


def test_a_client_outside_any_event_loop_keeps_one_async_pool() -> None:
    client = PlanetScaleClient.from_service_token("sto_x", "pscale_tkn_x")
    assert client.get_async_httpx_client() is client.get_async_httpx_client()


def test_event_loops_in_two_threads_at_once_each_get_their_own_pool() -> None:
    both_running = threading.Barrier(2)
    pools: dict[str, httpx.AsyncClient] = {}
    failures: list[BaseException] = []

    async def work(name: str) -> None:
        first = await list_tokens(client)
        # Both loops are running, each with its connection in the pool: the next calls overlap.
        await asyncio.to_thread(both_running.wait, 10)
        pools[name] = await list_tokens(client, close=True)
        assert pools[name] is first

    def run(name: str) -> None:
        try:
            asyncio.run(work(name))
        except BaseException as exc:
            failures.append(exc)

    with serving({TOKENS: answer_json(EMPTY_PAGE)}) as server:
        client = planetscale_client(server)
        threads = [threading.Thread(target=run, args=(name,)) for name in ("a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert failures == []
    assert pools["a"] is not pools["b"]
    assert pools["a"].is_closed and pools["b"].is_closed
    assert server.paths == [TOKENS] * 8


def test_a_users_async_client_of_a_closed_event_loop_is_a_typed_error() -> None:
    with serving({TOKENS: answer_json(EMPTY_PAGE)}) as server:
        client = planetscale_client(server)
        theirs = httpx.AsyncClient()
        client.set_async_httpx_client(theirs)
        assert asyncio.run(list_tokens(client)) is theirs
        with pytest.raises(planetscale_errors.APIConnectionError, match="belongs to a closed event loop") as caught:
            asyncio.run(list_tokens(client))
        assert "set_async_httpx_client" in str(caught.value)
        # A new one for the new loop works.
        client.set_async_httpx_client(httpx.AsyncClient())
        assert asyncio.run(list_tokens(client, close=True)).is_closed
    assert server.paths == [TOKENS] * 4


# 2. A redirect's body is never read.

ENOUGH = 64 * 1024 * 1024
"""Where the "endless" body ends after all: without the fix the test fails on memory rather than running forever."""
GET_ITEM: Operation[Item, Item] = Operation(method="GET", route="/item", responses=(Returns(200, Item),))


def endless_redirect(location: str) -> Route:
    piece = b"x" * 65536
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"

    def route(handler: _Handler) -> None:
        handler.send_response(307)
        handler.send_header("Location", location)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for _ in range(ENOUGH // len(piece)):
            handler.wfile.write(chunk)
        handler.wfile.write(b"0\r\n\r\n")

    return route


@functools.cache
def gzip_of_zeros(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed (1 GiB: about 1 MB), compressed a MiB at a time."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    return b"".join([compressor.compress(block) for _ in range(size >> 20)] + [compressor.flush()])


def bomb_redirect(location: str) -> Route:
    bomb = gzip_of_zeros(1 << 30)

    def route(handler: _Handler) -> None:
        handler.send_response(307)
        handler.send_header("Location", location)
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(bomb)))
        handler.end_headers()
        handler.wfile.write(bomb)

    return route


REDIRECTS = {"endless": endless_redirect, "gzip-bomb": bomb_redirect}


@contextmanager
def peak_memory() -> Iterator[list[int]]:
    """The peak of memory allocated in the block, in bytes: the one item of the list, once the block is over."""
    peak: list[int] = []
    tracemalloc.start()
    try:
        yield peak
    finally:
        peak.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


@pytest.mark.parametrize("body", sorted(REDIRECTS))
@pytest.mark.parametrize("mode", MODES)
async def test_a_followed_redirects_body_is_not_read(mode: Mode, body: str) -> None:
    redirect = REDIRECTS[body]("/v1/moved")  # built before measuring: the bomb takes a MB
    with serving({"/v1/item": redirect, "/v1/moved": answer_json(item_json())}) as server:
        client = service_client(base_url=f"{url_of(server)}/v1", follow_redirects=True)
        with peak_memory() as peak:
            item = await call(mode, GET_ITEM, {"client": client})
        client.close()
        await client.aclose()
    assert item.id == "itm_1"
    assert server.paths == ["/v1/item", "/v1/moved"]
    assert peak[0] < 4 * MAX_BODY_BYTES, f"peak {peak[0] / 2**20:.1f} MiB following a redirect with a huge body"


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_elsewhere_with_an_endless_body_is_a_redirect_error(mode: Mode) -> None:
    with serving({"/v1/item": endless_redirect("http://elsewhere.test/x?code=c-1")}) as server:
        client = service_client(base_url=f"{url_of(server)}/v1", follow_redirects=True)
        with peak_memory() as peak, pytest.raises(errors.RedirectError) as caught:
            await call(mode, GET_ITEM, {"client": client})
        client.close()
        await client.aclose()
    assert peak[0] < 4 * MAX_BODY_BYTES
    error = caught.value
    assert (error.status_code, error.location, error.content) == (307, "http://elsewhere.test/x", b"")
    assert "redirect to http://elsewhere.test/x not followed" in str(error)


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_loop_with_bodies_ends_in_a_redirect_error(mode: Mode) -> None:
    with serving({"/v1/item": endless_redirect("/v1/item")}) as server:
        client = service_client(base_url=f"{url_of(server)}/v1", follow_redirects=True)
        with pytest.raises(errors.RedirectError) as caught:
            await call(mode, GET_ITEM, {"client": client})
        client.close()
        await client.aclose()
    assert caught.value.location == "/v1/item" and caught.value.content == b""
    assert len(server.paths) == 21  # the request and httpx's 20 redirects


# 3. httpx's INFO line hides a credential sent in the query.

QUERY_KEY = "k-FAKE-query-key-0001"


@pytest.fixture(scope="module")
def query_key_package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """tests/specs/security-apikey-query.yaml generated with this runtime (``api_key`` in the query)."""
    package_dir, result = corpus.generate(corpus.SPECS / "security-apikey-query.yaml", tmp_path_factory.mktemp("gen"))
    assert result.returncode == 0, result.stderr
    return corpus.load(package_dir)


def httpx_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "httpx"]


@pytest.mark.parametrize("mode", MODES)
async def test_httpx_logs_the_request_without_a_query_credential(
    mode: Mode, query_key_package: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    list_items = __import__(f"{query_key_package.__name__}.api.default.list_items", fromlist=["sync"])
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=[{"name": "a"}]))
    client = query_key_package.AuthenticatedClient.from_api_key(QUERY_KEY, httpx_args={"transport": transport})
    caplog.set_level(logging.INFO, logger="httpx")
    if mode == "sync":
        items = list_items.sync(client=client, limit=2)
    else:
        items = await list_items.asyncio(client=client, limit=2)
    assert [item.name for item in items] == ["a"]
    (line,) = httpx_lines(caplog)
    assert f'GET https://api.corpus.test/items?limit=2&api_key={REDACTED} "HTTP/1.1 200 OK"' in line
    assert QUERY_KEY not in line


def test_each_package_puts_its_filter_on_the_loggers_of_httpx_and_httpcore_once(
    query_key_package: ModuleType,
) -> None:
    for module in (query_key_package._base_client, _base_client):
        for name in module._THEIR_LOGGERS:
            assert logging.getLogger(name).filters.count(module._LOG_FILTER) == 1, name


def test_the_filter_changes_only_lines_logged_during_a_call_that_hold_its_secrets(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    httpx_log, httpcore_log = logging.getLogger("httpx"), logging.getLogger("httpcore.http11")
    url = httpx.URL(f"https://x.test/p?key={QUERY_KEY}")
    httpx_log.info("HTTP Request: %s %s", "GET", url)  # no call runs: nothing known to hide
    token = _base_client._CALL_SECRETS.set(lambda: known([QUERY_KEY]))
    try:
        httpx_log.info("HTTP Request: %s %s", "GET", url)
        httpcore_log.debug("receive_response_headers.complete return_value=%r", [(b"Location", QUERY_KEY.encode())])
        httpx_log.info("HTTP Request: %s %s", "GET", httpx.URL("https://x.test/other"))
    finally:
        _base_client._CALL_SECRETS.reset(token)
    assert [record.getMessage() for record in caplog.records] == [
        f"HTTP Request: GET https://x.test/p?key={QUERY_KEY}",
        f"HTTP Request: GET https://x.test/p?key={REDACTED}",
        f"receive_response_headers.complete return_value=[(b'Location', b'{REDACTED}')]",
        "HTTP Request: GET https://x.test/other",
    ]
    assert caplog.records[-1].args == ("GET", httpx.URL("https://x.test/other")), "a line without one is as it was"
