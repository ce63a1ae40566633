"""What happens when the server misbehaves: one table of hostile responses, and a scan for leaked secrets.

Each row of the table is sent to one operation and replayed through that operation's own function. The README
section "What happens when the server misbehaves" shows the same table; a test keeps them in step.
"""

from __future__ import annotations

import copy
import json
import logging
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import httpx
import pytest

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.errors import MAX_BODY_BYTES
from planetscale_oauth.types import Response

from helpers import ALL_EXCHANGES, EXPECTED, MODES, NO_RETRY, ROOT, Exchange, Mode, operations, sensitive_values

# Each operation's generated functions, written out here rather than read from the package.
MODULES: dict[str, ModuleType] = {operation_id: expected.module for operation_id, expected in EXPECTED.items()}
# The client of an exchange sent without a service token still holds one: it must not show either.
UNUSED_SERVICE_TOKEN = ("sto_FAKEunused01", "pscale_tkn_FAKEunused01")


def fixture(name: str) -> Exchange:
    return next(exchange for exchange in ALL_EXCHANGES if exchange.name == name)


SUCCESS = fixture("authorization_code_success")
REFRESH = fixture("refresh_token_success")
CODE_GRANT = fixture("request_token_200_authorization_code")
REFRESH_GRANT = fixture("request_token_200_refresh_token")
REVOKE = fixture("revoke_token_200")
PAGE = fixture("list_oauth_tokens_200_middle_page")
ONE_TOKEN = fixture("get_oauth_token_200")
DELETE = fixture("delete_oauth_token_204")
# The request a row sends unless it names another: a successful one of its operation.
SENT: dict[str, Exchange] = {
    "create_oauth_token": REFRESH,
    "list_oauth_tokens": PAGE,
    "get_oauth_token": ONE_TOKEN,
    "delete_oauth_token": DELETE,
    "request_token": REFRESH_GRANT,
    "revoke_token": REVOKE,
}

TOKEN: dict[str, Any] = SUCCESS.response["json"]
TOKEN_BYTES = json.dumps(TOKEN).encode()
HTML = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
JSON = "application/json"


def with_change(exchange: Exchange, change: Callable[[Any], None]) -> bytes:
    """The exchange's response body, changed."""
    body = copy.deepcopy(exchange.response_body)
    change(body)
    return json.dumps(body).encode()


def token_with(change: Callable[[dict[str, Any]], None]) -> bytes:
    return with_change(SUCCESS, change)


def oauth_error(error: object, description: str) -> bytes:
    """An RFC 6749 §5.2 error body."""
    return json.dumps({"error": error, "error_description": description}).encode()


def lose_second_id(page: dict[str, Any]) -> None:
    # The first token carries a plaintext token it should not: a response secret, never to be shown.
    page["data"][0]["token"] = "FAKE-hostile-plaintext-token-0001"
    del page["data"][1]["id"]


@dataclass(frozen=True)
class Hostile:
    """A response the server (or a proxy in front of it) might send to one operation, and the error it must become."""

    name: str
    operation: str
    status: int
    content_type: str
    body: bytes
    error: type[errors.PlanetScaleError]
    fragment: str
    sent: Exchange | None = None
    """The recorded request sent; the operation's usual one (``SENT``) when not given."""
    location: str | None = None
    """A ``Location`` header to send back."""

    @property
    def request(self) -> Exchange:
        exchange = self.sent or SENT[self.operation]
        assert exchange.operation_id == self.operation
        return exchange

    def secrets(self) -> set[str]:
        """Every credential of the request sent, the client's service token, and each x-sensitive value of the body."""
        found = self.request.secrets() | set(service_token(self.request))
        operation = operations()[self.operation]
        if str(self.status) in operation.node["responses"]:
            pointer = operation.response_schema_pointer(self.status)
            try:
                value = json.loads(self.body)
            except (ValueError, RecursionError):
                value = None
            if pointer is not None and value is not None:
                found |= sensitive_values(value, {"$ref": "#" + pointer})
        return {secret for secret in found if secret}


HOSTILE: list[Hostile] = [
    # create_oauth_token (deprecated): the API's JSON token endpoint.
    Hostile(
        "200 with an empty body",
        "create_oauth_token",
        200,
        JSON,
        b"",
        errors.ResponseValidationError,
        "empty body, expected a JSON object",
    ),
    Hostile(
        "200 with an HTML page",
        "create_oauth_token",
        200,
        "text/html",
        HTML,
        errors.ResponseValidationError,
        "got text/html",
    ),
    Hostile(
        "200 with truncated JSON",
        "create_oauth_token",
        200,
        JSON,
        TOKEN_BYTES[:150],
        errors.ResponseValidationError,
        "not valid JSON",
    ),
    Hostile(
        "200 with a JSON array",
        "create_oauth_token",
        200,
        JSON,
        b"[1, 2]",
        errors.ResponseValidationError,
        "expected object, got array",
    ),
    Hostile(
        "200 with a JSON string",
        "create_oauth_token",
        200,
        JSON,
        b'"ok"',
        errors.ResponseValidationError,
        "expected object, got string",
    ),
    Hostile(
        "200 with a nested wrong type",
        "create_oauth_token",
        200,
        JSON,
        token_with(lambda t: t["service_token_accesses"][0]["resource"].update(created_at=12)),
        errors.ResponseValidationError,
        "service_token_accesses[0].resource.created_at: expected date-time string, got integer",
    ),
    Hostile(
        "200 with null where none is allowed",
        "create_oauth_token",
        200,
        JSON,
        token_with(lambda t: t.update(id=None)),
        errors.ResponseValidationError,
        "id: expected string, got null",
    ),
    Hostile(
        "200 with a required field missing",
        "create_oauth_token",
        200,
        JSON,
        token_with(lambda t: t["oauth_accesses_by_resource"].pop("user")),
        errors.ResponseValidationError,
        "oauth_accesses_by_resource.user: required field missing",
    ),
    Hostile(
        "200 with a timestamp that is not one",
        "create_oauth_token",
        200,
        JSON,
        token_with(lambda t: t.update(created_at="yesterday")),
        errors.ResponseValidationError,
        "created_at: expected date-time string, got 'yesterday'",
    ),
    Hostile(
        "200 with a 10 MB body",
        "create_oauth_token",
        200,
        JSON,
        token_with(lambda t: t.update(padding="x" * 10_000_000)),
        errors.ResponseValidationError,
        "over the 1048576-byte limit",
    ),
    Hostile(
        "200 with JSON sent as text/plain",
        "create_oauth_token",
        200,
        "text/plain",
        TOKEN_BYTES,
        errors.ResponseValidationError,
        "got text/plain",
    ),
    Hostile(
        "200 with bytes that are not UTF-8",
        "create_oauth_token",
        200,
        JSON,
        b"\xff\xfe\xfa{",
        errors.ResponseValidationError,
        "not valid JSON",
    ),
    Hostile(
        "200 with JSON nested 100,000 deep",
        "create_oauth_token",
        200,
        JSON,
        b"[" * 100_000,
        errors.ResponseValidationError,
        "not valid JSON",
    ),
    Hostile(
        "401 with an empty body",
        "create_oauth_token",
        401,
        JSON,
        b"",
        errors.AuthenticationError,
        "malformed error response: (empty body)",
    ),
    Hostile(
        "404 with an HTML page",
        "create_oauth_token",
        404,
        "text/html",
        HTML,
        errors.NotFoundError,
        "404 Not Found: malformed error response",
    ),
    Hostile(
        "422 that echoes the refresh token",
        "create_oauth_token",
        422,
        JSON,
        json.dumps({"code": "invalid_params", "message": "refresh_token FAKE-refresh-token-0001 is invalid"}).encode(),
        errors.UnprocessableEntityError,
        "refresh_token <redacted> is invalid (invalid_params)",
    ),
    Hostile(
        "403 that echoes the request body",
        "create_oauth_token",
        403,
        JSON,
        json.dumps({"error": "forbidden", "request": REFRESH.request["json"]}).encode(),
        errors.ForbiddenError,
        '"client_secret": "<redacted>"',
    ),
    Hostile(
        "401 that echoes the service token",
        "create_oauth_token",
        401,
        "text/plain",
        b"bad credentials: sto_FAKEid0001:pscale_tkn_FAKE0001",
        errors.AuthenticationError,
        "bad credentials: <redacted>",
    ),
    Hostile(
        "429 with a JSON array",
        "create_oauth_token",
        429,
        JSON,
        b"[]",
        errors.RateLimitError,
        "429 Too Many Requests: malformed error response",
    ),
    Hostile(
        "500 with truncated JSON",
        "create_oauth_token",
        500,
        JSON,
        b'{"code": "internal',
        errors.ServerError,
        "malformed error response",
    ),
    Hostile(
        "503 with a 10 MB HTML page",
        "create_oauth_token",
        503,
        "text/html",
        HTML * 100_000,
        errors.ServerError,
        "503 Service Unavailable",
    ),
    Hostile(
        "418 with a text body",
        "create_oauth_token",
        418,
        "text/plain",
        b"short and stout",
        errors.UnexpectedStatus,
        "unexpected status 418",
    ),
    Hostile(
        "302 without a Location",
        "create_oauth_token",
        302,
        "text/html",
        HTML,
        errors.RedirectError,
        "302 Found: redirect to (no Location header) not followed",
    ),
    # request_token: the OAuth server's token endpoint (form in, RFC 6749 JSON out).
    Hostile(
        "200 without access_token",
        "request_token",
        200,
        JSON,
        with_change(REFRESH_GRANT, lambda t: t.pop("access_token")),
        errors.ResponseValidationError,
        "not a valid AccessTokenResponse: access_token: required field missing",
    ),
    Hostile(
        "200 with expires_in as a string",
        "request_token",
        200,
        JSON,
        with_change(REFRESH_GRANT, lambda t: t.update(expires_in="7200")),
        errors.ResponseValidationError,
        "expires_in: expected number, got string",
    ),
    Hostile(
        "200 with an HTML page from a proxy",
        "request_token",
        200,
        "text/html",
        HTML,
        errors.ResponseValidationError,
        "expected an application/json body, got text/html",
    ),
    Hostile(
        "400 with an HTML page",
        "request_token",
        400,
        "text/html",
        HTML,
        errors.BadRequestError,
        "400 Bad Request: malformed error response",
    ),
    Hostile(
        "400 that echoes the client secret",
        "request_token",
        400,
        JSON,
        oauth_error("invalid_client", "client_secret FAKE-oauth-client-secret-0101 does not match"),
        errors.InvalidClientError,
        "client_secret <redacted> does not match (invalid_client)",
    ),
    Hostile(
        "400 that echoes the authorization code",
        "request_token",
        400,
        JSON,
        oauth_error("invalid_grant", "code FAKE-oauth-authorization-code-0101 was already used"),
        errors.InvalidGrantError,
        "code <redacted> was already used (invalid_grant)",
        sent=CODE_GRANT,
    ),
    Hostile(
        "400 that echoes the refresh token",
        "request_token",
        400,
        JSON,
        oauth_error("invalid_grant", "refresh_token FAKE-oauth-refresh-token-0101 has been rotated"),
        errors.InvalidGrantError,
        "refresh_token <redacted> has been rotated (invalid_grant)",
    ),
    Hostile(
        "401 with an RFC 6749 body sent as text/plain",
        "request_token",
        401,
        "text/plain",
        oauth_error("invalid_client", "Client authentication failed."),
        errors.InvalidClientError,
        "401 Unauthorized: Client authentication failed. (invalid_client)",
    ),
    Hostile(
        "401 with the bare text invalid_client",
        "request_token",
        401,
        "text/plain",
        b"invalid_client",
        errors.AuthenticationError,
        "401 Unauthorized: malformed error response: 'invalid_client'",
    ),
    Hostile(
        "400 with an error code the package does not know",
        "request_token",
        400,
        JSON,
        oauth_error("temporarily_unavailable", "try again later"),
        errors.OAuthError,
        "400 Bad Request: try again later (temporarily_unavailable)",
    ),
    Hostile(
        "400 whose error is not a string",
        "request_token",
        400,
        JSON,
        oauth_error(42, "bad grant"),
        errors.BadRequestError,
        """400 Bad Request: malformed error response: '{"error": 42""",
    ),
    # list_oauth_tokens: one page of tokens.
    Hostile(
        "200 with next_page as a string",
        "list_oauth_tokens",
        200,
        JSON,
        with_change(PAGE, lambda p: p.update(next_page="3")),
        errors.ResponseValidationError,
        "not a valid OAuthTokenPage: next_page: expected integer, got string",
    ),
    Hostile(
        "200 whose second token has no id",
        "list_oauth_tokens",
        200,
        JSON,
        with_change(PAGE, lose_second_id),
        errors.ResponseValidationError,
        "data[1].id: required field missing",
    ),
    Hostile(
        "200 whose data is not an array",
        "list_oauth_tokens",
        200,
        JSON,
        with_change(PAGE, lambda p: p.update(data={"id": "oauthtoken_FAKE0003"})),
        errors.ResponseValidationError,
        "data: expected array, got object",
    ),
    Hostile(
        "200 with an HTML page",
        "list_oauth_tokens",
        200,
        "text/html",
        HTML,
        errors.ResponseValidationError,
        "not a valid OAuthTokenPage: expected an application/json body, got text/html",
    ),
    # get_oauth_token: one stored token.
    Hostile(
        "200 with a nested wrong type",
        "get_oauth_token",
        200,
        JSON,
        with_change(ONE_TOKEN, lambda t: t["oauth_accesses_by_resource"]["database"]["databases"][0].update(name=7)),
        errors.ResponseValidationError,
        "oauth_accesses_by_resource.database.databases[0].name: expected string, got integer",
    ),
    Hostile(
        "404 with an HTML page",
        "get_oauth_token",
        404,
        "text/html",
        HTML,
        errors.NotFoundError,
        "404 Not Found: malformed error response",
    ),
    # delete_oauth_token: 204 and no body on success.
    Hostile(
        "500 with an HTML page",
        "delete_oauth_token",
        500,
        "text/html",
        HTML,
        errors.ServerError,
        "500 Internal Server Error: malformed error response",
    ),
    Hostile(
        "503 with an empty body",
        "delete_oauth_token",
        503,
        JSON,
        b"",
        errors.ServerError,
        "503 Service Unavailable: malformed error response: (empty body)",
    ),
    Hostile(
        "302 to another host",
        "delete_oauth_token",
        302,
        "text/html",
        b"",
        errors.RedirectError,
        "302 Found: redirect to https://evil.example.com/collect not followed",
        location="https://evil.example.com/collect?token=sto_FAKEid0001:pscale_tkn_FAKE0001",
    ),
    # revoke_token: the OAuth server's revocation endpoint (RFC 7009).
    Hostile(
        "400 that echoes the token being revoked",
        "revoke_token",
        400,
        JSON,
        oauth_error("unsupported_token_type", "token FAKE-oauth-refresh-token-0102 cannot be revoked"),
        errors.UnsupportedTokenTypeError,
        "token <redacted> cannot be revoked (unsupported_token_type)",
    ),
    Hostile(
        "503 with an HTML page",
        "revoke_token",
        503,
        "text/html",
        HTML,
        errors.ServerError,
        "503 Service Unavailable: malformed error response",
    ),
]


def service_token(exchange: Exchange) -> tuple[str, str]:
    """The service token the client holds: the exchange's, or an unused one for a request sent without it."""
    return exchange.service_token if exchange.authorization is not None else UNUSED_SERVICE_TOKEN


def client_with(exchange: Exchange, handler: Callable[[httpx.Request], httpx.Response]) -> AuthenticatedClient:
    token_id, token = service_token(exchange)
    return AuthenticatedClient.from_service_token(
        token_id, token, retry=NO_RETRY, httpx_args={"transport": httpx.MockTransport(handler)}
    )


def client_for(hostile: Hostile, seen: list[httpx.Request] | None = None) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        headers = {"Content-Type": hostile.content_type}
        if hostile.location is not None:
            headers["Location"] = hostile.location
        return httpx.Response(hostile.status, content=hostile.body, headers=headers)

    return client_with(hostile.request, handler)


def replay_client(exchange: Exchange) -> AuthenticatedClient:
    """A client whose server answers as the fixture recorded."""

    def handler(request: httpx.Request) -> httpx.Response:
        content = json.dumps(exchange.response_body).encode() if exchange.has_response_body else b""
        return httpx.Response(exchange.status, headers=exchange.response["headers"], content=content)

    return client_with(exchange, handler)


async def call(mode: Mode, exchange: Exchange, client: AuthenticatedClient, *, detailed: bool = False) -> Any:
    """The exchange's operation, through its plain or detailed function, sync or async, with the fixture's arguments."""
    module = MODULES[exchange.operation_id]
    if mode == "sync":
        function = module.sync_detailed if detailed else module.sync
        return function(client=client, **exchange.arguments())
    function = module.asyncio_detailed if detailed else module.asyncio
    return await function(client=client, **exchange.arguments())


def test_every_operation_has_rows() -> None:
    assert set(MODULES) == set(operations())
    assert {hostile.operation for hostile in HOSTILE} == set(operations())
    names = [(hostile.operation, hostile.name) for hostile in HOSTILE]
    assert len(names) == len(set(names)), "a row's name is unique within its operation"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("hostile", HOSTILE, ids=[f"{hostile.operation}: {hostile.name}" for hostile in HOSTILE])
async def test_hostile_response_becomes_a_typed_error(hostile: Hostile, mode: Mode) -> None:
    seen: list[httpx.Request] = []
    with pytest.raises(errors.PlanetScaleError) as caught:
        await call(mode, hostile.request, client_for(hostile, seen))
    error = caught.value
    assert type(error) is hostile.error
    assert hostile.fragment in str(error)
    assert error.status_code == hostile.status
    # The raw body is kept on the error, up to the byte cap (one byte more, to know it was over): no more is read.
    # The request's own credentials are blanked out of it wherever the server echoed them.
    kept = hostile.body if len(hostile.body) <= MAX_BODY_BYTES else hostile.body[: MAX_BODY_BYTES + 1]
    content: bytes = getattr(error, "content", b"")
    if isinstance(error, errors.APIStatusError):
        sent_secrets = hostile.request.secrets() | set(service_token(hostile.request))
        assert not [secret for secret in sent_secrets if secret.encode() in content]
        # Each <redacted> stands for a run of the body; everything else is as sent.
        kept_pattern = b".+?".join(re.escape(part) for part in content.split(b"<redacted>"))
        assert re.fullmatch(kept_pattern, kept, re.DOTALL), "the raw body is kept on the error, less the secrets"
    else:
        assert content == kept, "the raw body is kept on the error"
    assert len(str(error)) < 400, "messages stay short, whatever the body"
    (sent,) = seen
    assert sent.url.host == operations()[hostile.operation].host, "sent to the operation's own server"


def readme_table() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What happens when the server misbehaves", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("|")]


def test_readme_mirrors_the_table() -> None:
    header, separator, *rows = readme_table()
    assert header == "| operation | the server sends | you get | the message contains |"
    assert separator == "|---|---|---|---|"
    assert rows == [
        f"| `{hostile.operation}` | {hostile.name} | `{hostile.error.__name__}` | `{hostile.fragment}` |"
        for hostile in HOSTILE
    ]


def everything_shown(value: object) -> str:
    """Every way a value can end up in front of a person: repr, str, and for errors their attributes' reprs."""
    shown = [repr(value), str(value)]
    if isinstance(value, errors.PlanetScaleError):
        shown += [repr(value.message), repr(value.code), repr(value.args), repr(pickle.dumps(value))]
        shown += [repr(getattr(value, name, None)) for name in ("path", "problem", "location", "error_uri")]
    if isinstance(value, Response):
        shown += [repr(value.parsed), str(value.parsed)]
    return "\n".join(shown)


async def run_everything(mode: Mode) -> tuple[list[str], set[tuple[str, str]]]:
    """Every table row and every fixture replayed through its own operation, plain and detailed.

    Returns what each showed, and for each operation what its calls came to: ``result`` or ``error``.
    """
    shown: list[str] = []
    outcomes: set[tuple[str, str]] = set()
    scenarios: list[tuple[AuthenticatedClient, Exchange]] = [
        (client_for(hostile), hostile.request) for hostile in HOSTILE
    ]
    scenarios += [(replay_client(exchange), exchange) for exchange in ALL_EXCHANGES]
    for client, exchange in scenarios:
        shown.append(everything_shown(client))
        shown.append(everything_shown(exchange.request_model()))
        for detailed in (False, True):
            try:
                result = await call(mode, exchange, client, detailed=detailed)
            except errors.PlanetScaleError as error:
                shown.append(everything_shown(error))
                outcomes.add((exchange.operation_id, "error"))
            else:
                shown.append(everything_shown(result))
                outcomes.add((exchange.operation_id, "result"))
    return shown, outcomes


def every_secret() -> set[str]:
    secrets: set[str] = set(UNUSED_SERVICE_TOKEN)
    secrets |= set().union(*(exchange.secrets() for exchange in ALL_EXCHANGES))
    secrets |= set().union(*(hostile.secrets() for hostile in HOSTILE))
    return secrets


def test_the_scan_looks_for_the_secrets_of_every_operation() -> None:
    secrets = every_secret()
    for exchange in [*ALL_EXCHANGES, *(hostile.request for hostile in HOSTILE)]:
        assert set(service_token(exchange)) <= secrets, exchange.name
    assert {
        "pscale_tkn_FAKE0001",  # the service token of every API fixture
        "FAKE-access-token-0001",  # a token create_oauth_token returned
        "FAKE-oauth-client-secret-0101",  # sent to request_token and revoke_token
        "FAKE-oauth-authorization-code-0101",  # sent to request_token
        "FAKE-oauth-refresh-token-0102",  # returned by request_token, then revoked
        "FAKE-hostile-plaintext-token-0001",  # in a hostile page of list_oauth_tokens
    } <= secrets


@pytest.mark.parametrize("mode", MODES)
async def test_no_secret_leaks_into_anything_shown(
    mode: Mode, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    shown, outcomes = await run_everything(mode)
    print("\n".join(shown))
    captured = capsys.readouterr()
    haystack = "\n".join([*shown, captured.out, captured.err, caplog.text, *(r.getMessage() for r in caplog.records)])
    # The scan saw every operation: a result and an error of each, and its route in the package's DEBUG log.
    assert outcomes == {(operation_id, outcome) for operation_id in operations() for outcome in ("result", "error")}
    assert any(record.name == "planetscale_oauth" for record in caplog.records), "the package's own log is scanned"
    for operation in operations().values():
        assert f"{operation.method} {operation.path} attempt" in caplog.text, operation.operation_id
    secrets = every_secret()
    assert [secret for secret in sorted(secrets) if secret in haystack] == []


# Rows whose error body is the documented error model and echoes a credential of the request.
ECHOED = [
    hostile
    for hostile in HOSTILE
    if (hostile.operation, hostile.name)
    in {
        ("create_oauth_token", "422 that echoes the refresh token"),
        ("request_token", "400 that echoes the client secret"),
        ("request_token", "400 that echoes the authorization code"),
        ("request_token", "400 that echoes the refresh token"),
        ("revoke_token", "400 that echoes the token being revoked"),
    }
]


@pytest.mark.parametrize("hostile", ECHOED, ids=[f"{hostile.operation}: {hostile.name}" for hostile in ECHOED])
async def test_parsed_error_body_of_a_detailed_call_hides_echoed_credentials(hostile: Hostile) -> None:
    response = await call("sync", hostile.request, client_for(hostile), detailed=True)
    assert response.parsed is not None, "the body is the documented error model"
    shown = everything_shown(response.parsed)
    assert [secret for secret in sorted(hostile.secrets()) if secret in shown] == []
