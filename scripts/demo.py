"""`make demo`: connect a user's account with the standard OAuth 2.0 flow, then manage tokens, against Prism.

Prism serves openapi.yaml on a free loopback port for the length of the demo; one client talks to it
as both the API and the OAuth server. Everything printed goes through the package's own repr/str,
so credentials show as '<redacted>'.
"""

from __future__ import annotations

import warnings

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.api.oauth import request_token
from planetscale_oauth.api.oauth_tokens import create_oauth_token, delete_oauth_token, list_oauth_tokens
from planetscale_oauth.models import AuthorizationCodeGrant, RefreshTokenGrant
from planetscale_oauth.oauth import Tokens, TokenSession, authorize_url, read_callback

from mockserver import prism

ORGANIZATION = "acme"
APPLICATION_ID = "oauthapp_demo"
CLIENT_ID = "demo-client-id"
CLIENT_SECRET = "demo-client-secret-not-real"
REDIRECT_URI = "https://app.example.com/oauth/callback"
CODE = "demo-authorization-code"


def saved(tokens: Tokens) -> None:
    print(f"  on_refresh -> persist {tokens!r}")


def main() -> None:
    with prism() as base_url:
        print(f"Prism is serving openapi.yaml at {base_url} (as the API and as the OAuth server)\n")
        client = AuthenticatedClient.from_service_token(
            "sto_demo", "pscale_tkn_demo_not_real", base_url=base_url, oauth_base_url=base_url
        )
        print(f"client: {client!r}\n")

        print("1. authorize URL")
        request = authorize_url(CLIENT_ID, REDIRECT_URI, client=client)
        print(f"  {request!r}")
        print(f"  send the browser to {request.url.split('?')[0]}?client_id=…&redirect_uri=…&state=<random>\n")

        print("2. the callback")
        try:
            read_callback(f"{REDIRECT_URI}?code={CODE}&state=forged", request.state)
        except errors.StateMismatchError as error:
            print(f"  a forged callback: {type(error).__name__}: {error}")
        code = read_callback(f"{REDIRECT_URI}?code={CODE}&state={request.state}", request.state)
        print("  our callback: state matches, code read\n")

        print("3. exchange the code (POST /oauth/token, a form; no service token sent)")
        session = TokenSession.exchange(
            client, CLIENT_ID, CLIENT_SECRET, code=code, redirect_uri=REDIRECT_URI, on_refresh=saved
        )
        print(f"  {session!r}")
        try:
            grant = AuthorizationCodeGrant(
                client_id=CLIENT_ID, client_secret=CLIENT_SECRET, code=code, redirect_uri=REDIRECT_URI
            )
            request_token.sync(client=client.with_headers({"Prefer": "code=400"}), body=grant)
        except errors.OAuthError as error:
            print(f"  the same code again (Prism answers 400 when asked): {type(error).__name__}: {error}\n")

        print("4. the session refreshes (here: forced) and persists the new tokens")
        session.refresh()
        print(f"  access token in hand ({len(session.access_token())} characters), {session.refreshes} refresh\n")

        print("5. the application's tokens, with the service token (GET/DELETE on the API)")
        for token in list_oauth_tokens.iterate(ORGANIZATION, APPLICATION_ID, client=client):
            print(f"  {token.id}: {token.actor_display_name}, expires {token.expires_at:%Y-%m-%d}")
            delete_oauth_token.sync(ORGANIZATION, APPLICATION_ID, token.id, client=client)
            print(f"  deleted {token.id}")

        print("\n6. disconnect (POST /oauth/revoke, refresh token then access token)")
        session.revoke()
        print("  revoked\n")

        print("7. the deprecated operation still works, and says what replaces it")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            refresh = RefreshTokenGrant(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, refresh_token=CODE)
            token = create_oauth_token.sync(ORGANIZATION, APPLICATION_ID, client=client, body=refresh)
        print(f"  {token.id}; {caught[0].category.__name__}: {caught[0].message}")


if __name__ == "__main__":
    main()
