"""The readers generated ``from_dict`` methods call, ``read_json``, the error classes and the shared types."""

from __future__ import annotations

import datetime
import json
from collections import OrderedDict
from typing import Any

import pytest

from runtime import _exceptions as errors
from runtime import _readers as read
from runtime._bodies import MAX_BODY_BYTES
from runtime.runtime_fakes import Item, ItemPage, item_json
from runtime.types import UNSET, Unset, format_datetime, parse_datetime


class Text(str):
    pass


class Count(int):
    pass


def problem(call: Any, *args: Any) -> errors.ResponseValidationError:
    with pytest.raises(errors.ResponseValidationError) as caught:
        call(*args)
    return caught.value


# Each reader: what it accepts, and what it refuses with the JSON type of the wrong value.


def test_string_accepts_str_and_refuses_other_json_types() -> None:
    assert read.string("abc", "name") == "abc"
    converted = read.string(Text("abc"), "name")
    assert converted == "abc" and type(converted) is str
    cases: list[tuple[object, str]] = [(1, "integer"), (None, "null"), (True, "boolean"), ([], "array"), ({}, "object")]
    for value, shown in cases:
        error = problem(read.string, value, "name")
        assert (error.path, error.problem) == ("name", f"expected string, got {shown}")


def test_integer_refuses_booleans_and_floats() -> None:
    assert read.integer(7, "n") == 7
    converted = read.integer(Count(7), "n")
    assert converted == 7 and type(converted) is int
    assert problem(read.integer, True, "n").problem == "expected integer, got boolean"
    assert problem(read.integer, 1.0, "n").problem == "expected integer, got number"
    assert problem(read.integer, "1", "n").problem == "expected integer, got string"


def test_number_accepts_int_and_float_but_not_bool() -> None:
    assert read.number(1.5, "x") == 1.5
    assert read.number(2, "x") == 2
    converted = read.number(Count(3), "x")
    assert converted == 3.0 and type(converted) is float
    assert problem(read.number, False, "x").problem == "expected number, got boolean"
    assert problem(read.number, "1.5", "x").problem == "expected number, got string"


def test_boolean_accepts_only_bool() -> None:
    assert read.boolean(False, "flag") is False
    assert problem(read.boolean, 0, "flag").problem == "expected boolean, got integer"
    assert problem(read.boolean, "true", "flag").problem == "expected boolean, got string"


def test_date_time_reads_rfc3339_and_shows_a_bad_value_cut_short() -> None:
    assert read.date_time("2024-05-01T12:00:00Z", "at") == datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC)
    offset = read.date_time("2024-05-01T12:00:00+02:00", "at")
    assert offset.utcoffset() == datetime.timedelta(hours=2)
    # A timestamp without an offset is read as UTC.
    assert read.date_time("2024-05-01T12:00:00", "at").tzinfo is datetime.UTC
    assert problem(read.date_time, 1714564800, "at").problem == "expected date-time string, got integer"
    assert problem(read.date_time, "yesterday", "at").problem == "expected date-time string, got 'yesterday'"
    long = "x" * 100
    assert problem(read.date_time, long, "at").problem == f"expected date-time string, got '{'x' * 40}…'"


def test_const_null_and_obj() -> None:
    assert read.const("Bearer", "token_type", "Bearer") == "Bearer"
    assert problem(read.const, "MAC", "token_type", "Bearer").problem == 'expected "Bearer", got string'
    read.null(None, "gone")
    assert problem(read.null, 0, "gone").problem == "expected null, got integer"
    mapping = OrderedDict(a=1)
    assert read.obj(mapping, "") is mapping
    assert problem(read.obj, [1], "owner").problem == "expected object, got array"


def test_a_missing_required_field_is_named_as_missing() -> None:
    error = problem(read.string, UNSET, "id")
    assert (error.path, error.problem, str(error)) == ("id", "required field missing", "id: required field missing")


def test_unknown_python_types_are_named_by_their_class() -> None:
    assert problem(read.string, object(), "x").problem == "expected string, got object"


# JSON paths: a wrong value deep inside names where it is.


def test_array_of_strings_names_the_index() -> None:
    assert read.array(["a", "b"], "tags", read.string) == ["a", "b"]
    assert problem(read.array, ["a", 2], "tags", read.string).path == "tags[1]"
    assert problem(read.array, "a", "tags", read.string).path == "tags"


def test_nested_arrays_name_every_index() -> None:
    def row(value: Any, path: str) -> list[int]:
        return read.array(value, path, read.integer)

    assert read.array([[1], [2, 3]], "grid", row) == [[1], [2, 3]]
    error = problem(read.array, [[1], [2, "x"]], "grid", row)
    assert error.path == "grid[1][1]"
    assert error.message == "grid[1][1]: expected integer, got string"


@pytest.mark.parametrize(
    ("items", "path", "what"),
    [
        ([item_json(), item_json(created_at="not a date")], "items[1].created_at", "expected date-time string"),
        ([item_json(), {"created_at": "2024-05-01T12:00:00Z"}], "items[1].id", "required field missing"),
        ([item_json(owner={"name": "o", "created_at": 5})], "items[0].owner.created_at", "expected date-time"),
        ([item_json(owner=[])], "items[0].owner", "expected object, got array"),
        ([item_json(), item_json(), item_json(tags=["a", None])], "items[2].tags[1]", "expected string, got null"),
        (["itm_1"], "items[0]", "expected object, got string"),
        ({"0": item_json()}, "items", "expected array, got object"),
    ],
)
def test_model_array_and_nested_models_name_the_full_path(items: Any, path: str, what: str) -> None:
    error = problem(ItemPage.from_dict, {"current_page": 1, "next_page": None, "items": items})
    assert error.path == path
    assert error.problem.startswith(what)
    assert error.message.startswith(f"{path}: {what}")


def test_models_read_valid_nested_values() -> None:
    page = ItemPage.from_dict(
        {
            "current_page": 2,
            "next_page": None,
            "items": [item_json(owner={"name": "o", "created_at": "2024-01-01T00:00:00Z"}, tags=["t"])],
        }
    )
    assert page.current_page == 2 and page.next_page is None
    (item,) = page.items
    assert isinstance(item, Item) and item.tags == ["t"]
    assert item.owner is not None and item.owner.name == "o"


# read_json: the JSON value of a success body, or why there is none.

JSON_HEADERS = {"content-type": "application/json"}


def test_read_json_reads_json_and_json_suffix_types() -> None:
    assert read.read_json(200, JSON_HEADERS, b'{"a": 1}') == {"a": 1}
    assert read.read_json(200, {"content-type": "application/problem+json; charset=utf-8"}, b"[1]") == [1]
    # No Content-Type: the body is tried as JSON.
    assert read.read_json(200, {}, b"3") == 3


@pytest.mark.parametrize(
    ("headers", "content", "message"),
    [
        (JSON_HEADERS, b"", "empty body, expected a JSON object"),
        (JSON_HEADERS, b" \r\n ", "empty body, expected a JSON object"),
        (
            {"content-type": "text/html; charset=utf-8"},
            b"<html>oops</html>",
            "expected an application/json body, got text/html (17 bytes)",
        ),
        (JSON_HEADERS, b"<html>oops</html>", "body is not valid JSON: Expecting value at line 1 column 1"),
        (JSON_HEADERS, b'{"a": 1', "body is not valid JSON: Expecting ',' delimiter at line 1 column 8"),
        (JSON_HEADERS, b"[" * 100_000 + b"]" * 100_000, "body is not valid JSON: RecursionError"),
        (JSON_HEADERS, b"\xff\xfe\x00", "body is not valid JSON: UnicodeDecodeError"),
    ],
)
def test_read_json_refuses_what_is_not_a_json_body(headers: dict[str, str], content: bytes, message: str) -> None:
    error = problem(read.read_json, 201, headers, content)
    assert error.problem == message
    assert error.path == ""
    assert (error.status_code, error.content, error.headers) == (201, content, headers)


def test_read_json_refuses_an_oversized_body_without_parsing_it() -> None:
    content = b'{"a": "' + b"x" * MAX_BODY_BYTES + b'"}'
    error = problem(read.read_json, 200, JSON_HEADERS, content)
    assert error.problem == f"body is over the {MAX_BODY_BYTES}-byte limit (not read further)"
    # At the limit exactly it is still read.
    at_limit = json.dumps("x" * (MAX_BODY_BYTES - 2)).encode()
    assert len(at_limit) == MAX_BODY_BYTES
    assert read.read_json(200, JSON_HEADERS, at_limit) == "x" * (MAX_BODY_BYTES - 2)


# The error classes.


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.ForbiddenError),
        (404, errors.NotFoundError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.ServerError),
        (503, errors.ServerError),
        (599, errors.ServerError),
        (301, errors.RedirectError),
        (308, errors.RedirectError),
        (399, errors.RedirectError),
        (405, errors.UnexpectedStatus),
        (418, errors.UnexpectedStatus),
        (600, errors.UnexpectedStatus),
        (299, errors.UnexpectedStatus),
    ],
)
def test_error_class_for_status(status: int, cls: type[errors.APIStatusError]) -> None:
    assert errors.error_class_for_status(status) is cls


def test_every_error_is_a_planetscale_error() -> None:
    classes = [*errors.STATUS_ERRORS.values(), *errors.OAUTH_ERRORS.values(), errors.ServerError]
    assert all(issubclass(cls, errors.APIStatusError) for cls in classes)
    assert all(issubclass(cls, errors.OAuthError) for cls in errors.OAUTH_ERRORS.values())
    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)
    assert issubclass(errors.CredentialsError, ValueError)
    for cls in (errors.ResponseValidationError, errors.StateMismatchError, errors.AuthorizationDeniedError):
        assert issubclass(cls, errors.APIError)


def test_status_error_keeps_the_request_id_and_reprs_its_fields() -> None:
    error = errors.NotFoundError(
        "404 Not Found: gone", status_code=404, code="not_found", headers={"x-request-id": "req-1"}, content=b"{}"
    )
    assert error.request_id == "req-1"
    assert error.content == b"{}"
    assert repr(error) == "NotFoundError(status_code=404, code='not_found', message='404 Not Found: gone')"
    assert errors.ServerError("x", status_code=500).request_id is None


def test_unexpected_status_quotes_a_redacted_snippet() -> None:
    error = errors.UnexpectedStatus(
        418, b'{"token": "tkn-1", "note": "key SECRET-9"}', secrets=["SECRET-9"], sensitive_keys={"token"}
    )
    shown = """'{"token": "<redacted>", "note": "key <redacted>"}'"""
    assert error.message == f"unexpected status 418 I'm a Teapot: {shown}"
    assert error.status_code == 418
    assert str(errors.UnexpectedStatus(299, b"")) == "unexpected status 299: (empty body)"


def test_within_builds_paths_from_the_inside_out() -> None:
    error = errors.ResponseValidationError("bad", path="created_at")
    assert error.within("[3]") is error
    assert error.path == "[3].created_at"
    error.within("items").within("page")
    assert error.path == "page.items[3].created_at"
    assert error.message == error.message == "page.items[3].created_at: bad"
    assert error.args == ("page.items[3].created_at: bad",)
    whole = errors.ResponseValidationError("bad")
    assert whole.within("owner").path == "owner"
    assert errors.ResponseValidationError("bad").within("[0]").within("[1]").path == "[1][0]"


def test_for_response_adds_the_context_and_the_response() -> None:
    error = errors.ResponseValidationError("expected integer, got string", path="n")
    returned = error.for_response("200 response is not a valid Page", status_code=200, headers={"a": "b"}, content=b"x")
    assert returned is error
    assert error.message == "200 response is not a valid Page: n: expected integer, got string"
    assert (error.status_code, error.headers, error.content) == (200, {"a": "b"}, b"x")


# types


def test_unset_is_falsy_and_reprs_as_unset() -> None:
    assert not UNSET
    assert repr(UNSET) == "UNSET"
    assert isinstance(UNSET, Unset)


def test_format_datetime_round_trips_the_servers_text() -> None:
    text = "2024-05-01T12:00:00.000+00:00"
    value = parse_datetime(text)
    assert format_datetime(value, (value, text)) == text
    # Another value (even an equal one) is formatted anew: UTC with a Z.
    assert format_datetime(value.replace(), (value, text)) == "2024-05-01T12:00:00Z"
    east = datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    assert format_datetime(east) == "2024-05-01T12:00:00+02:00"


@pytest.mark.parametrize(
    "text", ["2024-05-01T12:00:00Z", "2024-05-01T12:00:00.123456+02:00", "2024-05-01T12:00:00", "2024-05-01"]
)
def test_the_date_time_reader_agrees_with_parse_datetime(text: str) -> None:
    # The reader repeats parse_datetime's two steps to save a call per timestamp: they must not drift apart.
    assert read.date_time(text, "at") == parse_datetime(text)
    assert read.date_time(text, "at").tzinfo == parse_datetime(text).tzinfo
