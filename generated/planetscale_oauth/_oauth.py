# Copied from templates/runtime/_oauth.py by `make generate` (the runtime: plain Python, the same for every spec).
# Do not edit: change templates/runtime/_oauth.py, then run `make generate`.
"""Connect a user's account with OAuth 2.0: the authorize URL, the callback check, and a token session.

The generated ``oauth`` module binds these helpers to the spec's ``oauth2`` security scheme (its
``OAuthFlow``: where the browser page is, which operations issue and revoke tokens) and re-exports them:

    request = authorize_url(client_id, redirect_uri)      # send the user to request.url, keep request.state
    code = read_callback(callback_url, request.state)      # on your redirect URI: checks state, returns the code
    session = TokenSession.exchange(client, client_id, client_secret, code=code, redirect_uri=redirect_uri)
    session.access_token()                                # a valid access token, refreshed shortly before expiry

Nothing here logs, prints or shows a token, a code, a state or the client secret: reprs redact them.
"""

from __future__ import annotations

import contextlib
import datetime
import hmac
import inspect
import logging
import secrets
import threading
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, Self
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from attrs import define, field

from ._base_client import BaseClient
from ._exceptions import APIConnectionError, AuthorizationDeniedError, CredentialsError, StateMismatchError
from ._operation import Operation
from ._redaction import hidden, redact
from .types import Unset

if TYPE_CHECKING:
    import asyncio

STATE_BYTES = 32
"""Random bytes in a generated ``state`` (256 bits, URL-safe base64)."""
DEFAULT_REFRESH_MARGIN = 60.0
"""Seconds before expiry at which a session refreshes its access token."""

_log = logging.getLogger(__name__.rpartition(".")[0] or __name__)


class TokenResponse(Protocol):
    """What a token endpoint answers (RFC 6749 §5.1); the spec's model of it has these attributes."""

    @property
    def access_token(self) -> str: ...
    @property
    def refresh_token(self) -> str | Unset | None: ...
    @property
    def expires_in(self) -> int | Unset | None: ...
    @property
    def scope(self) -> str | Unset | None: ...


@define(frozen=True)
class OAuthFlow:
    """The authorization-code flow of the spec's ``oauth2`` security scheme.

    ``authorization_server`` and ``authorization_path``: the browser page (on the client's base URL for
    that server); ``token`` and ``revocation``: the operations at the token and revocation URLs, which
    take an RFC 6749 / RFC 7009 form; ``client``: the client class to use when none is given.
    """

    authorization_server: str
    authorization_path: str
    token: Operation[Any, Any]
    revocation: Operation[Any, Any]
    client: Callable[[], BaseClient]


@define(frozen=True)
class AuthorizationRequest:
    """Where to send the user, and the ``state`` to keep (e.g. in their session) until the callback."""

    url: str = field(repr=False)
    state: str = field(repr=redact)

    def __repr__(self) -> str:
        # The URL carries the state; show only where it points.
        return f"AuthorizationRequest(url={self.url.split('?')[0] + '?…'!r}, state={redact(self.state)})"


def authorize_url(
    flow: OAuthFlow,
    client_id: str,
    redirect_uri: str,
    *,
    scope: str | Sequence[str] | None = None,
    state: str | None = None,
    client: BaseClient | None = None,
) -> AuthorizationRequest:
    """The URL that asks the user to connect their account to your OAuth application.

    ``state`` is a fresh cryptographically random value (``secrets.token_urlsafe``) unless given;
    keep it and pass it to ``read_callback`` / ``check_state``. ``scope``: space-separated or a list.
    The URL is on ``client``'s base URL for the flow's authorization server (the spec's by default).
    """
    if not client_id or not redirect_uri:
        raise CredentialsError("client_id and redirect_uri must be non-empty")
    state = state if state is not None else secrets.token_urlsafe(STATE_BYTES)
    if not state:
        raise CredentialsError("state must be non-empty")
    params = {"client_id": client_id, "redirect_uri": redirect_uri, "state": state}
    if scope:
        params["scope"] = scope if isinstance(scope, str) else " ".join(scope)
    base = (client or flow.client()).base_url_for(flow.authorization_server)
    return AuthorizationRequest(url=f"{base}{flow.authorization_path}?{urlencode(params)}", state=state)


def check_state(expected: str, received: str | None) -> None:
    """Raise ``StateMismatchError`` unless ``received`` is ``expected`` (compared in constant time)."""
    if not expected:
        raise StateMismatchError("no state was kept for this authorization; start it again")
    if received is None or not hmac.compare_digest(expected.encode(), received.encode()):
        raise StateMismatchError(
            "the callback's state does not match the authorization this application started "
            "(missing, stale or forged); start the authorization again"
        )


def read_callback(url: str, expected_state: str) -> str:
    """The authorization code from the callback ``url`` (your redirect URI with its query), after checking state.

    Raises ``StateMismatchError`` for a wrong or missing state (checked first, so a forged
    callback learns nothing), ``AuthorizationDeniedError`` when the callback carries an
    ``error`` (e.g. the user declined), ``CredentialsError`` when it has no code.
    """
    # Held as Secrets: the URL and its query carry the code, and a traceback's locals must not show it.
    url = hidden(url)
    query: dict[str, list[str]] = {
        key: [hidden(value) for value in values]
        for key, values in parse_qs(urlsplit(url).query, keep_blank_values=True).items()
    }
    check_state(expected_state, query.get("state", [None])[0])
    if "error" in query:
        error = query["error"][0]
        description = query.get("error_description", [""])[0]
        raise AuthorizationDeniedError(f"authorization was not granted: {description or error} ({error})", code=error)
    code = query.get("code", [""])[0]
    if not code:
        raise CredentialsError("the callback carries neither a code nor an error")
    return code


@define(frozen=True)
class Tokens:
    """What to persist: the access token, the refresh token (if any) and when the access token expires."""

    access_token: str = field(repr=redact)
    refresh_token: str | None = field(default=None, repr=redact)
    expires_at: datetime.datetime | None = None
    scope: str | None = None

    @classmethod
    def from_response(cls, response: TokenResponse, now: float, previous: Tokens | None = None) -> Tokens:
        """Tokens from a token response; a refresh that returns no refresh token keeps the previous one."""
        expires_in = None if isinstance(response.expires_in, Unset) else response.expires_in
        refresh = None if isinstance(response.refresh_token, Unset) else response.refresh_token
        scope = None if isinstance(response.scope, Unset) else response.scope
        expires_at = None
        if expires_in is not None:
            # A lifetime past what a datetime holds (10**21 s) is read as "a year"; a negative one as "now". The
            # tokens are kept either way: a refresh token the server just rotated must never be dropped.
            lifetime = min(max(float(expires_in), 0.0), MAX_LIFETIME)
            expires_at = datetime.datetime.fromtimestamp(now + lifetime, tz=datetime.UTC)
        return cls(
            access_token=response.access_token,
            refresh_token=refresh if refresh is not None else (previous.refresh_token if previous else None),
            expires_at=expires_at,
            scope=scope if scope is not None else (previous.scope if previous else None),
        )


OnRefresh = Callable[[Tokens], Awaitable[None] | None]


_SYSTEM_TIME = time.time
"""``time.time`` as imported: the default clock of a session, read through the monotonic clock (see ``_now``)."""


def _is_async(hook: OnRefresh | None) -> bool:
    return hook is not None and (
        inspect.iscoroutinefunction(hook) or inspect.iscoroutinefunction(getattr(hook, "__call__", None))  # noqa: B004
    )


def _code_grant(client_id: str, client_secret: str, code: str, redirect_uri: str) -> dict[str, str]:
    """The RFC 6749 §4.1.3 form that exchanges an authorization code."""
    return {
        "grant_type": "authorization_code",
        "client_id": client_id,
        "client_secret": hidden(client_secret),
        "code": hidden(code),
        "redirect_uri": redirect_uri,
    }


MAX_LIFETIME = 365 * 24 * 3600.0
"""The longest lifetime a token response's ``expires_in`` is taken to mean, in seconds."""


def _settle(woken: asyncio.Future[None]) -> None:
    if not woken.done():
        woken.set_result(None)


class _Flight:
    """One refresh (or one retry of a failed ``on_refresh``) in flight. The caller that starts it does the work;
    every thread or task that needs it meanwhile waits for its outcome: a thread blocks on an event, a task awaits a
    future its own loop is woken through, so no event loop is ever blocked by another side's request."""

    __slots__ = ("_done", "_guard", "_outcome", "_wakers", "refresh")

    def __init__(self, refresh: bool) -> None:
        self.refresh = refresh
        """Whether the flight sends a refresh (else it only persists tokens ``on_refresh`` failed to take)."""
        self._done = threading.Event()
        self._guard = threading.Lock()
        self._outcome: Tokens | BaseException | None = None
        self._wakers: list[Callable[[], None]] = []

    def finish(self, outcome: Tokens | BaseException) -> None:
        with self._guard:
            self._outcome = outcome
            wakers, self._wakers = self._wakers, []
            self._done.set()
        for wake in wakers:
            wake()

    def result(self) -> Tokens:
        outcome = self._outcome
        if isinstance(outcome, BaseException):
            raise outcome
        assert outcome is not None
        return outcome

    def wait(self) -> Tokens:
        self._done.wait()
        return self.result()

    async def await_result(self) -> Tokens:
        import asyncio

        loop = asyncio.get_running_loop()
        woken: asyncio.Future[None] = loop.create_future()

        def wake() -> None:
            with contextlib.suppress(RuntimeError):  # the waiting loop has closed meanwhile: nobody to wake
                loop.call_soon_threadsafe(_settle, woken)

        with self._guard:
            pending = not self._done.is_set()
            if pending:
                self._wakers.append(wake)
        if pending:
            await woken
        return self.result()


@define(eq=False)
class TokenSession:
    """An access token that stays valid: refreshed ``refresh_margin`` seconds before it expires.

    Safe to share between threads, tasks and event loops, sync and async callers alike: however many ask at once,
    one refresh is sent and the others wait for its result (threads block, tasks await without blocking their
    loop), so a rotated refresh token is never sent twice. ``on_refresh`` is called with the new ``Tokens`` to
    persist them, one call at a time, in order; in the async methods it may be a coroutine function.

    ``client`` is the ``Client`` (or ``AuthenticatedClient``) that talks to the OAuth server; it never
    sends its service token there. ``clock`` returns the time in seconds (``time.time``).
    """

    _flow: ClassVar[OAuthFlow]
    """The spec's flow; the generated ``oauth.TokenSession`` sets it."""

    client: BaseClient = field(repr=False)
    client_id: str
    client_secret: str = field(repr=redact)
    _tokens: Tokens = field(alias="tokens")
    on_refresh: OnRefresh | None = field(default=None, repr=False)
    refresh_margin: float = DEFAULT_REFRESH_MARGIN
    clock: Callable[[], float] = field(default=time.time, repr=False)
    refreshes: int = field(default=0, init=False)
    _unpersisted: Tokens | None = field(default=None, init=False, repr=False)
    _lifetime: float | None = field(default=None, init=False, repr=False)
    _failure: Exception | None = field(default=None, init=False, repr=False)
    _failures: int = field(default=0, init=False, repr=False)
    _retry_at: float = field(default=0.0, init=False, repr=False)
    _background: Any = field(default=None, init=False, repr=False)  # an adopted refresh being persisted
    # With the default clock, time is read as the wall clock when the session started plus the monotonic time
    # since: stepping the system clock back cannot make an expired token look fresh.
    _started: tuple[float, float] = field(factory=lambda: (time.time(), time.monotonic()), init=False, repr=False)
    # Guards the fields above; held only to read or change them, never while a request or on_refresh runs.
    _lock: threading.Lock = field(factory=threading.Lock, init=False, repr=False)
    _flight: _Flight | None = field(default=None, init=False, repr=False)

    @classmethod
    def exchange(
        cls,
        client: BaseClient,
        client_id: str,
        client_secret: str,
        *,
        code: str,
        redirect_uri: str,
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
    ) -> Self:
        """Exchange the callback's authorization code for tokens and start a session with them.

        An async ``on_refresh`` is refused before the code is spent (use ``aexchange``). If ``on_refresh`` fails,
        the session is returned all the same and persisting is tried again on each later call (see
        ``pending_persist``): the code is spent, and the tokens it bought are never dropped."""
        client_secret, code = hidden(client_secret), hidden(code)  # what a traceback's locals show: redacted
        if _is_async(on_refresh):
            raise TypeError("an async on_refresh works only with the async methods (aexchange, aaccess_token)")
        now = clock()
        grant = _code_grant(client_id, client_secret, code, redirect_uri)
        response = cls._flow.token.sync({"client": client, "body": grant})
        tokens = Tokens.from_response(response, now)
        # Kept as a plain string (a Secret copies and pickles as the marker).
        session = cls(client, client_id, str(client_secret), tokens, on_refresh, refresh_margin, clock)
        session._hold(session._tokens, now)
        session._flush()
        return session

    @classmethod
    async def aexchange(
        cls,
        client: BaseClient,
        client_id: str,
        client_secret: str,
        *,
        code: str,
        redirect_uri: str,
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
    ) -> Self:
        """The async twin of ``exchange``."""
        client_secret, code = hidden(client_secret), hidden(code)
        now = clock()
        grant = _code_grant(client_id, client_secret, code, redirect_uri)
        response = await cls._flow.token.asyncio({"client": client, "body": grant})
        tokens = Tokens.from_response(response, now)
        # Kept as a plain string (a Secret copies and pickles as the marker).
        session = cls(client, client_id, str(client_secret), tokens, on_refresh, refresh_margin, clock)
        session._hold(session._tokens, now)
        await session._aflush()
        return session

    @property
    def tokens(self) -> Tokens:
        """The current tokens (for persisting, or to inspect ``expires_at``)."""
        return self._tokens

    def _now(self) -> float:
        """The time in seconds: ``clock()`` when one was given, else the wall clock at the start advanced by the
        monotonic clock (which never steps back)."""
        if self.clock is not _SYSTEM_TIME:
            return self.clock()
        wall, monotonic = self._started
        return wall + (time.monotonic() - monotonic)

    @property
    def pending_persist(self) -> bool:
        """Whether the current tokens still wait for a successful ``on_refresh`` (it failed; each call retries)."""
        return self._unpersisted is not None

    def _fresh(self, tokens: Tokens) -> bool:
        if tokens.expires_at is None:
            return True
        # A token that lives less than twice the margin is refreshed halfway through its life, not on every call.
        margin = self.refresh_margin if self._lifetime is None else min(self.refresh_margin, self._lifetime / 2)
        return self._now() < tokens.expires_at.timestamp() - margin

    def _grant(self, tokens: Tokens) -> dict[str, Any]:
        if not tokens.refresh_token:
            raise CredentialsError("the access token expired and the session holds no refresh token")
        return {
            "grant_type": "refresh_token",
            "client_id": self.client_id,
            "client_secret": hidden(self.client_secret),
            "refresh_token": hidden(tokens.refresh_token),
        }

    def _hold(self, tokens: Tokens, now: float) -> None:
        """Make ``tokens`` (issued at ``now``) the session's: current, waiting for ``on_refresh``, lifetime known."""
        self._tokens = tokens
        self._unpersisted = tokens
        self._lifetime = None if tokens.expires_at is None else max(0.0, tokens.expires_at.timestamp() - now)

    def _replace(self, response: TokenResponse, previous: Tokens) -> Tokens:
        with self._lock:
            now = self._now()
            tokens = Tokens.from_response(response, now, previous)
            self._hold(tokens, now)
            self._failure, self._failures = None, 0
            self.refreshes += 1
        expires = f"expires {tokens.expires_at:%Y-%m-%dT%H:%M:%SZ}" if tokens.expires_at else "does not expire"
        rotated = "rotated" if tokens.refresh_token != previous.refresh_token else "kept"
        _log.debug("token session: access token refreshed (%s; refresh token %s)", expires, rotated)
        return tokens

    def _persisted(self, tokens: Tokens) -> None:
        with self._lock:
            if self._unpersisted is tokens:
                self._unpersisted = None

    def _flush(self) -> None:
        """Persist tokens still waiting for ``on_refresh``; a failure is logged (its kind, never a value) and tried
        again on the next call, while the tokens stay in the session."""
        tokens = self._unpersisted
        if tokens is None or self.on_refresh is None:
            self._unpersisted = None
            return
        try:
            result = self.on_refresh(tokens)
        except Exception as exc:  # whatever the application's store raises, the tokens are kept
            self._persist_failed(exc)
            return
        if inspect.isawaitable(result):
            if inspect.iscoroutine(result):
                result.close()
            raise TypeError("an async on_refresh works only with the async methods (aaccess_token, arefresh)")
        self._persisted(tokens)

    async def _aflush(self) -> None:
        tokens = self._unpersisted
        if tokens is None or self.on_refresh is None:
            self._unpersisted = None
            return
        try:
            result = self.on_refresh(tokens)
            if inspect.isawaitable(result):
                await result
        except Exception as exc:  # whatever the application's store raises, the tokens are kept
            self._persist_failed(exc)
        else:
            self._persisted(tokens)

    @staticmethod
    def _persist_failed(exc: Exception) -> None:
        _log.warning(
            "token session: on_refresh failed (%s); the new tokens stay in the session and are persisted again on "
            "the next call",
            type(exc).__name__,
        )

    def _take_off(self, *, force: bool, asynchronous: bool) -> tuple[_Flight | None, bool]:
        """What a caller does now: (None, False) when the current tokens will do; (flight, False) to wait for the
        flight under way; (flight, True) to carry out a new one (a refresh, or persisting again)."""
        with self._lock:
            fresh = self._fresh(self._tokens)
            if self._flight is not None:
                return (None, False) if fresh and not force else (self._flight, False)
            due = force or not fresh
            if not due and (self._unpersisted is None or self.on_refresh is None):
                return None, False
            if not asynchronous and _is_async(self.on_refresh):
                raise TypeError("an async on_refresh works only with the async methods (aaccess_token, arefresh)")
            if due:
                self._wait_out_failure()
            self._flight = _Flight(refresh=due)
            return self._flight, True

    def _land(self, flight: _Flight, outcome: Tokens | BaseException) -> None:
        with self._lock:
            if self._flight is flight:
                self._flight = None
        flight.finish(outcome)

    def _refresh(self, *, force: bool) -> Tokens:
        """The current tokens, after one refresh if ``force`` or the access token is about to expire."""
        while True:
            flight, mine = self._take_off(force=force, asynchronous=False)
            if flight is None:
                return self._tokens
            if not mine:
                tokens = flight.wait()
                if flight.refresh:
                    return tokens
                continue  # it only persisted: decide again
            try:
                tokens = self._fly(flight)
            except BaseException as exc:
                self._land(flight, exc)
                raise
            self._land(flight, tokens)
            return tokens

    def _fly(self, flight: _Flight) -> Tokens:
        tokens = self._tokens
        if flight.refresh:
            try:
                response = self._flow.token.sync({"client": self.client, "body": self._grant(tokens)})
            except Exception as exc:
                self._failed(exc)
                raise
            tokens = self._replace(response, tokens)
        self._flush()
        return tokens

    def _wait_out_failure(self) -> None:
        """After a failed refresh, the next ones wait (1 s, doubling up to a minute): the failure is raised again
        rather than the same refresh token sent on every call."""
        if self._failure is not None and self._now() < self._retry_at:
            raise self._failure

    def _failed(self, exc: Exception) -> None:
        with self._lock:
            self._failure, self._failures = exc, self._failures + 1
            self._retry_at = self._now() + min(60.0, 2.0 ** (self._failures - 1))

    async def _arefresh(self, *, force: bool) -> Tokens:
        while True:
            flight, mine = self._take_off(force=force, asynchronous=True)
            if flight is None:
                return self._tokens
            if not mine:
                tokens = await flight.await_result()
                if flight.refresh:
                    return tokens
                continue
            return await self._afly(flight)

    async def _afly(self, flight: _Flight) -> Tokens:
        import asyncio

        tokens = self._tokens
        if flight.refresh:
            # Shielded: a caller cancelled mid-refresh must not take the answer with it, since the server may
            # already have rotated the refresh token. The request runs on, and its tokens are kept when it ends.
            try:
                grant = self._grant(tokens)
            except Exception as exc:
                self._land(flight, exc)
                raise
            request = asyncio.ensure_future(self._flow.token.asyncio({"client": self.client, "body": grant}))
            try:
                response = await asyncio.shield(request)
            except asyncio.CancelledError:
                request.add_done_callback(lambda done: self._adopt(done, tokens, flight))
                raise
            except Exception as exc:
                self._failed(exc)
                self._land(flight, exc)
                raise
            tokens = self._replace(response, tokens)
        try:
            await self._aflush()
        finally:
            self._land(flight, tokens)
        return tokens

    def _adopt(self, done: asyncio.Future[Any], previous: Tokens, flight: _Flight) -> None:
        """The end of a refresh whose caller was cancelled: its tokens replace the old ones and are persisted, and
        whoever waits for the flight gets them (or its failure)."""
        import asyncio

        if done.cancelled():
            self._land(flight, APIConnectionError("the token refresh was cancelled before its answer came"))
            return
        exc = done.exception()
        if exc is not None:
            if isinstance(exc, Exception):
                self._failed(exc)
            self._land(flight, exc)
            return
        tokens = self._replace(done.result(), previous)
        self._background = asyncio.ensure_future(self._persist_adopted(flight, tokens))

    async def _persist_adopted(self, flight: _Flight, tokens: Tokens) -> None:
        try:
            await self._aflush()
        finally:
            self._land(flight, tokens)

    def access_token(self) -> str:
        """A valid access token: the current one, or a new one when it expires within ``refresh_margin``."""
        return self._refresh(force=False).access_token

    async def aaccess_token(self) -> str:
        """The async twin of ``access_token``: concurrent tasks share one refresh."""
        return (await self._arefresh(force=False)).access_token

    def refresh(self) -> Tokens:
        """Refresh now, whatever the expiry (e.g. after the API answered 401)."""
        return self._refresh(force=True)

    async def arefresh(self) -> Tokens:
        """The async twin of ``refresh``."""
        return await self._arefresh(force=True)

    def _revocations(self) -> list[dict[str, Any]]:
        tokens = self._tokens
        values = [value for value in (tokens.refresh_token, tokens.access_token) if value]
        return [
            {"token": hidden(value), "client_id": self.client_id, "client_secret": hidden(self.client_secret)}
            for value in values
        ]

    def revoke(self) -> None:
        """Disconnect: revoke the refresh token and the access token. Revoking twice is harmless."""
        for body in self._revocations():
            self._flow.revocation.sync({"client": self.client, "body": body})

    async def arevoke(self) -> None:
        """The async twin of ``revoke``."""
        for body in self._revocations():
            await self._flow.revocation.asyncio({"client": self.client, "body": body})

    def httpx_auth(self) -> httpx.Auth:
        """An ``httpx.Auth`` that sends ``Authorization: Bearer <access token>``, refreshed as needed.

        For API calls on the user's behalf with a plain ``httpx.Client`` / ``httpx.AsyncClient``.
        """
        return _SessionAuth(self)


class _SessionAuth(httpx.Auth):
    def __init__(self, session: TokenSession) -> None:
        self._session = session

    def __repr__(self) -> str:
        return "<TokenSession auth>"

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._session.access_token()}"
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request.headers["Authorization"] = f"Bearer {await self._session.aaccess_token()}"
        yield request


__all__ = [
    "DEFAULT_REFRESH_MARGIN",
    "STATE_BYTES",
    "AuthorizationRequest",
    "OnRefresh",
    "TokenResponse",
    "Tokens",
    "check_state",
    "read_callback",
]
