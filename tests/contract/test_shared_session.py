"""A token session with a store: the protocol that lets many processes share one connection's tokens.

Two ``TokenSession`` objects on the same store and key stand for two processes (each has its own memory, its own
in-process single flight and its own lock owner), against the loopback server that rotates refresh tokens and answers
``invalid_grant`` to a used one. Each rule of the protocol has a test: adopt what another refreshed, refresh under the
lock only if still due, adopt the winner's tokens after ``invalid_grant``, wait out a dead holder's lease, keep tokens
a failed write could not store. The stores themselves are tested in tests/runtime/test_stores.py; many real processes
in tests/e2e/test_shared_sessions.py.
"""

from __future__ import annotations

import asyncio
import datetime
import gc
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, assert_type

import pytest
from loopback import CLIENT_ID, CLIENT_SECRET, CODE, RotatingOAuthServer

from planetscale_oauth import Client, errors, stores
from planetscale_oauth.oauth import OAuthApp, Tokens, TokenSession
from planetscale_oauth.stores import KEYS_ENV, MemoryStore, Record, SQLiteStore, TokenCipher, TokenStore

from helpers import NO_RETRY

KEY = "user-42"
REDIRECT_URI = "https://app.example.com/oauth/callback"


@pytest.fixture
def server() -> Iterator[RotatingOAuthServer]:
    with RotatingOAuthServer(refresh_delay=0.05) as running:
        yield running


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TokenStore]:
    cipher = TokenCipher([TokenCipher.generate_key()])
    made: TokenStore = MemoryStore(cipher) if request.param == "memory" else SQLiteStore(tmp_path / "t.db", cipher)
    yield made
    made.close()


def client(server: RotatingOAuthServer) -> Client:
    return Client(oauth_base_url=server.url, retry=NO_RETRY)


def due_tokens(server: RotatingOAuthServer) -> Tokens:
    """The server's current tokens, the access token already due."""
    return Tokens(server.access_token, server.refresh_token, expires_at=datetime.datetime.now(datetime.UTC))


def process(server: RotatingOAuthServer, store: TokenStore, **kwargs: Any) -> TokenSession:
    """One process's session of the key: resumed from the store."""
    return TokenSession.from_store(client(server), CLIENT_ID, CLIENT_SECRET, store=store, key=KEY, **kwargs)


def refreshes(server: RotatingOAuthServer) -> int:
    return sum(1 for form in server.forms if form.get("grant_type") == "refresh_token")


class Wrapped(TokenStore):
    """A store that delegates to another, with hooks a test sets to make one call misbehave."""

    def __init__(self, inner: TokenStore) -> None:
        super().__init__(inner.cipher)
        self.inner = inner
        self.stale_reads: list[Record | None] = []
        self.failing_saves = 0
        self.saves = 0

    def load(self, key: str) -> Record | None:
        if self.stale_reads:
            return self.stale_reads.pop(0)
        return self.inner.load(key)

    def save(self, key: str, blob: bytes, expected: int) -> int | None:
        if self.failing_saves:
            self.failing_saves -= 1
            raise errors.StoreError("the database is restarting")
        self.saves += 1
        return self.inner.save(key, blob, expected)

    def acquire(self, key: str, owner: str, lease: float) -> bool:
        return self.inner.acquire(key, owner, lease)

    def release(self, key: str, owner: str) -> None:
        self.inner.release(key, owner)


def test_the_process_that_finds_the_token_due_refreshes_under_the_lock_and_writes_before_handing_it_out(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    store.write(KEY, due_tokens(server), None)
    first, second = process(server, store), process(server, store)

    token = first.access_token()

    stored = store.read(KEY)
    assert stored is not None and stored.tokens.access_token == token == server.access_token
    assert stored.tokens.refresh_token == server.refresh_token
    # The other process finds its own token due, reads the store and takes the new one: no second refresh.
    assert second.access_token() == token
    assert (refreshes(server), first.refreshes, second.refreshes) == (1, 1, 0)
    # The lock was freed: a third process takes it at once when the next token is due.
    assert store.acquire(KEY, "someone", 1.0)


def test_a_fresh_token_is_handed_out_from_memory_without_reading_the_store(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    store.write(KEY, Tokens(server.access_token, server.refresh_token), None)  # no expiry: always fresh
    wrapped = Wrapped(store)
    session = process(server, wrapped)
    reads = 0

    def counting_load(key: str) -> Record | None:
        nonlocal reads
        reads += 1
        return store.load(key)

    wrapped.load = counting_load  # type: ignore[method-assign]
    for _ in range(100):
        assert session.access_token() == server.access_token
    assert reads == 0 and refreshes(server) == 0


def test_after_invalid_grant_the_tokens_of_the_process_that_won_the_race_are_taken(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    store.write(KEY, due_tokens(server), None)
    wrapped = Wrapped(store)
    winner, loser = process(server, store), process(server, wrapped)
    winner.access_token()
    # The loser read the store before the winner wrote: both reads it makes before refreshing see the old record.
    current = store.load(KEY)
    assert current is not None
    wrapped.stale_reads = [Record(current.version - 1, store._encode(KEY, loser.tokens))] * 2

    assert loser.access_token() == winner.tokens.access_token == server.access_token
    # Two refreshes were sent with the same refresh token; the server refused the second, and nothing was lost.
    sent = [form["refresh_token"] for form in server.forms if form.get("grant_type") == "refresh_token"]
    assert len(sent) == 2 and sent[0] == sent[1]
    assert loser.refreshes == 0 and winner.refreshes == 1


def test_invalid_grant_with_the_store_unchanged_is_raised_the_grant_is_gone(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    store.write(KEY, due_tokens(server), None)
    server.refresh_token = "FAKE-revoked-elsewhere"  # the user disconnected the application
    with pytest.raises(errors.InvalidGrantError):
        process(server, store).access_token()
    assert store.acquire(KEY, "someone", 1.0), "the lock is freed after a failed refresh"


def test_a_dead_holder_delays_the_others_by_at_most_the_lease(server: RotatingOAuthServer, store: TokenStore) -> None:
    store.write(KEY, due_tokens(server), None)
    assert store.acquire(KEY, "a process killed mid-refresh", 0.5)
    session = process(server, store, lease=5.0)
    begun = time.monotonic()

    assert session.access_token() == server.access_token

    assert 0.4 < time.monotonic() - begun < 2.0
    assert refreshes(server) == 1


def test_a_failed_write_keeps_the_new_tokens_holds_the_lock_and_writes_them_in_the_background(
    server: RotatingOAuthServer, store: TokenStore, caplog: pytest.LogCaptureFixture
) -> None:
    store.write(KEY, due_tokens(server), None)
    wrapped = Wrapped(store)
    session = process(server, wrapped, lease=0.6)
    wrapped.failing_saves = 10**9  # the database is down

    with caplog.at_level(logging.WARNING, logger="planetscale_oauth"):
        token = session.access_token()  # handed out: the server issued it, and the session holds it

    assert token == server.access_token
    assert "the store did not take the new tokens (StoreError)" in caplog.text
    stored = store.read(KEY)
    assert stored is not None and stored.tokens.access_token != token
    # The lock stays taken, past its lease (the background writer renews it): no other process may send the
    # refresh token the new tokens replaced.
    time.sleep(1.0)
    assert not store.acquire(KEY, "another process", 1.0)

    wrapped.failing_saves = 0  # the database is back: the writer stores the tokens without another call
    deadline = time.monotonic() + 5
    while (stored := store.read(KEY)) is not None and stored.tokens.access_token != token:
        assert time.monotonic() < deadline, "the tokens were not written in the background"
        time.sleep(0.05)
    assert stored is not None and stored.tokens.refresh_token == server.refresh_token
    assert not session.pending_persist
    assert store.acquire(KEY, "another process", 1.0), "the lock is freed once they are written"
    assert refreshes(server) == 1


def test_a_store_that_cannot_be_read_is_a_typed_error_and_the_session_recovers(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    store.write(KEY, due_tokens(server), None)
    wrapped = Wrapped(store)
    session = process(server, wrapped, clock=time.time)
    broken = True

    def load(key: str) -> Record | None:
        if broken:
            raise errors.StoreError("SQLite store: could not read: OperationalError")
        return store.load(key)

    wrapped.load = load  # type: ignore[method-assign]
    with pytest.raises(errors.StoreError):
        session.access_token()
    broken = False
    session._retry_at = 0  # the back-off after a failure, skipped
    assert session.access_token() == server.access_token
    assert refreshes(server) == 1


def test_threads_and_tasks_of_two_processes_cause_one_refresh(server: RotatingOAuthServer, store: TokenStore) -> None:
    store.write(KEY, due_tokens(server), None)
    sessions = [process(server, store), process(server, store)]
    seen: list[str] = []

    def call(session: TokenSession) -> None:
        seen.append(session.access_token())

    async def tasks(session: TokenSession) -> list[str]:
        return list(await asyncio.gather(*(session.aaccess_token() for _ in range(8))))

    threads = [threading.Thread(target=call, args=(sessions[index % 2],)) for index in range(16)]
    for thread in threads:
        thread.start()
    seen += asyncio.run(tasks(sessions[0])) + asyncio.run(tasks(sessions[1]))
    for thread in threads:
        thread.join()

    assert set(seen) == {server.access_token}
    assert refreshes(server) == 1


def test_an_exchange_writes_the_tokens_and_any_process_resumes_them_by_key(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    app = OAuthApp(client(server), CLIENT_ID, CLIENT_SECRET)
    with pytest.raises(errors.CredentialsError, match="no tokens are stored under key 'user-42'"):
        app.session(store=store, key=KEY)

    session = app.exchange(code=CODE, redirect_uri=REDIRECT_URI, store=store, key=KEY)
    assert_type(session, TokenSession)  # the generated class (with api_client()), for mypy as at run time
    assert type(session) is TokenSession

    stored = store.read(KEY)
    assert stored is not None and stored.tokens == session.tokens
    assert app.session(store=store, key=KEY).access_token() == server.access_token


async def test_an_async_exchange_writes_the_tokens_too(server: RotatingOAuthServer, store: TokenStore) -> None:
    app = OAuthApp(client(server), CLIENT_ID, CLIENT_SECRET)
    session = await app.aexchange(code=CODE, redirect_uri=REDIRECT_URI, store=store, key=KEY)
    stored = store.read(KEY)
    assert stored is not None and stored.tokens == session.tokens


def test_store_and_key_go_together_and_are_checked_before_the_code_is_spent(server: RotatingOAuthServer) -> None:
    app = OAuthApp(client(server), CLIENT_ID, CLIENT_SECRET)
    with pytest.raises(errors.ArgumentError, match="store and key together"):
        app.exchange(code=CODE, redirect_uri=REDIRECT_URI, store=MemoryStore())
    with pytest.raises(errors.ArgumentError, match="store must be a TokenStore, not dict"):
        app.exchange(code=CODE, redirect_uri=REDIRECT_URI, store={}, key=KEY)  # type: ignore[arg-type]
    assert server.forms == []
    with pytest.raises(errors.ArgumentError, match="lease must be a positive number"):
        TokenSession(
            client(server), CLIENT_ID, CLIENT_SECRET, due_tokens(server), store=MemoryStore(), key=KEY, lease=0
        )


def test_no_token_reaches_the_log_the_repr_or_the_store_in_plain_text(
    server: RotatingOAuthServer, store: TokenStore, caplog: pytest.LogCaptureFixture
) -> None:
    store.write(KEY, due_tokens(server), None)
    with caplog.at_level(logging.DEBUG):
        session = process(server, store)
        session.access_token()
        shown = caplog.text + repr(session) + repr(store) + repr(store.read(KEY)) + repr(store.load(KEY))
    for secret in server.secrets():
        assert secret not in shown
    record = store.load(KEY)
    assert record is not None
    for secret in server.secrets():
        assert secret.encode() not in record.blob


def test_a_key_no_store_can_hold_is_refused_before_the_code_is_spent(server: RotatingOAuthServer) -> None:
    app = OAuthApp(client(server), CLIENT_ID, CLIENT_SECRET)
    for key in ("user\n42", "x" * 1025, "\U0001f600" * 300):
        with pytest.raises(errors.ArgumentError, match="store key"):
            app.exchange(code=CODE, redirect_uri=REDIRECT_URI, store=MemoryStore(), key=key)
    assert server.forms == []


def test_sessions_forked_from_one_process_are_each_another_lock_holder(
    server: RotatingOAuthServer, tmp_path: Path
) -> None:
    # A session made before the workers fork (gunicorn --preload, a module-level session) lives on in each child.
    store = SQLiteStore(tmp_path / "t.db", TokenCipher([TokenCipher.generate_key()]))
    store.write(KEY, due_tokens(server), None)
    session = process(server, store)
    children = []
    for _ in range(4):
        pid = os.fork()
        if pid == 0:  # the child: one call, then out, whatever happens
            code = 1
            try:
                code = 0 if session.access_token() == server_token(session) else 2
            finally:
                os._exit(code)
        children.append(pid)
    statuses = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]
    assert statuses == [0, 0, 0, 0]
    assert refreshes(server) == 1  # one refresh; the others took its tokens from the store
    store.close()


def server_token(session: TokenSession) -> str:
    """The access token the store holds now (what the child that refreshed wrote)."""
    assert session.store is not None and session.key is not None
    stored = session.store.read(session.key)
    assert stored is not None
    return stored.tokens.access_token


def test_a_refresh_slower_than_the_lease_keeps_the_lock_and_is_not_sent_twice(store: TokenStore) -> None:
    with RotatingOAuthServer(refresh_delay=1.0) as slow:  # the answer takes three leases
        store.write(KEY, due_tokens(slow), None)
        first, second = process(slow, store, lease=0.3), process(slow, store, lease=0.3)
        outcome: dict[str, str] = {}
        thread = threading.Thread(target=lambda: outcome.update(first=first.access_token()))
        thread.start()
        time.sleep(0.5)  # the first is waiting for its answer, past its lease
        outcome["second"] = second.access_token()
        thread.join()
        assert outcome["first"] == outcome["second"] == slow.access_token
        assert refreshes(slow) == 1


class Raising(Wrapped):
    """A store of the application's own whose driver raises its own errors."""

    def save(self, key: str, blob: bytes, expected: int) -> int | None:
        raise ValueError("ORM: connection pool exhausted")


def test_a_store_raising_its_own_errors_is_a_store_error_and_loses_nothing(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    app = OAuthApp(client(server), CLIENT_ID, CLIENT_SECRET)
    session = app.exchange(code=CODE, redirect_uri=REDIRECT_URI, store=Raising(store), key=KEY)
    assert session.pending_persist  # the tokens the code bought are held, and written when the store works
    assert session.access_token() == server.access_token

    def load(key: str) -> Record | None:
        raise KeyError(key)

    broken = Wrapped(store)
    broken.load = load  # type: ignore[method-assign]
    with pytest.raises(errors.StoreError, match="could not read: KeyError"):
        TokenSession.from_store(client(server), CLIENT_ID, CLIENT_SECRET, store=broken, key=KEY)


def test_a_cancelled_async_caller_whose_loop_is_gone_leaves_no_waiter_hanging(store: TokenStore) -> None:
    with RotatingOAuthServer(refresh_delay=0.5) as slow:
        store.write(KEY, due_tokens(slow), None)
        session = process(slow, store)

        async def impatient() -> None:
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(session.aaccess_token(), 0.1)

        asyncio.run(impatient())  # the caller cancelled, and its loop closed, while the refresh runs on
        begun = time.monotonic()
        assert session.access_token() == slow.access_token
        assert time.monotonic() - begun < 3.0
        assert refreshes(slow) == 1


async def test_the_async_resume_reads_the_store_off_the_event_loop(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    app = OAuthApp(client(server), CLIENT_ID, CLIENT_SECRET)
    with pytest.raises(errors.CredentialsError, match="no tokens are stored"):
        await app.asession(store=store, key=KEY)
    store.write(KEY, due_tokens(server), None)
    session = await app.asession(store=store, key=KEY)
    assert await session.aaccess_token() == server.access_token


def test_resuming_says_what_to_pass_when_the_arguments_do_not_go_together(
    server: RotatingOAuthServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = OAuthApp(client(server), CLIENT_ID, CLIENT_SECRET)
    with pytest.raises(errors.ArgumentError, match="store and key together"):
        app.session(store=MemoryStore())
    with pytest.raises(errors.ArgumentError, match=r"not both \(to put tokens you kept into a store"):
        app.session(due_tokens(server), store=MemoryStore(), key=KEY)
    monkeypatch.setenv(KEYS_ENV, "not-a-key")
    with pytest.raises(errors.ArgumentError, match=f"^{KEYS_ENV}: keys\\[0\\] is not a Fernet key"):
        stores.TokenCipher.from_env()
    # Autocomplete and help() list the stores that load on first use too.
    assert {"PostgresStore", "RedisStore", "SQLiteStore", "TokenStore"} <= set(dir(stores))


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_tokens_waiting_for_the_store_are_written_even_if_the_session_is_dropped(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    # A session made per request and dropped at its end: the writer keeps it until the store takes its tokens.
    store.write(KEY, due_tokens(server), None)
    wrapped = Wrapped(store)
    wrapped.failing_saves = 10**9
    session = process(server, wrapped, lease=0.6)
    token = session.access_token()
    del session
    gc.collect()
    wrapped.failing_saves = 0
    wait_until(lambda: (stored := store.read(KEY)) is not None and stored.tokens.access_token == token, "not written")


class SlowFailing(Wrapped):
    """A store whose writes time out after a while (a row locked elsewhere)."""

    def save(self, key: str, blob: bytes, expected: int) -> int | None:
        if self.failing_saves:
            time.sleep(0.3)
        return super().save(key, blob, expected)


def test_calls_do_not_wait_on_the_store_while_the_background_writer_retries(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    store.write(KEY, due_tokens(server), None)
    wrapped = SlowFailing(store)
    wrapped.failing_saves = 10**9
    session = process(server, wrapped, lease=0.6)
    token = session.access_token()
    begun = time.monotonic()
    for _ in range(50):
        assert session.access_token() == token  # from memory: the writer owns the retries
    assert time.monotonic() - begun < 0.2
    wrapped.failing_saves = 0
    wait_until(lambda: not session.pending_persist, "not written")


def test_a_refused_refresh_token_is_not_sent_again_and_the_lock_is_freed(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    store.write(KEY, due_tokens(server), None)
    server.refresh_token = "FAKE-revoked-elsewhere"  # the user disconnected the application
    session = process(server, store, lease=0.6)
    with pytest.raises(errors.InvalidGrantError):
        session.access_token()
    assert store.acquire(KEY, "another process", 1.0)
    store.release(KEY, "another process")
    session._retry_at = 0  # the back-off after a failure, skipped
    with pytest.raises(errors.InvalidGrantError):
        session.access_token()
    assert refreshes(server) == 1  # the refused token went to the server once


def test_a_child_forked_while_another_thread_holds_the_session_s_lock_does_not_hang(
    server: RotatingOAuthServer, tmp_path: Path
) -> None:
    store = SQLiteStore(tmp_path / "t.db", TokenCipher([TokenCipher.generate_key()]))
    store.write(KEY, Tokens(server.access_token, server.refresh_token), None)  # fresh: no refresh needed
    session = process(server, store)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with session._lock:
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            # Bounded by the alarm: a hang fails the test instead of stalling it.
            signal.alarm(5)
            code = 0 if session.access_token() == server.access_token else 2
        finally:
            os._exit(code)
    release.set()
    holder.join()
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    store.close()


class Aborting(Wrapped):
    def acquire(self, key: str, owner: str, lease: float) -> bool:
        raise Abort


class Abort(BaseException):
    """Not an Exception: what a worker's shutdown raises inside a call."""


def test_a_refresh_ended_by_a_base_exception_leaves_no_caller_waiting(
    server: RotatingOAuthServer, store: TokenStore
) -> None:
    store.write(KEY, due_tokens(server), None)
    session = process(server, Aborting(store))
    with pytest.raises(Abort):
        asyncio.run(session.aaccess_token())
    outcome: list[BaseException] = []

    def again() -> None:
        try:
            session.access_token()
        except BaseException as exc:  # Abort, raised again: no flight was left behind to wait for
            outcome.append(exc)

    thread = threading.Thread(target=again)
    thread.start()
    thread.join(5)
    assert not thread.is_alive() and isinstance(outcome[0], Abort)
