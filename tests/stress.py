"""Many processes, threads and tasks sharing one connection's tokens through a store, against a rotating OAuth server.

The server (``tests/loopback.py``'s ``RotatingOAuthServer``, run in this process) rotates the refresh token on every
refresh and answers ``invalid_grant`` to a used one, with access tokens that live ``lifetime`` seconds. Each worker
process opens the store, resumes the session of one key (``TokenSession.from_store``) and has ``threads`` threads
and ``tasks`` asyncio tasks call ``access_token()`` / ``aaccess_token()`` until the server has issued ``expiries``
new tokens. Then the run is judged from outside the package: the server's own counts, and the store read back.

    make stress                                              # every store, at a larger scale than the tests
    make stress STRESS="--stores sqlite --processes 4"       # one store, fewer processes

Used by tests/e2e/test_shared_sessions.py (8 processes, 20 expiries per store) and by ``make stress`` (16 and 50).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loopback import CLIENT_ID, CLIENT_SECRET, RotatingOAuthServer

from helpers import NO_RETRY

KEY = "user-42"
CIPHER_KEYS = ["kR1Rq9S4gq3o8x9fJ1u8kq0kzZ3n9w1hX8Zb5Zf0m2s=", "3rJ0iFq7k2Vv6qv4v1t3z9h8Gm0p2c5x7b9n1m3q5s0="]


@dataclass(frozen=True)
class StoreSpec:
    """How a worker process opens the store: its kind and where it is (a path, a DSN or a URL)."""

    kind: str  # memory | sqlite | postgres | redis
    where: str = ""


def open_store(spec: StoreSpec, *, hang_after_acquire: bool = False) -> Any:
    from planetscale_oauth.stores import MemoryStore, SQLiteStore, TokenCipher

    cipher = TokenCipher(CIPHER_KEYS)
    store: Any
    if spec.kind == "memory":
        store = MemoryStore(cipher)
    elif spec.kind == "sqlite":
        store = SQLiteStore(spec.where, cipher)
    elif spec.kind == "postgres":
        from planetscale_oauth.stores import PostgresStore

        store = PostgresStore(spec.where, cipher)
    elif spec.kind == "redis":
        from planetscale_oauth.stores import RedisStore

        store = RedisStore(spec.where, cipher)
    else:
        raise ValueError(f"unknown store kind {spec.kind!r}")
    if hang_after_acquire:
        store = _hanging(store)
    return store


def _hanging(store: Any) -> Any:
    """``store`` whose first successful ``acquire`` never returns: the process then holds the lock mid-refresh,
    until it is killed. It says so by creating the file named in STRESS_HOLDING."""
    original = store.acquire

    def acquire(key: str, owner: str, lease: float) -> bool:
        taken: bool = original(key, owner, lease)
        if taken:
            Path(os.environ["STRESS_HOLDING"]).touch()
            time.sleep(3600)
        return taken

    store.acquire = acquire
    return store


@dataclass
class WorkerReport:
    calls: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    fresh_latencies: list[float] = field(default_factory=list)
    refreshes: int = 0


def _worker(
    spec: StoreSpec,
    url: str,
    threads: int,
    tasks: int,
    margin: float,
    lease: float,
    stop: Any,
    started: Any,
    reports: Any,
    hang: bool,
    store: Any = None,
) -> None:
    from planetscale_oauth import Client, errors
    from planetscale_oauth.oauth import TokenSession

    store = store or open_store(spec, hang_after_acquire=hang)
    client = Client(oauth_base_url=url, retry=NO_RETRY)
    session = TokenSession.from_store(
        client, CLIENT_ID, CLIENT_SECRET, store=store, key=KEY, refresh_margin=margin, lease=lease
    )
    report = WorkerReport()
    guard = threading.Lock()

    def record(latency: float, fresh: bool, error: BaseException | None) -> None:
        with guard:
            report.calls += 1
            if error is not None:
                report.errors[type(error).__name__] += 1
            elif fresh:
                report.fresh_latencies.append(latency)

    def call_sync() -> None:
        last = None
        while not stop.is_set():
            begun = time.perf_counter()
            try:
                token = session.access_token()
            except errors.PlanetScaleError as exc:
                record(0.0, False, exc)
                time.sleep(0.01)
                continue
            except Exception as exc:  # counted, by kind: anything not the package's own is a finding
                record(0.0, False, exc)
                time.sleep(0.01)
                continue
            record(time.perf_counter() - begun, token == last, None)
            last = token
            time.sleep(0.002)

    async def call_async() -> None:
        last = None
        while not stop.is_set():
            begun = time.perf_counter()
            try:
                token = await session.aaccess_token()
            except Exception as exc:  # counted, by kind
                record(0.0, False, exc)
                await asyncio.sleep(0.01)
                continue
            record(time.perf_counter() - begun, token == last, None)
            last = token
            await asyncio.sleep(0.002)

    async def run_tasks() -> None:
        await asyncio.gather(*(call_async() for _ in range(tasks)))

    workers = [threading.Thread(target=call_sync, daemon=True) for _ in range(threads)]
    if tasks:
        workers.append(threading.Thread(target=lambda: asyncio.run(run_tasks()), daemon=True))
    started.release()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    report.refreshes = session.refreshes
    reports.put(report)


class CountingServer(RotatingOAuthServer):
    """The rotating server, also counting what a judge needs: refreshes, ``invalid_grant`` answers, and refreshes
    that came while the previous access token was still fresh (more than one refresh for an expiry)."""

    def __init__(self, *, lifetime: float, margin: float) -> None:
        super().__init__(refresh_delay=0.02, expires_in=lifetime)
        self.lifetime, self.margin = lifetime, margin
        self.invalid_grants = 0
        self.early = 0
        self.issued_at = time.time()

    def answer(self, path: str, form: dict[str, str], authorization: str | None) -> tuple[int, dict[str, Any]]:
        status, body = super().answer(path, form, authorization)
        with self.lock:
            if body.get("error") == "invalid_grant":
                self.invalid_grants += 1
            elif status == 200 and form.get("grant_type") == "refresh_token":
                now = time.time()
                # Due at lifetime - margin; 50 ms of slack for scheduling.
                if now < self.issued_at + self.lifetime - self.margin - 0.05:
                    self.early += 1
                self.issued_at = now
        return status, body


@dataclass
class Outcome:
    store: str
    processes: int
    expiries: int
    refreshes: int
    invalid_grant: int
    early: int
    lost: int
    calls: int
    errors: Counter[str]
    p50_ms: float
    p99_ms: float
    stalled_s: float = 0.0

    def line(self) -> str:
        errors = ", ".join(f"{name} {count}" for name, count in sorted(self.errors.items())) or "none"
        return (
            f"{self.store:<9} processes {self.processes:>2}  expiries {self.expiries:>3}  refreshes {self.refreshes:>3}"
            f"  invalid_grant {self.invalid_grant}  lost tokens {self.lost}  early refreshes {self.early}"
            f"  calls {self.calls}  access_token() on a fresh token p50 {self.p50_ms:.3f} ms p99 {self.p99_ms:.3f} ms"
            f"  errors: {errors}"
            + (f"  others stalled {self.stalled_s:.2f} s after the lock holder was killed" if self.stalled_s else "")
        )


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


def run(
    spec: StoreSpec,
    *,
    processes: int = 8,
    threads: int = 16,
    tasks: int = 16,
    expiries: int = 20,
    lifetime: float = 0.6,
    margin: float = 0.15,
    lease: float = 2.0,
    during: Callable[[CountingServer], None] | None = None,
    kill_lock_holder: bool = False,
    timeout: float = 120.0,
) -> Outcome:
    """One run: ``processes`` workers share the key's tokens until the server has issued ``expiries`` new ones.

    ``during(server)`` runs in the parent once the workers are going (a database restart, say). With
    ``kill_lock_holder`` one more worker takes the lock at the first expiry and hangs there; it is killed with
    SIGKILL, and ``stalled_s`` is how long the others then went without a new token."""
    import datetime

    from planetscale_oauth.oauth import Tokens

    server = CountingServer(lifetime=lifetime, margin=margin)
    context = multiprocessing.get_context("spawn")
    stop, started, reports = context.Event(), context.Semaphore(0), context.Queue()
    with server, tempfile.TemporaryDirectory() as scratch:
        store = open_store(spec)
        # An access token already due: the run starts with an expiry.
        now = datetime.datetime.now(datetime.UTC)
        first = store.write(KEY, Tokens(server.access_token, server.refresh_token, expires_at=now), None)
        server.issued_at = time.time() - lifetime
        # The memory store is this process's: its workers are threads here, not processes.
        in_process = spec.kind == "memory"
        children: list[tuple[Any, bool]] = []
        holding = Path(scratch) / "holding"
        env_before = os.environ.get("STRESS_HOLDING")
        os.environ["STRESS_HOLDING"] = str(holding)
        try:
            plan = [False] * processes + ([True] if kill_lock_holder else [])
            for hang in plan:
                arguments = (spec, server.url, threads, tasks, margin, lease, stop, started, reports, hang)
                if in_process:
                    children.append((threading.Thread(target=_worker, args=(*arguments, store), daemon=True), hang))
                else:
                    children.append((context.Process(target=_worker, args=arguments, daemon=True), hang))
            # The hanging worker starts first, alone, so that it is the one that takes the lock.
            for child, hang in sorted(children, key=lambda pair: not pair[1]):
                child.start()
                if hang:
                    _wait_for(holding.exists, timeout=30, what="the hanging worker to take the lock")
            for _ in children:
                started.acquire(timeout=60)
            stalled = 0.0
            if kill_lock_holder:
                hanging = next(child for child, hang in children if hang)
                generation = server.generation
                assert hanging.pid is not None
                os.kill(hanging.pid, signal.SIGKILL)
                killed_at = time.monotonic()
                _wait_for(lambda: server.generation > generation, timeout=lease * 5 + 10, what="a refresh")
                stalled = time.monotonic() - killed_at
            if during is not None:
                during(server)
            _wait_for(lambda: server.generation >= expiries, timeout=timeout, what=f"{expiries} refreshes")
        finally:
            stop.set()
            if env_before is None:
                os.environ.pop("STRESS_HOLDING", None)
            else:
                os.environ["STRESS_HOLDING"] = env_before
        collected = [reports.get(timeout=60) for _, hang in children if not hang]
        for child, _ in children:
            child.join(timeout=30)
            if isinstance(child, multiprocessing.process.BaseProcess) and child.is_alive():
                child.kill()
        refreshes = server.generation
        stored = _read_back(store)
        # Lost: the store does not end on the server's live tokens, or a refresh's tokens never reached it.
        lost = 0
        if stored is None or stored.tokens.refresh_token != server.refresh_token:
            lost += 1
        lost += max(0, refreshes - (stored.version - first if stored and first else 0))
        store.close()
    latencies = [value for report in collected for value in report.fresh_latencies]
    errors: Counter[str] = Counter()
    for report in collected:
        errors.update(report.errors)
    return Outcome(
        store=spec.kind,
        processes=processes,
        expiries=expiries,
        refreshes=refreshes,
        invalid_grant=server.invalid_grants,
        early=server.early,
        lost=lost,
        calls=sum(report.calls for report in collected),
        errors=errors,
        p50_ms=_percentile(latencies, 0.5),
        p99_ms=_percentile(latencies, 0.99),
        stalled_s=stalled,
    )


def _read_back(store: Any) -> Any:
    """The key's stored tokens; the first read after a database restart finds the connection cut, the next one
    reconnects."""
    from planetscale_oauth.errors import StoreError

    for attempt in range(5):
        try:
            return store.read(KEY)
        except StoreError:
            if attempt == 4:
                raise
            time.sleep(0.2)
    return None


def _wait_for(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:g} s for {what}")
        time.sleep(0.01)


@contextlib.contextmanager
def store_specs(kinds: list[str]) -> Iterator[list[StoreSpec]]:
    """The stores to run, with the servers they need started for the run (tests/servers.py)."""
    from servers import postgres_server, redis_server

    with contextlib.ExitStack() as stack, tempfile.TemporaryDirectory() as scratch:
        specs = []
        for kind in kinds:
            if kind == "sqlite":
                specs.append(StoreSpec("sqlite", str(Path(scratch) / "tokens.db")))
            elif kind == "postgres":
                specs.append(StoreSpec("postgres", stack.enter_context(postgres_server()).conninfo))
            elif kind == "redis":
                specs.append(StoreSpec("redis", stack.enter_context(redis_server()).url))
            else:
                specs.append(StoreSpec(kind))
        yield specs


def main() -> int:
    parser = argparse.ArgumentParser(description="make stress: shared token sessions under load, one line a store")
    parser.add_argument("--stores", default="memory,sqlite,postgres,redis")
    parser.add_argument("--processes", type=int, default=16)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--tasks", type=int, default=16)
    parser.add_argument("--expiries", type=int, default=50)
    parser.add_argument("--lifetime", type=float, default=0.6)
    args = parser.parse_args()
    failed = False
    with store_specs(args.stores.split(",")) as specs:
        for spec in specs:
            # The memory store is one process's: it runs with one.
            processes = 1 if spec.kind == "memory" else args.processes
            outcome = run(
                spec, processes=processes, threads=args.threads, tasks=args.tasks, expiries=args.expiries,
                lifetime=args.lifetime, timeout=args.expiries * args.lifetime * 10 + 60,
            )  # fmt: skip
            print(outcome.line(), flush=True)
            failed |= bool(outcome.invalid_grant or outcome.lost or outcome.early)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
