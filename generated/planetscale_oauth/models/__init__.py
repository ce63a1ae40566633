# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""All the data models used in requests and responses (each module is loaded on first use)."""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .access_resource import AccessResource
    from .access_scope import AccessScope
    from .access_token_response import AccessTokenResponse
    from .accessible_branch import AccessibleBranch
    from .accessible_database import AccessibleDatabase
    from .accessible_organization import AccessibleOrganization
    from .accessible_user import AccessibleUser
    from .authorization_code_grant import AuthorizationCodeGrant
    from .branch_accesses import BranchAccesses
    from .database_accesses import DatabaseAccesses
    from .error import Error
    from .oauth_accesses_by_resource import OAuthAccessesByResource
    from .oauth_error_response import OAuthErrorResponse
    from .oauth_token import OAuthToken
    from .oauth_token_page import OAuthTokenPage
    from .organization_accesses import OrganizationAccesses
    from .refresh_token_grant import RefreshTokenGrant
    from .revoke_token_request import RevokeTokenRequest
    from .service_token_access import ServiceTokenAccess
    from .user_accesses import UserAccesses

_MODULES: dict[str, str] = {
    "AccessResource": ".access_resource",
    "AccessScope": ".access_scope",
    "AccessTokenResponse": ".access_token_response",
    "AccessibleBranch": ".accessible_branch",
    "AccessibleDatabase": ".accessible_database",
    "AccessibleOrganization": ".accessible_organization",
    "AccessibleUser": ".accessible_user",
    "AuthorizationCodeGrant": ".authorization_code_grant",
    "BranchAccesses": ".branch_accesses",
    "DatabaseAccesses": ".database_accesses",
    "Error": ".error",
    "OAuthAccessesByResource": ".oauth_accesses_by_resource",
    "OAuthErrorResponse": ".oauth_error_response",
    "OAuthToken": ".oauth_token",
    "OAuthTokenPage": ".oauth_token_page",
    "OrganizationAccesses": ".organization_accesses",
    "RefreshTokenGrant": ".refresh_token_grant",
    "RevokeTokenRequest": ".revoke_token_request",
    "ServiceTokenAccess": ".service_token_access",
    "UserAccesses": ".user_accesses",
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__: tuple[str, ...] = (
    "AccessResource",
    "AccessScope",
    "AccessTokenResponse",
    "AccessibleBranch",
    "AccessibleDatabase",
    "AccessibleOrganization",
    "AccessibleUser",
    "AuthorizationCodeGrant",
    "BranchAccesses",
    "DatabaseAccesses",
    "Error",
    "OAuthAccessesByResource",
    "OAuthErrorResponse",
    "OAuthToken",
    "OAuthTokenPage",
    "OrganizationAccesses",
    "RefreshTokenGrant",
    "RevokeTokenRequest",
    "ServiceTokenAccess",
    "UserAccesses",
)
