# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from collections.abc import AsyncIterator, Iterator

import httpx

from ... import errors
from ..._operation import Operation, Pagination, Returns
from ...client import AuthenticatedClient
from ...models.error import Error
from ...models.oauth_token import OAuthToken
from ...models.oauth_token_page import OAuthTokenPage
from ...types import Response, Unset

_OPERATION: Operation[OAuthTokenPage, Error | OAuthTokenPage] = Operation(
    method="GET",
    route="/organizations/{organization}/oauth-applications/{application_id}/tokens",
    authenticated=True,
    retry_rule="idempotent",
    path=("organization", "application_id"),
    query=("page", "per_page"),
    responses=(Returns(200, OAuthTokenPage), Returns((401, 403, 404, 429, 500), Error)),
    pages=Pagination(page="page", next="next_page", items="data", next_field="next_page"),
    sensitive_keys=errors.SENSITIVE_KEYS,
)


def sync_detailed(
    organization: str, application_id: str, *, client: AuthenticatedClient, page: int | Unset = 1,
    per_page: int | Unset = 25, timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> Response[Error | OAuthTokenPage]:  # fmt: skip
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
    return _OPERATION.sync_detailed(locals())


def sync(
    organization: str, application_id: str, *, client: AuthenticatedClient, page: int | Unset = 1,
    per_page: int | Unset = 25, timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> OAuthTokenPage:  # fmt: skip
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
    return _OPERATION.sync(locals())


async def asyncio_detailed(
    organization: str, application_id: str, *, client: AuthenticatedClient, page: int | Unset = 1,
    per_page: int | Unset = 25, timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> Response[Error | OAuthTokenPage]:  # fmt: skip
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
    return await _OPERATION.asyncio_detailed(locals())


async def asyncio(
    organization: str, application_id: str, *, client: AuthenticatedClient, page: int | Unset = 1,
    per_page: int | Unset = 25, timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> OAuthTokenPage:  # fmt: skip
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
    return await _OPERATION.asyncio(locals())


def iterate(
    organization: str, application_id: str, *, client: AuthenticatedClient, page: int | Unset = 1,
    per_page: int | Unset = 25, timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> Iterator[OAuthToken]:  # fmt: skip
    """Every OAuthToken on every page, from ``page`` on: calls ``sync`` once a page.

    Takes the arguments of ``sync``; raises what it raises, when it fetches the page that fails.
    """
    return _OPERATION.iterate(locals())


def aiterate(
    organization: str, application_id: str, *, client: AuthenticatedClient, page: int | Unset = 1,
    per_page: int | Unset = 25, timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> AsyncIterator[OAuthToken]:  # fmt: skip
    """The async twin of ``iterate``: every item on every page, one ``asyncio`` call a page."""
    return _OPERATION.aiterate(locals())
