"""The SDK against a second real OAuth 2.0 authorization server that no one here wrote: oauthlib's
``WebApplicationServer`` (tests/oauthlib_server.py).

For each client authentication method (``client_secret_post``, ``client_secret_basic``), sync and async: the
authorize URL with PKCE, the authorize endpoint's redirect, the callback, the code exchange, a refresh that rotates
the refresh token (the old one then refused), and the revocation of both tokens with their hints. Then the errors
oauthlib produces on these paths, as the package's typed errors: a missing or wrong PKCE verifier, a wrong secret, a
reused code, and, at the authorize step, an authorization without PKCE and an unsupported response type. oauthlib
decides what is valid; the tests only read its verdicts.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from oauthlib_server import CLIENT_ID, CLIENT_SECRET, EXPIRES_IN, REDIRECT_URI, USER, OAuthlibServer

from planetscale_oauth import Client, errors
from planetscale_oauth.oauth import (
    AUTHORIZE_PATH,
    AuthorizationRequest,
    ClientAuth,
    Revocation,
    TokenSession,
    authorize_url,
    read_callback,
)

from helpers import MODES, NO_RETRY, Mode

METHODS: tuple[ClientAuth, ...] = ("client_secret_post", "client_secret_basic")


@pytest.fixture
def server() -> Iterator[OAuthlibServer]:
    with OAuthlibServer() as running:
        yield running


def sdk_client(server: OAuthlibServer) -> Client:
    """The SDK's client, its OAuth base URL on the oauthlib server."""
    return Client(oauth_base_url=server.url, retry=NO_RETRY)


def authorize(server: OAuthlibServer) -> tuple[AuthorizationRequest, str]:
    """The authorize URL (PKCE), the authorize endpoint's redirect, and the code read from the callback."""
    request = authorize_url(CLIENT_ID, REDIRECT_URI, scope=["read_databases"], client=sdk_client(server))
    return request, read_callback(server.authorize(request.url), request.state)


async def exchange(
    server: OAuthlibServer, mode: Mode, method: ClientAuth, code: str, code_verifier: str | None, secret: str = ""
) -> TokenSession:
    client, secret = sdk_client(server), secret or CLIENT_SECRET
    if mode == "sync":
        return TokenSession.exchange(
            client, CLIENT_ID, secret, code=code, redirect_uri=REDIRECT_URI, code_verifier=code_verifier,
            client_auth=method,
        )  # fmt: skip
    return await TokenSession.aexchange(
        client, CLIENT_ID, secret, code=code, redirect_uri=REDIRECT_URI, code_verifier=code_verifier, client_auth=method
    )


def held_by(server: OAuthlibServer, session: TokenSession, method: ClientAuth) -> TokenSession:
    """Another session holding the tokens ``session`` holds now."""
    return TokenSession(sdk_client(server), CLIENT_ID, CLIENT_SECRET, session.tokens, client_auth=method)


def user_status(server: OAuthlibServer, access_token: str) -> int:
    """The status of the protected resource (oauthlib's resource endpoint) for ``access_token``."""
    return httpx.get(f"{server.url}/v1/user", headers={"Authorization": f"Bearer {access_token}"}).status_code


def with_query(url: str, **changes: str) -> str:
    """``url`` with some query parameters replaced."""
    parts = urlsplit(url)
    query = {name: values[0] for name, values in parse_qs(parts.query).items()} | changes
    return parts._replace(query=urlencode(query)).geturl()


# The whole flow.


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("method", METHODS)
async def test_authorize_exchange_refresh_and_revoke(server: OAuthlibServer, method: ClientAuth, mode: Mode) -> None:
    request, code = authorize(server)
    assert request.url.startswith(server.url + AUTHORIZE_PATH + "?") and request.code_verifier
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
    stale = held_by(server, session, method)
    refreshed = session.refresh() if mode == "sync" else await session.arefresh()
    assert refreshed.access_token != issued.access_token
    assert refreshed.refresh_token and refreshed.refresh_token != issued.refresh_token
    assert refreshed.scope == "read_databases" and session.refreshes == 1
    assert (user_status(server, issued.access_token), user_status(server, refreshed.access_token)) == (401, 200)
    with pytest.raises(errors.InvalidGrantError) as old:
        stale.refresh() if mode == "sync" else await stale.arefresh()
    assert old.value.status_code == 400 and old.value.code == "invalid_grant"
    assert stale.tokens == issued, "a refused refresh keeps the tokens"

    # Revoking ends both tokens; the session hands out none.
    after = held_by(server, session, method)
    outcome = session.revoke() if mode == "sync" else await session.arevoke()
    assert outcome == Revocation() and outcome.complete
    assert user_status(server, refreshed.access_token) == 401
    with pytest.raises(errors.InvalidGrantError):
        after.refresh() if mode == "sync" else await after.arefresh()
    with pytest.raises(errors.CredentialsError, match="revoked"):
        session.access_token()

    # What the server was sent: the verifier with the code; each token's hint; the secret where the method puts it.
    exchange_form, *refresh_forms = server.store.token_requests
    assert exchange_form["code_verifier"] == request.code_verifier
    assert [form["grant_type"] for form in refresh_forms] == ["refresh_token"] * 3
    assert [form["token_type_hint"] for form in server.store.revocation_requests] == ["refresh_token", "access_token"]
    assert [form["token"] for form in server.store.revocation_requests] == [
        refreshed.refresh_token, refreshed.access_token,
    ]  # fmt: skip
    sent = [exchange_form, *refresh_forms, *server.store.revocation_requests]
    if method == "client_secret_post":
        assert all(form["client_id"] == CLIENT_ID and form["client_secret"] == CLIENT_SECRET for form in sent)
    else:
        assert not any("client_id" in form or "client_secret" in form for form in sent)
    # The method oauthlib's client authentication (through the validator) accepted, each time.
    assert server.store.authentications == [method] * len(sent)


# At the authorize step: oauthlib's verdicts come back on the redirect URI, and read_callback raises them.


def test_an_authorization_without_pkce_is_refused_at_the_authorize_step(server: OAuthlibServer) -> None:
    request = authorize_url(CLIENT_ID, REDIRECT_URI, pkce=False, client=sdk_client(server))
    assert "code_challenge" not in parse_qs(urlsplit(request.url).query)
    with pytest.raises(errors.AuthorizationDeniedError, match="Code challenge required") as denied:
        read_callback(server.authorize(request.url), request.state)
    assert denied.value.code == "invalid_request"
    assert not server.store.codes


def test_an_unsupported_response_type_is_refused_at_the_authorize_step(server: OAuthlibServer) -> None:
    request = authorize_url(CLIENT_ID, REDIRECT_URI, client=sdk_client(server))
    assert parse_qs(urlsplit(request.url).query)["response_type"] == ["code"]
    callback = server.authorize(with_query(request.url, response_type="token"))  # the implicit grant's
    with pytest.raises(errors.AuthorizationDeniedError) as denied:
        read_callback(callback, request.state)
    assert denied.value.code == "unsupported_response_type"
    assert not server.store.codes
    # The same request with the SDK's own response type gets a code.
    assert read_callback(server.authorize(request.url), request.state) in server.store.codes


# RFC 6749 errors, as oauthlib produces them, as the package's typed errors.


@pytest.mark.parametrize("method", METHODS)
async def test_a_missing_verifier_is_an_invalid_request_error_and_a_wrong_one_an_invalid_grant_error(
    server: OAuthlibServer, method: ClientAuth
) -> None:
    request, code = authorize(server)
    with pytest.raises(errors.InvalidRequestError, match="Code verifier required") as missing:
        await exchange(server, "sync", method, code, None)
    assert missing.value.code == "invalid_request" and missing.value.status_code == 400
    wrong = "FAKE-wrong-verifier-" + "0" * 30
    with pytest.raises(errors.InvalidGrantError) as mismatched:
        await exchange(server, "async", method, code, wrong)
    assert mismatched.value.code == "invalid_grant" and wrong not in f"{mismatched.value} {mismatched.value!r}"
    # Refused before the code was spent: the right verifier still gets the tokens.
    assert (await exchange(server, "sync", method, code, request.code_verifier)).tokens.access_token
    assert "code_verifier" not in server.store.token_requests[0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("method", METHODS)
async def test_a_wrong_secret_is_an_invalid_client_error(
    server: OAuthlibServer, method: ClientAuth, mode: Mode
) -> None:
    request, code = authorize(server)
    wrong = "FAKE-wrong-secret-oauthlib-0001"
    with pytest.raises(errors.InvalidClientError) as caught:
        await exchange(server, mode, method, code, request.code_verifier, secret=wrong)
    assert caught.value.code == "invalid_client" and caught.value.status_code == 401
    assert wrong not in f"{caught.value} {caught.value!r}"
    assert server.store.authentications == []
    # The code was not spent: with the right secret it still buys tokens.
    assert (await exchange(server, mode, method, code, request.code_verifier)).tokens.refresh_token
    assert server.store.authentications == [method]


@pytest.mark.parametrize("method", METHODS)
async def test_a_reused_code_is_an_invalid_grant_error(server: OAuthlibServer, method: ClientAuth) -> None:
    request, code = authorize(server)
    first = await exchange(server, "sync", method, code, request.code_verifier)
    with pytest.raises(errors.InvalidGrantError) as caught:
        await exchange(server, "async", method, code, request.code_verifier)
    assert caught.value.status_code == 400 and caught.value.code == "invalid_grant"
    assert code not in str(caught.value)
    assert user_status(server, first.tokens.access_token) == 200, "the first exchange's tokens still work"
