# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Connect a user's account: the authorize URL, the callback check, and a token session.

    request = authorize_url(client_id, redirect_uri)      # send the user to request.url, keep request.state
    code = read_callback(callback_url, request.state)      # on your redirect URI: checks state, returns the code
    session = TokenSession.exchange(client, client_id, client_secret, code=code, redirect_uri=redirect_uri)
    session.access_token()                                # a valid access token, refreshed shortly before expiry

Nothing here logs, prints or shows a token, a code, a state or the client secret: reprs redact them.
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
    client: Client | None = None,
) -> AuthorizationRequest:
    """The URL that asks the user to connect their account to your OAuth application.

    ``state`` is a fresh cryptographically random value (``secrets.token_urlsafe``) unless given;
    keep it and pass it to ``read_callback`` / ``check_state``. ``scope``: space-separated or a list.
    The URL is on ``client``'s ``oauth_base_url`` (``https://auth.planetscale.com`` by default).
    """
    return _oauth.authorize_url(_FLOW, client_id, redirect_uri, scope=scope, state=state, client=client)


class TokenSession(_oauth.TokenSession):
    __doc__ = _oauth.TokenSession.__doc__
    __slots__ = ()
    _flow: ClassVar[OAuthFlow] = _FLOW

    def api_client(self, **kwargs: Any) -> AuthenticatedClient:
        """An ``AuthenticatedClient`` with the current access token (``Bearer``); build a new one after a refresh.

        Keyword arguments are those of ``Client``."""
        return AuthenticatedClient.from_access_token(self.access_token(), **kwargs)


__all__ = ["AUTHORIZE_PATH", "TokenSession", "authorize_url"]
__all__ += _oauth.__all__
