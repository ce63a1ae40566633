# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Contains all the data models used in inputs/outputs"""

from .access_resource import AccessResource
from .access_scope import AccessScope
from .accessible_branch import AccessibleBranch
from .accessible_database import AccessibleDatabase
from .accessible_organization import AccessibleOrganization
from .accessible_user import AccessibleUser
from .authorization_code_grant import AuthorizationCodeGrant
from .branch_accesses import BranchAccesses
from .database_accesses import DatabaseAccesses
from .error import Error
from .oauth_accesses_by_resource import OAuthAccessesByResource
from .oauth_token import OAuthToken
from .organization_accesses import OrganizationAccesses
from .refresh_token_grant import RefreshTokenGrant
from .service_token_access import ServiceTokenAccess
from .user_accesses import UserAccesses

__all__ = (
    "AccessResource",
    "AccessScope",
    "AccessibleBranch",
    "AccessibleDatabase",
    "AccessibleOrganization",
    "AccessibleUser",
    "AuthorizationCodeGrant",
    "BranchAccesses",
    "DatabaseAccesses",
    "Error",
    "OAuthAccessesByResource",
    "OAuthToken",
    "OrganizationAccesses",
    "RefreshTokenGrant",
    "ServiceTokenAccess",
    "UserAccesses",
)
