"""A second real OAuth 2.0 authorization server that no one here wrote: oauthlib's ``WebApplicationServer``, on
Flask, served on a loopback port.

oauthlib leaves storage and policy to a ``RequestValidator``; the one here keeps everything in memory and says only
what the application decides: one confidential client, which may authenticate with ``client_secret_post`` or
``client_secret_basic`` (RFC 6749 §2.3.1, one method a request), PKCE required (RFC 7636), refresh tokens rotated and
the old grant ended at each refresh, and revocation (RFC 7009) of the client's own tokens. oauthlib itself parses
the requests, runs the grants, checks the PKCE verifier, the single use of a code and the client's credentials
through the validator, and writes its own RFC 6749 error bodies and redirects. The authorize endpoint consents at
once for the test user (no login or consent page: Authlib's server covers those).

oauthlib's server side does not look at the transport (only its client side and CORS origins check for
``https://``; ``OAUTHLIB_INSECURE_TRANSPORT`` only relaxes those), so plain ``http://`` on loopback needs no
environment variable.

    with OAuthlibServer() as server:
        callback = server.authorize(authorize_url)    # the redirect the authorize endpoint answers with
"""

from __future__ import annotations

import base64
import binascii
import hmac
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_plus, urlsplit

import httpx
from flask import Flask, Response, jsonify, request
from oauthlib.oauth2 import FatalClientError, OAuth2Error, RequestValidator, WebApplicationServer  # type: ignore[import-untyped]
from werkzeug.serving import BaseWSGIServer, make_server

REDIRECT_URI = "https://app.example.com/oauth/callback"
USER = "FAKE-user-oauthlib"
CLIENT_ID = "FAKE-oauthlib-client"
# Characters RFC 6749 §2.3.1's form-urlencoding changes (space, ':', '+', '/', '%', non-ASCII): the Basic header
# carries this secret as the server reads it only if the client encoded it so.
CLIENT_SECRET = "FAKE oauthlib:secret+with/odd%20chars-ü-0001"
SCOPES = ("read_databases", "read_branches")
EXPIRES_IN = 3600


@dataclass(frozen=True)
class Client:
    """A confidential client; oauthlib needs only its ``client_id`` attribute."""

    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...] = (REDIRECT_URI,)
    grant_types: tuple[str, ...] = ("authorization_code", "refresh_token")


@dataclass
class Code:
    code: str
    client_id: str
    redirect_uri: str
    scopes: list[str]
    user: str
    code_challenge: str | None
    code_challenge_method: str | None


@dataclass
class Token:
    client_id: str
    user: str
    access_token: str
    refresh_token: str | None
    scopes: list[str]
    expires_in: int
    issued_at: float = field(default_factory=time.time)
    access_token_revoked: bool = False
    refresh_token_revoked: bool = False


@dataclass
class Store:
    """What the server keeps, in memory, and what it was sent (the forms, and each client authentication it
    accepted, by method)."""

    clients: dict[str, Client]
    codes: dict[str, Code] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    revocation_requests: list[dict[str, str]] = field(default_factory=list)
    authentications: list[str] = field(default_factory=list)

    def by_access_token(self, value: str) -> Token | None:
        return next((token for token in self.tokens if token.access_token == value), None)

    def by_refresh_token(self, value: str) -> Token | None:
        return next((token for token in self.tokens if token.refresh_token == value), None)


def _basic_credentials(header: str) -> tuple[str, str] | None:
    """The client ID and secret of an HTTP Basic header, each form-urldecoded (RFC 6749 §2.3.1); None if malformed."""
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    client_id, colon, secret = decoded.partition(":")
    return (unquote_plus(client_id), unquote_plus(secret)) if colon else None


class Validator(RequestValidator):  # type: ignore[misc]
    """The application's side of oauthlib: storage lookups and policy. ``request`` is oauthlib's ``Request``."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    # Clients.

    def authenticate_client(self, request: Any, *args: Any, **kwargs: Any) -> bool:
        header = request.headers.get("Authorization")
        if header is not None:
            found = _basic_credentials(header)
            if found is None or request.client_secret is not None:
                return False  # RFC 6749 §2.3: one authentication method a request
            (client_id, secret), method = found, "client_secret_basic"
        else:
            client_id, secret, method = request.client_id, request.client_secret, "client_secret_post"
            if client_id is None or secret is None:
                return False
        client = self.store.clients.get(client_id)
        if client is None or not hmac.compare_digest(secret.encode(), client.client_secret.encode()):
            return False
        request.client = client
        self.store.authentications.append(method)
        return True

    def authenticate_client_id(self, client_id: str, request: Any, *args: Any, **kwargs: Any) -> bool:
        return False  # no public clients

    def validate_client_id(self, client_id: str, request: Any, *args: Any, **kwargs: Any) -> bool:
        client = self.store.clients.get(client_id)
        if client is None:
            return False
        request.client = client
        return True

    def validate_redirect_uri(self, client_id: str, redirect_uri: str, request: Any, *args: Any, **kwargs: Any) -> bool:
        return redirect_uri in self.store.clients[client_id].redirect_uris

    def get_default_redirect_uri(self, client_id: str, request: Any, *args: Any, **kwargs: Any) -> str:
        return self.store.clients[client_id].redirect_uris[0]

    def validate_response_type(
        self, client_id: str, response_type: str, client: Client, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        return response_type == "code"

    def validate_grant_type(
        self, client_id: str, grant_type: str, client: Client, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        return grant_type in client.grant_types

    def validate_scopes(
        self, client_id: str, scopes: list[str], client: Client, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        return all(scope in SCOPES for scope in scopes)

    def get_default_scopes(self, client_id: str, request: Any, *args: Any, **kwargs: Any) -> list[str]:
        return [SCOPES[0]]

    # Codes and PKCE.

    def is_pkce_required(self, client_id: str, request: Any) -> bool:
        return True

    def save_authorization_code(
        self, client_id: str, code: dict[str, str], request: Any, *args: Any, **kwargs: Any
    ) -> None:
        with self.store.lock:
            self.store.codes[code["code"]] = Code(
                code=code["code"],
                client_id=client_id,
                redirect_uri=request.redirect_uri,
                scopes=list(request.scopes),
                user=request.user,
                code_challenge=request.code_challenge,
                code_challenge_method=request.code_challenge_method,
            )

    def validate_code(self, client_id: str, code: str, client: Client, request: Any, *args: Any, **kwargs: Any) -> bool:
        found = self.store.codes.get(code)
        if found is None or found.client_id != client.client_id:
            return False
        request.user, request.scopes = found.user, found.scopes
        request.code_challenge, request.code_challenge_method = found.code_challenge, found.code_challenge_method
        return True

    def get_code_challenge(self, code: str, request: Any) -> str | None:
        found = self.store.codes.get(code)
        return found.code_challenge if found is not None else None

    def get_code_challenge_method(self, code: str, request: Any) -> str | None:
        found = self.store.codes.get(code)
        return found.code_challenge_method if found is not None else None

    def confirm_redirect_uri(
        self, client_id: str, code: str, redirect_uri: str, client: Client, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        found = self.store.codes.get(code)
        return found is not None and found.redirect_uri == redirect_uri

    def invalidate_authorization_code(self, client_id: str, code: str, request: Any, *args: Any, **kwargs: Any) -> None:
        with self.store.lock:
            self.store.codes.pop(code, None)  # single use: a second exchange is invalid_grant

    # Tokens.

    def rotate_refresh_token(self, request: Any) -> bool:
        return True

    def save_bearer_token(self, token: dict[str, Any], request: Any, *args: Any, **kwargs: Any) -> None:
        with self.store.lock:
            if request.grant_type == "refresh_token":
                # Rotation: the refresh token just used, and its grant's access token, end here.
                old = self.store.by_refresh_token(request.refresh_token)
                if old is not None:
                    old.refresh_token_revoked = old.access_token_revoked = True
            self.store.tokens.append(
                Token(
                    client_id=request.client.client_id,
                    user=request.user,
                    access_token=token["access_token"],
                    refresh_token=token.get("refresh_token"),
                    scopes=list(request.scopes),
                    expires_in=token["expires_in"],
                )
            )

    def validate_refresh_token(
        self, refresh_token: str, client: Client, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        found = self.store.by_refresh_token(refresh_token)
        if found is None or found.refresh_token_revoked or found.client_id != client.client_id:
            return False
        request.user = found.user
        return True

    def get_original_scopes(self, refresh_token: str, request: Any, *args: Any, **kwargs: Any) -> list[str]:
        found = self.store.by_refresh_token(refresh_token)
        return found.scopes if found is not None else []

    def validate_bearer_token(self, token: str | None, scopes: list[str], request: Any) -> bool:
        found = self.store.by_access_token(token) if token else None
        if found is None or found.access_token_revoked or time.time() >= found.issued_at + found.expires_in:
            return False
        if not all(scope in found.scopes for scope in scopes):
            return False
        request.user, request.scopes = found.user, found.scopes
        return True

    def revoke_token(self, token: str, token_type_hint: str | None, request: Any, *args: Any, **kwargs: Any) -> None:
        # RFC 7009 §2.1: the hint orders the lookup, which then extends to the other type; revoking a refresh token
        # also ends its grant's access token. Another client's token, or an unknown one, is left alone (§2.2: 200).
        with self.store.lock:
            lookups = [("access_token", self.store.by_access_token), ("refresh_token", self.store.by_refresh_token)]
            if token_type_hint == "refresh_token":
                lookups.reverse()
            for kind, lookup in lookups:
                found = lookup(token)
                if found is None:
                    continue
                if found.client_id == request.client.client_id:
                    found.access_token_revoked = True
                    if kind == "refresh_token":
                        found.refresh_token_revoked = True
                return


def _response(headers: dict[str, str], body: str | None, status: int) -> Response:
    return Response(body or "", status=status, headers=headers)


def create_app(store: Store) -> Flask:
    """The Flask application: oauthlib's endpoints at the paths of openapi.yaml (``/oauth/authorize``,
    ``/oauth/token``, ``/oauth/revoke``) and a protected ``GET /v1/user`` that oauthlib's resource endpoint guards."""
    app = Flask(__name__)
    server = WebApplicationServer(Validator(store), token_expires_in=EXPIRES_IN)

    @app.get("/oauth/authorize")
    def authorize() -> Response | tuple[Response, int]:
        try:
            scopes, credentials = server.validate_authorization_request(request.url, "GET", None, dict(request.headers))
        except FatalClientError as error:
            # A bad client_id or redirect_uri: shown to the user, never redirected (RFC 6749 §4.1.2.1).
            return jsonify(error=error.error, error_description=error.description), error.status_code
        except OAuth2Error as error:
            return _response({"Location": error.in_uri(error.redirect_uri)}, None, 302)
        # The test user consents at once to what was asked.
        credentials.pop("request", None)
        credentials["user"] = USER
        headers, body, status = server.create_authorization_response(
            request.url, "GET", None, dict(request.headers), scopes=scopes, credentials=credentials
        )
        return _response(headers, body, status)

    @app.post("/oauth/token")
    def token() -> Response:
        raw = request.get_data(as_text=True)  # read first: the form parser would consume the stream
        store.token_requests.append(request.form.to_dict())
        headers, body, status = server.create_token_response(request.url, "POST", raw, dict(request.headers))
        return _response(headers, body, status)

    @app.post("/oauth/revoke")
    def revoke() -> Response:
        raw = request.get_data(as_text=True)  # read first: the form parser would consume the stream
        store.revocation_requests.append(request.form.to_dict())
        headers, body, status = server.create_revocation_response(request.url, "POST", raw, dict(request.headers))
        return _response(headers, body, status)

    @app.get("/v1/user")
    def user() -> Response | tuple[Response, int]:
        valid, checked = server.verify_request(request.url, "GET", None, dict(request.headers), scopes=[SCOPES[0]])
        if not valid:
            return jsonify(error="invalid_token"), 401
        return jsonify(name=checked.user)

    return app


class OAuthlibServer:
    """oauthlib's server on a loopback port, in a thread, with one confidential client (``CLIENT_ID``)."""

    def __init__(self) -> None:
        self.store = Store(clients={CLIENT_ID: Client(CLIENT_ID, CLIENT_SECRET)})
        self.httpd: BaseWSGIServer = make_server("127.0.0.1", 0, create_app(self.store), threaded=True)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.authorize_url = f"{self.url}/oauth/authorize"
        self.token_url = f"{self.url}/oauth/token"
        self.revocation_url = f"{self.url}/oauth/revoke"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def __enter__(self) -> OAuthlibServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)

    def authorize(self, authorize_url: str) -> str:
        """What a browser does with the authorize URL here: GET it (the user consents at once) and return the URL
        the server redirects to (the redirect URI with the code or the error)."""
        assert authorize_url.startswith(self.authorize_url + "?"), authorize_url
        answer = httpx.get(authorize_url, follow_redirects=False)
        assert answer.status_code == 302, answer.text
        location = answer.headers["location"]
        assert urlsplit(location)._replace(query="").geturl() == REDIRECT_URI, location
        return location
