# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Errors raised by the API functions. Every error this package raises is a ``PlanetScaleError``."""

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from .types import Response

_SNIPPET_LENGTH = 200


class PlanetScaleError(Exception):
    """Base class of every error raised by this package.

    Attributes:
        message: What went wrong, in words.
        status_code: The HTTP status of the response, or ``None`` when there was no response.
        code: PlanetScale's machine-readable error code (``not_found``, ``unauthorized``, …), when the
            server sent one.
        headers: The response headers (empty when there was no response).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code
        self.headers: Mapping[str, str] = headers if headers is not None else {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code!r}, code={self.code!r}, message={self.message!r})"


class CredentialsError(PlanetScaleError, ValueError):
    """A credential is missing or blank; raised when a client is built, before any request."""


class APIStatusError(PlanetScaleError):
    """The server answered with an error status. ``content`` holds the raw response body."""

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


class AuthenticationError(APIStatusError):
    """401: the service token is missing, malformed or not valid."""


class ForbiddenError(APIStatusError):
    """403: the service token lacks the access this operation needs."""


class NotFoundError(APIStatusError):
    """404: the organization or OAuth application does not exist, or the token cannot see it."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was understood but refused, e.g. an invalid or already used grant."""


class RateLimitError(APIStatusError):
    """429: too many requests; the ``Retry-After`` header says when to try again."""


class ServerError(APIStatusError):
    """5xx: the server, or a proxy in front of it, failed."""


class UnexpectedStatus(APIStatusError):
    """The server answered with a status the API does not document."""

    def __init__(self, status_code: int, content: bytes, *, headers: Mapping[str, str] | None = None) -> None:
        message = f"unexpected status {_describe_status(status_code)}: {_snippet(content)}"
        super().__init__(message, status_code=status_code, headers=headers, content=content)


class ResponseValidationError(PlanetScaleError):
    """A response body could not be read as the model the API documents for its status."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes = b"",
    ) -> None:
        super().__init__(message, status_code=status_code, headers=headers)
        self.content = content


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[APIStatusError]:
    """The error class for an HTTP error status."""
    if status_code in _STATUS_ERRORS:
        return _STATUS_ERRORS[status_code]
    if 500 <= status_code <= 599:
        return ServerError
    return UnexpectedStatus


def from_response(response: Response[Any]) -> APIStatusError:
    """Build the error for an error response, reading ``{code, message}`` from its body when present."""
    status_code = int(response.status_code)
    cls = error_class_for_status(status_code)
    if cls is UnexpectedStatus:
        return UnexpectedStatus(status_code, response.content, headers=response.headers)
    code, message = _code_and_message(response.content)
    described = message if message is not None else f"malformed error response: {_snippet(response.content)}"
    text = f"{_describe_status(status_code)}: {described}" + (f" ({code})" if code else "")
    return cls(text, status_code=status_code, code=code, headers=response.headers, content=response.content)


def _code_and_message(content: bytes) -> tuple[str | None, str | None]:
    try:
        body = json.loads(content)
    except ValueError:
        return None, None
    if not isinstance(body, dict):
        return None, None
    code = body.get("code")
    message = body.get("message")
    return (
        code if isinstance(code, str) else None,
        message if isinstance(message, str) else None,
    )


def _describe_status(status_code: int) -> str:
    try:
        return f"{status_code} {HTTPStatus(status_code).phrase}"
    except ValueError:
        return str(status_code)


def _snippet(content: bytes) -> str:
    if not content:
        return "(empty body)"
    text = content[:_SNIPPET_LENGTH].decode("utf-8", errors="replace")
    text = " ".join(text.split())
    return repr(text + ("…" if len(content) > _SNIPPET_LENGTH else ""))


__all__ = [
    "APIStatusError",
    "AuthenticationError",
    "CredentialsError",
    "ForbiddenError",
    "NotFoundError",
    "PlanetScaleError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "error_class_for_status",
    "from_response",
]
