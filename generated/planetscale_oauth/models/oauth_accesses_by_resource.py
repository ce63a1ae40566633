# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import model as _read_model
from .._readers import obj as _read_object
from ..types import UNSET

T = TypeVar("T", bound="OAuthAccessesByResource")

_KNOWN_FIELDS: frozenset[str] = frozenset(
    (
        "database",
        "organization",
        "branch",
        "user",
    )
)


@_attrs_define
class OAuthAccessesByResource:
    """The OAuth accesses of the token, grouped by the kind of resource."""

    database: DatabaseAccesses
    """ The databases the token can reach and the scopes it holds on them. """
    organization: OrganizationAccesses
    """ The organizations the token can reach and the scopes it holds on them. """
    branch: BranchAccesses
    """ The branches the token can reach and the scopes it holds on them. """
    user: UserAccesses
    """ The users the token acts for and the scopes it holds on them. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        database = self.database.to_dict()

        organization = self.organization.to_dict()

        branch = self.branch.to_dict()

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "database": database,
                "organization": organization,
                "branch": branch,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        database_raw = _get("database", UNSET)
        database = _read_model(database_raw, "database", DatabaseAccesses)

        organization_raw = _get("organization", UNSET)
        organization = _read_model(organization_raw, "organization", OrganizationAccesses)

        branch_raw = _get("branch", UNSET)
        branch = _read_model(branch_raw, "branch", BranchAccesses)

        user_raw = _get("user", UNSET)
        user = _read_model(user_raw, "user", UserAccesses)

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        oauth_accesses_by_resource = cls(
            database,
            organization,
            branch,
            user,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 4:
            oauth_accesses_by_resource.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS
            }
        return oauth_accesses_by_resource

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported last, so models that refer to each other can import each other (hence E402 for the file).
# ruff: noqa: E402
from ..models.branch_accesses import BranchAccesses
from ..models.database_accesses import DatabaseAccesses
from ..models.organization_accesses import OrganizationAccesses
from ..models.user_accesses import UserAccesses
