"""The token stores' contract, on each store: ``MemoryStore``, ``SQLiteStore`` on a file, and ``PostgresStore`` and
``RedisStore`` on real servers started for the session (tests/servers.py).

What every store must do: a compare-and-swap ``save``, a lease lock that one owner holds at a time (across threads),
records that never hold a token in plain text or in base64, a blob that does not decrypt under another key, keys
rotated without losing a record. What the server stores must do besides: survive the server's restart (the next call
works or raises ``StoreError``, the one after works, the data is still there) and say which store failed, as a
``StoreError``, when the server is down. And the package imports without their drivers.
"""

from __future__ import annotations

import base64
import datetime
import glob
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import redis
from psycopg import sql
from servers import PostgresServer, RedisServer, ServerUnavailable, free_port, postgres_server, redis_server

from runtime._exceptions import ArgumentError, StoreError
from runtime._oauth import Tokens
from runtime._store import DEFAULT_TABLE, MemoryStore, Record, SQLiteStore, StoredTokens, TokenCipher, TokenStore
from runtime._store_postgres import PostgresStore
from runtime._store_redis import DEFAULT_PREFIX, RedisStore

ROOT = Path(__file__).resolve().parents[2]
KEY = TokenCipher.generate_key()
CIPHER = TokenCipher([KEY])
LEASE = 0.3
"""A short lease, so that a lease running out is seen within a test."""
STORES = ("memory", "sqlite", "postgres", "redis")
SERVER_STORES = ("postgres", "redis")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session; each test's store has a table of its own."""
    with postgres_server() as server:
        yield server


@pytest.fixture(scope="session")
def redis_srv() -> Iterator[RedisServer]:
    """One Redis server for the session; each test's store has a key prefix of its own."""
    with redis_server() as server:
        yield server


@dataclass
class Backend:
    """A store under test, and how to see what its database holds, bypassing the store."""

    name: str
    store: TokenStore
    raw: Callable[[str], bytes]
    """Everything the database holds for a key (and for a file or log it writes to, all of it), as stored."""
    open: Callable[[TokenCipher], TokenStore]
    """Another store on the same records (another process's), with another cipher."""
    server: PostgresServer | RedisServer | None = None


def _as_bytes(values: object) -> bytes:
    if isinstance(values, (bytes, bytearray, memoryview)):
        return bytes(values)
    if isinstance(values, (tuple, list)):
        return b"\x00".join(_as_bytes(value) for value in values)
    if isinstance(values, dict):
        return b"\x00".join(_as_bytes(item) for pair in values.items() for item in pair)
    return str(values).encode()


def _memory(cipher: TokenCipher) -> Backend:
    store = MemoryStore(cipher)

    def raw(key: str) -> bytes:
        record = store.load(key)
        return b"" if record is None else record.blob

    def other(cipher: TokenCipher) -> TokenStore:
        # The memory is this store's own: another "process" is the same store with another cipher.
        store.cipher = cipher
        return store

    return Backend("memory", store, raw, other)


def _sqlite(path: Path) -> Backend:
    def raw(key: str) -> bytes:
        with sqlite3.connect(path) as connection:
            row = connection.execute(f"SELECT * FROM {DEFAULT_TABLE} WHERE key = ?", (key,)).fetchone()
        files = b"".join(file.read_bytes() for file in path.parent.glob(f"{path.name}*"))
        return _as_bytes(row) + files

    return Backend("sqlite", SQLiteStore(path, CIPHER), raw, lambda cipher: SQLiteStore(path, cipher))


def _postgres(server: PostgresServer) -> Backend:
    table = f"tokens_{uuid.uuid4().hex}"

    def raw(key: str) -> bytes:
        with psycopg.connect(server.conninfo) as connection:
            row = connection.execute(
                sql.SQL("SELECT * FROM {} WHERE key = %s").format(sql.Identifier(table)), (key,)
            ).fetchone()
        return _as_bytes(row)

    def other(cipher: TokenCipher) -> TokenStore:
        return PostgresStore(server.conninfo, cipher, table=table)

    return Backend("postgres", PostgresStore(server.conninfo, CIPHER, table=table), raw, other, server)


def _redis(server: RedisServer) -> Backend:
    prefix = f"test-{uuid.uuid4().hex}:"

    def raw(key: str) -> bytes:
        client = redis.Redis.from_url(server.url)
        try:
            names = client.keys(f"{prefix}*")
            values = [client.hgetall(name) if client.type(name) == b"hash" else client.get(name) for name in names]
        finally:
            client.close()
        # And the append-only file, where every write is logged with its arguments.
        log = b"".join(file.read_bytes() for file in server.directory.rglob("*.aof"))
        return _as_bytes([names, values]) + log

    def other(cipher: TokenCipher) -> TokenStore:
        return RedisStore(server.url, cipher, prefix=prefix)

    return Backend("redis", RedisStore(server.url, CIPHER, prefix=prefix), raw, other, server)


@pytest.fixture(params=STORES)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    name: str = request.param
    if name == "memory":
        made = _memory(CIPHER)
    elif name == "sqlite":
        made = _sqlite(tmp_path / "tokens.db")
    elif name == "postgres":
        made = _postgres(request.getfixturevalue("postgres"))
    else:
        made = _redis(request.getfixturevalue("redis_srv"))
    yield made
    made.store.close()


@pytest.fixture(params=SERVER_STORES)
def server_backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if request.param == "postgres":
        made = _postgres(request.getfixturevalue("postgres"))
    else:
        made = _redis(request.getfixturevalue("redis_srv"))
    yield made
    made.store.close()


@pytest.fixture
def store(backend: Backend) -> TokenStore:
    return backend.store


def tokens(label: str = "") -> Tokens:
    return Tokens(
        access_token=f"FAKE-access-{label}{uuid.uuid4().hex}",
        refresh_token=f"FAKE-refresh-{label}{uuid.uuid4().hex}",
        expires_at=datetime.datetime(2030, 1, 2, 3, 4, 5, 250000, tzinfo=datetime.UTC),
        scope="read write",
    )


def encodings(secret: str) -> list[bytes]:
    """The secret as it would show in a record: as is, and in base64 (standard and URL-safe) at each of the three
    alignments it can have inside a longer encoded text (the characters at the edges, which depend on the
    neighbours, left out)."""
    raw = secret.encode()
    found = [raw]
    for shift in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"\x00" * shift + raw)
            start = (shift * 4 + 2) // 3 + 1
            found.append(encoded[start : len(encoded) - 4])
    return found


def shows(record: bytes, secret: str) -> bool:
    return any(encoding in record for encoding in encodings(secret))


# The contract, on each store


def test_an_absent_key_loads_as_none(store: TokenStore) -> None:
    assert store.load("user-absent") is None
    assert store.read("user-absent") is None


def test_save_is_a_compare_and_swap(store: TokenStore) -> None:
    assert store.save("user-1", b"first", 3) is None  # no record: only expected=0 writes
    assert store.load("user-1") is None
    assert store.save("user-1", b"first", 0) == 1
    assert store.load("user-1") == Record(1, b"first")
    assert store.save("user-1", b"stale", 0) is None
    assert store.save("user-1", b"stale", 2) is None
    assert store.load("user-1") == Record(1, b"first")
    assert store.save("user-1", b"second", 1) == 2
    assert store.load("user-1") == Record(2, b"second")
    assert store.load("user-2") is None


def test_a_lock_alone_is_no_record_and_a_first_save_still_writes(store: TokenStore) -> None:
    assert store.acquire("user-1", "owner-a", LEASE)
    assert store.load("user-1") is None
    assert store.save("user-1", b"first", 1) is None
    assert store.save("user-1", b"first", 0) == 1
    assert store.load("user-1") == Record(1, b"first")


def test_the_lock_is_held_by_one_owner_until_released(store: TokenStore) -> None:
    assert store.acquire("user-1", "owner-a", 30)
    assert not store.acquire("user-1", "owner-b", 30)
    assert store.acquire("user-1", "owner-a", 30)  # the holder extends it
    assert store.acquire("user-2", "owner-b", 30)  # another key's lock is another lock
    store.release("user-1", "owner-b")  # not the holder: nothing happens
    assert not store.acquire("user-1", "owner-b", 30)
    store.release("user-1", "owner-a")
    assert store.acquire("user-1", "owner-b", 30)
    store.release("user-absent", "owner-a")  # no lock at all: nothing happens


def test_a_lease_runs_out_and_the_holder_extends_it(store: TokenStore) -> None:
    assert store.acquire("user-1", "owner-a", LEASE)
    assert not store.acquire("user-1", "owner-b", LEASE)
    time.sleep(LEASE + 0.1)
    assert store.acquire("user-1", "owner-b", LEASE)  # owner-a's lease ran out
    assert not store.acquire("user-1", "owner-a", LEASE)

    assert store.acquire("user-2", "owner-a", LEASE)
    time.sleep(LEASE * 0.6)
    assert store.acquire("user-2", "owner-a", LEASE)  # extended: LEASE from now
    time.sleep(LEASE * 0.6)  # past the first lease, within the second
    assert not store.acquire("user-2", "owner-b", LEASE)


def test_tokens_round_trip_encrypted_and_no_token_shows_in_the_record(backend: Backend) -> None:
    store, first, second = backend.store, tokens("one-"), tokens("two-")
    assert store.write("user-1", first, 0) == 1
    assert store.read("user-1") == StoredTokens(first, 1)
    assert store.write("user-1", second, 0) is None  # stale: nothing written
    assert store.write("user-1", second, 1) == 2
    assert store.write("user-1", first, None) == 3  # whatever the version
    assert store.read("user-1") == StoredTokens(first, 3)

    record = backend.raw("user-1")
    assert record  # the record is there to look at
    for secret in (first.access_token, first.refresh_token, second.access_token, second.refresh_token):
        assert secret is not None
        assert not shows(record, secret)


def test_the_record_check_would_see_a_token_kept_in_base64() -> None:
    # The check above, checked: a store without a cipher keeps base64 of the tokens, and it is found.
    store, kept = MemoryStore(), tokens()
    store.write("user-1", kept, 0)
    record = store.load("user-1")
    assert record is not None
    assert kept.refresh_token is not None
    assert shows(record.blob, kept.access_token)
    assert shows(record.blob, kept.refresh_token)


def test_a_blob_copied_to_another_keys_record_is_refused(store: TokenStore) -> None:
    kept = tokens()
    store.write("user-1", kept, 0)
    record = store.load("user-1")
    assert record is not None
    assert store.save("user-2", record.blob, 0) == 1
    with pytest.raises(StoreError, match="another key's tokens") as raised:
        store.read("user-2")
    assert kept.access_token not in str(raised.value)
    assert store.read("user-1") == StoredTokens(kept, 1)


def test_a_rotated_cipher_reads_what_the_old_key_wrote(backend: Backend) -> None:
    old, new = KEY, TokenCipher.generate_key()
    kept = tokens()
    assert backend.store.write("user-1", kept, 0) == 1

    rotated = backend.open(TokenCipher([new, old]))
    try:
        assert rotated.read("user-1") == StoredTokens(kept, 1)
        assert rotated.write("user-1", kept, 1) == 2  # written again, with the new key
    finally:
        rotated.close()
    newest_only = backend.open(TokenCipher([new]))
    try:
        assert newest_only.read("user-1") == StoredTokens(kept, 2)  # the old key can go now
    finally:
        newest_only.close()
    old_only = backend.open(TokenCipher([old]))
    try:
        with pytest.raises(StoreError, match="do not decrypt"):
            old_only.read("user-1")
    finally:
        old_only.close()


def test_one_holder_at_a_time_across_threads(store: TokenStore) -> None:
    holders = 0
    most = 0
    taken = 0
    counting = threading.Lock()
    failures: list[BaseException] = []

    def contend(owner: str) -> None:
        nonlocal holders, most, taken
        try:
            for _ in range(50):
                if not store.acquire("user-1", owner, 30):
                    continue
                with counting:
                    holders += 1
                    most = max(most, holders)
                    taken += 1
                time.sleep(0.001)
                with counting:
                    holders -= 1
                store.release("user-1", owner)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=contend, args=(f"owner-{index}",)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert most == 1
    assert taken > 0


# The server stores


def test_the_store_recovers_after_the_server_restarts_and_the_data_is_still_there(server_backend: Backend) -> None:
    store, server, kept = server_backend.store, server_backend.server, tokens()
    assert server is not None
    assert store.write("user-1", kept, 0) == 1
    assert store.acquire("user-1", "owner-a", 30)

    server.restart()
    try:
        assert store.read("user-1") == StoredTokens(kept, 1)
    except StoreError:
        pass  # the connection the restart broke: dropped, and the next call opens another

    assert store.read("user-1") == StoredTokens(kept, 1)
    assert not store.acquire("user-1", "owner-b", 30)  # the lock survived too
    store.release("user-1", "owner-a")
    assert store.acquire("user-1", "owner-b", 30)
    assert store.write("user-1", kept, 1) == 2


def test_a_restart_under_each_method_raises_store_error_or_works(server_backend: Backend) -> None:
    store, server = server_backend.store, server_backend.server
    assert server is not None
    calls: list[Callable[[], object]] = [
        lambda: store.load("user-1"),
        lambda: store.save("user-1", b"blob", 0),
        lambda: store.acquire("user-1", "owner-a", 30),
        lambda: store.release("user-1", "owner-a"),
    ]
    for call in calls:
        store.load("user-1")  # a connection open before the restart
        server.restart()
        try:
            call()
        except StoreError:
            pass
        call()


def test_a_stopped_server_raises_store_error_naming_the_store(server_backend: Backend) -> None:
    store, server = server_backend.store, server_backend.server
    assert server is not None
    store.write("user-1", tokens(), 0)
    named = (
        f"PostgreSQL store 127.0.0.1:{server.port}/postgres"
        if isinstance(server, PostgresServer)
        else f"Redis store redis://127.0.0.1:{server.port}/0"
    )
    driver_error = psycopg.Error if isinstance(server, PostgresServer) else redis.RedisError
    calls: list[Callable[[], object]] = [
        lambda: store.load("user-1"),
        lambda: store.read("user-1"),
        lambda: store.save("user-1", b"blob", 1),
        lambda: store.acquire("user-1", "owner-a", 30),
        lambda: store.release("user-1", "owner-a"),
    ]
    server.stop()
    try:
        for call in calls:
            with pytest.raises(StoreError) as raised:
                call()
            assert type(raised.value) is StoreError
            assert named in str(raised.value)
            if isinstance(server, PostgresServer):
                # No cause: psycopg's error holds the connection, whose repr carries the conninfo's password.
                assert raised.value.__cause__ is None and raised.value.__suppress_context__
            else:
                assert isinstance(raised.value.__cause__, driver_error)
    finally:
        server.start()
    assert store.read("user-1") is not None


def test_a_postgres_store_made_while_the_server_is_down_raises_store_error(postgres: PostgresServer) -> None:
    postgres.stop()
    try:
        with pytest.raises(StoreError, match=f"PostgreSQL store 127.0.0.1:{postgres.port}/postgres: could not create"):
            PostgresStore(postgres.conninfo, CIPHER)
    finally:
        postgres.start()


def test_a_password_shows_in_no_repr_and_no_error(postgres: PostgresServer, redis_srv: RedisServer) -> None:
    password = "FAKE-password-3141"
    # Trust authentication on the test server: the password is sent and ignored.
    for conninfo in (
        f"{postgres.conninfo} password={password}",
        f"postgresql://postgres:{password}@127.0.0.1:{postgres.port}/postgres",
    ):
        store = PostgresStore(conninfo, CIPHER, table=f"tokens_{uuid.uuid4().hex}")
        assert repr(store).startswith(f"PostgresStore('127.0.0.1:{postgres.port}/postgres', table=")
        assert password not in repr(store)
        store.close()
    redis_store = RedisStore(f"redis://:{password}@127.0.0.1:{redis_srv.port}/0", CIPHER)
    assert repr(redis_store) == (
        f"RedisStore('redis://127.0.0.1:{redis_srv.port}/0', prefix={DEFAULT_PREFIX!r}, cipher=TokenCipher(<1 key>))"
    )

    dead = free_port()  # nothing listens there
    failing: list[Callable[[], object]] = [
        lambda: PostgresStore(f"host=127.0.0.1 port={dead} user=postgres password={password}", CIPHER),
        lambda: PostgresStore(f"postgresql://postgres:{password}@127.0.0.1:{dead}/postgres", CIPHER),
        lambda: RedisStore(f"redis://:{password}@127.0.0.1:{dead}/0", CIPHER).load("user-1"),
        lambda: redis_store.load("user-1"),  # AUTH refused: the server wants another password (below)
    ]
    admin = redis.Redis.from_url(redis_srv.url)
    admin.config_set("requirepass", "FAKE-the-real-one")
    try:
        for call in failing:
            with pytest.raises(StoreError) as raised:
                call()
            assert password not in str(raised.value)
            assert password not in repr(raised.value)
    finally:
        admin.config_set("requirepass", "")
        admin.close()
        redis_store.close()


@pytest.mark.parametrize(
    "call",
    [
        lambda: PostgresStore("host=127.0.0.1 password=FAKE-pw broken", CIPHER),
        lambda: PostgresStore("host=127.0.0.1", CIPHER, table="tokens; DROP TABLE users"),
        lambda: PostgresStore("host=127.0.0.1", CIPHER, table='"quoted"'),
        lambda: PostgresStore("host=127.0.0.1", CIPHER, table="a.b.c"),
        lambda: PostgresStore("host=127.0.0.1", CIPHER, table="x" * 64),
        lambda: PostgresStore("host=127.0.0.1", CIPHER, connect_timeout=0),
        lambda: PostgresStore("host=127.0.0.1", None),  # type: ignore[arg-type]
        lambda: RedisStore("http://:FAKE-pw@127.0.0.1/0", CIPHER),
        lambda: RedisStore("redis://127.0.0.1:notaport/0", CIPHER),
        lambda: RedisStore("redis://127.0.0.1/0", CIPHER, socket_timeout=-1),
        lambda: RedisStore("redis://127.0.0.1/0", None),  # type: ignore[arg-type]
    ],
)
def test_arguments_are_checked_before_connecting_and_not_echoed(call: Callable[[], object]) -> None:
    with pytest.raises(ArgumentError) as raised:
        call()
    assert "FAKE-pw" not in str(raised.value)


def test_a_schema_qualified_table(postgres: PostgresServer) -> None:
    store = PostgresStore(postgres.conninfo, CIPHER, table=f"public.tokens_{uuid.uuid4().hex}")
    try:
        assert store.save("user-1", b"blob", 0) == 1
        assert store.load("user-1") == Record(1, b"blob")
    finally:
        store.close()


def test_a_table_made_in_advance_is_used_as_it_is(postgres: PostgresServer) -> None:
    table = f"tokens_{uuid.uuid4().hex}"
    with psycopg.connect(postgres.conninfo, autocommit=True) as connection:
        connection.execute(
            sql.SQL(
                "CREATE TABLE {} (key text PRIMARY KEY, version bigint NOT NULL DEFAULT 0, blob bytea, "
                "lock_owner text, lock_until timestamptz)"
            ).format(sql.Identifier(table))
        )
    first, second = PostgresStore(postgres.conninfo, CIPHER, table=table), PostgresStore(postgres.conninfo, CIPHER)
    try:
        assert first.save("user-1", b"blob", 0) == 1
        assert second.load("user-1") is None  # another table
    finally:
        first.close()
        second.close()


def test_processes_that_start_together_all_get_the_table(postgres: PostgresServer) -> None:
    # CREATE TABLE IF NOT EXISTS alone is not atomic: without taking turns, most of them fail ("type ... exists").
    table = f"tokens_{uuid.uuid4().hex}"
    together = threading.Barrier(8)
    failures: list[BaseException] = []

    def start() -> None:
        together.wait(timeout=10)
        try:
            PostgresStore(postgres.conninfo, CIPHER, table=table).close()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=start) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures


def test_threads_share_the_process_s_one_connection_and_close_closes_it(postgres: PostgresServer) -> None:
    # A server's connections are few (100 by default): 8 processes of 17 threads must not open one per thread.
    store = PostgresStore(postgres.conninfo, CIPHER, table=f"tokens_{uuid.uuid4().hex}")

    def backends() -> int:
        with psycopg.connect(postgres.conninfo) as watcher:
            row = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
            ).fetchone()
            assert row is not None
            return int(row[0])

    try:
        before = backends()
        threads = [threading.Thread(target=store.load, args=("user-1",)) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert backends() == before  # the connection the constructor opened, and no other
        store.close()
        assert backends() == before - 1
        assert store.load("user-1") is None  # a new connection after close()
        assert backends() == before
    finally:
        store.close()


def test_a_missing_server_binary_is_an_error_saying_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(glob, "glob", lambda pattern: [])
    with pytest.raises(ServerUnavailable, match=r"apt-get install -y postgresql"):
        PostgresServer(tmp_path)
    with pytest.raises(ServerUnavailable, match=r"apt-get install -y redis-server"):
        RedisServer(tmp_path)


# Imports


def test_the_package_imports_without_the_database_drivers() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        sys.modules["psycopg"] = None  # as if not installed: importing it raises ModuleNotFoundError
        sys.modules["redis"] = None
        import planetscale_oauth
        optional = {"planetscale_oauth._store_postgres": "[postgres]", "planetscale_oauth._store_redis": "[redis]"}
        for module in pkgutil.walk_packages(planetscale_oauth.__path__, "planetscale_oauth."):
            if module.name not in optional:
                importlib.import_module(module.name)
        for name, extra in optional.items():
            try:
                importlib.import_module(name)
            except ModuleNotFoundError as exc:
                assert f"install the package's {extra.strip('[]')} extra" in str(exc), str(exc)
            else:
                raise AssertionError(f"{name} imported without its driver")
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_locked_table_is_a_store_error_after_the_timeout_not_a_hang(postgres: PostgresServer) -> None:
    table = f"tokens_{uuid.uuid4().hex}"
    store = PostgresStore(postgres.conninfo, CIPHER, table=table, timeout=0.5)
    try:
        with psycopg.connect(postgres.conninfo) as blocker:
            blocker.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")  # held until the block ends
            begun = time.monotonic()
            with pytest.raises(StoreError, match="could not read"):
                store.load("user-1")
            assert time.monotonic() - begun < 3.0
        assert store.load("user-1") is None  # the lock gone, the store works again
    finally:
        store.close()


def test_keys_are_limited_in_utf8_bytes_not_characters(store: TokenStore) -> None:
    store.write("é" * 512, tokens(), None)  # 1024 bytes
    with pytest.raises(ArgumentError, match="at most 1024 UTF-8 bytes"):
        store.write("\U0001f600" * 257, tokens(), None)  # 257 characters, 1028 bytes


def test_a_store_without_a_cipher_is_refused_unless_in_memory() -> None:
    class Plain(TokenStore):
        def load(self, key: str) -> Record | None:
            return None

        def save(self, key: str, blob: bytes, expected: int) -> int | None:
            return None

        def acquire(self, key: str, owner: str, lease: float) -> bool:
            return True

        def release(self, key: str, owner: str) -> None:
            pass

    with pytest.raises(ArgumentError, match="needs a TokenCipher"):
        Plain(None)
    memory = MemoryStore()
    memory.save("user-1", b"not base64 at all!", 0)
    with pytest.raises(StoreError, match="not in this package's format"):
        memory.read("user-1")
    # A save that never matches gives up instead of looping for ever.
    with pytest.raises(StoreError, match="refused 50 writes"):
        Plain(CIPHER).write("user-1", tokens(), None)
