"""Loopback servers the tests misbehave with: a raw socket server that answers each connection as a test says,
and an OAuth server that rotates refresh tokens the way a strict authorization server does."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, unquote_plus

CLIENT_ID = "FAKE-client-id-flow-0001"
CLIENT_SECRET = "FAKE-client-secret-flow-0001"
CODE = "FAKE-flow-code-0001"

Send = Callable[[socket.socket, bytes], None]
"""Answers one request: the connection, and the request as received (its head, and its body when it has a
``Content-Length``)."""


def _receive(connection: socket.socket) -> bytes | None:
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")),
        0,
    )
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


@contextmanager
def serving(send: Send) -> Iterator[str]:
    """A loopback server that answers every request with ``send`` (one request a connection); its base URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def answer(connection: socket.socket) -> None:
        with connection:
            connection.settimeout(10)
            try:
                request = _receive(connection)
                if request is not None:
                    send(connection, request)
            except OSError:
                pass  # the client hung up: what a bounded read does

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=answer, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    address = listener.getsockname()
    try:
        yield f"http://127.0.0.1:{address[1]}"
    finally:
        stop.set()
        with contextlib.suppress(OSError):  # wakes the accept() under way, so stopping takes no timeout's wait
            socket.create_connection(address, timeout=1).close()
        thread.join(5)
        listener.close()


def head(status: int = 200, **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status} X", "Content-Type: application/json", "Connection: close"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def chunked(pieces: Iterator[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    yield b"0\r\n\r\n"


class RotatingOAuthServer:
    """A loopback OAuth server: every refresh rotates the refresh token; a used one gets invalid_grant.

    It takes the client's credentials from the form (client_secret_post) or an HTTP Basic header
    (client_secret_basic), never both (RFC 6749 §2.3). With ``code_challenge`` set it checks the exchange's PKCE
    verifier against it (S256). ``revoke_errors`` makes the revocation of a kind of token (by its
    ``token_type_hint``) fail with the given status and body. ``GET /v1/refuse`` is always 401; any other GET is
    200 with the current access token as a Bearer token, else 401 (a POST under /v1/ too, its body kept in
    ``api_bodies``). ``forms`` holds every form it was sent to the OAuth endpoints."""

    def __init__(
        self,
        *,
        refresh_delay: float = 0.3,
        expires_in: Any = 7200,
        client_secret: str = CLIENT_SECRET,
        code_challenge: str | None = None,
    ) -> None:
        self.refresh_delay = refresh_delay
        self.expires_in = expires_in
        self.client_secret = client_secret
        self.code_challenge = code_challenge
        self.revoke_errors: dict[str, tuple[int, dict[str, Any]]] = {}
        self.generation = 0
        self.access_token = "FAKE-flow-access-token-0000"
        self.refresh_token = "FAKE-flow-refresh-token-0000"
        self.requests: Counter[str] = Counter()
        self.revoked: list[str] = []
        self.authorizations: list[str] = []
        self.forms: list[dict[str, str]] = []
        self.api_bodies: list[bytes] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                if self.path.startswith("/v1/"):
                    server.api_bodies.append(self.rfile.read(length))
                    self.do_GET()
                    return
                form = {key: values[0] for key, values in parse_qs(self.rfile.read(length).decode()).items()}
                status, body = server.answer(self.path, form, self.headers.get("Authorization"))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                payload = json.dumps(body).encode()
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                authorized = self.headers.get("Authorization") == f"Bearer {server.access_token}"
                with server.lock:
                    server.requests[self.path] += 1
                    server.authorizations.append(self.headers.get("Authorization", ""))
                self.send_response(200 if authorized and self.path != "/v1/refuse" else 401)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        # A short poll interval: shutdown() waits for it, and each test starts and stops a server.
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def __enter__(self) -> Self:
        """The server, serving until the ``with`` block ends."""
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def invalidate_access_token(self) -> None:
        """Stop accepting the current access token (as a server does with one it revoked), keeping the refresh
        token: the next refresh brings one it accepts."""
        with self.lock:
            self.access_token = "FAKE-flow-access-token-invalidated"

    def _client_secret(self, form: dict[str, str], authorization: str | None) -> str | None:
        """The client secret the request authenticated with, or None when it used no method or two."""
        if authorization is None or not authorization.startswith("Basic "):
            return form.get("client_secret")
        if "client_secret" in form:
            return None
        client_id, _, secret = base64.b64decode(authorization[len("Basic ") :]).decode().partition(":")
        # RFC 6749 §2.3.1: each part is form-urlencoded before it is joined.
        return unquote_plus(secret) if unquote_plus(client_id) == CLIENT_ID else None

    def answer(self, path: str, form: dict[str, str], authorization: str | None) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.requests[path] += 1
            self.authorizations.append(authorization or "")
            self.forms.append(form)
        if self._client_secret(form, authorization) != self.client_secret:
            return 401, {"error": "invalid_client", "error_description": "Client authentication failed."}
        if path == "/oauth/revoke":
            failure = self.revoke_errors.get(form.get("token_type_hint", ""))
            if failure is not None:
                return failure
            with self.lock:
                self.revoked.append(form["token"])
            return 200, {}
        if form.get("grant_type") == "refresh_token":
            time.sleep(self.refresh_delay)  # long enough for every concurrent caller to pile up
            with self.lock:
                if form.get("refresh_token") != self.refresh_token:
                    return 400, {"error": "invalid_grant", "error_description": "The refresh token was already used."}
                return 200, self._rotate()
        if form.get("grant_type") == "authorization_code" and form.get("code") == CODE:
            if self.code_challenge is not None:
                verifier = form.get("code_verifier")
                if verifier is None:
                    return 400, {"error": "invalid_request", "error_description": "Missing code_verifier."}
                digest = hashlib.sha256(verifier.encode()).digest()
                if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != self.code_challenge:
                    return 400, {"error": "invalid_grant", "error_description": "Code challenge failed."}
            with self.lock:
                return 200, self._rotate()
        return 400, {"error": "invalid_grant", "error_description": "Unknown code."}

    def _rotate(self) -> dict[str, Any]:
        self.generation += 1
        self.access_token = f"FAKE-flow-access-token-{self.generation:04d}"
        self.refresh_token = f"FAKE-flow-refresh-token-{self.generation:04d}"
        return {
            "access_token": self.access_token,
            "token_type": "Bearer",
            "expires_in": self.expires_in,
            "refresh_token": self.refresh_token,
            "scope": "read_databases",
        }

    def secrets(self) -> list[str]:
        every = [self.client_secret, CODE]
        for generation in range(self.generation + 1):
            every += [f"FAKE-flow-access-token-{generation:04d}", f"FAKE-flow-refresh-token-{generation:04d}"]
        return every
