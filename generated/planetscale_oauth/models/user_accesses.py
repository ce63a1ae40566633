# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import model_array as _read_model_array
from .._readers import obj as _read_object
from .._redaction import redacting_repr as _redacting_repr
from ..errors import SENSITIVE_KEYS as _SENSITIVE_KEYS
from ..types import UNSET

# Fields the spec does not know can hold credentials (an echoed request, a nested token): repr() hides the
# values under the spec's sensitive keys (errors.SENSITIVE_KEYS); to_dict() keeps them.
_extras_repr = _redacting_repr(_SENSITIVE_KEYS)
_KNOWN_FIELDS: frozenset[str] = frozenset(
    (
        "users",
        "accesses",
    )
)


@_attrs_define
class UserAccesses:
    """The users the token acts for and the scopes it holds on them."""

    users: list[AccessibleUser]
    accesses: list[AccessScope]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=_extras_repr)

    def to_dict(self) -> dict[str, Any]:
        _users = []
        for users_item_data in self.users:
            users_item = users_item_data.to_dict()
            _users.append(users_item)

        _accesses = []
        for accesses_item_data in self.accesses:
            accesses_item = accesses_item_data.to_dict()
            _accesses.append(accesses_item)

        _field_dict__: dict[str, Any] = {}
        _field_dict__.update(self.additional_properties)
        _field_dict__.update(
            {
                "users": _users,
                "accesses": _accesses,
            }
        )

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _users__raw = _get__("users", UNSET)
        _users = _read_model_array(_users__raw, "users", AccessibleUser)

        _accesses__raw = _get__("accesses", UNSET)
        _accesses = _read_model_array(_accesses__raw, "accesses", AccessScope)

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _users,
            _accesses,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 2:
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
from ..models.access_scope import AccessScope
from ..models.accessible_user import AccessibleUser
