# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ... import errors
from ..._operation import Operation, Pagination, Returns
from ...client import AuthenticatedClient
from ...models.error import Error
from ...models.oauth_token import OAuthToken
from ...models.oauth_token_page import OAuthTokenPage
from ...types import UNSET, Response, Unset

_OPERATION: Operation[OAuthTokenPage, Error | OAuthTokenPage] = Operation(
    method="GET",
    route="/organizations/{organization}/oauth-applications/{application_id}/tokens",
    server="api",
    authenticated=True,
    retry_rule="idempotent",
    responses=(
        Returns(200, OAuthTokenPage),
        Returns(401, Error),
        Returns(403, Error),
        Returns(404, Error),
        Returns(429, Error),
        Returns(500, Error),
    ),
    sensitive_keys=errors.SENSITIVE_KEYS,
)


def _request(
    organization: str,
    application_id: str,
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "path": {
            "organization": organization,
            "application_id": application_id,
        },
        "params": params,
    }
    return _kwargs


def sync_detailed(
    organization: str,
    application_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[Error | OAuthTokenPage]:
    """List OAuth tokens

    List the OAuth tokens issued on behalf of an OAuth application, one page at a time. `iterate()` /
    `aiterate()` walk every page.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `read_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        page (int | Unset): The page of results to return, from 1 Default: 1.
        per_page (int | Unset): How many results a page holds Default: 25.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.UnexpectedStatus: An undocumented status, when ``client.raise_on_unexpected_status`` is set.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        Response[Error | OAuthTokenPage]: status, headers, raw content and the parsed body.
    """
    return _OPERATION.sync_detailed(
        client,
        _request(
            organization=organization,
            application_id=application_id,
            page=page,
            per_page=per_page,
        ),
        timeout=timeout,
        max_retries=max_retries,
    )


def sync(
    organization: str,
    application_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> OAuthTokenPage:
    """List OAuth tokens

    List the OAuth tokens issued on behalf of an OAuth application, one page at a time. `iterate()` /
    `aiterate()` walk every page.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `read_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        page (int | Unset): The page of results to return, from 1 Default: 1.
        per_page (int | Unset): How many results a page holds Default: 25.
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
        OAuthTokenPage
    """
    return _OPERATION.sync(
        client,
        _request(
            organization=organization,
            application_id=application_id,
            page=page,
            per_page=per_page,
        ),
        timeout=timeout,
        max_retries=max_retries,
    )


async def asyncio_detailed(
    organization: str,
    application_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Response[Error | OAuthTokenPage]:
    """List OAuth tokens

    List the OAuth tokens issued on behalf of an OAuth application, one page at a time. `iterate()` /
    `aiterate()` walk every page.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `read_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        page (int | Unset): The page of results to return, from 1 Default: 1.
        per_page (int | Unset): How many results a page holds Default: 25.
        timeout: Overrides the client's timeout for this call.
        max_retries: Overrides the client's retry count for this call (0: no retry).

    Raises:
        errors.ResponseValidationError: The body of a success status is not the documented model.
        errors.UnexpectedStatus: An undocumented status, when ``client.raise_on_unexpected_status`` is set.
        errors.APITimeoutError: No answer within the timeout (after the retries the operation allows).
        errors.APIConnectionError: The connection failed or broke (after the retries the operation allows).

    Returns:
        Response[Error | OAuthTokenPage]: status, headers, raw content and the parsed body.
    """
    return await _OPERATION.asyncio_detailed(
        client,
        _request(
            organization=organization,
            application_id=application_id,
            page=page,
            per_page=per_page,
        ),
        timeout=timeout,
        max_retries=max_retries,
    )


async def asyncio(
    organization: str,
    application_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> OAuthTokenPage:
    """List OAuth tokens

    List the OAuth tokens issued on behalf of an OAuth application, one page at a time. `iterate()` /
    `aiterate()` walk every page.

    ### Authorization
    A service token must have the following access in order to use this API endpoint:

    **Service Token Accesses**
    `read_oauth_tokens`

    Args:
        organization (str): The name of the organization the OAuth application belongs to
        application_id (str): The ID of the OAuth application
        page (int | Unset): The page of results to return, from 1 Default: 1.
        per_page (int | Unset): How many results a page holds Default: 25.
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
        OAuthTokenPage
    """
    return await _OPERATION.asyncio(
        client,
        _request(
            organization=organization,
            application_id=application_id,
            page=page,
            per_page=per_page,
        ),
        timeout=timeout,
        max_retries=max_retries,
    )


_PAGES = Pagination(next="next_page", items="data", next_field="next_page")


def iterate(
    organization: str,
    application_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Iterator[OAuthToken]:
    """Every OAuthToken on every page, from ``page`` on: calls ``sync`` once a page.

    Takes the arguments of ``sync``; raises what it raises, when it fetches the page that fails.
    """
    return _PAGES.iterate(
        lambda current: sync(
            organization=organization,
            application_id=application_id,
            client=client,
            page=current,
            per_page=per_page,
            timeout=timeout,
            max_retries=max_retries,
        ),
        page,
    )


def aiterate(
    organization: str,
    application_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> AsyncIterator[OAuthToken]:
    """The async twin of ``iterate``: every item on every page, one ``asyncio`` call a page."""
    return _PAGES.aiterate(
        lambda current: asyncio(
            organization=organization,
            application_id=application_id,
            client=client,
            page=current,
            per_page=per_page,
            timeout=timeout,
            max_retries=max_retries,
        ),
        page,
    )
