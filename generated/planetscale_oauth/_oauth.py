# Copied from templates/runtime/_oauth.py by `make generate` (the runtime: plain Python, the same for every spec).
# Do not edit: change templates/runtime/_oauth.py, then run `make generate`.
"""Connect a user's account with OAuth 2.0: the authorize URL, the callback check, and a token session.

The generated ``oauth`` module binds these helpers to the spec's ``oauth2`` security scheme (its
``OAuthFlow``: where the browser page is, which operations issue and revoke tokens) and re-exports them:

    request = authorize_url(client_id, redirect_uri)      # send the user to request.url; keep request.state
                                                           # and request.code_verifier (PKCE) until the callback
    code = read_callback(callback_url, request.state)      # on your redirect URI: checks state, returns the code
    session = TokenSession.exchange(client, client_id, client_secret, code=code, redirect_uri=redirect_uri,
                                    code_verifier=request.code_verifier)
    session.access_token()                                # a valid access token, refreshed shortly before expiry
    session.revoke()                                      # disconnect: both tokens revoked, the session closed

Nothing here logs, prints or shows a token, a code, a code verifier, a state or the client secret: reprs redact them.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import copy
import datetime
import functools
import hashlib
import hmac
import inspect
import json
import logging
import math
import os
import re
import secrets
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, Protocol, Self, TypeVar, cast
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import httpx
from attrs import define, field

from ._base_client import BaseClient, env_group
from ._exceptions import (
    APIConnectionError,
    ArgumentError,
    AuthorizationDeniedError,
    CredentialsError,
    InvalidGrantError,
    ResponseValidationError,
    StateMismatchError,
    StoreError,
)
from ._operation import Operation
from ._redaction import Secret, hidden, redact
from ._store import DEFAULT_LEASE, StoredTokens, TokenStore, check_key, reset_after_fork
from .types import Unset

if TYPE_CHECKING:
    import asyncio

STATE_BYTES = 32
"""Random bytes in a generated ``state`` (256 bits, URL-safe base64)."""
DEFAULT_REFRESH_MARGIN = 60.0
"""Seconds before expiry at which a session refreshes its access token."""
CODE_VERIFIER_BYTES = 64
"""Random bytes in a generated PKCE ``code_verifier`` (512 bits: 86 URL-safe base64 characters, where RFC 7636
§4.1 allows 43 to 128)."""

ClientAuth = Literal["client_secret_post", "client_secret_basic"]
"""How an application authenticates to the token and revocation endpoints (RFC 6749 §2.3.1; the names are RFC
7591's). ``client_secret_post``: the client ID and secret in the form, PlanetScale's documented way.
``client_secret_basic``: in an HTTP Basic ``Authorization`` header, and not in the form; servers that follow RFC
6749 to the letter support it and may support nothing else. An application uses the one its server registered."""
CLIENT_AUTH_METHODS: tuple[ClientAuth, ...] = ("client_secret_post", "client_secret_basic")

# RFC 7636 §4.1: code-verifier = 43*128unreserved.
_CODE_VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")

_log = logging.getLogger(__name__.rpartition(".")[0] or __name__)
_R = TypeVar("_R")
_S = TypeVar("_S", bound="TokenSession")
_NEWER_WAIT = 2.5
"""Seconds a session with a store waits, after ``invalid_grant``, for another process's newer tokens to reach it."""


class TokenResponse(Protocol):
    """What a token endpoint answers (RFC 6749 §5.1); the spec's model of it has these attributes."""

    @property
    def access_token(self) -> str: ...
    @property
    def refresh_token(self) -> str | Unset | None: ...
    @property
    def expires_in(self) -> float | Unset | None: ...
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
    client: type[BaseClient]


@define(frozen=True)
class AuthorizationRequest:
    """Where to send the user, and what to keep (e.g. in their session) until the callback: the ``state``, and the
    PKCE ``code_verifier`` to pass to ``TokenSession.exchange`` with the code (None when PKCE is off)."""

    url: str = field(repr=False)
    state: str = field(repr=redact)
    code_verifier: str | None = field(default=None, repr=redact)

    def __repr__(self) -> str:
        # The URL carries the state; show only where it points.
        return (
            f"AuthorizationRequest(url={self.url.split('?')[0] + '?…'!r}, state={redact(self.state)}, "
            f"code_verifier={redact(self.code_verifier)})"
        )


def code_challenge(code_verifier: str) -> str:
    """The RFC 7636 §4.2 ``S256`` code challenge of a verifier: BASE64URL(SHA256(ASCII(verifier))), unpadded."""
    digest = hashlib.sha256(code_verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def authorize_url(
    flow: OAuthFlow,
    client_id: str,
    redirect_uri: str,
    *,
    scope: str | Sequence[str] | None = None,
    state: str | None = None,
    pkce: bool = True,
    client: BaseClient | None = None,
) -> AuthorizationRequest:
    """The URL that asks the user to connect their account to your OAuth application.

    It asks for an authorization code (``response_type=code``, RFC 6749 §4.1.1). ``state`` is a fresh
    cryptographically random value (``secrets.token_urlsafe``) unless given; keep it and pass it to
    ``read_callback`` / ``check_state``. ``scope``: space-separated or a list.

    With ``pkce`` (the default) the URL carries an RFC 7636 ``S256`` code challenge of a fresh random
    ``code_verifier``; keep ``request.code_verifier`` beside the state and pass it to ``TokenSession.exchange``:
    a code stolen on its way to the redirect URI is then worthless without it. ``pkce=False`` leaves the challenge
    out, for a server that refuses it (a server that does not know PKCE ignores it).

    The URL is on ``client``'s base URL for the flow's authorization server (the spec's by default).
    """
    _check_text("client_id", client_id)
    _check_text("redirect_uri", redirect_uri)
    state = state if state is not None else secrets.token_urlsafe(STATE_BYTES)
    _check_text("state", state)
    params = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri, "state": state}
    if scope:
        params["scope"] = scope if isinstance(scope, str) else " ".join(scope)
    code_verifier = secrets.token_urlsafe(CODE_VERIFIER_BYTES) if pkce else None
    if code_verifier is not None:
        params["code_challenge"] = code_challenge(code_verifier)
        params["code_challenge_method"] = "S256"
    base = (client or flow.client()).base_url_for(flow.authorization_server)
    url = f"{base}{flow.authorization_path}?{urlencode(params)}"
    return AuthorizationRequest(url=url, state=state, code_verifier=code_verifier)


def check_state(expected: str, received: str | None) -> None:
    """Raise ``StateMismatchError`` unless ``received`` is ``expected`` (compared in constant time)."""
    if not expected:
        raise StateMismatchError("no state was kept for this authorization; start it again")
    if not isinstance(expected, str):
        raise ArgumentError(
            f"the expected state must be the string authorize_url() made, not {type(expected).__name__}"
        )
    # surrogatepass: a state with a lone surrogate (forged, or mangled) is a mismatch, not an encoding error.
    if not isinstance(received, str) or not hmac.compare_digest(
        expected.encode("utf-8", "surrogatepass"), received.encode("utf-8", "surrogatepass")
    ):
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
    if not isinstance(url, str):
        raise ArgumentError(f"url must be the callback URL as a string, not {type(url).__name__}")
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
        raise AuthorizationDeniedError(
            f"authorization was not granted: {description or error} ({error})", code=str(error)
        )
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

    def __attrs_post_init__(self) -> None:
        # Checked here, when tokens are read back from a store, rather than on first use, deep in a refresh.
        if not isinstance(self.access_token, str) or not self.access_token:
            raise ArgumentError(f"access_token must be a non-empty string, not {type(self.access_token).__name__}")
        if self.refresh_token is not None and not isinstance(self.refresh_token, str):
            raise ArgumentError(f"refresh_token must be a string or None, not {type(self.refresh_token).__name__}")
        if self.expires_at is not None and (
            not isinstance(self.expires_at, datetime.datetime) or self.expires_at.utcoffset() is None
        ):
            raise ArgumentError(
                "expires_at must be a timezone-aware datetime or None (a naive one, as some databases return, "
                "needs .replace(tzinfo=datetime.UTC) if it is UTC)"
            )
        if self.scope is not None and not isinstance(self.scope, str):
            raise ArgumentError(f"scope must be a string or None, not {type(self.scope).__name__}")

    @classmethod
    def from_response(cls, response: TokenResponse, now: float, previous: Tokens | None = None) -> Tokens:
        """Tokens from a token response; a refresh that returns no refresh token keeps the previous one.

        ``expires_in`` may be any JSON number, ``3600`` or ``3599.5``. A lifetime past what a datetime holds
        (10**21 s) is read as a year, a negative one as "now". A value that is no finite number (NaN or an
        infinity, which Python's JSON parser accepts, or a bool or anything else a hand-made response holds) says
        nothing about expiry and is read as absent: the tokens do not expire until the server refuses them. No
        value of it raises: the tokens are kept whatever it is, since a code just spent or a refresh token the
        server just rotated must never be dropped.
        """
        refresh = None if isinstance(response.refresh_token, Unset) else response.refresh_token
        scope = None if isinstance(response.scope, Unset) else response.scope
        lifetime = _lifetime(response.expires_in)
        expires_at = None
        if lifetime is not None:
            expires_at = datetime.datetime.fromtimestamp(now + lifetime, tz=datetime.UTC)
        return cls(
            access_token=response.access_token,
            refresh_token=refresh if refresh is not None else (previous.refresh_token if previous else None),
            expires_at=expires_at,
            scope=scope if scope is not None else (previous.scope if previous else None),
        )


@define(frozen=True)
class _Kept:
    """A token response read leniently: what a 2xx that failed the spec's check still says (a ``TokenResponse``)."""

    access_token: str
    refresh_token: str | None
    expires_in: float | None
    scope: str | None


def _kept(error: ResponseValidationError) -> _Kept:
    """The tokens a 2xx token response carried although it failed its check (a ``token_type`` missing, a ``scope``
    sent as a list, an ``expires_in`` as a string): the code is spent, or the refresh token may have been rotated,
    so they are kept whenever they can be read at all. ``error`` is raised again when there is no access token."""
    try:
        body = json.loads(error.content) if error.status_code is not None and 200 <= error.status_code < 300 else None
    except (ValueError, RecursionError):
        body = None
    if not isinstance(body, dict) or not isinstance(body.get("access_token"), str) or not body["access_token"]:
        raise error
    refresh, scope = body.get("refresh_token"), body.get("scope")
    if isinstance(scope, list) and all(isinstance(item, str) for item in scope):
        scope = " ".join(scope)
    _log.warning(
        "token session: the token response does not match the spec (%s); the tokens it carries are kept",
        error.path or "the body",
    )
    return _Kept(
        access_token=body["access_token"],
        refresh_token=refresh if isinstance(refresh, str) and refresh else None,
        expires_in=_number(body.get("expires_in")),
        scope=scope if isinstance(scope, str) else None,
    )


def _number(value: object) -> float | None:
    """A number from what a lenient server sends for one (``3600``, ``"3600"``), else None."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return float(value)
        return None
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _lifetime(expires_in: object) -> float | None:
    """Seconds from ``expires_in`` (see ``Tokens.from_response``), or None when it gives none."""
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float):
        return None
    if isinstance(expires_in, float) and not math.isfinite(expires_in):
        return None
    # Clamped before float(): an integer past 10**308 has no float.
    return float(min(max(expires_in, 0), MAX_LIFETIME))


OnRefresh = Callable[[Tokens], Awaitable[None] | None]


_SYSTEM_TIME = time.time
"""``time.time`` as imported: the default clock of a session, read through the monotonic clock (see ``_now``)."""


def _is_async(hook: OnRefresh | None) -> bool:
    return hook is not None and (
        inspect.iscoroutinefunction(hook) or inspect.iscoroutinefunction(getattr(hook, "__call__", None))  # noqa: B004
    )


def _code_grant(
    client_id: str, client_secret: str, code: str, redirect_uri: str, code_verifier: str | None
) -> dict[str, str]:
    """The RFC 6749 §4.1.3 form that exchanges an authorization code, with the RFC 7636 §4.5 verifier if any.

    Every form here carries the client ID and secret, whichever way they are sent: ``_sent_as`` moves them to a
    header for ``client_secret_basic``, and the operation blanks the secret out of any error, where the server
    may echo it, because it is in the form given."""
    grant = {
        "grant_type": "authorization_code",
        "client_id": client_id,
        "client_secret": hidden(client_secret),
        "code": hidden(code),
        "redirect_uri": redirect_uri,
    }
    if code_verifier is not None:
        grant["code_verifier"] = hidden(code_verifier)
    return grant


def _check_text(name: str, value: object) -> None:
    """Refuse a value a form or a URL cannot carry as it was meant: not a string, empty, with a control character
    (a trailing newline from a file or an environment variable), with white space at an end, or with a lone
    surrogate. Any other text is fine: form-encoding carries it. The message says what and where, not the value."""
    if not isinstance(value, str) or not value:
        raise CredentialsError(f"{name} must be a non-empty string, not {type(value).__name__ if value else 'empty'}")
    for index, character in enumerate(value):
        if character < " " or character == "\x7f":
            hint = " (a trailing newline from a file or an environment variable?)" if character in "\r\n" else ""
            raise CredentialsError(f"{name} holds a control character at position {index} of {len(value)}{hint}")
    if value != value.strip():
        raise CredentialsError(f"{name} begins or ends with white space (copied with it?)")
    try:
        value.encode()
    except UnicodeEncodeError:
        raise CredentialsError(f"{name} holds a character that cannot be sent (a lone surrogate)") from None


def _check_exchange(
    client_id: object, client_secret: object, code: object, redirect_uri: object, client_auth: object,
    code_verifier: str | None,
) -> None:  # fmt: skip
    """Refuse, before the single-use code is spent on a request that cannot succeed: a client ID or secret or a code
    no request can carry as it is (a trailing newline from a file or the environment, a control character, bytes),
    a ``client_auth`` this module does not know and a ``code_verifier`` RFC 7636 §4.1 does not allow. The messages
    never show the values."""
    for name, value in (("client_id", client_id), ("client_secret", client_secret), ("code", code)):
        _check_text(name, value)
    _check_text("redirect_uri", redirect_uri)
    _check_client_auth(client_auth)
    if code_verifier is not None and not _CODE_VERIFIER.fullmatch(code_verifier):
        raise ArgumentError(
            "code_verifier must be 43 to 128 characters from A-Z, a-z, 0-9 and -._~ (RFC 7636 §4.1): pass the "
            "code_verifier of the AuthorizationRequest the code answers"
        )


def _check_store(store: object, key: object) -> None:
    """Refuse a store without a key (or the reverse) before a code is spent."""
    if (store is None) != (key is None):
        raise ArgumentError("pass store and key together (the key of the connection in the store)")
    if store is not None and not isinstance(store, TokenStore):
        raise ArgumentError(f"store must be a TokenStore, not {type(store).__name__}")
    if key is not None:
        check_key(key)


def _store_call(doing: str, call: Callable[..., _R], *args: Any) -> _R:
    """``call(*args)`` on a store; a failure that is not a ``StoreError`` (a store of the application's own that
    raises its driver's errors) becomes one, so that a session treats every failure of a store alike."""
    try:
        return call(*args)
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError(f"the token store could not {doing}: {type(exc).__name__}") from exc


def _write_in_background(session: TokenSession) -> None:
    """The background writer of a session's tokens the store refused: every third of the lease (at most 2 s), it
    renews the session's lock and tries the write again, until the store takes them."""
    pause = min(2.0, session.lease / 3)
    while session._store_pending:
        time.sleep(pause)
        session._write_pending(background=True)


_PENDING_WRITES: weakref.WeakSet[TokenSession] = weakref.WeakSet()
"""Sessions whose tokens wait for their store: ``_write_at_exit`` tries each once more."""


@atexit.register
def _write_at_exit() -> None:
    """At interpreter exit: one last try to write tokens a store refused, rather than let them go with the process
    (the refresh token they hold is the only one the server still accepts)."""
    for session in list(_PENDING_WRITES):
        with contextlib.suppress(Exception):
            session._write_pending(background=True)


def _check_client_auth(client_auth: object) -> None:
    if client_auth not in CLIENT_AUTH_METHODS:
        raise ArgumentError(f"client_auth must be one of {', '.join(CLIENT_AUTH_METHODS)}")


def _basic_authorization(client_id: str, client_secret: str) -> str:
    """The ``Authorization`` value of RFC 6749 §2.3.1: the client ID and secret each form-urlencoded, joined by a
    colon, in base64."""
    # quote() with nothing left safe is a form-urlencoding every server decodes back the same: it writes a space as
    # %20, which form decoding and plain percent-decoding (what Authlib, for one, applies) both read as a space,
    # where the form serializer's "+" comes back from the latter as "+".
    pair = Secret(f"{quote(client_id, safe='')}:{quote(client_secret, safe='')}")
    return Secret("Basic " + base64.b64encode(pair.encode()).decode("ascii"))


def _basic_form(body: Mapping[str, Any]) -> dict[str, Any]:
    """The httpx arguments of a form whose client ID and secret go as HTTP Basic credentials: the form without
    them (RFC 6749 §2.3.1: a client uses one authentication method per request), and the header."""
    form = dict(body)
    client_id, client_secret = form.pop("client_id"), form.pop("client_secret")
    return {"data": form, "headers": {"Authorization": _basic_authorization(client_id, client_secret)}}


@functools.cache
def _with_basic(operation: Operation[Any, Any]) -> Operation[Any, Any]:
    """``operation``, sending its form's client credentials in an HTTP Basic header.

    An operation takes no header per call that its spec does not declare, but a body function may return headers
    along with the body; a copy with one keeps all else the spec says about the operation (its responses, typed
    errors, retry rule, sensitive keys). Made once per operation."""
    basic = copy.copy(operation)
    basic.body = _basic_form
    return basic


def _sent_as(operation: Operation[Any, Any], client_auth: ClientAuth) -> Operation[Any, Any]:
    """``operation`` as it sends the client's credentials under ``client_auth``."""
    return _with_basic(operation) if client_auth == "client_secret_basic" else operation


MAX_LIFETIME = 365 * 24 * 3600.0
"""The longest lifetime a token response's ``expires_in`` is taken to mean, in seconds."""


def _again(exc: BaseException) -> BaseException:
    """A copy of ``exc`` to raise once more (to a waiter, or during the back-off): one object raised again and again
    would collect every raise's frames in its traceback, without end. The copy's cause is the original."""
    try:
        copied = copy.copy(exc)
    except Exception:  # an exception of someone else's that does not copy: raised as it is
        return exc
    copied.__cause__, copied.__context__ = exc, None
    return copied.with_traceback(None)


def _settle(woken: asyncio.Future[None]) -> None:
    if not woken.done():
        woken.set_result(None)


class _Handoff:
    """Between an async caller and the worker thread that refreshes for it: the second of them to end lands the
    flight (the thread, if the caller was cancelled first; the caller, if the thread ended first)."""

    __slots__ = ("_abandoned", "_guard", "_outcome")

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._abandoned = False
        self._outcome: Tokens | BaseException | None = None

    def finish(self, outcome: Tokens | BaseException) -> bool:
        """The thread's end: whether the caller is gone (the thread then lands the flight)."""
        with self._guard:
            self._outcome = outcome
            return self._abandoned

    def abandon(self) -> Tokens | BaseException | None:
        """The caller's cancellation: the thread's outcome if it has ended (the caller then lands it), else None."""
        with self._guard:
            self._abandoned = True
            return self._outcome


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
            raise _again(outcome)
        assert outcome is not None
        return outcome

    def wait(self) -> Tokens:
        self._done.wait()
        return self.result()

    def wait_done(self) -> None:
        """Wait for the flight to end, whatever its outcome."""
        self._done.wait()

    async def await_result(self) -> Tokens:
        await self.await_done()
        return self.result()

    async def await_done(self) -> None:
        """The async twin of ``wait_done``: the task waits, its event loop does not."""
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


@define(eq=False)
class TokenSession:
    """An access token that stays valid: refreshed ``refresh_margin`` seconds before it expires.

    Safe to share between threads, tasks and event loops, sync and async callers alike: however many ask at once,
    one refresh is sent and the others wait for its result (threads block, tasks await without blocking their
    loop), so a rotated refresh token is never sent twice. ``on_refresh`` is called with the new ``Tokens`` to
    persist them, one call at a time, in order; in the async methods it may be a coroutine function.

    ``client`` is the ``Client`` (or ``AuthenticatedClient``) that talks to the OAuth server; it never
    sends its service token there. ``clock`` returns the time in seconds (``time.time``). ``client_auth`` is how
    the session authenticates the application for the refresh and the revocation (see ``ClientAuth``): the way
    the code was exchanged, chosen once per application.

    After ``revoke()`` the session hands out no token: ``access_token()`` and ``refresh()`` raise
    ``CredentialsError``.

    With a ``store`` (see ``TokenStore``) and the ``key`` of the connection in it, the session shares its tokens
    with every process and host that uses the same store and key, and one of them refreshes per expiry. A fresh
    access token is handed out from memory, with no store round trip. When it is due, the session reads the store
    (another process may have refreshed: its tokens are taken), else takes the store's lock for the key, reads
    again, refreshes only if still due, and writes the new tokens before it releases the lock and hands out the
    access token. After a refresh answered ``invalid_grant`` the session frees the lock and watches the store for a
    few seconds: if another process wrote newer tokens (it won the race), they are taken instead of the error; if
    not, the error is raised, and that refresh token is never sent again. The lease is renewed while the
    refresh is under way, so a slow answer does not let another process in; a process killed holding the lock
    delays the others by at most ``lease`` seconds. A write that fails keeps the new tokens in memory, and a
    background thread keeps the lock and writes them again until the store takes them (once more at exit); the
    refresh token the server issued is never dropped. A session made before ``os.fork()`` is another holder of the
    lock in each child. Async methods run the store's calls in a worker thread.
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
    client_auth: ClientAuth = field(
        default="client_secret_post", kw_only=True, validator=lambda _session, _field, value: _check_client_auth(value)
    )
    store: TokenStore | None = field(default=None, kw_only=True, repr=False)
    key: str | None = field(default=None, kw_only=True)
    lease: float = field(default=DEFAULT_LEASE, kw_only=True)
    refreshes: int = field(default=0, init=False)
    _revoked: bool = field(default=False, init=False, repr=False)
    # The access token the server refused just after a refresh made it: a later 401 with it calls for no refresh.
    _refused_after_refresh: str | None = field(default=None, init=False, repr=False)
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
    # With a store: the version of the record the tokens were read or written at, whether they still wait to be
    # written there, and this session's name as the holder of the store's lock.
    _version: int | None = field(default=None, init=False, repr=False)
    _store_pending: bool = field(default=False, init=False, repr=False)
    _owner: str = field(factory=lambda: secrets.token_hex(16), init=False, repr=False)
    _write_guard: threading.Lock = field(factory=threading.Lock, init=False, repr=False)
    _writer: threading.Thread | None = field(default=None, init=False, repr=False)
    # The refresh token the server refused (and its error), so that it is not sent again.
    _refused_grant: tuple[str | None, Exception] | None = field(default=None, init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _check_text("client_id", self.client_id)
        _check_text("client_secret", self.client_secret)
        if not isinstance(self._tokens, Tokens):
            raise ArgumentError(
                f"tokens must be a Tokens (Tokens(access_token=..., ...)), not {type(self._tokens).__name__}"
            )
        _check_store(self.store, self.key)
        if self.store is not None:
            reset_after_fork(self)
        if isinstance(self.lease, bool) or not isinstance(self.lease, (int, float)) or not 0 < self.lease < math.inf:
            raise ArgumentError("lease must be a positive number of seconds")

    @classmethod
    def from_store(
        cls,
        client: BaseClient,
        client_id: str,
        client_secret: str,
        *,
        store: TokenStore,
        key: str,
        client_auth: ClientAuth = "client_secret_post",
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        lease: float = DEFAULT_LEASE,
        clock: Callable[[], float] = time.time,
    ) -> Self:
        """The session of ``key`` in ``store``, on the tokens stored there (by ``exchange(..., store=, key=)`` in
        this process or another). ``CredentialsError`` when none are: the user has to connect first."""
        _check_store(store, key)
        stored = _store_call("read", store.read, key)
        return cls._resumed(
            stored, client, client_id, client_secret, store=store, key=key, client_auth=client_auth,
            on_refresh=on_refresh, refresh_margin=refresh_margin, lease=lease, clock=clock,
        )  # fmt: skip

    @classmethod
    async def afrom_store(
        cls,
        client: BaseClient,
        client_id: str,
        client_secret: str,
        *,
        store: TokenStore,
        key: str,
        client_auth: ClientAuth = "client_secret_post",
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        lease: float = DEFAULT_LEASE,
        clock: Callable[[], float] = time.time,
    ) -> Self:
        """The async twin of ``from_store``: the store is read in a worker thread, not on the event loop."""
        import asyncio

        _check_store(store, key)
        stored = await asyncio.to_thread(_store_call, "read", store.read, key)
        return cls._resumed(
            stored, client, client_id, client_secret, store=store, key=key, client_auth=client_auth,
            on_refresh=on_refresh, refresh_margin=refresh_margin, lease=lease, clock=clock,
        )  # fmt: skip

    @classmethod
    def _resumed(
        cls, stored: StoredTokens | None, client: BaseClient, client_id: str, client_secret: str, **options: Any
    ) -> Self:
        if stored is None:
            raise CredentialsError(f"no tokens are stored under key {options['key']!r}: the user has not connected yet")
        session = cls(client, client_id, client_secret, stored.tokens, **options)
        session._version = stored.version
        return session

    @classmethod
    def exchange(
        cls,
        client: BaseClient,
        client_id: str,
        client_secret: str,
        *,
        code: str,
        redirect_uri: str,
        code_verifier: str | None = None,
        client_auth: ClientAuth = "client_secret_post",
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
        store: TokenStore | None = None,
        key: str | None = None,
        lease: float = DEFAULT_LEASE,
    ) -> Self:
        """Exchange the callback's authorization code for tokens and start a session with them.

        With ``store`` and ``key`` the tokens are written there (replacing the key's earlier ones) and shared
        with every session of that key (see the class).

        ``code_verifier``: the PKCE verifier of the ``AuthorizationRequest`` the code answers (None when it had
        none). ``client_auth``: how the application authenticates, here and for the session's refreshes and
        revocation (see ``ClientAuth``).

        An async ``on_refresh``, an unknown ``client_auth`` and a malformed ``code_verifier`` are refused before
        the code is spent (use ``aexchange`` for an async hook). If ``on_refresh`` fails, the session is returned
        all the same and persisting is tried again on each later call (see ``pending_persist``): the code is
        spent, and the tokens it bought are never dropped."""
        # What a traceback's locals show: redacted.
        client_secret, code, code_verifier = hidden(client_secret), hidden(code), hidden(code_verifier)
        if _is_async(on_refresh):
            raise TypeError("an async on_refresh works only with the async methods (aexchange, aaccess_token)")
        _check_exchange(client_id, client_secret, code, redirect_uri, client_auth, code_verifier)
        _check_store(store, key)
        now = clock()
        grant = _code_grant(client_id, client_secret, code, redirect_uri, code_verifier)
        try:
            response: TokenResponse = _sent_as(cls._flow.token, client_auth).sync({"client": client, "body": grant})
        except ResponseValidationError as exc:
            response = _kept(exc)
        tokens = Tokens.from_response(response, now)
        # Kept as a plain string (a Secret copies and pickles as the marker).
        session = cls(
            client, client_id, str(client_secret), tokens, on_refresh, refresh_margin, clock,
            client_auth=client_auth, store=store, key=key, lease=lease,
        )  # fmt: skip
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
        code_verifier: str | None = None,
        client_auth: ClientAuth = "client_secret_post",
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
        store: TokenStore | None = None,
        key: str | None = None,
        lease: float = DEFAULT_LEASE,
    ) -> Self:
        """The async twin of ``exchange``."""
        client_secret, code, code_verifier = hidden(client_secret), hidden(code), hidden(code_verifier)
        _check_exchange(client_id, client_secret, code, redirect_uri, client_auth, code_verifier)
        _check_store(store, key)
        now = clock()
        grant = _code_grant(client_id, client_secret, code, redirect_uri, code_verifier)
        try:
            response: TokenResponse = await _sent_as(cls._flow.token, client_auth).asyncio(
                {"client": client, "body": grant}
            )
        except ResponseValidationError as exc:
            response = _kept(exc)
        tokens = Tokens.from_response(response, now)
        # Kept as a plain string (a Secret copies and pickles as the marker).
        session = cls(
            client, client_id, str(client_secret), tokens, on_refresh, refresh_margin, clock,
            client_auth=client_auth, store=store, key=key, lease=lease,
        )  # fmt: skip
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
        """Whether the current tokens still wait for a successful ``on_refresh`` (it failed; each call retries), or
        to be written to the session's store (it failed; it is retried in the background)."""
        return self._unpersisted is not None or self._store_pending

    def _fresh(self, tokens: Tokens) -> bool:
        if tokens.expires_at is None:
            return True
        # A token that lives less than twice the margin is refreshed halfway through its life, not on every call.
        margin = self.refresh_margin if self._lifetime is None else min(self.refresh_margin, self._lifetime / 2)
        return self._now() < tokens.expires_at.timestamp() - margin

    def _grant(self, tokens: Tokens) -> dict[str, Any]:
        if not tokens.refresh_token:
            raise CredentialsError("the access token expired or was refused, and the session holds no refresh token")
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
        self._store_pending = self.store is not None
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
        self._write_pending()
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
        if self._store_pending:
            import asyncio

            await asyncio.to_thread(self._write_pending)
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

    def _after_fork(self) -> None:
        """In a forked child: the parent's threads (a refresh under way, the background writer) are not here, and
        the locks they held would stay held; the child starts with new ones and no flight."""
        self._lock, self._write_guard = threading.Lock(), threading.Lock()
        self._flight, self._writer = None, None

    @property
    def _lock_owner(self) -> str:
        """This session's name as the holder of the store's lock: its own, and its process's (a session created
        before a fork lives on in each child, and each is another holder)."""
        return f"{self._owner}:{os.getpid()}"

    def _write_pending(self, expected: int | None = None, *, background: bool = False) -> None:
        """Write the tokens still waiting for the store (``expected``: the version they replace, else whatever is
        there: they are the newest the server issued), then free the store's lock. A failure is logged (its kind),
        and a background thread (``background``: this call is it) keeps the lock and writes them again until the
        store takes them, so that no other process sends the refresh token these tokens replaced; meanwhile no call
        waits on the store for them."""
        writer = self._writer
        if not background and writer is not None and writer.is_alive():
            return
        with self._write_guard:
            if not self._store_pending:
                return
            store, key, tokens = self.store, self.key, self._tokens
            assert store is not None and key is not None
            if background:
                self._hold_lock()  # renewed here, under the guard: never after another write freed the lock
            try:
                version = _store_call("write", store.write, key, tokens, expected)
                if version is None:
                    _log.warning(
                        "token session: another process wrote key %r while this one held its lock (the lease, %g s, "
                        "ran out during the refresh); the tokens the refresh brought replace what it wrote",
                        key, self.lease,
                    )  # fmt: skip
                    version = _store_call("write", store.write, key, tokens, None)
            except StoreError as exc:
                if not background:
                    _log.warning(
                        "token session: the store did not take the new tokens (%s); they stay in the session and a "
                        "background thread writes them once it does",
                        type(exc).__name__,
                    )
                    self._retry_write_later()
                return
            with self._lock:
                if self._tokens is tokens:
                    self._version, self._store_pending = version, False
                # A refresh under way holds the lock (the same owner): it frees it when it ends.
                release = not background or self._flight is None
            _PENDING_WRITES.discard(self)
            if release:
                with contextlib.suppress(StoreError):
                    _store_call("release the lock", store.release, key, self._lock_owner)
        if background:
            _log.info("token session: the store took the tokens it had refused; key %r is up to date", key)

    def _retry_write_later(self) -> None:
        """Start the background writer of tokens the store refused, unless it runs. It holds the session (which
        lives on until they are written), renews the store's lock and writes them again every third of the lease
        (at most 2 s); one last try is made as the interpreter exits."""
        with self._lock:
            if self._writer is not None and self._writer.is_alive():
                return
            writer = threading.Thread(target=_write_in_background, args=(self,), name="token store writer", daemon=True)
            try:
                writer.start()
            except RuntimeError:  # no thread to be had: the next calls write them instead
                _log.warning("token session: no thread could be started to write the tokens; the next call does")
            else:
                self._writer = writer
        _PENDING_WRITES.add(self)

    def _hold_lock(self) -> None:
        """Renew this session's lease on the store's lock (while a refresh or a write is under way)."""
        assert self.store is not None and self.key is not None
        with contextlib.suppress(StoreError):
            _store_call("renew the lock", self.store.acquire, self.key, self._lock_owner, self.lease)

    @contextlib.contextmanager
    def _renewing(self) -> Generator[None, None, None]:
        """Keep the store's lock for as long as the block runs: its lease is renewed every third of it, so that a
        refresh slower than the lease (a slow server, retries) does not let another process send the same token."""
        stop = threading.Event()

        def renew() -> None:
            while not stop.wait(self.lease / 3):
                self._hold_lock()

        renewer = threading.Thread(target=renew, name="token store lease", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            stop.set()
            renewer.join()  # no renewal after this: the lock may be freed next

    def _taken(self, stored: StoredTokens | None, mine: Tokens) -> StoredTokens | None:
        """``stored`` when it holds other tokens than ``mine`` that will do (another process refreshed them), unless
        the session's own tokens still wait to be written (they are newer)."""
        if stored is None or self._store_pending or stored.tokens.access_token == mine.access_token:
            return None
        return stored if self._fresh(stored.tokens) else None

    def _adopt_stored(self, stored: StoredTokens) -> Tokens:
        with self._lock:
            now, expires_at = self._now(), stored.tokens.expires_at
            self._tokens, self._version = stored.tokens, stored.version
            self._lifetime = None if expires_at is None else max(0.0, expires_at.timestamp() - now)
            self._failure, self._failures = None, 0
        _log.debug("token session: took the tokens another process refreshed for key %r", self.key)
        return stored.tokens

    def _newer_in_store(self, base: Tokens, seen: int) -> Tokens | None:
        """After ``invalid_grant`` for ``base``'s refresh token (read from the store at version ``seen``): the tokens
        of the process that refreshed it first, once the store holds them at a later version (a process whose write
        waited for the store to come back writes within a few seconds); None when they do not come, and the grant
        is really gone. The lock is freed first, so that no other process waits behind this one."""
        store, key = self.store, self.key
        assert store is not None and key is not None
        with contextlib.suppress(StoreError):
            _store_call("release the lock", store.release, key, self._lock_owner)
        give_up = time.monotonic() + min(self.lease, _NEWER_WAIT)
        while True:
            stored = _store_call("read", store.read, key)
            if stored is not None and stored.version > seen and stored.tokens.refresh_token != base.refresh_token:
                return self._adopt_stored(stored)
            if time.monotonic() >= give_up:
                return None
            time.sleep(0.1)

    def _shared_refresh(self, mine: Tokens) -> Tokens:
        """The refresh of a session with a store (see the class): the tokens another process refreshed if the store
        has them, else a refresh under the store's lock for the key, written to the store before the lock is freed."""
        store, key, owner = self.store, self.key, self._lock_owner
        assert store is not None and key is not None
        give_up = time.monotonic() + 3 * self.lease
        pause = 0.005
        while True:
            if taken := self._taken(_store_call("read", store.read, key), mine):
                return self._adopt_stored(taken)
            if _store_call("take the lock", store.acquire, key, owner, self.lease):
                break
            if time.monotonic() > give_up:
                raise StoreError(f"the store's lock for key {key!r} was not free for {3 * self.lease:g} s")
            time.sleep(pause * (0.5 + secrets.randbelow(1000) / 1000))
            pause = min(pause * 2, 0.1)
        refreshed = False
        try:
            stored = _store_call("read", store.read, key)
            if taken := self._taken(stored, mine):
                return self._adopt_stored(taken)
            pending = self._store_pending
            base = mine if pending or stored is None else stored.tokens
            refused = self._refused_grant
            if refused is not None and refused[0] == base.refresh_token:
                raise _again(refused[1])  # refused already: not sent again, nor waited for
            try:
                with self._renewing():
                    tokens = self._send_refresh(base)
            except InvalidGrantError as exc:
                seen = 0 if stored is None else stored.version
                if not pending and (newer := self._newer_in_store(base, seen)) is not None:
                    return newer  # another process won the race: its tokens are the live ones
                self._refused_grant = (base.refresh_token, exc)
                raise
            refreshed = True
            self._write_pending(None if stored is None else stored.version)
            return tokens
        finally:
            if not refreshed:
                with contextlib.suppress(StoreError):
                    _store_call("release the lock", store.release, key, owner)

    @staticmethod
    def _persist_failed(exc: Exception) -> None:
        _log.warning(
            "token session: on_refresh failed (%s); the new tokens stay in the session and are persisted again on "
            "the next call",
            type(exc).__name__,
        )

    def _take_off(self, *, force: bool, asynchronous: bool, refused: str | None = None) -> tuple[_Flight | None, bool]:
        """What a caller does now: (None, False) when the current tokens will do; (flight, False) to wait for the
        flight under way; (flight, True) to carry out a new one (a refresh, or persisting again).

        ``refused``: the access token a server refused; a refresh is forced unless the session holds another one
        by now (compared under the lock, so callers refused with the same token cause one refresh between them)."""
        with self._lock:
            if self._revoked:
                raise CredentialsError("the session was revoked: it hands out no token; authorize the user again")
            if refused is not None:
                force = self._tokens.access_token == refused
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

    def _refresh(self, *, force: bool, refused: str | None = None) -> Tokens:
        """The current tokens, after one refresh if ``force`` or the access token is about to expire (see
        ``_take_off`` for ``refused``)."""
        while True:
            flight, mine = self._take_off(force=force, asynchronous=False, refused=refused)
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
            tokens = self._refresh_step(tokens)
        self._flush()
        return tokens

    def _refresh_step(self, tokens: Tokens) -> Tokens:
        """The new tokens: from a refresh, or (with a store) from another process; a failure starts the back-off."""
        try:
            return self._shared_refresh(tokens) if self.store is not None else self._send_refresh(tokens)
        except Exception as exc:
            self._failed(exc)
            raise

    def _send_refresh(self, tokens: Tokens) -> Tokens:
        operation = _sent_as(self._flow.token, self.client_auth)
        try:
            response: TokenResponse = operation.sync({"client": self.client, "body": self._grant(tokens)})
        except ResponseValidationError as exc:
            response = _kept(exc)
        return self._replace(response, tokens)

    def _wait_out_failure(self) -> None:
        """After a failed refresh, the next ones wait (1 s, doubling up to a minute): the failure is raised again
        rather than the same refresh token sent on every call."""
        if self._failure is not None and self._now() < self._retry_at:
            raise _again(self._failure)

    def _failed(self, exc: Exception) -> None:
        with self._lock:
            self._failure, self._failures = exc, self._failures + 1
            self._retry_at = self._now() + min(60.0, 2.0 ** (self._failures - 1))

    async def _arefresh(self, *, force: bool, refused: str | None = None) -> Tokens:
        while True:
            flight, mine = self._take_off(force=force, asynchronous=True, refused=refused)
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
        if flight.refresh and self.store is not None:
            # The store's calls block: the whole step runs in a worker thread, which a cancelled caller does not stop
            # (the server may already have rotated the refresh token). Whichever of the two ends second lands the
            # flight, so waiters get its outcome even if this caller's event loop is gone by then.
            handoff = _Handoff()
            job = asyncio.ensure_future(asyncio.to_thread(self._carry, flight, tokens, handoff))
            try:
                tokens = await asyncio.shield(job)
            except asyncio.CancelledError:
                if (outcome := handoff.abandon()) is not None:
                    self._land_abandoned(flight, outcome)
                raise
            except BaseException as exc:
                self._land(flight, exc)
                raise
        elif flight.refresh:
            # Shielded: a caller cancelled mid-refresh must not take the answer with it, since the server may
            # already have rotated the refresh token. The request runs on, and its tokens are kept when it ends.
            try:
                grant = self._grant(tokens)
            except Exception as exc:
                self._land(flight, exc)
                raise
            operation = _sent_as(self._flow.token, self.client_auth)
            request = asyncio.ensure_future(operation.asyncio({"client": self.client, "body": grant}))
            try:
                response: TokenResponse = await asyncio.shield(request)
            except ResponseValidationError as exc:
                try:
                    response = _kept(exc)
                except ResponseValidationError:
                    self._failed(exc)
                    self._land(flight, exc)
                    raise
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
        response: TokenResponse | None = None
        if isinstance(exc, ResponseValidationError):
            with contextlib.suppress(ResponseValidationError):
                response = _kept(exc)
        elif exc is None:
            response = done.result()
        if response is None:
            assert exc is not None
            if isinstance(exc, Exception):
                self._failed(exc)
            self._land(flight, exc)
            return
        tokens = self._replace(response, previous)
        self._background = asyncio.ensure_future(self._persist_adopted(flight, tokens))

    def _carry(self, flight: _Flight, tokens: Tokens, handoff: _Handoff) -> Tokens:
        """A store session's refresh step, in a worker thread for ``_afly``; it lands the flight itself when the
        caller that started it was cancelled meanwhile."""
        outcome: Tokens | BaseException
        try:
            outcome = self._refresh_step(tokens)
        except BaseException as exc:
            outcome = exc
        if handoff.finish(outcome):
            self._land_abandoned(flight, outcome)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def _land_abandoned(self, flight: _Flight, outcome: Tokens | BaseException) -> None:
        """Land a flight whose caller is gone: a sync ``on_refresh`` is called first (an async one on a later call)."""
        try:
            if isinstance(outcome, Tokens) and not _is_async(self.on_refresh):
                self._flush()
        finally:
            self._land(flight, outcome)

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

    @property
    def revoked(self) -> bool:
        """Whether ``revoke()`` was called: the session then hands out no token."""
        return self._revoked

    def _close(self) -> _Flight | None:
        """Refuse every later token request; the flight under way, if any, whose tokens are the ones to revoke."""
        with self._lock:
            self._revoked = True
            return self._flight

    def _revocations(self, tokens: Tokens) -> list[tuple[str, dict[str, Any]]]:
        """(RFC 7009 ``token_type_hint``, form) for each token held: the refresh token first, since revoking it
        ends the grant (§2.1: the server also revokes the grant's access tokens, where it can)."""
        held = [("refresh_token", tokens.refresh_token), ("access_token", tokens.access_token)]
        return [
            (
                hint,
                {
                    "token": hidden(value),
                    "token_type_hint": hint,
                    "client_id": self.client_id,
                    "client_secret": hidden(self.client_secret),
                },
            )
            for hint, value in held
            if value
        ]

    def revoke(self) -> Revocation:
        """Disconnect: revoke the refresh token, then the access token, each with its RFC 7009 ``token_type_hint``,
        and return what became of each (``Revocation``). The second is attempted whatever became of the first.

        From this call on the session hands out no token: ``access_token()`` and ``refresh()`` raise
        ``CredentialsError``, whether or not the server confirmed. A refresh under way is waited for, so that the
        tokens it brings are the ones revoked.

        Raises the refresh token's error (after attempting the access token too) when revoking the refresh token
        failed, since the grant may then live on; with no refresh token held, the access token's. A failure to revoke
        only the access token, once the refresh token is revoked, is returned and logged, not raised: the server
        revokes a revoked refresh token's access tokens where it can (§2.1), and the token expires anyway. Calling
        ``revoke()`` again tries both again; revoking a token twice is harmless (§2.2)."""
        flight = self._close()
        if flight is not None:
            flight.wait_done()
        tokens = self._tokens
        operation = _sent_as(self._flow.revocation, self.client_auth)
        failures: dict[str, Exception] = {}
        for hint, body in self._revocations(tokens):
            try:
                operation.sync({"client": self.client, "body": body})
            except Exception as exc:  # whatever went wrong, the other token is still to be revoked
                failures[hint] = exc
        return _revocation(tokens, failures)

    async def arevoke(self) -> Revocation:
        """The async twin of ``revoke``."""
        flight = self._close()
        if flight is not None:
            await flight.await_done()
        tokens = self._tokens
        operation = _sent_as(self._flow.revocation, self.client_auth)
        failures: dict[str, Exception] = {}
        for hint, body in self._revocations(tokens):
            try:
                await operation.asyncio({"client": self.client, "body": body})
            except Exception as exc:  # whatever went wrong, the other token is still to be revoked
                failures[hint] = exc
        return _revocation(tokens, failures)

    def httpx_auth(self) -> httpx.Auth:
        """An ``httpx.Auth`` that sends ``Authorization: Bearer <access token>``, refreshed as needed.

        For API calls on the user's behalf with a plain ``httpx.Client`` / ``httpx.AsyncClient``. When the API
        answers 401, the request is sent once more after a refresh (none when another caller has replaced the
        refused token meanwhile: the new one is sent); a second 401 is returned as it is. A refresh that fails
        raises its error (``InvalidGrantError``: authorize the user again). An access token refused right after a
        refresh is not refreshed again on a later 401, so an API that refuses a request whatever the token does not
        set off a refresh per request. Request bodies are read before sending, so that they can be sent again.
        """
        return _SessionAuth(self)


@define
class OAuthApp(Generic[_S]):
    """Your OAuth application, held once: its client ID and secret, how it authenticates (``client_auth``), and the
    client that talks to the authorization server. It builds the authorize URL and starts or resumes token
    sessions without the ID and secret being passed again.

        app = OAuthApp.from_env()                          # the ID and secret from the environment
        request = app.authorize_url(redirect_uri)          # keep request.state and request.code_verifier
        session = app.exchange(code=code, redirect_uri=redirect_uri, code_verifier=request.code_verifier)
        session = app.session(stored_tokens)               # later, or in another process
    """

    _flow: ClassVar[OAuthFlow]
    """The spec's flow; the generated ``oauth.OAuthApp`` sets it."""
    _session_class: ClassVar[type[TokenSession]]
    """The generated ``oauth.TokenSession``."""
    _ENVS: ClassVar[tuple[str, str]] = ("OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET")
    """The environment variables ``from_env()`` reads the client ID and secret from."""

    client: BaseClient = field(repr=False)
    client_id: str
    client_secret: str = field(repr=redact)
    client_auth: ClientAuth = field(
        default="client_secret_post", kw_only=True, validator=lambda _app, _field, value: _check_client_auth(value)
    )

    @property
    def _sessions(self) -> type[_S]:
        """The generated ``oauth.TokenSession``, as the type the generated ``oauth.OAuthApp`` names."""
        return cast("type[_S]", self._session_class)

    def __attrs_post_init__(self) -> None:
        _check_text("client_id", self.client_id)
        _check_text("client_secret", self.client_secret)

    @classmethod
    def from_env(cls, client: BaseClient | None = None, *, client_auth: ClientAuth = "client_secret_post") -> Self:
        """The application whose ID and secret are in the environment (both, or ``CredentialsError`` names the one
        missing); ``client`` talks to the authorization server (by default one whose base URLs come from the
        environment, as ``Client.from_env()`` reads them)."""
        found = cls.credentials_from_env()
        if found is None:
            raise CredentialsError(f"environment variables {cls._ENVS[0]} and {cls._ENVS[1]} are not set")
        return cls(client or cls._flow.client.from_env(), *found, client_auth=client_auth)

    @classmethod
    def credentials_from_env(cls) -> tuple[str, str] | None:
        """(client ID, client secret) from the environment, or None when neither is set; one without the other is
        a ``CredentialsError`` naming the missing variable."""
        found = env_group({"client_id": cls._ENVS[0], "client_secret": cls._ENVS[1]})
        return None if found is None else (str(found["client_id"]), str(found["client_secret"]))

    def authorize_url(
        self,
        redirect_uri: str,
        *,
        scope: str | Sequence[str] | None = None,
        state: str | None = None,
        pkce: bool = True,
    ) -> AuthorizationRequest:
        """The URL that asks the user to connect their account to this application (see ``authorize_url``)."""
        return authorize_url(
            self._flow, self.client_id, redirect_uri, scope=scope, state=state, pkce=pkce, client=self.client
        )

    def exchange(
        self,
        *,
        code: str,
        redirect_uri: str,
        code_verifier: str | None = None,
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        store: TokenStore | None = None,
        key: str | None = None,
        lease: float = DEFAULT_LEASE,
    ) -> _S:
        """Exchange the callback's code for tokens and start a session with them (see ``TokenSession.exchange``)."""
        return self._sessions.exchange(
            self.client, self.client_id, self.client_secret, code=code, redirect_uri=redirect_uri,
            code_verifier=code_verifier, client_auth=self.client_auth, on_refresh=on_refresh,
            refresh_margin=refresh_margin, store=store, key=key, lease=lease,
        )  # fmt: skip

    async def aexchange(
        self,
        *,
        code: str,
        redirect_uri: str,
        code_verifier: str | None = None,
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        store: TokenStore | None = None,
        key: str | None = None,
        lease: float = DEFAULT_LEASE,
    ) -> _S:
        """The async twin of ``exchange``."""
        return await self._sessions.aexchange(
            self.client, self.client_id, self.client_secret, code=code, redirect_uri=redirect_uri,
            code_verifier=code_verifier, client_auth=self.client_auth, on_refresh=on_refresh,
            refresh_margin=refresh_margin, store=store, key=key, lease=lease,
        )  # fmt: skip

    def session(
        self,
        tokens: Tokens | None = None,
        *,
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        store: TokenStore | None = None,
        key: str | None = None,
        lease: float = DEFAULT_LEASE,
    ) -> _S:
        """A session on tokens stored earlier (after a restart, or in another process): ``tokens`` you kept, or with
        ``store`` and ``key`` those in the store, shared with every process of that key (``TokenSession.from_store``).
        """
        if tokens is not None and store is not None:
            raise ArgumentError(
                "pass the tokens to resume or a store and key, not both (to put tokens you kept into a store: "
                "store.write(key, tokens, None), then session(store=store, key=key))"
            )
        _check_store(store, key)
        if store is not None and key is not None:
            return self._sessions.from_store(
                self.client, self.client_id, self.client_secret, store=store, key=key, client_auth=self.client_auth,
                on_refresh=on_refresh, refresh_margin=refresh_margin, lease=lease,
            )  # fmt: skip
        if tokens is None:
            raise ArgumentError("pass the tokens to resume, or a store and the key of the connection in it")
        return self._sessions(
            self.client, self.client_id, self.client_secret, tokens, on_refresh, refresh_margin,
            client_auth=self.client_auth,
        )  # fmt: skip

    async def asession(
        self,
        *,
        store: TokenStore,
        key: str,
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        lease: float = DEFAULT_LEASE,
    ) -> _S:
        """The async twin of ``session(store=..., key=...)``: the store is read in a worker thread."""
        return await self._sessions.afrom_store(
            self.client, self.client_id, self.client_secret, store=store, key=key, client_auth=self.client_auth,
            on_refresh=on_refresh, refresh_margin=refresh_margin, lease=lease,
        )  # fmt: skip


@define(frozen=True)
class Revocation:
    """What ``TokenSession.revoke()`` did with each token: None when the server confirmed it revoked (or the session
    held no such token), else the error that revoking it raised."""

    refresh_token: Exception | None = None
    access_token: Exception | None = None

    @property
    def complete(self) -> bool:
        """Whether the server confirmed every token the session held revoked."""
        return self.refresh_token is None and self.access_token is None


def _revocation(tokens: Tokens, failures: dict[str, Exception]) -> Revocation:
    """The outcome of revoking ``tokens``; raises the failure that may leave the grant alive (see ``revoke``)."""
    outcome = Revocation(refresh_token=failures.get("refresh_token"), access_token=failures.get("access_token"))
    if tokens.refresh_token and outcome.refresh_token is not None:
        error = outcome.refresh_token
        if outcome.access_token is not None:
            error.add_note(f"revoking the access token failed too ({type(outcome.access_token).__name__})")
        else:
            error.add_note("the access token was revoked")
        raise error
    if not tokens.refresh_token and outcome.access_token is not None:
        raise outcome.access_token
    if outcome.access_token is not None:
        _log.warning(
            "token session: the refresh token was revoked, but revoking the access token failed (%s)",
            type(outcome.access_token).__name__,
        )
    return outcome


class _SessionAuth(httpx.Auth):
    # Read before the first attempt, so that the request can be sent again after a 401.
    requires_request_body = True

    def __init__(self, session: TokenSession) -> None:
        self._session = session

    def __repr__(self) -> str:
        return "<TokenSession auth>"

    def _may_refresh(self, response: httpx.Response, sent: str) -> bool:
        """Whether ``response`` refuses ``sent`` in a way a refresh may cure."""
        if response.status_code != 401:
            return False
        if self._session._refused_after_refresh == sent:
            return False  # refused right after the refresh that made it: another would not help
        _log.debug("token session: the API answered 401; refreshing the access token and sending again")
        return True

    def _after_resend(self, response: httpx.Response, token: str) -> None:
        if response.status_code == 401:
            self._session._refused_after_refresh = hidden(token)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        sent = hidden(self._session.access_token())  # what a traceback's locals show: redacted
        request.headers["Authorization"] = f"Bearer {sent}"
        response = yield request
        if self._may_refresh(response, sent):
            token = hidden(self._session._refresh(force=True, refused=sent).access_token)
            request.headers["Authorization"] = f"Bearer {token}"
            self._after_resend((yield request), token)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        sent = hidden(await self._session.aaccess_token())
        request.headers["Authorization"] = f"Bearer {sent}"
        response = yield request
        if self._may_refresh(response, sent):
            token = hidden((await self._session._arefresh(force=True, refused=sent)).access_token)
            request.headers["Authorization"] = f"Bearer {token}"
            self._after_resend((yield request), token)


__all__ = [
    "CLIENT_AUTH_METHODS",
    "CODE_VERIFIER_BYTES",
    "DEFAULT_REFRESH_MARGIN",
    "STATE_BYTES",
    "AuthorizationRequest",
    "ClientAuth",
    "OnRefresh",
    "Revocation",
    "TokenResponse",
    "Tokens",
    "check_state",
    "code_challenge",
    "read_callback",
]
