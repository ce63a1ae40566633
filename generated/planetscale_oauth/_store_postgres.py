# Copied from templates/runtime/_store_postgres.py by `make generate` (the runtime: plain Python, the same for every spec).
# Do not edit: change templates/runtime/_store_postgres.py, then run `make generate`.
"""``PostgresStore``: a ``TokenStore`` in a PostgreSQL table, shared by all the processes and hosts that reach it.

    store = PostgresStore("host=db.internal dbname=myapp user=myapp", TokenCipher.from_env())
    session = app.session(store=store, key=str(user.id))

It needs psycopg 3 (the package's ``postgres`` extra), so it lives in a module of its own that the
package does not import: only applications that use it need psycopg.

Each method is one short transaction on a connection of the calling thread (opened on first use, one per thread and
per process: a forked worker opens its own). ``save`` and ``acquire`` are single conditional upserts, atomic on their
own under PostgreSQL's default isolation; lease times are the database's clock (``now()``), so the hosts' clocks need
not agree. A connection that breaks (the server restarted, the network dropped) is closed, the call raises
``StoreError``, and the next call opens a new one: the store recovers by itself once the database is back.
"""

from __future__ import annotations

import math
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ._exceptions import ArgumentError, StoreError
from ._redaction import hidden
from ._store import DEFAULT_TABLE, PACKAGE, Record, TokenCipher, TokenStore, _require_cipher, reset_after_fork

try:
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict
except ModuleNotFoundError as exc:  # pragma: no cover - only without the extra
    raise ModuleNotFoundError(
        "PostgresStore needs psycopg 3: install the package's postgres extra (or psycopg[binary])", name=exc.name
    ) from exc

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
"""A table (or schema) name this store accepts: unquoted PostgreSQL identifier characters, at most 63."""

_Connection = psycopg.Connection[tuple[Any, ...]]


def _table_name(table: object) -> sql.Identifier:
    if not isinstance(table, str) or not all(_IDENTIFIER.fullmatch(part) for part in table.split(".", 1)):
        raise ArgumentError(
            "table must be a table name, optionally schema-qualified (schema.table), of letters, digits and "
            "underscores, not starting with a digit, each part at most 63 characters"
        )
    return sql.Identifier(*table.split(".", 1))


def _where(conninfo: object) -> str:
    """``host:port/dbname`` from a connection string or URL: what the repr and errors show (never a password)."""
    if not isinstance(conninfo, str):
        raise ArgumentError(f"conninfo must be a connection string or URL, not {type(conninfo).__name__}")
    try:
        params = conninfo_to_dict(conninfo)
    except psycopg.Error:
        # libpq's message quotes the part it could not parse, which may be a password: it is not shown.
        raise ArgumentError("conninfo is not a valid PostgreSQL connection string or URL") from None
    host = str(params.get("host") or params.get("hostaddr") or "localhost")
    port = f":{params['port']}" if params.get("port") else ""
    return f"{host}{port}/{params.get('dbname') or params.get('user') or ''}"


def _close(connection: _Connection) -> None:
    try:
        connection.close()
    except psycopg.Error:  # pragma: no cover - closing a broken connection does not fail in practice
        pass


class PostgresStore(TokenStore):
    """Records in the PostgreSQL table ``table`` (created if missing), reached with ``conninfo``: a libpq
    connection string (``"host=... dbname=... user=..."``) or URL (``postgresql://user@host/dbname``); a password
    in it, or in the usual ``PGPASSWORD``/``.pgpass``, is never shown in the repr nor in an error.

    ``connect_timeout``: seconds to wait for a connection (libpq counts whole seconds, at least 2). ``timeout``:
    seconds a statement may wait for a lock or run (``statement_timeout`` and ``lock_timeout``), after which the
    call raises ``StoreError``: a table locked by someone else never blocks a session for good.
    The table (``DEFAULT_TABLE``: the package's import name and ``_tokens``) can be made in advance; the store then
    needs only SELECT, INSERT and UPDATE on it::

        CREATE TABLE <package>_tokens (key text PRIMARY KEY, version bigint NOT NULL DEFAULT 0,
            blob bytea, lock_owner text, lock_until timestamptz);
    """

    def __init__(
        self,
        conninfo: str,
        cipher: TokenCipher,
        *,
        table: str = DEFAULT_TABLE,
        connect_timeout: float = 5.0,
        timeout: float = 10.0,
    ) -> None:
        conninfo = hidden(conninfo)  # it may hold a password: a traceback's locals show it redacted
        super().__init__(_require_cipher(cipher))
        self._where = _where(conninfo)
        self._table = _table_name(table)
        for name, value in (("connect_timeout", connect_timeout), ("timeout", timeout)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < float("inf"):
                raise ArgumentError(f"{name} must be a positive number of seconds")
        self._conninfo = conninfo
        self.timeout = timeout
        self.table = table
        self.connect_timeout = connect_timeout
        # One connection per process, one transaction at a time: a server's connections are few (100 by default),
        # and a session sends the store a few short statements per expiry, from whichever thread refreshes.
        self._held: tuple[int, _Connection] | None = None
        self._guard = threading.Lock()
        reset_after_fork(self)
        self._create_table()

    def __repr__(self) -> str:
        return f"PostgresStore({self._where!r}, table={self.table!r}, cipher={self.cipher!r})"

    def _create_table(self) -> None:
        with self._transaction("create the table") as cursor:
            # Looked up first: CREATE TABLE IF NOT EXISTS needs the CREATE privilege even when the table exists.
            name = self._table.as_string(cursor)
            if self._exists(cursor, name):
                return
            # Processes that start together take turns: CREATE TABLE IF NOT EXISTS is not atomic, and all but one
            # of them would fail on the catalog's unique index ("type ... already exists"). After its turn, a
            # process's CREATE sees the table the first one made (to_regclass would not: its cache is stale).
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{PACKAGE}:{name}",))
            cursor.execute(
                sql.SQL(
                    "CREATE TABLE IF NOT EXISTS {} (key text PRIMARY KEY, version bigint NOT NULL DEFAULT 0, "
                    "blob bytea, lock_owner text, lock_until timestamptz)"
                ).format(self._table)
            )

    @staticmethod
    def _exists(cursor: psycopg.Cursor[tuple[Any, ...]], name: str) -> bool:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", (name,))
        row = cursor.fetchone()
        return row is not None and bool(row[0])

    def _after_fork(self) -> None:
        # The parent's connection stays the parent's (a child opens its own, by pid); the lock is new.
        self._guard = threading.Lock()

    def _connection(self) -> _Connection:
        """The process's connection, opened if needed (called with ``_guard`` held)."""
        held = self._held
        if held is not None and held[0] == os.getpid() and not held[1].closed:
            return held[1]
        milliseconds = max(1, round(self.timeout * 1000))
        given = conninfo_to_dict(self._conninfo).get("options") or ""
        connection = psycopg.connect(
            self._conninfo,
            autocommit=False,
            connect_timeout=max(2, math.ceil(self.connect_timeout)),
            # No statement waits on a lock, or runs, past the timeout; a peer that vanished is noticed.
            options=f"{given} -c statement_timeout={milliseconds} -c lock_timeout={milliseconds}".strip(),
            keepalives=1,
            keepalives_idle=30,
            keepalives_interval=10,
            keepalives_count=3,
        )
        self._held = (os.getpid(), connection)
        return connection

    def _drop(self, connection: _Connection) -> None:
        """Forget a connection that failed (the next call opens a new one), and close it."""
        if self._held is not None and self._held[1] is connection:
            self._held = None
        _close(connection)

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[psycopg.Cursor[tuple[Any, ...]]]:
        with self._guard:
            yield from self._transaction_held(doing)

    def _transaction_held(self, doing: str) -> Iterator[psycopg.Cursor[tuple[Any, ...]]]:
        connection: _Connection | None = None
        try:
            connection = self._connection()
            try:
                with connection.cursor() as cursor:
                    yield cursor
                connection.commit()
            except psycopg.Error:
                raise
            except BaseException:
                # Not the database's error (an interrupt, a bug): the transaction is undone, the connection kept.
                try:
                    connection.rollback()
                except psycopg.Error:
                    self._drop(connection)
                raise
        except psycopg.Error as exc:
            # A refused statement leaves the connection usable once rolled back; a broken one (the server restarted)
            # is not: either way it is closed, and the next call opens a new one.
            if connection is not None:
                self._drop(connection)
            failure = f"PostgreSQL store {self._where}: could not {doing}: {type(exc).__name__}: {exc}"
        else:
            return
        # Without its cause: psycopg's error holds the connection, whose repr and frames (which error trackers record
        # when they follow a chain) carry the password of the connection string. The message says what failed.
        raise StoreError(failure) from None

    def load(self, key: str) -> Record | None:
        with self._transaction("read") as cursor:
            cursor.execute(
                sql.SQL("SELECT version, blob FROM {} WHERE key = %s AND blob IS NOT NULL").format(self._table), (key,)
            )
            row = cursor.fetchone()
        return None if row is None else Record(int(row[0]), bytes(row[1]))

    def save(self, key: str, blob: bytes, expected: int) -> int | None:
        with self._transaction("write") as cursor:
            if expected == 0:
                # No record yet: insert it, or fill the row a lock made (its blob is NULL). A row with a blob stays.
                cursor.execute(
                    sql.SQL(
                        "INSERT INTO {} AS r (key, version, blob) VALUES (%s, 1, %s) ON CONFLICT (key) DO UPDATE "
                        "SET version = 1, blob = excluded.blob WHERE r.blob IS NULL RETURNING r.version"
                    ).format(self._table),
                    (key, blob),
                )
            else:
                # Row-locked and re-checked against the newest row when another writer commits first.
                cursor.execute(
                    sql.SQL(
                        "UPDATE {} SET version = %s, blob = %s WHERE key = %s AND version = %s AND blob IS NOT NULL "
                        "RETURNING version"
                    ).format(self._table),
                    (expected + 1, blob, key, expected),
                )
            row = cursor.fetchone()
        return None if row is None else int(row[0])

    def acquire(self, key: str, owner: str, lease: float) -> bool:
        with self._transaction("take the lock") as cursor:
            cursor.execute(
                sql.SQL(
                    "INSERT INTO {} AS r (key, version, lock_owner, lock_until) "
                    "VALUES (%s, 0, %s, now() + make_interval(secs => %s)) ON CONFLICT (key) DO UPDATE "
                    "SET lock_owner = excluded.lock_owner, lock_until = excluded.lock_until "
                    "WHERE r.lock_owner IS NULL OR r.lock_owner = excluded.lock_owner OR r.lock_until IS NULL "
                    "OR r.lock_until <= now() RETURNING true"
                ).format(self._table),
                (key, owner, float(lease)),
            )
            return cursor.fetchone() is not None

    def release(self, key: str, owner: str) -> None:
        with self._transaction("release the lock") as cursor:
            cursor.execute(
                sql.SQL("UPDATE {} SET lock_owner = NULL, lock_until = NULL WHERE key = %s AND lock_owner = %s").format(
                    self._table
                ),
                (key, owner),
            )

    def close(self) -> None:
        with self._guard:
            held, self._held = self._held, None
        # A connection a forked child inherited is its parent's: closing it would end the parent's session.
        if held is not None and held[0] == os.getpid():
            _close(held[1])


__all__ = ["PostgresStore"]
