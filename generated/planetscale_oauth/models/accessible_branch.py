# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET

T = TypeVar("T", bound="AccessibleBranch")

_KNOWN_FIELDS: frozenset[str] = frozenset(
    (
        "name",
        "id",
        "database",
        "organization",
        "url",
    )
)


@_attrs_define
class AccessibleBranch:
    """A database branch the token can reach."""

    name: str
    """ the name of the branch """
    id: str
    """ the id of the branch """
    database: str
    """ the name of the database the branch belongs to """
    organization: str
    """ the name of the organization the branch belongs to """
    url: str
    """ the planetscale app url for the branch """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id = self.id

        database = self.database

        organization = self.organization

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "id": id,
                "database": database,
                "organization": organization,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        name_raw = _get("name", UNSET)
        name = name_raw if type(name_raw) is str else _read_string(name_raw, "name")

        id_raw = _get("id", UNSET)
        id = id_raw if type(id_raw) is str else _read_string(id_raw, "id")

        database_raw = _get("database", UNSET)
        database = database_raw if type(database_raw) is str else _read_string(database_raw, "database")

        organization_raw = _get("organization", UNSET)
        organization = (
            organization_raw if type(organization_raw) is str else _read_string(organization_raw, "organization")
        )

        url_raw = _get("url", UNSET)
        url = url_raw if type(url_raw) is str else _read_string(url_raw, "url")

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        accessible_branch = cls(
            name,
            id,
            database,
            organization,
            url,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 5:
            accessible_branch.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS
            }
        return accessible_branch

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
