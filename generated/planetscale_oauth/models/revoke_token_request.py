# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET, redact

T = TypeVar("T", bound="RevokeTokenRequest")


@_attrs_define
class RevokeTokenRequest:
    """Revoke an access token or a refresh token (RFC 7009)."""

    token: str = _attrs_field(repr=redact)
    """ The access token or refresh token to revoke """
    client_id: str
    """ The OAuth application's client ID """
    client_secret: str = _attrs_field(repr=redact)
    """ The OAuth application's client secret """

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        client_id = self.client_id

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
                "client_id": client_id,
                "client_secret": client_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        token_raw = _get("token", UNSET)
        token = token_raw if type(token_raw) is str else _read_string(token_raw, "token")

        client_id_raw = _get("client_id", UNSET)
        client_id = client_id_raw if type(client_id_raw) is str else _read_string(client_id_raw, "client_id")

        client_secret_raw = _get("client_secret", UNSET)
        client_secret = (
            client_secret_raw if type(client_secret_raw) is str else _read_string(client_secret_raw, "client_secret")
        )

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        revoke_token_request = cls(
            token,
            client_id,
            client_secret,
        )
        return revoke_token_request
