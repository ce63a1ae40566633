# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Clients: connection settings, credentials and the transport policy shared by every API call.

Transport policy lives here and nowhere else: default timeouts, when a request may be retried and
how long to wait, redirects (never followed to another origin), the User-Agent, the per-attempt log
line, and turning httpx's network errors into the package's own.
"""

import datetime
import logging
import os
import random
import ssl
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Self

import httpx
from attrs import define, evolve, field

from .errors import APIConnectionError, APITimeoutError, CredentialsError
from .types import redact

if TYPE_CHECKING:
    import asyncio

DEFAULT_BASE_URL = "https://api.planetscale.com/v1"
"""PlanetScale API: the default ``base_url`` (a server in ``openapi.yaml``)."""
DEFAULT_OAUTH_BASE_URL = "https://auth.planetscale.com"
"""PlanetScale OAuth server: the default ``oauth_base_url`` (a server in ``openapi.yaml``)."""
DEFAULT_SERVERS = {
    "api": DEFAULT_BASE_URL,
    "oauth": DEFAULT_OAUTH_BASE_URL,
}
"""The base URL of each server the operations live on, by the server's name in ``openapi.yaml``."""

SERVICE_TOKEN_ID_ENV = "PLANETSCALE_SERVICE_TOKEN_ID"
SERVICE_TOKEN_ENV = "PLANETSCALE_SERVICE_TOKEN"
BASE_URL_ENV = "PLANETSCALE_BASE_URL"
OAUTH_BASE_URL_ENV = "PLANETSCALE_OAUTH_BASE_URL"
_BASE_URL_ENVS = {
    "base_url": BASE_URL_ENV,
    "oauth_base_url": OAUTH_BASE_URL_ENV,
}

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=10.0)
"""Seconds to connect, to wait for each read and write, and to wait for a pooled connection."""

DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
"""The connection pool of each client: at most 100 connections, all of which may stay open between calls.

httpx's default keeps only 20 idle: under a burst of concurrent calls it then closes connections as
requests finish and opens new ones for the queue, one TCP (and TLS) handshake per request."""

USER_AGENT = (
    f"planetscale-oauth/0.2.0 python/{sys.version_info.major}.{sys.version_info.minor} httpx/{httpx.__version__}"
)

_log = logging.getLogger("planetscale_oauth")


@define(frozen=True)
class RetryRule:
    """What may be retried for one kind of operation: error statuses, and failures before an answer."""

    statuses: frozenset[int]
    failures: tuple[type[httpx.TransportError], ...]


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
        if value.isdigit():
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


def _transport_error(exc: httpx.TransportError, method: str, route: str, attempts: int) -> APIConnectionError:
    tried = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{method} {route} timed out ({type(exc).__name__}) {tried}")
    return APIConnectionError(f"{method} {route} failed ({type(exc).__name__}: {exc}) {tried}")


def _require_text(name: str, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise CredentialsError(f"{name} must be a non-empty string")


def _names(mapping: dict[str, Any]) -> str:
    return repr(sorted(mapping))


def _base_urls_from_env(kwargs: dict[str, Any]) -> dict[str, Any]:
    """``kwargs`` plus each base URL set in the environment and not given explicitly."""
    found = {argument: os.environ[env] for argument, env in _BASE_URL_ENVS.items() if os.environ.get(env)}
    return {**found, **{key: value for key, value in kwargs.items() if value is not None}}


@define
class Client:
    """Connection settings and transport policy, shared by every call made with this client.

    Keyword arguments:
        ``base_url``: The base URL of the PlanetScale API; defaults to
        ``https://api.planetscale.com/v1``.

        ``oauth_base_url``: The base URL of the PlanetScale OAuth server; defaults to
        ``https://auth.planetscale.com``.


        ``cookies``: Cookies to send with every request, to every server.

        ``headers``: Headers to send with every request, to every server (put no credential here: the
        client's own credential goes only to the API operations that need it).

        ``timeout``: An ``httpx.Timeout`` for every request; ``DEFAULT_TIMEOUT`` (connect 5 s,
        read 30 s, write 30 s, pool 10 s) when not given. API functions also take ``timeout=``.

        ``retry``: A ``RetryPolicy``; at most 2 retries by default. ``max_retries=`` on an API
        function overrides the count for one call; ``RetryPolicy(max_retries=0)`` turns retries off.

        ``verify_ssl``: Whether to verify the server's TLS certificate, or the CA bundle / SSL context to use.

        ``follow_redirects``: Follow redirects to the same origin (scheme, host and port) as
        ``base_url``. Off by default. A redirect elsewhere is never followed: it raises
        ``errors.RedirectError``, so no credential leaves for another host.

        ``httpx_args``: More arguments for the ``httpx.Client`` and ``httpx.AsyncClient`` constructors.

        ``raise_on_unexpected_status``: Make the ``*_detailed`` functions raise
        ``errors.UnexpectedStatus`` for a status the API does not document. (The plain functions
        always raise a ``PlanetScaleError`` for an error status.)
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(default=DEFAULT_BASE_URL, alias="base_url")
    _oauth_base_url: str = field(default=DEFAULT_OAUTH_BASE_URL, kw_only=True, alias="oauth_base_url")
    # Headers, cookies and httpx arguments can carry credentials: repr() shows only their names.
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=_names)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=_names)
    _timeout: httpx.Timeout = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=_names)
    retry: RetryPolicy = field(factory=RetryPolicy, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    _async_gate: "asyncio.Semaphore | None" = field(default=None, init=False, repr=False)

    def _auth_headers(self) -> dict[str, str]:
        """Headers that carry credentials; kept out of ``headers`` so they never show in a repr."""
        return {}

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """A client without credentials whose base URLs come from the environment when set there.

        ``base_url``: the argument if given, else ``PLANETSCALE_BASE_URL``, else ``https://api.planetscale.com/v1``.
        ``oauth_base_url``: the argument if given, else ``PLANETSCALE_OAUTH_BASE_URL``, else ``https://auth.planetscale.com``.
        Other keyword arguments are those of ``Client``.
        """
        return cls(**_base_urls_from_env(kwargs))

    def base_url_for(self, server: str) -> str:
        """The base URL of a server named in ``openapi.yaml`` (``api``, ``oauth``)."""
        bases = {
            "api": self._base_url,
            "oauth": self._oauth_base_url,
        }
        return bases[server].rstrip("/")

    def credentials(self) -> tuple[str, ...]:
        """The secret values this client sends, so errors can blank them out wherever they are echoed."""
        return ()

    def _httpx_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            # No base_url: each request names its server's URL in full.
            "cookies": self._cookies,
            "headers": {"User-Agent": USER_AGENT, **self._headers},
            "verify": self._verify_ssl,
            "timeout": self._timeout,
            "limits": DEFAULT_LIMITS,
            # Redirects are decided per response in request(); httpx never follows them itself.
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
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying ``httpx.Client`` (one connection pool), built on first use."""
        if self._client is None:
            self._client = httpx.Client(**self._httpx_kwargs())
        return self._client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this ``httpx.AsyncClient``; it then owns headers and timeouts (its headers go to every server).

        Base URLs and the credential still come from this client, per request."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying ``httpx.AsyncClient`` (one connection pool), built on first use."""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._httpx_kwargs())
        return self._async_client

    def _plan(
        self,
        method: str,
        url: str,
        route: str | None,
        server: str,
        authenticated: bool,
        retry_rule: str | None,
        timeout: httpx.Timeout | float | None,
        max_retries: int | None,
        kwargs: dict[str, Any],
    ) -> tuple[str, str, str, RetryRule, int]:
        """What request() and arequest() share before the first attempt.

        Returns the method, the full URL, the log route, the retry rule and the retry count; sets the
        timeout and, for an authenticated operation on the API server, the credential in ``kwargs``.
        """
        method = method.upper()
        if timeout is not None:
            kwargs["timeout"] = timeout
        # The credential is for the API server only: never sent to another server, nor to an
        # operation that does not ask for it.
        if authenticated and server == "api":
            kwargs["headers"] = {**self._auth_headers(), **(kwargs.get("headers") or {})}
        rule = RETRY_RULES[retry_rule or ("idempotent" if method in IDEMPOTENT_METHODS else "unsafe")]
        retries = self.retry.max_retries if max_retries is None else max_retries
        return method, self.base_url_for(server) + url, route or url, rule, retries

    def _retry_delay(
        self, rule: RetryRule, retries: int, attempt: int, response: httpx.Response | None, failure: Exception | None
    ) -> float | None:
        """Seconds to wait before another attempt, or None to stop here."""
        if attempt > retries:
            return None
        if failure is not None:
            return self.retry.delay(attempt, None) if isinstance(failure, rule.failures) else None
        assert response is not None
        return self.retry.delay(attempt, response) if response.status_code in rule.statuses else None

    def _redirect_to_follow(self, response: httpx.Response, base_url: str) -> httpx.Request | None:
        """The next request of a redirect, when it may be followed: asked for, and to the same origin."""
        target = response.next_request
        if not self._follow_redirects or target is None:
            return None
        base = httpx.URL(base_url)
        same_origin = (target.url.scheme, target.url.host, target.url.port) == (base.scheme, base.host, base.port)
        return target if same_origin else None

    def _log_attempt(
        self, method: str, route: str, attempt: int, started: float, outcome: str, wait: float | None
    ) -> None:
        # Method, path template and outcome only: URLs, headers and bodies can carry credentials.
        if _log.isEnabledFor(logging.DEBUG):
            then = f", retrying in {wait:.2f} s" if wait is not None else ""
            elapsed = (time.perf_counter() - started) * 1000
            _log.debug("%s %s attempt %d -> %s in %.1f ms%s", method, route, attempt, outcome, elapsed, then)

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
        method, full_url, route, rule, retries = self._plan(
            method, url, route, server, authenticated, retry_rule, timeout, max_retries, kwargs
        )
        client = self.get_httpx_client()
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                response = client.request(method, full_url, follow_redirects=False, **kwargs)
                while (follow := self._redirect_to_follow(response, full_url)) is not None:
                    response.close()
                    response = client.send(follow)
            except httpx.TransportError as exc:
                wait = self._retry_delay(rule, retries, attempt, None, exc)
                self._log_attempt(method, route, attempt, started, type(exc).__name__, wait)
                if wait is None:
                    raise _transport_error(exc, method, route, attempt) from exc
                self.retry.sleep(wait)
                continue
            wait = self._retry_delay(rule, retries, attempt, response, None)
            self._log_attempt(method, route, attempt, started, str(response.status_code), wait)
            if wait is None:
                return response
            response.close()
            self.retry.sleep(wait)

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
        method, full_url, route, rule, retries = self._plan(
            method, url, route, server, authenticated, retry_rule, timeout, max_retries, kwargs
        )
        client = self.get_async_httpx_client()
        gate = self._async_gate
        if gate is None:
            # At most as many requests in flight as the pool has connections: the rest wait here, in
            # O(1), instead of in httpcore's queue, which it rescans on every release (quadratic time
            # under a burst of concurrent calls).
            import asyncio

            gate = self._async_gate = asyncio.Semaphore(DEFAULT_LIMITS.max_connections or 100)
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                async with gate:
                    response = await client.request(method, full_url, follow_redirects=False, **kwargs)
                    while (follow := self._redirect_to_follow(response, full_url)) is not None:
                        await response.aclose()
                        response = await client.send(follow)
            except httpx.TransportError as exc:
                wait = self._retry_delay(rule, retries, attempt, None, exc)
                self._log_attempt(method, route, attempt, started, type(exc).__name__, wait)
                if wait is None:
                    raise _transport_error(exc, method, route, attempt) from exc
                await self.retry.async_sleep(wait)
                continue
            wait = self._retry_delay(rule, retries, attempt, response, None)
            self._log_attempt(method, route, attempt, started, str(response.status_code), wait)
            if wait is None:
                return response
            await response.aclose()
            await self.retry.async_sleep(wait)

    def close(self) -> None:
        """Close the sync connection pool, if one was opened."""
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        """Close the async connection pool, if one was opened."""
        if self._async_client is not None:
            await self._async_client.aclose()

    def __enter__(self) -> Self:
        """Enter the underlying ``httpx.Client``; it is closed on exit."""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        self.get_httpx_client().__exit__(*args, **kwargs)

    async def __aenter__(self) -> Self:
        """Enter the underlying ``httpx.AsyncClient``; it is closed on exit."""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient(Client):
    """A client that sends a credential with every request.

    For a PlanetScale service token use ``AuthenticatedClient.from_service_token(token_id, token)``
    or ``AuthenticatedClient.from_env()``. The constructor takes the same keyword arguments as
    ``Client`` plus:

        ``token``: The credential, sent as ``Authorization: <prefix> <token>``.

        ``prefix``: The scheme word before the token (``"Bearer"``); ``""`` sends the token alone.

        ``auth_header_name``: The header that carries the credential (``"Authorization"``).
    """

    token: str = field(kw_only=True, repr=redact)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    def __attrs_post_init__(self) -> None:
        _require_text("token", self.token)

    @classmethod
    def from_service_token(cls, token_id: str, token: str, *, base_url: str = DEFAULT_BASE_URL, **kwargs: Any) -> Self:
        """A client that authenticates with a PlanetScale service token.

        Sends ``Authorization: <token_id>:<token>``. Other keyword arguments are those of ``Client``.
        """
        _require_text("token_id", token_id)
        _require_text("token", token)
        if ":" in token_id:
            raise CredentialsError("token_id must not contain ':' (pass the ID and the token separately)")
        return cls(base_url=base_url, token=f"{token_id}:{token}", prefix="", **kwargs)

    @classmethod
    def from_access_token(cls, access_token: str, *, base_url: str = DEFAULT_BASE_URL, **kwargs: Any) -> Self:
        """A client that authenticates with an OAuth access token: ``Authorization: Bearer <token>``."""
        _require_text("access_token", access_token)
        return cls(base_url=base_url, token=access_token, prefix="Bearer", **kwargs)

    @classmethod
    def from_env(cls, **kwargs: Any) -> Self:
        """A service-token client from ``PLANETSCALE_SERVICE_TOKEN_ID`` and ``PLANETSCALE_SERVICE_TOKEN``.

        The base URL is ``base_url`` if given, else ``PLANETSCALE_BASE_URL`` if set, else the API's;
        likewise ``oauth_base_url`` and ``PLANETSCALE_OAUTH_BASE_URL``.
        Other keyword arguments are those of ``Client``.
        """
        kwargs = _base_urls_from_env(kwargs)
        values: dict[str, str] = {}
        for name in (SERVICE_TOKEN_ID_ENV, SERVICE_TOKEN_ENV):
            value = os.environ.get(name, "")
            if not value.strip():
                raise CredentialsError(f"environment variable {name} is not set or is empty")
            values[name] = value
        return cls.from_service_token(values[SERVICE_TOKEN_ID_ENV], values[SERVICE_TOKEN_ENV], **kwargs)

    def _auth_headers(self) -> dict[str, str]:
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        return {self.auth_header_name: value}

    def credentials(self) -> tuple[str, ...]:
        # A service token "<id>:<token>" is secret as a whole and in its token part.
        _, _, token_part = self.token.partition(":")
        return (self.token, token_part) if token_part else (self.token,)
