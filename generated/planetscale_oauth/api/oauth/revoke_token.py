# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
import httpx

from ... import errors
from ..._operation import Operation, Returns
from ...client import AuthenticatedClient, Client
from ...models.oauth_error_response import OAuthErrorResponse
from ...models.revoke_token_request import RevokeTokenRequest
from ...types import Response

_OPERATION: Operation[None, OAuthErrorResponse] = Operation(
    method="POST",
    route="/oauth/revoke",
    server="oauth",
    authenticated=False,
    retry_rule="idempotent",
    body="form",
    responses=(Returns(200), Returns((400, 401), OAuthErrorResponse)),
    oauth_errors=True,
    sensitive_keys=errors.SENSITIVE_KEYS,
)


def sync_detailed(
    *, client: AuthenticatedClient | Client, body: RevokeTokenRequest, timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[OAuthErrorResponse]:  # fmt: skip
    """Revoke an access token or refresh token

    Revoke a token (RFC 7009). Revoking a token that is already invalid also succeeds, so a retry after
    a
    lost answer is harmless.

    Args:
        body (RevokeTokenRequest): Revoke an access token or a refresh token (RFC 7009).
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.UnexpectedStatus: An undocumented status, when ``client.raise_on_unexpected_status`` is set.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        Response[OAuthErrorResponse]: status, headers, raw content and the parsed body.
    """
    return _OPERATION.sync_detailed(locals())


def sync(
    *, client: AuthenticatedClient | Client, body: RevokeTokenRequest, timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> None:  # fmt: skip
    """Revoke an access token or refresh token

    Revoke a token (RFC 7009). Revoking a token that is already invalid also succeeds, so a retry after
    a
    lost answer is harmless.

    Args:
        body (RevokeTokenRequest): Revoke an access token or a refresh token (RFC 7009).
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.OAuthError: 400 The revocation request was refused (invalid_request,
            unsupported_token_type); the subclass
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
        None
    """
    return _OPERATION.sync(locals())


async def asyncio_detailed(
    *, client: AuthenticatedClient | Client, body: RevokeTokenRequest, timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[OAuthErrorResponse]:  # fmt: skip
    """Revoke an access token or refresh token

    Revoke a token (RFC 7009). Revoking a token that is already invalid also succeeds, so a retry after
    a
    lost answer is harmless.

    Args:
        body (RevokeTokenRequest): Revoke an access token or a refresh token (RFC 7009).
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.UnexpectedStatus: An undocumented status, when ``client.raise_on_unexpected_status`` is set.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        Response[OAuthErrorResponse]: status, headers, raw content and the parsed body.
    """
    return await _OPERATION.asyncio_detailed(locals())


async def asyncio(
    *, client: AuthenticatedClient | Client, body: RevokeTokenRequest, timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> None:  # fmt: skip
    """Revoke an access token or refresh token

    Revoke a token (RFC 7009). Revoking a token that is already invalid also succeeds, so a retry after
    a
    lost answer is harmless.

    Args:
        body (RevokeTokenRequest): Revoke an access token or a refresh token (RFC 7009).
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.OAuthError: 400 The revocation request was refused (invalid_request,
            unsupported_token_type); the subclass
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
        None
    """
    return await _OPERATION.asyncio(locals())
