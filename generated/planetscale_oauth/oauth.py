# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Connect a user's account: the authorize URL, the callback check, and a token session.

    request = authorize_url(client_id, redirect_uri)      # send the user to request.url; keep request.state
                                                           # and request.code_verifier (PKCE) until the callback
    code = read_callback(callback_url, request.state)      # on your redirect URI: checks state, returns the code
    session = TokenSession.exchange(client, client_id, client_secret, code=code, redirect_uri=redirect_uri,
                                    code_verifier=request.code_verifier)
    session.access_token()                                # a valid access token, refreshed shortly before expiry
    session.revoke()                                      # disconnect: both tokens revoked, the session closed

Nothing here logs, prints or shows a token, a code, a code verifier, a state or the client secret: reprs redact them.
"""

from collections.abc import Sequence
from typing import Any, ClassVar

from . import _oauth
from ._oauth import *  # noqa: F403 - the helpers: Tokens, check_state, read_callback, ...
from ._oauth import AuthorizationRequest, OAuthFlow
from .api.oauth.request_token import _OPERATION as _TOKEN
from .api.oauth.revoke_token import _OPERATION as _REVOCATION
from .client import AuthenticatedClient, Client

AUTHORIZE_PATH = "/oauth/authorize"
"""The browser page that asks the user to grant access, on the client's ``oauth_base_url``."""

_FLOW = OAuthFlow(
    authorization_server="oauth",
    authorization_path=AUTHORIZE_PATH,
    token=_TOKEN,
    revocation=_REVOCATION,
    client=Client,
)
"""The spec's authorization-code flow: where these helpers send the user and which operations they call."""


def authorize_url(
    client_id: str,
    redirect_uri: str,
    *,
    scope: str | Sequence[str] | None = None,
    state: str | None = None,
    pkce: bool = True,
    client: Client | None = None,
) -> AuthorizationRequest:
    """The URL that asks the user to connect their account to your OAuth application.

    It asks for an authorization code (``response_type=code``, RFC 6749 §4.1.1). ``state`` is a fresh
    cryptographically random value (``secrets.token_urlsafe``) unless given; keep it and pass it to
    ``read_callback`` / ``check_state``. ``scope``: space-separated or a list.

    With ``pkce`` (the default) the URL carries an RFC 7636 ``S256`` code challenge of a fresh random
    ``code_verifier``; keep ``request.code_verifier`` beside the state and pass it to ``TokenSession.exchange``:
    a code stolen on its way to the redirect URI is then worthless without it. ``pkce=False`` leaves the challenge
    out, for a server that refuses it (a server that does not know PKCE ignores it).

    The URL is on ``client``'s ``oauth_base_url`` (``https://auth.planetscale.com`` by default).
    """
    return _oauth.authorize_url(_FLOW, client_id, redirect_uri, scope=scope, state=state, pkce=pkce, client=client)


class TokenSession(_oauth.TokenSession):
    __doc__ = _oauth.TokenSession.__doc__
    __slots__ = ()
    _flow: ClassVar[OAuthFlow] = _FLOW

    def api_client(self, **kwargs: Any) -> AuthenticatedClient:
        """An ``AuthenticatedClient`` with the current access token (``Bearer``); build a new one after a refresh.

        Keyword arguments are those of ``Client``."""
        return AuthenticatedClient.from_access_token(self.access_token(), **kwargs)


CLIENT_ID_ENV = "PLANETSCALE_OAUTH_CLIENT_ID"
"""Where ``OAuthApp.from_env()`` (and the client object) read your OAuth application's client ID."""
CLIENT_SECRET_ENV = "PLANETSCALE_OAUTH_CLIENT_SECRET"
"""Where ``OAuthApp.from_env()`` (and the client object) read your OAuth application's client secret."""


class OAuthApp(_oauth.OAuthApp[TokenSession]):
    __doc__ = _oauth.OAuthApp.__doc__
    __slots__ = ()
    _flow: ClassVar[OAuthFlow] = _FLOW
    _session_class: ClassVar[type[_oauth.TokenSession]] = TokenSession
    _ENVS: ClassVar = (CLIENT_ID_ENV, CLIENT_SECRET_ENV)


__all__ = ["AUTHORIZE_PATH", "CLIENT_ID_ENV", "CLIENT_SECRET_ENV", "OAuthApp", "TokenSession", "authorize_url"]
__all__ += _oauth.__all__
