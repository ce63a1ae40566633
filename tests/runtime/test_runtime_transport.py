"""``BaseClient`` and ``TokenAuth``: credentials, retries, failures, redirects, settings and logging."""

from __future__ import annotations

import email.utils
import logging
import socket
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response as WsgiResponse

from runtime import _exceptions as errors
from runtime._base_client import DEFAULT_TIMEOUT, RETRY_RULES, BaseClient, RetryPolicy
from runtime._operation import Operation, Returns
from runtime.runtime_fakes import (
    API_URL,
    MODES,
    SERVICE_TOKEN,
    SERVICE_TOKEN_ID,
    AuthenticatedClient,
    Client,
    Mode,
    Recorder,
    Waits,
    mocked,
    send,
    service_client,
)

CREDENTIAL = f"{SERVICE_TOKEN_ID}:{SERVICE_TOKEN}"


async def send_failing(mode: Mode, client: BaseClient, **kwargs: Any) -> errors.APIError:
    with pytest.raises(errors.APIError) as caught:
        await send(mode, client, **kwargs)
    return caught.value


# Credentials


@pytest.mark.parametrize("mode", MODES)
async def test_the_credential_goes_only_to_operations_that_ask_for_it_on_their_own_server(mode: Mode) -> None:
    handler = Recorder(httpx.Response(200))
    client = mocked(service_client(), handler)
    await send(mode, client)
    await send(mode, client, server="oauth", url="/oauth/token", authenticated=False)
    await send(mode, client, authenticated=False)
    await send(mode, client, server="oauth", url="/uploads")  # an operation the spec secures on another server
    api, oauth, anonymous, secured_elsewhere = handler.requests
    assert str(api.url) == f"{API_URL}/ping"
    assert api.headers["Authorization"] == CREDENTIAL
    assert str(oauth.url) == "https://auth.example.test/oauth/token"
    assert "Authorization" not in oauth.headers
    assert "Authorization" not in anonymous.headers
    assert str(secured_elsewhere.url) == "https://auth.example.test/uploads"
    assert secured_elsewhere.headers["Authorization"] == CREDENTIAL


@pytest.mark.parametrize("mode", MODES)
async def test_an_access_token_is_sent_as_bearer(mode: Mode) -> None:
    handler = Recorder(httpx.Response(200))
    client = mocked(AuthenticatedClient.from_access_token("pscale_oauth_FAKE", base_url=API_URL), handler)
    await send(mode, client)
    assert handler.last.headers["Authorization"] == "Bearer pscale_oauth_FAKE"
    assert client.credentials() == ("pscale_oauth_FAKE",)


def test_a_custom_header_name_and_prefix() -> None:
    handler = Recorder(httpx.Response(200))
    client = mocked(AuthenticatedClient(token="t-1", prefix="Token", auth_header_name="X-Auth"), handler)
    client.request(method="GET", url="/")
    assert handler.last.headers["X-Auth"] == "Token t-1"
    assert "Authorization" not in handler.last.headers


def test_the_credential_is_kept_out_of_the_pools_headers_and_the_repr() -> None:
    client = service_client(headers={"X-Secret-Header": "hv-123"}, cookies={"sid": "cv-456"})
    pool = client.get_httpx_client()
    assert "Authorization" not in pool.headers
    shown = repr(client)
    for secret in (SERVICE_TOKEN, SERVICE_TOKEN_ID, "hv-123", "cv-456"):
        assert secret not in shown
    assert "token='<redacted>'" in shown
    assert "headers=['X-Secret-Header']" in shown and "cookies=['sid']" in shown
    client.close()


def test_from_service_token_sends_id_colon_token() -> None:
    client = AuthenticatedClient.from_service_token(SERVICE_TOKEN_ID, SERVICE_TOKEN, base_url="https://x.test/")
    assert client.token == CREDENTIAL and client.prefix == ""
    assert client.base_url_for("api") == "https://x.test"
    assert client.credentials() == (CREDENTIAL, SERVICE_TOKEN)


@pytest.mark.parametrize(
    ("token_id", "token", "message"),
    [
        ("", SERVICE_TOKEN, "token_id must be a non-empty string"),
        ("  ", SERVICE_TOKEN, "token_id must be a non-empty string"),
        (SERVICE_TOKEN_ID, "", "token must be a non-empty string"),
        (SERVICE_TOKEN_ID, "\t\n", "token must be a non-empty string"),
        ("sto:x", SERVICE_TOKEN, "token_id must not contain ':'"),
    ],
)
def test_from_service_token_refuses_blank_values_and_a_colon_in_the_id(token_id: str, token: str, message: str) -> None:
    with pytest.raises(errors.CredentialsError, match=message) as caught:
        AuthenticatedClient.from_service_token(token_id, token)
    assert SERVICE_TOKEN not in str(caught.value)


def test_a_blank_token_is_refused_however_the_client_is_built() -> None:
    with pytest.raises(errors.CredentialsError, match="token must be a non-empty string"):
        AuthenticatedClient(token=" ")
    with pytest.raises(errors.CredentialsError, match="access_token must be a non-empty string"):
        AuthenticatedClient.from_access_token("")
    with pytest.raises(errors.CredentialsError):
        AuthenticatedClient(token=None)  # type: ignore[arg-type]


def test_from_env_reads_the_service_token_and_base_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN_ID", SERVICE_TOKEN_ID)
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN", SERVICE_TOKEN)
    monkeypatch.setenv("X_BASE_URL", "https://env-api.test")
    monkeypatch.setenv("X_OAUTH_BASE_URL", "https://env-auth.test")
    client = AuthenticatedClient.from_env(oauth_base_url="https://given-auth.test")
    assert client.token == CREDENTIAL
    assert client.base_url_for("api") == "https://env-api.test"
    assert client.base_url_for("oauth") == "https://given-auth.test"
    plain = Client.from_env()
    assert plain.base_url_for("oauth") == "https://env-auth.test"
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN", " ")
    with pytest.raises(errors.CredentialsError, match="PLANETSCALE_SERVICE_TOKEN is not set or is empty"):
        AuthenticatedClient.from_env()
    monkeypatch.delenv("PLANETSCALE_SERVICE_TOKEN_ID")
    with pytest.raises(errors.CredentialsError, match="PLANETSCALE_SERVICE_TOKEN_ID is not set"):
        AuthenticatedClient.from_env()


def test_from_env_without_variables_uses_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("X_BASE_URL", raising=False)
    monkeypatch.setenv("X_OAUTH_BASE_URL", "")
    client = Client.from_env()
    assert (client.base_url_for("api"), client.base_url_for("oauth")) == (
        "https://api.example.test",
        "https://auth.example.test",
    )


# Settings of the pool this client builds


def test_the_built_pool_sends_user_agent_headers_cookies_and_default_timeouts_to_every_server() -> None:
    handler = Recorder(httpx.Response(200))
    client = service_client(
        headers={"X-Trace": "t1"}, cookies={"pref": "p1"}, httpx_args={"transport": httpx.MockTransport(handler)}
    )
    with client:
        client.request(method="GET", url="/a")
        client.request(method="POST", url="/b", server="oauth")
    for request in handler.requests:
        assert request.headers["User-Agent"] == f"python-httpx/{httpx.__version__}"
        assert request.headers["X-Trace"] == "t1"
        assert request.headers["Cookie"] == "pref=p1"
        assert request.extensions["timeout"] == DEFAULT_TIMEOUT.as_dict()
    assert client.get_httpx_client().is_closed


def test_with_methods_return_a_new_client_and_leave_this_one_unchanged() -> None:
    handler = Recorder(httpx.Response(200))
    transport = {"transport": httpx.MockTransport(handler)}
    original = service_client(headers={"X-A": "1"}, httpx_args=transport)
    changed = original.with_headers({"X-B": "2"}).with_cookies({"c": "3"}).with_timeout(httpx.Timeout(1.0))
    original.request(method="GET", url="/")
    changed.request(method="GET", url="/")
    before, after = handler.requests
    assert "X-B" not in before.headers and "Cookie" not in before.headers
    assert before.extensions["timeout"] == DEFAULT_TIMEOUT.as_dict()
    assert (after.headers["X-A"], after.headers["X-B"], after.headers["Cookie"]) == ("1", "2", "c=3")
    assert after.extensions["timeout"]["read"] == 1.0
    assert after.headers["Authorization"] == CREDENTIAL


@pytest.mark.parametrize("mode", MODES)
async def test_a_per_call_timeout_overrides_the_clients(mode: Mode) -> None:
    handler = Recorder(httpx.Response(200))
    client = mocked(service_client(), handler)
    await send(mode, client, timeout=httpx.Timeout(3.0, connect=1.0))
    assert handler.last.extensions["timeout"] == {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 3.0}


async def test_async_pool_is_built_once_and_closed() -> None:
    handler = Recorder(httpx.Response(200))
    client = service_client(httpx_args={"transport": httpx.MockTransport(handler)})
    async with client:
        await client.arequest(method="GET", url="/")
        await client.arequest(method="GET", url="/")
        pool = client.get_async_httpx_client()
    assert len(handler.requests) == 2
    assert pool.is_closed and client.get_async_httpx_client() is pool


# Retries


@pytest.mark.parametrize(
    ("method", "status", "rule", "attempts"),
    [
        ("POST", 429, None, 3),
        ("POST", 503, None, 3),
        ("POST", 500, None, 1),
        ("POST", 502, None, 1),
        ("PATCH", 504, None, 1),
        ("POST", 500, "idempotent", 3),
        ("GET", 500, None, 3),
        ("GET", 502, None, 3),
        ("DELETE", 504, None, 3),
        ("PUT", 429, None, 3),
        ("GET", 501, None, 1),
        ("GET", 404, None, 1),
        ("GET", 503, "unsafe", 3),
        ("GET", 502, "unsafe", 1),
    ],
)
@pytest.mark.parametrize("mode", MODES)
async def test_error_statuses_are_retried_per_rule(
    mode: Mode, method: str, status: int, rule: str | None, attempts: int
) -> None:
    waits = Waits()
    handler = Recorder(httpx.Response(status))
    client = mocked(service_client(retry=waits.policy()), handler)
    response = await send(mode, client, method=method, retry_rule=rule)
    assert response.status_code == status
    assert len(handler.requests) == attempts
    assert waits.slept == [0.0] * (attempts - 1)


@pytest.mark.parametrize("mode", MODES)
async def test_a_retry_that_succeeds_returns_the_success(mode: Mode) -> None:
    waits = Waits()
    handler = Recorder(httpx.Response(503), httpx.Response(200, text="ok"))
    client = mocked(service_client(retry=waits.policy(jitter=1.0)), handler)
    response = await send(mode, client, method="POST")
    assert (response.status_code, response.text) == (200, "ok")
    assert waits.slept == [0.5]


@pytest.mark.parametrize("mode", MODES)
async def test_max_retries_per_call_overrides_the_policy(mode: Mode) -> None:
    waits = Waits()
    handler = Recorder(httpx.Response(503))
    client = mocked(service_client(retry=waits.policy(max_retries=5)), handler)
    await send(mode, client, max_retries=0)
    assert len(handler.requests) == 1
    await send(mode, client, max_retries=1)
    assert len(handler.requests) == 3
    await send(mode, client)
    assert len(handler.requests) == 9


def test_backoff_doubles_up_to_the_cap_with_full_jitter() -> None:
    full = RetryPolicy(random=lambda: 1.0)
    assert [full.delay(retry, None) for retry in range(1, 8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    half = RetryPolicy(random=lambda: 0.5, initial_delay=1.0, max_delay=3.0)
    assert [half.delay(retry, None) for retry in range(1, 4)] == [0.5, 1.0, 1.5]
    assert RetryPolicy().max_retries == 2


def retry_after(value: str) -> httpx.Response:
    return httpx.Response(429, headers={"Retry-After": value})


NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("value", "wait"),
    [
        ("7", 7.0),
        (" 0 ", 0.0),
        ("60", 60.0),
        (email.utils.formatdate(NOW + 12, usegmt=True), 12.0),
        (email.utils.formatdate(NOW - 30, usegmt=True), 0.0),
        ("61", None),
        (email.utils.formatdate(NOW + 3600, usegmt=True), None),
        ("soon", 0.25),
        ("-5", 0.25),
        ("", 0.25),
    ],
)
def test_retry_after_in_seconds_or_as_a_date_within_the_limit(value: str, wait: float | None) -> None:
    policy = RetryPolicy(random=lambda: 0.5, now=lambda: NOW)
    assert policy.delay(1, retry_after(value)) == wait
    assert policy.delay(1, httpx.Response(503)) == 0.25


@pytest.mark.parametrize("mode", MODES)
async def test_retry_after_is_slept_and_one_too_long_stops_the_retries(mode: Mode) -> None:
    waits = Waits()
    handler = Recorder(retry_after("3"), retry_after("2"), httpx.Response(200))
    client = mocked(service_client(retry=waits.policy()), handler)
    assert (await send(mode, client, method="POST")).status_code == 200
    assert waits.slept == [3.0, 2.0]
    waits.slept.clear()
    handler = Recorder(retry_after("3600"))
    client = mocked(service_client(retry=waits.policy()), handler)
    response = await send(mode, client, method="POST")
    assert response.status_code == 429 and response.headers["Retry-After"] == "3600"
    assert len(handler.requests) == 1 and waits.slept == []


# Failures before an answer


@pytest.mark.parametrize(
    ("method", "failure", "attempts", "error"),
    [
        ("POST", httpx.ConnectError("refused"), 3, errors.APIConnectionError),
        ("POST", httpx.ConnectTimeout("slow"), 3, errors.APITimeoutError),
        ("POST", httpx.PoolTimeout("busy"), 3, errors.APITimeoutError),
        ("POST", httpx.ReadTimeout("slow"), 1, errors.APITimeoutError),
        ("POST", httpx.ReadError("reset"), 1, errors.APIConnectionError),
        ("POST", httpx.RemoteProtocolError("eof"), 1, errors.APIConnectionError),
        ("GET", httpx.ReadTimeout("slow"), 3, errors.APITimeoutError),
        ("GET", httpx.ReadError("reset"), 3, errors.APIConnectionError),
        ("GET", httpx.RemoteProtocolError("eof"), 3, errors.APIConnectionError),
        ("GET", httpx.WriteError("broken"), 1, errors.APIConnectionError),
    ],
)
@pytest.mark.parametrize("mode", MODES)
async def test_failures_are_retried_per_rule_then_raised_typed(
    mode: Mode, method: str, failure: httpx.TransportError, attempts: int, error: type[errors.APIConnectionError]
) -> None:
    waits = Waits()
    handler = Recorder(failure)
    client = mocked(service_client(retry=waits.policy()), handler)
    raised = await send_failing(mode, client, method=method, url="/orgs/o/x?token=q-secret", route="/orgs/{org}/x")
    assert type(raised) is error
    assert raised.__cause__ is failure
    assert raised.status_code is None and raised.headers == {}
    assert len(handler.requests) == attempts
    tried = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
    # str() names the request: method and URL, without the query (which carried a secret here).
    assert str(raised).startswith(f"{method} https://api.example.test/v1/orgs/o/x: ")
    assert (raised.method, raised.url) == (method, "https://api.example.test/v1/orgs/o/x")
    assert str(raised).endswith(tried)
    assert "q-secret" not in str(raised)
    assert type(failure).__name__ in str(raised)


@pytest.mark.parametrize("mode", MODES)
async def test_a_failure_then_an_answer(mode: Mode) -> None:
    waits = Waits()
    handler = Recorder(httpx.ConnectError("refused"), httpx.Response(201))
    client = mocked(service_client(retry=waits.policy()), handler)
    assert (await send(mode, client, method="POST")).status_code == 201
    assert len(handler.requests) == 2 and len(waits.slept) == 1


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    yield port


@pytest.mark.parametrize("mode", MODES)
async def test_a_refused_connection_is_an_api_connection_error(mode: Mode, closed_port: int) -> None:
    waits = Waits()
    client = service_client(base_url=f"http://127.0.0.1:{closed_port}", retry=waits.policy())
    raised = await send_failing(mode, client)
    assert type(raised) is errors.APIConnectionError
    assert isinstance(raised.__cause__, httpx.ConnectError)
    assert str(raised).startswith(f"GET http://127.0.0.1:{closed_port}/ping: could not connect (ConnectError: ")
    assert str(raised).endswith("after 3 attempts")
    assert len(waits.slept) == 2


def test_retry_rules_never_retry_what_the_server_may_have_acted_on() -> None:
    unsafe = RETRY_RULES["unsafe"]
    assert unsafe.statuses == {429, 503}
    assert not any(issubclass(failure, httpx.ReadError | httpx.ReadTimeout) for failure in unsafe.failures)


# Logging


def test_one_debug_line_per_attempt_with_the_route_not_the_url(caplog: pytest.LogCaptureFixture) -> None:
    waits = Waits()
    handler = Recorder(httpx.Response(503), httpx.ConnectError("x"), httpx.Response(200))
    client = mocked(service_client(retry=waits.policy(jitter=1.0)), handler)
    # The runtime logs under its package's name: here `runtime`, in a generated package that package's.
    with caplog.at_level(logging.DEBUG, logger="runtime"):
        client.request(method="get", url="/orgs/secret-org/x", route="/orgs/{org}/x", params={"q": "secret-q"})
    lines = [record.getMessage() for record in caplog.records if record.name == "runtime"]
    assert len(lines) == 3
    assert lines[0].startswith("GET /orgs/{org}/x attempt 1 -> 503 in ")
    assert lines[0].endswith(", retrying in 0.50 s")
    assert lines[1].startswith("GET /orgs/{org}/x attempt 2 -> ConnectError in ")
    assert lines[2].startswith("GET /orgs/{org}/x attempt 3 -> 200 in ") and "retrying" not in lines[2]
    assert not any("secret" in line or SERVICE_TOKEN in line for line in lines)


# Redirects (real loopback servers)


def redirect(location: str, status: int = 302) -> WsgiResponse:
    return WsgiResponse(status=status, headers={"Location": location})


def loopback_client(server: HTTPServer, **kwargs: Any) -> AuthenticatedClient:
    return service_client(base_url=server.url_for("/v1"), **kwargs)


async def send_and_close(mode: Mode, client: BaseClient, **kwargs: Any) -> httpx.Response:
    try:
        return await send(mode, client, **kwargs)
    finally:
        client.close()
        await client.aclose()


@pytest.mark.parametrize("mode", MODES)
async def test_redirects_are_not_followed_by_default(mode: Mode, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/a").respond_with_response(redirect(httpserver.url_for("/v1/b")))
    httpserver.expect_request("/v1/b").respond_with_data("b")
    response = await send_and_close(mode, loopback_client(httpserver), url="/a")
    assert response.status_code == 302
    assert response.headers["Location"] == httpserver.url_for("/v1/b")
    assert [entry[0].path for entry in httpserver.log] == ["/v1/a"]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("mode", MODES)
async def test_same_origin_redirects_are_followed_when_asked(mode: Mode, status: int, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/a").respond_with_response(redirect("/v1/b", status))
    httpserver.expect_request("/v1/b").respond_with_response(redirect(httpserver.url_for("/v1/c"), status))
    httpserver.expect_request("/v1/c").respond_with_data("landed")
    client = loopback_client(httpserver, follow_redirects=True)
    response = await send_and_close(mode, client, url="/a")
    assert (response.status_code, response.text) == (200, "landed")
    assert [entry[0].path for entry in httpserver.log] == ["/v1/a", "/v1/b", "/v1/c"]
    assert {entry[0].headers["Authorization"] for entry in httpserver.log} == {CREDENTIAL}


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_to_another_origin_is_not_followed(
    mode: Mode, httpserver: HTTPServer, other_httpserver: HTTPServer
) -> None:
    target = other_httpserver.url_for("/steal?code=ac-1")
    httpserver.expect_request("/v1/a").respond_with_response(redirect("/v1/b", 307))
    httpserver.expect_request("/v1/b").respond_with_response(redirect(target, 307))
    other_httpserver.expect_request("/steal").respond_with_data("stolen")
    client = loopback_client(httpserver, follow_redirects=True)
    response = await send_and_close(mode, client, url="/a", method="POST", content=b"payload")
    assert response.status_code == 307
    assert response.headers["Location"] == target
    assert [entry[0].path for entry in httpserver.log] == ["/v1/a", "/v1/b"]
    assert len(other_httpserver.log) == 0, "nothing may reach the other host"


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_to_another_port_of_the_same_host_is_not_followed(
    mode: Mode, httpserver: HTTPServer, other_httpserver: HTTPServer
) -> None:
    other = httpx.URL(other_httpserver.url_for("/x"))
    assert other.host == "127.0.0.1"
    httpserver.expect_request("/v1/a").respond_with_response(redirect(str(other)))
    other_httpserver.expect_request("/x").respond_with_data("x")
    client = service_client(base_url=f"http://127.0.0.1:{httpserver.port}/v1", follow_redirects=True)
    response = await send_and_close(mode, client, url="/a")
    assert response.status_code == 302
    assert len(other_httpserver.log) == 0


@pytest.mark.parametrize("mode", MODES)
async def test_an_operation_raises_a_redirect_error_for_a_redirect_elsewhere(
    mode: Mode, httpserver: HTTPServer, other_httpserver: HTTPServer
) -> None:
    op: Operation[Any, Any] = Operation(method="GET", route="/a", responses=(Returns(200, raw=True),))
    httpserver.expect_request("/v1/a").respond_with_response(redirect(other_httpserver.url_for("/x?code=ac-1")))
    client = loopback_client(httpserver, follow_redirects=True)
    with pytest.raises(errors.RedirectError) as caught:
        if mode == "sync":
            op.sync({"client": client})
        else:
            await op.asyncio({"client": client})
    client.close()
    await client.aclose()
    assert caught.value.location == other_httpserver.url_for("/x")
    assert "ac-1" not in str(caught.value)
    assert len(other_httpserver.log) == 0


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_loop_stops_after_max_redirects(mode: Mode, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/loop").respond_with_response(redirect("/v1/loop?n=1#SECRET"))
    client = loopback_client(httpserver, follow_redirects=True)
    response = await send_and_close(mode, client, url="/loop", route="/loop")
    # The request and httpx's max_redirects (20) redirects; the last redirect comes back, not followed.
    assert len(httpserver.log) == 21
    assert response.status_code == 302 and response.headers["location"] == "/v1/loop?n=1#SECRET"
    operation: Operation[None, None] = Operation(method="GET", route="/loop", responses=(Returns(200),))
    client = loopback_client(httpserver, follow_redirects=True)
    with pytest.raises(errors.RedirectError) as caught:
        if mode == "sync":
            operation.sync({"client": client})
        else:
            await operation.asyncio({"client": client})
    error = caught.value
    assert error.status_code == 302 and error.location == "/v1/loop"
    assert "SECRET" not in str(error) and "redirect to /v1/loop not followed" in str(error)
    assert len(httpserver.log) == 42


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_loop_is_not_retried(mode: Mode, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/loop").respond_with_response(redirect("/v1/loop", 307))
    client = loopback_client(httpserver, follow_redirects=True, retry=RetryPolicy(sleep=lambda _: None))
    response = await send_and_close(mode, client, url="/loop")
    assert response.status_code == 307
    assert len(httpserver.log) == 21


@pytest.mark.parametrize("mode", MODES)
async def test_a_users_httpx_client_gets_the_same_redirect_policy(
    mode: Mode, httpserver: HTTPServer, other_httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/v1/a").respond_with_response(redirect(other_httpserver.url_for("/x")))
    client = loopback_client(httpserver, follow_redirects=True)
    client.set_httpx_client(httpx.Client())
    client.set_async_httpx_client(httpx.AsyncClient())
    # Setting the same client twice adds the hook once.
    client.set_httpx_client(client.get_httpx_client())
    assert len(client.get_httpx_client().event_hooks["response"]) == 1
    response = await send_and_close(mode, client, url="/a")
    assert response.status_code == 302
    assert len(other_httpserver.log) == 0


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("location", ["http:///x", "http:/x", "http://@/x", "HTTP:///x"])
async def test_a_location_without_a_host_does_not_take_the_request_to_the_default_port(
    mode: Mode, location: str
) -> None:
    # httpx fills in the host of such a Location but not the port: the hop would go to port 80 of the same
    # host, which is another origin. The request hook sees the URL httpx is about to send to, and stops it.
    handler = Recorder(lambda request: httpx.Response(307, headers={"Location": location}))
    client = mocked(service_client(base_url="http://127.0.0.1:8123/v1", follow_redirects=True), handler)
    response = await send(mode, client, method="POST", url="/token", data={"client_secret": "cs-SECRET"})
    assert [str(request.url) for request in handler.requests] == ["http://127.0.0.1:8123/v1/token"]
    assert response.status_code == 307


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("answer", "kind", "what"),
    [
        (
            lambda request: httpx.Response(302, headers={"Location": "http://[::SECRET/x"}),
            errors.APIConnectionError,
            "the connection failed (RemoteProtocolError) after 1 attempt",
        ),
        (
            lambda request: httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"no")),
            errors.ResponseValidationError,
            "the response could not be read (DecodingError)",
        ),
    ],
    ids=["invalid-location", "lying-content-encoding"],
)
async def test_an_unreadable_answer_is_a_typed_error_that_quotes_nothing(
    mode: Mode, answer: Callable[[httpx.Request], httpx.Response], kind: type[errors.APIError], what: str
) -> None:
    client = mocked(service_client(follow_redirects=True, retry=RetryPolicy(max_retries=0)), Recorder(answer))
    error = await send_failing(mode, client, route="/ping")
    assert type(error) is kind
    assert error.message == what
