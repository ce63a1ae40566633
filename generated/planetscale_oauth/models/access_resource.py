# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import date_time as _read_date_time
from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET, format_datetime

T = TypeVar("T", bound="AccessResource")

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # Field name -> (parsed value, original text) of each timestamp from the server, for to_dict().
    _texts: dict[str, tuple[Any, Any]] | None = _attrs_field(init=False, default=None, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        texts = self._texts or {}
        id = self.id

        name = self.name

        created_at = format_datetime(self.created_at, texts.get("created_at"))

        updated_at = format_datetime(self.updated_at, texts.get("updated_at"))

        deleted_at: str | None
        if isinstance(self.deleted_at, datetime.datetime):
            deleted_at = format_datetime(self.deleted_at, texts.get("deleted_at"))
        else:
            deleted_at = self.deleted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "created_at": created_at,
                "updated_at": updated_at,
                "deleted_at": deleted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        id_raw = _get("id", UNSET)
        id = id_raw if type(id_raw) is str else _read_string(id_raw, "id")

        name_raw = _get("name", UNSET)
        name = name_raw if type(name_raw) is str else _read_string(name_raw, "name")

        created_at_raw = _get("created_at", UNSET)
        created_at = _read_date_time(created_at_raw, "created_at")

        updated_at_raw = _get("updated_at", UNSET)
        updated_at = _read_date_time(updated_at_raw, "updated_at")

        deleted_at_raw = _get("deleted_at", UNSET)
        deleted_at = None if deleted_at_raw is None else _read_date_time(deleted_at_raw, "deleted_at")

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        access_resource = cls(
            id,
            name,
            created_at,
            updated_at,
            deleted_at,
        )
        access_resource._texts = {
            "created_at": (created_at, created_at_raw),
            "updated_at": (updated_at, updated_at_raw),
            "deleted_at": (deleted_at, deleted_at_raw),
        }
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 5:
            access_resource.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS
            }
        return access_resource

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
