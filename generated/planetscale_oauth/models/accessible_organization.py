# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
        "name",
        "id",
        "url",
    )
)


@_attrs_define
class AccessibleOrganization:
    """An organization the token can reach."""

    name: str
    """ the name of the organization """
    id: str
    """ the id of the organization """
    url: str
    """ the planetscale app url for the organization """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=_extras_repr)

    def to_dict(self) -> dict[str, Any]:
        _name = self.name

        _id = self.id

        _url = self.url

        _field_dict__: dict[str, Any] = {}
        _field_dict__.update(self.additional_properties)
        _field_dict__.update(
            {
                "name": _name,
                "id": _id,
                "url": _url,
            }
        )

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _name__raw = _get__("name", UNSET)
        _name = _name__raw if type(_name__raw) is str else _read_string(_name__raw, "name")

        _id__raw = _get__("id", UNSET)
        _id = _id__raw if type(_id__raw) is str else _read_string(_id__raw, "id")

        _url__raw = _get__("url", UNSET)
        _url = _url__raw if type(_url__raw) is str else _read_string(_url__raw, "url")

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _name,
            _id,
            _url,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 3:
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
