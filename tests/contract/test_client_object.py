"""The one client object (``resources.py``): built once, from arguments or the environment, one attribute a tag.

Its class is named by generator-config.yaml's ``sdk.client_name`` (else after the package), so the tests look the
name up as the spec reader reads it. Every method must send what its operation module's function sends and come
back with what it returns or raises: each recorded exchange in tests/fixtures/ is sent both ways and compared.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
import typing
import warnings
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, assert_type

import httpx
import pytest
import yaml
from attrs import evolve

import planetscale_oauth
from planetscale_oauth import AuthenticatedClient, Client, errors, resources
from planetscale_oauth.models import OAuthToken, OAuthTokenPage, RevokeTokenRequest

import spec_reader
from corpus import load
from helpers import ALL_EXCHANGES, EXPECTED, FACTS, MODES, NO_RETRY, ROOT, SPEC_PATH, Exchange, Mode

NAME = spec_reader.load(SPEC_PATH, config=ROOT / "generator-config.yaml").client_name
"""The client object's class, as generator-config.yaml names it (sdk.client_name)."""
API: Any = getattr(planetscale_oauth, NAME)
ASYNC_API: Any = getattr(planetscale_oauth, f"Async{NAME}")
TOKEN_ID, TOKEN = "sto_FAKEobject", "pscale_tkn_FAKEobject0001"
ENVS = (
    "PLANETSCALE_SERVICE_TOKEN_ID",
    "PLANETSCALE_SERVICE_TOKEN",
    "PLANETSCALE_BASE_URL",
    "PLANETSCALE_OAUTH_BASE_URL",
)
FUNCTIONS = {operation_id: operation.module.rsplit(".", 1)[1] for operation_id, operation in FACTS.operations.items()}
"""Each operation's function (module) name: the name of its method."""


@pytest.fixture(autouse=True)
def no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing in the tester's environment decides where these clients send or what credential they hold."""
    for name in ENVS:
        monkeypatch.delenv(name, raising=False)


class Recorder:
    """A transport that remembers each request and answers what ``answer`` says: 204 by default, or for a POST
    (the OAuth server's revocation) 200 with ``{}``."""

    def __init__(self, answer: httpx.Response | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.answer = answer
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.answer is None:
            return httpx.Response(200, json={}) if request.method == "POST" else httpx.Response(204)
        return httpx.Response(self.answer.status_code, headers=self.answer.headers, content=self.answer.content)


def method_of(api: Any, operation_id: str) -> Any:
    """The client object's method for an operation: ``api.<tag>.<function>``."""
    return getattr(getattr(api, FACTS.operations[operation_id].tag), FUNCTIONS[operation_id])


def without_client(signature: inspect.Signature) -> inspect.Signature:
    return signature.replace(parameters=[p for name, p in signature.parameters.items() if name != "client"])


# Exported, named, built


def test_the_classes_are_exported_from_the_top_level_and_named_by_the_config() -> None:
    assert API is resources.__dict__[NAME] and ASYNC_API is resources.__dict__[f"Async{NAME}"]
    assert {NAME, f"Async{NAME}"} <= set(planetscale_oauth.__all__)
    assert {NAME, f"Async{NAME}"} <= set(dir(planetscale_oauth))
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        planetscale_oauth.Nope  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_package_does_not_import_every_operation() -> None:
    # The client object imports every operation module: only when first named.
    code = (
        "import sys, planetscale_oauth\n"
        "assert 'planetscale_oauth.resources' not in sys.modules\n"
        f"planetscale_oauth.{NAME}\n"
        "assert 'planetscale_oauth.resources' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_client_name_defaults_to_the_package_name_and_must_be_a_class_name() -> None:
    assert spec_reader.SpecFacts(FACTS.document, "planetscale_oauth").client_name == "PlanetscaleOauth"
    assert spec_reader.SpecFacts(FACTS.document, "x", {"client_name": "PlanetScale"}).client_name == "PlanetScale"
    for wrong in ("planetScale", "Planet Scale", "Client", 'X"""'):
        with pytest.raises(spec_reader.SpecError, match=r"sdk\.client_name must be a class name"):
            spec_reader.SpecFacts(FACTS.document, "x", {"client_name": wrong})


@pytest.mark.parametrize("cls", [API, ASYNC_API], ids=["sync", "async"])
def test_built_from_arguments_it_sends_their_credential_to_their_base_urls(cls: Any) -> None:
    recorder = Recorder()
    api = cls(
        token_id=TOKEN_ID, token=TOKEN, base_url="https://api.example.test/v1",
        oauth_base_url="https://auth.example.test", httpx_args={"transport": recorder.transport}, retry=NO_RETRY,
    )  # fmt: skip
    assert type(api.client) is AuthenticatedClient
    assert api.client.base_url_for("api") == "https://api.example.test/v1"
    assert api.client.base_url_for("oauth") == "https://auth.example.test"
    assert api.client.retry is NO_RETRY
    assert api.client.credentials()[0] == f"{TOKEN_ID}:{TOKEN}"
    assert TOKEN not in repr(api) and TOKEN_ID not in repr(api)


async def test_with_an_oauth_application_and_no_service_token_the_oauth_half_works_and_the_api_half_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An application that only connects users' accounts has no service token: the client object still builds.
    for name in ("PLANETSCALE_OAUTH_CLIENT_ID", "PLANETSCALE_OAUTH_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    recorder = Recorder()
    settings = {"oauth_base_url": "https://auth.example.test", "httpx_args": {"transport": recorder.transport}}
    with pytest.raises(errors.CredentialsError, match="no credential"):
        API(**settings)  # neither half configured: refused at once, as before
    api = API(client_id="FAKE-app", client_secret="FAKE-app-secret", retry=NO_RETRY, **settings)
    assert not api.client.has_credential
    api.oauth.revoke_token(body=RevokeTokenRequest(token="FAKE-token", client_id="FAKE-app", client_secret="FAKE-s"))
    assert api.oauth_app.authorize_url("https://app.example/cb").url.startswith("https://auth.example.test/")
    calls: list[Callable[[], object]] = [
        lambda: api.oauth_tokens.list_oauth_tokens("acme", "oauthapp_FAKE01"),
        lambda: api.oauth_tokens.get_oauth_token("acme", "oauthapp_FAKE01", "oauthtok_FAKE01"),
    ]
    for call in calls:
        with pytest.raises(errors.CredentialsError) as caught:
            call()
        assert "PLANETSCALE_SERVICE_TOKEN_ID and PLANETSCALE_SERVICE_TOKEN" in str(caught.value)
    async_api = ASYNC_API(client_id="FAKE-app", client_secret="FAKE-app-secret", retry=NO_RETRY, **settings)
    with pytest.raises(errors.CredentialsError, match="needs a credential"):
        await async_api.oauth_tokens.list_oauth_tokens("acme", "oauthapp_FAKE01")
    assert [request.url.host for request in recorder.requests] == ["auth.example.test"]  # the revocation only
    # Environment variables for the application count the same way.
    monkeypatch.setenv("PLANETSCALE_OAUTH_CLIENT_ID", "FAKE-app")
    monkeypatch.setenv("PLANETSCALE_OAUTH_CLIENT_SECRET", "FAKE-app-secret")
    assert not API(**settings).client.has_credential


def test_built_from_the_environment_it_reads_what_from_env_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN_ID", TOKEN_ID)
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN", TOKEN)
    monkeypatch.setenv("PLANETSCALE_BASE_URL", "https://api.env.test/v1")
    monkeypatch.setenv("PLANETSCALE_OAUTH_BASE_URL", "https://auth.env.test")
    recorder = Recorder()
    api = API(httpx_args={"transport": recorder.transport})
    api.oauth_tokens.delete_oauth_token("acme", "app1", "tok1")
    api.oauth.revoke_token(
        body=RevokeTokenRequest(token="FAKE-token", client_id="FAKE-id", client_secret="FAKE-secret")
    )
    first, second = recorder.requests
    assert first.headers["Authorization"] == f"{TOKEN_ID}:{TOKEN}"
    assert str(first.url) == "https://api.env.test/v1/organizations/acme/oauth-applications/app1/tokens/tok1"
    assert str(second.url) == "https://auth.env.test/oauth/revoke" and "Authorization" not in second.headers
    # The client from_env() builds (with the transport given besides), before its connection pool opened.
    built = AuthenticatedClient.from_env(httpx_args={"transport": recorder.transport})
    assert evolve(api.client) == built


def test_base_urls_in_the_environment_are_all_or_nothing_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # As from_env(): some servers' URLs in the environment and others not would send those to production.
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN_ID", TOKEN_ID)
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN", TOKEN)
    monkeypatch.setenv("PLANETSCALE_BASE_URL", "https://api.env.test/v1")
    with pytest.raises(errors.CredentialsError, match="PLANETSCALE_OAUTH_BASE_URL not"):
        API()
    with pytest.raises(errors.CredentialsError, match="PLANETSCALE_OAUTH_BASE_URL not"):
        API(token_id=TOKEN_ID, token=TOKEN)
    assert API(oauth_base_url="https://auth.argument.test").client.base_url_for("api") == "https://api.env.test/v1"


def test_arguments_take_the_place_of_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENVS:
        monkeypatch.setenv(name, f"https://{name.lower()}.env.test" if name.endswith("URL") else "FAKE_from_env")
    api = API(token_id=TOKEN_ID, token=TOKEN, base_url="https://api.argument.test")
    assert api.client.token == f"{TOKEN_ID}:{TOKEN}"
    assert api.client.base_url_for("api") == "https://api.argument.test"
    assert api.client.base_url_for("oauth") == "https://planetscale_oauth_base_url.env.test"


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({"PLANETSCALE_SERVICE_TOKEN_ID": TOKEN_ID}, "environment variable PLANETSCALE_SERVICE_TOKEN is not set"),
        ({"PLANETSCALE_SERVICE_TOKEN": TOKEN}, "environment variable PLANETSCALE_SERVICE_TOKEN_ID is not set"),
        (
            {"PLANETSCALE_SERVICE_TOKEN_ID": TOKEN_ID, "PLANETSCALE_SERVICE_TOKEN": "  "},
            "environment variable PLANETSCALE_SERVICE_TOKEN is not set or is empty",
        ),
        (
            {},
            "no credential: pass token_id and token, or set PLANETSCALE_SERVICE_TOKEN_ID and PLANETSCALE_SERVICE_TOKEN",
        ),
    ],
    ids=["id only", "token only", "blank token", "neither"],
)
@pytest.mark.parametrize("cls", [API, ASYNC_API], ids=["sync", "async"])
def test_the_environment_gives_all_of_the_credential_or_none(
    monkeypatch: pytest.MonkeyPatch, cls: Any, environment: dict[str, str], missing: str
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(errors.CredentialsError, match=missing) as caught:
        cls()
    assert TOKEN not in str(caught.value) and TOKEN_ID not in str(caught.value)


@pytest.mark.parametrize(("given", "missing"), [({"token_id": TOKEN_ID}, "token"), ({"token": TOKEN}, "token_id")])
def test_arguments_give_all_of_the_credential_or_none(
    monkeypatch: pytest.MonkeyPatch, given: dict[str, str], missing: str
) -> None:
    # The part not passed is not taken from the environment: one credential from two places is never meant.
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN_ID", "sto_FAKEenv")
    monkeypatch.setenv("PLANETSCALE_SERVICE_TOKEN", "pscale_tkn_FAKEenv")
    with pytest.raises(errors.CredentialsError, match=f"given without {missing}: pass every part"):
        API(**given)


def test_a_blank_argument_is_refused_as_the_named_constructor_refuses_it() -> None:
    with pytest.raises(errors.CredentialsError, match="token must be a non-empty string"):
        API(token_id=TOKEN_ID, token="")


def test_client_wraps_a_client_built_beforehand_and_takes_no_settings_beside_it() -> None:
    bearer = AuthenticatedClient.from_access_token("FAKE-access-token-object")
    api = API(client=bearer)
    assert api.client is bearer and api.oauth_tokens._client is bearer
    with pytest.raises(TypeError, match=r"either client= or the settings to build one \(timeout, token\)"):
        API(client=bearer, token="x", timeout=httpx.Timeout(1.0))


def test_the_client_cannot_be_replaced_under_its_resources() -> None:
    api = API(token_id=TOKEN_ID, token=TOKEN)
    with pytest.raises(AttributeError):
        api.client = AuthenticatedClient.from_access_token("FAKE-other")


def test_with_and_close_close_the_connection_pool() -> None:
    recorder = Recorder()
    with API(token_id=TOKEN_ID, token=TOKEN, httpx_args={"transport": recorder.transport}) as api:
        api.oauth_tokens.delete_oauth_token("acme", "app1", "tok1")
        pool = api.client.get_httpx_client()
        assert not pool.is_closed
    assert pool.is_closed
    again = API(token_id=TOKEN_ID, token=TOKEN, httpx_args={"transport": recorder.transport})
    again.oauth_tokens.delete_oauth_token("acme", "app1", "tok1")
    again.close()
    assert again.client.get_httpx_client().is_closed


async def test_async_with_and_aclose_close_the_connection_pool() -> None:
    recorder = Recorder()
    async with ASYNC_API(token_id=TOKEN_ID, token=TOKEN, httpx_args={"transport": recorder.transport}) as api:
        await api.oauth_tokens.delete_oauth_token("acme", "app1", "tok1")
        pool = api.client.get_async_httpx_client()
        assert not pool.is_closed
    assert pool.is_closed
    again = ASYNC_API(token_id=TOKEN_ID, token=TOKEN, httpx_args={"transport": recorder.transport})
    await again.oauth_tokens.delete_oauth_token("acme", "app1", "tok1")
    pool = again.client.get_async_httpx_client()
    await again.aclose()
    assert pool.is_closed


# One attribute a tag, one method an operation


def expected_methods(tag: str) -> set[str]:
    found = set()
    for operation_id, operation in FACTS.operations.items():
        if operation.tag == tag:
            found.add(FUNCTIONS[operation_id])
            if operation.pagination is not None:
                found.add(f"iterate_{FUNCTIONS[operation_id]}")
    return found


@pytest.mark.parametrize("cls", [API, ASYNC_API], ids=["sync", "async"])
def test_each_tag_is_an_attribute_whose_dir_lists_its_operations(cls: Any) -> None:
    api = cls(token_id=TOKEN_ID, token=TOKEN)
    tags = {operation.tag for operation in FACTS.operations.values()}
    assert tags == {"oauth_tokens", "oauth"}
    for tag in tags:
        resource = getattr(api, tag)
        assert resource._client is api.client
        assert {name for name in dir(resource) if not name.startswith("_")} == expected_methods(tag)
        assert tag in dir(api)
    assert {"list_oauth_tokens", "iterate_list_oauth_tokens"} <= set(dir(api.oauth_tokens))


@pytest.mark.parametrize("operation_id", sorted(FACTS.operations))
def test_each_method_has_its_operation_functions_signature_without_client(operation_id: str) -> None:
    module = EXPECTED[operation_id].module
    sync_method = method_of(API(token_id=TOKEN_ID, token=TOKEN), operation_id)
    async_method = method_of(ASYNC_API(token_id=TOKEN_ID, token=TOKEN), operation_id)
    assert inspect.signature(sync_method) == without_client(inspect.signature(module.sync))
    assert inspect.signature(async_method) == without_client(inspect.signature(module.asyncio))
    assert inspect.iscoroutinefunction(async_method) and not inspect.iscoroutinefunction(sync_method)
    hints = typing.get_type_hints(module.sync)
    del hints["client"]
    assert typing.get_type_hints(sync_method) == hints == typing.get_type_hints(async_method)
    # help() and autocomplete show the operation's own docstring: summary, description, arguments, errors.
    assert inspect.getdoc(sync_method) == inspect.getdoc(module.sync) == inspect.getdoc(async_method)
    summary = FACTS.document["paths"][FACTS.operations[operation_id].path][FACTS.operations[operation_id].method]
    assert str(inspect.getdoc(sync_method)).startswith(summary["summary"])
    if FACTS.operations[operation_id].pagination is not None:
        iterate = getattr(getattr(API(token_id=TOKEN_ID, token=TOKEN), FACTS.operations[operation_id].tag),
                          f"iterate_{FUNCTIONS[operation_id]}")  # fmt: skip
        aiterate = getattr(getattr(ASYNC_API(token_id=TOKEN_ID, token=TOKEN), FACTS.operations[operation_id].tag),
                           f"iterate_{FUNCTIONS[operation_id]}")  # fmt: skip
        assert inspect.signature(iterate) == without_client(inspect.signature(module.iterate))
        assert inspect.signature(aiterate) == without_client(inspect.signature(module.aiterate))


def answer_of(exchange: Exchange) -> httpx.Response:
    headers = dict(exchange.response.get("headers") or {})
    if not exchange.has_response_body:
        return httpx.Response(exchange.status, headers=headers)
    return httpx.Response(exchange.status, json=exchange.response_body, headers=headers)


def outcome(call: Any) -> Any:
    """What a call came to: the result as JSON-like data, or the error's class, status and message."""
    try:
        result = call()
    except errors.APIError as error:
        return ("raised", type(error), getattr(error, "status_code", None), str(error))
    return ("returned", result.to_dict() if hasattr(result, "to_dict") else result)


async def aoutcome(call: Any) -> Any:
    try:
        result = await call()
    except errors.APIError as error:
        return ("raised", type(error), getattr(error, "status_code", None), str(error))
    return ("returned", result.to_dict() if hasattr(result, "to_dict") else result)


def wire(request: httpx.Request) -> tuple[str, str, list[tuple[str, str]], bytes]:
    return request.method, str(request.url), sorted(request.headers.items()), request.content


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("exchange", ALL_EXCHANGES, ids=[exchange.name for exchange in ALL_EXCHANGES])
async def test_each_method_sends_and_returns_what_its_operation_function_does(mode: Mode, exchange: Exchange) -> None:
    module = EXPECTED[exchange.operation_id].module
    by_function, by_method = Recorder(answer_of(exchange)), Recorder(answer_of(exchange))
    reference = AuthenticatedClient.from_service_token(
        TOKEN_ID, TOKEN, retry=NO_RETRY, httpx_args={"transport": by_function.transport}
    )
    settings: dict[str, Any] = {"retry": NO_RETRY, "httpx_args": {"transport": by_method.transport}}
    arguments = exchange.arguments()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # a deprecated operation warns both ways
        if mode == "sync":
            expected = outcome(lambda: module.sync(client=reference, **arguments))
            method = method_of(API(token_id=TOKEN_ID, token=TOKEN, **settings), exchange.operation_id)
            got = outcome(lambda: method(**arguments))
        else:
            expected = await aoutcome(lambda: module.asyncio(client=reference, **arguments))
            method = method_of(ASYNC_API(token_id=TOKEN_ID, token=TOKEN, **settings), exchange.operation_id)
            got = await aoutcome(lambda: method(**arguments))
    assert got == expected
    assert [wire(request) for request in by_method.requests] == [wire(request) for request in by_function.requests]
    assert len(by_method.requests) == 1


def pages(last: int) -> httpx.MockTransport:
    middle = next(exchange for exchange in ALL_EXCHANGES if exchange.name == "list_oauth_tokens_200_middle_page")

    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        body = {
            **middle.response_body,
            "current_page": number,
            "next_page": number + 1 if number < last else None,
            "data": [{**middle.response_body["data"][0], "id": f"oauthtoken_FAKE{number}"}],
        }
        return httpx.Response(200, json=body)

    return httpx.MockTransport(answer)


@pytest.mark.parametrize("mode", MODES)
async def test_iterate_walks_every_page_as_the_modules_iterate_does(mode: Mode) -> None:
    from planetscale_oauth.api.oauth_tokens import list_oauth_tokens

    reference = AuthenticatedClient.from_service_token(TOKEN_ID, TOKEN, httpx_args={"transport": pages(3)})
    if mode == "sync":
        api = API(token_id=TOKEN_ID, token=TOKEN, httpx_args={"transport": pages(3)})
        got = [token.id for token in api.oauth_tokens.iterate_list_oauth_tokens("acme", "app1", page=2)]
        expected = [token.id for token in list_oauth_tokens.iterate("acme", "app1", client=reference, page=2)]
    else:
        aapi = ASYNC_API(token_id=TOKEN_ID, token=TOKEN, httpx_args={"transport": pages(3)})
        got = [token.id async for token in aapi.oauth_tokens.iterate_list_oauth_tokens("acme", "app1", page=2)]
        expected = [token.id async for token in list_oauth_tokens.aiterate("acme", "app1", client=reference, page=2)]
    assert got == expected == ["oauthtoken_FAKE2", "oauthtoken_FAKE3"]


DEPRECATED = sorted(operation_id for operation_id, operation in FACTS.operations.items() if operation.deprecated)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("operation_id", DEPRECATED)
async def test_a_deprecated_operation_warns_at_the_callers_line(mode: Mode, operation_id: str) -> None:
    exchange = next(each for each in ALL_EXCHANGES if each.operation_id == operation_id and each.status < 300)
    settings: dict[str, Any] = {"httpx_args": {"transport": Recorder(answer_of(exchange)).transport}}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if mode == "sync":
            method_of(API(token_id=TOKEN_ID, token=TOKEN, **settings), operation_id)(**exchange.arguments())
        else:
            await method_of(ASYNC_API(token_id=TOKEN_ID, token=TOKEN, **settings), operation_id)(**exchange.arguments())
    (warning,) = [each for each in caught if issubclass(each.category, DeprecationWarning)]
    assert "is deprecated" in str(warning.message)
    assert warning.filename == __file__


def test_the_resources_are_typed_as_their_operations() -> None:
    # mypy --strict checks these assert_type calls against the generated signatures.
    empty = next(exchange for exchange in ALL_EXCHANGES if exchange.name == "list_oauth_tokens_200_only_page_empty")
    recorder = Recorder(answer_of(empty))
    tokens = resources.OauthTokensResource(
        AuthenticatedClient.from_service_token(TOKEN_ID, TOKEN, httpx_args={"transport": recorder.transport})
    )
    page = assert_type(tokens.list_oauth_tokens("acme", "app1", per_page=5, timeout=3.0), OAuthTokenPage)
    assert page.data == []
    assert_type(tokens.iterate_list_oauth_tokens("acme", "app1"), Iterator[OAuthToken])
    atokens = resources.AsyncOauthTokensResource(tokens._client)
    assert_type(atokens.iterate_list_oauth_tokens("acme", "app1"), AsyncIterator[OAuthToken])
    assert repr(tokens) == "<OauthTokensResource of AuthenticatedClient>"


# Another spec: untagged operations, a tag named like the client's own attribute, no security, a client_name

WIDGETS = {
    "openapi": "3.0.3",
    "info": {"title": "Widgets", "version": "1"},
    "servers": [{"url": "https://api.widgets.test"}],
    "paths": {
        "/widgets": {"get": {"operationId": "list_widgets", "responses": {"204": {"description": "ok"}}}},
        "/clients/{id}": {
            "get": {
                "tags": ["client"],
                "operationId": "get_client",
                "summary": "Get a client",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"204": {"description": "ok"}},
            }
        },
    },
}


@pytest.fixture(scope="module")
def widgets(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("widgets")
    (folder / "spec.yaml").write_text(yaml.safe_dump(WIDGETS), encoding="utf-8")
    config = {"sdk": {"client_name": "Widgets", "env_prefix": "WIDGETS"}}
    (folder / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    out = folder / "client_object_widgets"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "generate", "--path", str(folder / "spec.yaml"),
         "--config", str(folder / "config.yaml"), "--meta", "none", "--output-path", str(out)],
        check=True, capture_output=True, cwd=folder,
    )  # fmt: skip
    return load(out)


def test_untagged_operations_are_on_default_and_a_tag_named_client_gets_an_underscore(
    widgets: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIDGETS_BASE_URL", "https://widgets.env.test")
    recorder = Recorder()
    api = widgets.Widgets(httpx_args={"transport": recorder.transport})
    assert type(api.client) is widgets.Client  # no security: no credential to find
    assert "token" not in inspect.signature(widgets.Widgets).parameters
    api.default.list_widgets()
    api.client_.get_client("w1")
    assert [str(request.url) for request in recorder.requests] == [
        "https://widgets.env.test/widgets",
        "https://widgets.env.test/clients/w1",
    ]
    assert inspect.getdoc(api.client_.get_client).startswith("Get a client")  # type: ignore[union-attr]


async def test_the_async_twin_of_another_spec(widgets: ModuleType) -> None:
    recorder = Recorder()
    async with widgets.AsyncWidgets(base_url="https://w.test", httpx_args={"transport": recorder.transport}) as api:
        assert await api.default.list_widgets() is None
    assert str(recorder.requests[0].url) == "https://w.test/widgets"
    assert isinstance(api.client, Client) is False  # another package's Client
    assert type(api.client).__module__ == f"{widgets.__name__}.client"


def test_a_spec_with_a_client_name_generates_classes_of_that_name(widgets: ModuleType) -> None:
    assert {"Widgets", "AsyncWidgets"} <= set(widgets.__all__)
    source = Path(str(widgets.__file__)).with_name("resources.py").read_text(encoding="utf-8")
    assert "class Widgets(" in source and "class AsyncWidgets(" in source


def test_a_tag_package_lists_its_operations_and_loads_each_when_used() -> None:
    script = (
        "import sys, planetscale_oauth.api.oauth_tokens as tag\n"
        "print(sorted(set(tag.__all__) & set(dir(tag))))\n"
        "print([name for name in tag.__all__ if f'{tag.__name__}.{name}' in sys.modules])\n"
        "print(callable(tag.get_oauth_token.sync), [n for n in tag.__all__ if f'{tag.__name__}.{n}' in sys.modules])\n"
    )
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert shown.splitlines() == [
        "['create_oauth_token', 'delete_oauth_token', 'get_oauth_token', 'list_oauth_tokens']",
        "[]",
        "True ['get_oauth_token']",
    ]
