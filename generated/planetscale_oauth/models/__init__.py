# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""All the data models used in requests and responses (each module is loaded on first use)."""

from typing import TYPE_CHECKING

from .. import _lazy

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

if not TYPE_CHECKING:  # type checkers see the imports above
    __getattr__, __dir__ = _lazy.exports(
        globals(),
        {
            "AccessResource": (".access_resource", "AccessResource"),
            "AccessScope": (".access_scope", "AccessScope"),
            "AccessTokenResponse": (".access_token_response", "AccessTokenResponse"),
            "AccessibleBranch": (".accessible_branch", "AccessibleBranch"),
            "AccessibleDatabase": (".accessible_database", "AccessibleDatabase"),
            "AccessibleOrganization": (".accessible_organization", "AccessibleOrganization"),
            "AccessibleUser": (".accessible_user", "AccessibleUser"),
            "AuthorizationCodeGrant": (".authorization_code_grant", "AuthorizationCodeGrant"),
            "BranchAccesses": (".branch_accesses", "BranchAccesses"),
            "DatabaseAccesses": (".database_accesses", "DatabaseAccesses"),
            "Error": (".error", "Error"),
            "OAuthAccessesByResource": (".oauth_accesses_by_resource", "OAuthAccessesByResource"),
            "OAuthErrorResponse": (".oauth_error_response", "OAuthErrorResponse"),
            "OAuthToken": (".oauth_token", "OAuthToken"),
            "OAuthTokenPage": (".oauth_token_page", "OAuthTokenPage"),
            "OrganizationAccesses": (".organization_accesses", "OrganizationAccesses"),
            "RefreshTokenGrant": (".refresh_token_grant", "RefreshTokenGrant"),
            "RevokeTokenRequest": (".revoke_token_request", "RevokeTokenRequest"),
            "ServiceTokenAccess": (".service_token_access", "ServiceTokenAccess"),
            "UserAccesses": (".user_accesses", "UserAccesses"),
        },
    )


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
