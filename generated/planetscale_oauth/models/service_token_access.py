# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import model as _read_model
from .._readers import obj as _read_object
from .._readers import string as _read_string
from .._redaction import redacting_repr as _redacting_repr
from ..errors import SENSITIVE_KEYS as _SENSITIVE_KEYS
from ..types import UNSET

# Fields the spec does not know can hold credentials (an echoed request, a nested token): repr() hides the
# values under the spec's sensitive keys (errors.SENSITIVE_KEYS); to_dict() keeps them.
_extras_repr = _redacting_repr(_SENSITIVE_KEYS)
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=_extras_repr)

    def to_dict(self) -> dict[str, Any]:
        _id = self.id

        _access = self.access

        _description = self.description

        _resource_name = self.resource_name

        _resource_id = self.resource_id

        _resource_type = self.resource_type

        _resource = self.resource.to_dict()

        _field_dict__: dict[str, Any] = {}
        _field_dict__.update(self.additional_properties)
        _field_dict__.update(
            {
                "id": _id,
                "access": _access,
                "description": _description,
                "resource_name": _resource_name,
                "resource_id": _resource_id,
                "resource_type": _resource_type,
                "resource": _resource,
            }
        )

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _id__raw = _get__("id", UNSET)
        _id = _id__raw if type(_id__raw) is str else _read_string(_id__raw, "id")

        _access__raw = _get__("access", UNSET)
        _access = _access__raw if type(_access__raw) is str else _read_string(_access__raw, "access")

        _description__raw = _get__("description", UNSET)
        _description = (
            _description__raw if type(_description__raw) is str else _read_string(_description__raw, "description")
        )

        _resource_name__raw = _get__("resource_name", UNSET)
        _resource_name = (
            _resource_name__raw
            if type(_resource_name__raw) is str
            else _read_string(_resource_name__raw, "resource_name")
        )

        _resource_id__raw = _get__("resource_id", UNSET)
        _resource_id = (
            _resource_id__raw if type(_resource_id__raw) is str else _read_string(_resource_id__raw, "resource_id")
        )

        _resource_type__raw = _get__("resource_type", UNSET)
        _resource_type = (
            _resource_type__raw
            if type(_resource_type__raw) is str
            else _read_string(_resource_type__raw, "resource_type")
        )

        _resource__raw = _get__("resource", UNSET)
        _resource = _read_model(_resource__raw, "resource", AccessResource)

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _id,
            _access,
            _description,
            _resource_name,
            _resource_id,
            _resource_type,
            _resource,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 7:
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
from ..models.access_resource import AccessResource
