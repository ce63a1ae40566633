# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""The one client object, ``PlanetScale``, and its async twin: every operation of the API, one attribute a tag.

    from planetscale_oauth import PlanetScale

    api = PlanetScale()  # the credential and base URLs from the environment
    api.oauth_tokens.list_oauth_tokens(...)
    # the same call as planetscale_oauth.api.oauth_tokens.list_oauth_tokens.sync(..., client=api.client)

Each method takes the arguments of its operation module's ``sync`` (``asyncio`` in ``AsyncPlanetScale``) but
``client``, and returns and raises what it does; an operation with pages also has ``iterate_<operation>``,
which walks them all (the module's ``iterate``, ``aiterate`` in ``AsyncPlanetScale``).
"""

from collections.abc import AsyncIterator, Iterator
from typing import Unpack

import httpx

from . import _resources
from ._redaction import hidden
from .api.oauth import request_token as _oauth__request_token
from .api.oauth import revoke_token as _oauth__revoke_token
from .api.oauth_tokens import create_oauth_token as _oauth_tokens__create_oauth_token
from .api.oauth_tokens import delete_oauth_token as _oauth_tokens__delete_oauth_token
from .api.oauth_tokens import get_oauth_token as _oauth_tokens__get_oauth_token
from .api.oauth_tokens import list_oauth_tokens as _oauth_tokens__list_oauth_tokens
from .client import AuthenticatedClient, ClientOptions
from .models.access_token_response import AccessTokenResponse
from .models.authorization_code_grant import AuthorizationCodeGrant
from .models.oauth_token import OAuthToken
from .models.oauth_token_page import OAuthTokenPage
from .models.refresh_token_grant import RefreshTokenGrant
from .models.revoke_token_request import RevokeTokenRequest
from .oauth import ClientAuth, OAuthApp
from .types import Unset


class OauthTokensResource(_resources.Resource[AuthenticatedClient]):
    """OAuth tokens: API endpoints for managing OAuth tokens.

    Each method is an operation of the ``OAuth tokens`` tag, called with the
    ``AuthenticatedClient`` of ``PlanetScale``.
    """

    __slots__ = ()

    def create_oauth_token(
        self, organization: str, application_id: str, *, body: AuthorizationCodeGrant | RefreshTokenGrant,
        timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
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
        # What its module's sync() calls, one frame less: the DeprecationWarning names the caller's line.
        return _oauth_tokens__create_oauth_token._OPERATION.sync(
            dict(
                organization=organization,
                application_id=application_id,
                body=body,
                client=self._client,
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    def list_oauth_tokens(
        self, organization: str, application_id: str, *, page: int | Unset = 1, per_page: int | Unset = 25,
        timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
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
        return _oauth_tokens__list_oauth_tokens.sync(
            organization=organization,
            application_id=application_id,
            page=page,
            per_page=per_page,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )

    def iterate_list_oauth_tokens(
        self, organization: str, application_id: str, *, page: int | Unset = 1, per_page: int | Unset = 25,
        timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
    ) -> Iterator[OAuthToken]:  # fmt: skip
        """Every OAuthToken on every page, from ``page`` on: calls ``list_oauth_tokens`` once a page.

        Takes the arguments of ``list_oauth_tokens``; raises what it raises, when it fetches the page that fails.
        """
        return _oauth_tokens__list_oauth_tokens.iterate(
            organization=organization,
            application_id=application_id,
            page=page,
            per_page=per_page,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_oauth_token(
        self, organization: str, application_id: str, token_id: str, *, timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> OAuthToken:  # fmt: skip
        """Get an OAuth token

        Get one OAuth token issued on behalf of an OAuth application. Its plaintext `token` and
        `plain_text_refresh_token` are null: they are only sent right after creation.

        ### Authorization
        A service token must have the following access in order to use this API endpoint:

        **Service Token Accesses**
        `read_oauth_tokens`

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
            OAuthToken
        """
        return _oauth_tokens__get_oauth_token.sync(
            organization=organization,
            application_id=application_id,
            token_id=token_id,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_oauth_token(
        self, organization: str, application_id: str, token_id: str, *, timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
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
        return _oauth_tokens__delete_oauth_token.sync(
            organization=organization,
            application_id=application_id,
            token_id=token_id,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncOauthTokensResource(_resources.Resource[AuthenticatedClient]):
    """OAuth tokens: API endpoints for managing OAuth tokens.

    The async twin of ``OauthTokensResource``: each method is an operation of the ``OAuth tokens`` tag, called with the
    ``AuthenticatedClient`` of ``AsyncPlanetScale``.
    """

    __slots__ = ()

    async def create_oauth_token(
        self, organization: str, application_id: str, *, body: AuthorizationCodeGrant | RefreshTokenGrant,
        timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
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
        # What its module's asyncio() calls, one frame less: the DeprecationWarning names the caller's line.
        return await _oauth_tokens__create_oauth_token._OPERATION.asyncio(
            dict(
                organization=organization,
                application_id=application_id,
                body=body,
                client=self._client,
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    async def list_oauth_tokens(
        self, organization: str, application_id: str, *, page: int | Unset = 1, per_page: int | Unset = 25,
        timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
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
        return await _oauth_tokens__list_oauth_tokens.asyncio(
            organization=organization,
            application_id=application_id,
            page=page,
            per_page=per_page,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )

    def iterate_list_oauth_tokens(
        self, organization: str, application_id: str, *, page: int | Unset = 1, per_page: int | Unset = 25,
        timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
    ) -> AsyncIterator[OAuthToken]:  # fmt: skip
        """Every OAuthToken on every page, from ``page`` on: awaits ``list_oauth_tokens`` once a page (use ``async for``).

        Takes the arguments of ``list_oauth_tokens``; raises what it raises, when it fetches the page that fails.
        """
        return _oauth_tokens__list_oauth_tokens.aiterate(
            organization=organization,
            application_id=application_id,
            page=page,
            per_page=per_page,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_oauth_token(
        self, organization: str, application_id: str, token_id: str, *, timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> OAuthToken:  # fmt: skip
        """Get an OAuth token

        Get one OAuth token issued on behalf of an OAuth application. Its plaintext `token` and
        `plain_text_refresh_token` are null: they are only sent right after creation.

        ### Authorization
        A service token must have the following access in order to use this API endpoint:

        **Service Token Accesses**
        `read_oauth_tokens`

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
            OAuthToken
        """
        return await _oauth_tokens__get_oauth_token.asyncio(
            organization=organization,
            application_id=application_id,
            token_id=token_id,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_oauth_token(
        self, organization: str, application_id: str, token_id: str, *, timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
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
        return await _oauth_tokens__delete_oauth_token.asyncio(
            organization=organization,
            application_id=application_id,
            token_id=token_id,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )


class OauthResource(_resources.Resource[AuthenticatedClient]):
    """OAuth 2.0: PlanetScale's standard OAuth 2.0 endpoints on https://auth.planetscale.com: token (both grants) and
    revocation. No service token: the OAuth application authenticates with its client ID and secret in the form.

    Each method is an operation of the ``OAuth 2.0`` tag, called with the
    ``AuthenticatedClient`` of ``PlanetScale``.
    """

    __slots__ = ()

    def request_token(
        self, *, body: AuthorizationCodeGrant | RefreshTokenGrant, timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> AccessTokenResponse:  # fmt: skip
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
        return _oauth__request_token.sync(
            body=body,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )

    def revoke_token(
        self, *, body: RevokeTokenRequest, timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
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
        return _oauth__revoke_token.sync(
            body=body,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncOauthResource(_resources.Resource[AuthenticatedClient]):
    """OAuth 2.0: PlanetScale's standard OAuth 2.0 endpoints on https://auth.planetscale.com: token (both grants) and
    revocation. No service token: the OAuth application authenticates with its client ID and secret in the form.

    The async twin of ``OauthResource``: each method is an operation of the ``OAuth 2.0`` tag, called with the
    ``AuthenticatedClient`` of ``AsyncPlanetScale``.
    """

    __slots__ = ()

    async def request_token(
        self, *, body: AuthorizationCodeGrant | RefreshTokenGrant, timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> AccessTokenResponse:  # fmt: skip
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
        return await _oauth__request_token.asyncio(
            body=body,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def revoke_token(
        self, *, body: RevokeTokenRequest, timeout: httpx.Timeout | float | None = None, max_retries: int | None = None,
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
        return await _oauth__revoke_token.asyncio(
            body=body,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
        )


class PlanetScale(_resources.SyncAPI[AuthenticatedClient]):
    """PlanetScale OAuth tokens: every operation of the API, one attribute a tag.

        with PlanetScale() as api:
            api.oauth_tokens.list_oauth_tokens(...)

    The credential is passed as ``token_id`` and ``token`` or, with none of them, read from the environment
    variables ``AuthenticatedClient.from_env()`` reads (``PLANETSCALE_SERVICE_TOKEN_ID`` and
    ``PLANETSCALE_SERVICE_TOKEN``): all from one place or the other, else ``errors.CredentialsError`` names what is
    missing. Each base URL is its argument, else its environment variable (``PLANETSCALE_BASE_URL``,
    ``PLANETSCALE_OAUTH_BASE_URL``), else the spec's. Other keyword arguments are those of ``AuthenticatedClient``
    (``timeout``, ``retry``, ``httpx_args``, ...). Or ``client=`` takes the ``AuthenticatedClient`` to wrap, built
    beforehand (such as ``AuthenticatedClient.from_access_token(...)``).

    ``with`` and ``close()`` close the client's connection pool.
    """

    oauth_tokens: OauthTokensResource
    """OAuth tokens: API endpoints for managing OAuth tokens."""
    oauth: OauthResource
    """OAuth 2.0: PlanetScale's standard OAuth 2.0 endpoints on https://auth.planetscale.com: token (both grants) and
    revocation. No service token: the OAuth application authenticates with its client ID and secret in the form."""

    def __init__(
        self,
        *,
        token_id: str | None = None,
        token: str | None = None,
        base_url: str | None = None,
        oauth_base_url: str | None = None,
        client: AuthenticatedClient | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        client_auth: ClientAuth = "client_secret_post",
        **kwargs: Unpack[ClientOptions],
    ) -> None:
        # Held as Secrets from here on: what a traceback's locals show of them is redacted.
        token_id, token = hidden(token_id), hidden(token)
        parts = {"token_id": token_id, "token": token}
        base_urls = {"base_url": base_url, "oauth_base_url": oauth_base_url}
        # Without a service token when an OAuth application is configured: the OAuth operations need none.
        client_secret = hidden(client_secret)
        optional = _resources.app_configured(OAuthApp, client_id, client_secret)
        self._client = _resources.authenticated_client(
            AuthenticatedClient, client, parts, base_urls, dict(kwargs), optional=optional
        )
        self.oauth_tokens = OauthTokensResource(self._client)
        self.oauth = OauthResource(self._client)
        self._oauth_app = _resources.oauth_app(OAuthApp, self._client, client_id, client_secret, client_auth)

    @property
    def oauth_app(self) -> OAuthApp:
        """Your OAuth application, its client ID and secret given here (``client_id=``, ``client_secret=``) or read
        from ``CLIENT_ID_ENV`` and ``CLIENT_SECRET_ENV``: the authorize URL, the code exchange and token sessions
        without repeating them (see ``oauth.OAuthApp``)."""
        return _resources.required_app(self._oauth_app, OAuthApp._ENVS)


class AsyncPlanetScale(_resources.AsyncAPI[AuthenticatedClient]):
    """PlanetScale OAuth tokens, async: every operation of the API, one attribute a tag.

        async with AsyncPlanetScale() as api:
            await api.oauth_tokens.list_oauth_tokens(...)

    The credential is passed as ``token_id`` and ``token`` or, with none of them, read from the environment
    variables ``AuthenticatedClient.from_env()`` reads (``PLANETSCALE_SERVICE_TOKEN_ID`` and
    ``PLANETSCALE_SERVICE_TOKEN``): all from one place or the other, else ``errors.CredentialsError`` names what is
    missing. Each base URL is its argument, else its environment variable (``PLANETSCALE_BASE_URL``,
    ``PLANETSCALE_OAUTH_BASE_URL``), else the spec's. Other keyword arguments are those of ``AuthenticatedClient``
    (``timeout``, ``retry``, ``httpx_args``, ...). Or ``client=`` takes the ``AuthenticatedClient`` to wrap, built
    beforehand (such as ``AuthenticatedClient.from_access_token(...)``).

    ``async with`` and ``aclose()`` close the client's connection pool (the running event loop's).
    """

    oauth_tokens: AsyncOauthTokensResource
    """OAuth tokens: API endpoints for managing OAuth tokens."""
    oauth: AsyncOauthResource
    """OAuth 2.0: PlanetScale's standard OAuth 2.0 endpoints on https://auth.planetscale.com: token (both grants) and
    revocation. No service token: the OAuth application authenticates with its client ID and secret in the form."""

    def __init__(
        self,
        *,
        token_id: str | None = None,
        token: str | None = None,
        base_url: str | None = None,
        oauth_base_url: str | None = None,
        client: AuthenticatedClient | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        client_auth: ClientAuth = "client_secret_post",
        **kwargs: Unpack[ClientOptions],
    ) -> None:
        # Held as Secrets from here on: what a traceback's locals show of them is redacted.
        token_id, token = hidden(token_id), hidden(token)
        parts = {"token_id": token_id, "token": token}
        base_urls = {"base_url": base_url, "oauth_base_url": oauth_base_url}
        # Without a service token when an OAuth application is configured: the OAuth operations need none.
        client_secret = hidden(client_secret)
        optional = _resources.app_configured(OAuthApp, client_id, client_secret)
        self._client = _resources.authenticated_client(
            AuthenticatedClient, client, parts, base_urls, dict(kwargs), optional=optional
        )
        self.oauth_tokens = AsyncOauthTokensResource(self._client)
        self.oauth = AsyncOauthResource(self._client)
        self._oauth_app = _resources.oauth_app(OAuthApp, self._client, client_id, client_secret, client_auth)

    @property
    def oauth_app(self) -> OAuthApp:
        """Your OAuth application, its client ID and secret given here (``client_id=``, ``client_secret=``) or read
        from ``CLIENT_ID_ENV`` and ``CLIENT_SECRET_ENV``: the authorize URL, the code exchange and token sessions
        without repeating them (see ``oauth.OAuthApp``)."""
        return _resources.required_app(self._oauth_app, OAuthApp._ENVS)


__all__ = [
    "AsyncOauthResource",
    "AsyncOauthTokensResource",
    "AsyncPlanetScale",
    "OauthResource",
    "OauthTokensResource",
    "PlanetScale",
]
