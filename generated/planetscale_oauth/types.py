# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Shared types used by the models and the API functions."""

import datetime
from collections.abc import MutableMapping
from http import HTTPStatus
from typing import Generic, Literal, TypeVar

from attrs import define, field


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

REDACTED = "<redacted>"

REQUEST_ID_HEADER = "x-request-id"
"""The response header with the server's id for a request, kept on errors and responses."""


def redact(value: object) -> str:
    """The repr of a sensitive value: whether it is there, never what it is."""
    if value is None or isinstance(value, Unset):
        return repr(value)
    return repr(REDACTED)


class Timestamp(datetime.datetime):
    """A ``datetime`` that remembers the text it was parsed from.

    Models parse every ``date-time`` field into a ``Timestamp``, so ``to_dict()``
    gives back exactly what the server sent. Arithmetic and ``replace()`` return
    values without that memory, which ``format_datetime`` then formats afresh.
    """

    __slots__ = ("_text",)

    _text: str


def parse_datetime(text: str) -> datetime.datetime:
    """Parse an RFC 3339 ``date-time`` string, remembering its original text.

    PlanetScale sends UTC; a timestamp without an offset is read as UTC rather than refused.
    """
    value = Timestamp.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    value._text = text
    return value


def format_datetime(value: datetime.datetime) -> str:
    """Format a ``datetime`` for the wire: the server's own text when it came from the server."""
    text: str | None = getattr(value, "_text", None)
    if text is not None:
        return text
    if value.utcoffset() == datetime.timedelta(0):
        return value.replace(tzinfo=None).isoformat() + "Z"
    return value.isoformat()


T = TypeVar("T")


@define(repr=False)
class Response(Generic[T]):
    """A response from an endpoint: status, headers, raw body and the parsed model.

    ``parsed`` is the documented model for the status, or ``None`` when the status is
    undocumented or its body could not be read as that model. ``repr()`` shows the size of
    the raw body, never its content or headers, and blanks out the request's credentials
    wherever an error body echoed them.
    """

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None
    _secrets: tuple[str, ...] = field(default=(), kw_only=True, alias="secrets", eq=False)

    @property
    def request_id(self) -> str | None:
        """The server's id for the request (``X-Request-Id``), when it sent one."""
        return self.headers.get(REQUEST_ID_HEADER)

    def __repr__(self) -> str:
        text = (
            f"Response(status_code={self.status_code!r}, content=<{len(self.content)} bytes>, parsed={self.parsed!r})"
        )
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text


__all__ = [
    "REDACTED",
    "REQUEST_ID_HEADER",
    "UNSET",
    "Response",
    "Timestamp",
    "Unset",
    "format_datetime",
    "parse_datetime",
    "redact",
]
