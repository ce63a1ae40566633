# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Errors raised by the API functions. Every error this package raises is a ``PlanetScaleError``."""

import json
from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any, TypeVar

from .types import REDACTED, REQUEST_ID_HEADER, Response, Unset

_Model = TypeVar("_Model")
_SNIPPET_LENGTH = 200
MAX_BODY_BYTES = 1024 * 1024
"""Bodies larger than this are refused unread: a token response is a few kilobytes."""

SENSITIVE_KEYS = frozenset(
    {
        "access_token",
        "client_secret",
        "code",
        "plain_text_refresh_token",
        "refresh_token",
        "token",
    }
)
"""JSON keys whose values are credentials (marked ``x-sensitive`` in the spec)."""


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


class StateMismatchError(PlanetScaleError):
    """The ``state`` on the OAuth callback is missing or not the one sent: the callback did not come from
    the authorization this application started (possibly a cross-site request forgery). Nothing was exchanged."""


class AuthorizationDeniedError(PlanetScaleError):
    """The OAuth callback carries an ``error`` instead of a code (the user declined, or the request was
    refused). ``code`` holds the callback's ``error``, e.g. ``access_denied``."""


class APIConnectionError(PlanetScaleError):
    """No answer came: the connection failed or broke. The httpx exception is the ``__cause__``."""


class APITimeoutError(APIConnectionError):
    """No answer came in time (connect, read, write or pool timeout)."""


class APIStatusError(PlanetScaleError):
    """The server answered with an error status. ``content`` holds the raw response body.

    ``request_id`` is the server's id for the request (the ``X-Request-Id`` header), when it sent one.
    """

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
        self.request_id: str | None = self.headers.get(REQUEST_ID_HEADER)


class RedirectError(APIStatusError):
    """3xx: the server redirected elsewhere. Not followed, so no credential leaves for another host.

    ``location`` is where it pointed (without its query string).
    """

    location: str = ""


class BadRequestError(APIStatusError):
    """400: the server refused the request as malformed."""


class AuthenticationError(APIStatusError):
    """401: the credentials were refused: the service token, or (on the OAuth server, without an RFC 6749
    body) the client ID and secret."""


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

    def __init__(
        self,
        status_code: int,
        content: bytes,
        *,
        headers: Mapping[str, str] | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        message = f"unexpected status {_describe_status(status_code)}: {_snippet(content, _known(secrets))}"
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


class ResponseValidationError(PlanetScaleError):
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

    def _describe(self) -> str:
        located = f"{self.path}: {self.problem}" if self.path else self.problem
        return f"{self.context}: {located}" if self.context else located

    def within(self, segment: str) -> "ResponseValidationError":
        """Prefix the path with the field (or ``[index]``) that holds the wrong value; returns self."""
        if self.path and not self.path.startswith("["):
            self.path = f"{segment}.{self.path}"
        else:
            self.path = segment + self.path
        self.message = self._describe()
        self.args = (self.message,)
        return self

    def for_response(
        self, context: str, *, status_code: int, headers: Mapping[str, str], content: bytes
    ) -> "ResponseValidationError":
        """Attach the response the body came from; returns self."""
        self.context = context
        self.status_code = status_code
        self.headers = headers
        self.content = content
        self.message = self._describe()
        self.args = (self.message,)
        return self


_JSON_TYPES: dict[type, str] = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}
_SHOWN_VALUE_LENGTH = 40


def invalid(path: str, expected: str, value: object, *, show_value: bool = False) -> ResponseValidationError:
    """The error for a JSON value that is not what the spec says. Shows the value only when asked."""
    if isinstance(value, Unset):
        return ResponseValidationError("required field missing", path=path)
    if show_value:
        shown = repr(value if len(str(value)) <= _SHOWN_VALUE_LENGTH else f"{str(value)[:_SHOWN_VALUE_LENGTH]}…")
    else:
        shown = _JSON_TYPES.get(type(value), type(value).__name__)
    return ResponseValidationError(f"expected {expected}, got {shown}", path=path)


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


_OAUTH_ERRORS: dict[str, type[OAuthError]] = {
    "invalid_client": InvalidClientError,
    "invalid_grant": InvalidGrantError,
    "invalid_request": InvalidRequestError,
    "invalid_scope": InvalidScopeError,
    "unauthorized_client": UnauthorizedClientError,
    "unsupported_grant_type": UnsupportedGrantTypeError,
    "unsupported_token_type": UnsupportedTokenTypeError,
}


def error_class_for_status(status_code: int) -> type[APIStatusError]:
    """The error class for an HTTP error status."""
    if status_code in _STATUS_ERRORS:
        return _STATUS_ERRORS[status_code]
    if 500 <= status_code <= 599:
        return ServerError
    if 300 <= status_code <= 399:
        return RedirectError
    return UnexpectedStatus


def from_response(response: Response[Any], secrets: Iterable[str] = (), *, oauth: bool = False) -> APIStatusError:
    """The error for an error response: ``{code, message}`` from its body, or a redacted snippet of it.

    ``secrets`` are values (credentials sent with the request) to blank out wherever the server
    echoes them; values under a sensitive key of a JSON body are blanked out too. ``oauth``: the
    operation's errors are RFC 6749 bodies, so ``{error, error_description}`` picks an ``OAuthError``.
    """
    status_code = int(response.status_code)
    known = _known(secrets)
    cls = error_class_for_status(status_code)
    if cls is UnexpectedStatus:
        return UnexpectedStatus(status_code, response.content, headers=response.headers, secrets=known)
    if cls is RedirectError:
        location = _scrub(response.headers.get("location", "").split("?")[0], known) or "(no Location header)"
        redirect = RedirectError(
            f"{_describe_status(status_code)}: redirect to {location} not followed; credentials are sent only to the "
            "client's base URL",
            status_code=status_code,
            headers=response.headers,
            content=response.content,
        )
        redirect.location = location
        return redirect
    body = _error_body(response.content)
    oauth_code = body.get("error") if oauth else None
    if isinstance(oauth_code, str) and oauth_code:
        return _oauth_error(status_code, oauth_code, body, response, known)
    code, message = _text(body, "code"), _text(body, "message")
    if message is None:
        described = f"malformed error response: {_snippet(response.content, known)}"
    else:
        described = _scrub(message, known)
    code = _scrub(code, known) if code is not None else None
    text = f"{_describe_status(status_code)}: {described}" + (f" ({code})" if code else "")
    return cls(text, status_code=status_code, code=code, headers=response.headers, content=response.content)


def _oauth_error(
    status_code: int, code: str, body: dict[str, Any], response: Response[Any], known: tuple[str, ...]
) -> OAuthError:
    code = _scrub(code, known)
    description = _text(body, "error_description")
    described = _scrub(description, known) if description else code
    error = _OAUTH_ERRORS.get(code, OAuthError)(
        f"{_describe_status(status_code)}: {described} ({code})",
        status_code=status_code,
        code=code,
        headers=response.headers,
        content=response.content,
    )
    error_uri = _text(body, "error_uri")
    error.error_uri = _scrub(error_uri, known) if error_uri else None
    return error


def read_json(status_code: int, headers: Mapping[str, str], content: bytes) -> Any:
    """The JSON value of a success body, or ResponseValidationError saying why there is none."""
    problem: str | None = None
    content_type = headers.get("content-type", "")
    if len(content) > MAX_BODY_BYTES:
        problem = f"body of {len(content)} bytes is over the {MAX_BODY_BYTES}-byte limit"
    elif not content.strip():
        problem = "empty body, expected a JSON object"
    elif content_type and not _is_json(content_type):
        media_type = content_type.split(";")[0].strip()
        problem = f"expected an application/json body, got {media_type} ({len(content)} bytes)"
    else:
        try:
            return json.loads(content)
        except json.JSONDecodeError as exc:
            problem = f"body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        except (ValueError, RecursionError) as exc:
            problem = f"body is not valid JSON: {type(exc).__name__}"
    raise ResponseValidationError(problem, status_code=status_code, headers=headers, content=content)


def scrubbed(model: _Model, secrets: Iterable[str]) -> _Model:
    """An error body's model with ``secrets`` blanked out wherever the server echoed them.

    The raw body stays in ``Response.content``; the model is what gets printed and logged. (Keys are
    not consulted: an error's ``code`` is not an authorization code.)
    """
    to_dict = getattr(model, "to_dict", None)
    known = _known(secrets)
    if to_dict is None or not known:
        return model
    body = to_dict()
    cleaned = _scrub_json(body, known)
    return model if cleaned == body else type(model).from_dict(cleaned)  # type: ignore[attr-defined]


def _scrub_json(body: Any, secrets: tuple[str, ...]) -> Any:
    if isinstance(body, str):
        return _scrub(body, secrets)
    if isinstance(body, dict):
        return {key: _scrub_json(value, secrets) for key, value in body.items()}
    if isinstance(body, list):
        return [_scrub_json(item, secrets) for item in body]
    return body


def sensitive_values(body: Any) -> list[str]:
    """The values under sensitive keys anywhere in a JSON-like value: what must never be shown."""
    found: list[str] = []
    if isinstance(body, dict):
        for key, value in body.items():
            if key in SENSITIVE_KEYS and isinstance(value, str) and value:
                found.append(value)
            else:
                found.extend(sensitive_values(value))
    elif isinstance(body, list):
        for item in body:
            found.extend(sensitive_values(item))
    return found


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def _known(secrets: Iterable[str]) -> tuple[str, ...]:
    # Longest first, so a token is blanked out whole before any shorter value inside it.
    return tuple(sorted({secret for secret in secrets if secret}, key=len, reverse=True))


def _scrub(text: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def _redact_json(body: Any) -> Any:
    if isinstance(body, dict):
        return {key: REDACTED if key in SENSITIVE_KEYS else _redact_json(value) for key, value in body.items()}
    if isinstance(body, list):
        return [_redact_json(item) for item in body]
    return body


def _error_body(content: bytes) -> dict[str, Any]:
    """The JSON object of an error body, or {} when it is none."""
    if len(content) > MAX_BODY_BYTES:
        return {}
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        return {}
    return body if isinstance(body, dict) else {}


def _text(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    return value if isinstance(value, str) else None


def _describe_status(status_code: int) -> str:
    try:
        return f"{status_code} {HTTPStatus(status_code).phrase}"
    except ValueError:
        return str(status_code)


def _snippet(content: bytes, secrets: tuple[str, ...] = ()) -> str:
    """A short, one-line, secret-free excerpt of a body for an error message."""
    if not content.strip():
        return "(empty body)"
    text: str | None = None
    if len(content) <= MAX_BODY_BYTES:
        try:
            text = json.dumps(_redact_json(json.loads(content)), ensure_ascii=False)
        except (ValueError, RecursionError):
            text = None
    if text is None:
        text = content[: _SNIPPET_LENGTH * 4].decode("utf-8", errors="replace")
    text = _scrub(" ".join(text.split()), secrets)
    if len(text) > _SNIPPET_LENGTH:
        text = text[:_SNIPPET_LENGTH] + "…"
    return repr(text)


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
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
    "PlanetScaleError",
    "RateLimitError",
    "RedirectError",
    "ResponseValidationError",
    "ServerError",
    "StateMismatchError",
    "UnauthorizedClientError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "UnsupportedGrantTypeError",
    "UnsupportedTokenTypeError",
    "error_class_for_status",
    "from_response",
    "invalid",
    "read_json",
    "scrubbed",
    "sensitive_values",
]
