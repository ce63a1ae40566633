"""``RedisStore``: a ``TokenStore`` in Redis, shared by all the processes and hosts that reach the server.

    store = RedisStore("redis://cache.internal:6379/0", TokenCipher.from_env())
    session = app.session(store=store, key=str(user.id))

It needs redis-py (the package's ``redis`` extra), so it lives in a module of its own that the package
does not import: only applications that use it need redis-py.

A key's record is a hash ``<prefix>tokens:<key>`` (fields ``version`` and ``blob``), its lock a string
``<prefix>lock:<key>`` holding the owner, set with ``SET NX PX``: the lease is Redis's own expiry, so the hosts'
clocks need not agree. What must be atomic (a compare-and-swap of the record, extending or freeing a lock only for
its owner) is a Lua script, run whole by the server. redis-py's connection pool is shared by the threads and
reconnects by itself after the server restarted; a call that fails raises ``StoreError``.

Redis keeps the records as durably as it is configured to: with no persistence (``appendonly no`` and no
snapshots), a restart loses every record, and each connection's next refresh must then start from a new login.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit

from ._exceptions import ArgumentError, StoreError
from ._store import PACKAGE, Record, TokenCipher, TokenStore, _require_cipher

try:
    import redis
except ModuleNotFoundError as exc:  # pragma: no cover - only without the extra
    raise ModuleNotFoundError(
        "RedisStore needs redis-py: install the package's redis extra (or redis)", name=exc.name
    ) from exc

DEFAULT_PREFIX = f"{PACKAGE}:"
"""What ``RedisStore`` puts in front of its keys' names."""

_SAVE = """
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if current ~= tonumber(ARGV[2]) then
    return false
end
redis.call('HSET', KEYS[1], 'version', current + 1, 'blob', ARGV[1])
return current + 1
"""
"""Compare-and-swap: writes the blob as version ``expected + 1`` if the stored version is ``expected`` (0: none)."""

_EXTEND = """
local holder = redis.call('GET', KEYS[1])
if holder ~= false and holder ~= ARGV[1] then
    return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
"""
"""Compare-and-set: the owner that holds the lock extends it (and takes it if it went free in the meantime)."""

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
"""
"""Compare-and-delete: frees the lock only for its owner."""


def _where(url: object) -> str:
    """The server and database of a Redis URL, without its user name and password: what the repr and errors show."""
    if not isinstance(url, str):
        raise ArgumentError(f"url must be a Redis URL, not {type(url).__name__}")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ArgumentError("url is not a valid Redis URL (redis://, rediss:// or unix://)") from None
    if parts.scheme not in ("redis", "rediss", "unix"):
        raise ArgumentError("url must start with redis://, rediss:// or unix://")
    if parts.scheme == "unix":
        return f"unix://{parts.path}"
    return f"{parts.scheme}://{parts.hostname or 'localhost'}{f':{port}' if port else ''}{parts.path}"


class RedisStore(TokenStore):
    """Records in Redis, reached with ``url`` (``redis://[[user]:password@]host[:port][/db]``, ``rediss://`` for
    TLS, ``unix:///path/to/socket``); a password in it is never shown in the repr nor in an error.

    ``prefix`` begins the names of the store's keys (two applications on one database use two prefixes);
    ``socket_timeout``: seconds to wait for a connection and for each answer.
    """

    def __init__(
        self, url: str, cipher: TokenCipher, *, prefix: str = DEFAULT_PREFIX, socket_timeout: float = 5.0
    ) -> None:
        super().__init__(_require_cipher(cipher))
        self._where = _where(url)
        if not isinstance(prefix, str):
            raise ArgumentError(f"prefix must be a string, not {type(prefix).__name__}")
        if isinstance(socket_timeout, bool) or not isinstance(socket_timeout, (int, float)) or socket_timeout <= 0:
            raise ArgumentError("socket_timeout must be a positive number of seconds")
        self.prefix = prefix
        self.socket_timeout = socket_timeout
        try:
            self._client: redis.Redis = redis.Redis.from_url(
                url, socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout, decode_responses=False
            )
        except ValueError:
            # redis-py's message may quote the URL's options: it is not shown.
            raise ArgumentError("url has an option redis-py does not accept") from None
        self._save = self._client.register_script(_SAVE)
        self._extend = self._client.register_script(_EXTEND)
        self._release = self._client.register_script(_RELEASE)

    def __repr__(self) -> str:
        return f"RedisStore({self._where!r}, prefix={self.prefix!r}, cipher={self.cipher!r})"

    def _record_name(self, key: str) -> str:
        return f"{self.prefix}tokens:{key}"

    def _lock_name(self, key: str) -> str:
        return f"{self.prefix}lock:{key}"

    def _error(self, doing: str, exc: redis.RedisError) -> StoreError:
        return StoreError(f"Redis store {self._where}: could not {doing}: {type(exc).__name__}: {exc}")

    def load(self, key: str) -> Record | None:
        try:
            version, blob = self._client.hmget(self._record_name(key), ["version", "blob"])
        except redis.RedisError as exc:
            raise self._error("read", exc) from exc
        if blob is None:
            return None
        try:
            return Record(int(version or b""), _bytes(blob))
        except ValueError:
            raise StoreError(
                f"Redis store {self._where}: the record of key {key!r} is not in this package's format"
            ) from None

    def save(self, key: str, blob: bytes, expected: int) -> int | None:
        try:
            version = self._save(keys=[self._record_name(key)], args=[blob, int(expected)])
        except redis.RedisError as exc:
            raise self._error("write", exc) from exc
        return None if version is None else int(version)

    def acquire(self, key: str, owner: str, lease: float) -> bool:
        milliseconds = max(1, math.ceil(lease * 1000))
        name = self._lock_name(key)
        try:
            if self._client.set(name, owner, nx=True, px=milliseconds):
                return True
            return bool(self._extend(keys=[name], args=[owner, milliseconds]))
        except redis.RedisError as exc:
            raise self._error("take the lock", exc) from exc

    def release(self, key: str, owner: str) -> None:
        try:
            self._release(keys=[self._lock_name(key)], args=[owner])
        except redis.RedisError as exc:
            raise self._error("release the lock", exc) from exc

    def close(self) -> None:
        try:
            self._client.close()
        except redis.RedisError as exc:  # pragma: no cover - closing does not fail in practice
            raise self._error("close its connections", exc) from exc


def _bytes(value: Any) -> bytes:
    # A URL with ?decode_responses=true (its options win over the store's) gives text: the blob is ASCII.
    return value if isinstance(value, bytes) else str(value).encode("ascii")


__all__ = ["DEFAULT_PREFIX", "RedisStore"]
