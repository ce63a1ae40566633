# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthErrorResponse")

_KNOWN_FIELDS: frozenset[str] = frozenset(
    (
        "error",
        "error_description",
        "error_uri",
    )
)


@_attrs_define
class OAuthErrorResponse:
    """The body the OAuth server sends with an error status."""

    error: str
    """ An RFC 6749 error code: invalid_request, invalid_client, invalid_grant, unauthorized_client,
    unsupported_grant_type, invalid_scope (or unsupported_token_type for revocation) """
    error_description: str | Unset = UNSET
    """ A human-readable description of the error """
    error_uri: str | Unset = UNSET
    """ A page about the error """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        error_description = self.error_description

        error_uri = self.error_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if error_uri is not UNSET:
            field_dict["error_uri"] = error_uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        error_raw = _get("error", UNSET)
        error = error_raw if type(error_raw) is str else _read_string(error_raw, "error")

        error_description_raw = _get("error_description", UNSET)
        error_description: str | Unset
        if error_description_raw is UNSET:
            error_description = UNSET
        else:
            error_description = (
                error_description_raw
                if type(error_description_raw) is str
                else _read_string(error_description_raw, "error_description")
            )

        error_uri_raw = _get("error_uri", UNSET)
        error_uri: str | Unset
        if error_uri_raw is UNSET:
            error_uri = UNSET
        else:
            error_uri = error_uri_raw if type(error_uri_raw) is str else _read_string(error_uri_raw, "error_uri")

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        oauth_error_response = cls(
            error,
            error_description,
            error_uri,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 1:
            oauth_error_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS
            }
        return oauth_error_response

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
