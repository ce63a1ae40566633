# Copied from templates/runtime/_base_client.py by `make generate` (the runtime: plain Python, the same for every spec).
# Do not edit: change templates/runtime/_base_client.py, then run `make generate`.
"""Transport policy shared by every API call: timeouts, retries, redirects, credentials, logging.

``BaseClient`` holds connection settings and sends one operation's request under that policy
(``request`` / ``arequest``). The generated ``client.Client`` adds what the spec decides: one base URL
per server, the environment variables that set them, the User-Agent.
"""

from __future__ import annotations

import base64
import contextlib
import contextvars
import datetime
import http.cookiejar
import itertools
import logging
import math
import os
import random
import ssl
import string
import sys
import threading
import time
import weakref
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypedDict

import httpx
from attrs import define, evolve, field

from ._bodies import MAX_BODY_BYTES
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    ArgumentError,
    CredentialsError,
    ResponseValidationError,
)
from ._redaction import Secret, hidden, known, scrub

if TYPE_CHECKING:
    import asyncio

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=10.0)
"""Seconds to connect, to wait for each read and write, and to wait for a pooled connection."""

DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
"""The connection pool of each client: at most 100 connections, all of which may stay open between calls.

httpx's default keeps only 20 idle: under a burst of concurrent calls it then closes connections as
requests finish and opens new ones for the queue, one TCP (and TLS) handshake per request."""

_PACKAGE = __name__.rpartition(".")[0] or __name__
_log = logging.getLogger(_PACKAGE)
"""The package's logger, named after the package (``logging.getLogger("<package>")`` configures it)."""

_CALL_SECRETS: contextvars.ContextVar[Callable[[], tuple[str, ...]] | None] = contextvars.ContextVar(
    f"{_PACKAGE}.call_secrets", default=None
)
"""While one of this package's calls runs (in its thread, or its task): what tells the secrets it sends."""

_THEIR_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
"""Loggers of httpx and httpcore (a filter applies only to its own logger's records, not to its children's)."""


class _ScrubCallSecrets(logging.Filter):
    """On httpx's and httpcore's loggers: while one of this package's calls runs, the secrets it sends, and the forms
    a server may echo them in, are blanked out of what those libraries log. httpx's INFO line shows each URL (an API
    key in the query); httpcore's DEBUG trace shows the response headers (a ``Location`` that echoes a credential).
    Records are changed only when they hold a secret, and never dropped; with those loggers off, no record is made."""

    def filter(self, record: logging.LogRecord) -> bool:
        secrets_of = _CALL_SECRETS.get()
        if secrets_of is not None:
            message = record.getMessage()
            cleaned = scrub(message, secrets_of())
            if cleaned != message:
                record.msg, record.args = cleaned, None
        return True


_LOG_FILTER = _ScrubCallSecrets()
# Each generated package has its own copy of this module, hence its own filter; addFilter adds one object once.
for _name in _THEIR_LOGGERS:
    logging.getLogger(_name).addFilter(_LOG_FILTER)


def _secret_values(value: Any) -> list[str]:
    """The ``Secret`` strings in a request's form or JSON body or its headers (the package holds sensitive values
    as those)."""
    found: list[str] = []
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, Secret):
            found.append(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list | tuple):
            stack.extend(node)
    return found


class RetryRule:
    """What may be retried for one kind of operation: error statuses, and failures before an answer.

    A plain class (an attrs one costs about half a millisecond at import, for two of them).
    """

    __slots__ = ("failures", "statuses")

    def __init__(self, *, statuses: frozenset[int], failures: tuple[type[httpx.TransportError], ...]) -> None:
        self.statuses = statuses
        self.failures = failures

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RetryRule):
            return NotImplemented
        return (self.statuses, self.failures) == (other.statuses, other.failures)

    def __hash__(self) -> int:
        return hash((self.statuses, self.failures))

    def __repr__(self) -> str:
        failures = ", ".join(failure.__name__ for failure in self.failures)
        return f"RetryRule(statuses={sorted(self.statuses)}, failures=({failures}))"


# Failures where the request certainly never reached the server.
_NOT_SENT: tuple[type[httpx.TransportError], ...] = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

RETRY_RULES: dict[str, RetryRule] = {
    # POST/PATCH: the server may act on a request once only (an authorization code is single-use and
    # a refresh may rotate the refresh token). Retry only when it cannot have acted: the request was
    # never sent, or the server said so (429 Too Many Requests, 503 Service Unavailable). A read
    # timeout, a dropped connection or a 500/502/504 may come after the server acted: never retried.
    "unsafe": RetryRule(statuses=frozenset({429, 503}), failures=_NOT_SENT),
    # GET/HEAD/PUT/DELETE/OPTIONS (RFC 9110 idempotent methods): repeating the request changes nothing.
    "idempotent": RetryRule(
        statuses=frozenset({429, 500, 502, 503, 504}),
        failures=(*_NOT_SENT, httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError),
    ),
}
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


@define(frozen=True)
class RetryPolicy:
    """How often and how long to wait before trying a request again.

    Waits are exponential with full jitter: before retry *n* a random time between 0 and
    ``min(max_delay, initial_delay * 2 ** (n - 1))``, unless the answer carries ``Retry-After``
    (seconds or an HTTP date), which is honoured as long as it is at most ``max_retry_after``.
    ``sleep``, ``async_sleep``, ``random`` and ``now`` can be replaced, e.g. in tests.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(factory=lambda: _asyncio_sleep, repr=False)
    random: Callable[[], float] = field(default=random.random, repr=False)
    now: Callable[[], float] = field(default=time.time, repr=False)

    def delay(self, retry: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before retry number ``retry`` (1 is the first), or None not to retry."""
        if response is not None and "retry-after" in response.headers:
            wait = self._retry_after(response.headers["retry-after"])
            if wait is not None:
                return wait if wait <= self.max_retry_after else None
        return self.random() * min(self.max_delay, self.initial_delay * 2.0 ** (retry - 1))

    def _retry_after(self, value: str) -> float | None:
        value = value.strip()
        if value.isascii() and value.isdigit():  # "²" is a digit to str.isdigit(), not to float()
            return float(value)
        import email.utils

        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.UTC)
        return max(0.0, when.timestamp() - self.now())


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


DEFAULT_DEADLINE = 120.0
"""Seconds a call may take in all, its retries and the reading of every body included (``deadline=``)."""


class _DeadlinePassed(Exception):
    """A signal inside request()/arequest(): the call's deadline passed while it was reading or waiting."""


_CODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
"""The content codings a body may come in (zlib's window bits for each), and all the client asks for."""
ACCEPT_ENCODING = "gzip, deflate"


class _Layer:
    """One content coding of a body undone here, a bounded step at a time."""

    __slots__ = ("inflate", "raw_deflate_next", "seen")

    def __init__(self, coding: str) -> None:
        self.inflate = zlib.decompressobj(_CODINGS[coding])
        self.raw_deflate_next = coding == "deflate"  # zlib-wrapped first; raw deflate, as some servers send
        self.seen = False

    def step(self, data: bytes, room: int) -> tuple[bytes, bool]:
        """At most ``room`` bytes of what ``data`` decodes to, and whether some of it is left over (over the cap)."""
        try:
            out = self.inflate.decompress(data, room)
        except zlib.error:
            if self.seen or not self.raw_deflate_next:
                raise httpx.DecodingError("the body is not what its Content-Encoding says") from None
            self.raw_deflate_next = False
            self.inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            return self.step(data, room)
        self.seen = self.seen or bool(out)  # raw deflate is tried only while nothing has come out
        return out, bool(self.inflate.unconsumed_tail)

    def finish(self, room: int) -> bytes:
        try:
            return self.inflate.flush()[:room]
        except zlib.error:
            raise httpx.DecodingError("the body is not what its Content-Encoding says") from None


class _Body:
    """A streamed answer's body, read up to ``MAX_BODY_BYTES`` (one byte more, to know it is over) of decoded
    content and no further. Its content codings (gzip and deflate, one or several) are undone here with a bound on
    the output of each step, so a small compressed body cannot expand past the cap, at any layer; a coding the
    client did not ask for (br, zstd, ...) makes the body unreadable. The deadline is checked between reads, so a
    server that sends a byte at a time cannot hold a call."""

    def __init__(self, response: httpx.Response, deadline_at: float | None) -> None:
        header = response.headers.get("content-encoding")
        codings = [coding.strip().lower() for coding in header.split(",")] if header else []
        codings = [coding for coding in codings if coding and coding != "identity"]
        if response.is_stream_consumed:  # read already (a transport or a hook did), and decoded by httpx
            codings = []
        if any(coding not in _CODINGS for coding in codings):
            raise httpx.DecodingError("the body comes in a Content-Encoding the client did not ask for")
        self.deadline_at = deadline_at
        self.data = bytearray()
        self.layers = [_Layer(coding) for coding in reversed(codings)]  # the last coding applied is undone first

    def feed(self, chunk: bytes) -> bool:
        """Add a chunk as sent; False once the body is over the cap (stop reading)."""
        if self.deadline_at is not None and time.monotonic() > self.deadline_at:
            raise _DeadlinePassed
        room = MAX_BODY_BYTES + 1 - len(self.data)
        for layer in self.layers:
            chunk, over = layer.step(chunk, room)
            if over:  # more than the cap, at this layer already
                self.data += chunk[:room]
                return False
        self.data += chunk[:room]
        return len(self.data) <= MAX_BODY_BYTES

    def done(self, response: httpx.Response) -> httpx.Response:
        """The response with this body as its content (decoded already)."""
        if self.layers and len(self.data) <= MAX_BODY_BYTES:
            pending = b""
            for layer in self.layers:
                room = MAX_BODY_BYTES + 1 - len(self.data)
                out = layer.step(pending, room)[0] if pending else b""
                pending = out + layer.finish(room)
            self.data += pending[: MAX_BODY_BYTES + 1 - len(self.data)]
        response._content = bytes(self.data)
        return response


def _chunks(response: httpx.Response) -> Iterator[bytes]:
    """The body as it arrives (no buffering), or as it is when something read it already."""
    return iter((response.content,)) if response.is_stream_consumed else response.iter_raw()


async def _achunks(response: httpx.Response) -> AsyncIterator[bytes]:
    if response.is_stream_consumed:
        yield response.content
    else:
        async for chunk in response.aiter_raw():
            yield chunk


def _read(response: httpx.Response, deadline_at: float | None) -> httpx.Response:
    try:
        body = _Body(response, deadline_at)
        for chunk in _chunks(response):
            if not body.feed(chunk):
                break
    finally:
        response.close()
    return body.done(response)


async def _aread(response: httpx.Response, deadline_at: float | None) -> httpx.Response:
    try:
        body = _Body(response, deadline_at)
        async for chunk in _achunks(response):
            if not body.feed(chunk):
                break
    finally:
        await response.aclose()
    return body.done(response)


def _unsendable() -> ArgumentError:
    # httpx's own words would quote the value; a header value can be a credential.
    return ArgumentError(
        "a value of the request holds a character that cannot be sent (in a header or cookie: one outside "
        "printable ASCII; anywhere: a lone surrogate)"
    )


def _transport_error(exc: httpx.TransportError, attempts: int) -> APIConnectionError:
    tried = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"no answer in time ({type(exc).__name__}) {tried}")
    if isinstance(exc, httpx.ConnectError):
        # The socket's own words ("Connection refused", a DNS failure): nothing the server sent.
        return APIConnectionError(f"could not connect ({type(exc).__name__}: {exc}) {tried}")
    # Other failures can quote what went over the wire (a malformed header line, a Location, a header value
    # of the request): only their kind is shown; the httpx exception stays the __cause__.
    return APIConnectionError(f"the connection failed ({type(exc).__name__}) {tried}")


LOG_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
"""The values of the logging environment variable (``PLANETSCALE_LOG`` for this package) and what they turn on."""


def log_from_env(variable: str) -> None:
    """Turn on the package's log and httpx's at the level ``variable`` names (``debug`` or ``info``), writing to
    stderr through a handler of their own unless they have one: logging without code, for a quick look. Unset or
    anything else: nothing changes (configure ``logging`` as usual)."""
    level = LOG_LEVELS.get(os.environ.get(variable, "").strip().lower())
    if level is None:
        return
    for name in (_PACKAGE, "httpx"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
            logger.addHandler(handler)
        logger.setLevel(level)


def shown_url(url: str) -> str:
    """A request's URL as errors show it: scheme, host, port and path; no query (it can carry a credential) and no
    user or password."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return url.split("?", 1)[0].split("#", 1)[0]
    port = f":{parsed.port}" if parsed.port is not None else ""
    return f"{parsed.scheme}://{parsed.host}{port}{parsed.raw_path.split(b'?', 1)[0].decode('ascii')}"


def names(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def env_group(envs: Mapping[str, str]) -> dict[str, str] | None:
    """The values of ``envs`` (key -> environment variable) read together, as ``Secret``s: all of them; None when
    none is set; a ``CredentialsError`` naming the first missing one when some are set and others not (a credential put
    together from two places is never what was meant). Values are taken as they are: what is wrong with one (a
    trailing newline from a file) is for the caller's check to name."""
    found = {key: hidden(os.environ.get(name, "")) for key, name in envs.items()}
    present = [envs[key] for key, value in found.items() if value.strip()]
    if not present:
        return None
    unset = [envs[key] for key, value in found.items() if not value.strip()]
    if unset:
        raise CredentialsError(f"environment variable {unset[0]} is not set or is empty, but {names(present)} is")
    return found


def require_text(name: str, value: str) -> None:
    """Refuse a missing or blank credential, or one no header can carry, before any request. The message names
    what is wrong and where, never the value."""
    value = hidden(value)  # what a traceback's locals show of it: redacted
    if not isinstance(value, str) or not value.strip():
        raise CredentialsError(f"{name} must be a non-empty string")
    for index, character in enumerate(value):
        if not " " <= character <= "~":
            what = (
                "a line break"
                if character in "\r\n"
                else "a control character"
                if character < " " or character == "\x7f"
                else "a non-ASCII character"
            )
            hint = " (a trailing newline from a file or an environment variable?)" if character in "\r\n" else ""
            raise CredentialsError(f"{name} holds {what} at position {index} of {len(value)}{hint}")
    if value != value.strip():
        raise CredentialsError(f"{name} begins or ends with a space (copied with one?)")


class _KeepNoServerCookies(http.cookiejar.CookieJar):
    """A cookie jar that never stores what a response's Set-Cookie says."""

    def extract_cookies(self, response: Any, request: Any) -> None:
        return None


def _cookie_jar(cookies: Mapping[str, str]) -> http.cookiejar.CookieJar:
    jar = _KeepNoServerCookies()
    httpx.Cookies(jar).update(dict(cookies))
    return jar


def _check_retry(_client: object, _attribute: object, value: object) -> None:
    # Checked when the client is built: used only once a request fails, a wrong value would raise far from its cause.
    if not isinstance(value, RetryPolicy):
        raise ArgumentError(
            f"retry must be a RetryPolicy (RetryPolicy(max_retries=0) for no retries), not {type(value).__name__}"
        )


def _names(mapping: dict[str, Any]) -> str:
    return repr(sorted(mapping))


# Redirects are followed by httpx itself (its redirect requests, header rules and `max_redirects` hop limit);
# the policy on top is a pair of event hooks. The response hook remembers each redirect and empties its body;
# the request hook, which httpx runs for every hop with the URL it is about to send to, stops a hop that would
# leave the origin of the request's server, so no request, and no credential, goes to another host. Either stop
# hands back the last redirect, which the operation turns into `errors.RedirectError` (from its status and
# Location: its body, empty, is not needed).
_REDIRECTS = f"{_PACKAGE}.redirects"


class _Redirects:
    """Per request (in its extensions, which httpx carries from hop to hop): the origin, and the last redirect."""

    __slots__ = ("last", "origin")

    def __init__(self, origin: tuple[str, str, int | None]) -> None:
        self.origin = origin
        self.last: httpx.Response | None = None


class _Stopped(Exception):
    """A signal between a hook and request(), never seen by callers: the hop is not sent."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


class _SkippedBody(httpx.SyncByteStream):
    """Stands in for the body of a redirect httpx follows. httpx reads such a body whole, with no limit, before the
    next hop (an endless one, or a gzip bomb, would fill the memory), and nothing needs it: this one has no bytes.
    Closing it closes the connection's own stream, which releases the connection (httpcore closes one whose body
    was left unread)."""

    def __init__(self, stream: httpx.SyncByteStream) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        yield from ()

    def close(self) -> None:
        self._stream.close()


class _ASkippedBody(httpx.AsyncByteStream):
    """``_SkippedBody`` for the AsyncClient."""

    def __init__(self, stream: httpx.AsyncByteStream) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        return  # no bytes; the unreachable yield makes this an async generator
        yield b""

    async def aclose(self) -> None:
        await self._stream.aclose()


def _followed_redirect(response: httpx.Response) -> bool:
    """Whether httpx is about to follow ``response`` for request()/arequest() (they put a ``_Redirects`` in the request
    when, and only when, redirects are followed) with its body still unread. Such a response is remembered as the
    last redirect."""
    state = response.request.extensions.get(_REDIRECTS)
    if not isinstance(state, _Redirects) or not response.has_redirect_location:  # httpx's own test for a hop
        return False
    state.last = response
    return not response.is_stream_consumed  # another hook may have read it already: nothing left to skip


def _remember_redirect(response: httpx.Response) -> None:
    if _followed_redirect(response) and isinstance(response.stream, httpx.SyncByteStream):
        response.stream = _SkippedBody(response.stream)


async def _aremember_redirect(response: httpx.Response) -> None:
    if _followed_redirect(response) and isinstance(response.stream, httpx.AsyncByteStream):
        response.stream = _ASkippedBody(response.stream)


def _stay_on_origin(request: httpx.Request) -> None:
    state = request.extensions.get(_REDIRECTS)
    if isinstance(state, _Redirects) and state.last is not None and _origin(request.url) != state.origin:
        raise _Stopped(state.last)  # httpx "read" the redirect's (skipped, empty) body before building this hop


async def _astay_on_origin(request: httpx.Request) -> None:
    _stay_on_origin(request)


def _add_hooks(hooks: Mapping[str, list[Callable[..., Any]]], *, asynchronous: bool) -> None:
    for kind, hook in (
        ("request", _astay_on_origin if asynchronous else _stay_on_origin),
        ("response", _aremember_redirect if asynchronous else _remember_redirect),
    ):
        if hook not in hooks[kind]:
            hooks[kind].append(hook)


def _bad_answer(exc: Exception) -> ResponseValidationError:
    # httpx's own words can quote the server's bytes (a Location, a header): only the kind is shown.
    return ResponseValidationError(f"the response could not be read ({type(exc).__name__})")


class _NoLoop:
    """The key of the async pool used where no asyncio event loop runs (outside any loop, or under trio)."""

    __slots__ = ("__weakref__",)


_NO_LOOP = _NoLoop()


def _running_loop() -> asyncio.AbstractEventLoop | _NoLoop:
    if "asyncio" not in sys.modules:  # never imported: no asyncio loop can run (and importing it costs time)
        return _NO_LOOP
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return _NO_LOOP


_ASYNC_LOCK = threading.Lock()
"""Held while a client's per-loop pools or its user's AsyncClient change: event loops in several threads may use one
client at once. One lock for every client (a lock in each would make clients impossible to deep-copy)."""


class _LoopPool:
    """What the calls on one event loop share: the AsyncClient built for that loop (its pooled connections are
    sockets of the loop, which no other loop can use) and the gate on requests in flight (an asyncio.Semaphore
    belongs to the loop it first waits on)."""

    __slots__ = ("client", "gate")

    def __init__(self) -> None:
        self.client: httpx.AsyncClient | None = None
        self.gate: asyncio.Semaphore | None = None


def _longest(timeout: httpx.Timeout) -> float:
    """The longest part of ``timeout`` (infinity when a part has none)."""
    longest = 0.0
    for part in (timeout.connect, timeout.read, timeout.write, timeout.pool):
        if part is None:
            return math.inf
        longest = max(longest, part)
    return longest


def _with_timeout(options: dict[str, Any], timeout: httpx.Timeout | None) -> dict[str, Any]:
    return options if timeout is None else {**options, "timeout": timeout}


_FAILURES = (_DeadlinePassed, _Stopped, UnicodeEncodeError, httpx.HTTPError, httpx.InvalidURL)
"""What an attempt of request()/arequest() can raise; ``_Call.failed`` says what each comes to."""


class _Call:
    """One call of request()/arequest() under the client's policy: its retry rule, its deadline, and what each
    attempt came to. The sync and async loops differ only in how they send and sleep."""

    __slots__ = (
        "_secrets",
        "attempt",
        "client",
        "deadline_at",
        "method",
        "options",
        "retries",
        "route",
        "rule",
        "started",
        "state",
        "url",
    )

    def __init__(
        self,
        client: BaseClient,
        method: str,
        route: str,
        state: _Redirects | None,
        retry_rule: str | None,
        max_retries: int | None,
        options: Mapping[str, Any],
        url: str,
    ) -> None:
        self.client = client
        self.url = url  # shown in errors through shown_url(), worked out only when one is raised
        self.method = method
        self.route = route
        self.state = state
        self.rule = RETRY_RULES[retry_rule or ("idempotent" if method in IDEMPOTENT_METHODS else "unsafe")]
        self.retries = client.retry.max_retries if max_retries is None else max_retries
        self.deadline_at = None if client._deadline is None else time.monotonic() + client._deadline
        self.attempt = 0
        self.started = 0.0
        self.options = options
        self._secrets: tuple[str, ...] | None = None

    def secrets(self) -> tuple[str, ...]:
        """The secrets this call sends (the client's credential, the body's Secrets) and the forms of them a server
        may echo; worked out the first time a log line needs them."""
        if self._secrets is None:
            body = [self.options.get("data"), self.options.get("json"), self.options.get("headers")]
            found = [*self.client.credentials(), *_secret_values(body)]
            # A credential with a scheme word ("Basic <base64>") is echoed without it too.
            self._secrets = known([*found, *(text.partition(" ")[2] for text in found if " " in text)])
        return self._secrets

    def begin(self, timeout: httpx.Timeout) -> httpx.Timeout | None:
        """Start an attempt. Returns the timeout for it when the call's deadline comes sooner than ``timeout`` would
        end it (each part cut to the time left, so a server that never answers cannot hold the call past its
        deadline), else None: ``timeout`` as it is."""
        self.attempt += 1
        self.started = time.perf_counter()
        if self.deadline_at is None:
            return None
        left = max(self.deadline_at - time.monotonic(), 0.001)
        if left >= _longest(timeout):  # the common case: the deadline is further off than any timeout
            return None
        parts = {"connect": timeout.connect, "read": timeout.read, "write": timeout.write, "pool": timeout.pool}
        return httpx.Timeout(**{name: left if part is None or part > left else part for name, part in parts.items()})

    def deadline_passed(self) -> bool:
        return self.deadline_at is not None and time.monotonic() >= self.deadline_at

    def failed(self, exc: BaseException) -> httpx.Response | float:
        """An attempt that raised: the answer to return (a redirect not followed), the seconds to wait before the
        next attempt, or (raised) the package's error for it."""
        if isinstance(exc, _Stopped):
            return exc.response  # a redirect elsewhere: not followed
        if isinstance(exc, httpx.TooManyRedirects):
            assert self.state is not None and self.state.last is not None  # the hook saw every redirect
            return self.state.last  # a redirect loop: the last redirect, not followed
        if isinstance(exc, _DeadlinePassed) or (isinstance(exc, httpx.TimeoutException) and self.deadline_passed()):
            raise APITimeoutError(
                f"took longer than the client's deadline of {self.client._deadline:g} s "
                f"(attempt {self.attempt}; the answer was still arriving)"
            ).located(self.method, shown_url(self.url)) from None
        if isinstance(exc, UnicodeEncodeError):
            raise _unsendable().located(self.method, shown_url(self.url)) from None
        if isinstance(exc, httpx.DecodingError | httpx.InvalidURL):
            raise _bad_answer(exc).located(self.method, shown_url(self.url)) from None
        if not isinstance(exc, httpx.TransportError):
            raise exc
        wait = self.retry_delay(None, exc)
        self.log(type(exc).__name__, wait)
        if wait is None:
            raise _transport_error(exc, self.attempt).located(self.method, shown_url(self.url)) from exc
        return wait

    def answered(self, response: httpx.Response) -> float | None:
        """An attempt that was answered: the seconds to wait before another attempt, or None to return it."""
        wait = self.retry_delay(response, None)
        self.log(str(response.status_code), wait)
        return wait

    def retry_delay(self, response: httpx.Response | None, failure: Exception | None) -> float | None:
        """Seconds to wait before another attempt, or None to stop here (no retry left, none allowed for this
        answer or failure, or one that would pass the deadline)."""
        if self.attempt > self.retries:
            return None
        if failure is not None:
            wait = self.client.retry.delay(self.attempt, None) if isinstance(failure, self.rule.failures) else None
        else:
            assert response is not None
            retried = response.status_code in self.rule.statuses
            wait = self.client.retry.delay(self.attempt, response) if retried else None
        if wait is not None and self.deadline_at is not None and time.monotonic() + wait > self.deadline_at:
            return None
        return wait

    def log(self, outcome: str, wait: float | None) -> None:
        # Method, path template and outcome only: URLs, headers and bodies can carry credentials. An attempt to be
        # retried is worth an INFO line (a call that fails after three attempts says so at INFO); others DEBUG.
        level = logging.INFO if wait is not None else logging.DEBUG
        if _log.isEnabledFor(level):
            then = f", retrying in {wait:.2f} s" if wait is not None else ""
            elapsed = (time.perf_counter() - self.started) * 1000
            _log.log(
                level,
                "%s %s attempt %d -> %s in %.1f ms%s",
                self.method,
                self.route,
                self.attempt,
                outcome,
                elapsed,
                then,
            )


class ClientOptions(TypedDict, total=False):
    """The keyword arguments of every client, its base URLs and credential aside (see ``BaseClient``): named here so
    that a type checker refuses a misspelt one (``timout=``) in a constructor that takes them as ``**kwargs``."""

    raise_on_unexpected_status: bool
    cookies: dict[str, str]
    headers: dict[str, str]
    timeout: httpx.Timeout
    deadline: float | None
    verify_ssl: str | bool | ssl.SSLContext
    follow_redirects: bool
    httpx_args: dict[str, Any]
    retry: RetryPolicy


@define
class BaseClient:
    """Connection settings and transport policy, shared by every call made with this client.

    Keyword arguments:

        ``cookies``: Cookies to send with every request, to every server. (The client keeps none a server sets.)

        ``headers``: Headers to send with every request, to every server (put no credential here: the
        client's own credential goes only to the API operations that need it).

        ``timeout``: An ``httpx.Timeout`` for every request; ``DEFAULT_TIMEOUT`` (connect 5 s,
        read 30 s, write 30 s, pool 10 s) when not given. API functions also take ``timeout=``.

        ``deadline``: Seconds a call may take in all, retries and the reading of every body included
        (``DEFAULT_DEADLINE``, 120 s); past it the call raises ``errors.APITimeoutError``. ``None`` turns it off.

        ``retry``: A ``RetryPolicy``; at most 2 retries by default. ``max_retries=`` on an API
        function overrides the count for one call; ``RetryPolicy(max_retries=0)`` turns retries off.

        ``verify_ssl``: Whether to verify the server's TLS certificate, or the CA bundle / SSL context to use.

        ``follow_redirects``: Follow redirects (at most httpx's ``max_redirects``, 20) as long as they stay on
        the origin (scheme, host and port) of the server the request went to. Off by default. A redirect
        elsewhere, or one too many, is never followed: it raises ``errors.RedirectError``, so no credential
        leaves for another host.

        ``httpx_args``: More arguments for the ``httpx.Client`` and ``httpx.AsyncClient`` constructors.

        ``raise_on_unexpected_status``: Make the ``*_detailed`` functions raise
        ``errors.UnexpectedStatus`` for a status the API does not document. (The plain functions
        always raise an ``APIError`` for an error status.)
    """

    # What the generated subclass declares from the spec: server name -> attribute holding its base URL,
    # constructor argument -> environment variable, and the User-Agent.
    _SERVER_FIELDS: ClassVar[Mapping[str, str]] = {}
    _BASE_URL_ENVS: ClassVar[Mapping[str, str]] = {}
    _USER_AGENT: ClassVar[str] = f"python-httpx/{httpx.__version__}"

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    # Headers, cookies and httpx arguments can carry credentials: repr() shows only their names.
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=_names)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=_names)
    _timeout: httpx.Timeout = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _deadline: float | None = field(default=DEFAULT_DEADLINE, kw_only=True, alias="deadline")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=_names)
    retry: RetryPolicy = field(factory=RetryPolicy, kw_only=True, validator=_check_retry)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    # The AsyncClient given to set_async_httpx_client, and the event loop it was first used on.
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    _async_client_loop: weakref.ref[asyncio.AbstractEventLoop] | None = field(
        default=None, init=False, repr=False, eq=False
    )
    # Per event loop: its built AsyncClient and its gate. Weak keys, so a loop that opened no connection is not
    # kept alive by this client; pools of closed loops are dropped (see _loop_pool).
    _async_pools: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop | _NoLoop, _LoopPool] = field(
        factory=weakref.WeakKeyDictionary, init=False, repr=False, eq=False
    )

    @classmethod
    def _base_urls_from_env(cls, kwargs: dict[str, Any]) -> dict[str, Any]:
        """``kwargs`` plus each base URL set in the environment and not given explicitly. All or nothing: with some
        servers' URLs in the environment and others neither there nor given, a call to one of the others would go
        to the spec's server (production) with credentials meant for a test one; that is refused."""
        given = {key: value for key, value in kwargs.items() if value is not None}
        found = {argument: os.environ[env] for argument, env in cls._BASE_URL_ENVS.items() if os.environ.get(env)}
        missing = [
            env for argument, env in cls._BASE_URL_ENVS.items() if argument not in found and argument not in given
        ]
        if found and missing:
            named = ", ".join(cls._BASE_URL_ENVS[argument] for argument in found)
            raise CredentialsError(
                f"{named} set in the environment but {', '.join(missing)} not: set every server's base URL there (or "
                "pass it), so that no request goes to the default server by mistake"
            )
        return {**found, **given}

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """A client without credentials whose base URLs come from the environment when set there.

        Each base URL is the argument if given, else its environment variable (see the class
        docstring), else the spec's. Other keyword arguments are those of ``Client``.
        """
        return cls(**cls._base_urls_from_env(kwargs))

    def _auth_headers(self) -> dict[str, str]:
        """Headers that carry credentials; kept out of ``headers`` so they never show in a repr."""
        return {}

    def _auth_params(self) -> dict[str, str]:
        """Query parameters that carry credentials (an API key in the query)."""
        return {}

    def _auth_cookies(self) -> dict[str, str]:
        """Cookies that carry credentials (an API key in a cookie)."""
        return {}

    def base_url_for(self, server: str) -> str:
        """The base URL of a server named in the spec (``api`` is ``base_url``)."""
        url: str = getattr(self, self._SERVER_FIELDS[server])
        return url.rstrip("/")

    def credentials(self) -> tuple[str, ...]:
        """The secret values this client sends, so errors can blank them out wherever they are echoed."""
        return ()

    def _httpx_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            # No base_url: each request names its server's URL in full.
            # The client's own cookies only: it keeps none a server sets (an API needs none, and a server that
            # sets a new one on every answer would otherwise grow the Cookie header of every later request).
            "cookies": _cookie_jar(self._cookies),  # the jar itself: httpx would copy a Cookies into a plain one
            # Only the codings the body reader undoes with a bound (httpx would also ask for br and zstd when their
            # packages are installed, and decode those whole).
            "headers": {"User-Agent": self._USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING, **self._headers},
            "verify": self._verify_ssl,
            "timeout": self._timeout,
            "limits": DEFAULT_LIMITS,
            # Redirects are followed (or not) per request, see request().
            "follow_redirects": False,
        }
        return {**kwargs, **self._httpx_args}

    # The stock with_* methods also update this client's open httpx pools, so the original client
    # starts sending the new headers too; here each returns a separate client (with its own pool).
    def with_headers(self, headers: dict[str, str]) -> Self:
        """A new client like this one, with additional headers; this one is unchanged."""
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A new client like this one, with additional cookies; this one is unchanged."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """A new client like this one, with another timeout; this one is unchanged."""
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use this ``httpx.Client``; it then owns headers and timeouts (its headers go to every server).

        Base URLs and the credential still come from this client, per request."""
        _add_hooks(client.event_hooks, asynchronous=False)
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying ``httpx.Client`` (one connection pool), built on first use."""
        if self._client is None:
            self._client = httpx.Client(**self._httpx_kwargs())
            _add_hooks(self._client.event_hooks, asynchronous=False)
        return self._client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this ``httpx.AsyncClient``, on every event loop; it then owns headers and timeouts (its headers go to
        every server).

        Its connections belong to the event loop that opened them: once the loop it was first used on is closed
        (the end of an ``asyncio.run``), calls on another loop raise ``errors.APIConnectionError`` until a new
        AsyncClient is set. Base URLs and the credential still come from this client, per request."""
        _add_hooks(async_client.event_hooks, asynchronous=True)
        with _ASYNC_LOCK:
            self._async_client = async_client
            self._async_client_loop = None
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The ``httpx.AsyncClient`` (one connection pool) for the running event loop, built on the loop's first use.

        Pooled connections can only be used on the event loop that opened them, so each loop gets its own: a second
        ``asyncio.run``, or loops in several threads at once, each use a pool of their own. Outside any asyncio
        loop (under trio, say) one pool serves. An AsyncClient set with ``set_async_httpx_client`` serves every
        loop."""
        return self._loop_client()[0]

    def _loop_pool(self, *, build: bool) -> _LoopPool:
        """The running event loop's pool, made on the loop's first call; with ``build``, with an AsyncClient."""
        loop = _running_loop()
        with _ASYNC_LOCK:  # loops in other threads may be here at the same time
            pool = self._async_pools.get(loop)
            if pool is None:
                # A new loop: drop the pools of loops that have closed. Their connections can be neither used nor
                # closed any more (closing needs their loop), and they refer to their loop, which would keep its
                # entry, weak key or not, for as long as this client lives. The sockets close when collected.
                closed = [key for key in self._async_pools if not isinstance(key, _NoLoop) and key.is_closed()]
                for key in closed:
                    del self._async_pools[key]
                pool = self._async_pools[loop] = _LoopPool()
            if build and pool.client is None:
                pool.client = httpx.AsyncClient(**self._httpx_kwargs())
                _add_hooks(pool.client.event_hooks, asynchronous=True)
            return pool

    def _loop_client(self) -> tuple[httpx.AsyncClient, _LoopPool]:
        """The AsyncClient to send with on the running event loop (the user's, else the loop's own), and the pool."""
        theirs = self._async_client
        pool = self._loop_pool(build=theirs is None)
        if theirs is None:
            assert pool.client is not None
            return pool.client, pool
        self._check_users_loop(theirs)
        return theirs, pool

    def _check_users_loop(self, theirs: httpx.AsyncClient) -> None:
        """Refuse the user's AsyncClient on an event loop other than the one it was first used on, once that one is
        closed: its pooled connections would be sockets of the closed loop, on which httpcore fails with a bare
        ``RuntimeError: Event loop is closed``."""
        loop = _running_loop()
        if isinstance(loop, _NoLoop):
            return
        with _ASYNC_LOCK:
            if self._async_client is not theirs:  # replaced meanwhile: the new one is checked on its own use
                return
            first = self._async_client_loop() if self._async_client_loop is not None else None
            if first is None:
                # Its first use on a loop. (Or its first loop has been collected: then no pooled connection refers
                # to that loop any more, as each one would keep it alive, and this loop may take it over.)
                self._async_client_loop = weakref.ref(loop)
                return
        if first is not loop and first.is_closed():
            raise APIConnectionError(
                "the httpx.AsyncClient given to set_async_httpx_client() belongs to a closed event loop (its pooled "
                "connections were opened there and cannot be used on another loop): set a new one with "
                "set_async_httpx_client() for this event loop"
            )

    def _prepare(
        self,
        method: str,
        url: str,
        server: str,
        authenticated: bool,
        timeout: httpx.Timeout | float | None,
        kwargs: dict[str, Any],
    ) -> tuple[str, str, _Redirects | None, dict[str, Any]]:
        """What request() and arequest() share before the first attempt: the method, the full URL, the redirect
        state (when redirects are followed) and the keyword arguments for httpx."""
        method = method.upper()
        full_url = self.base_url_for(server) + url
        options: dict[str, Any] = {**kwargs, "follow_redirects": self._follow_redirects}
        if timeout is not None:
            options["timeout"] = timeout
        # The credential goes only to an operation whose security asks for it, on the server the spec puts that
        # operation on (redirects never take it to another origin).
        headers: dict[str, str] = dict(kwargs.get("headers") or {})
        cookies: dict[str, str] = {}
        if authenticated:
            headers = {**self._auth_headers(), **headers}
            if params := self._auth_params():
                options["params"] = {**(kwargs.get("params") or {}), **params}
            cookies = self._auth_cookies()
        if cookies or "Cookie" in headers:
            # httpx adds the client's cookies only to a request without a Cookie header: this one has its own
            # (cookie parameters, or an API key in a cookie), so the client's go in front of them here.
            sent = [f"{key}={value}" for key, value in {**self._cookies, **cookies}.items()]
            joined = "; ".join([*sent, headers["Cookie"]] if "Cookie" in headers else sent)
            headers["Cookie"] = hidden(joined) if cookies else joined
        if headers:
            options["headers"] = headers
        state = None
        if self._follow_redirects:
            state = _Redirects(_origin(httpx.URL(full_url)))
            options["extensions"] = {**(kwargs.get("extensions") or {}), _REDIRECTS: state}
        return method, full_url, state, options

    def request(
        self,
        *,
        method: str,
        url: str,
        route: str | None = None,
        server: str = "api",
        authenticated: bool = True,
        retry_rule: str | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send a request under this client's transport policy and return the final response.

        ``url`` is a path on ``server`` (``"api"``: ``base_url``); ``route`` is the path template
        for the log (defaults to ``url``); ``authenticated`` sends the client's credential (on the
        API server only); ``retry_rule`` names an entry of ``RETRY_RULES`` (default: by method);
        ``timeout`` and ``max_retries`` override the client's for this call. Other arguments are
        those of ``httpx.Client.request``. Network failures raise ``errors.APIConnectionError`` /
        ``errors.APITimeoutError``; answers, error statuses included, are returned.
        """
        method, full_url, state, options = self._prepare(method, url, server, authenticated, timeout, kwargs)
        call = _Call(self, method, route or url, state, retry_rule, max_retries, options, full_url)
        client = self.get_httpx_client()
        follow = options.pop("follow_redirects")
        timeout = httpx.Timeout(options["timeout"]) if "timeout" in options else client.timeout
        logging_call = _CALL_SECRETS.set(call.secrets)
        try:
            while True:
                capped = call.begin(timeout)
                try:
                    request = client.build_request(method, full_url, **_with_timeout(options, capped))
                    response = _read(client.send(request, stream=True, follow_redirects=follow), call.deadline_at)
                except _FAILURES as exc:
                    outcome = call.failed(exc)
                    if not isinstance(outcome, httpx.Response):
                        self.retry.sleep(outcome)
                        continue
                    response = outcome
                wait = call.answered(response)
                if wait is None:
                    return response
                self.retry.sleep(wait)
        finally:
            _CALL_SECRETS.reset(logging_call)

    async def arequest(
        self,
        *,
        method: str,
        url: str,
        route: str | None = None,
        server: str = "api",
        authenticated: bool = True,
        retry_rule: str | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """The async twin of ``request``: same policy, same arguments."""
        method, full_url, state, options = self._prepare(method, url, server, authenticated, timeout, kwargs)
        call = _Call(self, method, route or url, state, retry_rule, max_retries, options, full_url)
        client, pool = self._loop_client()
        follow = options.pop("follow_redirects")
        gate = pool.gate
        if gate is None:
            # At most as many requests in flight as the pool has connections: the rest wait here, in
            # O(1), instead of in httpcore's queue, which it rescans on every release (quadratic time
            # under a burst of concurrent calls).
            import asyncio

            gate = pool.gate = asyncio.Semaphore(DEFAULT_LIMITS.max_connections or 100)
        timeout = httpx.Timeout(options["timeout"]) if "timeout" in options else client.timeout
        logging_call = _CALL_SECRETS.set(call.secrets)
        try:
            while True:
                capped = call.begin(timeout)
                try:
                    async with gate:
                        request = client.build_request(method, full_url, **_with_timeout(options, capped))
                        response = await _aread(
                            await client.send(request, stream=True, follow_redirects=follow), call.deadline_at
                        )
                except _FAILURES as exc:
                    outcome = call.failed(exc)
                    if not isinstance(outcome, httpx.Response):
                        await self.retry.async_sleep(outcome)
                        continue
                    response = outcome
                wait = call.answered(response)
                if wait is None:
                    return response
                await self.retry.async_sleep(wait)
        finally:
            _CALL_SECRETS.reset(logging_call)

    def close(self) -> None:
        """Close the sync connection pool, if one was opened."""
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        """Close the running event loop's async connection pool (or the AsyncClient set with
        ``set_async_httpx_client``), if one was opened. Other loops' pools are left open."""
        client = self._async_client
        if client is not None:
            self._check_users_loop(client)
        else:
            client = self._loop_pool(build=False).client
        if client is not None:
            await client.aclose()

    def __enter__(self) -> Self:
        """Enter the underlying ``httpx.Client``; it is closed on exit."""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        self.get_httpx_client().__exit__(*args, **kwargs)

    async def __aenter__(self) -> Self:
        """Enter the running event loop's ``httpx.AsyncClient``; it is closed on exit."""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        # The AsyncClient __aenter__ entered, without building one or checking its loop again: an exit that raised
        # would replace the exception the block may be leaving with.
        client = self._async_client if self._async_client is not None else self._loop_pool(build=False).client
        if client is not None:
            await client.__aexit__(*args, **kwargs)


_NO_CREDENTIAL = "\x00no credential"
"""The token of a client built without a credential: no real token holds a NUL (``require_text`` refuses one)."""


class TokenAuth(BaseClient):
    """The credential half of ``AuthenticatedClient``: one token, sent the way the spec's security scheme says.

    A mixin without fields of its own (the generated class declares ``token``, ``prefix`` and
    ``auth_header_name``, with the scheme's defaults), so it combines with the generated ``Client``. In a
    header the token goes as ``<auth_header_name>: <prefix> <token>`` (no prefix: the token alone); an API
    key in the query or a cookie goes as ``<auth_header_name>=<token>`` there.
    """

    __slots__ = ()

    token: str
    prefix: str
    auth_header_name: str

    # What the generated class declares from the spec's security scheme and generator-config.yaml (sdk.credential).
    _AUTH_IN: ClassVar[str] = "header"
    """Where the credential goes: ``header``, ``query`` or ``cookie``."""
    _CREDENTIAL_FORMAT: ClassVar[str] = "{token}"
    """How a named constructor (``from_api_key``, ``from_service_token``, ...) joins its parts into the token."""
    _CREDENTIAL_ENVS: ClassVar[Mapping[str, str]] = {"token": "API_TOKEN"}
    """Each part of the format -> the environment variable ``from_env()`` reads it from."""
    _BASIC: ClassVar[bool] = False
    """HTTP Basic: the token is the base64 of the joined parts."""

    def __attrs_post_init__(self) -> None:
        if self.token != _NO_CREDENTIAL:
            require_text("token", self.token)

    @classmethod
    def _without_credential(cls, kwargs: dict[str, Any]) -> Self:
        """A client that holds no credential (a client object built for the operations that need none): an operation
        that needs one raises ``CredentialsError`` naming what to set, before any request is sent."""
        return cls(**{**{key: value for key, value in kwargs.items() if value is not None}, "token": _NO_CREDENTIAL})

    @property
    def has_credential(self) -> bool:
        """Whether the client holds a credential (False for a client object built without one)."""
        return self.token != _NO_CREDENTIAL

    @classmethod
    def _from_parts(cls, parts: Mapping[str, str], kwargs: dict[str, Any]) -> Self:
        """A client whose token joins ``parts`` by ``_CREDENTIAL_FORMAT``; ``kwargs`` are those of ``Client``."""
        for name, value in parts.items():
            if cls._BASIC:  # sent base64-encoded: any text (RFC 7617's UTF-8), as long as there is some
                if not isinstance(value, str) or not value.strip():
                    raise CredentialsError(f"{name} must be a non-empty string")
            else:
                require_text(name, value)
        # A part may not hold the text that separates it from the next one: the server would split elsewhere.
        pieces = list(string.Formatter().parse(cls._CREDENTIAL_FORMAT))
        for (_, field_name, _, _), (separator, _, _, _) in itertools.pairwise(pieces):
            if field_name is not None and separator and separator in parts[field_name]:
                raise CredentialsError(f"{field_name} must not contain {separator!r} (pass each part separately)")
        token = hidden(cls._CREDENTIAL_FORMAT.format_map(parts))
        if cls._BASIC:
            token = hidden(base64.b64encode(token.encode()).decode("ascii"))
        else:
            require_text("token", token)  # checked here, where it is a Secret, before the class's own __init__
        # Stored as a plain string: a Secret copies and pickles as the marker, and a copied client must still work.
        return cls(**{**{key: value for key, value in kwargs.items() if value is not None}, "token": str(token)})

    @classmethod
    def from_access_token(cls, access_token: str, *, base_url: str | None = None, **kwargs: Any) -> Self:
        """A client that authenticates with an OAuth access token: ``Authorization: Bearer <token>``."""
        access_token = hidden(access_token)
        require_text("access_token", access_token)
        if base_url is not None:
            kwargs["base_url"] = base_url
        kwargs.update(prefix="Bearer", auth_header_name="Authorization")
        return cls(**{**kwargs, "token": str(access_token)})

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """A client whose credential comes from the environment (the variables are in the class docstring).

        Each base URL is the argument if given, else its environment variable (see ``Client``), else
        the spec's. Other keyword arguments are those of ``Client``.
        """
        kwargs = cls._base_urls_from_env(kwargs)
        values = env_group(cls._CREDENTIAL_ENVS)
        if values is None:
            first = next(iter(cls._CREDENTIAL_ENVS.values()))
            raise CredentialsError(f"environment variable {first} is not set or is empty")
        return cls._from_parts(values, kwargs)

    def _credential(self) -> tuple[str, str]:
        """(where, value): the credential as sent. A token with a scheme word (``Bearer``, as ``from_access_token``
        makes) always goes in a header, even on a client whose own scheme puts a key in the query or a cookie."""
        if self.token == _NO_CREDENTIAL:
            parts, envs = names(list(self._CREDENTIAL_ENVS)), names(list(self._CREDENTIAL_ENVS.values()))
            raise CredentialsError(
                f"this operation needs a credential and the client holds none: pass {parts} to the client, "
                f"or set {envs}"
            )
        if self._AUTH_IN == "header" or self.prefix:
            return "header", hidden(f"{self.prefix} {self.token}" if self.prefix else self.token)
        return self._AUTH_IN, hidden(self.token)

    def _auth_headers(self) -> dict[str, str]:
        where, value = self._credential()
        return {self.auth_header_name: value} if where == "header" else {}

    def _auth_params(self) -> dict[str, str]:
        where, value = self._credential()
        return {self.auth_header_name: value} if where == "query" else {}

    def _auth_cookies(self) -> dict[str, str]:
        where, value = self._credential()
        return {self.auth_header_name: value} if where == "cookie" else {}

    def credentials(self) -> tuple[str, ...]:
        # A token "<id>:<secret>" is secret as a whole and in its secret part; Basic's as encoded and decoded.
        if self.token == _NO_CREDENTIAL:
            return ()
        found = [self.token]
        if self._BASIC:
            with contextlib.suppress(ValueError):
                found.append(base64.b64decode(self.token, validate=True).decode())
        found += [text.partition(":")[2] for text in found if text.partition(":")[2]]
        return tuple(hidden(text) for text in found)


__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_LIMITS",
    "DEFAULT_TIMEOUT",
    "IDEMPOTENT_METHODS",
    "RETRY_RULES",
    "ClientOptions",
    "RetryPolicy",
    "RetryRule",
]
