"""The attack table: what a hostile server, a broken proxy or a careless caller can do to this package, one row
per attack, each tried on every operation it applies to, sync and async, against real loopback sockets.

Every attempt is judged the same way, whatever the row checks besides:

- **leaks**: no secret of the request or the response (service token, client secret, code, tokens) appears in
  anything shown: ``str``, ``repr``, rich's pretty-printer, a pickle, the log, or a traceback rendered with its
  locals by the standard library, pytest (``--showlocals``) and rich;
- **bare exceptions**: whatever goes wrong is one of the package's typed errors (a row may expect a ``TypeError``
  for a programming mistake), and every error copies, deep-copies and pickles;
- **hangs**: the attempt ends within its row's bound;
- **memory**: the peak memory of any one call stays under ``MEMORY_BUDGET``, a few times the byte cap on bodies.

``make test`` prints the tally at the end of this module. To add an attack, add a row to ``ATTACKS``.
"""

from __future__ import annotations

import asyncio
import copy
import datetime
import functools
import io
import itertools
import json
import logging
import os
import pickle
import re
import socket
import threading
import time
import traceback
import tracemalloc
import zlib
from base64 import b64encode
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import pytest
import rich.pretty
from _pytest._code import ExceptionInfo
from _pytest._io.saferepr import saferepr
from loopback import CLIENT_ID, CLIENT_SECRET, CODE, RotatingOAuthServer, chunked, head, serving
from rich.console import Console
from rich.traceback import Traceback

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.client import RetryPolicy
from planetscale_oauth.errors import MAX_BODY_BYTES
from planetscale_oauth.oauth import Tokens, TokenSession, authorize_url, read_callback

from corpus import report
from helpers import EXPECTED, MODES, NO_RETRY, Exchange, Mode, exchanges_for, operations

MEMORY_BUDGET = 4 * MAX_BODY_BYTES
"""The most one call may allocate at its peak: the byte cap on a body, a copy of it, and room for the rest."""

REDIRECT_URI = "https://app.example.com/oauth/callback"
EXTRA_SECRET = "FAKE-attack-extra-secret-0001"
"""A secret a hostile success body adds under a sensitive key the spec does not list for that model."""


def _sent(operation_id: str) -> Exchange:
    """The operation's recorded successful exchange: what each attempt sends."""
    return next(exchange for exchange in exchanges_for(operation_id) if 200 <= exchange.status < 300)


UNUSED_SERVICE_TOKEN = ("sto_FAKEattack01", "pscale_tkn_FAKEattack-unused-0001")
"""The token a client holds for an operation sent without it (it must not show either)."""


def service_token(exchange: Exchange) -> tuple[str, str]:
    return exchange.service_token if exchange.authorization is not None else UNUSED_SERVICE_TOKEN


SENT: dict[str, Exchange] = {operation_id: _sent(operation_id) for operation_id in operations()}
OPERATIONS = tuple(SENT)
WITH_PATH = tuple(operation_id for operation_id in OPERATIONS if SENT[operation_id].path_params)
WITH_BODY = tuple(operation_id for operation_id in OPERATIONS if SENT[operation_id].has_response_body)
READS_BODY = frozenset(
    operation_id
    for operation_id, operation in operations().items()
    if any(operation.response_schema_pointer(status) for status in operation.success_statuses())
)
"""Operations that read their success body (the others, such as a revocation, ignore whatever comes)."""
READS_BODY_OPERATIONS = tuple(operation_id for operation_id in OPERATIONS if operation_id in READS_BODY)
SESSION = ("request_token",)
"""Rows about the token session: they go through the token operation."""

SECRETS: frozenset[str] = frozenset(
    {secret for exchange in SENT.values() for secret in exchange.secrets()}
    | {secret for exchange in SENT.values() for secret in service_token(exchange)}
    | set(RotatingOAuthServer().secrets())
    | {EXTRA_SECRET, CLIENT_SECRET, CODE}
    # A service token's id names it, as a user name does; the token is the secret.
    - {service_token(exchange)[0] for exchange in SENT.values()}
    | {f"FAKE-flow-{kind}-token-{generation:04d}" for kind in ("access", "refresh") for generation in range(10)}
)


def inside_base64(secret: str) -> list[str]:
    """What ``secret`` looks like inside any base64 text (a Basic header with it after an ID, say): its encoding at
    each of the three byte offsets, without the characters its neighbours share."""
    found = []
    for offset in range(3):
        encoded = b64encode(b"\0" * offset + secret.encode()).decode().rstrip("=")
        start = (offset * 4 + 2) // 3  # the characters that carry only the padding bytes, or some of them
        found.append(encoded[start : len(encoded) - 1])
    return found


# The client secret also travels inside base64, after the client ID, when sent with client_secret_basic.
SHOWN_AS = {*SECRETS, *(form for form in inside_base64(CLIENT_SECRET) if len(form) >= 12)}
SECRET_PATTERN = re.compile("|".join(re.escape(form) for form in sorted(SHOWN_AS, key=len, reverse=True)))
"""Any of the secrets, as they are or inside base64, found in one pass over everything shown."""


# What the loopback server answers.


def raw(data: bytes | Iterator[bytes]) -> Callable[[socket.socket, bytes], None]:
    def send(connection: socket.socket, request: bytes) -> None:
        for piece in [data] if isinstance(data, bytes) else data:
            connection.sendall(piece)

    return send


def answer(status: int, body: bytes = b"", **headers: str) -> bytes:
    return head(status, content_length=str(len(body)), **headers) + body


def success(operation_id: str) -> bytes:
    """The operation's recorded success, as the server sent it."""
    exchange = SENT[operation_id]
    body = json.dumps(exchange.response_body).encode() if exchange.has_response_body else b""
    return answer(exchange.status, body)


def endless(piece: bytes = b" " * 65536) -> Iterator[bytes]:
    while True:
        yield piece


@functools.cache
def gzip_bomb() -> bytes:
    """About 250 KB of gzip that inflates to 256 MB of JSON (256 times the byte cap)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"0" * (1 << 20)
    parts = [deflate.compress(b'{"a": "')]
    parts += [deflate.compress(zeros) for _ in range(256)]
    return b"".join([*parts, deflate.compress(b'"}'), deflate.flush()])


@dataclass
class Counted:
    """A server that answers the n-th request with ``answers[n]`` (the last one for any further request)."""

    answers: list[Callable[[socket.socket, bytes], None]]
    requests: list[bytes] = field(default_factory=list)

    def __call__(self, connection: socket.socket, request: bytes) -> None:
        self.requests.append(request)
        self.answers[min(len(self.requests), len(self.answers)) - 1](connection, request)


# One attempt: the calls a row makes, and everything they showed.


class Probe:
    """One row on one operation in one mode: makes the calls and keeps what each showed, for the judge."""

    def __init__(self, mode: Mode, operation_id: str) -> None:
        self.mode = mode
        self.operation_id = operation_id
        self.shown: list[str] = []
        self.bare: list[BaseException] = []
        self.peak = 0

    def __repr__(self) -> str:
        return f"Probe({self.mode}, {self.operation_id})"

    @property
    def exchange(self) -> Exchange:
        return SENT[self.operation_id]

    def client(self, url: str, **kwargs: Any) -> AuthenticatedClient:
        token_id, token = service_token(self.exchange)
        kwargs.setdefault("retry", NO_RETRY)
        return AuthenticatedClient.from_service_token(token_id, token, base_url=url, oauth_base_url=url, **kwargs)

    async def call(self, client: AuthenticatedClient, *, detailed: bool = False, **arguments: Any) -> Any:
        """The operation with its recorded arguments (``arguments`` replace some): its result, or the error."""
        module = EXPECTED[self.operation_id].module
        args = {**self.exchange.arguments(), **arguments}
        return await self.run(
            lambda: (module.sync_detailed if detailed else module.sync)(client=client, **args),
            lambda: (module.asyncio_detailed if detailed else module.asyncio)(client=client, **args),
        )

    async def run(
        self, sync: Callable[[], Any], asynchronous: Callable[[], Awaitable[Any]], *, show: bool = True
    ) -> Any:
        """Run the sync or async form, measuring its peak memory; its result or the exception it raised. ``show``:
        whether the result is something a person may print (an access token, asked for, is not)."""
        tracemalloc.start()
        try:
            result = sync() if self.mode == "sync" else await asynchronous()
        except Exception as exc:
            result = exc
        finally:
            self.peak = max(self.peak, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        if isinstance(result, Exception):
            self.raised(result)
        elif show:
            self.show(result)
        return result

    def raised(self, exc: BaseException, *, allowed: tuple[type[BaseException], ...] = ()) -> None:
        """An exception a call raised: judged (typed? travels?) and shown every way a person may see it."""
        if not isinstance(exc, (errors.PlanetScaleError, *allowed)):
            self.bare.append(exc)
        if isinstance(exc, errors.PlanetScaleError):
            for copied in (copy.copy(exc), copy.deepcopy(exc), pickle.loads(pickle.dumps(exc))):
                assert type(copied) is type(exc) and str(copied) == str(exc), f"{type(exc).__name__} does not travel"
            self.shown.append(pickle.dumps(exc).decode("latin-1"))
        self.show(exc)
        # The package's frames (and the libraries' below them): the test's own, which hold the secrets it sends,
        # are left out.
        tb = package_frames(exc.__traceback__)
        self.shown.append("".join(traceback.TracebackException(type(exc), exc, tb, capture_locals=True).format()))
        # Each frame's locals as pytest --showlocals (saferepr) and rich's tracebacks (pretty, 80-character strings)
        # show them; the full renderers, much slower, run on one row of their own.
        for frame, _ in traceback.walk_tb(tb):
            for value in frame.f_locals.values():
                self.shown += [saferepr(value), rich.pretty.pretty_repr(value, max_length=10, max_string=80)]

    def show(self, value: Any) -> None:
        self.shown += [repr(value), str(value), rich.pretty.pretty_repr(value)]


TESTS = str(Path(__file__).resolve().parent.parent)


def package_frames(tb: TracebackType | None) -> TracebackType | None:
    """The traceback from its first frame that is not in the tests."""
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith(TESTS):
        tb = tb.tb_next
    return tb


Row = Callable[[Probe], Awaitable[None]]


@dataclass(frozen=True)
class Attack:
    why: str
    """The kind of failure it tries to provoke (the headings of the hostile-world issue)."""
    name: str
    run: Row
    operations: tuple[str, ...] = OPERATIONS
    modes: tuple[Mode, ...] = MODES
    bound: float = 10.0
    """Seconds the attempt may take in all."""


# The rows, by kind.


async def bad_path_values(probe: Probe) -> None:
    server = Counted([raw(success(probe.operation_id))])
    with serving(server) as url:
        client = probe.client(url)
        for name in probe.exchange.path_params:
            for value in (".", "..", "", None, b"acme", ["acme"], {"a": 1}):
                arguments: dict[str, Any] = {name: value}
                error = await probe.call(client, **arguments)
                assert isinstance(error, errors.ArgumentError), (name, value, error)
                assert name in str(error)
    assert server.requests == [], "nothing is sent"


async def unsendable_service_token(probe: Probe) -> None:
    token_id, token = service_token(probe.exchange)
    for bad in (token + "\n", token + "\r\n", "\r\n" + token, token[:4] + "\x00" + token[4:], token + "é", token + " "):
        try:
            AuthenticatedClient.from_service_token(token_id, bad)
        except errors.CredentialsError as error:
            probe.raised(error)
            assert "token" in str(error)
        else:
            raise AssertionError(f"accepted a token with {bad[-1]!r}")


async def newline_from_the_environment(probe: Probe) -> None:
    token_id, token = service_token(probe.exchange)
    saved = {name: os.environ.get(name) for name in AuthenticatedClient._CREDENTIAL_ENVS.values()}
    os.environ.update(zip(AuthenticatedClient._CREDENTIAL_ENVS.values(), (token_id, token + "\n"), strict=True))
    try:
        AuthenticatedClient.from_env()
    except errors.CredentialsError as error:
        probe.raised(error)
        assert "newline" in str(error)
    else:
        raise AssertionError("accepted a token ending in a newline")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def bodies(status: int) -> dict[str, Callable[[socket.socket, bytes], None]]:
    return {
        "100 MB behind Content-Length": raw(
            itertools.chain([head(status, content_length=str(100 << 20))], itertools.repeat(b"0" * 65536, 1600))
        ),
        "endless chunks": raw(itertools.chain([head(status, transfer_encoding="chunked")], chunked(endless()))),
        "gzip bomb": raw(head(status, content_encoding="gzip", content_length=str(len(gzip_bomb()))) + gzip_bomb()),
    }


async def oversized_bodies(probe: Probe) -> None:
    for status, expected in ((200, errors.PlanetScaleError), (500, errors.ServerError)):
        for name, send in bodies(status).items():
            with serving(send) as url:
                outcome = await probe.call(probe.client(url))
            assert isinstance(outcome, expected) or ignored(probe, status, outcome), (status, name, outcome)


def ignored(probe: Probe, status: int, outcome: Any) -> bool:
    """Whether ``outcome`` is a success whose body the operation ignores (a revocation's 200, whatever it says)."""
    return status == 200 and probe.operation_id not in READS_BODY and not isinstance(outcome, Exception)


async def one_byte_at_a_time(probe: Probe) -> None:
    def trickle(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head(200, content_length="1000000"))
        for _ in range(100):
            connection.sendall(b" ")
            time.sleep(0.05)

    with serving(trickle) as url:
        started = time.monotonic()
        error = await probe.call(probe.client(url, timeout=2.0, deadline=0.3))
    assert isinstance(error, errors.APITimeoutError), error
    assert time.monotonic() - started < 1.5


async def never_answers(probe: Probe) -> None:
    def silent(connection: socket.socket, request: bytes) -> None:
        time.sleep(3)  # accepts, reads the request, says nothing

    def stalls(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head(200, content_length="100"))
        time.sleep(3)

    for send in (silent, stalls):
        with serving(send) as url:
            started = time.monotonic()
            error = await probe.call(probe.client(url, deadline=0.3))
            assert isinstance(error, errors.APITimeoutError) and "deadline" in str(error), error
            assert time.monotonic() - started < 1.5


def layered(codings: list[str], body: bytes) -> bytes:
    """``body`` with each coding applied in turn (the order a server names them in)."""
    for coding in codings:
        if coding == "gzip":
            deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            body = deflate.compress(body) + deflate.flush()
    return body


async def stacked_encodings(probe: Probe) -> None:
    bomb = gzip_bomb()
    cases = {
        "gzip, gzip": layered(["gzip"], bomb),  # a bomb inside a gzip layer
        "gzip, identity": bomb,
        "identity, gzip": bomb,
        "br": b"\x1b\x00\x00",
        "zstd": b"(\xb5/\xfd",
        "gzip, br": bomb,
    }
    for coding, body in cases.items():
        for status in (200, 500):
            send = raw(head(status, content_encoding=coding, content_length=str(len(body))) + body)
            with serving(send) as url:
                outcome = await probe.call(probe.client(url))
            assert isinstance(outcome, errors.PlanetScaleError) or ignored(probe, status, outcome), (coding, outcome)


async def echoing_success(probe: Probe) -> None:
    def echo(connection: socket.socket, request: bytes) -> None:
        words = request.decode("latin-1").replace("&", " ").replace("=", " ").replace(":", " ").split()
        carried = quote(" ".join(word for word in words if len(word) > 12), safe="")
        connection.sendall(answer(200, b'{"unexpected": true}', x_echo=carried, x_request_id=carried[:200]))

    with serving(echo) as url:
        outcome = await probe.call(probe.client(url))
    if isinstance(outcome, errors.PlanetScaleError):
        probe.show(outcome.headers)
        probe.show(outcome.request_id)


async def redirect_loop(probe: Probe) -> None:
    server = Counted([raw(answer(307, location="/again"))])
    with serving(server) as url:
        error = await probe.call(probe.client(url, follow_redirects=True))
    assert isinstance(error, errors.RedirectError), error
    assert len(server.requests) <= 21


async def redirect_bodies(probe: Probe) -> None:
    hop = head(307, location="/again", transfer_encoding="chunked")
    bomb = head(307, location="/again", content_encoding="gzip", content_length=str(len(gzip_bomb()))) + gzip_bomb()
    server = Counted([raw(itertools.chain([hop], chunked(endless()))), raw(bomb), raw(success(probe.operation_id))])
    with serving(server) as url:
        result = await probe.call(probe.client(url, follow_redirects=True))
    assert not isinstance(result, Exception), result
    assert len(server.requests) == 3


async def cookie_flood(probe: Probe) -> None:
    def set_cookie(connection: socket.socket, request: bytes) -> None:
        connection.sendall(
            success(probe.operation_id).replace(
                b"\r\n\r\n", f"\r\nSet-Cookie: c{time.monotonic_ns()}=x".encode() + b"\r\n\r\n", 1
            )
        )

    server = Counted([set_cookie])
    with serving(server) as url:
        client = probe.client(url)
        for _ in range(3):
            await probe.call(client)
    assert not any(b"\r\ncookie:" in request.lower() for request in server.requests)


async def growing_next_page(probe: Probe) -> None:
    def page(connection: socket.socket, request: bytes) -> None:
        number = len(server.requests)
        body = {"data": [], "current_page": number, "next_page": number + 1, "prev_page": None,
                "next_page_url": f"/next?page={number + 1}{'x' * number * 100}", "prev_page_url": None}  # fmt: skip
        connection.sendall(answer(200, json.dumps(body).encode()))

    server = Counted([page])
    module = EXPECTED[probe.operation_id].module
    args = probe.exchange.arguments()
    with serving(server) as url:
        client = probe.client(url)

        async def walk() -> list[Any]:
            return [item async for item in module.aiterate(client=client, **args)]

        error = await probe.run(lambda: list(module.iterate(client=client, **args)), walk)
    assert isinstance(error, errors.PlanetScaleError), error
    assert len(server.requests) <= 4


async def odd_statuses(probe: Probe) -> None:
    for status in (444, 499, 520, 521, 522, 523, 524, 525, 526, 527, 530, 598, 599, 999):
        with serving(raw(answer(status, b"<html>odd</html>", content_type="text/html"))) as url:
            client = probe.client(url)
            error = await probe.call(client)
            response = await probe.call(client, detailed=True)
        expected = errors.ServerError if 500 <= status <= 599 else errors.UnexpectedStatus
        assert type(error) is expected, (status, error)
        assert error.status_code == status
        assert response.status_code == status


async def lying_encoding(probe: Probe) -> None:
    for status in (200, 500):
        body = b'{"not": "gzip"}'
        with serving(raw(answer(status, body, content_encoding="gzip"))) as url:
            error = await probe.call(probe.client(url))
        assert isinstance(error, errors.PlanetScaleError), error


async def deep_nesting(probe: Probe) -> None:
    deep = b'{"message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    for status in (200, 400, 500):
        with serving(raw(answer(status, deep))) as url:
            outcome = await probe.call(probe.client(url))
        assert isinstance(outcome, errors.PlanetScaleError) or ignored(probe, status, outcome), outcome
        assert len(str(outcome)) < 400


async def odd_retry_after(probe: Probe) -> None:
    for value in ("²", "-1", "1e309", "Fri, 31 Dec 9999 23:59:59 GMT", "0x10", "", "\u0661"):
        retry = RetryPolicy(max_retries=1, initial_delay=0.01, max_delay=0.01)
        with serving(raw(answer(503, b"{}", retry_after=value))) as url:
            error = await probe.call(probe.client(url, retry=retry))
        assert isinstance(error, errors.ServerError), (value, error)


async def broken_answers(probe: Probe) -> None:
    answers = {
        "closed without an answer": raw(b""),
        "a body cut short": raw(head(200, content_length="5000") + b'{"id": "x"'),
        "a header line of a megabyte": raw(head(200, x_big="a" * (1 << 20), content_length="2") + b"{}"),
        "not HTTP": raw(b"SSH-2.0-OpenSSH_9.6\r\n"),
        "HTML from a proxy on a 200": raw(answer(200, b"<html><body>Welcome to nginx!</body></html>")),
        "HTML from a proxy on a 502": raw(answer(502, b"<html><body>Bad Gateway</body></html>")),
        "a JSON array": raw(answer(200, b"[1, 2, 3]")),
    }
    for name, send in answers.items():
        with serving(send) as url:
            outcome = await probe.call(probe.client(url))
        assert isinstance(outcome, errors.PlanetScaleError) or ignored(probe, 200, outcome), (name, outcome)


def echoes(request: bytes) -> bytes:
    """The request, raw and in every form a server may echo it in: URL-encoded, base64, JSON, cut short."""
    text = request.decode("latin-1")
    forms = [text, quote(text, safe=""), b64encode(request).decode(), json.dumps(text), text[:-7]]
    words = [word for word in text.replace("&", " ").replace("=", " ").replace(":", " ").split() if len(word) > 12]
    forms += [quote(word, safe="") for word in words] + [b64encode(word.encode()).decode() for word in words]
    forms += [word[: len(word) - 3] for word in words]
    return json.dumps({"code": "echo", "message": " | ".join(forms), "error": "invalid_request",
                       "error_description": " | ".join(forms)}).encode()  # fmt: skip


async def echoing_errors(probe: Probe) -> None:
    for status in (400, 401, 422, 500):

        def echo(connection: socket.socket, request: bytes, status: int = status) -> None:
            connection.sendall(answer(status, echoes(request)))

        with serving(echo) as url:
            client = probe.client(url)
            error = await probe.call(client)
            response = await probe.call(client, detailed=True)
        assert isinstance(error, errors.APIStatusError), error
        probe.show(response.content)
        probe.show(response.headers)


async def secrets_in_unknown_fields(probe: Probe) -> None:
    body = copy.deepcopy(probe.exchange.response_body)
    extra = {"refresh_token": EXTRA_SECRET, "token": EXTRA_SECRET, "client_secret": EXTRA_SECRET}
    if isinstance(body, dict):
        body["previous"] = extra
        body["debug"] = [{"nested": extra}]
    with serving(raw(answer(probe.exchange.status, json.dumps(body).encode()))) as url:
        result = await probe.call(probe.client(url))
        response = await probe.call(probe.client(url), detailed=True)
    assert not isinstance(result, Exception), result
    probe.show(response)


async def secrets_in_a_redirect(probe: Probe) -> None:
    def redirect(connection: socket.socket, request: bytes) -> None:
        words = request.decode("latin-1").replace("&", " ").replace("=", " ").replace(":", " ").split()
        carried = quote(" ".join(word for word in words if len(word) > 12), safe="")
        connection.sendall(answer(302, b"", location=f"https://evil.example.com/{carried}?all={carried}"))

    with serving(redirect) as url:
        error = await probe.call(probe.client(url, follow_redirects=True))
    assert isinstance(error, errors.RedirectError), error
    probe.show(error.headers)
    probe.show(error.location)


async def rendered_tracebacks(probe: Probe) -> None:
    def refuse(connection: socket.socket, request: bytes) -> None:
        connection.sendall(answer(400, echoes(request)))

    with serving(refuse) as url:
        error = await probe.call(probe.client(url))
    assert isinstance(error, errors.APIStatusError), error
    probe.shown.append(str(ExceptionInfo.from_exception(error).getrepr(showlocals=True, style="long")))
    console = Console(file=io.StringIO(), width=240, color_system=None)
    console.print(Traceback.from_exception(type(error), error, error.__traceback__, show_locals=True))
    probe.shown.append(console.file.getvalue())  # type: ignore[attr-defined]


def _worker_call(operation_id: str, url: str) -> None:
    """Run in another process: one call that fails."""
    probe = Probe("sync", operation_id)
    EXPECTED[operation_id].module.sync(client=probe.client(url), **probe.exchange.arguments())


async def error_across_processes(probe: Probe) -> None:
    with serving(raw(answer(500, b'{"code": "internal", "message": "boom"}'))) as url:
        with ProcessPoolExecutor(max_workers=1) as pool:
            future = pool.submit(_worker_call, probe.operation_id, url)
            try:
                future.result(timeout=30)
            except errors.ServerError as error:
                probe.raised(error)
                assert "boom" in str(error)
            else:
                raise AssertionError("the call succeeded")


# The token session, against a loopback OAuth server that rotates refresh tokens.


def session_client(server: RotatingOAuthServer) -> AuthenticatedClient:
    return AuthenticatedClient.from_service_token(
        "sto_FAKEflow", "pscale_tkn_FAKEflow0001", base_url=server.url + "/v1", oauth_base_url=server.url,
        retry=NO_RETRY,
    )  # fmt: skip


class rotating:
    def __init__(self, **kwargs: Any) -> None:
        self.server = RotatingOAuthServer(**kwargs)

    def __enter__(self) -> RotatingOAuthServer:
        self.server.thread.start()
        return self.server

    def __exit__(self, *exc: object) -> None:
        self.server.httpd.shutdown()
        self.server.httpd.server_close()


async def exchange(probe: Probe, server: RotatingOAuthServer, **kwargs: Any) -> TokenSession:
    client = session_client(server)
    session = await probe.run(
        lambda: TokenSession.exchange(client, CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI, **kwargs),
        lambda: TokenSession.aexchange(
            client, CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI, **kwargs
        ),
    )
    assert isinstance(session, TokenSession), session
    return session


async def access(probe: Probe, session: TokenSession) -> Any:
    return await probe.run(session.access_token, session.aaccess_token, show=False)


async def refresh(probe: Probe, session: TokenSession) -> Any:
    return await probe.run(session.refresh, session.arefresh)


def due_session(server: RotatingOAuthServer, expires_in: float = 30, **kwargs: Any) -> TokenSession:
    """A session on the server's current tokens, expiring in ``expires_in`` seconds (inside the 60 s margin, so the
    next use refreshes)."""
    tokens = Tokens(
        access_token=server.access_token,
        refresh_token=server.refresh_token,
        expires_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=expires_in),
    )
    return TokenSession(session_client(server), CLIENT_ID, CLIENT_SECRET, tokens, **kwargs)


def failing_store(failures: int) -> Callable[[Tokens], None]:
    calls: list[Tokens] = []

    def store(tokens: Tokens) -> None:
        calls.append(tokens)
        if len(calls) <= failures:
            raise ConnectionError("the database is down")

    store.calls = calls  # type: ignore[attr-defined]
    return store


async def store_down_at_exchange(probe: Probe) -> None:
    with rotating(refresh_delay=0) as server:
        store = failing_store(1)
        session = await exchange(probe, server, on_refresh=store)
        assert session.pending_persist and session.tokens.refresh_token == server.refresh_token
        assert await access(probe, session) == server.access_token
        assert not session.pending_persist
        assert [tokens.refresh_token for tokens in store.calls] == [server.refresh_token] * 2


async def async_hook_on_a_sync_exchange(probe: Probe) -> None:
    async def store(tokens: Tokens) -> None:
        pass

    with rotating(refresh_delay=0) as server:
        client = session_client(server)
        try:
            TokenSession.exchange(
                client, CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI, on_refresh=store
            )
        except TypeError as error:
            probe.raised(error, allowed=(TypeError,))
        else:
            raise AssertionError("an async hook was accepted by the sync exchange")
        assert sum(server.requests.values()) == 0, "the code is not spent"


async def store_down_once_after_a_refresh(probe: Probe) -> None:
    with rotating(refresh_delay=0, expires_in=30) as server:
        store = failing_store(0)
        session = await exchange(probe, server, on_refresh=store)
        store.calls.clear()  # type: ignore[attr-defined]
        failing = failing_store(1)
        session.on_refresh = failing
        await refresh(probe, session)  # persisting the rotated tokens fails
        assert session.pending_persist
        rotated = server.refresh_token
        await access(probe, session)  # persisted now, without another refresh
        assert not session.pending_persist
        assert [tokens.refresh_token for tokens in failing.calls] == [rotated, rotated]


async def cancelled_mid_refresh(probe: Probe) -> None:
    with rotating(refresh_delay=0.3, expires_in=30) as server:
        session = await exchange(probe, server)
        task = asyncio.ensure_future(session.arefresh())
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # The refresh runs on, shielded: the next caller joins it and gets its tokens; no second refresh is sent.
        assert (await session.arefresh()).access_token == server.access_token, "the rotated token was kept"
        assert server.generation == 2
        assert session.tokens.refresh_token == server.refresh_token


async def short_lifetime(probe: Probe) -> None:
    with rotating(refresh_delay=0, expires_in=30) as server:
        session = await exchange(probe, server)
        for _ in range(50):
            await access(probe, session)
        assert session.refreshes == 0, "a 30 s token is refreshed halfway through its life, not on every call"


async def token_response_off_spec(probe: Probe) -> None:
    rotated = {"access_token": "FAKE-flow-access-token-0009", "refresh_token": "FAKE-flow-refresh-token-0009"}
    odd_bodies = [
        {**rotated, "expires_in": 3600, "scope": "read_databases"},  # no token_type
        {**rotated, "token_type": "Bearer", "expires_in": "3600", "scope": ["read_databases", "read_branches"]},
        {**rotated, "token_type": "Bearer", "expires_in": None, "extra": [[[[[]]]]]},
    ]
    for body in odd_bodies:
        issued = json.dumps({**rotated, "token_type": "Bearer", "expires_in": 30}).encode()
        server = Counted(
            [raw(answer(200, issued).replace(b"0009", b"0001")), raw(answer(200, json.dumps(body).encode()))]
        )
        with serving(server) as url:
            session = await exchange_with(probe, probe.client(url))
            await refresh(probe, session)
        assert session.tokens.refresh_token == rotated["refresh_token"], body
        assert session.tokens.access_token == rotated["access_token"], body


async def exchange_with(probe: Probe, client: AuthenticatedClient, **arguments: Any) -> Any:
    """TokenSession.exchange (or aexchange) with the application's credentials, unless ``arguments`` replace some."""
    given: dict[str, Any] = {
        "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "code": CODE, "redirect_uri": REDIRECT_URI,
        **arguments,
    }  # fmt: skip
    return await probe.run(
        lambda: TokenSession.exchange(client, **given), lambda: TokenSession.aexchange(client, **given)
    )


async def echoed_basic_credentials(probe: Probe) -> None:
    def refuse(connection: socket.socket, request: bytes) -> None:
        connection.sendall(answer(400, echoes(request)))

    with serving(refuse) as url:
        error = await exchange_with(probe, probe.client(url), client_auth="client_secret_basic")
    assert isinstance(error, errors.OAuthError), error


async def careless_caller(probe: Probe) -> None:
    server = Counted([raw(answer(200, b"{}"))])
    good = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "code": CODE, "redirect_uri": REDIRECT_URI}
    with serving(server) as url:
        client = probe.client(url)
        for name in good:
            for bad in (b"bytes", None, "", 5, "trailing\n", " spaced", "lone\ud800"):
                error = await exchange_with(probe, client, **{name: bad})
                assert isinstance(error, errors.CredentialsError) and name in str(error), (name, bad, error)
    assert server.requests == [], "no code is spent"
    for url_given, state in ((b"https://app.test/cb?code=x", "s"), ("https://app.test/cb?code=x&state=\ud800", "s")):
        try:
            read_callback(url_given, state)  # type: ignore[arg-type]
        except errors.PlanetScaleError as error:
            probe.raised(error)
    for bad in ("lone\ud800", "", b"x"):
        try:
            authorize_url(CLIENT_ID, bad)  # type: ignore[arg-type]
        except errors.PlanetScaleError as error:
            probe.raised(error)
        else:
            raise AssertionError(f"authorize_url took {bad!r}")


async def huge_lifetime(probe: Probe) -> None:
    with rotating(refresh_delay=0, expires_in=10**21) as server:
        session = await exchange(probe, server)
        assert session.tokens.refresh_token == server.refresh_token
        assert session.tokens.expires_at is not None


async def lost_refresh_answer(probe: Probe) -> None:
    issued = json.dumps({"access_token": "FAKE-flow-access-token-0001", "token_type": "Bearer", "expires_in": 30,
                         "refresh_token": "FAKE-flow-refresh-token-0001"}).encode()  # fmt: skip
    server = Counted([raw(answer(200, issued)), raw(b"")])
    with serving(server) as url:
        client = probe.client(url)
        session = await probe.run(
            lambda: TokenSession.exchange(client, CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI),
            lambda: TokenSession.aexchange(client, CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI),
        )
        for _ in range(5):
            error = await refresh(probe, session)
            assert isinstance(error, errors.APIConnectionError), error
    assert len(server.requests) == 2, "one refresh sent, then the failure is raised again while it backs off"


async def sync_and_async_share_one_refresh(probe: Probe) -> None:
    with rotating(refresh_delay=0.4) as server:
        session = due_session(server)
        gaps: list[float] = []

        async def ticker() -> None:
            last = time.monotonic()
            while True:
                await asyncio.sleep(0.01)
                now = time.monotonic()
                gaps.append(now - last)
                last = now

        ticking = asyncio.ensure_future(ticker())
        loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(max_workers=8) as pool:
            threads = [loop.run_in_executor(pool, session.access_token) for _ in range(8)]
            await asyncio.sleep(0.05)  # a thread is sending the refresh: the tasks now wait for it
            tasks = [asyncio.ensure_future(session.aaccess_token()) for _ in range(8)]
            tokens = await asyncio.gather(*threads, *tasks)
        ticking.cancel()
        assert set(tokens) == {server.access_token}
        assert server.generation == 1, "one refresh for every caller"
        assert max(gaps) < 0.2, f"the event loop was blocked for {max(gaps):.2f} s"


async def second_event_loop(probe: Probe) -> None:
    def keep_alive(connection: socket.socket, request: bytes) -> None:
        connection.sendall(success(probe.operation_id).replace(b"Connection: close", b"Connection: keep-alive"))

    with serving(keep_alive) as url:
        client = probe.client(url)
        module = EXPECTED[probe.operation_id].module
        args = probe.exchange.arguments()
        outcomes: list[Any] = []

        def twice() -> None:
            for _ in range(2):
                try:
                    outcomes.append(asyncio.run(module.asyncio(client=client, **args)))
                except Exception as exc:
                    outcomes.append(exc)

        thread = threading.Thread(target=twice)
        thread.start()
        thread.join(10)
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            probe.raised(outcome)
    assert len(outcomes) == 2 and not any(isinstance(outcome, Exception) for outcome in outcomes), outcomes


async def wall_clock_stepped_back(probe: Probe) -> None:
    with rotating(refresh_delay=0) as server:
        session = due_session(server, expires_in=61)
        real = time.time
        time.time = lambda: real() - 3600
        try:
            await asyncio.sleep(1.2)  # past expiry minus the 60 s margin, on the monotonic clock
            await access(probe, session)
        finally:
            time.time = real
        assert session.refreshes == 1, "the token due by the monotonic clock was refreshed"


# fmt: off
ATTACKS: list[Attack] = [
    Attack("Paths", "a path value that is '.', '..', empty, None, bytes, a list or a dict", bad_path_values, WITH_PATH),
    Attack("Credentials in messages", "a service token with a newline, CR/LF, NUL, non-ASCII or a space",
           unsendable_service_token, ("get_oauth_token",), ("sync",)),
    Attack("Credentials in messages", "a service token read from the environment with its trailing newline",
           newline_from_the_environment, ("get_oauth_token",), ("sync",)),
    Attack("Unbounded reads", "100 MB, endless chunks or a gzip bomb, on a 200 and a 500", oversized_bodies),
    Attack("Unbounded reads", "one byte every 50 ms (timeout 2 s, deadline 0.3 s)", one_byte_at_a_time),
    Attack("Unbounded reads", "a server that never answers, or stalls after the head (deadline 0.3 s)",
           never_answers),
    Attack("Unbounded reads", "stacked or unrequested Content-Encodings around a gzip bomb", stacked_encodings),
    Attack("Unbounded reads", "a same-origin redirect loop, redirects followed", redirect_loop),
    Attack("Unbounded reads", "redirects followed with an endless body and a gzip bomb", redirect_bodies),
    Attack("Unbounded reads", "a new cookie on every answer", cookie_flood),
    Attack("Unbounded reads", "next_page that grows for ever over empty pages", growing_next_page,
           ("list_oauth_tokens",)),
    Attack("Bare exceptions", "statuses outside http.HTTPStatus (444, 499, 520-527, 530, 598, 599, 999)",
           odd_statuses),
    Attack("Bare exceptions", "a body whose Content-Encoding lies, on a 200 and a 500", lying_encoding),
    Attack("Bare exceptions", "a body nested 100,000 deep, on a 200, a 400 and a 500", deep_nesting),
    Attack("Bare exceptions", "Retry-After that is not a number or a date Python can read", odd_retry_after),
    Attack("Bare exceptions", "no answer, a cut body, a 1 MB header, not HTTP, HTML, an array", broken_answers),
    Attack("Secrets in places people look", "errors that echo the request raw, URL-encoded, base64, JSON and cut",
           echoing_errors),
    Attack("Secrets in places people look", "a success body with secrets under keys the model does not know",
           secrets_in_unknown_fields, WITH_BODY),
    Attack("Secrets in places people look", "a 2xx that fails its check and echoes the request in its headers",
           echoing_success, READS_BODY_OPERATIONS),
    Attack("Secrets in places people look", "a redirect elsewhere whose Location carries the request's secrets",
           secrets_in_a_redirect),
    Attack("Secrets in places people look", "a refused call's traceback rendered with its locals by pytest and rich",
           rendered_tracebacks),
    Attack("Errors that cannot travel", "an error raised in a worker process", error_across_processes,
           ("get_oauth_token",), ("sync",), bound=30.0),
    Attack("Tokens lost or wasted", "on_refresh fails during the code exchange", store_down_at_exchange, SESSION),
    Attack("Tokens lost or wasted", "an async on_refresh given to the sync exchange", async_hook_on_a_sync_exchange,
           SESSION, ("sync",)),
    Attack("Tokens lost or wasted", "on_refresh fails once after a refresh", store_down_once_after_a_refresh, SESSION),
    Attack("Tokens lost or wasted", "the caller is cancelled mid-refresh", cancelled_mid_refresh, SESSION, ("async",)),
    Attack("Tokens lost or wasted", "expires_in inside the refresh margin, 50 calls", short_lifetime, SESSION),
    Attack("Tokens lost or wasted", "expires_in of 10**21", huge_lifetime, SESSION),
    Attack("Tokens lost or wasted", "a refresh answered off the spec: no token_type, scope as a list, ...",
           token_response_off_spec, SESSION),
    Attack("Secrets in places people look", "an OAuth error that echoes the request sent with client_secret_basic",
           echoed_basic_credentials, SESSION),
    Attack("Bare exceptions", "bytes, None, a newline or a lone surrogate as a secret, a code, a state or a URL",
           careless_caller, SESSION),
    Attack("Tokens lost or wasted", "the answer to a refresh is lost, then 5 more calls", lost_refresh_answer, SESSION),
    Attack("Tokens lost or wasted", "8 threads and 8 tasks need a refresh at once", sync_and_async_share_one_refresh,
           SESSION, ("async",)),
    Attack("Tokens lost or wasted", "a second asyncio.run() with the same client", second_event_loop,
           ("get_oauth_token",), ("sync",)),
    Attack("Tokens lost or wasted", "the wall clock stepped back an hour", wall_clock_stepped_back, SESSION),
]
# fmt: on


@dataclass
class Tally:
    tried: int = 0
    leaks: int = 0
    bare: int = 0
    hangs: int = 0
    over_memory: int = 0
    peak: int = 0


TALLY = Tally()


@pytest.fixture(scope="module", autouse=True)
def tally(request: pytest.FixtureRequest) -> Iterator[Tally]:
    yield TALLY
    if TALLY.tried:
        report(
            request,
            f"attack table: {TALLY.tried} attacks tried ({len(ATTACKS)} rows), {TALLY.leaks} leaks, {TALLY.bare} bare "
            f"exceptions, {TALLY.hangs} hangs, {TALLY.over_memory} over the memory budget of "
            f"{MEMORY_BUDGET >> 20} MiB (highest peak {TALLY.peak / (1 << 20):.1f} MiB)",
        )


CASES = [
    pytest.param(attack, operation_id, mode, id=f"{attack.name} [{operation_id}-{mode}]")
    for attack in ATTACKS
    for operation_id in attack.operations
    for mode in attack.modes
]


def test_every_kind_of_failure_has_rows() -> None:
    kinds = {attack.why for attack in ATTACKS}
    assert kinds == {
        "Paths",
        "Credentials in messages",
        "Unbounded reads",
        "Bare exceptions",
        "Secrets in places people look",
        "Errors that cannot travel",
        "Tokens lost or wasted",
    }
    assert len({attack.name for attack in ATTACKS}) == len(ATTACKS)


class _Leaky(Exception):
    pass


# A frame outside the tests (they are left out of what is rendered) that holds a secret in a local.
_CARELESS = "def leak_from_a_frame(secret):\n    held = {'kept': secret}\n    raise Leaky('failed')\n"
_careless: dict[str, Any] = {"Leaky": _Leaky}
exec(compile(_CARELESS, "/careless/module.py", "exec"), _careless)
_leak_from_a_frame: Callable[[str], None] = _careless["leak_from_a_frame"]


async def test_the_judge_finds_a_secret_wherever_it_shows() -> None:
    secret = next(iter(sorted(SECRETS)))
    probe = Probe("sync", "get_oauth_token")
    probe.show({"nested": [secret]})
    assert SECRET_PATTERN.findall("\n".join(probe.shown)) == [secret] * 3, "repr, str and rich"
    probe = Probe("sync", "get_oauth_token")
    probe.raised(errors.ServerError(f"echo {secret}", status_code=500))
    assert SECRET_PATTERN.search("\n".join(probe.shown)), "an error's message and pickle"
    probe = Probe("sync", "get_oauth_token")
    await probe.run(lambda: _leak_from_a_frame(secret), lambda: asyncio.sleep(0))
    assert probe.bare and SECRET_PATTERN.search("\n".join(probe.shown)), "a bare exception, and a frame's locals"


def where(secret: str, haystack: str) -> str:
    """The secret where it was shown, with some context."""
    at = haystack.index(secret)
    return haystack[max(0, at - 150) : at + len(secret) + 20]


@pytest.mark.parametrize(("attack", "operation_id", "mode"), CASES)
async def test_attack(attack: Attack, operation_id: str, mode: Mode, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    probe = Probe(mode, operation_id)
    started = time.monotonic()
    try:
        await attack.run(probe)
    except AssertionError:
        raise
    except Exception as exc:  # the row itself met an exception the package should have typed
        probe.raised(exc)
    finally:
        elapsed = time.monotonic() - started
    haystack = "\n".join([*probe.shown, caplog.text])
    leaked = sorted(set(SECRET_PATTERN.findall(haystack)))
    TALLY.tried += 1
    TALLY.leaks += bool(leaked)
    TALLY.bare += bool(probe.bare)
    TALLY.hangs += elapsed > attack.bound
    TALLY.over_memory += probe.peak > MEMORY_BUDGET
    TALLY.peak = max(TALLY.peak, probe.peak)
    assert leaked == [], [where(secret, haystack) for secret in leaked]
    assert probe.bare == [], "exceptions that are not the package's own"
    assert elapsed <= attack.bound, f"took {elapsed:.1f} s"
    assert probe.peak <= MEMORY_BUDGET, f"peak {probe.peak / (1 << 20):.1f} MiB"
