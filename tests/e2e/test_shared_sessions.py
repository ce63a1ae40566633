"""Many processes sharing one connection's tokens through each real store, against a rotating OAuth server.

For each store (SQLite on a file, PostgreSQL and Redis servers started from the machine's binaries, and the
in-process memory store): 8 worker processes of 16 threads and 16 asyncio tasks call ``access_token()`` across 20
expiries of a short-lived access token. The server judges: exactly one refresh per expiry (none while the previous
token was still fresh), no ``invalid_grant``, and the store ends on the server's live tokens with one write per
refresh (nothing lost). Then a lock holder killed with SIGKILL mid-refresh, and a database restarted mid-run.
The harness is tests/stress.py, which ``make stress`` runs at a larger scale.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import PostgresServer, RedisServer, postgres_server, redis_server
from stress import Outcome, StoreSpec, run

LEASE = 1.0


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    with postgres_server() as running:
        yield running


@pytest.fixture(scope="module")
def redis() -> Iterator[RedisServer]:
    with redis_server() as running:
        yield running


@pytest.fixture(params=["sqlite", "postgres", "redis"])
def shared(request: pytest.FixtureRequest, tmp_path: Path) -> StoreSpec:
    """A store many processes share."""
    if request.param == "postgres":
        server: PostgresServer = request.getfixturevalue("postgres")
        return StoreSpec("postgres", server.conninfo)
    if request.param == "redis":
        cache: RedisServer = request.getfixturevalue("redis")
        return StoreSpec("redis", cache.url)
    return StoreSpec("sqlite", str(tmp_path / "tokens.db"))


def assert_nothing_lost(outcome: Outcome, expiries: int) -> None:
    print(outcome.line())
    assert outcome.invalid_grant == 0, outcome.line()
    assert outcome.lost == 0, outcome.line()
    assert outcome.early == 0, outcome.line()  # one refresh per expiry
    assert outcome.refreshes >= expiries
    assert outcome.calls > 0


def test_eight_processes_of_threads_and_tasks_refresh_once_per_expiry(shared: StoreSpec) -> None:
    outcome = run(shared, processes=8, threads=16, tasks=16, expiries=20, lease=LEASE)
    assert_nothing_lost(outcome, 20)
    assert outcome.errors == {}, outcome.line()


def test_the_memory_store_shares_one_process_s_sessions_the_same_way() -> None:
    outcome = run(StoreSpec("memory"), processes=4, threads=16, tasks=16, expiries=20, lease=LEASE)
    assert_nothing_lost(outcome, 20)
    assert outcome.errors == {}, outcome.line()


def test_a_lock_holder_killed_mid_refresh_delays_the_others_by_at_most_the_lease(shared: StoreSpec) -> None:
    outcome = run(shared, processes=3, threads=4, tasks=4, expiries=5, lease=LEASE, kill_lock_holder=True)
    assert_nothing_lost(outcome, 5)
    assert outcome.errors == {}, outcome.line()
    # The lease, and the pause of the others' wait for the lock (at most 0.1 s) and a refresh.
    assert outcome.stalled_s < LEASE + 1.0, outcome.stalled_s


@pytest.mark.parametrize("kind", ["postgres", "redis"])
def test_a_database_down_then_restarted_mid_run_is_a_typed_error_then_recovery_with_nothing_lost(
    kind: str, request: pytest.FixtureRequest
) -> None:
    server: PostgresServer | RedisServer = request.getfixturevalue(kind)
    spec = StoreSpec(kind, server.conninfo if isinstance(server, PostgresServer) else server.url)

    def outage(_: object) -> None:
        # Down for a second, longer than the drivers' own reconnect attempts: callers must see it. Then a restart.
        time.sleep(1.0)
        server.stop()
        time.sleep(1.0)
        server.start()
        time.sleep(1.0)
        server.restart()

    outcome = run(spec, processes=4, threads=8, tasks=8, expiries=12, lease=LEASE, during=outage)
    print(outcome.line())
    assert outcome.lost == 0 and outcome.early == 0, outcome.line()
    # Callers that needed the store while it was down got the package's own error, and nothing else: no caller saw
    # InvalidGrantError. While the store is down the newest tokens live only in the memory of the process that
    # refreshed; if the lock's lease runs out meanwhile, another process may send the refresh token they replaced
    # once (the server refuses it), and then takes the newer tokens from the store when they are written.
    assert set(outcome.errors) == {"StoreError"}, outcome.line()
    assert outcome.invalid_grant <= 2, outcome.line()  # at most one per outage
