"""End to end: the generated client against Prism, a mock server started from the same openapi.yaml."""

from __future__ import annotations

import pytest

from planetscale_oauth import AuthenticatedClient, Client, errors
from planetscale_oauth.api.oauth_tokens import create_oauth_token
from planetscale_oauth.models import AuthorizationCodeGrant, OAuthToken, RefreshTokenGrant

from helpers import MODES, NO_RETRY, Mode, canonical, create_token, resolve, spec

CODE_GRANT = AuthorizationCodeGrant(
    client_id="FAKE-client-id",
    client_secret="FAKE-client-secret",
    code="FAKE-code",
    redirect_uri="https://app.example.com/oauth/callback",
)
REFRESH_GRANT = RefreshTokenGrant(
    client_id="FAKE-client-id", client_secret="FAKE-client-secret", refresh_token="FAKE-refresh-token"
)
SPEC_EXAMPLE = spec()["paths"]["/organizations/{organization}/oauth-applications/{id}/token"]["post"]["responses"][
    "200"
]["content"]["application/json"]["example"]


@pytest.fixture
def client(prism_url: str) -> AuthenticatedClient:
    return AuthenticatedClient.from_service_token("sto_FAKE", "pscale_tkn_FAKE", base_url=prism_url, retry=NO_RETRY)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("grant", [CODE_GRANT, REFRESH_GRANT], ids=["authorization_code", "refresh_token"])
async def test_prism_accepts_both_grants_and_the_answer_parses(
    client: AuthenticatedClient, mode: Mode, grant: AuthorizationCodeGrant | RefreshTokenGrant
) -> None:
    token = await create_token(mode, client, "acme", "oauthapp_FAKE01", grant)
    assert isinstance(token, OAuthToken)
    assert canonical(token.to_dict()) == canonical(SPEC_EXAMPLE)


def test_prism_found_no_violation_in_a_valid_request(client: AuthenticatedClient) -> None:
    response = create_oauth_token.sync_detailed("acme", "oauthapp_FAKE01", client=client, body=REFRESH_GRANT)
    assert response.status_code == 200
    assert "sl-violations" not in response.headers


def test_prism_refuses_a_body_the_spec_forbids(client: AuthenticatedClient) -> None:
    # Only a caller that ignores the type checker can build this body; the spec (and Prism) refuse it.
    broken = RefreshTokenGrant(client_id="FAKE-client-id", client_secret="FAKE-client-secret", refresh_token=None)  # type: ignore[arg-type]
    with pytest.raises(errors.UnprocessableEntityError) as caught:
        create_oauth_token.sync("acme", "oauthapp_FAKE01", client=client, body=broken)
    assert caught.value.status_code == 422


def test_prism_refuses_a_request_without_credentials(prism_url: str) -> None:
    anonymous = Client(base_url=prism_url)
    with pytest.raises(errors.AuthenticationError) as caught:
        create_oauth_token.sync("acme", "oauthapp_FAKE01", client=anonymous, body=CODE_GRANT)  # type: ignore[arg-type]
    assert caught.value.status_code == 401


@pytest.mark.parametrize("status", [401, 403, 404, 422, 429, 500])
@pytest.mark.parametrize("mode", MODES)
async def test_documented_errors_from_prism_are_typed(client: AuthenticatedClient, mode: Mode, status: int) -> None:
    example = resolve(
        spec()["paths"]["/organizations/{organization}/oauth-applications/{id}/token"]["post"]["responses"][str(status)]
    )["content"]["application/json"]["example"]
    forced = client.with_headers({"Prefer": f"code={status}"})
    with pytest.raises(errors.APIStatusError) as caught:
        await create_token(mode, forced, "acme", "oauthapp_FAKE01", CODE_GRANT)
    error = caught.value
    assert error.status_code == status
    assert error.code == example["code"]
    assert example["message"] in error.message
    assert type(error) is errors.error_class_for_status(status)
