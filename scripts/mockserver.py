"""Start Prism (the mock server from package-lock.json) on a free loopback port.

Used by the end-to-end tests and by `make demo`:

    with prism() as base_url:
        ...  # base_url is e.g. "http://127.0.0.1:41234"

Prism serves openapi.yaml with --errors, so a request the spec does not allow gets an
error status instead of a mock answer. Its log goes to a file so a long run never
blocks on a full pipe; the log is shown when Prism fails to start.
"""

from __future__ import annotations

import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRISM = ROOT / "node_modules" / ".bin" / "prism"
SPEC = ROOT / "openapi.yaml"
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def prism(spec: Path = SPEC) -> Iterator[str]:
    """Run ``prism mock --errors`` for ``spec`` until the block ends; yield its base URL."""
    if not PRISM.exists():
        raise RuntimeError(f"{PRISM} is missing: run `make node` (npm ci) first")
    port = free_port()
    command = [str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(port), "--errors", str(spec)]
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while not _listening(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"Prism did not start on port {port}:\n{log.read()}")
                time.sleep(0.2)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
