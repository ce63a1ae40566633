"""Readers that check JSON values against the spec's types: what generated ``from_dict`` methods call.

Each reader takes the raw value and the JSON path of the field it came from, and returns the value as
its Python type or raises ``ResponseValidationError`` naming that path. The path is a constant the
caller already has, so a reader costs one call when the value is right.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from io import BytesIO
from typing import Any, Protocol, TypeVar
from uuid import UUID

from ._bodies import MAX_BODY_BYTES, is_json
from ._exceptions import ResponseValidationError
from .types import File, Unset

T = TypeVar("T")
_M = TypeVar("_M", covariant=True)

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


class Parser(Protocol[_M]):
    """A generated model class: what ``model()`` and ``model_array()`` read a JSON object into."""

    def from_dict(self, src_dict: Mapping[str, Any], /) -> _M: ...


def invalid(path: str, expected: str, value: object, *, show_value: bool = False) -> ResponseValidationError:
    """The error for a JSON value that is not what the spec says. Shows the value only when asked."""
    if isinstance(value, Unset):
        return ResponseValidationError("required field missing", path=path)
    if show_value:
        text = str(value)
        shown = repr(value if len(text) <= _SHOWN_VALUE_LENGTH else f"{text[:_SHOWN_VALUE_LENGTH]}…")
    else:
        shown = _JSON_TYPES.get(type(value), type(value).__name__)
    return ResponseValidationError(f"expected {expected}, got {shown}", path=path)


def read_json(status_code: int, headers: Mapping[str, str], content: bytes) -> Any:
    """The JSON value of a success body, or ResponseValidationError saying why there is none."""
    problem: str | None = None
    content_type = headers.get("content-type", "")
    if len(content) > MAX_BODY_BYTES:
        problem = f"body is over the {MAX_BODY_BYTES}-byte limit (not read further)"
    elif not content or content.isspace():
        problem = "empty body, expected a JSON object"
    elif content_type and content_type != "application/json" and not is_json(content_type):
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


def obj(value: Any, path: str) -> Mapping[str, Any]:
    """A JSON object (what a model is read from)."""
    if type(value) is not dict and not isinstance(value, Mapping):
        raise invalid(path, "object", value)
    return value


def string(value: Any, path: str) -> str:
    if type(value) is not str:
        if isinstance(value, str):
            return str(value)
        raise invalid(path, "string", value)
    return value


def integer(value: Any, path: str) -> int:
    if type(value) is not int:
        if isinstance(value, int) and not isinstance(value, bool):
            return int(value)
        raise invalid(path, "integer", value)
    return value


def number(value: Any, path: str) -> float:
    if type(value) is float or type(value) is int:
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise invalid(path, "number", value)


def boolean(value: Any, path: str) -> bool:
    if type(value) is not bool:
        raise invalid(path, "boolean", value)
    return value


def date_time(value: Any, path: str) -> datetime.datetime:
    """An RFC 3339 timestamp (``types.parse_datetime``: one without an offset is read as UTC)."""
    if type(value) is not str:
        raise invalid(path, "date-time string", value)
    try:
        parsed = datetime.datetime.fromisoformat(value)  # types.parse_datetime, without a second call
    except ValueError:
        raise invalid(path, "date-time string", value, show_value=True) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=datetime.UTC)


def const(value: Any, path: str, expected: T) -> T:
    """The one value the spec allows (``const``, or an enum of one); ``true`` is not ``1``."""
    if value != expected or isinstance(value, bool) is not isinstance(expected, bool):
        raise invalid(path, json.dumps(expected), value)
    return expected


def null(value: Any, path: str) -> None:
    if value is not None:
        raise invalid(path, "null", value)


def model(value: Any, path: str, cls: Parser[T]) -> T:
    """A nested object read by its model's ``from_dict``; a wrong value inside names its full path."""
    try:
        return cls.from_dict(value)
    except ResponseValidationError as exc:
        raise exc.within(path) from None


def array(value: Any, path: str, item: Callable[[Any, str], T]) -> list[T]:
    """A JSON array whose items are read by ``item`` (another reader)."""
    if type(value) is not list:
        raise invalid(path, "array", value)
    found: list[T] = []
    for index, element in enumerate(value):
        try:
            found.append(item(element, ""))
        except ResponseValidationError as exc:
            raise exc.within(f"[{index}]").within(path) from None
    return found


def model_array(value: Any, path: str, cls: Parser[T]) -> list[T]:
    """A JSON array of objects, each read by the model's ``from_dict``."""
    if type(value) is not list:
        raise invalid(path, "array", value)
    from_dict = cls.from_dict
    found: list[T] = []
    for index, element in enumerate(value):
        try:
            found.append(from_dict(element))
        except ResponseValidationError as exc:
            raise exc.within(f"[{index}]").within(path) from None
    return found


def date(value: Any, path: str) -> datetime.date:
    """An RFC 3339 full-date (``2024-05-06``)."""
    if type(value) is not str:
        raise invalid(path, "date string", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise invalid(path, "date string (YYYY-MM-DD)", value, show_value=True) from None


def uuid(value: Any, path: str) -> UUID:
    if type(value) is not str:
        raise invalid(path, "uuid string", value)
    try:
        return UUID(value)
    except ValueError:
        raise invalid(path, "uuid string", value, show_value=True) from None


def enum(value: Any, path: str, cls: Callable[[Any], T]) -> T:
    """A value of an ``enum.Enum`` class (the generator's enums when ``literal_enums`` is off). The generator's
    enums hold strings and integers only, so ``true`` is never ``1``."""
    try:
        if isinstance(value, bool):
            raise TypeError
        return cls(value)
    except (ValueError, TypeError):
        allowed = ", ".join(json.dumps(member.value) for member in cls)  # type: ignore[attr-defined]
        raise invalid(path, f"one of {allowed}", value, show_value=True) from None


def checked(value: Any, path: str, check: Callable[[Any], T], expected: str) -> T:
    """A value accepted by ``check`` (a generated ``check_<enum>`` function, which raises ``TypeError``); as in
    ``enum``, a boolean is never one of the values."""
    try:
        if isinstance(value, bool):
            raise TypeError
        return check(value)
    except (TypeError, ValueError):
        raise invalid(path, expected, value, show_value=True) from None


def one_of(value: Any, path: str, readers: tuple[Callable[[Any, str], Any], ...], expected: str) -> Any:
    """A value of a union (``oneOf``, ``anyOf``, a list of types): the first reader that accepts it wins."""
    for read in readers:
        try:
            return read(value, path)
        except ResponseValidationError:
            continue
    raise invalid(path, expected, value)


def tagged(value: Any, path: str, tag: str, readers: Mapping[str, Callable[[Any, str], Any]], expected: str) -> Any:
    """A value of a union with a ``discriminator``: the reader is chosen by the value of its ``tag`` property."""
    found = obj(value, path).get(tag)
    read = readers.get(found) if isinstance(found, str) else None
    if read is None:
        where = f"{path}.{tag}" if path else tag
        allowed = ", ".join(json.dumps(key) for key in readers)
        raise invalid(where, f"one of {allowed} (the {expected} discriminator)", found, show_value=True)
    return read(value, path)


def mapping(value: Any, path: str, item: Callable[[Any, str], T]) -> dict[str, T]:
    """A JSON object whose values are read by ``item`` (typed ``additionalProperties``)."""
    found: dict[str, T] = {}
    for key, element in obj(value, path).items():
        try:
            found[key] = item(element, "")
        except ResponseValidationError as exc:
            raise exc.within(key).within(path) from None
    return found


def file(value: Any, path: str) -> File:
    """A binary string in a JSON body (``format: binary``), as a ``File`` holding its bytes."""
    if type(value) is not str:
        raise invalid(path, "string", value)
    return File(payload=BytesIO(value.encode()))
