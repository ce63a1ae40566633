# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import date_time as _read_date_time
from .._readers import obj as _read_object
from .._readers import string as _read_string
from .._redaction import redacting_repr as _redacting_repr
from ..errors import SENSITIVE_KEYS as _SENSITIVE_KEYS
from ..types import UNSET, format_datetime

# Fields the spec does not know can hold credentials (an echoed request, a nested token): repr() hides the
# values under the spec's sensitive keys (errors.SENSITIVE_KEYS); to_dict() keeps them.
_extras_repr = _redacting_repr(_SENSITIVE_KEYS)
_KNOWN_FIELDS: frozenset[str] = frozenset(
    (
        "id",
        "name",
        "created_at",
        "updated_at",
        "deleted_at",
    )
)


@_attrs_define
class AccessResource:
    """The resource a service token access applies to."""

    id: str
    """ The ID for the resource """
    name: str
    """ The name for the resource """
    created_at: datetime.datetime
    """ When the resource was created """
    updated_at: datetime.datetime
    """ When the resource was last updated """
    deleted_at: datetime.datetime | None
    """ When the resource was deleted, if deleted """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=_extras_repr)
    # Field name -> (parsed value, original text) of each timestamp from the server, for to_dict().
    _texts: dict[str, tuple[Any, Any]] | None = _attrs_field(init=False, default=None, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        _texts__ = self._texts or {}
        _id = self.id

        _name = self.name

        _created_at = format_datetime(self.created_at, _texts__.get("created_at"))

        _updated_at = format_datetime(self.updated_at, _texts__.get("updated_at"))

        _deleted_at: str | None
        if isinstance(self.deleted_at, datetime.datetime):
            _deleted_at = format_datetime(self.deleted_at, _texts__.get("deleted_at"))
        else:
            _deleted_at = self.deleted_at

        _field_dict__: dict[str, Any] = {}
        _field_dict__.update(self.additional_properties)
        _field_dict__.update(
            {
                "id": _id,
                "name": _name,
                "created_at": _created_at,
                "updated_at": _updated_at,
                "deleted_at": _deleted_at,
            }
        )

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _id__raw = _get__("id", UNSET)
        _id = _id__raw if type(_id__raw) is str else _read_string(_id__raw, "id")

        _name__raw = _get__("name", UNSET)
        _name = _name__raw if type(_name__raw) is str else _read_string(_name__raw, "name")

        _created_at__raw = _get__("created_at", UNSET)
        _created_at = _read_date_time(_created_at__raw, "created_at")

        _updated_at__raw = _get__("updated_at", UNSET)
        _updated_at = _read_date_time(_updated_at__raw, "updated_at")

        _deleted_at__raw = _get__("deleted_at", UNSET)
        _deleted_at: datetime.datetime | None = (
            None if _deleted_at__raw is None else _read_date_time(_deleted_at__raw, "deleted_at")
        )

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _id,
            _name,
            _created_at,
            _updated_at,
            _deleted_at,
        )
        _model__._texts = {
            "created_at": (_created_at, _created_at__raw),
            "updated_at": (_updated_at, _updated_at__raw),
            "deleted_at": (_deleted_at, _deleted_at__raw),
        }
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 5:
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
