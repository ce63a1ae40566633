# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_token_response import AccessTokenResponse
from ...models.authorization_code_grant import AuthorizationCodeGrant
from ...models.oauth_error_response import OAuthErrorResponse
from ...models.refresh_token_grant import RefreshTokenGrant
from ...types import Response

_ROUTE = "/oauth/token"
"""The path template: filled in for the request, and named in log lines instead of the path (which holds the
caller's names)."""
_SERVER = "oauth"
"""The server the operation lives on: the client's ``oauth_base_url`` (https://auth.planetscale.com)."""
_AUTHENTICATED = False
"""Whether the operation declares security: only then does the client send its credential."""
_RETRY_RULE = "unsafe"
"""The entry of ``client.RETRY_RULES`` that decides what may be retried."""


def _get_kwargs(
    *,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": _ROUTE,
    }

    _kwargs["data"] = body.to_dict()

    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, body: AuthorizationCodeGrant | RefreshTokenGrant
) -> AccessTokenResponse | OAuthErrorResponse | None:
    if response.status_code == 200:
        try:
            return AccessTokenResponse.from_dict(
                errors.read_json(response.status_code, response.headers, response.content)
            )
        except errors.ResponseValidationError as exc:
            raise exc.for_response(
                f"{response.status_code} response is not a valid AccessTokenResponse",
                status_code=response.status_code,
                headers=response.headers,
                content=response.content,
            ) from None
    if response.status_code == 400:
        try:
            return OAuthErrorResponse.from_dict(
                errors.read_json(response.status_code, response.headers, response.content)
            )
        except errors.ResponseValidationError:
            return None  # not the documented error body; the raw content is kept
    if response.status_code == 401:
        try:
            return OAuthErrorResponse.from_dict(
                errors.read_json(response.status_code, response.headers, response.content)
            )
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
) -> Response[AccessTokenResponse | OAuthErrorResponse]:
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
    response: Response[AccessTokenResponse | OAuthErrorResponse],
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
) -> AccessTokenResponse:
    """The parsed success body, or the typed error for any other status."""
    if response.status_code == 200:
        return cast(AccessTokenResponse, response.parsed)
    raise errors.from_response(
        response, secrets=[*client.credentials(), *errors.sensitive_values(body.to_dict())], oauth=True
    )


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
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[AccessTokenResponse | OAuthErrorResponse]:
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
    kwargs = _get_kwargs(
        body=body,
    )
    response = _send(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response, body=body)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> AccessTokenResponse:
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
    kwargs = _get_kwargs(
        body=body,
    )
    response = _build_response(client=client, response=_send(client, kwargs, timeout, max_retries), body=body)
    return _result(response, client=client, body=body)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[AccessTokenResponse | OAuthErrorResponse]:
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
    kwargs = _get_kwargs(
        body=body,
    )
    response = await _asend(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response, body=body)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> AccessTokenResponse:
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
    kwargs = _get_kwargs(
        body=body,
    )
    response = _build_response(client=client, response=await _asend(client, kwargs, timeout, max_retries), body=body)
    return _result(response, client=client, body=body)
