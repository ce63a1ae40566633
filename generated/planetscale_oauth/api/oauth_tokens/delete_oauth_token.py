# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response

_ROUTE = "/organizations/{organization}/oauth-applications/{application_id}/tokens/{token_id}"
"""The path template: filled in for the request, and named in log lines instead of the path (which holds the
caller's names)."""
_SERVER = "api"
"""The server the operation lives on: the client's ``base_url`` (https://api.planetscale.com/v1)."""
_AUTHENTICATED = True
"""Whether the operation declares security: only then does the client send its credential."""
_RETRY_RULE = "idempotent"
"""The entry of ``client.RETRY_RULES`` that decides what may be retried."""


def _get_kwargs(
    organization: str,
    application_id: str,
    token_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": _ROUTE.format(
            organization=quote(str(organization), safe=""),
            application_id=quote(str(application_id), safe=""),
            token_id=quote(str(token_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | None:
    if response.status_code == 204:
        return None
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
            response.status_code, response.content, headers=response.headers, secrets=[*client.credentials()]
        )
    return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error]:
    parsed = _parse_response(client=client, response=response)
    if response.is_success:
        # A success body is a model that redacts its own credentials.
        return Response(
            status_code=HTTPStatus(response.status_code), content=response.content, headers=response.headers,
            parsed=parsed,
        )  # fmt: skip
    # An error body may echo the request's credentials: blanked out of the parsed model and the repr
    # (``content`` keeps the raw bytes).
    secrets = tuple([*client.credentials()])
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=errors.scrubbed(parsed, secrets),
        secrets=secrets,
    )


def _result(response: Response[Error], *, client: AuthenticatedClient | Client) -> None:
    """The parsed success body, or the typed error for any other status."""
    if response.status_code == 204:
        return cast(None, response.parsed)
    raise errors.from_response(response, secrets=[*client.credentials()])


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
    application_id: str,
    token_id: str,
    *,
    client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[Error]:
    """Delete an OAuth token

    Delete an OAuth token issued on behalf of an OAuth application: it stops working at once.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `delete_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        token_id (str): The ID of the OAuth token
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.UnexpectedStatus: An undocumented status, when ``client.raise_on_unexpected_status`` is set.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        Response[Error]: status, headers, raw content and the parsed body.
    """
    kwargs = _get_kwargs(
        organization=organization,
        application_id=application_id,
        token_id=token_id,
    )
    response = _send(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response)


def sync(
    organization: str,
    application_id: str,
    token_id: str,
    *,
    client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> None:
    """Delete an OAuth token

    Delete an OAuth token issued on behalf of an OAuth application: it stops working at once.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `delete_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        token_id (str): The ID of the OAuth token
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.AuthenticationError: 401 Unauthorized
        errors.ForbiddenError: 403 Forbidden
        errors.NotFoundError: 404 Not Found
        errors.RateLimitError: 429 Too Many Requests
        errors.ServerError: 500 Internal Server Error
        errors.ServerError: Any other 5xx status.
        errors.UnexpectedStatus: Any other status the API does not document.
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        None
    """
    kwargs = _get_kwargs(
        organization=organization,
        application_id=application_id,
        token_id=token_id,
    )
    response = _build_response(client=client, response=_send(client, kwargs, timeout, max_retries))
    return _result(response, client=client)


async def asyncio_detailed(
    organization: str,
    application_id: str,
    token_id: str,
    *,
    client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[Error]:
    """Delete an OAuth token

    Delete an OAuth token issued on behalf of an OAuth application: it stops working at once.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `delete_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        token_id (str): The ID of the OAuth token
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.UnexpectedStatus: An undocumented status, when ``client.raise_on_unexpected_status`` is set.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        Response[Error]: status, headers, raw content and the parsed body.
    """
    kwargs = _get_kwargs(
        organization=organization,
        application_id=application_id,
        token_id=token_id,
    )
    response = await _asend(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response)


async def asyncio(
    organization: str,
    application_id: str,
    token_id: str,
    *,
    client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> None:
    """Delete an OAuth token

    Delete an OAuth token issued on behalf of an OAuth application: it stops working at once.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `delete_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        token_id (str): The ID of the OAuth token
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.AuthenticationError: 401 Unauthorized
        errors.ForbiddenError: 403 Forbidden
        errors.NotFoundError: 404 Not Found
        errors.RateLimitError: 429 Too Many Requests
        errors.ServerError: 500 Internal Server Error
        errors.ServerError: Any other 5xx status.
        errors.UnexpectedStatus: Any other status the API does not document.
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        None
    """
    kwargs = _get_kwargs(
        organization=organization,
        application_id=application_id,
        token_id=token_id,
    )
    response = _build_response(client=client, response=await _asend(client, kwargs, timeout, max_retries))
    return _result(response, client=client)
