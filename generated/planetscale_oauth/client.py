# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Clients: connection settings, credentials and the transport policy shared by every API call.

The policy itself (``BaseClient``) is in ``_base_client``; this module binds it to the servers of the spec.
"""

import sys
from typing import ClassVar

import httpx
from attrs import define, field

from . import _base_client
from ._base_client import *  # noqa: F403 - the transport policy: RetryPolicy, RETRY_RULES, DEFAULT_TIMEOUT, ...
from ._base_client import BaseClient, TokenAuth
from .types import redact

DEFAULT_BASE_URL = "https://api.planetscale.com/v1"
"""PlanetScale API: the default ``base_url`` (a server in ``openapi.yaml``)."""
BASE_URL_ENV = "PLANETSCALE_BASE_URL"
DEFAULT_OAUTH_BASE_URL = "https://auth.planetscale.com"
"""PlanetScale OAuth server: the default ``oauth_base_url`` (a server in ``openapi.yaml``)."""
OAUTH_BASE_URL_ENV = "PLANETSCALE_OAUTH_BASE_URL"
DEFAULT_SERVERS = {
    "api": DEFAULT_BASE_URL,
    "oauth": DEFAULT_OAUTH_BASE_URL,
}
"""The base URL of each server the operations live on, by the server's name in ``openapi.yaml``."""

USER_AGENT = (
    f"planetscale-oauth/0.2.1 python/{sys.version_info.major}.{sys.version_info.minor} httpx/{httpx.__version__}"
)


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

    _base_url: str = field(default=DEFAULT_BASE_URL, alias="base_url")
    _oauth_base_url: str = field(default=DEFAULT_OAUTH_BASE_URL, kw_only=True, alias="oauth_base_url")


@define
class AuthenticatedClient(TokenAuth, Client):
    """A client that sends a credential with every request to the API.

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


__all__ = [
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_OAUTH_BASE_URL",
    "DEFAULT_SERVERS",
    "OAUTH_BASE_URL_ENV",
    "USER_AGENT",
    "AuthenticatedClient",
    "Client",
]
__all__ += _base_client.__all__
