"""Shared types used by the models and the API functions."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define, field

from ._redaction import REDACTED, redact


class Unset:
    """The type of ``UNSET``: an optional field or argument not given (unlike ``None``, which is sent as null)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

REQUEST_ID_HEADER = "x-request-id"
"""The response header with the server's id for a request, kept on errors and responses."""


def parse_datetime(text: str) -> datetime.datetime:
    """Parse an RFC 3339 ``date-time`` string.

    A timestamp without an offset (which RFC 3339 does not allow, but servers send) is read as UTC rather
    than refused.
    """
    value = datetime.datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


def format_datetime(value: datetime.datetime, parsed: tuple[datetime.datetime, str] | None = None) -> str:
    """Format a ``datetime`` for the wire.

    ``parsed`` is what a model remembered from the server: (the value it parsed, the text it came
    from). While the field still holds that very value, its original text goes back unchanged.
    """
    if parsed is not None and parsed[0] is value:
        return parsed[1]
    if value.utcoffset() == datetime.timedelta(0):
        return value.replace(tzinfo=None).isoformat() + "Z"
    return value.isoformat()


# What ``httpx`` takes as ``files=`` (multipart bodies), as the stock generator declares it.
FileContent = IO[bytes] | bytes | str
FileTypes = tuple[str | None, FileContent, str | None] | tuple[str | None, FileContent, str | None, Mapping[str, str]]
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to upload (multipart or binary bodies) or one the API returned: its bytes, name and media type."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """The tuple ``httpx`` takes for a multipart/form-data part. Without a media type, httpx guesses one from
        the file name; without either, the part is ``application/octet-stream`` (OpenAPI's default for binary)."""
        media_type = self.mime_type or (None if self.file_name else "application/octet-stream")
        return self.file_name, self.payload, media_type


T = TypeVar("T")


def _size(content: bytes) -> str:
    return f"<{len(content)} bytes>"


@define
class Response(Generic[T]):
    """A response from an endpoint: status, headers, raw body and the parsed model.

    ``parsed`` is the documented model for the status, or ``None`` when the status is
    undocumented or its body could not be read as that model. The body of an error status has the
    request's own credentials blanked out wherever the server echoed them. ``repr()`` (and any
    pretty-printer that reads the fields, such as rich) shows the size of the raw body, never its
    content or headers.
    """

    status_code: HTTPStatus
    content: bytes = field(repr=_size)
    headers: MutableMapping[str, str] = field(repr=False)
    parsed: T | None

    @property
    def request_id(self) -> str | None:
        """The server's id for the request (``X-Request-Id``), when it sent one."""
        return self.headers.get(REQUEST_ID_HEADER)


__all__ = [
    "REDACTED",
    "REQUEST_ID_HEADER",
    "UNSET",
    "File",
    "FileContent",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "format_datetime",
    "parse_datetime",
    "redact",
]
