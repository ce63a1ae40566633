"""What each operation gets from its facts in the spec: its server and credential, retry rule, deprecation, pages.

Two real loopback servers stand in for the API host and the OAuth host, so a request that went to the
wrong one, or a credential sent where it does not belong, shows up in the other server's log.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, assert_type

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response as WsgiResponse

from planetscale_oauth import AuthenticatedClient, client, errors
from planetscale_oauth.api.oauth import request_token, revoke_token
from planetscale_oauth.api.oauth_tokens import (
    create_oauth_token,
    delete_oauth_token,
    list_oauth_tokens,
)
from planetscale_oauth.models import AccessTokenResponse, OAuthTokenPage, RefreshTokenGrant, RevokeTokenRequest

from helpers import EXPECTED, FACTS, MODES, ROOT, Exchange, Mode, exchanges_for, generate_from, spec

TOKEN_OPERATION = spec()["paths"]["/organizations/{organization}/oauth-applications/{application_id}/token"]["post"]
TOKEN = TOKEN_OPERATION["responses"]["200"]["content"]["application/json"]["example"]
SERVICE_TOKEN = "sto_FAKEops:pscale_tkn_FAKEops0001"
GRANT = RefreshTokenGrant(
    client_id="FAKE-client-id-ops-0001", client_secret="FAKE-client-secret-ops-0001",
    refresh_token="FAKE-refresh-token-ops-0001",
)  # fmt: skip
REVOKE = RevokeTokenRequest(
    token="FAKE-refresh-token-ops-0001", client_id="FAKE-client-id-ops-0001",
    client_secret="FAKE-client-secret-ops-0001",
)  # fmt: skip
ACCESS = {"access_token": "FAKE-access-token-ops-0001", "token_type": "Bearer", "expires_in": 7200}


def page(number: int, last: int) -> dict[str, Any]:
    following = number + 1 if number < last else None
    return {
        "current_page": number,
        "next_page": following,
        "next_page_url": f"https://api.planetscale.com/v1/tokens?page={following}" if following else None,
        "prev_page": number - 1 or None,
        "prev_page_url": None,
        "data": [{**TOKEN, "id": f"oauthtoken_FAKE{number}{index}", "token": None} for index in range(2)],
    }


# operation → (server, method, path on that server, success answer, call with a client): from the spec
# reader and each operation's first recorded success (tests/fixtures/).
Call = Callable[[AuthenticatedClient, Mode], Awaitable[Any]]


def success_exchange(operation_id: str) -> Exchange:
    return next(exchange for exchange in exchanges_for(operation_id) if 200 <= exchange.status <= 299)


def answer_of(exchange: Exchange) -> WsgiResponse:
    if not exchange.has_response_body:
        return WsgiResponse(status=exchange.status)
    return WsgiResponse(json.dumps(exchange.response_body), status=exchange.status, content_type="application/json")


def sender(exchange: Exchange) -> Call:
    module = EXPECTED[exchange.operation_id].module

    async def send(client: AuthenticatedClient, mode: Mode) -> Any:
        if mode == "sync":
            return module.sync(client=client, **exchange.arguments())
        return await module.asyncio(client=client, **exchange.arguments())

    return send


OPERATIONS: dict[str, tuple[str, str, str, WsgiResponse, Call]] = {
    operation_id: (
        FACTS.operations[operation_id].server.name,
        exchange.request["method"],
        exchange.request["path"],
        answer_of(exchange),
        sender(exchange),
    )
    for operation_id in FACTS.operations
    for exchange in [success_exchange(operation_id)]
}
# Whether a 500 is retried, per operation: its retry rule in the spec (x-retry, else by method: a POST is
# not retried, since the server may have acted; revoke_token's x-retry: idempotent, RFC 7009).
RETRIED_AFTER_500 = {
    operation_id: 500 in client.RETRY_RULES[operation.retry].statuses
    for operation_id, operation in FACTS.operations.items()
}


@pytest.fixture
def oauth_host(other_httpserver: HTTPServer) -> HTTPServer:
    """The OAuth server's stand-in; ``httpserver`` stands in for the API."""
    return other_httpserver


def two_host_client(api: HTTPServer, oauth: HTTPServer, **kwargs: Any) -> AuthenticatedClient:
    token_id, _, token = SERVICE_TOKEN.partition(":")
    return AuthenticatedClient.from_service_token(
        token_id, token, base_url=api.url_for("/v1"), oauth_base_url=oauth.url_for("/"), **kwargs
    )


def test_every_operation_is_in_the_table() -> None:
    ids = {op["operationId"] for item in spec()["paths"].values() for op in item.values() if isinstance(op, dict)}
    assert ids == set(OPERATIONS) == set(RETRIED_AFTER_500)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", OPERATIONS)
async def test_each_operation_reaches_its_server_and_only_api_calls_carry_the_service_token(
    httpserver: HTTPServer, oauth_host: HTTPServer, mode: Mode, name: str
) -> None:
    server, method, path, answer, send = OPERATIONS[name]
    target, other = (httpserver, oauth_host) if server == "api" else (oauth_host, httpserver)
    target.expect_request(path, method=method).respond_with_response(answer)
    await send(two_host_client(httpserver, oauth_host, retry=client.RetryPolicy(max_retries=0)), mode)
    assert len(target.log) == 1 and len(other.log) == 0
    sent = target.log[0][0]
    if server == "api":
        assert sent.headers.get("Authorization") == SERVICE_TOKEN
    else:
        assert "Authorization" not in sent.headers, "the service token never goes to the OAuth server"
        assert SERVICE_TOKEN.split(":")[1] not in sent.get_data(as_text=True)
        assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", OPERATIONS)
async def test_each_operation_retries_a_500_only_if_its_rule_says_so(
    httpserver: HTTPServer, oauth_host: HTTPServer, mode: Mode, name: str
) -> None:
    server, method, path, answer, send = OPERATIONS[name]
    target = httpserver if server == "api" else oauth_host
    answers = [WsgiResponse(status=500), answer]
    target.expect_request(path, method=method).respond_with_handler(lambda request: answers.pop(0))
    waits: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)

    retry = client.RetryPolicy(sleep=waits.append, async_sleep=async_sleep, random=lambda: 1.0)
    if RETRIED_AFTER_500[name]:
        await send(two_host_client(httpserver, oauth_host, retry=retry), mode)
        assert len(target.log) == 2 and waits == [0.5]
    else:
        with pytest.raises(errors.ServerError):
            await send(two_host_client(httpserver, oauth_host, retry=retry), mode)
        assert len(target.log) == 1 and waits == []


def test_each_module_states_the_rule_of_its_method_unless_the_spec_overrides_it() -> None:
    assert client.IDEMPOTENT_METHODS == {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}  # RFC 9110 §9.2.2
    for path, item in spec()["paths"].items():
        for method, op in item.items():
            if method == "servers":
                continue
            module = importlib.import_module(
                f"planetscale_oauth.api.{op['tags'][0].replace('-', '_')}.{op['operationId']}"
            )
            by_method = "idempotent" if method.upper() in client.IDEMPOTENT_METHODS else "unsafe"
            assert module._OPERATION.retry_rule == op.get("x-retry", by_method), path
            assert module._OPERATION.authenticated is bool(op.get("security")), path


# Deprecation.


def deprecated_client() -> AuthenticatedClient:
    return AuthenticatedClient.from_service_token(
        "sto_FAKEops", "pscale_tkn_FAKEops0001",
        httpx_args={"transport": httpx.MockTransport(lambda request: httpx.Response(200, json=TOKEN))},
    )  # fmt: skip


@pytest.mark.filterwarnings("default::DeprecationWarning")
async def test_the_deprecated_operation_warns_once_per_call_naming_its_replacement() -> None:
    calls: list[Callable[[], Any]] = [
        lambda: create_oauth_token.sync("acme", "app1", client=deprecated_client(), body=GRANT),
        lambda: create_oauth_token.sync_detailed("acme", "app1", client=deprecated_client(), body=GRANT),
    ]
    for function in calls:
        with pytest.warns(DeprecationWarning) as caught:
            function()
        assert len(caught) == 1
        assert str(caught[0].message) == (
            "planetscale_oauth.api.oauth_tokens.create_oauth_token is deprecated; use "
            "planetscale_oauth.api.oauth.request_token (POST https://auth.planetscale.com/oauth/token) instead"
        )
        assert caught[0].filename == __file__, "the warning points at the caller's line"
    for coroutine in (create_oauth_token.asyncio, create_oauth_token.asyncio_detailed):
        with pytest.warns(DeprecationWarning, match="use planetscale_oauth.api.oauth.request_token") as caught:
            await coroutine("acme", "app1", client=deprecated_client(), body=GRANT)
        assert len(caught) == 1 and caught[0].filename == __file__


def test_operations_that_are_not_deprecated_do_not_warn(httpserver: HTTPServer, oauth_host: HTTPServer) -> None:
    oauth_host.expect_request("/oauth/token").respond_with_json(ACCESS)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = request_token.sync(client=two_host_client(httpserver, oauth_host), body=GRANT)
    assert isinstance(result, AccessTokenResponse)
    assert [w for w in caught if issubclass(w.category, DeprecationWarning)] == []


def test_deprecation_follows_the_spec_flag_for_any_operation(tmp_path: Path) -> None:
    text = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    anchor = "      operationId: get_oauth_token\n"
    edited = text.replace(anchor, anchor + "      deprecated: true\n      x-replaced-by: list_oauth_tokens\n")
    assert edited != text
    out = generate_from(edited, tmp_path)
    program = (
        "import warnings, httpx\n"
        "from planetscale_oauth import AuthenticatedClient\n"
        "from planetscale_oauth.api.oauth_tokens import get_oauth_token\n"
        "body = {'code': 'not_found', 'message': 'x'}\n"
        "transport = httpx.MockTransport(lambda request: httpx.Response(404, json=body))\n"
        "client = AuthenticatedClient(token='FAKE-token-ops-0001', httpx_args={'transport': transport})\n"
        "warnings.simplefilter('error', DeprecationWarning)\n"
        "get_oauth_token.sync('acme', 'app1', 'tok1', client=client)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env={"PYTHONPATH": str(out)}, cwd=tmp_path
    )
    assert result.returncode != 0
    assert (
        "DeprecationWarning: planetscale_oauth.api.oauth_tokens.get_oauth_token is deprecated; use "
        "planetscale_oauth.api.oauth_tokens.list_oauth_tokens (GET https://api.planetscale.com/v1"
        "/organizations/{organization}/oauth-applications/{application_id}/tokens) instead"
    ) in result.stderr


# Pagination.


def paging_client(last: int, requested: list[int]) -> AuthenticatedClient:
    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        requested.append(number)
        return httpx.Response(200, json=page(number, last))

    return AuthenticatedClient.from_service_token(
        "sto_FAKEops", "pscale_tkn_FAKEops0001", httpx_args={"transport": httpx.MockTransport(answer)}
    )


@pytest.mark.parametrize("mode", MODES)
async def test_iterate_walks_every_page_once(mode: Mode) -> None:
    requested: list[int] = []
    paging = paging_client(3, requested)
    if mode == "sync":
        ids = [token.id for token in list_oauth_tokens.iterate("acme", "app1", client=paging, per_page=2)]
    else:
        ids = [token.id async for token in list_oauth_tokens.aiterate("acme", "app1", client=paging, per_page=2)]
    assert requested == [1, 2, 3]
    assert ids == [f"oauthtoken_FAKE{number}{index}" for number in (1, 2, 3) for index in range(2)]


def test_iterate_starts_where_asked_and_fetches_lazily() -> None:
    requested: list[int] = []
    tokens = list_oauth_tokens.iterate("acme", "app1", client=paging_client(5, requested), page=4)
    assert requested == []
    assert next(tokens).id == "oauthtoken_FAKE40"
    assert requested == [4]


def test_a_next_page_that_does_not_advance_stops_with_a_typed_error() -> None:
    stuck_page = {**page(2, 9), "next_page": 2}
    stuck = AuthenticatedClient.from_service_token(
        "sto_FAKEops", "pscale_tkn_FAKEops0001",
        httpx_args={"transport": httpx.MockTransport(lambda request: httpx.Response(200, json=stuck_page))},
    )  # fmt: skip
    with pytest.raises(errors.ResponseValidationError, match="page 2 names page 2 as the next one"):
        list(list_oauth_tokens.iterate("acme", "app1", client=stuck, page=2))
    first = list_oauth_tokens.sync("acme", "app1", client=stuck, page=2)
    assert isinstance(first, OAuthTokenPage)


def test_operations_without_a_body_are_typed_as_returning_none(httpserver: HTTPServer, oauth_host: HTTPServer) -> None:
    # mypy --strict checks the assert_type calls: the stock generator types these as Any.
    httpserver.expect_request("/v1/organizations/acme/oauth-applications/app1/tokens/tok1").respond_with_response(
        WsgiResponse(status=204)
    )
    oauth_host.expect_request("/oauth/revoke").respond_with_json({})
    both = two_host_client(httpserver, oauth_host)
    assert assert_type(delete_oauth_token.sync("acme", "app1", "tok1", client=both), None) is None
    assert assert_type(revoke_token.sync(client=both, body=REVOKE), None) is None
