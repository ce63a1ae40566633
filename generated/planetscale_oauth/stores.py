# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Token stores: the tokens of each connection shared by every process and host of an application.

    from planetscale_oauth.stores import SQLiteStore, TokenCipher
    store = SQLiteStore("tokens.db", TokenCipher.from_env())  # keys in PLANETSCALE_TOKEN_KEYS, newest first
    session = app.exchange(code=code, redirect_uri=redirect_uri, store=store, key=str(user.id))
    session = app.session(store=store, key=str(user.id))      # in any process, later

``SQLiteStore`` serves processes on one machine; ``PostgresStore`` (the ``postgres`` extra) and ``RedisStore``
(the ``redis`` extra) serve many hosts; ``MemoryStore`` one process. An application plugs in its own store by
subclassing ``TokenStore`` (four methods). PostgreSQL's and Redis's drivers are imported only when their store is.
"""

from typing import TYPE_CHECKING, ClassVar

from . import _lazy, _store
from ._store import DEFAULT_LEASE, MemoryStore, Record, SQLiteStore, StoredTokens, TokenStore

if TYPE_CHECKING:
    from ._store_postgres import PostgresStore
    from ._store_redis import RedisStore

KEYS_ENV = "PLANETSCALE_TOKEN_KEYS"
"""Where ``TokenCipher.from_env()`` reads the keys: Fernet keys separated by commas, newest first."""


class TokenCipher(_store.TokenCipher):
    __doc__ = _store.TokenCipher.__doc__
    __slots__ = ()
    _ENV: ClassVar[str] = KEYS_ENV


if not TYPE_CHECKING:  # type checkers see the imports above
    # The optional stores load with their driver, on first use: the base install needs neither.
    __getattr__, __dir__ = _lazy.exports(
        globals(),
        {"PostgresStore": ("._store_postgres", "PostgresStore"), "RedisStore": ("._store_redis", "RedisStore")},
    )


__all__ = [
    "DEFAULT_LEASE",
    "KEYS_ENV",
    "MemoryStore",
    "PostgresStore",
    "Record",
    "RedisStore",
    "SQLiteStore",
    "StoredTokens",
    "TokenCipher",
    "TokenStore",
]
