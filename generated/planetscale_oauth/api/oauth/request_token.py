# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
import httpx

from ... import errors
from ..._operation import Operation, Returns
from ...client import AuthenticatedClient, Client
from ...models.access_token_response import AccessTokenResponse
from ...models.authorization_code_grant import AuthorizationCodeGrant
from ...models.oauth_error_response import OAuthErrorResponse
from ...models.refresh_token_grant import RefreshTokenGrant
from ...types import Response

_OPERATION: Operation[AccessTokenResponse, AccessTokenResponse | OAuthErrorResponse] = Operation(
    method="POST",
    route="/oauth/token",
    server="oauth",
    authenticated=False,
    retry_rule="unsafe",
    body="form",
    responses=(Returns(200, AccessTokenResponse), Returns((400, 401), OAuthErrorResponse)),
    oauth_errors=True,
    sensitive_keys=errors.SENSITIVE_KEYS,
)


def sync_detailed(
    *, client: AuthenticatedClient | Client, body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> Response[AccessTokenResponse | OAuthErrorResponse]:  # fmt: skip
    """Get tokens for an authorization code, or refresh them

    The OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and §6): exchange the authorization code sent to the
    redirect URI for an access token and a refresh token, or exchange a refresh token for new ones.
    A refresh may rotate the refresh token: keep the one in the answer.

    Args:
        body (AuthorizationCodeGrant | RefreshTokenGrant): The body of a token request, one shape
            per grant type.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.UnexpectedStatus: An undocumented status, when ``client.raise_on_unexpected_status`` is set.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        Response[AccessTokenResponse | OAuthErrorResponse]: status, headers, raw content and the parsed body.
    """
    return _OPERATION.sync_detailed(locals())


def sync(
    *, client: AuthenticatedClient | Client, body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> AccessTokenResponse:  # fmt: skip
    """Get tokens for an authorization code, or refresh them

    The OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and §6): exchange the authorization code sent to the
    redirect URI for an access token and a refresh token, or exchange a refresh token for new ones.
    A refresh may rotate the refresh token: keep the one in the answer.

    Args:
        body (AuthorizationCodeGrant | RefreshTokenGrant): The body of a token request, one shape
            per grant type.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.OAuthError: 400 The request or the grant was refused (invalid_request,
            invalid_grant, unsupported_grant_type, ...); the subclass
                is picked by the body's ``error`` (InvalidGrantError, InvalidClientError, ...).
        errors.OAuthError: 401 The client ID or client secret is wrong (invalid_client); the
            subclass
                is picked by the body's ``error`` (InvalidGrantError, InvalidClientError, ...).
        errors.ServerError: Any other 5xx status.
        errors.UnexpectedStatus: Any other status the API does not document.
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        AccessTokenResponse
    """
    return _OPERATION.sync(locals())


async def asyncio_detailed(
    *, client: AuthenticatedClient | Client, body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> Response[AccessTokenResponse | OAuthErrorResponse]:  # fmt: skip
    """Get tokens for an authorization code, or refresh them

    The OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and §6): exchange the authorization code sent to the
    redirect URI for an access token and a refresh token, or exchange a refresh token for new ones.
    A refresh may rotate the refresh token: keep the one in the answer.

    Args:
        body (AuthorizationCodeGrant | RefreshTokenGrant): The body of a token request, one shape
            per grant type.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.UnexpectedStatus: An undocumented status, when ``client.raise_on_unexpected_status`` is set.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        Response[AccessTokenResponse | OAuthErrorResponse]: status, headers, raw content and the parsed body.
    """
    return await _OPERATION.asyncio_detailed(locals())


async def asyncio(
    *, client: AuthenticatedClient | Client, body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> AccessTokenResponse:  # fmt: skip
    """Get tokens for an authorization code, or refresh them

    The OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and §6): exchange the authorization code sent to the
    redirect URI for an access token and a refresh token, or exchange a refresh token for new ones.
    A refresh may rotate the refresh token: keep the one in the answer.

    Args:
        body (AuthorizationCodeGrant | RefreshTokenGrant): The body of a token request, one shape
            per grant type.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.OAuthError: 400 The request or the grant was refused (invalid_request,
            invalid_grant, unsupported_grant_type, ...); the subclass
                is picked by the body's ``error`` (InvalidGrantError, InvalidClientError, ...).
        errors.OAuthError: 401 The client ID or client secret is wrong (invalid_client); the
            subclass
                is picked by the body's ``error`` (InvalidGrantError, InvalidClientError, ...).
        errors.ServerError: Any other 5xx status.
        errors.UnexpectedStatus: Any other status the API does not document.
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        AccessTokenResponse
    """
    return await _OPERATION.asyncio(locals())
