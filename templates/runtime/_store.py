"""Token stores: the tokens of each connection kept where every process and host of an application can reach them.

A ``TokenSession`` given a store and a key (the application's id for the connection, such as a user id) reads its
tokens from the store, and refreshes under the store's lock for that key: one refresh per expiry across all the
processes that share the store, however many ask at once. See ``TokenSession`` for the protocol.

A store keeps opaque records: (version, encrypted blob), plus a lease lock per key. ``TokenStore`` turns tokens into
blobs and back with a ``TokenCipher``; an implementation only moves bytes, so an application can plug in its own
(its ORM, a key-value service) by writing the four methods ``load``, ``save``, ``acquire`` and ``release``.

    cipher = TokenCipher(["<key from TokenCipher.generate_key()>"])   # newest key first: old ones still decrypt
    store = SQLiteStore("/var/lib/myapp/tokens.db", cipher)
    session = app.session(store=store, key=str(user.id))

The stores here: ``MemoryStore`` (one process), ``SQLiteStore`` (processes on one machine), and in their own
modules ``PostgresStore`` (the package's ``postgres`` extra) and ``RedisStore`` (its ``redis`` extra).
"""

from __future__ import annotations

import abc
import base64
import datetime
import json
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define, field

from ._exceptions import ArgumentError, StoreError

if TYPE_CHECKING:
    from ._oauth import Tokens

DEFAULT_LEASE = 30.0
"""Seconds a refresh holds a key's lock at most: a process that dies holding it delays the others this long."""
PACKAGE = __name__.partition(".")[0]
"""The package's import name: what names its tables and keys in a store's database."""
DEFAULT_TABLE = f"{PACKAGE}_tokens"
"""The table ``SQLiteStore`` and ``PostgresStore`` keep their records in."""

_WRITE_ATTEMPTS = 50
"""Compare-and-swap rounds ``TokenStore.write(..., None)`` tries before it gives up."""
_FORMAT = 1
"""The version of the encrypted payload's layout."""


@define(frozen=True)
class Record:
    """What a store holds for a key: its ``version`` (1 for the first write, then one more per write) and ``blob``,
    the encrypted tokens."""

    version: int
    blob: bytes = field(repr=lambda blob: f"<{len(blob)} bytes>")


@define(frozen=True)
class StoredTokens:
    """A key's tokens as read from a store, and the version they were read at (for ``TokenStore.write``)."""

    tokens: Tokens
    version: int


MAX_KEY_BYTES = 1024
"""The longest key, in UTF-8 bytes: every store's index takes it (PostgreSQL's b-tree refuses rows past 2704)."""


_FORKED: weakref.WeakSet[Any] = weakref.WeakSet()
"""Objects whose ``_after_fork()`` a forked child calls: locks that another thread of the parent held at the fork
would stay held for ever in the child, where that thread does not exist."""


def reset_after_fork(obj: Any) -> None:
    """Have ``obj._after_fork()`` called in every child this process forks from now on."""
    _FORKED.add(obj)


def _after_fork_in_child() -> None:
    for obj in list(_FORKED):
        obj._after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def check_key(key: object) -> str:
    """``key`` if a store can hold it: a printable string of 1 to ``MAX_KEY_BYTES`` UTF-8 bytes; else
    ``ArgumentError``, before anything is sent or spent."""
    if (
        not isinstance(key, str)
        or not key
        or not key.isprintable()
        or len(key.encode("utf-8", "surrogatepass")) > MAX_KEY_BYTES
        or any(0xD800 <= ord(char) <= 0xDFFF for char in key)
    ):
        raise ArgumentError(f"a store key must be a non-empty printable string of at most {MAX_KEY_BYTES} UTF-8 bytes")
    return key


def _fernet() -> Any:
    """``cryptography.fernet``, or an error saying which extra installs it."""
    try:
        from cryptography import fernet
    except ModuleNotFoundError as exc:  # pragma: no cover - only without the extra
        raise ModuleNotFoundError(
            "TokenCipher needs the cryptography package (install the package's sqlite, postgres or redis extra)",
            name=exc.name,
        ) from exc
    return fernet


class TokenCipher:
    """Encrypts tokens for a store with Fernet (AES-128-CBC and HMAC-SHA256, from ``cryptography``), bound to their
    key: a blob copied to another key's record does not decrypt there.

    ``keys``: Fernet keys (``TokenCipher.generate_key()``), newest first. The newest encrypts; every one decrypts,
    so a key is rotated by putting a new one in front and dropping the old one once every record was written again
    (each refresh writes its record anew). The repr shows how many keys there are, never a key."""

    __slots__ = ("_count", "_fernet")

    _ENV: ClassVar[str] = "TOKEN_KEYS"
    """The environment variable ``from_env()`` reads (the generated ``stores.TokenCipher`` names it)."""

    def __init__(self, keys: Sequence[str | bytes]) -> None:
        fernet = _fernet()
        if isinstance(keys, (str, bytes)) or not keys:
            raise ArgumentError("keys must be a non-empty list of Fernet keys, newest first")
        fernets = []
        for index, key in enumerate(keys):
            try:
                fernets.append(fernet.Fernet(key))
            except (ValueError, TypeError):
                # The value is never shown: it is a key.
                raise ArgumentError(
                    f"keys[{index}] is not a Fernet key (32 bytes, URL-safe base64; TokenCipher.generate_key())"
                ) from None
        self._fernet = fernet.MultiFernet(fernets)
        self._count = len(fernets)

    @staticmethod
    def generate_key() -> str:
        """A new random key, as text to keep in the application's secret store (and in ``stores.KEYS_ENV``)."""
        key: bytes = _fernet().Fernet.generate_key()
        return key.decode("ascii")

    @classmethod
    def from_env(cls) -> Self:
        """A cipher with the keys in the environment (the variable is ``stores.KEYS_ENV``), separated by commas,
        newest first."""
        keys = [key.strip() for key in os.environ.get(cls._ENV, "").split(",") if key.strip()]
        if not keys:
            raise ArgumentError(f"environment variable {cls._ENV} is not set or is empty")
        try:
            return cls(keys)
        except ArgumentError as exc:
            raise ArgumentError(f"{cls._ENV}: {exc.message}") from None

    def __repr__(self) -> str:
        return f"TokenCipher(<{self._count} key{'s' if self._count != 1 else ''}>)"

    def __reduce__(self) -> Any:
        raise TypeError("a TokenCipher holds keys: it is not pickled (build it from the keys in each process)")

    def encrypt(self, key: str, tokens: Tokens) -> bytes:
        """``tokens`` encrypted with the newest key, bound to the store key ``key``."""
        blob: bytes = self._fernet.encrypt(_payload(key, tokens))
        return blob

    def decrypt(self, key: str, blob: bytes) -> Tokens:
        """The tokens in ``blob``, which must have been encrypted for ``key`` with one of the cipher's keys; else
        ``StoreError``."""
        invalid_token = _fernet().InvalidToken

        try:
            plain = self._fernet.decrypt(blob)
        except (invalid_token, TypeError):
            raise StoreError(
                f"the stored tokens of key {key!r} do not decrypt with any of the cipher's keys (a key was dropped "
                "too soon, or the record was altered)"
            ) from None
        return _tokens(key, plain)


def _payload(key: str, tokens: Tokens) -> bytes:
    return json.dumps(
        {
            "format": _FORMAT,
            "key": key,
            "access_token": tokens.access_token,
            "refresh_token": tokens.refresh_token,
            "expires_at": None if tokens.expires_at is None else tokens.expires_at.timestamp(),
            "scope": tokens.scope,
        },
        separators=(",", ":"),
    ).encode()


def _tokens(key: str, plain: bytes) -> Tokens:
    from ._oauth import Tokens

    try:
        data = json.loads(plain)
        if data["key"] != key:
            raise StoreError(f"the record of key {key!r} holds another key's tokens: refused")
        expires = data["expires_at"]
        return Tokens(
            access_token=data["access_token"],
            refresh_token=data["refresh_token"],
            expires_at=None if expires is None else datetime.datetime.fromtimestamp(expires, tz=datetime.UTC),
            scope=data["scope"],
        )
    except StoreError:
        raise
    except (ValueError, KeyError, TypeError, OverflowError, ArgumentError):
        raise StoreError(f"the stored tokens of key {key!r} are not in this package's format") from None


class TokenStore(abc.ABC):
    """Where a ``TokenSession`` keeps the tokens of each key, shared with other processes.

    To plug in your own store (your ORM, a key-value service), subclass it and write four methods on opaque records,
    each atomic on its own: ``load``, ``save`` (compare-and-swap), ``acquire`` and ``release`` (a lease lock). Each
    raises ``StoreError`` (with the cause chained) when its database fails. The async session methods call them
    from worker threads, so an implementation needs to be thread-safe, not async. ``read`` and ``write`` add the
    encryption: records never hold a token in plain text, and nothing names a record but the application's key.
    """

    cipher: TokenCipher | None
    _IN_PROCESS: ClassVar[bool] = False
    """Whether the records stay in this process's memory (``MemoryStore``): only then may ``cipher`` be None."""

    def __init__(self, cipher: TokenCipher | None) -> None:
        if cipher is None and not self._IN_PROCESS:
            _require_cipher(cipher)
        if cipher is not None and not isinstance(cipher, TokenCipher):
            raise ArgumentError(f"cipher must be a TokenCipher, not {type(cipher).__name__}")
        self.cipher = cipher

    @abc.abstractmethod
    def load(self, key: str) -> Record | None:
        """The key's ``Record``, or None."""

    @abc.abstractmethod
    def save(self, key: str, blob: bytes, expected: int) -> int | None:
        """Compare-and-swap: write ``blob`` as version ``expected + 1`` if the stored version is ``expected`` (0: no
        record) and return the new version; else write nothing and return None."""

    @abc.abstractmethod
    def acquire(self, key: str, owner: str, lease: float) -> bool:
        """Take the key's lock for ``owner`` for ``lease`` seconds if no one else holds it or their lease ran out (an
        owner that holds it extends it); True if taken. Never waits."""

    @abc.abstractmethod
    def release(self, key: str, owner: str) -> None:
        """Free the key's lock if ``owner`` holds it (compare-and-delete); else do nothing."""

    def close(self) -> None:  # noqa: B027 - optional: only stores with connections have something to close
        """Close the store's connections (those of the calling thread, or all of them)."""

    def read(self, key: str) -> StoredTokens | None:
        """The key's tokens and their version, or None when nothing is stored."""
        record = self.load(check_key(key))
        if record is None:
            return None
        return StoredTokens(self._decode(key, record.blob), record.version)

    def write(self, key: str, tokens: Tokens, expected: int | None) -> int | None:
        """Store ``tokens`` under ``key`` if the stored version is still ``expected`` (None: whatever it is);
        the new version, or None when another writer came first."""
        blob = self._encode(check_key(key), tokens)
        if expected is not None:
            return self.save(key, blob, expected)
        for _ in range(_WRITE_ATTEMPTS):
            record = self.load(key)
            version = self.save(key, blob, 0 if record is None else record.version)
            if version is not None:
                return version
        raise StoreError(f"the store refused {_WRITE_ATTEMPTS} writes of key {key!r} in a row (its save never matched)")

    def _encode(self, key: str, tokens: Tokens) -> bytes:
        if self.cipher is None:
            return base64.b64encode(_payload(key, tokens))
        return self.cipher.encrypt(key, tokens)

    def _decode(self, key: str, blob: bytes) -> Tokens:
        if self.cipher is None:
            try:
                plain = base64.b64decode(blob, validate=True)
            except (ValueError, TypeError):
                raise StoreError(f"the stored tokens of key {key!r} are not in this package's format") from None
            return _tokens(key, plain)
        return self.cipher.decrypt(key, blob)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(cipher={self.cipher!r})"


def _require_cipher(cipher: object) -> TokenCipher:
    if not isinstance(cipher, TokenCipher):
        raise ArgumentError(
            "a store that outlives the process needs a TokenCipher (cipher=TokenCipher([key])): tokens are never "
            "kept there in plain text"
        )
    return cipher


class MemoryStore(TokenStore):
    """Records in this process's memory: what a session does without a store, as a store (for tests, and for
    sessions of one process that share a key). ``cipher`` is optional here: the memory is the process's own."""

    _IN_PROCESS: ClassVar[bool] = True

    def __init__(self, cipher: TokenCipher | None = None) -> None:
        super().__init__(cipher)
        self._records: dict[str, Record] = {}
        self._locks: dict[str, tuple[str, float]] = {}
        self._guard = threading.Lock()

    def load(self, key: str) -> Record | None:
        with self._guard:
            return self._records.get(key)

    def save(self, key: str, blob: bytes, expected: int) -> int | None:
        with self._guard:
            record = self._records.get(key)
            if (0 if record is None else record.version) != expected:
                return None
            self._records[key] = Record(expected + 1, blob)
            return expected + 1

    def acquire(self, key: str, owner: str, lease: float) -> bool:
        now = time.monotonic()
        with self._guard:
            holder = self._locks.get(key)
            if holder is not None and holder[0] != owner and holder[1] > now:
                return False
            self._locks[key] = (owner, now + lease)
            return True

    def release(self, key: str, owner: str) -> None:
        with self._guard:
            if self._locks.get(key, ("",))[0] == owner:
                del self._locks[key]


class SQLiteStore(TokenStore):
    """Records in a SQLite file: processes on one machine share it, with no server to run.

    The file is opened in WAL mode (readers never wait for a writer); each write and each lock is one
    ``BEGIN IMMEDIATE`` transaction, and a busy database is waited for up to ``timeout`` seconds. A connection is
    opened per thread and per process (a forked worker opens its own). Lease times are the machine's clock."""

    def __init__(self, path: str | os.PathLike[str], cipher: TokenCipher, *, timeout: float = 10.0) -> None:
        super().__init__(_require_cipher(cipher))
        self.path = os.fspath(path)
        self.timeout = timeout
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        reset_after_fork(self)
        with self._transaction("open the database file and create its table") as connection:
            connection.execute(
                f"CREATE TABLE IF NOT EXISTS {DEFAULT_TABLE} (key TEXT PRIMARY KEY, version INTEGER NOT NULL, "
                "blob BLOB, lock_owner TEXT, lock_until REAL)"
            )

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r}, cipher={self.cipher!r})"

    def _after_fork(self) -> None:
        # The parent's connections stay the parent's (each is opened again here, by pid); the lock is new.
        self._guard = threading.Lock()
        self._connections = []

    def _connection(self) -> sqlite3.Connection:
        held: tuple[int, sqlite3.Connection] | None = getattr(self._local, "held", None)
        if held is not None and held[0] == os.getpid():
            return held[1]
        connection = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        self._local.held = (os.getpid(), connection)
        with self._guard:
            self._connections.append(connection)
        return connection

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[sqlite3.Connection]:
        try:
            connection = self._connection()
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self.path!r}: could not {doing}: {type(exc).__name__}: {exc}") from exc

    def load(self, key: str) -> Record | None:
        try:
            row = (
                self._connection()
                .execute(f"SELECT version, blob FROM {DEFAULT_TABLE} WHERE key = ? AND blob IS NOT NULL", (key,))
                .fetchone()
            )
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self.path!r}: could not read: {type(exc).__name__}: {exc}") from exc
        return None if row is None else Record(int(row[0]), bytes(row[1]))

    def save(self, key: str, blob: bytes, expected: int) -> int | None:
        with self._transaction("write") as connection:
            row = connection.execute(f"SELECT version, blob FROM {DEFAULT_TABLE} WHERE key = ?", (key,)).fetchone()
            current = 0 if row is None or row[1] is None else int(row[0])
            if current != expected:
                return None
            connection.execute(
                f"INSERT INTO {DEFAULT_TABLE} (key, version, blob) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET version = excluded.version, blob = excluded.blob",
                (key, expected + 1, blob),
            )
            return expected + 1

    def acquire(self, key: str, owner: str, lease: float) -> bool:
        now = time.time()
        with self._transaction("take the lock") as connection:
            row = connection.execute(
                f"SELECT lock_owner, lock_until FROM {DEFAULT_TABLE} WHERE key = ?", (key,)
            ).fetchone()
            if row is not None and row[0] is not None and row[0] != owner and (row[1] or 0) > now:
                return False
            connection.execute(
                f"INSERT INTO {DEFAULT_TABLE} (key, version, lock_owner, lock_until) VALUES (?, 0, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET lock_owner = excluded.lock_owner, lock_until = excluded.lock_until",
                (key, owner, now + lease),
            )
            return True

    def release(self, key: str, owner: str) -> None:
        with self._transaction("release the lock") as connection:
            connection.execute(
                f"UPDATE {DEFAULT_TABLE} SET lock_owner = NULL, lock_until = NULL WHERE key = ? AND lock_owner = ?",
                (key, owner),
            )

    def close(self) -> None:
        with self._guard:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()
        self._local = threading.local()


__all__ = [
    "DEFAULT_LEASE",
    "MemoryStore",
    "Record",
    "SQLiteStore",
    "StoredTokens",
    "TokenCipher",
    "TokenStore",
]
