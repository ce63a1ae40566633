"""Clients: service-token credentials, environment variables, defaults and the stock constructor."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from planetscale_oauth import AuthenticatedClient, Client, errors
from planetscale_oauth.client import DEFAULT_BASE_URL

from helpers import EXCHANGES, MODES, Mode, create_token, spec

SUCCESS = next(exchange for exchange in EXCHANGES if exchange.name == "authorization_code_success")


class Recorder:
    """An httpx transport that answers with the recorded token and remembers each request."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=SUCCESS.response["json"])


def test_default_base_url_is_the_spec_server() -> None:
    assert spec()["servers"][0]["url"] == DEFAULT_BASE_URL


@pytest.mark.parametrize("mode", MODES)
async def test_service_token_client_sends_id_colon_token_to_the_api(mode: Mode) -> None:
    recorder = Recorder()
    client = AuthenticatedClient.from_service_token(
        "sto_FAKEid", "pscale_tkn_FAKE", httpx_args={"transport": recorder.transport}
    )
    await create_token(mode, client, "acme", "app", SUCCESS.body())
    (request,) = recorder.requests
    assert request.headers["Authorization"] == "sto_FAKEid:pscale_tkn_FAKE"
    assert str(request.url) == "https://api.planetscale.com/v1/organizations/acme/oauth-applications/app/token"


def test_from_env_reads_the_conventional_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder()
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN_ID", "sto_FAKEenv")
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN", "pscale_tkn_FAKEenv")
    monkeypatch.setenv("PLANETSCALE_BASE_URL", "https://api.example.test/v1")
    monkeypatch.setenv("PLANETSCALE_OAUTH_BASE_URL", "https://auth.example.test")  # both or neither
    client = AuthenticatedClient.from_env(httpx_args={"transport": recorder.transport})
    client.request(method="post", url="/ping")
    (request,) = recorder.requests
    assert request.headers["Authorization"] == "sto_FAKEenv:pscale_tkn_FAKEenv"
    assert request.url.host == "api.example.test"


@pytest.mark.parametrize(
    ("present", "missing"),
    [
        ({}, "PLANETSCALE_SERVICE_TOKEN_ID"),
        ({"PLANETSCALE_SERVICE_TOKEN_ID": "sto_FAKE"}, "PLANETSCALE_SERVICE_TOKEN"),
        ({"PLANETSCALE_SERVICE_TOKEN_ID": "sto_FAKE", "PLANETSCALE_SERVICE_TOKEN": "  "}, "PLANETSCALE_SERVICE_TOKEN"),
    ],
)
def test_from_env_names_the_missing_variable(
    monkeypatch: pytest.MonkeyPatch, present: dict[str, str], missing: str
) -> None:
    for name in ("PLANETSCALE_SERVICE_TOKEN_ID", "PLANETSCALE_SERVICE_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    for name, value in present.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(errors.CredentialsError, match=f"environment variable {missing} is not set") as caught:
        AuthenticatedClient.from_env()
    assert isinstance(caught.value, errors.PlanetScaleError)


@pytest.mark.parametrize(
    ("token_id", "token", "complaint"),
    [("", "tok", "token_id"), ("sto", "", "token"), ("sto", "   ", "token"), ("sto:x", "tok", "':'")],
)
def test_blank_or_malformed_service_tokens_are_refused(token_id: str, token: str, complaint: str) -> None:
    with pytest.raises(errors.CredentialsError, match=complaint):
        AuthenticatedClient.from_service_token(token_id, token)


def test_blank_token_is_refused_by_the_constructor_too() -> None:
    with pytest.raises(errors.CredentialsError, match="token"):
        AuthenticatedClient(token="")


def test_repr_never_shows_the_service_token() -> None:
    client = AuthenticatedClient.from_service_token(
        "sto_FAKEid0001",
        "pscale_tkn_FAKE0001",
        headers={"X-Extra": "pscale_tkn_FAKE0001"},
        cookies={"session": "pscale_tkn_FAKE0001"},
    )
    client.get_httpx_client()  # building the httpx client must not copy the credential anywhere repr shows
    text = repr(client) + str(client)
    assert "pscale_tkn_FAKE0001" not in text
    assert "sto_FAKEid0001" not in text
    assert "token='<redacted>'" in text


@pytest.mark.parametrize("retry", [None, 3, {"max_retries": 0}])
def test_a_retry_that_is_no_retry_policy_is_refused_when_the_client_is_built(retry: object) -> None:
    # Used only once a request fails: refused at once, naming the argument, not at the first failure.
    with pytest.raises(errors.ArgumentError, match=r"retry must be a RetryPolicy \(RetryPolicy\(max_retries=0\)"):
        Client(retry=retry)  # type: ignore[arg-type]
    if retry is not None:  # to the named constructors, None means "not given": the default policy
        with pytest.raises(errors.ArgumentError, match="retry must be a RetryPolicy"):
            AuthenticatedClient.from_service_token("sto_FAKE", "pscale_tkn_FAKE", retry=retry)  # type: ignore[arg-type]


def test_stock_constructor_arguments_keep_working() -> None:
    recorder = Recorder()
    timeout = httpx.Timeout(3.0)
    client = AuthenticatedClient(
        base_url="https://api.example.test/v1",
        token="oauth-access-FAKE",
        prefix="Bearer",
        timeout=timeout,
        headers={"X-Trace": "1"},
        httpx_args={"transport": recorder.transport},
    )
    assert client.get_httpx_client().timeout == timeout
    client.with_headers({"X-More": "2"}).request(method="get", url="/x")
    (request,) = recorder.requests
    assert request.headers["Authorization"] == "Bearer oauth-access-FAKE"
    assert request.headers["X-Trace"] == "1"
    assert request.headers["X-More"] == "2"
    assert str(request.url) == "https://api.example.test/v1/x"


def test_the_default_prefix_is_the_security_scheme_s() -> None:
    # openapi.yaml's ServiceToken is an apiKey in Authorization: the token goes alone, not as "Bearer <token>".
    recorder = Recorder()
    client = AuthenticatedClient(token="sto_FAKE:pscale_tkn_FAKE", httpx_args={"transport": recorder.transport})
    client.request(method="get", url="/x")
    assert recorder.requests[0].headers["Authorization"] == "sto_FAKE:pscale_tkn_FAKE"


def test_with_headers_leaves_the_original_client_alone() -> None:
    recorder = Recorder()
    client = AuthenticatedClient.from_service_token(
        "sto_FAKE", "pscale_tkn_FAKE0001", httpx_args={"transport": recorder.transport}
    )
    client.request(method="get", url="/before")  # the original's pool is open
    forced = client.with_headers({"Prefer": "code=400"})
    forced.request(method="get", url="/forced")
    client.request(method="get", url="/after")
    assert [request.headers.get("Prefer") for request in recorder.requests] == [None, "code=400", None]
    assert forced.get_httpx_client() is not client.get_httpx_client()


def test_unauthenticated_client_sends_no_authorization_header() -> None:
    recorder = Recorder()
    client = Client(httpx_args={"transport": recorder.transport})
    response = client.request(method="get", url="/x")
    assert json.loads(response.content)["id"] == SUCCESS.response["json"]["id"]
    assert "Authorization" not in recorder.requests[0].headers


async def test_client_context_managers_close_the_httpx_clients() -> None:
    client = AuthenticatedClient.from_service_token("sto", "tok")
    with client:
        pass
    assert client.get_httpx_client().is_closed
    async with client:
        pass
    assert client.get_async_httpx_client().is_closed


def test_a_misspelt_or_mistyped_client_argument_fails_type_checking(tmp_path: Path) -> None:
    from mypy import api

    program = tmp_path / "careless.py"
    program.write_text(
        "import httpx\n"
        "from planetscale_oauth import AuthenticatedClient, Client\n"
        "Client.from_env(timout=3)\n"
        "AuthenticatedClient.from_env(deadline='soon')\n"
        "AuthenticatedClient.from_service_token('id', 'token', oauth_base_url=5)\n"
        "AuthenticatedClient.from_service_token('id', 'token', timeout=httpx.Timeout(3.0), retry=None)\n"
        "Client.from_env(base_url='http://127.0.0.1:4010', oauth_base_url='http://127.0.0.1:4011')\n",
        encoding="utf-8",
    )
    out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(program)])
    lines = [line for line in out.splitlines() if ": error:" in line]
    assert status == 1
    assert [line.split(":")[1] for line in lines] == ["3", "4", "5", "6"], out
    assert 'Unexpected keyword argument "timout"' in lines[0]
