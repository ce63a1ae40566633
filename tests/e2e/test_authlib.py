"""The SDK against a real OAuth 2.0 authorization server that no one here wrote: Authlib's (tests/authlib_server.py).

For each client authentication method (``client_secret_post``, ``client_secret_basic``), sync and async: the
authorize URL with PKCE, a browser's login and consent, the callback, the code exchange, a refresh that rotates the
refresh token, and the revocation of both tokens with their hints. Then every RFC 6749 error the server produces on
these paths, as the package's typed errors. Then the same flow through the one client object (``PlanetScale`` and
``AsyncPlanetScale``, their ``oauth_app`` and ``oauth`` resource), which sends its service token nowhere on it.
Authlib decides what is valid; the tests only read its verdicts.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from authlib_server import (
    BASIC_CLIENT_ID,
    EXPIRES_IN,
    POST_CLIENT_ID,
    POST_CLIENT_SECRET,
    REDIRECT_URI,
    USER,
    AuthlibServer,
)

from planetscale_oauth import AsyncPlanetScale, Client, PlanetScale, errors
from planetscale_oauth.api.oauth import revoke_token
from planetscale_oauth.models import AuthorizationCodeGrant, RevokeTokenRequest
from planetscale_oauth.oauth import (
    AUTHORIZE_PATH,
    AuthorizationRequest,
    ClientAuth,
    Revocation,
    Tokens,
    TokenSession,
    authorize_url,
    read_callback,
)

from helpers import MODES, NO_RETRY, Mode

METHODS: tuple[ClientAuth, ...] = ("client_secret_post", "client_secret_basic")


@pytest.fixture
def server() -> Iterator[AuthlibServer]:
    with AuthlibServer() as running:
        yield running


def sdk_client(server: AuthlibServer) -> Client:
    """The SDK's client, its OAuth base URL on the Authlib server."""
    return Client(oauth_base_url=server.url, retry=NO_RETRY)


def credentials(method: ClientAuth) -> tuple[str, str]:
    client = AuthlibServer.CLIENTS[method]
    return client.client_id, client.client_secret


def authorize(server: AuthlibServer, method: ClientAuth, *, pkce: bool = True) -> tuple[AuthorizationRequest, str]:
    """The authorize URL, a browser's consent, and the code read from the callback."""
    client_id, _ = credentials(method)
    request = authorize_url(client_id, REDIRECT_URI, scope=["read_databases"], pkce=pkce, client=sdk_client(server))
    return request, read_callback(server.consent(request.url), request.state)


async def exchange(
    server: AuthlibServer, mode: Mode, method: ClientAuth, code: str, code_verifier: str | None, secret: str = ""
) -> TokenSession:
    client_id, registered = credentials(method)
    client, secret = sdk_client(server), secret or registered
    if mode == "sync":
        return TokenSession.exchange(
            client, client_id, secret, code=code, redirect_uri=REDIRECT_URI, code_verifier=code_verifier,
            client_auth=method,
        )  # fmt: skip
    return await TokenSession.aexchange(
        client, client_id, secret, code=code, redirect_uri=REDIRECT_URI, code_verifier=code_verifier, client_auth=method
    )


def user_status(server: AuthlibServer, access_token: str) -> int:
    """The status of the protected resource for ``access_token``."""
    return httpx.get(f"{server.url}/v1/user", headers={"Authorization": f"Bearer {access_token}"}).status_code


# The whole flow.


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("method", METHODS)
async def test_authorize_exchange_refresh_and_revoke(server: AuthlibServer, method: ClientAuth, mode: Mode) -> None:
    request, code = authorize(server, method)
    session = await exchange(server, mode, method, code, request.code_verifier)
    issued = session.tokens
    assert issued.refresh_token and issued.scope == "read_databases"
    assert issued.expires_at is not None
    remaining = issued.expires_at - datetime.datetime.now(datetime.UTC)
    assert datetime.timedelta(seconds=EXPIRES_IN - 10) < remaining <= datetime.timedelta(seconds=EXPIRES_IN)

    # The access token opens the protected resource.
    if mode == "sync":
        with httpx.Client(auth=session.httpx_auth()) as api:
            assert api.get(f"{server.url}/v1/user").json() == {"name": USER}
    else:
        async with httpx.AsyncClient(auth=session.httpx_auth()) as aapi:
            assert (await aapi.get(f"{server.url}/v1/user")).json() == {"name": USER}

    # A refresh rotates the refresh token: the old one is refused from then on, the old access token too.
    refreshed = session.refresh() if mode == "sync" else await session.arefresh()
    assert refreshed.access_token != issued.access_token
    assert refreshed.refresh_token and refreshed.refresh_token != issued.refresh_token
    assert refreshed.scope == "read_databases"
    assert (user_status(server, issued.access_token), user_status(server, refreshed.access_token)) == (401, 200)
    with pytest.raises(errors.InvalidGrantError):
        TokenSession(sdk_client(server), *credentials(method), issued, client_auth=method).refresh()

    # Revoking ends both tokens; the session hands out none.
    outcome = session.revoke() if mode == "sync" else await session.arevoke()
    assert outcome == Revocation() and outcome.complete
    assert user_status(server, refreshed.access_token) == 401
    with pytest.raises(errors.InvalidGrantError):
        TokenSession(sdk_client(server), *credentials(method), refreshed, client_auth=method).refresh()
    with pytest.raises(errors.CredentialsError, match="revoked"):
        session.access_token()

    # What the server was sent: the verifier with the code; each token's hint; the secret where the method puts it.
    exchange_form, *refresh_forms = server.store.token_requests
    assert exchange_form["code_verifier"] == request.code_verifier
    assert [form["token_type_hint"] for form in server.store.revocation_requests] == ["refresh_token", "access_token"]
    sent = [exchange_form, *refresh_forms, *server.store.revocation_requests]
    if method == "client_secret_post":
        assert all(form["client_id"] == POST_CLIENT_ID and form["client_secret"] == POST_CLIENT_SECRET for form in sent)
    else:
        assert not any("client_id" in form or "client_secret" in form for form in sent)


@pytest.mark.parametrize("mode", MODES)
async def test_a_401_from_the_resource_refreshes_and_sends_again(server: AuthlibServer, mode: Mode) -> None:
    request, code = authorize(server, "client_secret_post")
    session = await exchange(server, mode, "client_secret_post", code, request.code_verifier)
    revoked = session.tokens.access_token
    # The access token alone is revoked elsewhere (RFC 7009, hinted), while the session still thinks it fresh.
    body = RevokeTokenRequest(revoked, POST_CLIENT_ID, POST_CLIENT_SECRET, token_type_hint="access_token")
    revoke_token.sync(client=sdk_client(server), body=body)
    assert user_status(server, revoked) == 401
    if mode == "sync":
        with httpx.Client(auth=session.httpx_auth()) as api:
            response = api.get(f"{server.url}/v1/user")
    else:
        async with httpx.AsyncClient(auth=session.httpx_auth()) as aapi:
            response = await aapi.get(f"{server.url}/v1/user")
    assert response.status_code == 200 and response.json() == {"name": USER}
    assert session.refreshes == 1 and session.tokens.access_token != revoked


def test_a_declined_consent_is_an_authorization_denied_error(server: AuthlibServer) -> None:
    request = authorize_url(POST_CLIENT_ID, REDIRECT_URI, client=sdk_client(server))
    callback = server.consent(request.url, approve=False)
    with pytest.raises(errors.AuthorizationDeniedError) as denied:
        read_callback(callback, request.state)
    assert denied.value.code == "access_denied"


# RFC 6749 errors, as Authlib produces them, as the package's typed errors.


@pytest.mark.parametrize("method", METHODS)
async def test_a_reused_code_is_an_invalid_grant_error(server: AuthlibServer, method: ClientAuth) -> None:
    request, code = authorize(server, method)
    await exchange(server, "sync", method, code, request.code_verifier)
    with pytest.raises(errors.InvalidGrantError) as caught:
        await exchange(server, "async", method, code, request.code_verifier)
    assert caught.value.status_code == 400 and caught.value.code == "invalid_grant"
    assert code not in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("method", METHODS)
async def test_a_wrong_secret_is_an_invalid_client_error(server: AuthlibServer, method: ClientAuth, mode: Mode) -> None:
    request, code = authorize(server, method)
    wrong = "FAKE-wrong-secret-authlib-0001"
    with pytest.raises(errors.InvalidClientError) as caught:
        await exchange(server, mode, method, code, request.code_verifier, secret=wrong)
    assert caught.value.code == "invalid_client" and caught.value.status_code == 401
    assert wrong not in f"{caught.value} {caught.value!r}"
    # The code was not spent: with the right secret it still buys tokens.
    assert (await exchange(server, mode, method, code, request.code_verifier)).tokens.refresh_token


@pytest.mark.parametrize("method", METHODS)
async def test_the_method_the_client_did_not_register_is_an_invalid_client_error(
    server: AuthlibServer, method: ClientAuth
) -> None:
    request, code = authorize(server, method)
    client_id, secret = credentials(method)
    other: ClientAuth = "client_secret_basic" if method == "client_secret_post" else "client_secret_post"
    with pytest.raises(errors.InvalidClientError):
        TokenSession.exchange(
            sdk_client(server), client_id, secret, code=code, redirect_uri=REDIRECT_URI,
            code_verifier=request.code_verifier, client_auth=other,
        )  # fmt: skip


@pytest.mark.parametrize("method", METHODS)
async def test_a_missing_verifier_is_an_invalid_request_error_and_a_wrong_one_an_invalid_grant_error(
    server: AuthlibServer, method: ClientAuth
) -> None:
    request, code = authorize(server, method)
    with pytest.raises(errors.InvalidRequestError, match="code_verifier") as missing:
        await exchange(server, "sync", method, code, None)
    assert missing.value.code == "invalid_request"
    with pytest.raises(errors.InvalidGrantError, match="Code challenge failed"):
        await exchange(server, "async", method, code, "FAKE-wrong-verifier-" + "0" * 30)
    # Refused before the code was spent: the right verifier still gets the tokens.
    assert (await exchange(server, "sync", method, code, request.code_verifier)).tokens.access_token


async def test_a_verifier_without_a_challenge_is_an_invalid_request_error(server: AuthlibServer) -> None:
    request, code = authorize(server, "client_secret_post", pkce=False)
    assert request.code_verifier is None
    with pytest.raises(errors.InvalidRequestError, match="code_challenge"):
        await exchange(server, "sync", "client_secret_post", code, "FAKE-verifier-nobody-asked-for-" + "0" * 20)
    # RFC 9700 §4.8 refuses it; without one, the exchange is a plain RFC 6749 one.
    assert (await exchange(server, "sync", "client_secret_post", code, None)).tokens.access_token


@pytest.mark.parametrize("mode", MODES)
async def test_a_refresh_on_a_server_without_the_refresh_grant_is_an_unsupported_grant_type_error(mode: Mode) -> None:
    with AuthlibServer(refresh=False) as server:
        request, code = authorize(server, "client_secret_basic")
        session = await exchange(server, mode, "client_secret_basic", code, request.code_verifier)
        with pytest.raises(errors.UnsupportedGrantTypeError) as caught:
            session.refresh() if mode == "sync" else await session.arefresh()
        assert caught.value.code == "unsupported_grant_type" and caught.value.status_code == 400
        assert isinstance(session.tokens, Tokens) and session.refreshes == 0, "the tokens are kept"
        assert server.store.token_requests[-1]["grant_type"] == "refresh_token"
        assert BASIC_CLIENT_ID not in server.store.token_requests[-1].values()


# The same flow through the one client object: PlanetScale / AsyncPlanetScale and their oauth_app.

# The client object requires a service token for now; it is never sent to the OAuth server (checked below).
SERVICE_TOKEN_ID, SERVICE_TOKEN = "id", "tok"


def recording(mode: Mode, seen: list[httpx.Request]) -> dict[str, Any]:
    """``httpx_args`` that collect every request the client sends (an async hook for the async client)."""
    if mode == "sync":
        return {"event_hooks": {"request": [seen.append]}}

    async def record(request: httpx.Request) -> None:
        seen.append(request)

    return {"event_hooks": {"request": [record]}}


def client_object(server: AuthlibServer, method: ClientAuth, seen: list[httpx.Request]) -> PlanetScale:
    client_id, secret = credentials(method)
    return PlanetScale(
        token_id=SERVICE_TOKEN_ID, token=SERVICE_TOKEN, oauth_base_url=server.url, client_id=client_id,
        client_secret=secret, client_auth=method, retry=NO_RETRY, httpx_args=recording("sync", seen),
    )  # fmt: skip


def async_client_object(server: AuthlibServer, method: ClientAuth, seen: list[httpx.Request]) -> AsyncPlanetScale:
    client_id, secret = credentials(method)
    return AsyncPlanetScale(
        token_id=SERVICE_TOKEN_ID, token=SERVICE_TOKEN, oauth_base_url=server.url, client_id=client_id,
        client_secret=secret, client_auth=method, retry=NO_RETRY, httpx_args=recording("async", seen),
    )  # fmt: skip


def assert_no_service_token(server: AuthlibServer, seen: list[httpx.Request], method: ClientAuth) -> None:
    """Every request went to the OAuth server, none with the service token: no Authorization header at all with
    ``client_secret_post``, HTTP Basic with ``client_secret_basic``."""
    assert seen and all(str(sent.url).startswith(f"{server.url}/oauth/") for sent in seen)
    for sent in seen:
        authorization = sent.headers.get("authorization")
        assert SERVICE_TOKEN not in (authorization or "")
        if method == "client_secret_post":
            assert authorization is None
        else:
            assert authorization is not None and authorization.startswith("Basic ")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("method", METHODS)
async def test_the_client_objects_oauth_app_runs_the_whole_flow(
    server: AuthlibServer, method: ClientAuth, mode: Mode
) -> None:
    seen: list[httpx.Request] = []
    api = client_object(server, method, seen) if mode == "sync" else async_client_object(server, method, seen)
    app = api.oauth_app
    assert (app.client, app.client_id, app.client_auth) == (api.client, credentials(method)[0], method)

    request = app.authorize_url(REDIRECT_URI, scope=["read_databases"])
    assert request.url.startswith(f"{server.url}{AUTHORIZE_PATH}?") and request.code_verifier
    code = read_callback(server.consent(request.url), request.state)
    if mode == "sync":
        session = app.exchange(code=code, redirect_uri=REDIRECT_URI, code_verifier=request.code_verifier)
        issued = session.tokens
        assert session.access_token() == issued.access_token, "fresh: no refresh"
        refreshed = session.refresh()
        with pytest.raises(errors.InvalidGrantError):
            app.session(issued).refresh()  # the rotated-out refresh token
        outcome = session.revoke()
        with pytest.raises(errors.InvalidGrantError):
            app.session(refreshed).refresh()  # the revoked one
    else:
        session = await app.aexchange(code=code, redirect_uri=REDIRECT_URI, code_verifier=request.code_verifier)
        issued = session.tokens
        assert await session.aaccess_token() == issued.access_token, "fresh: no refresh"
        refreshed = await session.arefresh()
        with pytest.raises(errors.InvalidGrantError):
            await app.session(issued).arefresh()
        outcome = await session.arevoke()
        with pytest.raises(errors.InvalidGrantError):
            await app.session(refreshed).arefresh()

    assert issued.refresh_token and issued.scope == "read_databases"
    assert refreshed.access_token != issued.access_token
    assert refreshed.refresh_token and refreshed.refresh_token != issued.refresh_token
    assert session.refreshes == 1
    assert outcome == Revocation() and outcome.complete
    assert (user_status(server, issued.access_token), user_status(server, refreshed.access_token)) == (401, 401)
    with pytest.raises(errors.CredentialsError, match="revoked"):
        session.access_token()

    # What the server was sent, and how: the verifier with the code, each token's hint, the secret where the method
    # puts it, and never the service token.
    assert [call.url.path for call in seen] == ["/oauth/token"] * 3 + ["/oauth/revoke"] * 2 + ["/oauth/token"]
    exchange_form, *refresh_forms = server.store.token_requests
    assert exchange_form["code_verifier"] == request.code_verifier
    assert [form["grant_type"] for form in refresh_forms] == ["refresh_token"] * 3
    assert [form["token_type_hint"] for form in server.store.revocation_requests] == ["refresh_token", "access_token"]
    sent = [exchange_form, *refresh_forms, *server.store.revocation_requests]
    if method == "client_secret_post":
        assert all(form["client_id"] == POST_CLIENT_ID and form["client_secret"] == POST_CLIENT_SECRET for form in sent)
    else:
        assert not any("client_id" in form or "client_secret" in form for form in sent)
    assert_no_service_token(server, seen, method)


def access_token_revocation(access_token: str) -> RevokeTokenRequest:
    return RevokeTokenRequest(access_token, POST_CLIENT_ID, POST_CLIENT_SECRET, token_type_hint="access_token")


@pytest.mark.parametrize("mode", MODES)
async def test_a_reused_code_through_the_client_object_is_an_invalid_grant_error(
    server: AuthlibServer, mode: Mode
) -> None:
    seen: list[httpx.Request] = []
    method: ClientAuth = "client_secret_post"  # the form request_token sends
    request, code = authorize(server, method)
    assert request.code_verifier
    grant = AuthorizationCodeGrant(
        client_id=POST_CLIENT_ID, client_secret=POST_CLIENT_SECRET, code=code, redirect_uri=REDIRECT_URI,
        code_verifier=request.code_verifier,
    )  # fmt: skip
    if mode == "sync":
        api = client_object(server, method, seen)
        session = api.oauth_app.exchange(code=code, redirect_uri=REDIRECT_URI, code_verifier=request.code_verifier)
        with pytest.raises(errors.InvalidGrantError) as caught:
            api.oauth.request_token(body=grant)
        api.oauth.revoke_token(body=access_token_revocation(session.tokens.access_token))
    else:
        aapi = async_client_object(server, method, seen)
        session = await aapi.oauth_app.aexchange(
            code=code, redirect_uri=REDIRECT_URI, code_verifier=request.code_verifier
        )
        with pytest.raises(errors.InvalidGrantError) as caught:
            await aapi.oauth.request_token(body=grant)
        await aapi.oauth.revoke_token(body=access_token_revocation(session.tokens.access_token))
    assert caught.value.status_code == 400 and caught.value.code == "invalid_grant"
    assert code not in f"{caught.value} {caught.value!r}"
    # The token the first exchange issued was revoked through the client object's oauth resource.
    assert user_status(server, session.tokens.access_token) == 401
    assert [form.get("code") for form in server.store.token_requests] == [code, code]
    assert_no_service_token(server, seen, method)
