# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import const as _read_const
from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET, redact

T = TypeVar("T", bound="RefreshTokenGrant")


@_attrs_define
class RefreshTokenGrant:
    """Exchange a refresh token for a new OAuth token."""

    client_id: str
    """ The OAuth application's client ID """
    client_secret: str = _attrs_field(repr=redact)
    """ The OAuth application's client secret """
    refresh_token: str = _attrs_field(repr=redact)
    """ The refresh token from the original OAuth token grant """
    grant_type: Literal["refresh_token"] = "refresh_token"
    """ Always `refresh_token` for this grant. """

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        client_id = self.client_id

        client_secret = self.client_secret

        refresh_token = self.refresh_token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grant_type": grant_type,
                "client_id": client_id,
                "client_secret": client_secret,
                "refresh_token": refresh_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        grant_type_raw = _get("grant_type", UNSET)
        grant_type: Literal["refresh_token"] = _read_const(grant_type_raw, "grant_type", "refresh_token")

        client_id_raw = _get("client_id", UNSET)
        client_id = client_id_raw if type(client_id_raw) is str else _read_string(client_id_raw, "client_id")

        client_secret_raw = _get("client_secret", UNSET)
        client_secret = (
            client_secret_raw if type(client_secret_raw) is str else _read_string(client_secret_raw, "client_secret")
        )

        refresh_token_raw = _get("refresh_token", UNSET)
        refresh_token = (
            refresh_token_raw if type(refresh_token_raw) is str else _read_string(refresh_token_raw, "refresh_token")
        )

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        refresh_token_grant = cls(
            client_id,
            client_secret,
            refresh_token,
            grant_type,
        )
        return refresh_token_grant
