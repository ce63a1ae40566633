"""What an error says: the request it answers (method and URL, no query), the server's status, id, code and own
words as attributes; OAuth servers' 5xx as ServerError; retries at INFO; logging and base URLs from the
environment."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import httpx
import pytest

from planetscale_oauth import AuthenticatedClient, Client, errors
from planetscale_oauth.api.oauth import request_token
from planetscale_oauth.api.oauth_tokens import get_oauth_token, list_oauth_tokens
from planetscale_oauth.client import BASE_URL_ENV, LOG_ENV, OAUTH_BASE_URL_ENV, RetryPolicy
from planetscale_oauth.models import RefreshTokenGrant

from helpers import MODES, NO_RETRY, Mode

TOKEN = ("sto_FAKEdetails", "pscale_tkn_FAKEdetails0001")


def answering(status: int, body: object, **headers: str) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(status, json=body, headers=headers))


def api_client(transport: httpx.BaseTransport, **kwargs: object) -> AuthenticatedClient:
    kwargs.setdefault("retry", NO_RETRY)
    return AuthenticatedClient.from_service_token(*TOKEN, httpx_args={"transport": transport}, **kwargs)  # type: ignore[arg-type]


async def get_token(mode: Mode, client: AuthenticatedClient) -> errors.PlanetScaleError:
    with pytest.raises(errors.PlanetScaleError) as caught:
        if mode == "sync":
            get_oauth_token.sync("acme", "app_1", "tok_1", client=client)
        else:
            await get_oauth_token.asyncio("acme", "app_1", "tok_1", client=client)
    return caught.value


@pytest.mark.parametrize("mode", MODES)
async def test_an_api_error_names_the_request_and_keeps_the_servers_words_apart(mode: Mode) -> None:
    body = {"code": "not_found", "message": "The token does not exist"}
    error = await get_token(mode, api_client(answering(404, body, **{"X-Request-Id": "req-42"})))
    url = "https://api.planetscale.com/v1/organizations/acme/oauth-applications/app_1/tokens/tok_1"
    assert type(error) is errors.NotFoundError
    assert (error.method, error.url, error.status_code) == ("GET", url, 404)
    assert (error.code, error.description, error.request_id) == ("not_found", "The token does not exist", "req-42")
    assert error.message == "404 Not Found: The token does not exist (not_found)"
    assert str(error) == f"GET {url}: 404 Not Found: The token does not exist (not_found)"


@pytest.mark.parametrize("mode", MODES)
async def test_a_connection_error_names_the_url_without_its_query(mode: Mode) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    client = api_client(httpx.MockTransport(refuse))
    with pytest.raises(errors.APIConnectionError) as caught:
        if mode == "sync":
            list_oauth_tokens.sync("acme", "app_1", client=client, page=2)
        else:
            await list_oauth_tokens.asyncio("acme", "app_1", client=client, page=2)
    error = caught.value
    assert error.url == "https://api.planetscale.com/v1/organizations/acme/oauth-applications/app_1/tokens"
    assert str(error).startswith(f"GET {error.url}: could not connect (ConnectError: Connection refused)")
    assert error.request_id is None and "page=" not in str(error)


def refresh(mode: Mode, client: Client) -> object:
    body = RefreshTokenGrant(client_id="cid", client_secret="FAKE-secret-details", refresh_token="FAKE-rt-details")
    if mode == "sync":
        return request_token.sync(client=client, body=body)
    return request_token.asyncio(client=client, body=body)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("status", "code"), [(500, "server_error"), (503, "temporarily_unavailable")])
async def test_an_oauth_server_failure_is_a_server_error_with_its_code_and_words(
    mode: Mode, status: int, code: str
) -> None:
    body = {"error": code, "error_description": "Try again in a minute"}
    client = Client(retry=NO_RETRY, httpx_args={"transport": answering(status, body)})
    with pytest.raises(errors.ServerError) as caught:
        result = refresh(mode, client)
        if mode == "async":
            await result  # type: ignore[misc]
    error = caught.value
    assert (error.code, error.description) == (code, "Try again in a minute")
    assert (error.method, error.url) == ("POST", "https://auth.planetscale.com/oauth/token")


@pytest.mark.parametrize("mode", MODES)
async def test_an_oauth_refusal_keeps_its_description_alone(mode: Mode) -> None:
    body = {"error": "invalid_grant", "error_description": "The refresh token was revoked"}
    client = Client(retry=NO_RETRY, httpx_args={"transport": answering(400, body)})
    with pytest.raises(errors.InvalidGrantError) as caught:
        result = refresh(mode, client)
        if mode == "async":
            await result  # type: ignore[misc]
    assert caught.value.description == "The refresh token was revoked"
    assert (
        f"the refresh was refused: {caught.value.description}"
        == "the refresh was refused: The refresh token was revoked"
    )


@pytest.mark.parametrize("mode", MODES)
async def test_each_retry_is_logged_at_info(mode: Mode, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="planetscale_oauth")
    retry = RetryPolicy(max_retries=2, initial_delay=0.0, max_delay=0.0)
    await get_token(mode, api_client(answering(503, {"message": "busy"}), retry=retry))
    lines = [record.getMessage() for record in caplog.records if record.levelno == logging.INFO]
    assert len(lines) == 2
    assert all(line.startswith("GET /organizations/{organization}/oauth-applications/") for line in lines)
    assert all("-> 503" in line and "retrying in" in line for line in lines)


@pytest.mark.parametrize("value", ["debug", "info", "INFO "])
def test_the_logging_variable_turns_the_log_on_without_code(value: str) -> None:
    script = (
        "import logging, planetscale_oauth\n"
        "for name in ('planetscale_oauth', 'httpx'):\n"
        "    logger = logging.getLogger(name)\n"
        "    print(name, logging.getLevelName(logger.level), len(logger.handlers))\n"
    )
    env = {**os.environ, LOG_ENV: value}
    shown = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    level = value.strip().upper()
    assert shown.stdout.split("\n")[:2] == [f"planetscale_oauth {level} 1", f"httpx {level} 1"]


def test_without_the_logging_variable_nothing_is_configured() -> None:
    script = "import logging, planetscale_oauth\nprint(len(logging.getLogger('planetscale_oauth').handlers))\n"
    env = {key: value for key, value in os.environ.items() if key != LOG_ENV}
    shown = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "0"


def test_a_half_set_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BASE_URL_ENV, "http://127.0.0.1:4010")
    monkeypatch.delenv(OAUTH_BASE_URL_ENV, raising=False)
    with pytest.raises(errors.CredentialsError, match=f"{OAUTH_BASE_URL_ENV} not"):
        Client.from_env()
    assert Client.from_env(oauth_base_url="http://127.0.0.1:4011").base_url_for("oauth") == "http://127.0.0.1:4011"
    monkeypatch.setenv(OAUTH_BASE_URL_ENV, "http://127.0.0.1:4011")
    client = Client.from_env()
    assert (client.base_url_for("api"), client.base_url_for("oauth")) == (
        "http://127.0.0.1:4010",
        "http://127.0.0.1:4011",
    )
