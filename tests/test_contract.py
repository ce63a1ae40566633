"""Contract tests: every recorded exchange in tests/fixtures/ against the spec, the models and the wire."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.models import Error, OAuthToken

from helpers import (
    EXCHANGES,
    MODES,
    NO_RETRY,
    TOKEN_PATH,
    Exchange,
    Mode,
    canonical,
    create_token,
    request_schema_pointer,
    response_schema_pointer,
    schema_validator,
)

BASE_URL = "https://api.planetscale.com/v1"

# What each documented status must raise, written out here rather than read from the package.
EXPECTED_ERRORS: dict[int, type[errors.APIStatusError]] = {
    401: errors.AuthenticationError,
    403: errors.ForbiddenError,
    404: errors.NotFoundError,
    422: errors.UnprocessableEntityError,
    429: errors.RateLimitError,
    500: errors.ServerError,
}

by_name = pytest.mark.parametrize("exchange", EXCHANGES, ids=[exchange.name for exchange in EXCHANGES])


def test_fixtures_cover_both_grants_and_every_documented_status() -> None:
    grants = {exchange.request["json"]["grant_type"] for exchange in EXCHANGES}
    statuses = {exchange.status for exchange in EXCHANGES}
    assert grants == {"authorization_code", "refresh_token"}
    assert statuses == {200, *EXPECTED_ERRORS}


@by_name
def test_fixture_says_where_it_comes_from(exchange: Exchange) -> None:
    assert exchange.data["source"].strip(), "every fixture needs a `source`"
    assert exchange.data["description"].strip()
    assert all("FAKE" in secret for secret in exchange.secrets()), "fixture secrets must be obviously fake"


@by_name
def test_request_matches_spec(exchange: Exchange) -> None:
    request = exchange.request
    assert request["method"] == "POST"
    pattern = "^/v1" + re.sub(r"\{[a-z_]+\}", "[^/]+", TOKEN_PATH) + "$"
    assert re.match(pattern, request["path"]), request["path"]
    errors_found = [e.message for e in schema_validator(request_schema_pointer()).iter_errors(request["json"])]
    assert errors_found == []


@by_name
def test_response_body_matches_spec(exchange: Exchange) -> None:
    validator = schema_validator(response_schema_pointer(exchange.status))
    errors_found = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(exchange.response["json"])]
    assert errors_found == []


@by_name
def test_response_body_round_trips_through_the_model(exchange: Exchange) -> None:
    body = exchange.response["json"]
    model = OAuthToken if exchange.status == 200 else Error
    assert canonical(model.from_dict(body).to_dict()) == canonical(body)


@by_name
def test_request_body_round_trips_through_the_model(exchange: Exchange) -> None:
    body = exchange.request["json"]
    assert canonical(exchange.body().to_dict()) == canonical(body)


@by_name
@pytest.mark.parametrize("mode", MODES)
async def test_replay_sends_the_recorded_request_and_returns_or_raises(exchange: Exchange, mode: Mode) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            exchange.status,
            headers=exchange.response["headers"],
            content=json.dumps(exchange.response["json"]).encode(),
        )

    token_id, token = exchange.service_token
    client = AuthenticatedClient.from_service_token(
        token_id, token, base_url=BASE_URL, retry=NO_RETRY, httpx_args={"transport": httpx.MockTransport(handler)}
    )
    params = exchange.request["path_params"]
    call = create_token(mode, client, params["organization"], params["id"], exchange.body())

    if exchange.status == 200:
        result = await call
        assert isinstance(result, OAuthToken)
        assert canonical(result.to_dict()) == canonical(exchange.response["json"])
    else:
        with pytest.raises(EXPECTED_ERRORS[exchange.status]) as caught:
            await call
        error = caught.value
        assert error.status_code == exchange.status
        assert error.code == exchange.response["json"]["code"]
        assert exchange.response["json"]["message"] in error.message
        assert error.headers["x-request-id"] == exchange.response["headers"]["X-Request-Id"]

    assert len(seen) == 1
    sent = seen[0]
    assert sent.method == exchange.request["method"]
    assert sent.url.raw_path.decode() == exchange.request["path"]
    assert sent.url.host == "api.planetscale.com"
    for name, value in exchange.request["headers"].items():
        assert sent.headers[name] == value
    sent_body = json.loads(sent.content)
    assert canonical(sent_body) == canonical(exchange.request["json"])
    assert None not in sent_body.values()
