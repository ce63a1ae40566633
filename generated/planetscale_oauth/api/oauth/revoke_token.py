# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.oauth_error_response import OAuthErrorResponse
from ...models.revoke_token_request import RevokeTokenRequest
from ...types import Response

_ROUTE = "/oauth/revoke"
"""The path template: filled in for the request, and named in log lines instead of the path (which holds the
caller's names)."""
_SERVER = "oauth"
"""The server the operation lives on: the client's ``oauth_base_url`` (https://auth.planetscale.com)."""
_AUTHENTICATED = False
"""Whether the operation declares security: only then does the client send its credential."""
_RETRY_RULE = "idempotent"
"""The entry of ``client.RETRY_RULES`` that decides what may be retried."""


def _get_kwargs(
    *,
    body: RevokeTokenRequest,
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
    *, client: AuthenticatedClient | Client, response: httpx.Response, body: RevokeTokenRequest
) -> OAuthErrorResponse | None:
    if response.status_code == 200:
        return None
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
    *, client: AuthenticatedClient | Client, response: httpx.Response, body: RevokeTokenRequest
) -> Response[OAuthErrorResponse]:
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
    response: Response[OAuthErrorResponse], *, client: AuthenticatedClient | Client, body: RevokeTokenRequest
) -> None:
    """The parsed success body, or the typed error for any other status."""
    if response.status_code == 200:
        return cast(None, response.parsed)
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
    body: RevokeTokenRequest,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[OAuthErrorResponse]:
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
    kwargs = _get_kwargs(
        body=body,
    )
    response = _send(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response, body=body)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenRequest,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> None:
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
    kwargs = _get_kwargs(
        body=body,
    )
    response = _build_response(client=client, response=_send(client, kwargs, timeout, max_retries), body=body)
    return _result(response, client=client, body=body)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenRequest,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[OAuthErrorResponse]:
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
    kwargs = _get_kwargs(
        body=body,
    )
    response = await _asend(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response, body=body)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenRequest,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> None:
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
    kwargs = _get_kwargs(
        body=body,
    )
    response = _build_response(client=client, response=await _asend(client, kwargs, timeout, max_retries), body=body)
    return _result(response, client=client, body=body)
