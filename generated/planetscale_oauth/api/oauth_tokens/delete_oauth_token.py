# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
import httpx

from ... import errors
from ..._operation import Operation, Returns
from ...client import AuthenticatedClient
from ...models.error import Error
from ...types import Response

_OPERATION: Operation[None, Error] = Operation(
    method="DELETE",
    route="/organizations/{organization}/oauth-applications/{application_id}/tokens/{token_id}",
    authenticated=True,
    retry_rule="idempotent",
    path=("organization", "application_id", "token_id"),
    responses=(Returns(204), Returns((401, 403, 404, 429, 500), Error)),
    sensitive_keys=errors.SENSITIVE_KEYS,
)


def sync_detailed(
    organization: str, application_id: str, token_id: str, *, client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> Response[Error]:  # fmt: skip
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
    return _OPERATION.sync_detailed(locals())


def sync(
    organization: str, application_id: str, token_id: str, *, client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> None:  # fmt: skip
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
    return _OPERATION.sync(locals())


async def asyncio_detailed(
    organization: str, application_id: str, token_id: str, *, client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> Response[Error]:  # fmt: skip
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
    return await _OPERATION.asyncio_detailed(locals())


async def asyncio(
    organization: str, application_id: str, token_id: str, *, client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
) -> None:  # fmt: skip
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
    return await _OPERATION.asyncio(locals())
