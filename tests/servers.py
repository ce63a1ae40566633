"""Real database servers for the store tests: PostgreSQL and Redis started from the binaries on this machine, on
loopback, in a temporary directory, and stopped (and the directory removed) when the ``with`` block ends.

The stores' claims (a lock that one owner holds across processes, a record that survives the server's restart, an
error that says which store failed) are about the real servers, so no fake stands in for them. Each server starts in
well under a second. ``make test`` installs what is missing (``make servers``); without it, starting one raises
``ServerUnavailable`` saying what to install: a test that needs a server fails, it is never skipped.

PostgreSQL's ``initdb`` refuses to run as root: as root, the cluster belongs to the ``postgres`` OS user (which
Debian's package creates) and ``initdb``/``pg_ctl`` run as that user through ``runuser``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_TIMEOUT = 20.0
"""Seconds a server may take to accept connections before starting it counts as failed."""


class ServerUnavailable(RuntimeError):
    """A server could not be started: its binary is missing (the message says what to install), or it failed."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (the OS's pick)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _accepts(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
        return True
    return False


def _postgres_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    # Debian's postgresql package keeps its binaries out of PATH, one directory per major version: the newest wins.
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    if candidates:
        return candidates[-1]
    raise ServerUnavailable(
        f"PostgreSQL's {name} is not on PATH nor in /usr/lib/postgresql/*/bin: install PostgreSQL "
        "(`make servers`, or `apt-get install -y postgresql` on Debian)"
    )


class PostgresServer:
    """A PostgreSQL cluster of its own: trust authentication on 127.0.0.1, database ``postgres``, user ``postgres``.

    ``conninfo`` is what ``psycopg.connect`` (and ``PostgresStore``) takes. Made by ``postgres_server()``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.log = directory / "postgres.log"
        self.port = free_port()
        self.conninfo = f"host=127.0.0.1 port={self.port} dbname=postgres user=postgres connect_timeout=5"
        self._pg_ctl = _postgres_bin("pg_ctl")
        self._initdb = _postgres_bin("initdb")
        # As root, the cluster is the postgres user's (initdb refuses root); as anyone else, the caller's own.
        self._as: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise ServerUnavailable(
                    "running as root, PostgreSQL needs the `postgres` OS user: install PostgreSQL "
                    "(`apt-get install -y postgresql`) or create the user"
                ) from None
            os.chown(directory, user.pw_uid, user.pw_gid)
            self._as = [shutil.which("runuser") or "runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self._as, *args], capture_output=True, text=True, timeout=START_TIMEOUT + 10)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise ServerUnavailable(
                f"PostgreSQL: `{' '.join(args[:1] + args[-1:])}` failed ({result.returncode}): "
                f"{result.stderr.strip()[-2000:]}\n{log}"
            )

    def _pg_ctl_args(self, action: str) -> list[str]:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        paths = ["-D", str(self.data), "-l", str(self.log)]
        return [self._pg_ctl, *paths, "-o", options, *f"-m fast -w -t {int(START_TIMEOUT)}".split(), action]

    def init(self) -> None:
        options = "-A trust -U postgres -E UTF8 --locale=C --no-sync --no-instructions".split()
        self._run(self._initdb, "-D", str(self.data), *options)

    def start(self) -> None:
        """Start the server; returns once it accepts connections."""
        self._run(*self._pg_ctl_args("start"))
        self._wait()

    def restart(self) -> None:
        """Restart the server (``pg_ctl restart -m fast``: open connections are cut); returns once it accepts
        connections again."""
        self._run(*self._pg_ctl_args("restart"))
        self._wait()

    def stop(self) -> None:
        """Stop the server (fast shutdown); ``start()`` starts it again with its data."""
        if (self.data / "postmaster.pid").exists():
            self._run(*self._pg_ctl_args("stop"))

    def _wait(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while not _accepts(self.port):
            if time.monotonic() > deadline:
                raise ServerUnavailable(f"PostgreSQL on port {self.port} does not accept connections")
            time.sleep(0.02)

    def __repr__(self) -> str:
        return f"PostgresServer(port={self.port})"


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """A new PostgreSQL cluster, started, for the ``with`` block; stopped and removed after it."""
    directory = Path(tempfile.mkdtemp(prefix="planetscale-oauth-pg-"))
    try:
        server = PostgresServer(directory)
        server.init()
        server.start()
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


class RedisServer:
    """A Redis server of its own on 127.0.0.1, persisting every write to its append-only file (``appendfsync
    always``) so that what was written survives ``restart()``. ``url`` is what ``redis.Redis.from_url`` (and
    ``RedisStore``) takes. Made by ``redis_server()``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.log = directory / "redis.log"
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        binary = shutil.which("redis-server")
        if binary is None:
            raise ServerUnavailable(
                "redis-server is not on PATH: install Redis (`make servers`, or `apt-get install -y redis-server` "
                "on Debian)"
            )
        self._binary = binary
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server (with the data of its append-only file); returns once it answers PING."""
        options = "--bind 127.0.0.1 --appendonly yes --appendfsync always --daemonize no".split()
        command = [self._binary, "--port", str(self.port), *options, "--save", "", "--dir", str(self.directory)]
        command += ["--logfile", str(self.log)]
        self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT
        while not self._pings():
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
                raise ServerUnavailable(f"redis-server on port {self.port} did not start:\n{log}")
            time.sleep(0.02)

    def _pings(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                # Until the append-only file is loaded, the server answers -LOADING.
                return connection.recv(64).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        """Stop the server (SIGTERM: Redis flushes its append-only file and exits); ``start()`` starts it again."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def restart(self) -> None:
        """Stop the server and start it again on the same port, with its data; returns once it answers PING."""
        self.stop()
        self.start()

    def __repr__(self) -> str:
        return f"RedisServer(port={self.port})"


@contextmanager
def redis_server() -> Iterator[RedisServer]:
    """A new Redis server, started, for the ``with`` block; stopped and its directory removed after it."""
    directory = Path(tempfile.mkdtemp(prefix="planetscale-oauth-redis-"))
    try:
        server = RedisServer(directory)
        server.start()
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(directory, ignore_errors=True)
