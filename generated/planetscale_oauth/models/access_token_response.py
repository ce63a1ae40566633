# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import integer as _read_integer
from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET, Unset, redact

T = TypeVar("T", bound="AccessTokenResponse")

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

    access_token: str = _attrs_field(repr=redact)
    """ The access token, sent as `Authorization: Bearer <access_token>` """
    token_type: str
    """ How to send the access token; `Bearer` """
    expires_in: int | Unset = UNSET
    """ Seconds until the access token expires """
    refresh_token: str | Unset = _attrs_field(default=UNSET, repr=redact)
    """ The refresh token; a refresh may return a new one, which replaces the old """
    scope: str | Unset = UNSET
    """ The granted scopes, separated by spaces """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in

        refresh_token = self.refresh_token

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
            }
        )
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        access_token_raw = _get("access_token", UNSET)
        access_token = (
            access_token_raw if type(access_token_raw) is str else _read_string(access_token_raw, "access_token")
        )

        token_type_raw = _get("token_type", UNSET)
        token_type = token_type_raw if type(token_type_raw) is str else _read_string(token_type_raw, "token_type")

        expires_in_raw = _get("expires_in", UNSET)
        expires_in: int | Unset
        if expires_in_raw is UNSET:
            expires_in = UNSET
        else:
            expires_in = expires_in_raw if type(expires_in_raw) is int else _read_integer(expires_in_raw, "expires_in")

        refresh_token_raw = _get("refresh_token", UNSET)
        refresh_token: str | Unset
        if refresh_token_raw is UNSET:
            refresh_token = UNSET
        else:
            refresh_token = (
                refresh_token_raw
                if type(refresh_token_raw) is str
                else _read_string(refresh_token_raw, "refresh_token")
            )

        scope_raw = _get("scope", UNSET)
        scope: str | Unset
        if scope_raw is UNSET:
            scope = UNSET
        else:
            scope = scope_raw if type(scope_raw) is str else _read_string(scope_raw, "scope")

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        access_token_response = cls(
            access_token,
            token_type,
            expires_in,
            refresh_token,
            scope,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 2:
            access_token_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS
            }
        return access_token_response

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
