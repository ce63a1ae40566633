"""End to end: the generated client against Prism, a mock server started from the same openapi.yaml.

One Prism serves every path, so both ``base_url`` and ``oauth_base_url`` point at it. Prism answers
with the spec's examples, and ``Prefer: code=NNN`` makes it answer a documented error status instead.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import httpx
import pytest

from planetscale_oauth import AuthenticatedClient, Client, errors
from planetscale_oauth.api.oauth import request_token, revoke_token
from planetscale_oauth.api.oauth_tokens import (
    create_oauth_token,
    delete_oauth_token,
    get_oauth_token,
    list_oauth_tokens,
)
from planetscale_oauth.models import (
    AccessTokenResponse,
    AuthorizationCodeGrant,
    OAuthToken,
    RefreshTokenGrant,
    RevokeTokenRequest,
)

from helpers import (
    EXPECTED,
    EXPECTED_ERRORS,
    EXPECTED_OAUTH_ERRORS,
    MODES,
    NO_RETRY,
    OAUTH_OPERATIONS,
    Mode,
    canonical,
    create_token,
    operations,
)

ORGANIZATION, APPLICATION_ID, TOKEN_ID = "acme", "oauthapp_FAKE01", "oauthtoken_FAKE0001"
SERVICE_TOKEN = ("sto_FAKEprism01", "pscale_tkn_FAKEprism01")
CODE_GRANT = AuthorizationCodeGrant(
    client_id="FAKE-client-id",
    client_secret="FAKE-client-secret",
    code="FAKE-code",
    redirect_uri="https://app.example.com/oauth/callback",
)
REFRESH_GRANT = RefreshTokenGrant(
    client_id="FAKE-client-id", client_secret="FAKE-client-secret", refresh_token="FAKE-refresh-token"
)
REVOCATION = RevokeTokenRequest(
    token="FAKE-refresh-token", client_id="FAKE-client-id", client_secret="FAKE-client-secret"
)

# One valid call of each operation: its module, positional and keyword arguments.
CALLS: dict[str, tuple[ModuleType, tuple[str, ...], dict[str, Any]]] = {
    "create_oauth_token": (create_oauth_token, (ORGANIZATION, APPLICATION_ID), {"body": CODE_GRANT}),
    "list_oauth_tokens": (list_oauth_tokens, (ORGANIZATION, APPLICATION_ID), {"page": 1, "per_page": 25}),
    "get_oauth_token": (get_oauth_token, (ORGANIZATION, APPLICATION_ID, TOKEN_ID), {}),
    "delete_oauth_token": (delete_oauth_token, (ORGANIZATION, APPLICATION_ID, TOKEN_ID), {}),
    "request_token": (request_token, (), {"body": REFRESH_GRANT}),
    "revoke_token": (revoke_token, (), {"body": REVOCATION}),
}
ALL_OPERATIONS = sorted(CALLS)
ERROR_CASES = [
    (operation_id, status)
    for operation_id in ALL_OPERATIONS
    for status in operations()[operation_id].documented_statuses()
    if status >= 400
]


def client_for(prism_url: str, mode: Mode, seen: list[httpx.Request] | None = None) -> AuthenticatedClient:
    """A service-token client of Prism for both servers; ``seen`` collects every request it sends."""
    hooks: list[Any] = []
    if seen is not None and mode == "sync":
        hooks.append(seen.append)
    elif seen is not None:

        async def record(request: httpx.Request) -> None:
            seen.append(request)

        hooks.append(record)
    return AuthenticatedClient.from_service_token(
        *SERVICE_TOKEN,
        base_url=prism_url,
        oauth_base_url=prism_url,
        retry=NO_RETRY,
        httpx_args={"event_hooks": {"request": hooks}},
    )


@pytest.fixture
def client(prism_url: str) -> AuthenticatedClient:
    return client_for(prism_url, "sync")


async def call(operation_id: str, mode: Mode, client: AuthenticatedClient | Client) -> Any:
    """The operation's plain function, sync or async, with valid arguments."""
    module, args, kwargs = CALLS[operation_id]
    if mode == "sync":
        return module.sync(*args, client=client, **kwargs)
    return await module.asyncio(*args, client=client, **kwargs)


def success_example(operation_id: str) -> Any:
    """The example of the operation's success response; None when it documents no body."""
    operation = operations()[operation_id]
    (status,) = operation.success_statuses()
    return operation.response_example(status) if operation.response_schema_pointer(status) else None


def test_every_operation_is_called_here() -> None:
    assert set(CALLS) == set(EXPECTED) == set(operations())
    unauthenticated = {operation.operation_id for operation in operations().values() if not operation.authenticated}
    assert unauthenticated == OAUTH_OPERATIONS


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("operation_id", ALL_OPERATIONS)
async def test_every_operation_succeeds_and_returns_the_spec_example(
    prism_url: str, mode: Mode, operation_id: str
) -> None:
    result = await call(operation_id, mode, client_for(prism_url, mode))
    expected = EXPECTED[operation_id].success
    if expected is None:
        assert result is None
        assert success_example(operation_id) is None
    else:
        assert type(result) is expected
        assert canonical(result.to_dict()) == canonical(success_example(operation_id))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("operation_id", ALL_OPERATIONS)
async def test_the_service_token_goes_to_api_operations_only(prism_url: str, mode: Mode, operation_id: str) -> None:
    seen: list[httpx.Request] = []
    await call(operation_id, mode, client_for(prism_url, mode, seen))
    assert len(seen) == 1
    if operation_id in OAUTH_OPERATIONS:
        assert "authorization" not in seen[0].headers
    else:
        assert seen[0].headers["authorization"] == ":".join(SERVICE_TOKEN)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("grant", [CODE_GRANT, REFRESH_GRANT], ids=["authorization_code", "refresh_token"])
async def test_prism_accepts_both_grants_and_the_answer_parses(
    prism_url: str, mode: Mode, grant: AuthorizationCodeGrant | RefreshTokenGrant
) -> None:
    client = client_for(prism_url, mode)
    token = await create_token(mode, client, ORGANIZATION, APPLICATION_ID, grant)
    assert isinstance(token, OAuthToken)
    assert canonical(token.to_dict()) == canonical(success_example("create_oauth_token"))
    if mode == "sync":
        tokens = request_token.sync(client=client, body=grant)
    else:
        tokens = await request_token.asyncio(client=client, body=grant)
    assert type(tokens) is AccessTokenResponse
    assert canonical(tokens.to_dict()) == canonical(success_example("request_token"))


@pytest.mark.parametrize("mode", MODES)
async def test_iterating_the_list_yields_the_example_items(prism_url: str, mode: Mode) -> None:
    client = client_for(prism_url, mode)
    if mode == "sync":
        items = list(list_oauth_tokens.iterate(ORGANIZATION, APPLICATION_ID, client=client))
    else:
        items = [item async for item in list_oauth_tokens.aiterate(ORGANIZATION, APPLICATION_ID, client=client)]
    assert all(type(item) is OAuthToken for item in items)
    assert [canonical(item.to_dict()) for item in items] == [
        canonical(item) for item in success_example("list_oauth_tokens")["data"]
    ]
    assert items, "the example lists a token"


@pytest.mark.parametrize("operation_id", ALL_OPERATIONS)
def test_prism_found_no_violation_in_a_valid_request(client: AuthenticatedClient, operation_id: str) -> None:
    module, args, kwargs = CALLS[operation_id]
    response = module.sync_detailed(*args, client=client, **kwargs)
    assert 200 <= response.status_code <= 299
    assert "sl-violations" not in response.headers


@pytest.mark.parametrize("operation_id", sorted(OAUTH_OPERATIONS))
def test_oauth_operations_need_no_service_token(prism_url: str, operation_id: str) -> None:
    anonymous = Client(base_url=prism_url, oauth_base_url=prism_url, retry=NO_RETRY)
    module, args, kwargs = CALLS[operation_id]
    response = module.sync_detailed(*args, client=anonymous, **kwargs)
    assert response.status_code == 200
    assert "sl-violations" not in response.headers


def test_prism_refuses_a_body_the_spec_forbids(client: AuthenticatedClient) -> None:
    # Only a caller that ignores the type checker can build this body; the spec (and Prism) refuse it.
    broken = RefreshTokenGrant(client_id="FAKE-client-id", client_secret="FAKE-client-secret", refresh_token=None)  # type: ignore[arg-type]
    with pytest.raises(errors.UnprocessableEntityError) as caught:
        create_oauth_token.sync(ORGANIZATION, APPLICATION_ID, client=client, body=broken)
    assert caught.value.status_code == 422


@pytest.mark.parametrize("operation_id", sorted(set(ALL_OPERATIONS) - OAUTH_OPERATIONS))
def test_prism_refuses_an_api_request_without_credentials(prism_url: str, operation_id: str) -> None:
    anonymous = Client(base_url=prism_url, oauth_base_url=prism_url, retry=NO_RETRY)
    module, args, kwargs = CALLS[operation_id]
    with pytest.raises(errors.AuthenticationError) as caught:
        module.sync(*args, client=anonymous, **kwargs)
    assert caught.value.status_code == 401


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("operation_id", "status"), ERROR_CASES, ids=[f"{op}-{status}" for op, status in ERROR_CASES])
async def test_documented_errors_from_prism_are_typed(
    prism_url: str, mode: Mode, operation_id: str, status: int
) -> None:
    example = operations()[operation_id].response_example(status)
    forced = client_for(prism_url, mode).with_headers({"Prefer": f"code={status}"})
    with pytest.raises(errors.APIStatusError) as caught:
        await call(operation_id, mode, forced)
    error = caught.value
    assert error.status_code == status
    if operation_id in OAUTH_OPERATIONS:
        assert type(error) is EXPECTED_OAUTH_ERRORS[example["error"]]
        assert isinstance(error, errors.OAuthError)
        assert error.code == example["error"]
        assert example["error_description"] in error.message
    else:
        assert type(error) is EXPECTED_ERRORS[status]
        assert error.code == example["code"]
        assert example["message"] in error.message


def test_every_documented_error_is_tried() -> None:
    tried = {(operation_id, status) for operation_id, status in ERROR_CASES}
    assert {operation_id for operation_id, _ in tried} == set(operations())
    assert {status for operation_id, status in tried if operation_id in OAUTH_OPERATIONS} == {400, 401}
