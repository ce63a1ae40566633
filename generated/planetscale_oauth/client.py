# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Clients: connection settings and credentials shared by every API call."""

import logging
import os
import ssl
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from .errors import CredentialsError
from .types import redact

DEFAULT_BASE_URL = "https://api.planetscale.com/v1"
"""The API's base URL, the server in ``openapi.yaml``."""

SERVICE_TOKEN_ID_ENV = "PLANETSCALE_SERVICE_TOKEN_ID"
SERVICE_TOKEN_ENV = "PLANETSCALE_SERVICE_TOKEN"
BASE_URL_ENV = "PLANETSCALE_BASE_URL"


_log = logging.getLogger("planetscale_oauth")


def _log_response(response: httpx.Response) -> None:
    # Method, path and status only: headers and bodies can carry credentials.
    if _log.isEnabledFor(logging.DEBUG):
        request = response.request
        _log.debug(
            "%s %s -> %d (%d bytes)", request.method, request.url.path, response.status_code, len(response.content)
        )


def _require_text(name: str, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise CredentialsError(f"{name} must be a non-empty string")


def _names(mapping: dict[str, Any]) -> str:
    return repr(sorted(mapping))


@define
class Client:
    """Connection settings for the API, shared by every call made with this client.

    Keyword arguments:
        ``base_url``: The API's base URL; defaults to ``https://api.planetscale.com/v1``.

        ``cookies``: Cookies to send with every request.

        ``headers``: Headers to send with every request.

        ``timeout``: An ``httpx.Timeout`` for every request; httpx's default when not given.

        ``verify_ssl``: Whether to verify the server's TLS certificate, or the CA bundle / SSL context to use.

        ``follow_redirects``: Whether to follow redirects. Off by default.

        ``httpx_args``: More arguments for the ``httpx.Client`` and ``httpx.AsyncClient`` constructors.

        ``raise_on_unexpected_status``: Make the ``*_detailed`` functions raise
        ``errors.UnexpectedStatus`` for a status the API does not document. (The plain functions
        always raise a ``PlanetScaleError`` for an error status.)
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(default=DEFAULT_BASE_URL, alias="base_url")
    # Headers, cookies and httpx arguments can carry credentials: repr() shows only their names.
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=_names)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=_names)
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=_names)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

    def _auth_headers(self) -> dict[str, str]:
        """Headers that carry credentials; kept out of ``headers`` so they never show in a repr."""
        return {}

    def credentials(self) -> tuple[str, ...]:
        """The secret values this client sends, so errors can blank them out wherever they are echoed."""
        return ()

    def _httpx_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": {**self._headers, **self._auth_headers()},
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
        }
        if self._timeout is not None:
            kwargs["timeout"] = self._timeout
        return {**kwargs, **self._httpx_args}

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers."""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one with additional cookies."""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """Get a new client matching this one with a new timeout configuration."""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use this ``httpx.Client``; it then owns base URL, headers (credentials included) and timeouts."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying ``httpx.Client``, built on first use."""
        if self._client is None:
            self._client = httpx.Client(**self._httpx_kwargs())
        return self._client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this ``httpx.AsyncClient``; it then owns base URL, headers (credentials included) and timeouts."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying ``httpx.AsyncClient``, built on first use."""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._httpx_kwargs())
        return self._async_client

    def request(self, **kwargs: Any) -> httpx.Response:
        """Send one request (``httpx.Client.request`` arguments) under this client's transport policy."""
        response = self.get_httpx_client().request(**kwargs)
        _log_response(response)
        return response

    async def arequest(self, **kwargs: Any) -> httpx.Response:
        """Send one request (``httpx.AsyncClient.request`` arguments) under this client's transport policy."""
        response = await self.get_async_httpx_client().request(**kwargs)
        _log_response(response)
        return response

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
    def from_env(cls, *, base_url: str | None = None, **kwargs: Any) -> Self:
        """A service-token client from ``PLANETSCALE_SERVICE_TOKEN_ID`` and ``PLANETSCALE_SERVICE_TOKEN``.

        The base URL is ``base_url`` if given, else ``PLANETSCALE_BASE_URL`` if set, else the API's.
        Other keyword arguments are those of ``Client``.
        """
        if base_url is None:
            base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        values: dict[str, str] = {}
        for name in (SERVICE_TOKEN_ID_ENV, SERVICE_TOKEN_ENV):
            value = os.environ.get(name, "")
            if not value.strip():
                raise CredentialsError(f"environment variable {name} is not set or is empty")
            values[name] = value
        return cls.from_service_token(
            values[SERVICE_TOKEN_ID_ENV], values[SERVICE_TOKEN_ENV], base_url=base_url, **kwargs
        )

    def _auth_headers(self) -> dict[str, str]:
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        return {self.auth_header_name: value}

    def credentials(self) -> tuple[str, ...]:
        # A service token "<id>:<token>" is secret as a whole and in its token part.
        _, _, token_part = self.token.partition(":")
        return (self.token, token_part) if token_part else (self.token,)
