"""Connecting a user's account: the authorize URL and callback check, and the token session.

The session runs against a real loopback OAuth server that rotates the refresh token on every refresh
and refuses a used one (as a second refresh with a rotated token would be refused), and counts requests.
"""

from __future__ import annotations

import asyncio
import datetime
import hmac
import logging
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from loopback import CLIENT_ID, CLIENT_SECRET, RotatingOAuthServer

from planetscale_oauth import AuthenticatedClient, Client, errors
from planetscale_oauth.oauth import (
    AUTHORIZE_PATH,
    AuthorizationRequest,
    Tokens,
    TokenSession,
    authorize_url,
    check_state,
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


def oauth_client(server: RotatingOAuthServer) -> Client:
    # A service-token client: proves the token never travels to the OAuth server.
    return AuthenticatedClient.from_service_token(
        "sto_FAKEflow", "pscale_tkn_FAKEflow0001", base_url=server.url + "/v1", oauth_base_url=server.url,
        retry=NO_RETRY,
    )  # fmt: skip


def expiring_session(server: RotatingOAuthServer, persisted: list[Tokens], **kwargs: Any) -> TokenSession:
    """A session whose access token expires in 30 s: inside the 60 s margin, so the next use refreshes."""
    tokens = Tokens(
        access_token=server.access_token,
        refresh_token=server.refresh_token,
        expires_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=30),
    )
    return TokenSession(oauth_client(server), CLIENT_ID, CLIENT_SECRET, tokens, persisted.append, **kwargs)


# The authorize URL and the callback.


def test_authorize_url_carries_the_client_the_redirect_and_a_fresh_random_state() -> None:
    first = authorize_url(CLIENT_ID, REDIRECT_URI, scope=["read_databases", "read_branches"])
    second = authorize_url(CLIENT_ID, REDIRECT_URI)
    url = urlsplit(first.url)
    query = parse_qs(url.query)
    flow = spec()["components"]["securitySchemes"]["PlanetScaleOAuth"]["flows"]["authorizationCode"]
    assert f"{url.scheme}://{url.netloc}{url.path}" == flow["authorizationUrl"]
    assert url.path == AUTHORIZE_PATH
    assert query == {
        "client_id": [CLIENT_ID],
        "redirect_uri": [REDIRECT_URI],
        "state": [first.state],
        "scope": ["read_databases read_branches"],
    }
    assert first.state != second.state
    assert len(first.state) >= 43  # 32 random bytes, URL-safe base64
    assert first.state not in repr(first) and "<redacted>" in repr(first)


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
    session = TokenSession.exchange(
        oauth_client(server), CLIENT_ID, CLIENT_SECRET, code="FAKE-flow-code-0001", redirect_uri=REDIRECT_URI,
        on_refresh=persisted.append,
    )  # fmt: skip
    session.refresh()
    await session.arefresh()
    session.revoke()
    shown = [repr(session), str(session), repr(session.tokens), repr(persisted), repr(session.httpx_auth())]
    shown += [repr(authorize_url(CLIENT_ID, REDIRECT_URI, state="FAKE-flow-state-0001"))]
    try:
        TokenSession(oauth_client(server), CLIENT_ID, "FAKE-wrong-secret-0001", session.tokens).refresh()
    except errors.InvalidClientError as error:
        shown += [repr(error), str(error)]
    haystack = "\n".join([*shown, caplog.text, capsys.readouterr().out])
    assert "token session: access token refreshed" in caplog.text, "the session's own log is scanned"
    secrets = [*server.secrets(), "FAKE-flow-state-0001", "FAKE-wrong-secret-0001", "pscale_tkn_FAKEflow0001"]
    assert [secret for secret in secrets if secret in haystack] == []
