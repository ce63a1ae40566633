"""What happens when the server misbehaves: one table of hostile responses, and a scan for leaked secrets.

The README section "What happens when the server misbehaves" shows the same table; a test keeps them in step.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.api.oauth_tokens import create_oauth_token

from helpers import EXCHANGES, MODES, NO_RETRY, ROOT, Exchange, Mode, create_token

SUCCESS = next(exchange for exchange in EXCHANGES if exchange.name == "authorization_code_success")
REFRESH = next(exchange for exchange in EXCHANGES if exchange.name == "refresh_token_success")
TOKEN: dict[str, Any] = SUCCESS.response["json"]
TOKEN_BYTES = json.dumps(TOKEN).encode()
HTML = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
JSON = "application/json"


def token_with(change: Callable[[dict[str, Any]], None]) -> bytes:
    body = copy.deepcopy(TOKEN)
    change(body)
    return json.dumps(body).encode()


@dataclass(frozen=True)
class Hostile:
    """A response the server (or a proxy in front of it) might send, and the error it must become."""

    name: str
    status: int
    content_type: str
    body: bytes
    error: type[errors.PlanetScaleError]
    fragment: str


HOSTILE: list[Hostile] = [
    Hostile(
        "200 with an empty body", 200, JSON, b"", errors.ResponseValidationError, "empty body, expected a JSON object"
    ),
    Hostile("200 with an HTML page", 200, "text/html", HTML, errors.ResponseValidationError, "got text/html"),
    Hostile("200 with truncated JSON", 200, JSON, TOKEN_BYTES[:150], errors.ResponseValidationError, "not valid JSON"),
    Hostile(
        "200 with a JSON array", 200, JSON, b"[1, 2]", errors.ResponseValidationError, "expected object, got array"
    ),
    Hostile(
        "200 with a JSON string", 200, JSON, b'"ok"', errors.ResponseValidationError, "expected object, got string"
    ),
    Hostile(
        "200 with a nested wrong type",
        200,
        JSON,
        token_with(lambda t: t["service_token_accesses"][0]["resource"].update(created_at=12)),
        errors.ResponseValidationError,
        "service_token_accesses[0].resource.created_at: expected date-time string, got integer",
    ),
    Hostile(
        "200 with null where none is allowed",
        200,
        JSON,
        token_with(lambda t: t.update(id=None)),
        errors.ResponseValidationError,
        "id: expected string, got null",
    ),
    Hostile(
        "200 with a required field missing",
        200,
        JSON,
        token_with(lambda t: t["oauth_accesses_by_resource"].pop("user")),
        errors.ResponseValidationError,
        "oauth_accesses_by_resource.user: required field missing",
    ),
    Hostile(
        "200 with a timestamp that is not one",
        200,
        JSON,
        token_with(lambda t: t.update(created_at="yesterday")),
        errors.ResponseValidationError,
        "created_at: expected date-time string, got 'yesterday'",
    ),
    Hostile(
        "200 with a 10 MB body",
        200,
        JSON,
        token_with(lambda t: t.update(padding="x" * 10_000_000)),
        errors.ResponseValidationError,
        "over the 1048576-byte limit",
    ),
    Hostile(
        "200 with JSON sent as text/plain",
        200,
        "text/plain",
        TOKEN_BYTES,
        errors.ResponseValidationError,
        "got text/plain",
    ),
    Hostile(
        "200 with bytes that are not UTF-8",
        200,
        JSON,
        b"\xff\xfe\xfa{",
        errors.ResponseValidationError,
        "not valid JSON",
    ),
    Hostile(
        "200 with JSON nested 100,000 deep", 200, JSON, b"[" * 100_000, errors.ResponseValidationError, "not valid JSON"
    ),
    Hostile(
        "401 with an empty body", 401, JSON, b"", errors.AuthenticationError, "malformed error response: (empty body)"
    ),
    Hostile(
        "404 with an HTML page", 404, "text/html", HTML, errors.NotFoundError, "404 Not Found: malformed error response"
    ),
    Hostile(
        "422 that echoes the refresh token",
        422,
        JSON,
        json.dumps({"code": "invalid_params", "message": "refresh_token FAKE-refresh-token-0001 is invalid"}).encode(),
        errors.UnprocessableEntityError,
        "refresh_token <redacted> is invalid (invalid_params)",
    ),
    Hostile(
        "403 that echoes the request body",
        403,
        JSON,
        json.dumps({"error": "forbidden", "request": REFRESH.request["json"]}).encode(),
        errors.ForbiddenError,
        '"client_secret": "<redacted>"',
    ),
    Hostile(
        "401 that echoes the service token",
        401,
        "text/plain",
        b"bad credentials: sto_FAKEid0001:pscale_tkn_FAKE0001",
        errors.AuthenticationError,
        "bad credentials: <redacted>",
    ),
    Hostile(
        "429 with a JSON array",
        429,
        JSON,
        b"[]",
        errors.RateLimitError,
        "429 Too Many Requests: malformed error response",
    ),
    Hostile(
        "500 with truncated JSON", 500, JSON, b'{"code": "internal', errors.ServerError, "malformed error response"
    ),
    Hostile(
        "503 with a 10 MB HTML page", 503, "text/html", HTML * 100_000, errors.ServerError, "503 Service Unavailable"
    ),
    Hostile(
        "418 with a text body", 418, "text/plain", b"short and stout", errors.UnexpectedStatus, "unexpected status 418"
    ),
    Hostile(
        "302 without a Location",
        302,
        "text/html",
        HTML,
        errors.RedirectError,
        "302 Found: redirect to (no Location header) not followed",
    ),
]


def client_for(hostile: Hostile) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(hostile.status, content=hostile.body, headers={"Content-Type": hostile.content_type})

    token_id, token = REFRESH.service_token
    return AuthenticatedClient.from_service_token(
        token_id, token, retry=NO_RETRY, httpx_args={"transport": httpx.MockTransport(handler)}
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("hostile", HOSTILE, ids=[hostile.name for hostile in HOSTILE])
async def test_hostile_response_becomes_a_typed_error(hostile: Hostile, mode: Mode) -> None:
    with pytest.raises(errors.PlanetScaleError) as caught:
        await create_token(mode, client_for(hostile), "acme", "oauthapp_FAKE01", REFRESH.body())
    error = caught.value
    assert type(error) is hostile.error
    assert hostile.fragment in str(error)
    assert error.status_code == hostile.status
    assert getattr(error, "content", None) == hostile.body, "the raw body is kept on the error"
    assert len(str(error)) < 400, "messages stay short, whatever the body"


def test_readme_mirrors_the_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What happens when the server misbehaves", 1)[1].split("\n## ", 1)[0]
    for hostile in HOSTILE:
        assert f"| {hostile.name} | `{hostile.error.__name__}` |" in section, hostile.name


def everything_shown(value: object) -> str:
    """Every way a value can end up in front of a person: repr, str, and for errors their attributes' reprs."""
    shown = [repr(value), str(value)]
    if isinstance(value, errors.PlanetScaleError):
        shown += [repr(value.message), repr(value.code), repr(value.args)]
    return "\n".join(shown)


async def run_everything(mode: Mode) -> list[str]:
    """Every table scenario and fixture replay, detailed and plain; what each showed."""
    shown: list[str] = []
    scenarios: list[tuple[AuthenticatedClient, Exchange]] = [(client_for(hostile), REFRESH) for hostile in HOSTILE]
    for exchange in [e for e in EXCHANGES if e.operation_id == "create_oauth_token"]:

        def handler(request: httpx.Request, exchange: Exchange = exchange) -> httpx.Response:
            return httpx.Response(exchange.status, json=exchange.response["json"], headers=exchange.response["headers"])

        token_id, token = exchange.service_token
        scenarios.append(
            (
                AuthenticatedClient.from_service_token(
                    token_id, token, retry=NO_RETRY, httpx_args={"transport": httpx.MockTransport(handler)}
                ),
                exchange,
            )
        )
    for client, exchange in scenarios:
        shown.append(everything_shown(client))
        shown.append(everything_shown(exchange.body()))
        for call in ("plain", "detailed"):
            try:
                if call == "detailed" and mode == "sync":
                    result: object = create_oauth_token.sync_detailed(
                        "acme", "oauthapp_FAKE01", client=client, body=exchange.body()
                    )
                elif call == "detailed":
                    result = await create_oauth_token.asyncio_detailed(
                        "acme", "oauthapp_FAKE01", client=client, body=exchange.body()
                    )
                else:
                    result = await create_token(mode, client, "acme", "oauthapp_FAKE01", exchange.body())
                shown.append(everything_shown(result))
            except errors.PlanetScaleError as error:
                shown.append(everything_shown(error))
    return shown


@pytest.mark.parametrize("mode", MODES)
async def test_no_secret_leaks_into_anything_shown(
    mode: Mode, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    shown = await run_everything(mode)
    print("\n".join(shown))
    captured = capsys.readouterr()
    haystack = "\n".join([*shown, captured.out, captured.err, caplog.text, *(r.getMessage() for r in caplog.records)])
    secrets = set().union(*(exchange.secrets() for exchange in EXCHANGES))
    assert "FAKE-access-token-0001" in secrets and "pscale_tkn_FAKE0001" in secrets
    assert any(record.name == "planetscale_oauth" for record in caplog.records), "the package's own log is scanned"
    assert [secret for secret in sorted(secrets) if secret in haystack] == []
