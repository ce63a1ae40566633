# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.oauth_token import OAuthToken
from ...models.oauth_token_page import OAuthTokenPage
from ...types import UNSET, Response, Unset

_ROUTE = "/organizations/{organization}/oauth-applications/{application_id}/tokens"
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
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": _ROUTE.format(
            organization=quote(str(organization), safe=""),
            application_id=quote(str(application_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | OAuthTokenPage | None:
    if response.status_code == 200:
        try:
            return OAuthTokenPage.from_dict(errors.read_json(response.status_code, response.headers, response.content))
        except errors.ResponseValidationError as exc:
            raise exc.for_response(
                f"{response.status_code} response is not a valid OAuthTokenPage",
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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | OAuthTokenPage]:
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


def _result(response: Response[Error | OAuthTokenPage], *, client: AuthenticatedClient | Client) -> OAuthTokenPage:
    """The parsed success body, or the typed error for any other status."""
    if response.status_code == 200:
        return cast(OAuthTokenPage, response.parsed)
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
    kwargs = _get_kwargs(
        organization=organization,
        application_id=application_id,
        page=page,
        per_page=per_page,
    )
    response = _send(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response)


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
    kwargs = _get_kwargs(
        organization=organization,
        application_id=application_id,
        page=page,
        per_page=per_page,
    )
    response = _build_response(client=client, response=_send(client, kwargs, timeout, max_retries))
    return _result(response, client=client)


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
    kwargs = _get_kwargs(
        organization=organization,
        application_id=application_id,
        page=page,
        per_page=per_page,
    )
    response = await _asend(client, kwargs, timeout, max_retries)
    return _build_response(client=client, response=response)


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
    kwargs = _get_kwargs(
        organization=organization,
        application_id=application_id,
        page=page,
        per_page=per_page,
    )
    response = _build_response(client=client, response=await _asend(client, kwargs, timeout, max_retries))
    return _result(response, client=client)


def _next_page(current: int, page: OAuthTokenPage) -> int | None:
    """The page after ``current``, or None after the last; refuses a next page that does not advance."""
    following = page.next_page
    if following is None or isinstance(following, Unset):
        return None
    if following <= current:
        raise errors.ResponseValidationError(
            f"page {current} names page {following} as the next one; pagination would not end",
            path="next_page",
        )
    return following


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
    current: int | None = 1 if isinstance(page, Unset) else page
    while current is not None:
        result = sync(
            organization=organization,
            application_id=application_id,
            client=client,
            page=current,
            per_page=per_page,
            timeout=timeout,
            max_retries=max_retries,
        )
        yield from result.data
        current = _next_page(current, result)


async def aiterate(
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
    current: int | None = 1 if isinstance(page, Unset) else page
    while current is not None:
        result = await asyncio(
            organization=organization,
            application_id=application_id,
            client=client,
            page=current,
            per_page=per_page,
            timeout=timeout,
            max_retries=max_retries,
        )
        for item in result.data:
            yield item
        current = _next_page(current, result)
