# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
import httpx

from ... import errors
from ..._operation import Operation, Returns
from ...client import AuthenticatedClient
from ...models.authorization_code_grant import AuthorizationCodeGrant
from ...models.error import Error
from ...models.oauth_token import OAuthToken
from ...models.refresh_token_grant import RefreshTokenGrant
from ...types import Response

_OPERATION: Operation[OAuthToken, Error | OAuthToken] = Operation(
    method="POST",
    route="/organizations/{organization}/oauth-applications/{application_id}/token",
    authenticated=True,
    retry_rule="unsafe",
    path=("organization", "application_id"),
    body="json",
    responses=(Returns(200, OAuthToken), Returns((401, 403, 404, 422, 429, 500), Error)),
    deprecation=(
        "planetscale_oauth.api.oauth_tokens.create_oauth_token is deprecated"
        "; use planetscale_oauth.api.oauth.request_token (POST https://auth.planetscale.com/oauth/token) instead"
    ),
    sensitive_keys=errors.SENSITIVE_KEYS,
)


def sync_detailed(
    organization: str, application_id: str, *, client: AuthenticatedClient,
    body: AuthorizationCodeGrant | RefreshTokenGrant, timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[Error | OAuthToken]:  # fmt: skip
    """Create or renew an OAuth token

    Create an OAuth token from an authorization grant code, or refresh an OAuth token from a refresh
    token.

    Deprecated: use the standard OAuth 2.0 token endpoint (`request_token`,
    `POST https://auth.planetscale.com/oauth/token`), which needs no service token.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `write_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
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
        Response[Error | OAuthToken]: status, headers, raw content and the parsed body.
    """
    return _OPERATION.sync_detailed(locals())


def sync(
    organization: str, application_id: str, *, client: AuthenticatedClient,
    body: AuthorizationCodeGrant | RefreshTokenGrant, timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> OAuthToken:  # fmt: skip
    """Create or renew an OAuth token

    Create an OAuth token from an authorization grant code, or refresh an OAuth token from a refresh
    token.

    Deprecated: use the standard OAuth 2.0 token endpoint (`request_token`,
    `POST https://auth.planetscale.com/oauth/token`), which needs no service token.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `write_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        body (AuthorizationCodeGrant | RefreshTokenGrant): The body of a token request, one shape
            per grant type.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.AuthenticationError: 401 Unauthorized
        errors.ForbiddenError: 403 Forbidden
        errors.NotFoundError: 404 Not Found
        errors.UnprocessableEntityError: 422 Unprocessable Entity
        errors.RateLimitError: 429 Too Many Requests
        errors.ServerError: 500 Internal Server Error
        errors.ServerError: Any other 5xx status.
        errors.UnexpectedStatus: Any other status the API does not document.
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        OAuthToken
    """
    return _OPERATION.sync(locals())


async def asyncio_detailed(
    organization: str, application_id: str, *, client: AuthenticatedClient,
    body: AuthorizationCodeGrant | RefreshTokenGrant, timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[Error | OAuthToken]:  # fmt: skip
    """Create or renew an OAuth token

    Create an OAuth token from an authorization grant code, or refresh an OAuth token from a refresh
    token.

    Deprecated: use the standard OAuth 2.0 token endpoint (`request_token`,
    `POST https://auth.planetscale.com/oauth/token`), which needs no service token.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `write_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
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
        Response[Error | OAuthToken]: status, headers, raw content and the parsed body.
    """
    return await _OPERATION.asyncio_detailed(locals())


async def asyncio(
    organization: str, application_id: str, *, client: AuthenticatedClient,
    body: AuthorizationCodeGrant | RefreshTokenGrant, timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> OAuthToken:  # fmt: skip
    """Create or renew an OAuth token

    Create an OAuth token from an authorization grant code, or refresh an OAuth token from a refresh
    token.

    Deprecated: use the standard OAuth 2.0 token endpoint (`request_token`,
    `POST https://auth.planetscale.com/oauth/token`), which needs no service token.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `write_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        body (AuthorizationCodeGrant | RefreshTokenGrant): The body of a token request, one shape
            per grant type.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.AuthenticationError: 401 Unauthorized
        errors.ForbiddenError: 403 Forbidden
        errors.NotFoundError: 404 Not Found
        errors.UnprocessableEntityError: 422 Unprocessable Entity
        errors.RateLimitError: 429 Too Many Requests
        errors.ServerError: 500 Internal Server Error
        errors.ServerError: Any other 5xx status.
        errors.UnexpectedStatus: Any other status the API does not document.
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        OAuthToken
    """
    return await _OPERATION.asyncio(locals())
