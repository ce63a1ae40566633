# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ResponseValidationError, invalid
from ..types import UNSET

T = TypeVar("T", bound="DatabaseAccesses")

_KNOWN_FIELDS = frozenset(
    (
        "databases",
        "accesses",
    )
)


@_attrs_define
class DatabaseAccesses:
    """The databases the token can reach and the scopes it holds on them."""

    databases: list[AccessibleDatabase]
    accesses: list[AccessScope]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        databases = []
        for databases_item_data in self.databases:
            databases_item = databases_item_data.to_dict()
            databases.append(databases_item)

        accesses = []
        for accesses_item_data in self.accesses:
            accesses_item = accesses_item_data.to_dict()
            accesses.append(accesses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "databases": databases,
                "accesses": accesses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise invalid("", "object", src_dict)
        get = src_dict.get
        databases_raw = get("databases", UNSET)
        if not isinstance(databases_raw, list):
            raise invalid("databases", "array", databases_raw)
        databases: list[AccessibleDatabase] = []
        for databases_index, databases_element in enumerate(databases_raw):
            try:
                databases_item = AccessibleDatabase.from_dict(databases_element)
            except ResponseValidationError as exc:
                raise exc.within("databases" + f"[{databases_index}]") from None

            databases.append(databases_item)

        accesses_raw = get("accesses", UNSET)
        if not isinstance(accesses_raw, list):
            raise invalid("accesses", "array", accesses_raw)
        accesses: list[AccessScope] = []
        for accesses_index, accesses_element in enumerate(accesses_raw):
            try:
                accesses_item = AccessScope.from_dict(accesses_element)
            except ResponseValidationError as exc:
                raise exc.within("accesses" + f"[{accesses_index}]") from None

            accesses.append(accesses_item)

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        database_accesses = cls(
            databases,
            accesses,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 2:
            database_accesses.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS
            }
        return database_accesses

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


# Imported last, so models that refer to each other can import each other.
from ..models.access_scope import AccessScope  # noqa: E402
from ..models.accessible_database import AccessibleDatabase  # noqa: E402
