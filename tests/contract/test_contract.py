"""Contract tests: every recorded exchange in tests/fixtures/ against the spec, the models and the wire."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from jsonschema import Draft202012Validator

from planetscale_oauth import AuthenticatedClient, errors

from helpers import (
    ALL_EXCHANGES,
    EXPECTED,
    EXPECTED_ERRORS,
    EXPECTED_OAUTH_ERRORS,
    FORM,
    MODES,
    NO_RETRY,
    OAUTH_OPERATIONS,
    Exchange,
    Mode,
    canonical,
    exchanges_for,
    model_for,
    operations,
    schema_validator,
)

BASE_URL = "https://api.planetscale.com/v1"
OAUTH_BASE_URL = "https://auth.planetscale.com"
# The client of an exchange sent without a service token still holds one: it must not go out.
UNUSED_SERVICE_TOKEN = ("sto_FAKEunused01", "pscale_tkn_FAKEunused01")


by_name = pytest.mark.parametrize("exchange", ALL_EXCHANGES, ids=[exchange.name for exchange in ALL_EXCHANGES])


def test_every_operation_is_expected_here() -> None:
    assert set(EXPECTED) == set(operations())


def test_every_fixture_belongs_to_one_operation() -> None:
    assert sum(len(exchanges_for(operation_id)) for operation_id in operations()) == len(ALL_EXCHANGES)


@pytest.mark.parametrize("operation_id", sorted(operations()))
def test_fixtures_cover_every_documented_status(operation_id: str) -> None:
    operation = operations()[operation_id]
    recorded = {exchange.status for exchange in exchanges_for(operation_id)}
    assert operation.success_statuses(), "every operation documents a success"
    assert recorded == set(operation.documented_statuses())


@pytest.mark.parametrize("operation_id", ["create_oauth_token", "request_token"])
def test_token_request_fixtures_cover_both_grants(operation_id: str) -> None:
    successes = {
        exchange.request_body["grant_type"] for exchange in exchanges_for(operation_id) if exchange.status == 200
    }
    assert successes == {"authorization_code", "refresh_token"}


def test_oauth_error_fixtures_cover_each_error_class_named_here() -> None:
    recorded = {
        exchange.response_body["error"]
        for operation_id in OAUTH_OPERATIONS
        for exchange in exchanges_for(operation_id)
        if exchange.status >= 400
    }
    assert {"invalid_request", "invalid_client", "invalid_grant", "unsupported_grant_type"} <= recorded
    assert recorded <= set(EXPECTED_OAUTH_ERRORS)


def test_list_fixtures_cover_a_middle_and_a_last_page() -> None:
    pages = [exchange.response_body for exchange in exchanges_for("list_oauth_tokens") if exchange.status == 200]
    assert any(page["next_page"] is not None and page["prev_page"] is not None for page in pages)
    assert any(page["next_page"] is None and page["next_page_url"] is None for page in pages)


@by_name
def test_fixture_says_where_it_comes_from(exchange: Exchange) -> None:
    assert exchange.data["source"].strip(), "every fixture needs a `source`"
    assert exchange.data["description"].strip()
    secrets = exchange.secrets()
    assert all("FAKE" in secret for secret in secrets), "fixture secrets must be obviously fake"
    token_id = exchange.service_token[0] if exchange.authorization is not None else None
    assert [secret for secret in secrets if len(secret) < 16 and secret != token_id] == []


@by_name
def test_request_matches_spec(exchange: Exchange) -> None:
    request = exchange.request
    operation = exchange.operation
    assert request["method"] == operation.method
    assert operation.match(request["path"]) == exchange.path_params, request["path"]
    assert "?" not in request["path"], "query parameters go in `query`"
    # The service token goes with the operations that ask for it, and with no other.
    assert (exchange.authorization is not None) == operation.authenticated
    declared = operation.query_parameters()
    assert set(exchange.query) <= set(declared), "only query parameters the operation declares"
    for name, value in exchange.query.items():
        assert isinstance(value, str), f"query {name}: the string sent"
        schema = declared[name]["schema"]
        typed = int(value) if schema.get("type") == "integer" else value
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        assert [e.message for e in validator.iter_errors(typed)] == [], name
    pointer = operation.request_schema_pointer()
    assert exchange.request_media_type == operation.request_media_type
    if pointer is None:
        assert exchange.request_body is None
        return
    body = exchange.request_body
    if exchange.request_media_type == FORM:
        assert all(isinstance(value, str) for value in body.values()), "a form's values are strings"
    errors_found = [e.message for e in schema_validator(pointer).iter_errors(body)]
    assert errors_found == []


@by_name
def test_response_body_matches_spec(exchange: Exchange) -> None:
    pointer = exchange.operation.response_schema_pointer(exchange.status)
    if pointer is None:
        # No body documented: none sent, or an empty object (revoke's `{}`).
        assert exchange.response_body in (None, {})
        return
    validator = schema_validator(pointer)
    errors_found = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(exchange.response_body)]
    assert errors_found == []


@by_name
def test_response_body_round_trips_through_the_model(exchange: Exchange) -> None:
    pointer = exchange.operation.response_schema_pointer(exchange.status)
    if pointer is None:
        return  # nothing to parse: test_response_body_matches_spec checks there is no body
    body = exchange.response_body
    assert canonical(model_for(pointer).from_dict(body).to_dict()) == canonical(body)


@by_name
def test_request_body_round_trips_through_the_model(exchange: Exchange) -> None:
    model = exchange.request_model()
    if model is None:
        assert exchange.request_body is None
        return
    assert canonical(model.to_dict()) == canonical(exchange.request_body)
    if "grant_type" in exchange.request_body:
        assert canonical(exchange.body().to_dict()) == canonical(exchange.request_body)


def client_for(exchange: Exchange, handler: Any) -> AuthenticatedClient:
    token_id, token = exchange.service_token if exchange.authorization is not None else UNUSED_SERVICE_TOKEN
    return AuthenticatedClient.from_service_token(
        token_id,
        token,
        base_url=BASE_URL,
        oauth_base_url=OAUTH_BASE_URL,
        retry=NO_RETRY,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


async def call(mode: Mode, exchange: Exchange, client: AuthenticatedClient) -> Any:
    """The operation's plain function, sync or async, with the fixture's arguments."""
    module = EXPECTED[exchange.operation_id].module
    if mode == "sync":
        return module.sync(client=client, **exchange.arguments())
    return await module.asyncio(client=client, **exchange.arguments())


@by_name
@pytest.mark.parametrize("mode", MODES)
async def test_replay_sends_the_recorded_request_and_returns_or_raises(exchange: Exchange, mode: Mode) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        content = json.dumps(exchange.response_body).encode() if exchange.has_response_body else b""
        return httpx.Response(exchange.status, headers=exchange.response["headers"], content=content)

    expected = EXPECTED[exchange.operation_id]
    response_body = exchange.response_body
    if 200 <= exchange.status <= 299:
        result = await call(mode, exchange, client_for(exchange, handler))
        if expected.success is None:
            assert result is None
        else:
            assert type(result) is expected.success
            assert canonical(result.to_dict()) == canonical(response_body)
    else:
        with pytest.raises(errors.APIStatusError) as caught:
            await call(mode, exchange, client_for(exchange, handler))
        error = caught.value
        assert error.status_code == exchange.status
        if exchange.operation_id in OAUTH_OPERATIONS:
            assert type(error) is EXPECTED_OAUTH_ERRORS[response_body["error"]]
            assert error.code == response_body["error"]
            assert response_body["error_description"] in error.message
        else:
            assert type(error) is EXPECTED_ERRORS[exchange.status]
            assert error.code == response_body["code"]
            assert response_body["message"] in error.message
        assert error.headers["x-request-id"] == exchange.response["headers"]["X-Request-Id"]

    assert len(seen) == 1
    sent = seen[0]
    assert sent.method == exchange.request["method"]
    raw_path, _, raw_query = sent.url.raw_path.decode().partition("?")
    assert raw_path == exchange.request["path"]
    assert parse_qs(raw_query, keep_blank_values=True) == {name: [value] for name, value in exchange.query.items()}
    assert sent.url.host == expected.host
    for name, value in exchange.headers.items():
        assert sent.headers.get(name) == value, name
    if sent.url.host == "auth.planetscale.com" or exchange.authorization is None:
        assert "authorization" not in sent.headers, "the service token goes to the API only"
    if exchange.request_media_type == "application/json":
        sent_body = json.loads(sent.content)
        assert canonical(sent_body) == canonical(exchange.request_body)
        assert None not in sent_body.values()
    elif exchange.request_media_type == FORM:
        assert sent.headers["content-type"] == FORM
        form = parse_qs(sent.content.decode("ascii"), keep_blank_values=True, strict_parsing=True)
        assert form == {name: [value] for name, value in exchange.request_body.items()}
    else:
        assert sent.content == b""


def test_urls_written_out_here_are_the_spec_servers() -> None:
    servers = {operation.server_name: operation.server_url for operation in operations().values()}
    assert servers == {"api": BASE_URL, "oauth": OAUTH_BASE_URL}
    hosts = {operation_id: operations()[operation_id].host for operation_id in EXPECTED}
    assert hosts == {operation_id: expected.host for operation_id, expected in EXPECTED.items()}
