"""Transport policy against real loopback servers: retries, timeouts, redirects, User-Agent, request ids, logs.

Every scenario runs through the sync and the async function. Waits between attempts go to an injected
sleep that records them, so backoff is checked without sleeping.
"""

from __future__ import annotations

import email.utils
import json
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request as WsgiRequest
from werkzeug import Response as WsgiResponse

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.api.oauth_tokens import create_oauth_token
from planetscale_oauth.client import DEFAULT_TIMEOUT, USER_AGENT, RetryPolicy
from planetscale_oauth.models import OAuthToken

from helpers import EXCHANGES, MODES, Mode, create_token
from mockserver import free_port

SUCCESS = next(exchange for exchange in EXCHANGES if exchange.name == "authorization_code_success")
GRANT = SUCCESS.body()
TOKEN_BODY = json.dumps(SUCCESS.response["json"])
PATH = "/v1/organizations/acme/oauth-applications/oauthapp_FAKE01/token"
NOW = 1_800_000_000.0


@dataclass
class Waits:
    """An injected sleep: records every wait instead of waiting."""

    seen: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.seen.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.seen.append(seconds)

    def policy(self, **overrides: Any) -> RetryPolicy:
        # random() == 1.0 makes full jitter take its ceiling, so the expected waits are exact.
        return RetryPolicy(
            sleep=self.sleep, async_sleep=self.async_sleep, random=lambda: 1.0, now=lambda: NOW, **overrides
        )


def token(status: int = 200, headers: dict[str, str] | None = None, body: str = TOKEN_BODY) -> WsgiResponse:
    return WsgiResponse(body, status=status, headers=headers or {}, content_type="application/json")


def error(status: int, headers: dict[str, str] | None = None) -> WsgiResponse:
    return token(status, headers, json.dumps({"code": "some_code", "message": f"status {status}"}))


RELEASE = threading.Event()


def slow(request: WsgiRequest) -> WsgiResponse:
    # Answers only once the test releases it (or after 2 s): long after the client's 0.2 s read timeout.
    RELEASE.wait(2.0)
    return token()


@dataclass(frozen=True)
class Scenario:
    name: str
    answers: list[Callable[[WsgiRequest], WsgiResponse]]
    requests: int
    waits: list[float]
    outcome: type[Exception] | None  # None: an OAuthToken comes back
    cause: type[Exception] | None = None
    call: dict[str, Any] = field(default_factory=dict)
    policy: dict[str, Any] = field(default_factory=dict)


HTTP_DATE = email.utils.formatdate(NOW + 3, usegmt=True)

SCENARIOS = [
    Scenario(
        "429 with Retry-After seconds, then 200",
        [lambda r: error(429, {"Retry-After": "2"}), lambda r: token()],
        2,
        [2.0],
        None,
    ),
    Scenario(
        "429 with Retry-After as an HTTP date",
        [lambda r: error(429, {"Retry-After": HTTP_DATE}), lambda r: token()],
        2,
        [3.0],
        None,
    ),
    Scenario("503, then 200", [lambda r: error(503), lambda r: token()], 2, [0.5], None),
    Scenario("503 every time: bounded attempts", [lambda r: error(503)] * 5, 3, [0.5, 1.0], errors.ServerError),
    Scenario(
        "429 asking for longer than max_retry_after",
        [lambda r: error(429, {"Retry-After": "120"})],
        1,
        [],
        errors.RateLimitError,
    ),
    Scenario("500 is never retried on token creation", [lambda r: error(500)] * 3, 1, [], errors.ServerError),
    Scenario("502 is never retried on token creation", [lambda r: error(502)] * 3, 1, [], errors.ServerError),
    Scenario("504 is never retried on token creation", [lambda r: error(504)] * 3, 1, [], errors.ServerError),
    Scenario(
        "read timeout is never retried", [slow] * 3, 1, [], errors.APITimeoutError, httpx.ReadTimeout, {"timeout": 0.2}
    ),
    Scenario(
        "max_retries=0 for one call",
        [lambda r: error(429, {"Retry-After": "1"})] * 3,
        1,
        [],
        errors.RateLimitError,
        None,
        {"max_retries": 0},
    ),
    Scenario(
        "RetryPolicy(max_retries=0) on the client",
        [lambda r: error(503)] * 3,
        1,
        [],
        errors.ServerError,
        None,
        {},
        {"max_retries": 0},
    ),
    Scenario(
        "RetryPolicy(max_retries=4)",
        [lambda r: error(503)] * 6,
        5,
        [0.5, 1.0, 2.0, 4.0],
        errors.ServerError,
        None,
        {},
        {"max_retries": 4},
    ),
]


@pytest.fixture
def waits() -> Waits:
    return Waits()


def serve(httpserver: HTTPServer, answers: list[Callable[[WsgiRequest], WsgiResponse]]) -> list[WsgiRequest]:
    """Answer each request with the next of ``answers``; return the requests as they arrive."""
    queue = list(answers)
    arrived: list[WsgiRequest] = []

    def answer(request: WsgiRequest) -> WsgiResponse:
        arrived.append(request)
        return queue.pop(0)(request)

    httpserver.expect_request(PATH, method="POST").respond_with_handler(answer)
    return arrived


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])
async def test_retry_policy(httpserver: HTTPServer, waits: Waits, scenario: Scenario, mode: Mode) -> None:
    arrived = serve(httpserver, scenario.answers)
    client = AuthenticatedClient.from_service_token(
        "sto_FAKE", "pscale_tkn_FAKE", base_url=httpserver.url_for("/v1"), retry=waits.policy(**scenario.policy)
    )

    async def run() -> OAuthToken:
        if mode == "sync":
            return create_oauth_token.sync("acme", "oauthapp_FAKE01", client=client, body=GRANT, **scenario.call)
        return await create_oauth_token.asyncio("acme", "oauthapp_FAKE01", client=client, body=GRANT, **scenario.call)

    RELEASE.clear()
    try:
        if scenario.outcome is None:
            assert isinstance(await run(), OAuthToken)
        else:
            with pytest.raises(scenario.outcome) as caught:
                await run()
            if scenario.cause is not None:
                assert isinstance(caught.value.__cause__, scenario.cause)
    finally:
        RELEASE.set()  # the loopback server handles one request at a time: free it for the next test
    assert len(arrived) == scenario.requests
    assert waits.seen == scenario.waits


def test_backoff_doubles_up_to_the_cap_with_full_jitter() -> None:
    ceiling = RetryPolicy(random=lambda: 1.0)
    assert [ceiling.delay(n, None) for n in range(1, 8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    floor = RetryPolicy(random=lambda: 0.0)
    assert [floor.delay(n, None) for n in range(1, 4)] == [0.0, 0.0, 0.0]


class DroppingServer:
    """Accepts connections, reads the request, then hangs up without answering."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.accepted = 0
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            with connection:
                connection.recv(65536)


@pytest.fixture
def dropping() -> Iterator[DroppingServer]:
    server = DroppingServer()
    yield server
    server.sock.close()


@pytest.mark.parametrize("mode", MODES)
async def test_connection_dropped_after_sending_is_not_retried(
    dropping: DroppingServer, waits: Waits, mode: Mode
) -> None:
    client = AuthenticatedClient.from_service_token(
        "sto_FAKE", "pscale_tkn_FAKE", base_url=f"http://127.0.0.1:{dropping.port}/v1", retry=waits.policy()
    )
    with pytest.raises(errors.APIConnectionError) as caught:
        await create_token(mode, client, "acme", "oauthapp_FAKE01", GRANT)
    assert not isinstance(caught.value, errors.APITimeoutError)
    assert isinstance(caught.value.__cause__, (httpx.RemoteProtocolError, httpx.ReadError))
    assert dropping.accepted == 1
    assert waits.seen == []


@pytest.mark.parametrize("mode", MODES)
async def test_connection_refused_is_retried_then_a_typed_error(waits: Waits, mode: Mode) -> None:
    client = AuthenticatedClient.from_service_token(
        "sto_FAKE", "pscale_tkn_FAKE", base_url=f"http://127.0.0.1:{free_port()}/v1", retry=waits.policy()
    )
    with pytest.raises(errors.APIConnectionError) as caught:
        await create_token(mode, client, "acme", "oauthapp_FAKE01", GRANT)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert "after 3 attempts" in str(caught.value)
    assert waits.seen == [0.5, 1.0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("follow_redirects", [False, True])
@pytest.mark.parametrize("status", [302, 307, 308])
async def test_redirect_to_another_host_is_never_followed(
    httpserver: HTTPServer, other_httpserver: HTTPServer, waits: Waits, mode: Mode, follow_redirects: bool, status: int
) -> None:
    target = other_httpserver.url_for("/steal?code=FAKE-authorization-code-0001")
    httpserver.expect_request(PATH).respond_with_response(WsgiResponse(status=status, headers={"Location": target}))
    other_httpserver.expect_request("/steal").respond_with_json(SUCCESS.response["json"])
    client = AuthenticatedClient.from_service_token(
        "sto_FAKE",
        "pscale_tkn_FAKE",
        base_url=httpserver.url_for("/v1"),
        follow_redirects=follow_redirects,
        retry=waits.policy(),
    )
    with pytest.raises(errors.RedirectError) as caught:
        await create_token(mode, client, "acme", "oauthapp_FAKE01", GRANT)
    assert caught.value.location == other_httpserver.url_for("/steal")
    assert other_httpserver.url_for("/steal") in str(caught.value)
    assert "FAKE-authorization-code-0001" not in str(caught.value)
    assert len(httpserver.log) == 1
    assert len(other_httpserver.log) == 0, "the other server must see no request"


@pytest.mark.parametrize("mode", MODES)
async def test_redirect_to_the_same_origin_is_followed_when_asked(httpserver: HTTPServer, mode: Mode) -> None:
    httpserver.expect_request("/v1/moved").respond_with_response(
        WsgiResponse(status=308, headers={"Location": httpserver.url_for(PATH)})
    )
    httpserver.expect_request(PATH, method="POST").respond_with_json(SUCCESS.response["json"])
    client = AuthenticatedClient.from_service_token(
        "sto_FAKE", "pscale_tkn_FAKE", base_url=httpserver.url_for("/v1"), follow_redirects=True
    )
    if mode == "sync":
        response = client.request(method="post", url="/moved", json=GRANT.to_dict())
    else:
        response = await client.arequest(method="post", url="/moved", json=GRANT.to_dict())
    assert response.status_code == 200
    assert [entry[0].path for entry in httpserver.log] == ["/v1/moved", PATH]
    assert httpserver.log[1][0].headers["Authorization"] == "sto_FAKE:pscale_tkn_FAKE"


@pytest.mark.parametrize("mode", MODES)
async def test_user_agent_request_id_and_one_log_line_per_attempt(
    httpserver: HTTPServer, waits: Waits, mode: Mode, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="planetscale_oauth")
    serve(httpserver, [lambda r: error(503), lambda r: error(404, {"X-Request-Id": "req_FAKE42"})])
    client = AuthenticatedClient.from_service_token(
        "sto_FAKE", "pscale_tkn_FAKE", base_url=httpserver.url_for("/v1"), retry=waits.policy()
    )
    with pytest.raises(errors.NotFoundError) as caught:
        await create_token(mode, client, "acme", "oauthapp_FAKE01", GRANT)
    assert caught.value.request_id == "req_FAKE42"
    assert {entry[0].headers["User-Agent"] for entry in httpserver.log} == {USER_AGENT}
    assert USER_AGENT.startswith("planetscale-oauth/0.") and " python/3." in USER_AGENT and " httpx/" in USER_AGENT
    lines = [record.getMessage() for record in caplog.records if record.name == "planetscale_oauth"]
    route = "POST /organizations/{organization}/oauth-applications/{application_id}/token"
    assert [line.split(" in ")[0] for line in lines] == [f"{route} attempt 1 -> 503", f"{route} attempt 2 -> 404"]
    assert "retrying in 0.50 s" in lines[0]
    assert all("pscale_tkn_FAKE" not in line and "acme" not in line for line in lines)


@pytest.mark.parametrize("mode", MODES)
async def test_detailed_response_keeps_the_request_id(httpserver: HTTPServer, mode: Mode) -> None:
    serve(httpserver, [lambda r: token(headers={"X-Request-Id": "req_FAKE7"})])
    client = AuthenticatedClient.from_service_token("sto_FAKE", "pscale_tkn_FAKE", base_url=httpserver.url_for("/v1"))
    if mode == "sync":
        response = create_oauth_token.sync_detailed("acme", "oauthapp_FAKE01", client=client, body=GRANT)
    else:
        response = await create_oauth_token.asyncio_detailed("acme", "oauthapp_FAKE01", client=client, body=GRANT)
    assert response.request_id == "req_FAKE7"


def test_default_timeouts_are_explicit_and_overridable() -> None:
    client = AuthenticatedClient.from_service_token("sto_FAKE", "pscale_tkn_FAKE")
    assert client.get_httpx_client().timeout == DEFAULT_TIMEOUT
    assert (DEFAULT_TIMEOUT.connect, DEFAULT_TIMEOUT.read, DEFAULT_TIMEOUT.write, DEFAULT_TIMEOUT.pool) == (
        5.0,
        30.0,
        30.0,
        10.0,
    )
    custom = httpx.Timeout(2.0)
    assert (
        AuthenticatedClient.from_service_token("sto", "tok", timeout=custom).get_async_httpx_client().timeout == custom
    )


@pytest.mark.parametrize("mode", MODES)
async def test_access_token_client_sends_bearer(httpserver: HTTPServer, mode: Mode) -> None:
    serve(httpserver, [lambda r: token()])
    client = AuthenticatedClient.from_access_token("pscale_oauth_FAKE", base_url=httpserver.url_for("/v1"))
    await create_token(mode, client, "acme", "oauthapp_FAKE01", GRANT)
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer pscale_oauth_FAKE"
    with pytest.raises(errors.CredentialsError, match="access_token"):
        AuthenticatedClient.from_access_token(" ")


@pytest.mark.parametrize("mode", MODES)
async def test_one_pool_per_client_closed_on_exit(httpserver: HTTPServer, mode: Mode) -> None:
    serve(httpserver, [lambda r: token()] * 2)
    client = AuthenticatedClient.from_service_token("sto_FAKE", "pscale_tkn_FAKE", base_url=httpserver.url_for("/v1"))
    if mode == "sync":
        with client:
            pool = client.get_httpx_client()
            for _ in range(2):
                create_oauth_token.sync("acme", "oauthapp_FAKE01", client=client, body=GRANT)
            assert client.get_httpx_client() is pool
        assert pool.is_closed
    else:
        async with client:
            async_pool = client.get_async_httpx_client()
            for _ in range(2):
                await create_oauth_token.asyncio("acme", "oauthapp_FAKE01", client=client, body=GRANT)
            assert client.get_async_httpx_client() is async_pool
        assert async_pool.is_closed
    assert len(httpserver.log) == 2


@pytest.mark.parametrize("mode", MODES)
async def test_idempotent_methods_follow_the_wider_rule(httpserver: HTTPServer, waits: Waits, mode: Mode) -> None:
    # No GET operation exists yet; client.request applies the rule any generated GET would get.
    answers = [lambda r: error(500), lambda r: error(502), lambda r: token()]
    queue = list(answers)
    httpserver.expect_request("/v1/ping", method="GET").respond_with_handler(lambda request: queue.pop(0)(request))
    client = AuthenticatedClient.from_service_token(
        "sto_FAKE", "pscale_tkn_FAKE", base_url=httpserver.url_for("/v1"), retry=waits.policy()
    )
    if mode == "sync":
        response = client.request(method="get", url="/ping")
    else:
        response = await client.arequest(method="get", url="/ping")
    assert response.status_code == 200
    assert len(httpserver.log) == 3
    assert waits.seen == [0.5, 1.0]
