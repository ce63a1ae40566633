# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Clients: connection settings, credentials and the transport policy shared by every API call.

The policy itself (``BaseClient``) is in ``_base_client``; this module binds it to the servers of the spec.
"""

import sys
from typing import ClassVar, Self, Unpack

import httpx
from attrs import define, field

from . import _base_client
from ._base_client import *  # noqa: F403 - the transport policy: RetryPolicy, RETRY_RULES, DEFAULT_TIMEOUT, ...
from ._base_client import BaseClient, ClientOptions, TokenAuth
from ._redaction import hidden
from .types import redact

DEFAULT_BASE_URL = "https://api.planetscale.com/v1"
"""PlanetScale API: the default ``base_url`` (a server in the spec)."""
BASE_URL_ENV = "PLANETSCALE_BASE_URL"
DEFAULT_OAUTH_BASE_URL = "https://auth.planetscale.com"
"""PlanetScale OAuth server: the default ``oauth_base_url`` (a server in the spec)."""
OAUTH_BASE_URL_ENV = "PLANETSCALE_OAUTH_BASE_URL"
SERVICE_TOKEN_ID_ENV = "PLANETSCALE_SERVICE_TOKEN_ID"
SERVICE_TOKEN_ENV = "PLANETSCALE_SERVICE_TOKEN"
DEFAULT_SERVERS = {
    "api": DEFAULT_BASE_URL,
    "oauth": DEFAULT_OAUTH_BASE_URL,
}
"""The base URL of each server the operations live on, by the server's name in the spec."""

LOG_ENV = "PLANETSCALE_LOG"
"""Set to ``debug`` or ``info`` to see the package's log (and httpx's) on stderr without configuring ``logging``."""
_base_client.log_from_env(LOG_ENV)

USER_AGENT = (
    f"planetscale-oauth/0.3.0 python/{sys.version_info.major}.{sys.version_info.minor} httpx/{httpx.__version__}"
)


class Options(ClientOptions, total=False):
    """The keyword arguments of ``Client`` and ``AuthenticatedClient`` and of their ``from_env()``: the base URLs and
    the settings of ``BaseClient``, spelt out for type checkers."""

    base_url: str

    oauth_base_url: str


class ConstructorOptions(ClientOptions, total=False):
    """The keyword arguments of the named constructors, besides the ``base_url`` they name: those of ``Options``."""

    oauth_base_url: str


@define
class Client(BaseClient):
    """Connection settings and transport policy, shared by every call made with this client.

    Keyword arguments, besides those of ``BaseClient`` (below):

        ``base_url``: The base URL of the PlanetScale API; defaults to
        ``https://api.planetscale.com/v1``, or ``PLANETSCALE_BASE_URL`` with ``from_env()``.

        ``oauth_base_url``: The base URL of the PlanetScale OAuth server; defaults to
        ``https://auth.planetscale.com``, or ``PLANETSCALE_OAUTH_BASE_URL`` with ``from_env()``.
    """

    _SERVER_FIELDS: ClassVar = {
        "api": "_base_url",
        "oauth": "_oauth_base_url",
    }
    _BASE_URL_ENVS: ClassVar = {
        "base_url": BASE_URL_ENV,
        "oauth_base_url": OAUTH_BASE_URL_ENV,
    }
    _USER_AGENT: ClassVar = USER_AGENT

    # Narrower than BaseClient's on purpose: only the arguments this spec's clients take pass a type checker.
    @classmethod
    def from_env(cls, **kwargs: Unpack[Options]) -> Self:  # type: ignore[override]
        """A client without credentials whose base URLs come from the environment when set there (all of them, or
        none: a half-set environment is refused). Each base URL is the argument if given, else its environment
        variable, else the spec's."""
        return super().from_env(**kwargs)

    _base_url: str = field(default=DEFAULT_BASE_URL, alias="base_url")
    _oauth_base_url: str = field(default=DEFAULT_OAUTH_BASE_URL, kw_only=True, alias="oauth_base_url")


@define
class AuthenticatedClient(TokenAuth, Client):
    """A client that sends a credential with every request to the API that asks for one.

    The credential is the spec's ``ServiceToken`` security scheme, sent
    as ``Authorization: <token>``.
    Build it with ``AuthenticatedClient.from_service_token(token_id, token)``
    or ``AuthenticatedClient.from_env()``, which reads
    ``PLANETSCALE_SERVICE_TOKEN_ID`` and ``PLANETSCALE_SERVICE_TOKEN``.
    The constructor takes the same keyword arguments as ``Client`` plus:

        ``token``: The credential as sent.

        ``prefix``: The scheme word before the token in a header (``""``); ``""`` sends the token alone.

        ``auth_header_name``: The header that carries the credential (``"Authorization"``).
    """

    _CREDENTIAL_FORMAT: ClassVar = "{token_id}:{token}"
    _CREDENTIAL_ENVS: ClassVar = {
        "token_id": SERVICE_TOKEN_ID_ENV,
        "token": SERVICE_TOKEN_ENV,
    }

    token: str = field(kw_only=True, repr=redact)
    prefix: str = field(default="", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    @classmethod
    def from_env(cls, **kwargs: Unpack[Options]) -> Self:  # type: ignore[override]
        """A client whose credential comes from the environment (the variables are in the class docstring), and its
        base URLs as ``Client.from_env()`` reads them."""
        return super().from_env(**kwargs)

    @classmethod
    def from_service_token(
        cls, token_id: str, token: str, *, base_url: str | None = DEFAULT_BASE_URL, **kwargs: Unpack[ConstructorOptions]
    ) -> Self:
        """A client that sends ``{token_id}:{token}``, the ``ServiceToken`` scheme.

        Other keyword arguments are those of ``Client``.
        """
        # Held as Secrets from here on: what a traceback's locals show of them is redacted.
        token_id, token = hidden(token_id), hidden(token)
        parts = {"token_id": token_id, "token": token}
        return cls._from_parts(parts, {**kwargs, "base_url": base_url})


__all__ = [
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_OAUTH_BASE_URL",
    "DEFAULT_SERVERS",
    "LOG_ENV",
    "OAUTH_BASE_URL_ENV",
    "SERVICE_TOKEN_ENV",
    "SERVICE_TOKEN_ID_ENV",
    "USER_AGENT",
    "AuthenticatedClient",
    "Client",
    "ConstructorOptions",
    "Options",
]
__all__ += _base_client.__all__
