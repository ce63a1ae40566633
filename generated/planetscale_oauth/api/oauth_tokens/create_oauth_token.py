# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
import warnings
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authorization_code_grant import AuthorizationCodeGrant
from ...models.error import Error
from ...models.oauth_token import OAuthToken
from ...models.refresh_token_grant import RefreshTokenGrant
from ...types import Response

_ROUTE = "/organizations/{organization}/oauth-applications/{id}/token"
"""The path template: filled in for the request, and named in log lines instead of the path (which holds the
caller's names)."""
_SERVER = "api"
"""The server the operation lives on: the client's ``base_url`` (https://api.planetscale.com/v1)."""
_AUTHENTICATED = True
"""Whether the operation declares security: only then does the client send its credential."""
_RETRY_RULE = "unsafe"
"""The entry of ``client.RETRY_RULES`` that decides what may be retried."""
_DEPRECATION = (
    "planetscale_oauth.api.oauth_tokens.create_oauth_token is deprecated"
    "; use planetscale_oauth.api.oauth.request_token (POST https://auth.planetscale.com/oauth/token) instead"
)


def _warn_deprecated() -> None:
    # stacklevel 3: the warning points at the caller of the public function.
    warnings.warn(_DEPRECATION, DeprecationWarning, stacklevel=3)


def _get_kwargs(
    organization: str,
    id: str,
    *,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": _ROUTE.format(
            organization=quote(str(organization), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    # Every shape of the body is a model: each knows its own JSON.
    _kwargs["json"] = body.to_dict()

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, body: AuthorizationCodeGrant | RefreshTokenGrant
) -> Error | OAuthToken | None:
    if response.status_code == 200:
        try:
            return OAuthToken.from_dict(errors.read_json(response.status_code, response.headers, response.content))
        except errors.ResponseValidationError as exc:
            raise exc.for_response(
                f"{response.status_code} response is not a valid OAuthToken",
                status_code=response.status_code,
                headers=response.headers,
                content=response.content,
            ) from None
    if response.status_code == 401:
        try:
            return Error.from_dict(errors.read_json(response.status_code, response.headers, response.content))
        except errors.ResponseValidationError:
            return None  # not the documented error body; the raw content is kept
    if response.status_code == 403:
        try:
            return Error.from_dict(errors.read_json(response.status_code, response.headers, response.content))
        except errors.ResponseValidationError:
            return None  # not the documented error body; the raw content is kept
    if response.status_code == 404:
        try:
            return Error.from_dict(errors.read_json(response.status_code, response.headers, response.content))
        except errors.ResponseValidationError:
            return None  # not the documented error body; the raw content is kept
    if response.status_code == 422:
        try:
            return Error.from_dict(errors.read_json(response.status_code, response.headers, response.content))
        except errors.ResponseValidationError:
            return None  # not the documented error body; the raw content is kept
    if response.status_code == 429:
        try:
            return Error.from_dict(errors.read_json(response.status_code, response.headers, response.content))
        except errors.ResponseValidationError:
            return None  # not the documented error body; the raw content is kept
    if response.status_code == 500:
        try:
            return Error.from_dict(errors.read_json(response.status_code, response.headers, response.content))
        except errors.ResponseValidationError:
            return None  # not the documented error body; the raw content is kept
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(
            response.status_code,
            response.content,
            headers=response.headers,
            secrets=[*client.credentials(), *errors.sensitive_values(body.to_dict())],
        )
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, body: AuthorizationCodeGrant | RefreshTokenGrant
) -> Response[Error | OAuthToken]:
    parsed = _parse_response(client=client, response=response, body=body)
    if response.is_success:
        # A success body is a model that redacts its own credentials.
        return Response(
            status_code=HTTPStatus(response.status_code), content=response.content, headers=response.headers,
            parsed=parsed,
        )  # fmt: skip
    # An error body may echo the request's credentials: blanked out of the parsed model and the repr
    # (``content`` keeps the raw bytes).
    secrets = tuple([*client.credentials(), *errors.sensitive_values(body.to_dict())])
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=errors.scrubbed(parsed, secrets),
        secrets=secrets,
    )


def _result(
    response: Response[Error | OAuthToken],
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
) -> OAuthToken:
    """The parsed success body, or the typed error for any other status."""
    if response.status_code == 200:
        return cast(OAuthToken, response.parsed)
    raise errors.from_response(response, secrets=[*client.credentials(), *errors.sensitive_values(body.to_dict())])


def _send(
    client: AuthenticatedClient | Client,
    kwargs: dict[str, Any],
    timeout: httpx.Timeout | float | None,
    max_retries: int | None,
) -> httpx.Response:
    return client.request(
        **kwargs,
        route=_ROUTE,
        server=_SERVER,
        authenticated=_AUTHENTICATED,
        retry_rule=_RETRY_RULE,
        timeout=timeout,
        max_retries=max_retries,
    )


async def _asend(
    client: AuthenticatedClient | Client,
    kwargs: dict[str, Any],
    timeout: httpx.Timeout | float | None,
    max_retries: int | None,
) -> httpx.Response:
    return await client.arequest(
        **kwargs,
        route=_ROUTE,
        server=_SERVER,
        authenticated=_AUTHENTICATED,
        retry_rule=_RETRY_RULE,
        timeout=timeout,
        max_retries=max_retries,
    )


def sync_detailed(
    organization: str,
    id: str,
    *,
    client: AuthenticatedClient,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[Error | OAuthToken]:
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
        id (str): The ID of the OAuth application
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
    _warn_deprecated()
    kwargs = _get_kwargs(
        organization=organization,
        id=id,
        body=body,
    )
    response = _send(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response, body=body)


def sync(
    organization: str,
    id: str,
    *,
    client: AuthenticatedClient,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> OAuthToken:
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
        id (str): The ID of the OAuth application
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
    _warn_deprecated()
    kwargs = _get_kwargs(
        organization=organization,
        id=id,
        body=body,
    )
    response = _build_response(client=client, response=_send(client, kwargs, timeout, max_retries), body=body)
    return _result(response, client=client, body=body)


async def asyncio_detailed(
    organization: str,
    id: str,
    *,
    client: AuthenticatedClient,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[Error | OAuthToken]:
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
        id (str): The ID of the OAuth application
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
    _warn_deprecated()
    kwargs = _get_kwargs(
        organization=organization,
        id=id,
        body=body,
    )
    response = await _asend(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response, body=body)


async def asyncio(
    organization: str,
    id: str,
    *,
    client: AuthenticatedClient,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> OAuthToken:
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
        id (str): The ID of the OAuth application
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
    _warn_deprecated()
    kwargs = _get_kwargs(
        organization=organization,
        id=id,
        body=body,
    )
    response = _build_response(client=client, response=await _asend(client, kwargs, timeout, max_retries), body=body)
    return _result(response, client=client, body=body)
