"""`make demo`: exchange an authorization code, refresh the token and meet a typed error, against Prism.

Prism serves openapi.yaml on a free loopback port for the length of the demo. Everything printed
goes through the models' and errors' own repr/str, so credentials show as '<redacted>'.
"""

from __future__ import annotations

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.api.oauth_tokens import create_oauth_token
from planetscale_oauth.models import AuthorizationCodeGrant, OAuthToken, RefreshTokenGrant

from mockserver import prism

ORGANIZATION = "acme"
APPLICATION_ID = "oauthapp_demo"
CLIENT_ID = "demo-client-id"
CLIENT_SECRET = "demo-client-secret-not-real"


def show(title: str, token: OAuthToken) -> None:
    print(f"{title}:")
    print(f"  id={token.id} display_name={token.display_name!r}")
    print(f"  created_at={token.created_at.isoformat()} expires_at={token.expires_at}")
    print(f"  accesses={[access.access for access in token.service_token_accesses]}")
    print(f"  {token!r}"[:300] + " …")


def main() -> None:
    with prism() as base_url:
        print(f"Prism is serving openapi.yaml at {base_url}\n")
        client = AuthenticatedClient.from_service_token("sto_demo", "pscale_tkn_demo_not_real", base_url=base_url)
        print(f"client: {client!r}\n")

        grant = AuthorizationCodeGrant(
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            code="demo-authorization-code",
            redirect_uri="https://app.example.com/oauth/callback",
        )
        print(f"request body: {grant!r}")
        token = create_oauth_token.sync(ORGANIZATION, APPLICATION_ID, client=client, body=grant)
        show("authorization code exchanged", token)

        if token.plain_text_refresh_token is None:
            raise SystemExit("the token came without a refresh token")
        refresh = RefreshTokenGrant(
            client_id=CLIENT_ID, client_secret=CLIENT_SECRET, refresh_token=token.plain_text_refresh_token
        )
        print(f"\nrequest body: {refresh!r}")
        refreshed = create_oauth_token.sync(ORGANIZATION, APPLICATION_ID, client=client, body=refresh)
        show("token refreshed", refreshed)

        print("\nan authorization code that was already used (Prism answers 422 when asked to):")
        try:
            create_oauth_token.sync(
                ORGANIZATION, APPLICATION_ID, client=client.with_headers({"Prefer": "code=422"}), body=grant
            )
        except errors.PlanetScaleError as error:
            print(f"  {type(error).__name__}: {error}")
            print(f"  {error!r}")


if __name__ == "__main__":
    main()
