"""``Operation``: the request/response pipeline every generated API function calls.

Each operation here is declared the way a generated endpoint module declares its own, and the functions
that wrap it pass ``locals()`` like the generated ones; requests are answered by an ``httpx.MockTransport``.
"""

from __future__ import annotations

import datetime
import inspect
import json
import pickle
import re
import warnings
from collections.abc import Callable
from enum import Enum
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from runtime import _exceptions as errors
from runtime._operation import Operation, Pagination, Returns, error_from_response
from runtime._redaction import REDACTED
from runtime.runtime_fakes import (
    MODES,
    SENSITIVE_KEYS,
    SERVICE_TOKEN,
    SERVICE_TOKEN_ID,
    TOKEN,
    ErrorModel,
    Item,
    ItemPage,
    Mode,
    OAuthErrorModel,
    Recorder,
    Waits,
    call,
    detailed,
    item_json,
    json_response,
    mocked,
    raised,
    service_client,
)
from runtime.types import UNSET, Response, Unset

CREDENTIAL = f"{SERVICE_TOKEN_ID}:{SERVICE_TOKEN}"


class Color(Enum):
    RED = "red"


class Filter:
    """An object query parameter: its properties are sent as parameters."""

    def to_dict(self) -> dict[str, Any]:
        return {"state": "open", "kind": "x"}


GET_ITEM: Operation[Item, Item | ErrorModel] = Operation(
    method="GET",
    route="/orgs/{org}/items/{id}",
    path=("org", "id"),
    query=("page", ("per-page", "per_page"), "since", "color", "ids", "filter"),
    headers=(("X-Dry-Run", "dry_run"), ("X-Count", "count"), ("X-Color", "color")),
    responses=(Returns(200, Item), Returns((401, 404), ErrorModel)),
    sensitive_keys=SENSITIVE_KEYS,
)


def get_item(
    org: str,
    id: str,
    *,
    client: Any,
    page: int | Unset = UNSET,
    per_page: int | Unset | None = UNSET,
    since: datetime.date | Unset | None = UNSET,
    color: Color | Unset = UNSET,
    ids: list[Any] | Unset = UNSET,
    filter: Filter | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    count: int | Unset = UNSET,
    timeout: httpx.Timeout | float | None = None,
    max_retries: int | None = None,
) -> Item:
    return GET_ITEM.sync(locals())


def request_of(handler: Recorder) -> httpx.Request:
    assert len(handler.requests) == 1, f"expected one request, got {len(handler.requests)}"
    return handler.requests[0]


# Sending


def test_path_values_are_percent_encoded_slashes_included() -> None:
    handler = Recorder(json_response(200, item_json()))
    client = mocked(service_client(), handler)
    item = get_item("a b/c?d#e%f", "../x", client=client)
    assert item.id == "itm_1"
    request = request_of(handler)
    assert request.url.raw_path == b"/v1/orgs/a%20b%2Fc%3Fd%23e%25f/items/..%2Fx"
    assert request.url.host == "api.example.test"
    assert request.method == "GET"


def test_query_drops_unset_and_none_and_encodes_values() -> None:
    handler = Recorder(json_response(200, item_json()))
    client = mocked(service_client(), handler)
    get_item(
        "org",
        "x",
        client=client,
        page=2,
        per_page=None,
        since=datetime.date(2024, 5, 1),
        color=Color.RED,
        ids=[Color.RED, 3],
        filter=Filter(),
    )
    query = parse_qs(request_of(handler).url.query.decode(), keep_blank_values=True)
    assert query == {
        "page": ["2"],
        "since": ["2024-05-01"],
        "color": ["red"],
        "ids": ["red", "3"],
        "state": ["open"],
        "kind": ["x"],
    }


def test_no_query_string_when_every_parameter_is_unset() -> None:
    handler = Recorder(json_response(200, item_json()))
    get_item("org", "x", client=mocked(service_client(), handler))
    assert request_of(handler).url.query == b""


def test_wire_names_and_header_values() -> None:
    handler = Recorder(json_response(200, item_json()))
    client = mocked(service_client(), handler)
    get_item("org", "x", client=client, per_page=5, dry_run=True, count=3, color=Color.RED)
    request = request_of(handler)
    assert request.url.params["per-page"] == "5"
    assert request.headers["X-Dry-Run"] == "true"
    assert request.headers["X-Count"] == "3"
    assert request.headers["X-Color"] == "red"
    # The credential is still sent alongside the operation's own headers.
    assert request.headers["Authorization"] == CREDENTIAL
    handler.requests.clear()
    get_item("org", "x", client=client, dry_run=False)
    assert request_of(handler).headers["X-Dry-Run"] == "false"
    assert "X-Count" not in request_of(handler).headers


WITH_COOKIE: Operation[None, None] = Operation(
    method="GET", route="/session", cookies=(("sid", "session"),), responses=(Returns(204),)
)


def test_cookie_parameters_are_sent_by_their_wire_name() -> None:
    handler = Recorder(httpx.Response(204))
    client = mocked(service_client(), handler)
    WITH_COOKIE.sync({"client": client, "session": "s-1"})
    WITH_COOKIE.sync({"client": client, "session": UNSET})
    assert handler.requests[0].headers["Cookie"] == "sid=s-1"
    assert "Cookie" not in handler.requests[1].headers


def test_cookie_parameters_use_no_deprecated_httpx_api() -> None:
    handler = Recorder(httpx.Response(204))
    client = mocked(service_client(), handler)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        WITH_COOKIE.sync({"client": client, "session": UNSET})
        WITH_COOKIE.sync({"client": client, "session": "s-1"})
    assert handler.requests[1].headers["Cookie"] == "sid=s-1"
    assert [str(w.message) for w in caught] == []


def test_timeout_and_max_retries_reach_the_transport() -> None:
    waits = Waits()
    handler = Recorder(httpx.Response(503), httpx.Response(503), json_response(200, item_json()))
    client = mocked(service_client(retry=waits.policy(max_retries=0)), handler)
    get_item("org", "x", client=client, timeout=2.5, max_retries=2)
    assert len(handler.requests) == 3
    assert handler.requests[0].extensions["timeout"] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}


CREATE_ITEM: Operation[Item, Item | ErrorModel] = Operation(
    method="POST",
    route="/items",
    body="json",
    responses=(Returns(201, Item), Returns(422, ErrorModel)),
    sensitive_keys=SENSITIVE_KEYS,
)


@pytest.mark.parametrize("mode", MODES)
async def test_json_body_from_a_model_or_a_dict(mode: Mode) -> None:
    handler = Recorder(json_response(201, item_json()))
    client = mocked(service_client(), handler)
    model = Item.from_dict(item_json(id="new", tags=["t"]))
    created = await call(mode, CREATE_ITEM, {"client": client, "body": model})
    assert created == Item.from_dict(item_json())
    await call(mode, CREATE_ITEM, {"client": client, "body": {"id": "raw"}})
    first, second = handler.requests
    assert first.headers["Content-Type"] == "application/json"
    assert json.loads(first.content) == {
        "id": "new",
        "created_at": "2024-05-01T12:00:00Z",
        "owner": None,
        "tags": ["t"],
    }
    assert json.loads(second.content) == {"id": "raw"}


@pytest.mark.parametrize("mode", MODES)
async def test_form_body_goes_to_the_oauth_server_without_the_credential(mode: Mode) -> None:
    handler = Recorder(json_response(200, {"access_token": "at-1", "token_type": "Bearer", "expires_in": 60}))
    client = mocked(service_client(), handler)
    body = {"grant_type": "authorization_code", "code": "ac-1", "client_id": "id", "client_secret": "cs-1"}
    tokens = await call(mode, TOKEN, {"client": client, "body": body})
    assert tokens.access_token == "at-1" and tokens.expires_in == 60
    request = request_of(handler)
    assert str(request.url) == "https://auth.example.test/oauth/token"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(request.content.decode()) == {key: [value] for key, value in body.items()}
    assert "Authorization" not in request.headers


def test_a_body_function_returns_httpx_arguments_and_headers() -> None:
    def encode(body: bytes) -> dict[str, Any]:
        return {"content": body, "headers": {"Content-Type": "application/octet-stream"}}

    upload: Operation[None, None] = Operation(method="PUT", route="/blob", body=encode, responses=(Returns(204),))
    handler = Recorder(httpx.Response(204))
    assert upload.sync({"client": mocked(service_client(), handler), "body": b"\x00\x01"}) is None
    request = request_of(handler)
    assert request.content == b"\x00\x01"
    assert request.headers["Content-Type"] == "application/octet-stream"


def test_no_body_is_sent_for_none_or_unset() -> None:
    handler = Recorder(json_response(201, item_json()))
    client = mocked(service_client(), handler)
    CREATE_ITEM.sync({"client": client, "body": None})
    CREATE_ITEM.sync({"client": client})
    assert [request.content for request in handler.requests] == [b"", b""]


# Reading the answer


@pytest.mark.parametrize("mode", MODES)
async def test_each_documented_status_is_parsed_as_its_model(mode: Mode) -> None:
    answers = [
        json_response(200, item_json(), {"x-request-id": "req-7"}),
        json_response(401, {"code": "unauthorized", "message": "no"}),
        json_response(404, {"code": "not_found", "message": "gone"}),
    ]
    client = mocked(service_client(), Recorder(*answers))
    args = {"client": client, "org": "o", "id": "i"}
    ok = await detailed(mode, GET_ITEM, args)
    assert ok.status_code == 200 and isinstance(ok.parsed, Item)
    assert ok.request_id == "req-7"
    unauthorized = await detailed(mode, GET_ITEM, args)
    assert unauthorized.status_code == 401
    assert unauthorized.parsed == ErrorModel(code="unauthorized", message="no")
    assert (await detailed(mode, GET_ITEM, args)).parsed == ErrorModel(code="not_found", message="gone")


def test_a_status_without_a_body_and_a_raw_json_body() -> None:
    delete: Operation[None, None] = Operation(method="DELETE", route="/x", responses=(Returns(204),))
    assert delete.sync({"client": mocked(service_client(), Recorder(httpx.Response(204)))}) is None
    raw: Operation[Any, Any] = Operation(method="GET", route="/x", responses=(Returns(200, raw=True),))
    assert raw.sync({"client": mocked(service_client(), Recorder(json_response(200, [1, {"a": None}])))}) == [
        1,
        {"a": None},
    ]


def test_a_status_range_matches_every_status_in_it() -> None:
    ranged = Returns(range(500, 600), ErrorModel)
    assert ranged.matches(503) and not ranged.matches(499) and not ranged.success
    assert Returns(range(200, 300)).success and Returns(204).success and not Returns(404).success


@pytest.mark.parametrize("mode", MODES)
async def test_an_undocumented_status_comes_back_unparsed_or_raises_when_asked(mode: Mode) -> None:
    args = {
        "client": mocked(service_client(), Recorder(json_response(409, {"code": "conflict"}))),
        "org": "o",
        "id": "i",
    }
    response = await detailed(mode, GET_ITEM, args)
    assert (response.status_code, response.parsed) == (409, None)
    assert json.loads(response.content) == {"code": "conflict"}
    strict = mocked(service_client(raise_on_unexpected_status=True), Recorder(json_response(409, {"code": "c"})))
    with pytest.raises(errors.UnexpectedStatus) as caught:
        await detailed(mode, GET_ITEM, {**args, "client": strict})
    assert caught.value.status_code == 409
    # A body the operation does not document: the value under a sensitive key ("code") is blanked out by key.
    assert caught.value.message == """unexpected status 409 Conflict: '{"code": "<redacted>"}'"""


@pytest.mark.parametrize("mode", MODES)
async def test_an_invalid_success_body_raises_with_its_json_path(mode: Mode) -> None:
    body = item_json(owner={"name": "o", "created_at": "never"})
    client = mocked(service_client(), Recorder(json_response(200, body)))
    with pytest.raises(errors.ResponseValidationError) as caught:
        await detailed(mode, GET_ITEM, {"client": client, "org": "o", "id": "i"})
    error = caught.value
    assert error.path == "owner.created_at"
    assert error.message == "200 response is not a valid Item: owner.created_at: expected date-time string, got 'never'"
    assert error.status_code == 200 and json.loads(error.content) == body


@pytest.mark.parametrize(
    ("content", "headers", "problem"),
    [
        (b"", {}, "empty body, expected a JSON object"),
        (b"<h1>hi</h1>", {"content-type": "text/html"}, "expected an application/json body, got text/html (11 bytes)"),
    ],
)
def test_a_success_body_that_is_not_json_raises(content: bytes, headers: dict[str, str], problem: str) -> None:
    client = mocked(service_client(), Recorder(httpx.Response(200, content=content, headers=headers)))
    with pytest.raises(errors.ResponseValidationError) as caught:
        get_item("o", "i", client=client)
    assert caught.value.message == f"200 response is not a valid Item: {problem}"


@pytest.mark.parametrize("mode", MODES)
async def test_an_error_body_that_is_not_the_documented_model(mode: Mode) -> None:
    answer = httpx.Response(404, content=b"<html>Not here</html>", headers={"content-type": "text/html"})
    args = {"client": mocked(service_client(), Recorder(answer)), "org": "o", "id": "i"}
    response = await detailed(mode, GET_ITEM, args)
    assert (response.status_code, response.parsed, response.content) == (404, None, b"<html>Not here</html>")
    error = await raised(mode, GET_ITEM, args)
    assert type(error) is errors.NotFoundError
    assert error.message == "404 Not Found: malformed error response: '<html>Not here</html>'"


# Typed errors


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (401, errors.AuthenticationError),
        (404, errors.NotFoundError),
        (403, errors.ForbiddenError),
        (429, errors.RateLimitError),
        (500, errors.ServerError),
        (418, errors.UnexpectedStatus),
    ],
)
@pytest.mark.parametrize("mode", MODES)
async def test_sync_raises_the_typed_error_for_each_status(
    mode: Mode, status: int, cls: type[errors.APIStatusError]
) -> None:
    body = {"code": "some_code", "message": "what went wrong"}
    answer = json_response(status, body, {"x-request-id": "req-9"})
    error = await raised(mode, GET_ITEM, {"client": mocked(service_client(), Recorder(answer)), "org": "o", "id": "i"})
    assert type(error) is cls
    assert isinstance(error, errors.APIStatusError)
    assert error.status_code == status
    assert error.request_id == "req-9"
    assert json.loads(error.content) == body
    if cls is errors.UnexpectedStatus:
        shown = """'{"code": "<redacted>", "message": "what went wrong"}'"""
        assert error.message == f"unexpected status 418 I'm a Teapot: {shown}"
    else:
        assert error.code == "some_code"
        assert str(error).endswith(": what went wrong (some_code)")
        assert error.message.startswith(f"{status} ")


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_is_a_redirect_error_naming_where_without_the_query(mode: Mode) -> None:
    answer = httpx.Response(302, headers={"Location": "https://elsewhere.test/login?code=ac-1&x=1"})
    args = {"client": mocked(service_client(), Recorder(answer)), "org": "o", "id": "i"}
    response = await detailed(mode, GET_ITEM, args)
    assert response.status_code == 302 and response.parsed is None
    error = await raised(mode, GET_ITEM, args)
    assert isinstance(error, errors.RedirectError)
    assert error.location == "https://elsewhere.test/login"
    assert "ac-1" not in str(error)
    assert error.message.startswith("302 Found: redirect to https://elsewhere.test/login not followed")


@pytest.mark.parametrize("code", sorted(errors.OAUTH_ERRORS))
@pytest.mark.parametrize("mode", MODES)
async def test_oauth_error_bodies_pick_the_oauth_error_class(mode: Mode, code: str) -> None:
    body = {"error": code, "error_description": "it is wrong", "error_uri": "https://docs.test/e"}
    client = mocked(service_client(), Recorder(json_response(400, body)))
    error = await raised(mode, TOKEN, {"client": client, "body": {"grant_type": "refresh_token"}})
    assert type(error) is errors.OAUTH_ERRORS[code]
    assert isinstance(error, errors.OAuthError)
    assert (error.status_code, error.code, error.error_uri) == (400, code, "https://docs.test/e")
    assert error.message == f"400 Bad Request: it is wrong ({code})"


@pytest.mark.parametrize("mode", MODES)
async def test_an_unknown_oauth_error_code_is_an_oauth_error(mode: Mode) -> None:
    client = mocked(service_client(), Recorder(json_response(401, {"error": "slow_down"})))
    error = await raised(mode, TOKEN, {"client": client, "body": {"grant_type": "refresh_token"}})
    assert type(error) is errors.OAuthError
    assert error.message == "401 Unauthorized: slow_down (slow_down)"
    assert isinstance(error, errors.OAuthError) and error.error_uri is None


def test_an_oauth_looking_body_is_not_an_oauth_error_elsewhere() -> None:
    client = mocked(service_client(), Recorder(json_response(404, {"error": "invalid_grant", "message": "gone"})))
    with pytest.raises(errors.NotFoundError) as caught:
        get_item("o", "i", client=client)
    assert not isinstance(caught.value, errors.OAuthError)
    assert caught.value.message == "404 Not Found: gone (invalid_grant)"


@pytest.mark.parametrize(
    ("body", "message", "code"),
    [
        ({"code": "not_found", "message": "no such item"}, "no such item", "not_found"),
        # RFC 9457 problem details
        ({"type": "https://example.test/probs/gone", "title": "Gone", "detail": "item i was deleted"},
         "item i was deleted", "https://example.test/probs/gone"),
        ({"error": "not_found", "detail": "todo 3 does not exist"}, "todo 3 does not exist", "not_found"),
        ({"error": "not_found"}, None, "not_found"),  # a code alone: the message quotes the body
        ({"message": 5, "code": "x"}, None, "x"),
    ],
)  # fmt: skip
def test_an_error_body_s_words_and_code_are_read_from_the_usual_keys(
    body: dict[str, Any], message: str | None, code: str | None
) -> None:
    client = mocked(service_client(), Recorder(json_response(404, body)))
    with pytest.raises(errors.NotFoundError) as caught:
        get_item("o", "i", client=client)
    assert caught.value.code == code
    if message is None:
        assert "malformed error response" in str(caught.value)
    else:
        assert caught.value.message == f"404 Not Found: {message}" + (f" ({code})" if code else "")


# Secrets in error answers


@pytest.mark.parametrize("mode", MODES)
async def test_the_clients_credential_is_blanked_out_of_errors_and_the_response_repr(mode: Mode) -> None:
    body = {"code": f"bad_{SERVICE_TOKEN}", "message": f"token {CREDENTIAL} (or {SERVICE_TOKEN}) refused"}
    client = mocked(service_client(), Recorder(json_response(401, body)))
    args = {"client": client, "org": "o", "id": "i"}
    error = await raised(mode, GET_ITEM, args)
    assert error.message == "401 Unauthorized: token <redacted> (or <redacted>) refused (bad_<redacted>)"
    assert error.code == "bad_<redacted>"
    response = await detailed(mode, GET_ITEM, args)
    assert response.parsed == ErrorModel(code="bad_<redacted>", message="token <redacted> (or <redacted>) refused")
    assert SERVICE_TOKEN not in repr(response)
    assert SERVICE_TOKEN_ID not in repr(response)
    assert repr(response).startswith("Response(status_code=<HTTPStatus.UNAUTHORIZED: 401>, content=<")
    # The body is kept, less the echoed credential: the response and its error copy and pickle without it.
    assert response.content == b'{"code":"bad_<redacted>","message":"token <redacted> (or <redacted>) refused"}'
    assert SERVICE_TOKEN.encode() not in pickle.dumps(error)


@pytest.mark.parametrize("mode", MODES)
async def test_a_raw_error_body_is_blanked_out_of_the_response(mode: Mode) -> None:
    raw: Operation[Any, Any] = Operation(method="GET", route="/x", responses=(Returns((200, 403), raw=True),))
    client = mocked(service_client(), Recorder(json_response(403, {"message": f"{CREDENTIAL} may not"})))
    response = await detailed(mode, raw, {"client": client})
    # Not a model, but read from the body after the credential was blanked out of it.
    assert response.parsed == {"message": "<redacted> may not"}
    size = len(response.content)
    assert repr(response) == (
        f"Response(status_code=<HTTPStatus.FORBIDDEN: 403>, content=<{size} bytes>, "
        "parsed={'message': '<redacted> may not'})"
    )
    assert response.request_id is None


@pytest.mark.parametrize("mode", MODES)
async def test_sensitive_values_of_the_body_are_blanked_out_of_oauth_errors(mode: Mode) -> None:
    body = {"grant_type": "authorization_code", "code": "ac-SECRET-1", "client_secret": "cs-SECRET-2"}
    echo = {"error": "invalid_grant", "error_description": "code ac-SECRET-1 for cs-SECRET-2 expired"}
    client = mocked(service_client(), Recorder(json_response(400, echo)))
    error = await raised(mode, TOKEN, {"client": client, "body": body})
    assert isinstance(error, errors.InvalidGrantError)
    assert error.message == "400 Bad Request: code <redacted> for <redacted> expired (invalid_grant)"
    response = await detailed(mode, TOKEN, {"client": client, "body": body})
    assert isinstance(response.parsed, OAuthErrorModel)
    assert response.parsed.error_description == "code <redacted> for <redacted> expired"
    assert "SECRET" not in repr(response)


@pytest.mark.parametrize("mode", MODES)
async def test_an_unexpected_status_quotes_the_body_without_any_secret(mode: Mode) -> None:
    echo = {"note": f"{SERVICE_TOKEN} and ac-SECRET-1", "refresh_token": "rt-from-server"}
    client = mocked(service_client(raise_on_unexpected_status=True), Recorder(json_response(418, echo)))
    body = {"grant_type": "authorization_code", "code": "ac-SECRET-1"}
    with pytest.raises(errors.UnexpectedStatus) as caught:
        await detailed(mode, CREATE_ITEM, {"client": client, "body": body})
    shown = caught.value.message
    assert shown == (
        """unexpected status 418 I'm a Teapot: '{"note": "<redacted> and <redacted>", "refresh_token": "<redacted>"}'"""
    )


def test_error_from_response_without_a_json_message_quotes_a_redacted_snippet() -> None:
    response: Response[None] = Response(
        status_code=HTTPStatus.BAD_GATEWAY, content=b"upstream said TOKEN-1", headers={}, parsed=None
    )
    error = error_from_response(response, ["TOKEN-1"])
    assert type(error) is errors.ServerError
    assert error.message == "502 Bad Gateway: malformed error response: 'upstream said <redacted>'"
    assert error.code is None


def test_a_redirect_location_is_scrubbed_of_secrets() -> None:
    response: Response[None] = Response(
        status_code=HTTPStatus.TEMPORARY_REDIRECT,
        content=b"",
        headers={"location": "https://x.test/TOKEN-1/next"},
        parsed=None,
    )
    error = error_from_response(response, ["TOKEN-1"])
    assert isinstance(error, errors.RedirectError)
    assert error.location == f"https://x.test/{REDACTED}/next"
    missing: Response[None] = Response(status_code=HTTPStatus.FOUND, content=b"", headers={}, parsed=None)
    assert "(no Location header)" in str(error_from_response(missing))


@pytest.mark.parametrize("status", [520, 499])
@pytest.mark.parametrize("mode", MODES)
async def test_a_status_without_a_standard_phrase_is_a_typed_error(mode: Mode, status: int) -> None:
    client = mocked(service_client(), Recorder(httpx.Response(status, text="origin error")))
    args = {"client": client, "org": "o", "id": "i"}
    error = await raised(mode, GET_ITEM, args)
    assert type(error) is errors.error_class_for_status(status)
    assert error.status_code == status
    expected = {520: "520: malformed error response: 'origin error'", 499: "unexpected status 499: 'origin error'"}
    assert error.message == expected[status]
    response = await detailed(mode, GET_ITEM, args)
    assert (response.status_code, response.parsed) == (status, None)
    assert repr(response).startswith(f"Response(status_code={status}, ")


# Deprecation

DEPRECATED: Operation[Item, Item | ErrorModel] = Operation(
    method="GET",
    route="/old/{id}",
    path=("id",),
    responses=(Returns(200, Item),),
    deprecation="old_item is deprecated; use get_item",
)


def old_item(id: str, *, client: Any) -> Item:
    return DEPRECATED.sync(locals())


def old_item_detailed(id: str, *, client: Any) -> Response[Item | ErrorModel]:
    return DEPRECATED.sync_detailed(locals())


async def aold_item(id: str, *, client: Any) -> Item:
    return await DEPRECATED.asyncio(locals())


async def aold_item_detailed(id: str, *, client: Any) -> Response[Item | ErrorModel]:
    return await DEPRECATED.asyncio_detailed(locals())


def caller_line() -> int:
    frame = inspect.currentframe()
    assert frame is not None and frame.f_back is not None
    return frame.f_back.f_lineno


async def test_a_deprecated_operation_warns_at_the_callers_line() -> None:
    client = mocked(service_client(), Recorder(json_response(200, item_json())))
    lines: list[int] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lines.append(caller_line() + 1)
        old_item("x", client=client)
        lines.append(caller_line() + 1)
        old_item_detailed("x", client=client)
        lines.append(caller_line() + 1)
        await aold_item("x", client=client)
        lines.append(caller_line() + 1)
        await aold_item_detailed("x", client=client)
    assert [(w.category, str(w.message)) for w in caught] == [
        (DeprecationWarning, "old_item is deprecated; use get_item")
    ] * 4
    assert [w.filename for w in caught] == [__file__] * 4
    assert [w.lineno for w in caught] == lines


def test_a_current_operation_does_not_warn() -> None:
    client = mocked(service_client(), Recorder(json_response(200, item_json())))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        get_item("o", "i", client=client)


# Pagination

LIST_ITEMS: Operation[ItemPage, ItemPage | ErrorModel] = Operation(
    method="GET",
    route="/orgs/{org}/items",
    path=("org",),
    query=("page", "per_page"),
    responses=(Returns(200, ItemPage), Returns((401, 404), ErrorModel)),
    pages=Pagination(page="page", next="next_page", items="items", next_field="next_page"),
)


def pages_of(
    sizes: dict[int, tuple[int, int | None]], *, reset: bool = False
) -> Callable[[httpx.Request], httpx.Response]:
    """Page n holds sizes[n][0] items and names sizes[n][1] as the next page (and pages must end)."""
    asked: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        if reset and page == 1:
            asked.clear()
        asked.append(page)
        assert len(asked) <= 10, f"pagination did not stop: pages {asked}"
        count, following = sizes[page]
        items = [item_json(id=f"p{page}-{index}") for index in range(count)]
        return json_response(200, {"current_page": page, "next_page": following, "items": items})

    return answer


def page_args(client: Any, page: int | Unset | None = UNSET) -> dict[str, Any]:
    return {"client": client, "org": "o", "page": page, "per_page": 2, "timeout": None, "max_retries": None}


def test_iterate_walks_every_page_fetching_each_when_reached() -> None:
    handler = Recorder(pages_of({1: (2, 2), 2: (2, 3), 3: (1, None)}))
    items = LIST_ITEMS.iterate(page_args(mocked(service_client(), handler)))
    assert next(items).id == "p1-0"
    assert len(handler.requests) == 1  # lazily: the second page only when reached
    assert [item.id for item in items] == ["p1-1", "p2-0", "p2-1", "p3-0"]
    assert [request.url.params["page"] for request in handler.requests] == ["1", "2", "3"]
    assert {request.url.params["per_page"] for request in handler.requests} == {"2"}


async def test_aiterate_walks_every_page_from_the_given_one() -> None:
    handler = Recorder(pages_of({2: (1, 4), 4: (2, None)}))
    found = [item.id async for item in LIST_ITEMS.aiterate(page_args(mocked(service_client(), handler), page=2))]
    assert found == ["p2-0", "p4-0", "p4-1"]
    assert [request.url.params["page"] for request in handler.requests] == ["2", "4"]


@pytest.mark.parametrize("mode", MODES)
async def test_pages_that_do_not_advance_raise_instead_of_looping(mode: Mode) -> None:
    handler = Recorder(pages_of({1: (1, 2), 2: (1, 2)}))
    args = page_args(mocked(service_client(), handler), page=None)
    seen: list[str] = []
    with pytest.raises(errors.ResponseValidationError) as caught:
        if mode == "sync":
            seen.extend(item.id for item in LIST_ITEMS.iterate(args))
        else:
            seen.extend([item.id async for item in LIST_ITEMS.aiterate(args)])
    assert caught.value.path == "next_page"
    assert caught.value.message == "next_page: page 2 names page 2 as the next one; pagination would not end"
    assert len(handler.requests) == 2


@pytest.mark.parametrize("mode", MODES)
async def test_an_error_page_stops_iteration_with_its_typed_error(mode: Mode) -> None:
    answers = Recorder(pages_of({1: (1, 2)}), json_response(404, {"code": "not_found", "message": "gone"}))
    args = page_args(mocked(service_client(), answers))
    found: list[str] = []
    with pytest.raises(errors.NotFoundError):
        if mode == "sync":
            for item in LIST_ITEMS.iterate(args):
                found.append(item.id)
        else:
            async for item in LIST_ITEMS.aiterate(args):
                found.append(item.id)
    assert found == ["p1-0"]


def test_iterate_refuses_an_operation_without_pages() -> None:
    with pytest.raises(TypeError, match=re.escape("GET /orgs/{org}/items/{id} is not paginated")):
        next(GET_ITEM.iterate({"client": service_client(), "page": 1}))


async def test_iterating_a_deprecated_operation_warns_once_at_the_loop() -> None:
    deprecated: Operation[ItemPage, ItemPage | ErrorModel] = Operation(
        method=LIST_ITEMS.method,
        route=LIST_ITEMS.route,
        path=LIST_ITEMS.path,
        query=LIST_ITEMS.query,
        responses=LIST_ITEMS.responses,
        pages=LIST_ITEMS.pages,
        deprecation="list_old is deprecated",
    )
    handler = Recorder(pages_of({1: (1, 2), 2: (1, None)}, reset=True))
    args = page_args(mocked(service_client(), handler))
    lines: list[int] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lines.append(caller_line() + 1)
        assert len(list(deprecated.iterate(args))) == 2
        lines.append(caller_line() + 1)
        assert len([item async for item in deprecated.aiterate(args)]) == 2
    assert len(handler.requests) == 4
    assert [str(w.message) for w in caught] == ["list_old is deprecated"] * 2
    assert [(w.filename, w.lineno) for w in caught] == [(__file__, line) for line in lines]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", [".", ".."])
async def test_dot_segments_are_refused(mode: Mode, value: str) -> None:
    # URL normalisation removes "." and ".." segments (and the one before), percent-encoded or not.
    handler = Recorder(json_response(200, item_json()))
    with pytest.raises(errors.ArgumentError, match=re.escape("must not be '.' or '..'")):
        await call(mode, GET_ITEM, {"client": mocked(service_client(), handler), "org": "o", "id": value})
    assert handler.requests == []


@pytest.mark.parametrize("mode", MODES)
async def test_an_undocumented_success_status_is_scrubbed_like_any_error(mode: Mode) -> None:
    echo = json_response(201, {"echo": CREDENTIAL})
    error = await raised(mode, GET_ITEM, {"client": mocked(service_client(), Recorder(echo)), "org": "o", "id": "i"})
    assert isinstance(error, errors.UnexpectedStatus)
    assert SERVICE_TOKEN not in str(error) and "<redacted>" in str(error)
