# Copied from templates/runtime/_exceptions.py by `make generate` (the runtime: plain Python, the same for every spec).
# Do not edit: change templates/runtime/_exceptions.py, then run `make generate`.
"""The error hierarchy: every error this package raises is an ``APIError`` (the generated ``errors`` module
may give it the name generator-config.yaml's ``sdk.error_name`` says, such as ``PlanetScaleError``).

Classes only, and the tables that pick a class for an HTTP status or an OAuth ``error`` code; turning a
response into one of them is ``_operation.error_from_response``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any, Self

from ._bodies import describe_status, snippet
from ._redaction import known, redact_keys_in_text
from .types import REQUEST_ID_HEADER


class APIError(Exception):
    """Base class of every error raised by this package.

    Attributes:
        message: What went wrong, in words (``str(error)`` puts the method and URL in front of it).
        status_code: The HTTP status of the response, or ``None`` when there was no response.
        code: The server's machine-readable error code (``not_found``, ``invalid_grant``, …), when it sent one.
        description: The server's own words alone (its ``message``, or an OAuth ``error_description``), when it
            sent some; credentials of the request it echoed are blanked out.
        method: The HTTP method of the request, or ``None`` when the error came before one.
        url: Where the request went: scheme, host and path, without the query (which can carry a credential).
        request_id: The server's id for the request (the ``X-Request-Id`` header), when it sent one.
        headers: The response headers (empty when there was no response).
    """

    method: str | None = None
    url: str | None = None

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
        description: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code
        self.description = description
        self.headers: Mapping[str, str] = headers if headers is not None else {}

    @property
    def request_id(self) -> str | None:
        """The server's id for the request (``X-Request-Id``), when it sent one: quote it to the API's support."""
        return self.headers.get(REQUEST_ID_HEADER)

    def located(self, method: str, url: str) -> Self:
        """Record the request this error came from (``url`` without its query); returns self."""
        self.method, self.url = method, url
        return self

    def __str__(self) -> str:
        return f"{self.method} {self.url}: {self.message}" if self.url else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code!r}, code={self.code!r}, message={self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses take other constructor arguments than their args: rebuilt without __init__, so that errors
        # copy, and pickle across processes (a ProcessPoolExecutor, multiprocessing), whatever their class.
        # httpx's Headers do not pickle: they travel as a dict. The message was scrubbed when the error was made.
        state = {**self.__dict__, "headers": dict(self.headers)}
        return (_restore, (type(self), self.args), state)


def _restore(cls: type[APIError], args: tuple[Any, ...]) -> APIError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    return error


class CredentialsError(APIError, ValueError):
    """A credential is missing or blank; raised when a client is built, before any request."""


class StoreError(APIError):
    """A token store failed: its database could not be reached, or refused a read, a write or a lock. No request
    was lost: tokens a refresh brought stay in the session and are written again on the next call."""


class ArgumentError(APIError, ValueError):
    """An argument no request can carry as the spec says (an empty or non-text path value); raised before any
    request is sent. The message names the argument, never its value."""


class StateMismatchError(APIError):
    """The ``state`` on the OAuth callback is missing or not the one sent: the callback did not come from
    the authorization this application started (possibly a cross-site request forgery). Nothing was exchanged."""


class AuthorizationDeniedError(APIError):
    """The OAuth callback carries an ``error`` instead of a code (the user declined, or the request was
    refused). ``code`` holds the callback's ``error``, e.g. ``access_denied``."""


class APIConnectionError(APIError):
    """No answer came: the connection failed or broke. The httpx exception is the ``__cause__``."""


class APITimeoutError(APIConnectionError):
    """No answer came in time (connect, read, write or pool timeout)."""


class APIStatusError(APIError):
    """The server answered with an error status. ``content`` holds the raw response body (with the request's own
    credentials blanked out where the server echoed them)."""

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes = b"",
    ) -> None:
        super().__init__(message, status_code=status_code, code=code, headers=headers)
        self.content = content


class RedirectError(APIStatusError):
    """3xx: the server redirected elsewhere, or too often. Not followed, so no credential leaves for another host.

    ``location`` is where it pointed (without its query string).
    """

    location: str = ""


class BadRequestError(APIStatusError):
    """400: the server refused the request as malformed."""


class AuthenticationError(APIStatusError):
    """401: the credentials were refused: the client's credential (a service token, an API key), or on an OAuth
    server answering without an RFC 6749 body, the client ID and secret."""


class ForbiddenError(APIStatusError):
    """403: the credential is valid but lacks the access this operation needs."""


class NotFoundError(APIStatusError):
    """404: what the path names does not exist, or the credential cannot see it."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was understood but refused, e.g. an invalid or already used grant."""


class RateLimitError(APIStatusError):
    """429: too many requests; the ``Retry-After`` header says when to try again."""


class ServerError(APIStatusError):
    """5xx: the server, or a proxy in front of it, failed."""


class UnexpectedStatus(APIStatusError):
    """The server answered with a status the API does not document."""

    def __init__(
        self,
        status_code: int,
        content: bytes,
        *,
        headers: Mapping[str, str] | None = None,
        secrets: Iterable[str] = (),
        sensitive_keys: Collection[str] = (),
    ) -> None:
        excerpt = snippet(content, known(secrets), sensitive_keys)
        message = f"unexpected status {describe_status(status_code)}: {excerpt}"
        super().__init__(message, status_code=status_code, headers=headers, content=content)


class OAuthError(APIStatusError):
    """The OAuth server refused a token or revocation request (RFC 6749 §5.2).

    ``code`` is the body's ``error`` (``invalid_grant``, …); ``error_uri`` its link, if any. Known codes
    raise a subclass; an unknown one raises ``OAuthError`` itself.
    """

    error_uri: str | None = None


class InvalidClientError(OAuthError):
    """``invalid_client``: the client ID or secret is wrong."""


class InvalidGrantError(OAuthError):
    """``invalid_grant``: the authorization code or refresh token is invalid, expired, revoked or
    already used (codes are single-use; a refresh may have rotated the refresh token)."""


class InvalidRequestError(OAuthError):
    """``invalid_request``."""


class InvalidScopeError(OAuthError):
    """``invalid_scope``."""


class UnauthorizedClientError(OAuthError):
    """``unauthorized_client``."""


class UnsupportedGrantTypeError(OAuthError):
    """``unsupported_grant_type``."""


class UnsupportedTokenTypeError(OAuthError):
    """``unsupported_token_type``."""


class ResponseValidationError(APIError):
    """A response body is not what the API documents for its status.

    ``path`` is the JSON path of the wrong value (``service_token_accesses[0].resource.created_at``),
    empty when the body as a whole is wrong; ``problem`` says what was wrong there. ``content`` keeps
    the raw body, so nothing the server sent is lost.
    """

    def __init__(
        self,
        problem: str,
        *,
        path: str = "",
        status_code: int | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes = b"",
    ) -> None:
        self.problem = problem
        self.path = path
        self.context = ""
        super().__init__(self._describe(), status_code=status_code, headers=headers)
        self.content = content
        self.sensitive_keys: frozenset[str] = frozenset()

    def __reduce__(self) -> tuple[Any, ...]:
        # ``content`` may be a success body that failed its check: the tokens it carries stay on this error (nothing
        # the server sent is lost), but a copy or a pickle, which travels to logs and other processes, has the values
        # under the spec's sensitive keys redacted.
        restore, args, state = super().__reduce__()
        if self.sensitive_keys and self.content:
            state["content"] = redact_keys_in_text(self.content, self.sensitive_keys)
        return restore, args, state

    def _describe(self) -> str:
        located = f"{self.path}: {self.problem}" if self.path else self.problem
        return f"{self.context}: {located}" if self.context else located

    def within(self, segment: str) -> ResponseValidationError:
        """Prefix the path with the field (or ``[index]``) that holds the wrong value; returns self. An empty
        segment (the top of a body) adds nothing."""
        if not segment:
            return self
        if self.path and not self.path.startswith("["):
            self.path = f"{segment}.{self.path}"
        else:
            self.path = segment + self.path
        self.message = self._describe()
        self.args = (self.message,)
        return self

    def for_response(
        self,
        context: str,
        *,
        status_code: int,
        headers: Mapping[str, str],
        content: bytes,
        sensitive_keys: Collection[str] = (),
    ) -> ResponseValidationError:
        """Attach the response the body came from (and the keys whose values are secret in it); returns self."""
        self.context = context
        self.status_code = status_code
        self.headers = headers
        self.content = content
        self.sensitive_keys = frozenset(sensitive_keys)
        self.message = self._describe()
        self.args = (self.message,)
        return self


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
"""The error class for each HTTP status with one of its own."""

OAUTH_ERRORS: dict[str, type[OAuthError]] = {
    "invalid_client": InvalidClientError,
    "invalid_grant": InvalidGrantError,
    "invalid_request": InvalidRequestError,
    "invalid_scope": InvalidScopeError,
    "unauthorized_client": UnauthorizedClientError,
    "unsupported_grant_type": UnsupportedGrantTypeError,
    "unsupported_token_type": UnsupportedTokenTypeError,
}
"""The error class for each RFC 6749 §5.2 / RFC 7009 §2.2.1 ``error`` code in an OAuth error body."""


def error_class_for_status(status_code: int) -> type[APIStatusError]:
    """The error class for an HTTP error status."""
    if status_code in STATUS_ERRORS:
        return STATUS_ERRORS[status_code]
    if 500 <= status_code <= 599:
        return ServerError
    if 300 <= status_code <= 399:
        return RedirectError
    return UnexpectedStatus


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "ArgumentError",
    "AuthenticationError",
    "AuthorizationDeniedError",
    "BadRequestError",
    "CredentialsError",
    "ForbiddenError",
    "InvalidClientError",
    "InvalidGrantError",
    "InvalidRequestError",
    "InvalidScopeError",
    "NotFoundError",
    "OAuthError",
    "RateLimitError",
    "RedirectError",
    "ResponseValidationError",
    "ServerError",
    "StateMismatchError",
    "StoreError",
    "UnauthorizedClientError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "UnsupportedGrantTypeError",
    "UnsupportedTokenTypeError",
    "error_class_for_status",
]
