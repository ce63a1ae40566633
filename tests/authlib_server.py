"""A real OAuth 2.0 authorization server that no one here wrote: Authlib's, on Flask, served on a loopback port.

What the tests add is only what Authlib leaves to an application: in-memory storage (clients, codes, tokens), a
login and a consent page, and a resource the access token protects. Authlib itself checks the requests: client
authentication (``client_secret_post`` or ``client_secret_basic``, whichever the client registered), PKCE
(``CodeChallenge``), single-use codes, refresh-token rotation and revocation (RFC 7009), and answers with its own
RFC 6749 errors.

    with AuthlibServer() as server:
        callback = server.consent(authorize_url)    # a browser: log in, approve, follow to the redirect URI
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit

import httpx
from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector  # type: ignore[import-untyped]
from authlib.oauth2 import OAuth2Error  # type: ignore[import-untyped]
from authlib.oauth2.rfc6749 import ClientMixin, TokenMixin, grants  # type: ignore[import-untyped]
from authlib.oauth2.rfc6750 import BearerTokenValidator  # type: ignore[import-untyped]
from authlib.oauth2.rfc7009 import RevocationEndpoint  # type: ignore[import-untyped]
from authlib.oauth2.rfc7636 import CodeChallenge  # type: ignore[import-untyped]
from flask import Flask, Response, jsonify, request, session
from werkzeug.serving import BaseWSGIServer, make_server

REDIRECT_URI = "https://app.example.com/oauth/callback"
USER = "FAKE-user-octocat"
POST_CLIENT_ID = "FAKE-authlib-client-post"
BASIC_CLIENT_ID = "FAKE-authlib-client-basic"
# Characters RFC 6749 §2.3.1's form-urlencoding changes (space, ':', '+', '/', '%', non-ASCII): the Basic header
# carries this secret as the server reads it only if the client encoded it so.
BASIC_CLIENT_SECRET = "FAKE basic:secret+with/odd%20chars-ü-0001"
POST_CLIENT_SECRET = "FAKE-authlib-post-secret-0001"
SCOPES = ("read_databases", "read_branches")
EXPIRES_IN = 3600


@dataclass
class Client(ClientMixin):  # type: ignore[misc]
    """A confidential client registered for one authentication method at the token and revocation endpoints."""

    client_id: str
    client_secret: str
    auth_method: str
    redirect_uris: tuple[str, ...] = (REDIRECT_URI,)
    grant_types: tuple[str, ...] = ("authorization_code", "refresh_token")

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str | None) -> str:
        return " ".join(name for name in (scope or "").split() if name in SCOPES)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return hmac.compare_digest(client_secret.encode(), self.client_secret.encode())

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == self.auth_method

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in self.grant_types


@dataclass
class Code:
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: str
    code_challenge: str | None
    code_challenge_method: str | None

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope


@dataclass
class Token(TokenMixin):  # type: ignore[misc]
    client_id: str
    user: str
    access_token: str
    refresh_token: str | None
    scope: str
    expires_in: int
    issued_at: float = field(default_factory=time.time)
    access_token_revoked: bool = False
    refresh_token_revoked: bool = False

    def check_client(self, client: Client) -> bool:
        return client.client_id == self.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return self.expires_in

    def is_expired(self) -> bool:
        return time.time() >= self.issued_at + self.expires_in

    def is_revoked(self) -> bool:
        return self.access_token_revoked

    def get_user(self) -> str:
        return self.user


@dataclass
class Store:
    """What the server keeps, in memory; ``lock`` makes a code's single use and a refresh's rotation atomic."""

    clients: dict[str, Client]
    codes: dict[str, Code] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    revocation_requests: list[dict[str, str]] = field(default_factory=list)

    def by_access_token(self, value: str) -> Token | None:
        return next((token for token in self.tokens if token.access_token == value), None)

    def by_refresh_token(self, value: str) -> Token | None:
        return next((token for token in self.tokens if token.refresh_token == value), None)


def _authorization_code_grant(store: Store) -> type[Any]:
    class AuthorizationCodeGrant(grants.AuthorizationCodeGrant):  # type: ignore[misc]
        TOKEN_ENDPOINT_AUTH_METHODS: ClassVar[list[str]] = ["client_secret_basic", "client_secret_post"]

        def save_authorization_code(self, code: str, request: Any) -> None:
            with store.lock:
                store.codes[code] = Code(
                    code=code,
                    client_id=request.client.client_id,
                    redirect_uri=request.payload.redirect_uri,
                    scope=request.scope,
                    user=request.user,
                    code_challenge=request.payload.data.get("code_challenge"),
                    code_challenge_method=request.payload.data.get("code_challenge_method"),
                )

        def query_authorization_code(self, code: str, client: Client) -> Code | None:
            found = store.codes.get(code)
            return found if found is not None and found.client_id == client.client_id else None

        def delete_authorization_code(self, authorization_code: Code) -> None:
            with store.lock:
                store.codes.pop(authorization_code.code, None)  # single use: a second exchange is invalid_grant

        def authenticate_user(self, authorization_code: Code) -> str:
            return authorization_code.user

    return AuthorizationCodeGrant


def _refresh_token_grant(store: Store) -> type[Any]:
    class RefreshTokenGrant(grants.RefreshTokenGrant):  # type: ignore[misc]
        TOKEN_ENDPOINT_AUTH_METHODS: ClassVar[list[str]] = ["client_secret_basic", "client_secret_post"]
        INCLUDE_NEW_REFRESH_TOKEN = True  # rotation: every refresh issues a new refresh token

        def authenticate_refresh_token(self, refresh_token: str) -> Token | None:
            found = store.by_refresh_token(refresh_token)
            return found if found is not None and not found.refresh_token_revoked else None

        def authenticate_user(self, refresh_token: Token) -> str:
            return refresh_token.user

        def revoke_old_credential(self, refresh_token: Token) -> None:
            refresh_token.refresh_token_revoked = True
            refresh_token.access_token_revoked = True

    return RefreshTokenGrant


def _revocation_endpoint(store: Store) -> type[Any]:
    class Revocation(RevocationEndpoint):  # type: ignore[misc]
        CLIENT_AUTH_METHODS: ClassVar[list[str]] = ["client_secret_basic", "client_secret_post"]

        def query_token(self, token_string: str, token_type_hint: str | None) -> Token | None:
            if token_type_hint == "access_token":
                return store.by_access_token(token_string)
            if token_type_hint == "refresh_token":
                return store.by_refresh_token(token_string)
            return store.by_access_token(token_string) or store.by_refresh_token(token_string)

        def revoke_token(self, token: Token, request: Any) -> None:
            # RFC 7009 §2.1: revoking a refresh token revokes the grant's access token too.
            token.access_token_revoked = True
            if request.form.get("token_type_hint") != "access_token":
                token.refresh_token_revoked = True

    return Revocation


def _bearer_validator(store: Store) -> Any:
    class Validator(BearerTokenValidator):  # type: ignore[misc]
        def authenticate_token(self, token_string: str) -> Token | None:
            return store.by_access_token(token_string)

    return Validator()


def create_app(store: Store, *, refresh: bool = True) -> Flask:
    """The Flask application: Authlib's endpoints at the paths of openapi.yaml, a login and a consent page, and a
    protected ``GET /v1/user``. Without ``refresh`` the server knows no refresh_token grant."""
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secrets.token_hex(16),
        OAUTH2_REFRESH_TOKEN_GENERATOR=True,
        OAUTH2_TOKEN_EXPIRES_IN={"authorization_code": EXPIRES_IN, "refresh_token": EXPIRES_IN},
    )

    def save_token(issued: dict[str, Any], oauth_request: Any) -> None:
        with store.lock:
            store.tokens.append(
                Token(
                    client_id=oauth_request.client.client_id,
                    user=oauth_request.user,
                    access_token=issued["access_token"],
                    refresh_token=issued.get("refresh_token"),
                    scope=issued.get("scope", ""),
                    expires_in=issued["expires_in"],
                )
            )

    server = AuthorizationServer(app, query_client=store.clients.get, save_token=save_token)
    server.register_grant(_authorization_code_grant(store), [CodeChallenge(required=True)])
    if refresh:
        server.register_grant(_refresh_token_grant(store))
    server.register_endpoint(_revocation_endpoint(store))
    require_oauth = ResourceProtector()
    require_oauth.register_token_validator(_bearer_validator(store))

    @app.post("/login")
    def login() -> tuple[str, int]:
        session["user"] = request.form["username"]
        return "", 204

    @app.route("/oauth/authorize", methods=["GET", "POST"])
    def authorize() -> Any:
        user = session.get("user")
        if user is None:
            return "log in first", 401
        try:
            grant = server.get_consent_grant(end_user=user)
        except OAuth2Error as error:
            return jsonify(error=error.error, error_description=error.description), 400
        if request.method == "GET":
            return f"<form method=post>Grant {grant.client.client_id} access? <button name=confirm value=yes>"
        granted = user if request.form.get("confirm") == "yes" else None
        return server.create_authorization_response(grant_user=granted, grant=grant)

    @app.post("/oauth/token")
    def token() -> Response:
        store.token_requests.append(request.form.to_dict())
        response: Response = server.create_token_response()
        return response

    @app.post("/oauth/revoke")
    def revoke() -> Response:
        store.revocation_requests.append(request.form.to_dict())
        response: Response = server.create_endpoint_response(RevocationEndpoint.ENDPOINT_NAME)
        return response

    @app.get("/v1/user")
    def user() -> Response:
        # A missing, unknown, expired or revoked token: Authlib answers 401 invalid_token.
        with require_oauth.acquire() as token:
            return jsonify(name=token.user)

    return app


class AuthlibServer:
    """The Authlib server on a loopback port, in a thread, with two clients: one registered for
    ``client_secret_post``, one for ``client_secret_basic``."""

    CLIENTS: ClassVar[dict[str, Client]] = {
        "client_secret_post": Client(POST_CLIENT_ID, POST_CLIENT_SECRET, "client_secret_post"),
        "client_secret_basic": Client(BASIC_CLIENT_ID, BASIC_CLIENT_SECRET, "client_secret_basic"),
    }

    def __init__(self, *, refresh: bool = True) -> None:
        self.store = Store(clients={client.client_id: client for client in self.CLIENTS.values()})
        self.httpd: BaseWSGIServer = make_server("127.0.0.1", 0, create_app(self.store, refresh=refresh), threaded=True)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def __enter__(self) -> AuthlibServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)

    def consent(self, authorize_url: str, *, approve: bool = True, user: str = USER) -> str:
        """What a browser does with the authorize URL: log the user in, show the consent page, approve (or deny),
        and return the URL the server redirects to (the redirect URI with the code or the error)."""
        assert authorize_url.startswith(self.url + "/oauth/authorize?"), authorize_url
        with httpx.Client(base_url=self.url) as browser:
            browser.post("/login", data={"username": user}).raise_for_status()
            page = browser.get(authorize_url)
            assert page.status_code == 200, page.text
            answer = browser.post(authorize_url, data={"confirm": "yes" if approve else "no"})
        assert answer.status_code == 302, answer.text
        location = answer.headers["location"]
        assert urlsplit(location)._replace(query="").geturl() == REDIRECT_URI
        return location
