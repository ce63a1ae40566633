"""The OAuth helpers of ``_oauth``: the authorize URL, the callback check, ``Tokens`` and a ``TokenSession``
whose token and revocation operations point at a loopback server."""

from __future__ import annotations

import asyncio
import datetime
import json
import logging
import threading
import time
from collections.abc import Iterator
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request as WsgiRequest
from werkzeug import Response as WsgiResponse

from runtime import _exceptions as errors
from runtime._oauth import (
    STATE_BYTES,
    OAuthFlow,
    Tokens,
    TokenSession,
    authorize_url,
    check_state,
    code_challenge,
    read_callback,
)
from runtime._operation import Operation, Returns
from runtime.runtime_fakes import (
    SENSITIVE_KEYS,
    SERVICE_TOKEN,
    TOKEN,
    AuthenticatedClient,
    Client,
    OAuthErrorModel,
    Recorder,
    TokenModel,
    service_client,
)
from runtime.types import UNSET

REVOCATION: Operation[None, OAuthErrorModel] = Operation(
    method="POST",
    route="/oauth/revoke",
    server="oauth",
    authenticated=False,
    retry_rule="idempotent",
    body="form",
    responses=(Returns(200), Returns((400, 401), OAuthErrorModel)),
    oauth_errors=True,
    sensitive_keys=SENSITIVE_KEYS,
)
FLOW = OAuthFlow(
    authorization_server="oauth",
    authorization_path="/oauth/authorize",
    token=TOKEN,
    revocation=REVOCATION,
    client=Client,
)


class Session(TokenSession):
    """What the generated ``oauth.TokenSession`` is: the runtime's session bound to the spec's flow."""

    __slots__ = ()
    _flow: ClassVar[OAuthFlow] = FLOW


CLIENT_ID = "app-id-1"
CLIENT_SECRET = "app-secret-FAKE-1"
REDIRECT_URI = "https://app.test/callback"
NOW = 1_700_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


class TokenServer:
    """A loopback OAuth server: issues at-N / rt-N, records what it was sent."""

    def __init__(self, server: HTTPServer, *, delay: float = 0.0, expires_in: int | None = 3600) -> None:
        self.server = server
        self.delay = delay
        self.expires_in = expires_in
        self.issued = 0
        self.forms: list[dict[str, str]] = []
        self.lock = threading.Lock()
        server.expect_request("/oauth/token", method="POST").respond_with_handler(self.token)
        server.expect_request("/oauth/revoke", method="POST").respond_with_handler(self.revoke)

    def token(self, request: WsgiRequest) -> WsgiResponse:
        form = request.form.to_dict()
        with self.lock:
            self.forms.append(form)
            self.issued += 1
            issued = self.issued
        time.sleep(self.delay)
        if form.get("code") == "bad-code" or form.get("refresh_token") == "revoked":
            return json_answer(400, {"error": "invalid_grant", "error_description": "grant is invalid or expired"})
        body: dict[str, Any] = {"access_token": f"at-{issued}", "token_type": "Bearer", "refresh_token": f"rt-{issued}"}
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return json_answer(200, body)

    def revoke(self, request: WsgiRequest) -> WsgiResponse:
        self.forms.append(request.form.to_dict())
        return WsgiResponse(status=200)

    @property
    def requests(self) -> list[WsgiRequest]:
        return [entry[0] for entry in self.server.log]


def json_answer(status: int, body: dict[str, Any]) -> WsgiResponse:
    return WsgiResponse(json.dumps(body), status=status, content_type="application/json")


@pytest.fixture
def oauth_server(httpserver: HTTPServer) -> TokenServer:
    return TokenServer(httpserver)


@pytest.fixture
def client(httpserver: HTTPServer) -> Iterator[AuthenticatedClient]:
    """A service-token client whose OAuth server is the loopback one (its token must never go there)."""
    built = service_client(oauth_base_url=httpserver.url_for(""))
    yield built
    built.close()


def session_with(client: AuthenticatedClient, clock: Clock, tokens: Tokens, **kwargs: Any) -> Session:
    return Session(client, CLIENT_ID, CLIENT_SECRET, tokens, clock=clock, **kwargs)


def expiring_in(seconds: float, refresh_token: str | None = "rt-0") -> Tokens:
    return Tokens(
        access_token="at-0",
        refresh_token=refresh_token,
        expires_at=datetime.datetime.fromtimestamp(NOW + seconds, tz=datetime.UTC),
        scope="read_user",
    )


# authorize_url, check_state, read_callback


def test_authorize_url_on_the_clients_oauth_server() -> None:
    client = Client(oauth_base_url="https://login.example.test/")
    request = authorize_url(FLOW, CLIENT_ID, REDIRECT_URI, scope=["read_user", "write_db"], state="st-1", client=client)
    parts = urlsplit(request.url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://login.example.test/oauth/authorize"
    assert request.code_verifier is not None
    assert parse_qs(parts.query) == {
        "response_type": ["code"],
        "client_id": [CLIENT_ID],
        "redirect_uri": [REDIRECT_URI],
        "state": ["st-1"],
        "scope": ["read_user write_db"],
        "code_challenge": [code_challenge(request.code_verifier)],
        "code_challenge_method": ["S256"],
    }
    assert request.state == "st-1"
    assert repr(request) == (
        "AuthorizationRequest(url='https://login.example.test/oauth/authorize?…', state='<redacted>', "
        "code_verifier='<redacted>')"
    )


def test_authorize_url_defaults_the_client_and_makes_a_fresh_state() -> None:
    first = authorize_url(FLOW, CLIENT_ID, REDIRECT_URI, scope="read_user")
    second = authorize_url(FLOW, CLIENT_ID, REDIRECT_URI)
    assert first.url.startswith("https://auth.example.test/oauth/authorize?")
    assert len(first.state) == len(second.state) >= STATE_BYTES
    assert first.state != second.state
    assert parse_qs(urlsplit(first.url).query)["state"] == [first.state]
    assert parse_qs(urlsplit(first.url).query)["scope"] == ["read_user"]
    assert "scope" not in parse_qs(urlsplit(second.url).query)
    assert first.state not in repr(first)


@pytest.mark.parametrize(
    ("client_id", "redirect_uri", "state"),
    [("", REDIRECT_URI, None), (CLIENT_ID, "", None), (CLIENT_ID, REDIRECT_URI, "")],
)
def test_authorize_url_refuses_empty_values(client_id: str, redirect_uri: str, state: str | None) -> None:
    with pytest.raises(errors.CredentialsError):
        authorize_url(FLOW, client_id, redirect_uri, state=state)


def test_check_state() -> None:
    check_state("st-1", "st-1")
    for received in ("st-2", "", None, "st-1 ", "ß"):
        with pytest.raises(errors.StateMismatchError, match="does not match"):
            check_state("st-1", received)
    with pytest.raises(errors.StateMismatchError, match="no state was kept"):
        check_state("", "")


def test_read_callback_returns_the_code_after_checking_the_state() -> None:
    assert read_callback(f"{REDIRECT_URI}?code=ac-1&state=st-1", "st-1") == "ac-1"
    with pytest.raises(errors.StateMismatchError):
        read_callback(f"{REDIRECT_URI}?code=ac-1&state=st-2", "st-1")
    with pytest.raises(errors.StateMismatchError):
        read_callback(f"{REDIRECT_URI}?code=ac-1", "st-1")


def test_read_callback_checks_the_state_before_reading_an_error() -> None:
    with pytest.raises(errors.StateMismatchError):
        read_callback(f"{REDIRECT_URI}?error=access_denied&state=forged", "st-1")
    with pytest.raises(errors.AuthorizationDeniedError) as caught:
        read_callback(f"{REDIRECT_URI}?error=access_denied&error_description=User+said+no&state=st-1", "st-1")
    assert caught.value.code == "access_denied"
    assert caught.value.message == "authorization was not granted: User said no (access_denied)"
    with pytest.raises(errors.AuthorizationDeniedError, match=r"not granted: server_error \(server_error\)"):
        read_callback(f"{REDIRECT_URI}?error=server_error&state=st-1", "st-1")


def test_read_callback_without_a_code() -> None:
    for query in ("state=st-1", "code=&state=st-1"):
        with pytest.raises(errors.CredentialsError, match="neither a code nor an error"):
            read_callback(f"{REDIRECT_URI}?{query}", "st-1")


# Tokens


def test_tokens_from_a_response() -> None:
    response = TokenModel(access_token="at-1", token_type="Bearer", expires_in=3600, refresh_token="rt-1", scope="a b")
    tokens = Tokens.from_response(response, NOW)
    assert tokens == Tokens(
        access_token="at-1",
        refresh_token="rt-1",
        expires_at=datetime.datetime.fromtimestamp(NOW + 3600, tz=datetime.UTC),
        scope="a b",
    )
    assert "at-1" not in repr(tokens) and "rt-1" not in repr(tokens)
    assert "access_token='<redacted>'" in repr(tokens) and "scope='a b'" in repr(tokens)


def test_a_refresh_without_a_refresh_token_or_scope_keeps_the_previous_ones() -> None:
    previous = Tokens(access_token="at-0", refresh_token="rt-0", scope="read_user")
    bare = TokenModel(access_token="at-1", token_type="Bearer")
    tokens = Tokens.from_response(bare, NOW, previous)
    assert (tokens.access_token, tokens.refresh_token, tokens.scope, tokens.expires_at) == (
        "at-1",
        "rt-0",
        "read_user",
        None,
    )
    rotated = TokenModel(access_token="at-2", token_type="Bearer", refresh_token="rt-2", scope="x", expires_in=0)
    assert Tokens.from_response(rotated, NOW, previous) == Tokens(
        "at-2", "rt-2", datetime.datetime.fromtimestamp(NOW, tz=datetime.UTC), "x"
    )
    assert Tokens.from_response(bare, NOW) == Tokens("at-1")
    assert repr(Tokens("at-1")) == "Tokens(access_token='<redacted>', refresh_token=None, expires_at=None, scope=None)"
    assert bare.refresh_token is UNSET


# The session against a loopback OAuth server


def test_exchange_sends_the_grant_to_the_oauth_server_only(
    client: AuthenticatedClient, oauth_server: TokenServer
) -> None:
    clock = Clock()
    persisted: list[Tokens] = []
    session = Session.exchange(
        client,
        CLIENT_ID,
        CLIENT_SECRET,
        code="ac-1",
        redirect_uri=REDIRECT_URI,
        on_refresh=persisted.append,
        clock=clock,
    )
    assert oauth_server.forms == [
        {
            "grant_type": "authorization_code",
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "code": "ac-1",
            "redirect_uri": REDIRECT_URI,
        }
    ]
    (request,) = oauth_server.requests
    assert "Authorization" not in request.headers
    assert session.tokens == Tokens("at-1", "rt-1", datetime.datetime.fromtimestamp(NOW + 3600, tz=datetime.UTC), None)
    assert persisted == [session.tokens]
    assert session.access_token() == "at-1"
    assert session.refreshes == 0 and len(oauth_server.requests) == 1
    shown = repr(session)
    for secret in (CLIENT_SECRET, "at-1", "rt-1", SERVICE_TOKEN):
        assert secret not in shown


async def test_aexchange_with_an_async_on_refresh(client: AuthenticatedClient, oauth_server: TokenServer) -> None:
    persisted: list[Tokens] = []

    async def persist(tokens: Tokens) -> None:
        await asyncio.sleep(0)
        persisted.append(tokens)

    session = await Session.aexchange(
        client, CLIENT_ID, CLIENT_SECRET, code="ac-1", redirect_uri=REDIRECT_URI, on_refresh=persist, clock=Clock()
    )
    assert oauth_server.forms[0]["grant_type"] == "authorization_code"
    assert await session.aaccess_token() == "at-1"
    assert persisted == [session.tokens]
    await client.aclose()


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_refused_exchange_is_an_invalid_grant_error_without_secrets(
    mode: str, client: AuthenticatedClient, oauth_server: TokenServer
) -> None:
    with pytest.raises(errors.InvalidGrantError) as caught:
        if mode == "sync":
            Session.exchange(client, CLIENT_ID, CLIENT_SECRET, code="bad-code", redirect_uri=REDIRECT_URI)
        else:
            await Session.aexchange(client, CLIENT_ID, CLIENT_SECRET, code="bad-code", redirect_uri=REDIRECT_URI)
    await client.aclose()
    assert caught.value.message == "400 Bad Request: grant is invalid or expired (invalid_grant)"
    assert len(oauth_server.requests) == 1  # a refused grant is not retried


def test_an_async_on_refresh_is_refused_by_the_sync_methods(
    client: AuthenticatedClient, oauth_server: TokenServer
) -> None:
    async def persist(tokens: Tokens) -> None:
        pass

    with pytest.raises(TypeError, match="an async on_refresh works only with the async methods"):
        Session.exchange(client, CLIENT_ID, CLIENT_SECRET, code="ac-1", redirect_uri=REDIRECT_URI, on_refresh=persist)


def test_access_token_refreshes_when_due_and_rotates_the_refresh_token(
    client: AuthenticatedClient, oauth_server: TokenServer
) -> None:
    clock = Clock()
    persisted: list[Tokens] = []
    session = session_with(client, clock, expiring_in(120), on_refresh=persisted.append)
    assert session.access_token() == "at-0"  # 120 s left, margin 60 s: still fresh
    assert oauth_server.requests == []
    clock.now = NOW + 61  # 59 s left: within the margin
    assert session.access_token() == "at-1"
    assert oauth_server.forms == [
        {"grant_type": "refresh_token", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "refresh_token": "rt-0"}
    ]
    assert "Authorization" not in oauth_server.requests[0].headers
    assert session.tokens.refresh_token == "rt-1"
    assert session.tokens.expires_at == datetime.datetime.fromtimestamp(NOW + 61 + 3600, tz=datetime.UTC)
    assert session.refreshes == 1 and persisted == [session.tokens]
    assert session.access_token() == "at-1" and len(oauth_server.requests) == 1
    # The next refresh sends the rotated refresh token.
    session.refresh()
    assert oauth_server.forms[-1]["refresh_token"] == "rt-1"
    assert session.refreshes == 2 and session.tokens.access_token == "at-2"


def test_a_token_without_expiry_is_never_refreshed_unless_forced(
    client: AuthenticatedClient, oauth_server: TokenServer
) -> None:
    clock = Clock()
    session = session_with(client, clock, Tokens("at-0", "rt-0"))
    clock.now += 10**9
    assert session.access_token() == "at-0" and oauth_server.requests == []
    assert session.refresh().access_token == "at-1"


def test_an_expired_token_without_a_refresh_token(client: AuthenticatedClient, oauth_server: TokenServer) -> None:
    session = session_with(client, Clock(), expiring_in(10, refresh_token=None))
    with pytest.raises(errors.CredentialsError, match="holds no refresh token"):
        session.access_token()
    assert oauth_server.requests == []


def test_a_refused_refresh_keeps_the_tokens(client: AuthenticatedClient, oauth_server: TokenServer) -> None:
    tokens = expiring_in(0, refresh_token="revoked")
    session = session_with(client, Clock(), tokens)
    with pytest.raises(errors.InvalidGrantError) as caught:
        session.access_token()
    assert "revoked" not in str(caught.value)
    assert session.tokens is tokens and session.refreshes == 0


def test_twenty_threads_share_one_refresh(httpserver: HTTPServer, client: AuthenticatedClient) -> None:
    oauth_server = TokenServer(httpserver, delay=0.2)
    persisted: list[Tokens] = []
    session = session_with(client, Clock(), expiring_in(5), on_refresh=persisted.append)
    barrier = threading.Barrier(20)
    got: list[str] = []

    def ask() -> None:
        barrier.wait()
        got.append(session.access_token())

    threads = [threading.Thread(target=ask) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert got == ["at-1"] * 20
    assert len(oauth_server.requests) == 1
    assert session.refreshes == 1 and len(persisted) == 1


async def test_twenty_tasks_share_one_refresh(httpserver: HTTPServer, client: AuthenticatedClient) -> None:
    oauth_server = TokenServer(httpserver, delay=0.1)
    session = session_with(client, Clock(), expiring_in(5))
    got = await asyncio.gather(*(session.aaccess_token() for _ in range(20)))
    assert got == ["at-1"] * 20
    assert len(oauth_server.requests) == 1 and session.refreshes == 1
    assert (await session.arefresh()).access_token == "at-2"
    await client.aclose()


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_revoke_revokes_the_refresh_token_then_the_access_token(
    mode: str, client: AuthenticatedClient, oauth_server: TokenServer
) -> None:
    session = session_with(client, Clock(), expiring_in(3600))
    if mode == "sync":
        session.revoke()
    else:
        await session.arevoke()
        await client.aclose()
    credentials = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
    assert oauth_server.forms == [
        {"token": "rt-0", "token_type_hint": "refresh_token", **credentials},
        {"token": "at-0", "token_type_hint": "access_token", **credentials},
    ]
    assert [request.path for request in oauth_server.requests] == ["/oauth/revoke"] * 2
    only_access = session_with(client, Clock(), expiring_in(3600, refresh_token=None))
    only_access.revoke()
    assert oauth_server.forms[-1]["token"] == "at-0" and len(oauth_server.forms) == 3


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_httpx_auth_sends_a_fresh_bearer_token(
    mode: str, client: AuthenticatedClient, oauth_server: TokenServer
) -> None:
    clock = Clock()
    session = session_with(client, clock, expiring_in(3600))
    api = Recorder(httpx.Response(200))
    auth = session.httpx_auth()
    assert repr(auth) == "<TokenSession auth>"
    for _ in range(2):
        if mode == "sync":
            with httpx.Client(transport=httpx.MockTransport(api), auth=auth) as plain:
                plain.get("https://api.example.test/v1/user")
        else:
            async with httpx.AsyncClient(transport=httpx.MockTransport(api), auth=auth) as aplain:
                await aplain.get("https://api.example.test/v1/user")
        clock.now += 3600
    assert [request.headers["Authorization"] for request in api.requests] == ["Bearer at-0", "Bearer at-1"]
    assert len(oauth_server.requests) == 1
    await client.aclose()


# A session never loses a token it was given


def test_exchange_whose_on_refresh_fails_returns_the_session_and_persists_on_the_next_call(
    client: AuthenticatedClient, oauth_server: TokenServer, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[Tokens] = []

    def persist(tokens: Tokens) -> None:
        calls.append(tokens)
        if len(calls) == 1:
            raise ConnectionError("the database is down")

    with caplog.at_level(logging.WARNING, logger="runtime"):
        session = Session.exchange(
            client, CLIENT_ID, CLIENT_SECRET, code="ac-1", redirect_uri=REDIRECT_URI, on_refresh=persist
        )
    assert session.tokens.refresh_token == "rt-1" and session.pending_persist
    assert "on_refresh failed (ConnectionError)" in caplog.text and "rt-1" not in caplog.text
    assert session.access_token() == "at-1"  # the call persists what is pending first
    assert not session.pending_persist and calls == [session.tokens, session.tokens]
    assert len(oauth_server.requests) == 1  # no second exchange, no refresh


def test_a_sync_exchange_with_an_async_hook_fails_before_spending_the_code(
    client: AuthenticatedClient, oauth_server: TokenServer
) -> None:
    async def persist(tokens: Tokens) -> None:
        pass

    with pytest.raises(TypeError, match="async on_refresh"):
        Session.exchange(client, CLIENT_ID, CLIENT_SECRET, code="ac-1", redirect_uri=REDIRECT_URI, on_refresh=persist)
    assert oauth_server.requests == [], "the code was not sent"


def test_a_token_that_lives_less_than_the_margin_is_refreshed_halfway_not_on_every_call(
    httpserver: HTTPServer, client: AuthenticatedClient
) -> None:
    oauth_server = TokenServer(httpserver, expires_in=30)  # under the 60 s margin
    clock = Clock()
    session = Session.exchange(client, CLIENT_ID, CLIENT_SECRET, code="ac-1", redirect_uri=REDIRECT_URI, clock=clock)
    for _ in range(50):
        assert session.access_token() == "at-1"
    assert len(oauth_server.requests) == 1
    clock.now += 16  # past half its life
    assert session.access_token() == "at-2" and len(oauth_server.requests) == 2


def test_after_a_failed_refresh_the_next_calls_wait_before_sending_the_token_again(
    client: AuthenticatedClient, oauth_server: TokenServer
) -> None:
    clock = Clock()
    session = session_with(client, clock, expiring_in(0, refresh_token="revoked"))
    for _ in range(5):
        with pytest.raises(errors.InvalidGrantError):
            session.access_token()
    assert len(oauth_server.requests) == 1, "one refresh, then the failure again without a request"
    clock.now += 1.5
    with pytest.raises(errors.InvalidGrantError):
        session.access_token()
    assert len(oauth_server.requests) == 2
    clock.now += 1.5  # the wait doubled: 2 s
    with pytest.raises(errors.InvalidGrantError):
        session.access_token()
    assert len(oauth_server.requests) == 2


async def test_a_refresh_whose_caller_is_cancelled_still_keeps_the_rotated_tokens(
    httpserver: HTTPServer, client: AuthenticatedClient
) -> None:
    oauth_server = TokenServer(httpserver, delay=0.5)
    persisted: list[Tokens] = []
    session = session_with(client, Clock(), expiring_in(5), on_refresh=persisted.append)
    caller = asyncio.ensure_future(session.aaccess_token())
    await asyncio.sleep(0.2)  # the refresh request is in flight
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    for _ in range(50):  # the answer arrives after the caller is gone
        if session.refreshes:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.05)
    assert len(oauth_server.requests) == 1
    assert session.tokens.refresh_token == "rt-1", "the rotated refresh token is kept"
    assert persisted == [session.tokens] and not session.pending_persist
    assert await session.aaccess_token() == "at-1" and len(oauth_server.requests) == 1


def test_a_wall_clock_stepped_back_cannot_make_an_expired_token_look_fresh(
    client: AuthenticatedClient, oauth_server: TokenServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_time, real_monotonic = time.time, time.monotonic
    expires_at = datetime.datetime.fromtimestamp(real_time() + 90, tz=datetime.UTC)
    session = Session(client, CLIENT_ID, CLIENT_SECRET, Tokens("at-0", "rt-0", expires_at))  # the default clock
    assert session.access_token() == "at-0"
    # Two minutes pass, and the system clock is stepped back an hour meanwhile.
    monkeypatch.setattr(time, "monotonic", lambda: real_monotonic() + 120)
    monkeypatch.setattr(time, "time", lambda: real_time() - 3600)
    assert session.access_token() == "at-1", "the token expired 30 s ago: refreshed"
    assert len(oauth_server.requests) == 1
