# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import model as _read_model
from .._readers import obj as _read_object
from .._redaction import redacting_repr as _redacting_repr
from ..errors import SENSITIVE_KEYS as _SENSITIVE_KEYS
from ..types import UNSET

# Fields the spec does not know can hold credentials (an echoed request, a nested token): repr() hides the
# values under the spec's sensitive keys (errors.SENSITIVE_KEYS); to_dict() keeps them.
_extras_repr = _redacting_repr(_SENSITIVE_KEYS)
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=_extras_repr)

    def to_dict(self) -> dict[str, Any]:
        _database = self.database.to_dict()

        _organization = self.organization.to_dict()

        _branch = self.branch.to_dict()

        _user = self.user.to_dict()

        _field_dict__: dict[str, Any] = {}
        _field_dict__.update(self.additional_properties)
        _field_dict__.update(
            {
                "database": _database,
                "organization": _organization,
                "branch": _branch,
                "user": _user,
            }
        )

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _database__raw = _get__("database", UNSET)
        _database = _read_model(_database__raw, "database", DatabaseAccesses)

        _organization__raw = _get__("organization", UNSET)
        _organization = _read_model(_organization__raw, "organization", OrganizationAccesses)

        _branch__raw = _get__("branch", UNSET)
        _branch = _read_model(_branch__raw, "branch", BranchAccesses)

        _user__raw = _get__("user", UNSET)
        _user = _read_model(_user__raw, "user", UserAccesses)

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _database,
            _organization,
            _branch,
            _user,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 4:
            _model__.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS}
        return _model__

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
