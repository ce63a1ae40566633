"""Connecting a user's account: the authorize URL (with PKCE) and callback check, and the token session.

The session runs against a real loopback OAuth server that rotates the refresh token on every refresh
and refuses a used one (as a second refresh with a rotated token would be refused), takes the client's
credentials from the form or an HTTP Basic header, and counts requests.
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import hashlib
import hmac
import logging
import math
import re
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, unquote_plus, urlsplit

import httpx
import pytest
from loopback import CLIENT_ID, CLIENT_SECRET, CODE, RotatingOAuthServer

from planetscale_oauth import AuthenticatedClient, Client, PlanetScale, errors
from planetscale_oauth.oauth import (
    AUTHORIZE_PATH,
    CLIENT_ID_ENV,
    CLIENT_SECRET_ENV,
    AuthorizationRequest,
    ClientAuth,
    OAuthApp,
    Revocation,
    Tokens,
    TokenSession,
    authorize_url,
    check_state,
    code_challenge,
    read_callback,
)

from helpers import NO_RETRY, spec

REDIRECT_URI = "https://app.example.com/oauth/callback"
CALLERS = 50


@pytest.fixture
def server() -> Iterator[RotatingOAuthServer]:
    running = RotatingOAuthServer()
    running.thread.start()
    yield running
    running.httpd.shutdown()
    running.httpd.server_close()


def oauth_client(server: RotatingOAuthServer) -> AuthenticatedClient:
    # A service-token client: proves the token never travels to the OAuth server.
    return AuthenticatedClient.from_service_token(
        "sto_FAKEflow", "pscale_tkn_FAKEflow0001", base_url=server.url + "/v1", oauth_base_url=server.url,
        retry=NO_RETRY,
    )  # fmt: skip


def expiring_session(server: RotatingOAuthServer, persisted: list[Tokens], **kwargs: Any) -> TokenSession:
    """A session whose access token expires in 30 s: inside the 60 s margin, so the next use refreshes."""
    return session_expiring_in(server, 30, persisted, **kwargs)


def session_expiring_in(
    server: RotatingOAuthServer, seconds: float, persisted: list[Tokens] | None = None, **kwargs: Any
) -> TokenSession:
    """A session on the server's current tokens, whose access token expires in ``seconds``."""
    tokens = Tokens(
        access_token=server.access_token,
        refresh_token=server.refresh_token,
        expires_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=seconds),
    )
    on_refresh = persisted.append if persisted is not None else None
    return TokenSession(oauth_client(server), CLIENT_ID, server.client_secret, tokens, on_refresh, **kwargs)


def basic_credentials(authorization: str) -> tuple[str, str]:
    """The client ID and secret of an HTTP Basic header, decoded as RFC 6749 §2.3.1 says."""
    scheme, _, encoded = authorization.partition(" ")
    assert scheme == "Basic"
    client_id, _, secret = base64.b64decode(encoded).decode().partition(":")
    return unquote_plus(client_id), unquote_plus(secret)


# The authorize URL and the callback.


def test_authorize_url_carries_the_client_the_redirect_and_a_fresh_random_state() -> None:
    first = authorize_url(CLIENT_ID, REDIRECT_URI, scope=["read_databases", "read_branches"])
    second = authorize_url(CLIENT_ID, REDIRECT_URI)
    url = urlsplit(first.url)
    query = parse_qs(url.query)
    flow = spec()["components"]["securitySchemes"]["PlanetScaleOAuth"]["flows"]["authorizationCode"]
    assert f"{url.scheme}://{url.netloc}{url.path}" == flow["authorizationUrl"]
    assert url.path == AUTHORIZE_PATH
    assert first.code_verifier is not None
    assert query == {
        "response_type": ["code"],
        "client_id": [CLIENT_ID],
        "redirect_uri": [REDIRECT_URI],
        "state": [first.state],
        "scope": ["read_databases read_branches"],
        "code_challenge": [code_challenge(first.code_verifier)],
        "code_challenge_method": ["S256"],
    }
    assert first.state != second.state
    assert len(first.state) >= 43  # 32 random bytes, URL-safe base64
    assert first.state not in repr(first) and "<redacted>" in repr(first)


def test_authorize_url_carries_a_pkce_s256_challenge_of_a_fresh_verifier_by_default() -> None:
    first, second = authorize_url(CLIENT_ID, REDIRECT_URI), authorize_url(CLIENT_ID, REDIRECT_URI)
    assert first.code_verifier is not None and second.code_verifier is not None
    assert first.code_verifier != second.code_verifier
    # RFC 7636 §4.1: 43 to 128 unreserved characters.
    assert re.fullmatch(r"[A-Za-z0-9\-._~]{43,128}", first.code_verifier)
    digest = hashlib.sha256(first.code_verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).decode().rstrip("=")
    assert parse_qs(urlsplit(first.url).query)["code_challenge"] == [challenge]
    assert "=" not in challenge and len(challenge) == 43
    # RFC 7636 appendix B's example.
    assert (
        code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )
    assert first.code_verifier not in repr(first) and first.code_verifier not in first.url
    assert repr(first).endswith("state='<redacted>', code_verifier='<redacted>')")


def test_authorize_url_without_pkce() -> None:
    request = authorize_url(CLIENT_ID, REDIRECT_URI, pkce=False)
    query = parse_qs(urlsplit(request.url).query)
    assert request.code_verifier is None
    assert query == {
        "response_type": ["code"],
        "client_id": [CLIENT_ID],
        "redirect_uri": [REDIRECT_URI],
        "state": [request.state],
    }
    assert repr(request).endswith("code_verifier=None)")


def test_authorize_url_follows_the_clients_oauth_server() -> None:
    request = authorize_url(CLIENT_ID, REDIRECT_URI, client=Client(oauth_base_url="http://127.0.0.1:9/"))
    assert request.url.startswith(f"http://127.0.0.1:9{AUTHORIZE_PATH}?")


def test_state_check_accepts_only_the_same_state_and_compares_in_constant_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request: AuthorizationRequest = authorize_url(CLIENT_ID, REDIRECT_URI)
    compared: list[tuple[bytes, bytes]] = []
    original = hmac.compare_digest

    def recording(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return original(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording)
    check_state(request.state, request.state)
    assert compared == [(request.state.encode(), request.state.encode())]
    for wrong in (request.state[:-1], request.state + "x", "", None):
        with pytest.raises(errors.StateMismatchError, match="does not match") as caught:
            check_state(request.state, wrong)
        assert request.state not in str(caught.value)
    with pytest.raises(errors.StateMismatchError, match="no state was kept"):
        check_state("", "")


def test_read_callback_checks_state_before_anything_else() -> None:
    state = authorize_url(CLIENT_ID, REDIRECT_URI).state
    assert read_callback(f"{REDIRECT_URI}?code=FAKE-flow-code-0001&state={state}", state) == "FAKE-flow-code-0001"
    with pytest.raises(errors.StateMismatchError):
        read_callback(f"{REDIRECT_URI}?code=FAKE-flow-code-0001&state=forged", state)
    with pytest.raises(errors.StateMismatchError):
        read_callback(f"{REDIRECT_URI}?error=access_denied&state=forged", state)
    with pytest.raises(errors.AuthorizationDeniedError, match="access_denied") as denied:
        read_callback(f"{REDIRECT_URI}?error=access_denied&error_description=User+declined&state={state}", state)
    assert denied.value.code == "access_denied"
    with pytest.raises(errors.CredentialsError, match="neither a code nor an error"):
        read_callback(f"{REDIRECT_URI}?state={state}", state)


# The token session.


def test_exchange_starts_a_session_and_persists_its_tokens(server: RotatingOAuthServer) -> None:
    persisted: list[Tokens] = []
    session = TokenSession.exchange(
        oauth_client(server), CLIENT_ID, CLIENT_SECRET, code="FAKE-flow-code-0001", redirect_uri=REDIRECT_URI,
        on_refresh=persisted.append,
    )  # fmt: skip
    assert session.access_token() == server.access_token == "FAKE-flow-access-token-0001"
    assert persisted == [session.tokens]
    assert session.tokens.refresh_token == "FAKE-flow-refresh-token-0001"
    assert session.tokens.expires_at is not None
    remaining = session.tokens.expires_at - datetime.datetime.now(datetime.UTC)
    assert datetime.timedelta(seconds=7190) < remaining <= datetime.timedelta(seconds=7200)
    assert server.requests == Counter({"/oauth/token": 1})
    assert server.authorizations == [""], "no service token is sent to the OAuth server"


def test_a_fresh_token_is_used_without_asking_the_server(server: RotatingOAuthServer) -> None:
    persisted: list[Tokens] = []
    session = expiring_session(server, persisted, refresh_margin=10)  # 30 s left, 10 s margin: still fresh
    assert session.access_token() == "FAKE-flow-access-token-0000"
    assert server.requests == Counter() and persisted == []


def test_fifty_threads_share_one_refresh(server: RotatingOAuthServer) -> None:
    persisted: list[Tokens] = []
    session = expiring_session(server, persisted)
    start = threading.Barrier(CALLERS)

    def caller(_: int) -> str:
        start.wait()
        return session.access_token()

    with ThreadPoolExecutor(max_workers=CALLERS) as pool:
        seen = list(pool.map(caller, range(CALLERS)))

    assert server.requests["/oauth/token"] == 1, "exactly one refresh"
    assert seen == ["FAKE-flow-access-token-0001"] * CALLERS
    assert session.refreshes == 1
    assert [tokens.refresh_token for tokens in persisted] == ["FAKE-flow-refresh-token-0001"]
    assert session.tokens.refresh_token == server.refresh_token


async def test_fifty_tasks_share_one_refresh(server: RotatingOAuthServer) -> None:
    persisted: list[Tokens] = []

    async def persist(tokens: Tokens) -> None:
        await asyncio.sleep(0)
        persisted.append(tokens)

    session = expiring_session(server, [])
    session.on_refresh = persist
    seen = await asyncio.gather(*(session.aaccess_token() for _ in range(CALLERS)))

    assert server.requests["/oauth/token"] == 1, "exactly one refresh"
    assert seen == ["FAKE-flow-access-token-0001"] * CALLERS
    assert [tokens.refresh_token for tokens in persisted] == ["FAKE-flow-refresh-token-0001"]


def test_a_second_refresh_with_the_rotated_token_would_fail(server: RotatingOAuthServer) -> None:
    # What the single refresh protects against: the server refuses a refresh token used once.
    session = expiring_session(server, [])
    stale = session.tokens
    session.access_token()
    replay = TokenSession(oauth_client(server), CLIENT_ID, CLIENT_SECRET, stale)
    with pytest.raises(errors.InvalidGrantError, match="already used") as caught:
        replay.refresh()
    assert stale.refresh_token and stale.refresh_token not in str(caught.value)


def test_refreshing_again_later_uses_the_rotated_token(server: RotatingOAuthServer) -> None:
    persisted: list[Tokens] = []
    session = expiring_session(server, persisted)
    session.access_token()
    session.refresh()
    assert server.requests["/oauth/token"] == 2
    assert session.access_token() == "FAKE-flow-access-token-0002"
    assert [tokens.refresh_token for tokens in persisted] == [
        "FAKE-flow-refresh-token-0001",
        "FAKE-flow-refresh-token-0002",
    ]


def test_an_async_persist_hook_is_refused_by_the_sync_methods(server: RotatingOAuthServer) -> None:
    async def persist(tokens: Tokens) -> None:
        pass

    session = expiring_session(server, [])
    session.on_refresh = persist
    with pytest.raises(TypeError, match="async on_refresh"):
        session.access_token()


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_httpx_auth_sends_a_fresh_bearer_token(server: RotatingOAuthServer, mode: str) -> None:
    session = expiring_session(server, [])
    if mode == "sync":
        with httpx.Client(base_url=server.url, auth=session.httpx_auth()) as api:
            statuses = [api.get("/v1/user").status_code for _ in range(3)]
    else:
        async with httpx.AsyncClient(base_url=server.url, auth=session.httpx_auth()) as api:
            statuses = [(await api.get("/v1/user")).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    assert server.requests == Counter({"/oauth/token": 1, "/v1/user": 3})


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_revoke_revokes_the_refresh_and_the_access_token(server: RotatingOAuthServer, mode: str) -> None:
    session = expiring_session(server, [], refresh_margin=0)
    if mode == "sync":
        session.revoke()
    else:
        await session.arevoke()
    assert server.revoked == ["FAKE-flow-refresh-token-0000", "FAKE-flow-access-token-0000"]


async def test_nothing_shows_or_logs_a_token(
    server: RotatingOAuthServer, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    persisted: list[Tokens] = []
    request = authorize_url(CLIENT_ID, REDIRECT_URI, state="FAKE-flow-state-0001")
    assert request.code_verifier is not None
    session = TokenSession.exchange(
        oauth_client(server), CLIENT_ID, CLIENT_SECRET, code="FAKE-flow-code-0001", redirect_uri=REDIRECT_URI,
        code_verifier=request.code_verifier, on_refresh=persisted.append,
    )  # fmt: skip
    session.refresh()
    await session.arefresh()
    with httpx.Client(base_url=server.url, auth=session.httpx_auth()) as api:
        server.invalidate_access_token()
        api.get("/v1/user")  # a 401, a refresh, the request again
    outcome = session.revoke()
    shown = [repr(session), str(session), repr(session.tokens), repr(persisted), repr(session.httpx_auth())]
    shown += [repr(request), repr(outcome)]
    for client_auth in ("client_secret_post", "client_secret_basic"):
        try:
            wrong = TokenSession(
                oauth_client(server), CLIENT_ID, "FAKE-wrong-secret-0001", session.tokens, client_auth=client_auth
            )
            wrong.refresh()
        except errors.InvalidClientError as error:
            shown += [repr(error), str(error), repr(wrong)]
    haystack = "\n".join([*shown, caplog.text, capsys.readouterr().out])
    assert "token session: access token refreshed" in caplog.text, "the session's own log is scanned"
    assert "the API answered 401" in caplog.text
    secrets = [*server.secrets(), "FAKE-flow-state-0001", "FAKE-wrong-secret-0001", "pscale_tkn_FAKEflow0001"]
    secrets += [request.code_verifier]
    assert [secret for secret in secrets if secret in haystack] == []


# PKCE (RFC 7636) in the exchange.


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_exchange_sends_the_code_verifier_the_server_checks(mode: str) -> None:
    request = authorize_url(CLIENT_ID, REDIRECT_URI)
    assert request.code_verifier is not None
    challenge = parse_qs(urlsplit(request.url).query)["code_challenge"][0]
    server = RotatingOAuthServer(refresh_delay=0, code_challenge=challenge)
    server.thread.start()
    try:
        client = oauth_client(server)
        arguments: dict[str, Any] = {"code": CODE, "redirect_uri": REDIRECT_URI}
        if mode == "sync":
            session = TokenSession.exchange(
                client, CLIENT_ID, CLIENT_SECRET, code_verifier=request.code_verifier, **arguments
            )
            with pytest.raises(errors.InvalidRequestError, match="Missing code_verifier"):
                TokenSession.exchange(client, CLIENT_ID, CLIENT_SECRET, **arguments)
            with pytest.raises(errors.InvalidGrantError, match="Code challenge failed") as caught:
                TokenSession.exchange(client, CLIENT_ID, CLIENT_SECRET, code_verifier="x" * 43, **arguments)
        else:
            session = await TokenSession.aexchange(
                client, CLIENT_ID, CLIENT_SECRET, code_verifier=request.code_verifier, **arguments
            )
            with pytest.raises(errors.InvalidRequestError, match="Missing code_verifier"):
                await TokenSession.aexchange(client, CLIENT_ID, CLIENT_SECRET, **arguments)
            with pytest.raises(errors.InvalidGrantError, match="Code challenge failed") as caught:
                await TokenSession.aexchange(client, CLIENT_ID, CLIENT_SECRET, code_verifier="x" * 43, **arguments)
            await client.aclose()
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
    assert session.access_token() == "FAKE-flow-access-token-0001"
    assert server.forms[0]["code_verifier"] == request.code_verifier
    assert "code_verifier" not in server.forms[1]
    assert "x" * 43 not in str(caught.value) and "x" * 43 not in repr(caught.value.content)


def test_a_malformed_code_verifier_is_refused_before_the_code_is_spent(server: RotatingOAuthServer) -> None:
    for verifier in ("", "short", "x" * 129, "x" * 42 + " ", "x" * 42 + "é"):
        with pytest.raises(errors.ArgumentError, match="code_verifier must be 43 to 128") as caught:
            TokenSession.exchange(
                oauth_client(server), CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI,
                code_verifier=verifier,
            )  # fmt: skip
        assert not verifier or verifier not in str(caught.value)
    assert server.requests == Counter(), "the code was not sent"


# Client authentication: the form (client_secret_post) or HTTP Basic (client_secret_basic).


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_client_secret_basic_sends_the_credentials_in_a_header_and_never_in_the_form(mode: str) -> None:
    # Characters that form-urlencoding changes, so a server decoding the header as RFC 6749 §2.3.1 says finds the
    # secret only if the package encoded it so.
    secret = "FAKE secret:with+odd/chars%20ü"
    server = RotatingOAuthServer(refresh_delay=0, client_secret=secret)
    server.thread.start()
    try:
        client = oauth_client(server)
        arguments: dict[str, Any] = {"code": CODE, "redirect_uri": REDIRECT_URI, "client_auth": "client_secret_basic"}
        if mode == "sync":
            session = TokenSession.exchange(client, CLIENT_ID, secret, **arguments)
            session.refresh()
            outcome = session.revoke()
        else:
            session = await TokenSession.aexchange(client, CLIENT_ID, secret, **arguments)
            await session.arefresh()
            outcome = await session.arevoke()
            await client.aclose()
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
    assert session.client_auth == "client_secret_basic"
    assert outcome == Revocation() and outcome.complete
    assert [form.get("grant_type", form.get("token_type_hint")) for form in server.forms] == [
        "authorization_code",
        "refresh_token",
        "refresh_token",
        "access_token",
    ]
    for form in server.forms:
        assert "client_id" not in form and "client_secret" not in form
    assert [basic_credentials(header) for header in server.authorizations] == [(CLIENT_ID, secret)] * 4
    assert server.revoked == ["FAKE-flow-refresh-token-0002", "FAKE-flow-access-token-0002"]


def test_client_secret_post_is_the_default_and_sends_no_authorization_header(server: RotatingOAuthServer) -> None:
    session = TokenSession.exchange(
        oauth_client(server), CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI
    )
    session.refresh()
    session.revoke()
    assert session.client_auth == "client_secret_post"
    assert server.authorizations == ["", "", "", ""]
    assert [(form["client_id"], form["client_secret"]) for form in server.forms] == [(CLIENT_ID, CLIENT_SECRET)] * 4


def test_a_wrong_secret_sent_either_way_is_an_invalid_client_error_that_does_not_show_it(
    server: RotatingOAuthServer,
) -> None:
    methods: tuple[ClientAuth, ...] = ("client_secret_post", "client_secret_basic")
    for method in methods:
        with pytest.raises(errors.InvalidClientError) as caught:
            TokenSession.exchange(
                oauth_client(server), CLIENT_ID, "FAKE-wrong-secret-0002", code=CODE, redirect_uri=REDIRECT_URI,
                client_auth=method,
            )  # fmt: skip
        assert caught.value.status_code == 401
        assert "FAKE-wrong-secret-0002" not in f"{caught.value!r} {caught.value}"


def test_an_unknown_client_auth_is_refused_before_anything_is_sent(server: RotatingOAuthServer) -> None:
    with pytest.raises(errors.ArgumentError, match="client_auth must be one of"):
        TokenSession.exchange(
            oauth_client(server), CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI,
            client_auth="client_secret_jwt",  # type: ignore[arg-type]
        )  # fmt: skip
    with pytest.raises(errors.ArgumentError, match="client_auth must be one of"):
        expiring_session(server, [], client_auth="basic")
    assert server.requests == Counter()


# Revocation (RFC 7009): both tokens, each with its hint, the second attempted whatever became of the first.


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_revoke_sends_each_token_with_its_hint_and_closes_the_session(
    server: RotatingOAuthServer, mode: str
) -> None:
    session = expiring_session(server, [], refresh_margin=0)
    assert not session.revoked
    outcome = session.revoke() if mode == "sync" else await session.arevoke()
    assert outcome == Revocation(refresh_token=None, access_token=None) and outcome.complete
    assert [(form["token"], form["token_type_hint"]) for form in server.forms] == [
        ("FAKE-flow-refresh-token-0000", "refresh_token"),
        ("FAKE-flow-access-token-0000", "access_token"),
    ]
    assert session.revoked
    for call in (session.access_token, session.refresh):
        with pytest.raises(errors.CredentialsError, match="the session was revoked"):
            call()
    for acall in (session.aaccess_token, session.arefresh):
        with pytest.raises(errors.CredentialsError, match="the session was revoked"):
            await acall()
    with httpx.Client(base_url=server.url, auth=session.httpx_auth()) as api, pytest.raises(errors.CredentialsError):
        api.get("/v1/user")
    assert server.requests["/oauth/token"] == 0 and server.requests["/v1/user"] == 0


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_failed_refresh_token_revocation_still_revokes_the_access_token_then_raises(
    server: RotatingOAuthServer, mode: str
) -> None:
    server.revoke_errors["refresh_token"] = (503, {"error": "temporarily_unavailable"})
    session = expiring_session(server, [], refresh_margin=0)
    with pytest.raises(errors.ServerError) as caught:
        session.revoke() if mode == "sync" else await session.arevoke()
    assert server.revoked == ["FAKE-flow-access-token-0000"], "the access token was revoked all the same"
    assert caught.value.__notes__ == ["the access token was revoked"]
    assert session.revoked, "the session hands out no token, confirmed or not"
    with pytest.raises(errors.CredentialsError):
        session.access_token()
    # Calling revoke() again tries both again.
    del server.revoke_errors["refresh_token"]
    assert (session.revoke() if mode == "sync" else await session.arevoke()).complete
    assert server.revoked[1:] == ["FAKE-flow-refresh-token-0000", "FAKE-flow-access-token-0000"]


def test_when_both_revocations_fail_the_refresh_tokens_error_is_raised_and_names_the_other(
    server: RotatingOAuthServer,
) -> None:
    server.revoke_errors["refresh_token"] = (400, {"error": "unsupported_token_type"})
    server.revoke_errors["access_token"] = (503, {"error": "temporarily_unavailable"})
    session = expiring_session(server, [], refresh_margin=0)
    with pytest.raises(errors.UnsupportedTokenTypeError) as caught:
        session.revoke()
    assert caught.value.__notes__ == ["revoking the access token failed too (ServerError)"]
    assert server.requests["/oauth/revoke"] == 2


def test_a_failed_access_token_revocation_alone_is_returned_and_logged_not_raised(
    server: RotatingOAuthServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.revoke_errors["access_token"] = (503, {"error": "temporarily_unavailable"})
    session = expiring_session(server, [], refresh_margin=0)
    with caplog.at_level(logging.WARNING, logger="planetscale_oauth"):
        outcome = session.revoke()
    assert outcome.refresh_token is None and isinstance(outcome.access_token, errors.ServerError)
    assert not outcome.complete
    assert "revoking the access token failed (ServerError)" in caplog.text
    assert "FAKE-flow-access-token-0000" not in caplog.text


def test_without_a_refresh_token_a_failed_access_token_revocation_is_raised(server: RotatingOAuthServer) -> None:
    server.revoke_errors["access_token"] = (503, {"error": "temporarily_unavailable"})
    tokens = Tokens(access_token=server.access_token)
    session = TokenSession(oauth_client(server), CLIENT_ID, CLIENT_SECRET, tokens)
    with pytest.raises(errors.ServerError):
        session.revoke()
    assert [form["token_type_hint"] for form in server.forms] == ["access_token"]


def test_revoke_waits_for_a_refresh_in_flight_and_revokes_the_tokens_it_brings(server: RotatingOAuthServer) -> None:
    session = expiring_session(server, [])  # the refresh takes 0.3 s
    with ThreadPoolExecutor(max_workers=1) as pool:
        refreshing = pool.submit(session.access_token)
        for _ in range(500):  # until the refresh is in flight (the server answers it 0.3 s later)
            if server.requests["/oauth/token"]:
                break
            threading.Event().wait(0.01)
        session.revoke()
        assert refreshing.result() == "FAKE-flow-access-token-0001", "a refresh already sent completes"
    assert server.revoked == ["FAKE-flow-refresh-token-0001", "FAKE-flow-access-token-0001"]


# expires_in: any JSON number.


def test_a_fractional_expires_in_is_a_lifetime() -> None:
    running = RotatingOAuthServer(refresh_delay=0, expires_in=3599.5)
    running.thread.start()
    try:
        session = TokenSession.exchange(
            oauth_client(running), CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI
        )
    finally:
        running.httpd.shutdown()
        running.httpd.server_close()
    assert session.tokens.expires_at is not None
    remaining = (session.tokens.expires_at - datetime.datetime.now(datetime.UTC)).total_seconds()
    assert 3590 < remaining <= 3599.5


@pytest.mark.parametrize("expires_in", [math.nan, math.inf, -math.inf], ids=["NaN", "Infinity", "-Infinity"])
def test_an_expires_in_that_is_no_finite_number_is_read_as_absent_and_the_tokens_are_kept(expires_in: float) -> None:
    running = RotatingOAuthServer(refresh_delay=0, expires_in=expires_in)  # json.dumps writes NaN, Infinity
    running.thread.start()
    try:
        session = TokenSession.exchange(
            oauth_client(running), CLIENT_ID, CLIENT_SECRET, code=CODE, redirect_uri=REDIRECT_URI
        )
        assert session.tokens.expires_at is None
        assert session.tokens.refresh_token == running.refresh_token
        assert session.access_token() == running.access_token and running.requests["/oauth/token"] == 1
    finally:
        running.httpd.shutdown()
        running.httpd.server_close()


def test_tokens_from_a_response_read_any_number_and_nothing_else_as_a_lifetime() -> None:
    now = 1_700_000_000.0

    def expiry(expires_in: object) -> datetime.datetime | None:
        response = SimpleNamespace(access_token="at", refresh_token="rt", expires_in=expires_in, scope=None)
        return Tokens.from_response(response, now).expires_at

    at = datetime.datetime.fromtimestamp
    assert expiry(3600) == expiry(3600.0) == at(now + 3600, tz=datetime.UTC)
    assert expiry(0.25) == at(now + 0.25, tz=datetime.UTC)
    assert expiry(-5) == at(now, tz=datetime.UTC)
    assert expiry(10**400) == expiry(1e300) == at(now + 365 * 24 * 3600, tz=datetime.UTC)
    for nothing in (None, True, False, "3600", math.nan, math.inf):
        assert expiry(nothing) is None


# A 401 from the API: one refresh, one resend.


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_401_refreshes_once_and_sends_the_request_again(server: RotatingOAuthServer, mode: str) -> None:
    session = session_expiring_in(server, 3600)  # fresh by its expiry
    server.refresh_delay = 0
    server.invalidate_access_token()  # ... but the server no longer takes it
    if mode == "sync":
        with httpx.Client(base_url=server.url, auth=session.httpx_auth()) as api:
            statuses = [api.post("/v1/user", content=b"a body, sent twice").status_code for _ in range(2)]
    else:
        async with httpx.AsyncClient(base_url=server.url, auth=session.httpx_auth()) as api:
            statuses = [(await api.get("/v1/user")).status_code for _ in range(2)]
    assert statuses == [200, 200]
    assert server.requests["/oauth/token"] == 1 and session.refreshes == 1
    refused, new = "Bearer FAKE-flow-access-token-0000", "Bearer FAKE-flow-access-token-0001"
    assert server.authorizations == [refused, "", new, new], "the refused token, the refresh, then the new one"
    if mode == "sync":
        assert server.api_bodies == [b"a body, sent twice"] * 3


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_second_401_is_returned_as_it_is_and_the_refused_new_token_is_not_refreshed_again(
    server: RotatingOAuthServer, mode: str
) -> None:
    server.refresh_delay = 0
    session = session_expiring_in(server, 3600)
    if mode == "sync":
        with httpx.Client(base_url=server.url, auth=session.httpx_auth()) as api:
            statuses = [api.get("/v1/refuse").status_code for _ in range(3)]
    else:
        async with httpx.AsyncClient(base_url=server.url, auth=session.httpx_auth()) as api:
            statuses = [(await api.get("/v1/refuse")).status_code for _ in range(3)]
    assert statuses == [401, 401, 401]
    assert server.requests["/oauth/token"] == 1, "one refresh, not one per request"
    assert server.requests["/v1/refuse"] == 4  # sent, sent again after the refresh, then once each


def test_threads_refused_with_the_same_token_share_one_refresh(server: RotatingOAuthServer) -> None:
    session = session_expiring_in(server, 3600)  # the refresh takes 0.3 s
    server.invalidate_access_token()
    start = threading.Barrier(8)

    def call(api: httpx.Client) -> int:
        start.wait()
        return api.get("/v1/user").status_code

    with httpx.Client(base_url=server.url, auth=session.httpx_auth()) as api, ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(call, [api] * 8))
    assert statuses == [200] * 8
    assert server.requests["/oauth/token"] == 1 and server.generation == 1


async def test_tasks_refused_with_the_same_token_share_one_refresh(server: RotatingOAuthServer) -> None:
    session = session_expiring_in(server, 3600)
    server.invalidate_access_token()
    async with httpx.AsyncClient(base_url=server.url, auth=session.httpx_auth()) as api:
        responses = await asyncio.gather(*(api.get("/v1/user") for _ in range(8)))
    assert [response.status_code for response in responses] == [200] * 8
    assert server.requests["/oauth/token"] == 1


class _RefreshedBehindTheRequest(httpx.BaseTransport):
    """Refreshes the session after the auth flow has picked the token for the first request, before it is sent:
    what another caller's refresh does meanwhile."""

    def __init__(self, session: TokenSession) -> None:
        self.session = session
        self.inner = httpx.HTTPTransport()
        self.sent = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        if self.sent == 1:
            self.session.refresh()
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_a_401_after_another_caller_refreshed_sends_the_new_token_without_refreshing_again(
    server: RotatingOAuthServer,
) -> None:
    server.refresh_delay = 0
    session = session_expiring_in(server, 3600)
    with httpx.Client(base_url=server.url, transport=_RefreshedBehindTheRequest(session)) as api:
        response = api.get("/v1/user", auth=session.httpx_auth())
    assert response.status_code == 200
    assert server.requests["/oauth/token"] == 1, "only the other caller's refresh"
    assert server.authorizations[-2:] == ["Bearer FAKE-flow-access-token-0000", "Bearer FAKE-flow-access-token-0001"]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_refresh_refused_after_a_401_raises_its_error(server: RotatingOAuthServer, mode: str) -> None:
    server.refresh_delay = 0
    session = session_expiring_in(server, 3600)
    server._rotate()  # the grant moved on elsewhere: the session's refresh token is stale
    with pytest.raises(errors.InvalidGrantError):
        if mode == "sync":
            with httpx.Client(base_url=server.url, auth=session.httpx_auth()) as api:
                api.get("/v1/user")
        else:
            async with httpx.AsyncClient(base_url=server.url, auth=session.httpx_auth()) as aapi:
                await aapi.get("/v1/user")


# The OAuth application, held once


def test_the_oauth_app_holds_the_application_once_for_the_whole_flow(
    server: RotatingOAuthServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CLIENT_ID_ENV, CLIENT_ID)
    monkeypatch.setenv(CLIENT_SECRET_ENV, CLIENT_SECRET)
    app = OAuthApp.from_env(oauth_client(server), client_auth="client_secret_basic")
    assert CLIENT_SECRET not in repr(app)
    request = app.authorize_url(REDIRECT_URI, scope="read_databases")
    assert parse_qs(urlsplit(request.url).query)["client_id"] == [CLIENT_ID]
    session = app.exchange(code=CODE, redirect_uri=REDIRECT_URI, code_verifier=request.code_verifier)
    assert session.access_token() == server.access_token
    assert server.forms[-1]["code_verifier"] == request.code_verifier
    assert "client_secret" not in server.forms[-1], "sent in a Basic header, as chosen once"
    resumed = app.session(session.tokens)
    assert (resumed.client_auth, resumed.refresh().access_token) == ("client_secret_basic", server.access_token)


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        ({}, "are not set"),
        ({CLIENT_ID_ENV: CLIENT_ID}, f"{CLIENT_SECRET_ENV} is not set"),
        ({CLIENT_SECRET_ENV: CLIENT_SECRET}, f"{CLIENT_ID_ENV} is not set"),
        (
            {CLIENT_ID_ENV: CLIENT_ID, CLIENT_SECRET_ENV: CLIENT_SECRET + "\n"},
            "client_secret holds a control character",
        ),
        ({CLIENT_ID_ENV: CLIENT_ID, CLIENT_SECRET_ENV: CLIENT_SECRET}, None),
    ],
)
def test_the_oauth_app_from_the_environment_is_all_or_nothing(
    monkeypatch: pytest.MonkeyPatch, present: dict[str, str], expected: str | None
) -> None:
    for name in (CLIENT_ID_ENV, CLIENT_SECRET_ENV):
        monkeypatch.delenv(name, raising=False)
    for name, value in present.items():
        monkeypatch.setenv(name, value)
    if expected is None:
        assert OAuthApp.from_env(Client()).client_secret == CLIENT_SECRET
        return
    with pytest.raises(errors.CredentialsError, match=expected):
        OAuthApp.from_env(Client())


def test_the_client_object_carries_the_oauth_app(server: RotatingOAuthServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (CLIENT_ID_ENV, CLIENT_SECRET_ENV):
        monkeypatch.delenv(name, raising=False)
    api = PlanetScale(client=oauth_client(server), client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    session = api.oauth_app.exchange(code=CODE, redirect_uri=REDIRECT_URI)
    assert session.access_token() == server.access_token
    without = PlanetScale(client=oauth_client(server))
    with pytest.raises(errors.CredentialsError, match=f"set {CLIENT_ID_ENV} and {CLIENT_SECRET_ENV}"):
        _ = without.oauth_app
    with pytest.raises(errors.CredentialsError, match="together"):
        PlanetScale(client=oauth_client(server), client_id=CLIENT_ID)
