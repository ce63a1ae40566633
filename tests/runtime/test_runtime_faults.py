"""Faults from issue "a hostile world, part two" that the runtime now survives at their root: credentials no header
can carry, a Retry-After that only looks like a number, a token lifetime past what a datetime holds, bodies nested
deeper than Python's recursion limit, and errors that must copy and cross process boundaries."""

from __future__ import annotations

import base64
import copy
import datetime
import inspect
import json
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from http import HTTPStatus
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest
from attrs import define

from runtime import _exceptions as errors
from runtime._base_client import RetryPolicy
from runtime._oauth import MAX_LIFETIME, Tokens
from runtime._operation import MAX_EMPTY_PAGES, Operation, Pagination, Returns, error_from_response
from runtime._redaction import MIN_ECHO, REDACTED, known, redact_json, scrub, scrub_json, sensitive_values
from runtime.runtime_fakes import (
    SERVICE_TOKEN,
    SERVICE_TOKEN_ID,
    AuthenticatedClient,
    Item,
    ItemPage,
    Recorder,
    mocked,
    service_client,
)
from runtime.types import UNSET, Response, Unset

# Credentials


@pytest.mark.parametrize(
    ("token", "what"),
    [
        (f"{SERVICE_TOKEN}\n", "a line break"),
        (f"{SERVICE_TOKEN}\r\nX-Injected: 1", "a line break"),
        (f"{SERVICE_TOKEN}\x00", "a control character"),
        (f"{SERVICE_TOKEN}\x7f", "a control character"),
        (f"{SERVICE_TOKEN}é", "a non-ASCII character"),
    ],
)
def test_a_credential_no_header_can_carry_is_refused_at_construction_without_echoing_it(token: str, what: str) -> None:
    builds: list[Callable[[], AuthenticatedClient]] = [
        lambda: AuthenticatedClient.from_service_token(SERVICE_TOKEN_ID, token),
        lambda: AuthenticatedClient(token=token),
    ]
    for build in builds:
        with pytest.raises(errors.CredentialsError) as caught:
            build()
        assert what in str(caught.value)
        assert SERVICE_TOKEN not in str(caught.value) and SERVICE_TOKEN not in repr(caught.value)


def test_a_trailing_newline_from_the_environment_is_named_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN_ID", SERVICE_TOKEN_ID)
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN", SERVICE_TOKEN + "\n")
    with pytest.raises(errors.CredentialsError, match="trailing newline") as caught:
        AuthenticatedClient.from_env()
    assert SERVICE_TOKEN not in str(caught.value)


# Retry-After


@pytest.mark.parametrize("value", ["²".encode("latin-1"), "١٢".encode(), b"1e3", b"-5", b"soon"])
def test_a_retry_after_that_is_not_ascii_digits_or_a_date_falls_back_to_backoff(value: bytes) -> None:
    policy = RetryPolicy(random=lambda: 1.0)
    response = httpx.Response(503, headers=[(b"retry-after", value)])  # "²" arrives as the latin-1 byte b"\xb2"
    assert policy.delay(1, response) == policy.initial_delay


def test_a_retry_after_in_ascii_digits_is_honoured() -> None:
    assert RetryPolicy().delay(1, httpx.Response(503, headers={"retry-after": "7"})) == 7.0


# Token lifetimes


@define
class Answer:
    access_token: str
    refresh_token: str | Unset | None
    expires_in: Any
    scope: str | Unset | None = UNSET


@pytest.mark.parametrize(("expires_in", "lifetime"), [(10**21, MAX_LIFETIME), (-30, 0.0), (3600, 3600.0)])
def test_any_lifetime_keeps_the_rotated_refresh_token(expires_in: int, lifetime: float) -> None:
    tokens = Tokens.from_response(Answer("at-new", "rt-rotated", expires_in), now=1_000_000.0)
    assert tokens.refresh_token == "rt-rotated"
    assert tokens.expires_at == datetime.datetime.fromtimestamp(1_000_000.0 + lifetime, tz=datetime.UTC)


# Bodies nested past the recursion limit


def nested(depth: int, leaf: Any) -> Any:
    body = leaf
    for _ in range(depth):
        body = {"refresh_token": "rt-deep", "inner": [body]}
    return body


def test_redaction_walks_a_body_nested_thousands_deep() -> None:
    body = nested(5_000, "the end")
    assert len(sensitive_values(body, {"refresh_token"})) == 5_000
    redacted = redact_json(body, {"refresh_token"})
    scrubbed = scrub_json(body, ("rt-deep",))
    for copied in (redacted, scrubbed):
        node = copied
        for _ in range(5_000):
            assert node["refresh_token"] != "rt-deep"
            node = node["inner"][0]
        assert node == "the end"


def test_an_error_body_nested_thousands_deep_is_a_typed_error() -> None:
    text = '{"message": "deep", "x": ' + "[" * 5_000 + "]" * 5_000 + "}"
    response: Response[Any] = Response(
        status_code=HTTPStatus.BAD_REQUEST,
        content=text.encode(),
        headers=httpx.Headers({"content-type": "application/json"}),
        parsed=None,
    )
    error = error_from_response(response, ("rt-deep",))
    assert isinstance(error, errors.BadRequestError)


# Errors that copy and pickle


def sample(cls: type[errors.APIError]) -> errors.APIError:
    """An instance of each error class, built the way the package builds it."""
    if issubclass(cls, errors.UnexpectedStatus):
        return cls(418, b'{"teapot": true}', headers=httpx.Headers({"x-request-id": "r-1"}))
    if issubclass(cls, errors.ResponseValidationError):
        return cls("expected string, got integer", path="owner.name", status_code=200, content=b"{}")
    if issubclass(cls, errors.APIStatusError):
        return cls(f"{cls.__name__}: words", status_code=400, code="c", headers=httpx.Headers({"a": "b"}), content=b"x")
    return cls(f"{cls.__name__}: words")


ERROR_CLASSES = [
    value
    for name in errors.__all__
    if inspect.isclass(value := getattr(errors, name)) and issubclass(value, errors.APIError)
]


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=[cls.__name__ for cls in ERROR_CLASSES])
def test_every_error_copies_and_pickles_with_its_attributes(cls: type[errors.APIError]) -> None:
    error = sample(cls)
    for twin in (copy.copy(error), copy.deepcopy(error), pickle.loads(pickle.dumps(error))):
        assert type(twin) is cls
        assert str(twin) == str(error) and repr(twin) == repr(error)
        assert twin.__dict__.keys() == error.__dict__.keys()
        assert dict(twin.headers) == dict(error.headers)


def _raise_not_found() -> None:
    raise errors.NotFoundError("404 Not Found: gone", status_code=404, code="not_found")


def test_an_error_raised_in_a_worker_process_reaches_the_parent_typed() -> None:
    with ProcessPoolExecutor(max_workers=1) as pool, pytest.raises(errors.NotFoundError) as caught:
        pool.submit(_raise_not_found).result(timeout=60)
    assert caught.value.code == "not_found" and caught.value.status_code == 404


# Path values


ITEM: Operation[None, None] = Operation(
    method="GET", route="/orgs/{org}/items/{id}", path=("org", ("id", "item_id")), responses=(Returns(204),)
)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", "item_id must not be empty"),
        (".", "item_id must not be '.' or '..'"),
        ("..", "item_id must not be '.' or '..'"),
        (None, "item_id must be text or a number, not NoneType"),
        (b"i-1", "item_id must be text or a number, not bytes"),
        (["i-1"], "item_id must be text or a number, not list"),
        ({"id": 1}, "item_id must be text or a number, not dict"),
    ],
)
def test_a_path_value_no_segment_can_carry_is_refused_before_any_request(value: Any, problem: str) -> None:
    handler = Recorder(httpx.Response(204))
    client = mocked(service_client(), handler)
    with pytest.raises(errors.ArgumentError, match=problem):
        ITEM.sync({"client": client, "org": "acme", "item_id": value})
    assert handler.requests == []


@pytest.mark.parametrize(
    ("value", "sent"), [("...", "..."), (".a", ".a"), (7, "7"), (True, "true"), ("a/b", "a%2Fb"), ("../x", "..%2Fx")]
)
def test_a_path_value_is_one_segment_whatever_it_holds(value: Any, sent: str) -> None:
    handler = Recorder(httpx.Response(204))
    ITEM.sync({"client": mocked(service_client(), handler), "org": "acme", "item_id": value})
    assert handler.last.url.raw_path.decode().endswith(f"/orgs/acme/items/{sent}")


# Pages that would not end, and page arguments that are not page numbers


PAGES: Operation[ItemPage, ItemPage] = Operation(
    method="GET",
    route="/items",
    query=("page",),
    responses=(Returns(200, ItemPage),),
    pages=Pagination(page="page", next="next_page", items="items", next_field="next_page"),
)


def test_pages_that_keep_coming_empty_end_the_iteration_with_a_typed_error() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        return httpx.Response(200, json={"current_page": page, "next_page": page + 1, "items": []})

    handler = Recorder(answer)
    with pytest.raises(errors.ResponseValidationError, match="empty pages in a row"):
        list(PAGES.iterate({"client": mocked(service_client(), handler), "page": UNSET}))
    assert len(handler.requests) == MAX_EMPTY_PAGES


@pytest.mark.parametrize("page", ["abc", 0, -1, 1.5, True])
def test_a_page_argument_that_is_not_a_page_number_is_an_argument_error(page: Any) -> None:
    handler = Recorder(httpx.Response(200, json={"current_page": 1, "next_page": None, "items": []}))
    with pytest.raises(errors.ArgumentError, match="page must be a page number from 1"):
        list(PAGES.iterate({"client": mocked(service_client(), handler), "page": page}))
    assert handler.requests == []


# Cookies a server sets, and header values HTTP cannot carry


def test_the_client_keeps_no_cookie_a_server_sets_and_still_sends_its_own() -> None:
    count = iter(range(1, 1000))

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(204, headers={"set-cookie": f"c{next(count)}=x; Path=/"})

    handler = Recorder(answer)
    client = service_client(cookies={"mine": "1"}, httpx_args={"transport": httpx.MockTransport(handler)})
    for _ in range(5):
        client.request(method="GET", url="/ping")
    assert [request.headers.get("cookie") for request in handler.requests] == ["mine=1"] * 5


def test_a_header_value_http_cannot_carry_is_an_argument_error_that_does_not_quote_it() -> None:
    handler = Recorder(httpx.Response(204))
    client = mocked(service_client(), handler)
    with pytest.raises(errors.ArgumentError, match="cannot be sent") as caught:
        client.request(method="GET", url="/ping", headers={"X-Note": "ré-sumé"})
    assert "sumé" not in str(caught.value)
    assert handler.requests == []


# Echoes of a secret in other forms


SECRET = "pscale_tkn_FAKE+/ab==cd:0123456789"


@pytest.mark.parametrize(
    "echo",
    [
        SECRET,
        quote(SECRET, safe=""),  # in a query string or a form
        quote_plus(SECRET),
        base64.b64encode(SECRET.encode()).decode(),  # in a Basic header
        base64.urlsafe_b64encode(SECRET.encode()).decode().rstrip("="),
        json.dumps(SECRET)[1:-1],
        SECRET[:20] + "…",  # cut short by the server
        SECRET[:MIN_ECHO],
    ],
    ids=["as-is", "percent", "plus", "base64", "base64url", "json", "truncated", "shortest-prefix"],
)
def test_a_secret_echoed_in_another_form_is_blanked_out(echo: str) -> None:
    text = scrub(f"the server said: {echo} (done)", known([SECRET]))
    assert text == f"the server said: {REDACTED}{'…' if echo.endswith('…') else ''} (done)"


def test_a_short_run_of_a_secret_s_first_characters_is_left_alone() -> None:
    text = f"prefix {SECRET[: MIN_ECHO - 1]} is too short to say anything"
    assert scrub(text, known([SECRET])) == text


@pytest.mark.parametrize("body", [[1, 2], "grant_type=x", 5])
def test_a_form_body_that_is_neither_a_model_nor_a_mapping_is_an_argument_error(body: Any) -> None:
    form: Operation[Item, Item] = Operation(
        method="POST", route="/token", body="form", authenticated=False, responses=(Returns(200, Item),)
    )
    handler = Recorder(httpx.Response(200, json={"id": "i"}))
    with pytest.raises(
        errors.ArgumentError, match=f"body must be the operation's model or a mapping, not {type(body).__name__}"
    ):
        form.sync({"client": mocked(service_client(), handler), "body": body})
    assert handler.requests == []
