# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import model as _read_model
from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET

T = TypeVar("T", bound="ServiceTokenAccess")

_KNOWN_FIELDS: frozenset[str] = frozenset(
    (
        "id",
        "access",
        "description",
        "resource_name",
        "resource_id",
        "resource_type",
        "resource",
    )
)


@_attrs_define
class ServiceTokenAccess:
    """One access granted to the token on one resource."""

    id: str
    """ The ID of the service token access """
    access: str
    """ The name of the service token access """
    description: str
    """ The description of the service token access """
    resource_name: str
    """ The name of the resource the service token access gives access to """
    resource_id: str
    """ The ID of the resource the service token access gives access to """
    resource_type: str
    """ The type of the resource the service token access gives access to """
    resource: AccessResource
    """ The resource a service token access applies to. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        access = self.access

        description = self.description

        resource_name = self.resource_name

        resource_id = self.resource_id

        resource_type = self.resource_type

        resource = self.resource.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "access": access,
                "description": description,
                "resource_name": resource_name,
                "resource_id": resource_id,
                "resource_type": resource_type,
                "resource": resource,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        id_raw = _get("id", UNSET)
        id = id_raw if type(id_raw) is str else _read_string(id_raw, "id")

        access_raw = _get("access", UNSET)
        access = access_raw if type(access_raw) is str else _read_string(access_raw, "access")

        description_raw = _get("description", UNSET)
        description = description_raw if type(description_raw) is str else _read_string(description_raw, "description")

        resource_name_raw = _get("resource_name", UNSET)
        resource_name = (
            resource_name_raw if type(resource_name_raw) is str else _read_string(resource_name_raw, "resource_name")
        )

        resource_id_raw = _get("resource_id", UNSET)
        resource_id = resource_id_raw if type(resource_id_raw) is str else _read_string(resource_id_raw, "resource_id")

        resource_type_raw = _get("resource_type", UNSET)
        resource_type = (
            resource_type_raw if type(resource_type_raw) is str else _read_string(resource_type_raw, "resource_type")
        )

        resource_raw = _get("resource", UNSET)
        resource = _read_model(resource_raw, "resource", AccessResource)

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        service_token_access = cls(
            id,
            access,
            description,
            resource_name,
            resource_id,
            resource_type,
            resource,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 7:
            service_token_access.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS
            }
        return service_token_access

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
from ..models.access_resource import AccessResource
