"""Error details: code and message, the detailed functions' Response, raise_on_unexpected_status.

The table of hostile responses is in test_hostile.py."""

from __future__ import annotations

import httpx
import pytest

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.api.oauth_tokens import create_oauth_token
from planetscale_oauth.models import Error

from helpers import EXCHANGES, NO_RETRY

GRANT = next(exchange for exchange in EXCHANGES if exchange.name == "authorization_code_success").body()
HTML = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


def client_answering(status: int, content: bytes, content_type: str = "application/json") -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers={"Content-Type": content_type})

    return AuthenticatedClient.from_service_token(
        "sto_FAKEerrors",
        "pscale_tkn_FAKEerrors",
        retry=NO_RETRY,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


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
