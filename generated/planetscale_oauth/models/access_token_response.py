# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import number as _read_number
from .._readers import obj as _read_object
from .._readers import string as _read_string
from .._redaction import redacting_repr as _redacting_repr
from ..errors import SENSITIVE_KEYS as _SENSITIVE_KEYS
from ..types import UNSET, Unset
from ..types import redact as _redact

# Fields the spec does not know can hold credentials (an echoed request, a nested token): repr() hides the
# values under the spec's sensitive keys (errors.SENSITIVE_KEYS); to_dict() keeps them.
_extras_repr = _redacting_repr(_SENSITIVE_KEYS)
_KNOWN_FIELDS: frozenset[str] = frozenset(
    (
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "scope",
    )
)


@_attrs_define
class AccessTokenResponse:
    """The tokens the OAuth server issued."""

    access_token: str = _attrs_field(repr=_redact)
    """ The access token, sent as `Authorization: Bearer <access_token>` """
    token_type: str
    """ How to send the access token; `Bearer` """
    expires_in: float | Unset = UNSET
    """ Seconds until the access token expires (any JSON number) """
    refresh_token: str | Unset = _attrs_field(default=UNSET, repr=_redact)
    """ The refresh token; a refresh may return a new one, which replaces the old """
    scope: str | Unset = UNSET
    """ The granted scopes, separated by spaces """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=_extras_repr)

    def to_dict(self) -> dict[str, Any]:
        _access_token = self.access_token

        _token_type = self.token_type

        _expires_in = self.expires_in

        _refresh_token = self.refresh_token

        _scope = self.scope

        _field_dict__: dict[str, Any] = {}
        _field_dict__.update(self.additional_properties)
        _field_dict__.update(
            {
                "access_token": _access_token,
                "token_type": _token_type,
            }
        )
        if _expires_in is not UNSET:
            _field_dict__["expires_in"] = _expires_in
        if _refresh_token is not UNSET:
            _field_dict__["refresh_token"] = _refresh_token
        if _scope is not UNSET:
            _field_dict__["scope"] = _scope

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _access_token__raw = _get__("access_token", UNSET)
        _access_token = (
            _access_token__raw if type(_access_token__raw) is str else _read_string(_access_token__raw, "access_token")
        )

        _token_type__raw = _get__("token_type", UNSET)
        _token_type = (
            _token_type__raw if type(_token_type__raw) is str else _read_string(_token_type__raw, "token_type")
        )

        _expires_in__raw = _get__("expires_in", UNSET)
        _expires_in: float | Unset
        if _expires_in__raw is UNSET:
            _expires_in = UNSET
        else:
            _expires_in = (
                _expires_in__raw if type(_expires_in__raw) is float else _read_number(_expires_in__raw, "expires_in")
            )

        _refresh_token__raw = _get__("refresh_token", UNSET)
        _refresh_token: str | Unset
        if _refresh_token__raw is UNSET:
            _refresh_token = UNSET
        else:
            _refresh_token = (
                _refresh_token__raw
                if type(_refresh_token__raw) is str
                else _read_string(_refresh_token__raw, "refresh_token")
            )

        _scope__raw = _get__("scope", UNSET)
        _scope: str | Unset
        if _scope__raw is UNSET:
            _scope = UNSET
        else:
            _scope = _scope__raw if type(_scope__raw) is str else _read_string(_scope__raw, "scope")

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _access_token,
            _token_type,
            _expires_in,
            _refresh_token,
            _scope,
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
