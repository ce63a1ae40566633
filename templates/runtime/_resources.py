"""The one client object: what its generated classes (``resources.py``) share, the same for every spec.

A client object wraps one ``Client`` or ``AuthenticatedClient`` and has one resource a tag of the spec, whose
methods call the operation modules with that client. This module builds the wrapped client from the arguments
or the environment, and gives the client object and its resources their lifecycle and reprs; the generated
module declares only what the spec decides (the tags, the operations and their signatures).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, Protocol, Self, TypeVar

from ._base_client import BaseClient, TokenAuth, env_group, names
from ._exceptions import CredentialsError
from ._redaction import hidden

_C = TypeVar("_C", bound=BaseClient)
_T = TypeVar("_T", bound=TokenAuth)


def credential_parts(given: Mapping[str, str | None], envs: Mapping[str, str]) -> dict[str, str]:
    """The parts of the credential: all from the arguments (``given``), else all from the environment (``envs``:
    part -> variable, those ``AuthenticatedClient.from_env()`` reads).

    All or nothing: a credential put together from two sources (an ID from one account, a secret left over in the
    environment from another) is never what was meant, so some parts without the others raise ``CredentialsError``
    naming what is missing, and so does a credential found nowhere.
    """
    passed = [part for part, value in given.items() if value is not None]
    if passed:
        missing = [part for part, value in given.items() if value is None]
        if missing:
            raise CredentialsError(
                f"{names(passed)} given without {names(missing)}: pass every part of the credential, "
                f"or none to read them from {names(list(envs.values()))}"
            )
        return {part: hidden(value) for part, value in given.items()}
    found = env_group(envs)
    if found is None:
        raise CredentialsError(f"no credential: pass {names(list(given))}, or set {names(list(envs.values()))}")
    return found


def _refuse_settings(settings: Mapping[str, Any]) -> None:
    given = sorted(name for name, value in settings.items() if value is not None)
    if given:
        # The settings would be silently ignored: the given client already has its own.
        raise TypeError(f"pass either client= or the settings to build one ({', '.join(given)}), not both")


def authenticated_client(
    cls: type[_T],
    client: _T | None,
    parts: Mapping[str, str | None],
    base_urls: Mapping[str, str | None],
    kwargs: dict[str, Any],
    *,
    optional: bool = False,
) -> _T:
    """``client`` as it is, else a ``cls`` (``AuthenticatedClient``) built as its ``from_env()`` would be, with the
    credential's parts and base URLs given as arguments taking the place of their environment variables.

    ``optional``: the client object has something to do without the credential (an OAuth application): with no
    part of it given nor in the environment, the client holds none, and only the operations that need it refuse."""
    if client is not None:
        _refuse_settings({**parts, **base_urls, **kwargs})
        return client
    if optional and all(value is None for value in parts.values()) and env_group(cls._CREDENTIAL_ENVS) is None:
        return cls._without_credential(cls._base_urls_from_env({**base_urls, **kwargs}))
    values = credential_parts(parts, cls._CREDENTIAL_ENVS)
    # Each base URL: the argument, else its environment variable, else the spec's (the class's default).
    return cls._from_parts(values, cls._base_urls_from_env({**base_urls, **kwargs}))


def plain_client(cls: type[_C], client: _C | None, base_urls: Mapping[str, str | None], kwargs: dict[str, Any]) -> _C:
    """``client`` as it is, else a ``cls`` (``Client``, for a spec without security) from ``from_env()``."""
    if client is not None:
        _refuse_settings({**base_urls, **kwargs})
        return client
    return cls.from_env(**base_urls, **kwargs)


class _App(Protocol):
    """What the client object needs of the generated ``oauth.OAuthApp`` (this module cannot import it: a spec
    without an OAuth flow has none)."""

    def __init__(self, client: BaseClient, client_id: str, client_secret: str, *, client_auth: Any) -> None: ...

    @classmethod
    def credentials_from_env(cls) -> tuple[str, str] | None: ...


_A = TypeVar("_A", bound=_App)


def oauth_app(
    cls: type[_A], client: BaseClient, client_id: str | None, client_secret: str | None, client_auth: Any
) -> _A | None:
    """The OAuth application of the client object: from the arguments (both, or neither), else from the
    environment, else None (the client object then works without one, for the API operations)."""
    if client_id is None and client_secret is None:
        found = cls.credentials_from_env()
        return None if found is None else cls(client, *found, client_auth=client_auth)
    if client_id is None or client_secret is None:
        raise CredentialsError(
            "pass client_id and client_secret together (or neither, to read them from the environment)"
        )
    return cls(client, client_id, client_secret, client_auth=client_auth)


def app_configured(cls: type[_App], client_id: str | None, client_secret: str | None) -> bool:
    """Whether the client object gets an OAuth application: some of it given, or all of it in the environment."""
    return client_id is not None or client_secret is not None or cls.credentials_from_env() is not None


def required_app(app: _A | None, envs: tuple[str, str]) -> _A:
    if app is None:
        raise CredentialsError(
            f"no OAuth application: pass client_id and client_secret, or set {envs[0]} and {envs[1]}"
        )
    return app


class Resource(Generic[_C]):
    """The operations of one tag, each a method that calls its operation module with the client object's client."""

    __slots__ = ("_client",)

    def __init__(self, client: _C) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {type(self._client).__name__}>"


class SyncAPI(Generic[_C]):
    """The base of the generated client object: the wrapped client, ``close()`` and ``with``."""

    _client: _C

    @property
    def client(self) -> _C:
        """The client every call goes through (its settings, its connection pool, its credential)."""
        return self._client

    def close(self) -> None:
        """Close the client's connection pool, if one was opened."""
        self._client.close()

    def __enter__(self) -> Self:
        self._client.__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self._client.__exit__(*args)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client={self._client!r})"


class AsyncAPI(Generic[_C]):
    """The base of the generated async client object: the wrapped client, ``aclose()`` and ``async with``."""

    _client: _C

    @property
    def client(self) -> _C:
        """The client every call goes through (its settings, its connection pools, its credential)."""
        return self._client

    async def aclose(self) -> None:
        """Close the running event loop's connection pool, if one was opened."""
        await self._client.aclose()

    async def __aenter__(self) -> Self:
        await self._client.__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self._client.__aexit__(*args)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client={self._client!r})"


__all__ = ["AsyncAPI", "Resource", "SyncAPI"]
