"""Typed errors for statuses and bodies the fixtures do not record: undocumented statuses, non-JSON bodies."""

from __future__ import annotations

import httpx
import pytest

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.api.oauth_tokens import create_oauth_token
from planetscale_oauth.models import Error

from helpers import EXCHANGES, MODES, Mode, create_token

GRANT = next(exchange for exchange in EXCHANGES if exchange.name == "authorization_code_success").body()
HTML = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


def client_answering(status: int, content: bytes, content_type: str = "application/json") -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers={"Content-Type": content_type})

    return AuthenticatedClient.from_service_token(
        "sto_FAKEerrors", "pscale_tkn_FAKEerrors", httpx_args={"transport": httpx.MockTransport(handler)}
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("status", "content", "expected", "fragment"),
    [
        (404, HTML, errors.NotFoundError, "404 Not Found: malformed error response: '<html><head><title>502"),
        (401, b"", errors.AuthenticationError, "401 Unauthorized: malformed error response: (empty body)"),
        (422, b'["not", "an", "object"]', errors.UnprocessableEntityError, "malformed error response"),
        (502, HTML, errors.ServerError, "502 Bad Gateway: malformed error response"),
        (
            503,
            b'{"code": "unavailable", "message": "Try later"}',
            errors.ServerError,
            "503 Service Unavailable: Try later",
        ),
        (418, b"teapot", errors.UnexpectedStatus, "unexpected status 418 I'm a Teapot: 'teapot'"),
        (201, b"{}", errors.UnexpectedStatus, "unexpected status 201 Created"),
        (200, HTML, errors.ResponseValidationError, "200 response is not a valid OAuthToken"),
        (200, b'{"id": "x"}', errors.ResponseValidationError, "200 response is not a valid OAuthToken"),
    ],
)
async def test_every_status_and_body_gives_a_typed_error(
    mode: Mode, status: int, content: bytes, expected: type[errors.PlanetScaleError], fragment: str
) -> None:
    client = client_answering(status, content, "text/html" if content.startswith(b"<") else "application/json")
    with pytest.raises(expected) as caught:
        await create_token(mode, client, "acme", "app", GRANT)
    error = caught.value
    assert isinstance(error, errors.PlanetScaleError)
    assert fragment in str(error)
    assert error.status_code == status
    assert getattr(error, "content", None) == content


def test_error_code_and_message_come_from_the_body() -> None:
    client = client_answering(403, b'{"code": "forbidden", "message": "Missing access: write_oauth_tokens"}')
    with pytest.raises(errors.ForbiddenError) as caught:
        create_oauth_token.sync("acme", "app", client=client, body=GRANT)
    assert caught.value.code == "forbidden"
    assert caught.value.message == "403 Forbidden: Missing access: write_oauth_tokens (forbidden)"
    assert repr(caught.value).startswith("ForbiddenError(status_code=403, code='forbidden'")


def test_detailed_keeps_status_headers_content_and_the_parsed_error() -> None:
    body = b'{"code": "not_found", "message": "Not Found"}'
    response = create_oauth_token.sync_detailed("acme", "app", client=client_answering(404, body), body=GRANT)
    assert response.status_code == 404
    assert response.content == body
    assert response.headers["content-type"] == "application/json"
    assert response.parsed == Error(code="not_found", message="Not Found")


def test_detailed_leaves_parsed_empty_for_an_unreadable_error_body() -> None:
    response = create_oauth_token.sync_detailed("acme", "app", client=client_answering(500, HTML), body=GRANT)
    assert response.parsed is None
    assert response.content == HTML
    assert "nginx" not in repr(response)


def test_detailed_raises_for_undocumented_status_only_when_asked() -> None:
    quiet = client_answering(418, b"teapot")
    assert create_oauth_token.sync_detailed("acme", "app", client=quiet, body=GRANT).parsed is None
    strict = AuthenticatedClient.from_service_token(
        "sto_FAKEerrors",
        "pscale_tkn_FAKEerrors",
        raise_on_unexpected_status=True,
        httpx_args={"transport": httpx.MockTransport(lambda request: httpx.Response(418, content=b"teapot"))},
    )
    with pytest.raises(errors.UnexpectedStatus):
        create_oauth_token.sync_detailed("acme", "app", client=strict, body=GRANT)
