"""What the runtime does for specs other than PlanetScale's: the readers of dates, UUIDs, enums, unions and maps,
``default`` and non-model answers, parameter styles, JSON bodies of any value, credentials joined from parts,
HTTP Basic, API keys in the query or a cookie, and the logger named after the package.

Operations are declared the way a generated endpoint module declares its own; requests are answered by an
``httpx.MockTransport``.
"""

from __future__ import annotations

import base64
import datetime
import json
import logging
from collections.abc import Mapping
from enum import Enum
from io import BytesIO
from typing import Any, ClassVar, Literal, Self
from urllib.parse import parse_qs
from uuid import UUID

import httpx
import pytest
from attrs import define, field

from runtime import _base_client
from runtime import _exceptions as errors
from runtime import _readers as read
from runtime._base_client import RetryPolicy, TokenAuth
from runtime._operation import CODE_KEYS, MESSAGE_KEYS, Operation, Returns
from runtime.runtime_fakes import (
    API_URL,
    MODES,
    SENSITIVE_KEYS,
    SERVICE_TOKEN,
    SERVICE_TOKEN_ID,
    AuthenticatedClient,
    Client,
    ErrorModel,
    Item,
    Mode,
    Owner,
    Recorder,
    call,
    detailed,
    item_json,
    json_response,
    mocked,
    raised,
    send,
    service_client,
)
from runtime.types import UNSET, File, redact

API_KEY = "key_FAKE-0001"
USERNAME = "alice"
PASSWORD = "pa:ss-FAKE-0001"  # a colon in the last part is allowed: nothing follows it


def problem(call: Any, *args: Any) -> errors.ResponseValidationError:
    with pytest.raises(errors.ResponseValidationError) as caught:
        call(*args)
    return caught.value


def no_retries(**kwargs: Any) -> dict[str, Any]:
    return {"retry": RetryPolicy(max_retries=0), "base_url": API_URL, **kwargs}


# Clients declared as client.py.jinja declares them for other security schemes.


@define
class QueryKeyClient(TokenAuth, Client):
    """An apiKey scheme in the query: ``?api_key=<token>``."""

    _AUTH_IN: ClassVar = "query"
    _CREDENTIAL_ENVS: ClassVar = {"token": "X_API_KEY"}

    token: str = field(kw_only=True, repr=redact)
    prefix: str = field(default="", kw_only=True)
    auth_header_name: str = field(default="api_key", kw_only=True)


@define
class CookieKeyClient(TokenAuth, Client):
    """An apiKey scheme in a cookie: ``Cookie: session_key=<token>``."""

    _AUTH_IN: ClassVar = "cookie"
    _CREDENTIAL_ENVS: ClassVar = {"token": "X_SESSION_KEY"}

    token: str = field(kw_only=True, repr=redact)
    prefix: str = field(default="", kw_only=True)
    auth_header_name: str = field(default="session_key", kw_only=True)


@define
class BasicClient(TokenAuth, Client):
    """HTTP Basic: ``Authorization: Basic base64(<username>:<password>)``."""

    _CREDENTIAL_FORMAT: ClassVar = "{username}:{password}"
    _CREDENTIAL_ENVS: ClassVar = {"username": "X_USERNAME", "password": "X_PASSWORD"}
    _BASIC: ClassVar = True

    token: str = field(kw_only=True, repr=redact)
    prefix: str = field(default="Basic", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    @classmethod
    def from_password(cls, username: str, password: str, *, base_url: str | None = None, **kwargs: Any) -> Self:
        return cls._from_parts({"username": username, "password": password}, {**kwargs, "base_url": base_url})


@define
class ThreePartClient(TokenAuth, Client):
    """A credential of three parts with two different separators."""

    _CREDENTIAL_FORMAT: ClassVar = "{org}/{key_id}:{secret}"
    _CREDENTIAL_ENVS: ClassVar = {"org": "X_ORG", "key_id": "X_KEY_ID", "secret": "X_SECRET"}

    token: str = field(kw_only=True, repr=redact)
    prefix: str = field(default="Key", kw_only=True)
    auth_header_name: str = field(default="X-Key", kw_only=True)

    @classmethod
    def from_key(cls, org: str, key_id: str, secret: str, *, base_url: str | None = None, **kwargs: Any) -> Self:
        return cls._from_parts({"org": org, "key_id": key_id, "secret": secret}, {**kwargs, "base_url": base_url})


def basic_value(username: str = USERNAME, password: str = PASSWORD) -> str:
    return base64.b64encode(f"{username}:{password}".encode()).decode("ascii")


# Models and enums as the generator writes them.


class Color(Enum):
    RED = "red"
    GREEN = "green"


class Level(Enum):
    LOW = 1
    HIGH = 2


def check_size(value: Any) -> Literal[1, 2]:
    """A generated ``check_<enum>`` function of an integer literal enum (``True in {1, 2}`` is true)."""
    if value in {1, 2}:
        return value  # type: ignore[no-any-return]
    raise TypeError(f"Unexpected value {value!r}. Expected one of {{1, 2}}")


@define
class Cat:
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "cat", "name": self.name}

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        return cls(read.string(read.obj(src_dict, "").get("name", UNSET), "name"))


@define
class Dog:
    barks: bool

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        return cls(read.boolean(read.obj(src_dict, "").get("barks", UNSET), "barks"))


def pet(value: Any, path: str) -> Cat | Dog:
    """A discriminated union as readers.jinja writes it."""
    readers = {"cat": lambda v, p: read.model(v, p, Cat), "dog": lambda v, p: read.model(v, p, Dog)}
    found: Cat | Dog = read.tagged(value, path, "kind", readers, "Cat | Dog")
    return found


@define
class Secretive:
    """A model with a value under a sensitive key."""

    name: str
    secret: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "secret": self.secret}


# Readers


def test_date_reads_a_full_date_and_refuses_other_types_and_impossible_dates() -> None:
    assert read.date("2024-05-06", "day") == datetime.date(2024, 5, 6)
    assert type(read.date("2024-05-06", "day")) is datetime.date
    assert problem(read.date, 20240506, "day").problem == "expected date string, got integer"
    assert problem(read.date, None, "day").problem == "expected date string, got null"
    error = problem(read.date, "2024-13-01", "day")
    assert (error.path, error.problem) == ("day", "expected date string (YYYY-MM-DD), got '2024-13-01'")
    assert problem(read.date, "May 6th", "day").problem == "expected date string (YYYY-MM-DD), got 'May 6th'"
    assert problem(read.date, UNSET, "day").problem == "required field missing"


def test_uuid_reads_a_uuid_string_and_refuses_other_values() -> None:
    text = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    assert read.uuid(text, "id") == UUID(text)
    assert isinstance(read.uuid(text, "id"), UUID)
    assert problem(read.uuid, 12, "id").problem == "expected uuid string, got integer"
    error = problem(read.uuid, "not-a-uuid", "id")
    assert (error.path, error.problem) == ("id", "expected uuid string, got 'not-a-uuid'")


def test_enum_reads_a_member_by_value_and_lists_the_allowed_values_otherwise() -> None:
    assert read.enum("red", "color", Color) is Color.RED
    assert read.enum(2, "level", Level) is Level.HIGH
    assert problem(read.enum, "blue", "color", Color).problem == """expected one of "red", "green", got 'blue'"""
    assert problem(read.enum, 3, "level", Level).problem == "expected one of 1, 2, got 3"
    assert problem(read.enum, "1", "level", Level).problem == "expected one of 1, 2, got '1'"
    assert problem(read.enum, None, "color", Color).path == "color"


def test_enum_refuses_a_boolean_for_an_integer_member() -> None:
    assert Level(True) is Level.LOW  # what the Enum class alone would do
    error = problem(read.enum, True, "level", Level)
    assert (error.path, error.problem) == ("level", "expected one of 1, 2, got True")
    assert problem(read.enum, False, "level", Level).problem == "expected one of 1, 2, got False"


def test_checked_returns_what_the_check_accepts_and_refuses_the_rest_with_the_expected_text() -> None:
    assert read.checked(1, "size", check_size, "one of 1, 2") == 1
    error = problem(read.checked, 5, "size", check_size, "one of 1, 2")
    assert (error.path, error.problem) == ("size", "expected one of 1, 2, got 5")
    assert problem(read.checked, "1", "size", check_size, "one of 1, 2").problem == "expected one of 1, 2, got '1'"


def test_checked_refuses_a_boolean_even_when_the_check_would_accept_it() -> None:
    assert check_size(True) is True  # the check alone: True == 1
    assert problem(read.checked, True, "size", check_size, "one of 1, 2").problem == "expected one of 1, 2, got True"


def test_one_of_takes_the_first_reader_that_accepts_the_value() -> None:
    readers = (read.integer, read.string)
    assert read.one_of(5, "v", readers, "int | str") == 5
    assert read.one_of("5", "v", readers, "int | str") == "5"
    # Order decides: a date string is a date first, or a string first.
    assert read.one_of("2024-05-06", "v", (read.date, read.string), "date | str") == datetime.date(2024, 5, 6)
    assert read.one_of("2024-05-06", "v", (read.string, read.date), "str | date") == "2024-05-06"
    assert read.one_of({"name": "Tom"}, "v", (pet, lambda v, p: read.model(v, p, Cat)), "Pet | Cat") == Cat("Tom")


def test_one_of_names_the_union_when_no_reader_accepts_the_value() -> None:
    error = problem(read.one_of, True, "value", (read.integer, read.string), "int | str")
    assert (error.path, error.problem) == ("value", "expected int | str, got boolean")
    assert str(problem(read.one_of, [1], "a.b", (read.integer,), "int")) == "a.b: expected int, got array"


def test_tagged_picks_the_reader_named_by_the_discriminator() -> None:
    assert pet({"kind": "cat", "name": "Tom"}, "pet") == Cat("Tom")
    assert pet({"kind": "dog", "barks": True}, "pet") == Dog(barks=True)
    # A wrong value inside the variant names its path under the union's.
    assert problem(pet, {"kind": "dog", "barks": "yes"}, "owner.pet").path == "owner.pet.barks"


@pytest.mark.parametrize(
    ("value", "shown"),
    [({"kind": "bird"}, "'bird'"), ({"kind": 1}, "1"), ({"name": "Tom"}, "None"), ({"kind": True}, "True")],
)
def test_tagged_refuses_an_unknown_discriminator_at_path_dot_tag(value: dict[str, Any], shown: str) -> None:
    error = problem(pet, value, "owner.pet")
    assert error.path == "owner.pet.kind"
    assert error.problem == f'expected one of "cat", "dog" (the Cat | Dog discriminator), got {shown}'


def test_tagged_at_the_top_of_a_body_names_the_tag_alone_and_refuses_a_non_object() -> None:
    assert problem(pet, {"kind": "fish"}, "").path == "kind"
    error = problem(pet, ["cat"], "pet")
    assert (error.path, error.problem) == ("pet", "expected object, got array")


def test_a_wrong_field_of_a_variant_at_the_top_of_a_body_is_named_without_a_leading_dot() -> None:
    assert problem(pet, {"kind": "cat", "name": 5}, "").path == "name"


def test_mapping_reads_every_value_and_names_the_key_of_a_wrong_one() -> None:
    assert read.mapping({"a": 1, "b": 2}, "counts", read.integer) == {"a": 1, "b": 2}
    assert read.mapping({}, "counts", read.integer) == {}
    error = problem(read.mapping, {"a": 1, "b": "x"}, "counts", read.integer)
    assert (error.path, str(error)) == ("counts.b", "counts.b: expected integer, got string")

    def row(value: Any, path: str) -> list[int]:
        return read.array(value, path, read.integer)

    assert problem(read.mapping, {"a": [1, "x"]}, "grid", row).path == "grid.a[1]"
    assert problem(read.mapping, [1], "counts", read.integer).problem == "expected object, got array"


def test_a_mapping_at_the_top_of_a_body_names_the_key_without_a_leading_dot() -> None:
    assert problem(read.mapping, {"a": 1, "b": "x"}, "", read.integer).path == "b"


def test_file_reads_a_binary_string_into_a_file_of_its_bytes() -> None:
    found = read.file("héllo", "blob")
    assert isinstance(found, File)
    assert found.payload.read() == "héllo".encode()
    assert (found.file_name, found.mime_type) == (None, None)
    assert problem(read.file, 5, "blob").problem == "expected string, got integer"
    assert problem(read.file, None, "blob").path == "blob"


def test_const_refuses_true_for_one_and_one_for_true() -> None:
    assert read.const(1, "version", 1) == 1
    assert read.const(True, "enabled", True) is True
    assert problem(read.const, True, "version", 1).problem == "expected 1, got boolean"
    assert problem(read.const, 1, "enabled", True).problem == "expected true, got integer"
    assert problem(read.const, False, "zero", 0).problem == "expected 0, got boolean"


# Operation: how each answer is read


GET_WITH_DEFAULT: Operation[Item, Item | ErrorModel] = Operation(
    method="GET", route="/items/x", responses=(Returns(200, Item), Returns(None, ErrorModel))
)
ONLY_DEFAULT: Operation[Item, Item] = Operation(method="GET", route="/items/x", responses=(Returns(None, Item),))


def test_returns_none_is_the_default_that_matches_every_status() -> None:
    default = Returns(None, ErrorModel)
    assert default.statuses == () and default.status is None
    assert default.matches(200) and default.matches(404) and default.matches(503)
    assert not default.success


@pytest.mark.parametrize("status", [400, 404, 422, 500])
@pytest.mark.parametrize("mode", MODES)
async def test_a_status_only_the_default_documents_is_read_as_the_default_model(mode: Mode, status: int) -> None:
    answer = json_response(status, {"code": "bad", "message": "it went wrong"})
    client = mocked(service_client(raise_on_unexpected_status=True), Recorder(answer))
    response = await detailed(mode, GET_WITH_DEFAULT, {"client": client})
    assert (response.status_code, response.parsed) == (status, ErrorModel(code="bad", message="it went wrong"))
    error = await raised(mode, GET_WITH_DEFAULT, {"client": client})
    assert type(error) is errors.error_class_for_status(status)
    assert str(error).endswith(": it went wrong (bad)")


@pytest.mark.parametrize("mode", MODES)
async def test_with_a_documented_2xx_an_undocumented_2xx_is_not_a_success(mode: Mode) -> None:
    client = mocked(service_client(), Recorder(json_response(201, item_json())))
    response = await detailed(mode, GET_WITH_DEFAULT, {"client": client})
    assert (response.status_code, response.parsed) == (201, None)
    assert isinstance(await raised(mode, GET_WITH_DEFAULT, {"client": client}), errors.UnexpectedStatus)


@pytest.mark.parametrize("status", [200, 201, 202, 299])
@pytest.mark.parametrize("mode", MODES)
async def test_any_2xx_is_a_success_when_only_a_default_is_documented(mode: Mode, status: int) -> None:
    client = mocked(service_client(), Recorder(json_response(status, item_json(id=f"i{status}"))))
    assert (await call(mode, ONLY_DEFAULT, {"client": client})).id == f"i{status}"
    response = await detailed(mode, ONLY_DEFAULT, {"client": client})
    assert response.status_code == status and isinstance(response.parsed, Item)


@pytest.mark.parametrize("mode", MODES)
async def test_an_error_status_under_only_a_default_is_still_an_error(mode: Mode) -> None:
    client = mocked(service_client(), Recorder(json_response(404, {"code": "not_found", "message": "gone"})))
    error = await raised(mode, ONLY_DEFAULT, {"client": client})
    assert type(error) is errors.NotFoundError and error.code == "not_found"
    # Not an Item, and not a success: the body is kept unparsed rather than raised as invalid.
    assert (await detailed(mode, ONLY_DEFAULT, {"client": client})).parsed is None


@pytest.mark.parametrize("mode", MODES)
async def test_an_invalid_success_body_under_only_a_default_raises_with_its_path(mode: Mode) -> None:
    client = mocked(service_client(), Recorder(json_response(200, {"id": 5, "created_at": "2024-05-01T12:00:00Z"})))
    with pytest.raises(errors.ResponseValidationError) as caught:
        await call(mode, ONLY_DEFAULT, {"client": client})
    assert caught.value.path == "id"
    assert caught.value.message == "200 response is not a valid Item: id: expected string, got integer"


def counts(value: Any, path: str) -> list[int]:
    return read.array(value, path, read.integer)


LIST_COUNTS: Operation[list[int], list[int] | ErrorModel] = Operation(
    method="GET", route="/counts", responses=(Returns(200, read=counts), Returns(404, ErrorModel))
)


@pytest.mark.parametrize("mode", MODES)
async def test_a_reader_reads_a_json_body_that_is_not_a_model(mode: Mode) -> None:
    assert Returns(200, read=counts).body == "json"
    client = mocked(service_client(), Recorder(json_response(200, [1, 2, 3])))
    assert await call(mode, LIST_COUNTS, {"client": client}) == [1, 2, 3]


@pytest.mark.parametrize("mode", MODES)
async def test_a_body_the_reader_refuses_raises_with_its_path(mode: Mode) -> None:
    client = mocked(service_client(), Recorder(json_response(200, [1, "two"])))
    with pytest.raises(errors.ResponseValidationError) as caught:
        await call(mode, LIST_COUNTS, {"client": client})
    error = caught.value
    assert error.path == "[1]"
    assert error.message == "200 response is not a valid JSON value: [1]: expected integer, got string"
    assert error.status_code == 200 and json.loads(error.content) == [1, "two"]


@pytest.mark.parametrize("mode", MODES)
async def test_a_top_level_union_body_is_read_by_its_discriminator(mode: Mode) -> None:
    op: Operation[Cat | Dog, Cat | Dog] = Operation(method="GET", route="/pet", responses=(Returns(200, read=pet),))
    client = mocked(service_client(), Recorder(json_response(200, {"kind": "dog", "barks": False})))
    assert await call(mode, op, {"client": client}) == Dog(barks=False)
    wrong = mocked(service_client(), Recorder(json_response(200, {"kind": "fish"})))
    with pytest.raises(errors.ResponseValidationError) as caught:
        await call(mode, op, {"client": wrong})
    assert caught.value.path == "kind"


TEXT: Operation[str, str] = Operation(method="GET", route="/readme", responses=(Returns(200, body="text"),))
DOWNLOAD: Operation[File, File] = Operation(method="GET", route="/blob", responses=(Returns(200, body="file"),))


@pytest.mark.parametrize("mode", MODES)
async def test_a_text_body_comes_back_as_a_string_in_its_charset(mode: Mode) -> None:
    answer = httpx.Response(
        200, content="olá".encode("latin-1"), headers={"content-type": "text/plain; charset=latin-1"}
    )
    client = mocked(service_client(), Recorder(answer))
    assert await call(mode, TEXT, {"client": client}) == "olá"
    # Not JSON, and not checked as JSON.
    plain = mocked(service_client(), Recorder(httpx.Response(200, text="{not json")))
    assert await call(mode, TEXT, {"client": plain}) == "{not json"


@pytest.mark.parametrize(
    ("content_type", "mime_type"),
    [("application/pdf", "application/pdf"), ("image/png; name=x.png", "image/png"), (None, None)],
)
@pytest.mark.parametrize("mode", MODES)
async def test_a_file_body_comes_back_as_a_file_with_the_media_type_it_was_sent_as(
    mode: Mode, content_type: str | None, mime_type: str | None
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    client = mocked(service_client(), Recorder(httpx.Response(200, content=b"\x00\x01\xff", headers=headers)))
    found = await call(mode, DOWNLOAD, {"client": client})
    assert isinstance(found, File)
    assert found.payload.read() == b"\x00\x01\xff"
    assert (found.mime_type, found.file_name) == (mime_type, None)
    response = await detailed(mode, DOWNLOAD, {"client": client})
    assert isinstance(response.parsed, File) and response.content == b"\x00\x01\xff"


def test_a_file_s_media_type_has_no_space_before_its_parameters() -> None:
    answer = httpx.Response(200, content=b"%PDF", headers={"content-type": "application/pdf ; version=1.7"})
    found = DOWNLOAD.sync({"client": mocked(service_client(), Recorder(answer))})
    assert found.mime_type == "application/pdf"


# Operation: how each value is sent


CREATE: Operation[Any, Any] = Operation(
    method="POST",
    route="/things",
    body="json",
    responses=(Returns(201, raw=True), Returns(422, ErrorModel)),
    sensitive_keys=SENSITIVE_KEYS,
)


@pytest.mark.parametrize("mode", MODES)
async def test_a_json_body_of_any_value_sends_models_enums_dates_and_uuids_as_json(mode: Mode) -> None:
    handler = Recorder(json_response(201, {}))
    client = mocked(service_client(), handler)
    at = datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC)
    owner = Owner(name="o", created_at=at)
    key = UUID("1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    body = {
        "owners": [owner, owner],
        "by_name": {"o": owner},
        "color": Color.GREEN,
        "levels": (Level.LOW, Level.HIGH),
        "at": at,
        "local": datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        "day": datetime.date(2024, 5, 6),
        "key": key,
        "plain": [1, "a", None, True],
    }
    await call(mode, CREATE, {"client": client, "body": body})
    owner_json = {"name": "o", "created_at": "2024-05-01T12:00:00Z"}
    assert json.loads(handler.last.content) == {
        "owners": [owner_json, owner_json],
        "by_name": {"o": owner_json},
        "color": "green",
        "levels": [1, 2],
        "at": "2024-05-01T12:00:00Z",
        "local": "2024-05-01T12:00:00+02:00",
        "day": "2024-05-06",
        "key": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "plain": [1, "a", None, True],
    }
    assert handler.last.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("body", "sent"),
    [
        ([Color.RED, Color.GREEN], ["red", "green"]),
        (datetime.date(2024, 1, 2), "2024-01-02"),
        (UUID(int=1), "00000000-0000-0000-0000-000000000001"),
        (Level.HIGH, 2),
        ("text", "text"),
        (7, 7),
    ],
)
def test_a_json_body_that_is_a_single_value_or_array_is_sent_as_json(body: Any, sent: Any) -> None:
    handler = Recorder(json_response(201, {}))
    CREATE.sync({"client": mocked(service_client(), handler), "body": body})
    assert json.loads(handler.last.content) == sent


@pytest.mark.parametrize("body", ["list", "dict"])
def test_sensitive_values_of_models_inside_a_json_body_are_blanked_out_of_errors(body: str) -> None:
    secret = "s-SECRET-0001"
    echo = json_response(422, {"code": "invalid", "message": f"secret {secret} is wrong"})
    model = Secretive(name="n", secret=secret)
    sent = [model] if body == "list" else {"first": model}
    with pytest.raises(errors.APIStatusError) as caught:
        CREATE.sync({"client": mocked(service_client(), Recorder(echo)), "body": sent})
    assert secret not in str(caught.value)


def test_sensitive_values_of_a_model_or_a_plain_json_body_are_blanked_out_of_errors() -> None:
    secret = "s-SECRET-0001"
    echo = json_response(422, {"code": "invalid", "message": f"secret {secret} is wrong"})
    for sent in (Secretive(name="n", secret=secret), [{"secret": secret}], {"first": {"secret": secret}}):
        with pytest.raises(errors.APIStatusError) as caught:
            CREATE.sync({"client": mocked(service_client(), Recorder(echo)), "body": sent})
        assert caught.value.message == "422 Unprocessable Entity: secret <redacted> is wrong (invalid)"


SEARCH: Operation[None, None] = Operation(
    method="GET",
    route="/search",
    query=("ids", "colors", "tags", "days", "repeated", "flag", ("only-open", "only_open"), "flags"),
    delimiters={"ids": ",", "colors": "|", "tags": " ", "days": ","},
    responses=(Returns(204),),
)


@pytest.mark.parametrize("mode", MODES)
async def test_query_arrays_with_explode_false_are_one_delimited_value(mode: Mode) -> None:
    handler = Recorder(httpx.Response(204))
    args = {
        "client": mocked(service_client(), handler),
        "ids": [1, 2, 3],
        "colors": [Color.RED, Color.GREEN],
        "tags": ["a", "b"],
        "days": [datetime.date(2024, 5, 6), datetime.date(2024, 5, 7)],
        "repeated": ["x", "y"],
    }
    await call(mode, SEARCH, args)
    query = parse_qs(handler.last.url.query.decode())
    assert query == {
        "ids": ["1,2,3"],
        "colors": ["red|green"],
        "tags": ["a b"],
        "days": ["2024-05-06,2024-05-07"],
        "repeated": ["x", "y"],  # explode: true (the default) repeats the name
    }


@pytest.mark.parametrize("mode", MODES)
async def test_booleans_in_the_query_are_true_and_false(mode: Mode) -> None:
    handler = Recorder(httpx.Response(204))
    client = mocked(service_client(), handler)
    await call(mode, SEARCH, {"client": client, "flag": True, "only_open": False, "flags": [True, False]})
    await call(mode, SEARCH, {"client": client, "ids": [True, False]})
    first, second = (parse_qs(request.url.query.decode()) for request in handler.requests)
    assert first == {"flag": ["true"], "only-open": ["false"], "flags": ["true", "false"]}
    assert second == {"ids": ["true,false"]}


HEADERS: Operation[None, None] = Operation(
    method="GET",
    route="/h",
    headers=(("X-Ids", "ids"), ("X-Colors", "colors"), ("X-Flags", "flags")),
    cookies=(("sid", "session"), ("tags", "tags"), ("on", "on"), ("color", "color"), ("day", "day")),
    responses=(Returns(204),),
)


@pytest.mark.parametrize("mode", MODES)
async def test_header_arrays_are_their_items_joined_by_commas(mode: Mode) -> None:
    handler = Recorder(httpx.Response(204))
    args = {
        "client": mocked(service_client(), handler),
        "ids": [1, 2],
        "colors": [Color.RED, Color.GREEN],
        "flags": [True, False],
    }
    await call(mode, HEADERS, args)
    headers = handler.last.headers
    assert (headers["X-Ids"], headers["X-Colors"], headers["X-Flags"]) == ("1,2", "red,green", "true,false")
    assert len(headers.get_list("X-Ids")) == 1


@pytest.mark.parametrize("mode", MODES)
async def test_cookie_values_are_formatted_like_header_values(mode: Mode) -> None:
    handler = Recorder(httpx.Response(204))
    args = {
        "client": mocked(service_client(), handler),
        "session": "s-1",
        "tags": ["a", "b"],
        "on": True,
        "color": Color.RED,
        "day": datetime.date(2024, 5, 6),
    }
    await call(mode, HEADERS, args)
    assert handler.last.headers["Cookie"] == "sid=s-1; tags=a,b; on=true; color=red; day=2024-05-06"


@pytest.mark.parametrize("mode", MODES)
async def test_a_file_like_content_from_a_body_encoder_is_sent_as_its_bytes(mode: Mode) -> None:
    def encode(body: File) -> dict[str, Any]:
        return {"content": body.payload, "headers": {"Content-Type": body.mime_type or "application/octet-stream"}}

    upload: Operation[None, None] = Operation(method="PUT", route="/blob", body=encode, responses=(Returns(204),))
    handler = Recorder(httpx.Response(204))
    body = File(payload=BytesIO(b"\x00binary\xff"), mime_type="image/png")
    assert await call(mode, upload, {"client": mocked(service_client(), handler), "body": body}) is None
    request = handler.last
    assert request.content == b"\x00binary\xff"
    assert request.headers["Content-Type"] == "image/png"
    assert request.headers["Content-Length"] == "8"


# Error bodies: the message and the code from the usual keys


def test_the_keys_error_words_and_codes_are_read_from() -> None:
    assert MESSAGE_KEYS == ("message", "detail", "title")
    assert CODE_KEYS == ("code", "error", "type")


@pytest.mark.parametrize(
    ("body", "message", "code"),
    [
        ({"title": "Gone", "type": "about:blank"}, "Gone", "about:blank"),
        ({"title": "Bad", "detail": "field x is wrong", "type": "t"}, "field x is wrong", "t"),
        ({"message": "m", "detail": "d", "title": "t"}, "m", None),
        ({"message": "m", "error": "e", "type": "t"}, "m", "e"),
        ({"message": "m", "code": 5, "error": None, "type": "t"}, "m", "t"),
        ({"detail": "d", "code": "c", "error": "e"}, "d", "c"),
        ({"message": None, "detail": 3, "title": "t"}, "t", None),
    ],
)  # fmt: skip
@pytest.mark.parametrize("mode", MODES)
async def test_the_first_string_under_each_list_of_keys_is_the_message_and_the_code(
    mode: Mode, body: dict[str, Any], message: str, code: str | None
) -> None:
    client = mocked(service_client(), Recorder(json_response(400, body)))
    error = await raised(mode, GET_WITH_DEFAULT, {"client": client})
    assert type(error) is errors.BadRequestError
    assert error.code == code
    assert error.message == f"400 Bad Request: {message}" + (f" ({code})" if code else "")


def test_an_error_body_without_a_string_message_quotes_the_body_but_keeps_the_code() -> None:
    client = mocked(service_client(), Recorder(json_response(400, {"title": 1, "type": "urn:x"})))
    with pytest.raises(errors.BadRequestError) as caught:
        GET_WITH_DEFAULT.sync({"client": client})
    assert caught.value.code == "urn:x"
    assert caught.value.message.startswith("400 Bad Request: malformed error response: ")


# Credentials joined from parts


def test_from_parts_joins_the_parts_by_the_credential_format() -> None:
    client = ThreePartClient.from_key("acme", "k1", "s:e/c-ret", base_url="https://x.test/")
    assert client.token == "acme/k1:s:e/c-ret"
    assert client.base_url_for("api") == "https://x.test"
    handler = Recorder(httpx.Response(200))
    mocked(client, handler).request(method="GET", url="/")
    assert handler.last.headers["X-Key"] == "Key acme/k1:s:e/c-ret"


def test_from_parts_drops_keyword_arguments_that_are_none() -> None:
    client = ThreePartClient.from_key("acme", "k1", "s", base_url=None, raise_on_unexpected_status=True)
    assert client.base_url_for("api") == "https://api.example.test"
    assert client.raise_on_unexpected_status is True


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "k1", "s"), "org must be a non-empty string"),
        (("acme", " ", "s"), "key_id must be a non-empty string"),
        (("acme", "k1", "\n"), "secret must be a non-empty string"),
        (("ac/me", "k1", "s"), "org must not contain '/' (pass each part separately)"),
        (("acme", "k:1", "s"), "key_id must not contain ':' (pass each part separately)"),
    ],
)
def test_from_parts_refuses_a_blank_part_and_one_holding_the_separator_after_it(
    parts: tuple[str, str, str], message: str
) -> None:
    with pytest.raises(errors.CredentialsError) as caught:
        ThreePartClient.from_key(*parts)
    assert caught.value.message == message


def test_a_part_may_hold_the_separator_of_another_part() -> None:
    # key_id is followed by ':' only, org by '/' only; the last part by nothing.
    assert ThreePartClient.from_key("a:c", "k/1", "s/:").token == "a:c/k/1:s/:"


def test_from_env_reads_every_part_from_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_ORG", "acme")
    monkeypatch.setenv("X_KEY_ID", "k1")
    monkeypatch.setenv("X_SECRET", "s1")
    monkeypatch.setenv("X_BASE_URL", "https://env-api.test")
    monkeypatch.setenv("X_OAUTH_BASE_URL", "https://env-auth.test")  # every server's, or none
    client = ThreePartClient.from_env()
    assert client.token == "acme/k1:s1"
    assert client.base_url_for("api") == "https://env-api.test"
    monkeypatch.setenv("X_KEY_ID", "k:1")
    with pytest.raises(errors.CredentialsError, match="key_id must not contain ':'"):
        ThreePartClient.from_env()
    monkeypatch.setenv("X_SECRET", "  ")
    with pytest.raises(errors.CredentialsError, match="environment variable X_SECRET is not set or is empty"):
        ThreePartClient.from_env()
    monkeypatch.delenv("X_ORG")
    with pytest.raises(errors.CredentialsError, match="environment variable X_ORG is not set or is empty"):
        ThreePartClient.from_env()


def test_from_env_of_a_single_token_reads_its_one_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_API_KEY", API_KEY)
    client = QueryKeyClient.from_env(base_url="https://given.test")
    assert (client.token, client.base_url_for("api")) == (API_KEY, "https://given.test")
    monkeypatch.delenv("X_API_KEY")
    with pytest.raises(errors.CredentialsError, match="X_API_KEY is not set"):
        QueryKeyClient.from_env()


# HTTP Basic


@pytest.mark.parametrize("mode", MODES)
async def test_http_basic_sends_the_base64_of_the_joined_parts(mode: Mode) -> None:
    handler = Recorder(httpx.Response(200))
    client = mocked(BasicClient.from_password(USERNAME, PASSWORD, **no_retries()), handler)
    assert client.token == basic_value()
    await send(mode, client)
    sent = handler.last.headers["Authorization"]
    assert sent == f"Basic {basic_value()}"
    assert base64.b64decode(sent.removeprefix("Basic ")).decode() == f"{USERNAME}:{PASSWORD}"
    assert httpx.BasicAuth(USERNAME, PASSWORD)._auth_header == sent


def test_http_basic_refuses_a_colon_in_the_user_name_and_blank_parts() -> None:
    with pytest.raises(errors.CredentialsError, match="username must not contain ':'"):
        BasicClient.from_password("al:ice", PASSWORD)
    with pytest.raises(errors.CredentialsError, match="password must be a non-empty string"):
        BasicClient.from_password(USERNAME, "")


def test_http_basic_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_USERNAME", USERNAME)
    monkeypatch.setenv("X_PASSWORD", PASSWORD)
    assert BasicClient.from_env().token == basic_value()


def test_credentials_of_http_basic_are_the_encoded_and_decoded_values_and_the_password() -> None:
    client = BasicClient.from_password(USERNAME, PASSWORD)
    assert client.credentials() == (basic_value(), f"{USERNAME}:{PASSWORD}", PASSWORD)


def test_credentials_decode_base64_only_for_http_basic() -> None:
    encoded = basic_value()
    assert QueryKeyClient(token=encoded).credentials() == (encoded,)
    assert AuthenticatedClient(token=encoded).credentials() == (encoded,)
    # A Basic client built with a token that is not base64 keeps the token alone.
    assert BasicClient(token="not base64!").credentials() == ("not base64!",)
    assert BasicClient(token="a:b").credentials() == ("a:b", "b")


@pytest.mark.parametrize("mode", MODES)
async def test_an_error_echoing_the_basic_credential_blanks_out_each_form(mode: Mode) -> None:
    body = {"code": "denied", "message": f"{basic_value()} is {USERNAME}:{PASSWORD}; {PASSWORD} is wrong"}
    client = mocked(BasicClient.from_password(USERNAME, PASSWORD, **no_retries()), Recorder(json_response(401, body)))
    error = await raised(mode, GET_WITH_DEFAULT, {"client": client})
    assert error.message == "401 Unauthorized: <redacted> is <redacted>; <redacted> is wrong (denied)"


# API keys in the query or a cookie


@pytest.mark.parametrize("mode", MODES)
async def test_an_api_key_in_the_query_goes_as_a_parameter_not_a_header(mode: Mode) -> None:
    handler = Recorder(httpx.Response(200))
    client = mocked(QueryKeyClient(token=API_KEY, **no_retries()), handler)
    await send(mode, client, params={"q": "x"})
    await send(mode, client)
    await send(mode, client, authenticated=False, params={"q": "y"})
    with_params, alone, anonymous = handler.requests
    assert parse_qs(with_params.url.query.decode()) == {"q": ["x"], "api_key": [API_KEY]}
    assert parse_qs(alone.url.query.decode()) == {"api_key": [API_KEY]}
    assert parse_qs(anonymous.url.query.decode()) == {"q": ["y"]}
    for request in handler.requests:
        assert "Authorization" not in request.headers and "api_key" not in request.headers
        assert "Cookie" not in request.headers
    assert client._auth_headers() == {} and client._auth_cookies() == {}
    assert client._auth_params() == {"api_key": API_KEY}


@pytest.mark.parametrize("mode", MODES)
async def test_an_api_key_in_the_query_is_sent_with_an_operations_own_parameters(mode: Mode) -> None:
    handler = Recorder(httpx.Response(204))
    await call(mode, SEARCH, {"client": mocked(QueryKeyClient(token=API_KEY), handler), "ids": [1, 2]})
    assert parse_qs(handler.last.url.query.decode()) == {"ids": ["1,2"], "api_key": [API_KEY]}


@pytest.mark.parametrize("mode", MODES)
async def test_an_api_key_in_the_query_is_blanked_out_of_errors(mode: Mode) -> None:
    body = {"code": "bad_key", "message": f"key {API_KEY} is revoked"}
    client = mocked(QueryKeyClient(token=API_KEY, **no_retries()), Recorder(json_response(401, body)))
    error = await raised(mode, GET_WITH_DEFAULT, {"client": client})
    assert error.message == "401 Unauthorized: key <redacted> is revoked (bad_key)"


def test_an_access_token_is_sent_as_bearer_even_by_a_client_whose_key_goes_in_the_query() -> None:
    handler = Recorder(httpx.Response(200))
    client = mocked(QueryKeyClient.from_access_token("oauth-FAKE-1", **no_retries()), handler)
    client.request(method="GET", url="/")
    assert handler.last.headers.get("Authorization") == "Bearer oauth-FAKE-1"
    assert "oauth-FAKE-1" not in str(handler.last.url)


@pytest.mark.parametrize("mode", MODES)
async def test_an_api_key_in_a_cookie_goes_after_the_clients_own_cookies(mode: Mode) -> None:
    handler = Recorder(httpx.Response(200))
    transport = {"transport": httpx.MockTransport(handler)}
    client = CookieKeyClient(token=API_KEY, cookies={"pref": "p1"}, httpx_args=transport, **no_retries())
    await send(mode, client)
    await send(mode, client, authenticated=False)
    authenticated, anonymous = handler.requests
    assert authenticated.headers.get_list("Cookie") == [f"pref=p1; session_key={API_KEY}"]
    assert "session_key" not in authenticated.headers and "Authorization" not in authenticated.headers
    assert anonymous.headers["Cookie"] == "pref=p1"
    assert client._auth_cookies() == {"session_key": API_KEY}
    assert client._auth_headers() == {} and client._auth_params() == {}


@pytest.mark.parametrize("mode", MODES)
async def test_an_api_key_in_a_cookie_goes_between_the_clients_cookies_and_the_operations(mode: Mode) -> None:
    handler = Recorder(httpx.Response(204))
    transport = {"transport": httpx.MockTransport(handler)}
    client = CookieKeyClient(token=API_KEY, cookies={"pref": "p1"}, httpx_args=transport, **no_retries())
    await call(mode, HEADERS, {"client": client, "session": "s-1"})
    assert handler.last.headers.get_list("Cookie") == [f"pref=p1; session_key={API_KEY}; sid=s-1"]


@pytest.mark.parametrize("mode", MODES)
async def test_the_clients_cookies_are_kept_in_front_of_a_requests_own_cookie_header(mode: Mode) -> None:
    handler = Recorder(httpx.Response(204))
    transport = {"transport": httpx.MockTransport(handler)}
    client = service_client(cookies={"pref": "p1", "lang": "en"}, httpx_args=transport)
    await call(mode, HEADERS, {"client": client, "session": "s-1"})
    await call(mode, HEADERS, {"client": client})
    with_parameter, without = handler.requests
    assert with_parameter.headers.get_list("Cookie") == ["pref=p1; lang=en; sid=s-1"]
    assert with_parameter.headers["Authorization"] == f"{SERVICE_TOKEN_ID}:{SERVICE_TOKEN}"
    assert without.headers.get_list("Cookie") == ["pref=p1; lang=en"]


@pytest.mark.parametrize("mode", MODES)
async def test_a_request_cookie_header_without_client_cookies_is_sent_alone(mode: Mode) -> None:
    handler = Recorder(httpx.Response(200))
    client = mocked(service_client(), handler)
    await send(mode, client, headers={"Cookie": "a=1"})
    assert handler.last.headers.get_list("Cookie") == ["a=1"]


# The logger and the package name


def test_the_runtime_logs_under_its_package_name() -> None:
    assert _base_client._PACKAGE == "runtime"
    assert _base_client._log is logging.getLogger("runtime")
    assert _base_client._REDIRECTS == "runtime.redirects"


def test_the_logger_of_the_package_receives_each_attempt(caplog: pytest.LogCaptureFixture) -> None:
    client = mocked(QueryKeyClient(token=API_KEY, **no_retries()), Recorder(httpx.Response(204)))
    with caplog.at_level(logging.DEBUG, logger="runtime"):
        client.request(method="GET", url="/items", route="/items")
    records = [record for record in caplog.records if record.name == "runtime"]
    assert len(records) == 1 and records[0].getMessage().startswith("GET /items attempt 1 -> 204 in ")
    assert API_KEY not in records[0].getMessage()


# types.File


@pytest.mark.parametrize(
    ("file_name", "mime_type", "sent_type"),
    [
        (None, None, "application/octet-stream"),
        ("photo.png", None, None),  # httpx guesses from the name
        ("photo.png", "image/webp", "image/webp"),
        (None, "text/csv", "text/csv"),
    ],
)
def test_file_to_tuple_defaults_the_media_type_only_without_a_file_name(
    file_name: str | None, mime_type: str | None, sent_type: str | None
) -> None:
    payload = BytesIO(b"data")
    assert File(payload=payload, file_name=file_name, mime_type=mime_type).to_tuple() == (
        file_name,
        payload,
        sent_type,
    )


def test_a_file_without_a_media_type_is_sent_as_httpx_guesses_from_its_name() -> None:
    handler = Recorder(httpx.Response(204))

    def encode(body: File) -> dict[str, Any]:
        return {"files": [("upload", body.to_tuple())]}

    upload: Operation[None, None] = Operation(method="POST", route="/up", body=encode, responses=(Returns(204),))
    upload.sync({"client": mocked(service_client(), handler), "body": File(payload=BytesIO(b"x"), file_name="a.png")})
    upload.sync({"client": mocked(service_client(), handler), "body": File(payload=BytesIO(b"y"))})
    named, unnamed = (request.content for request in handler.requests)
    assert b'filename="a.png"' in named and b"Content-Type: image/png" in named
    assert b"Content-Type: application/octet-stream" in unnamed
