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

T = TypeVar("T", bound="AuthorizationCodeGrant")


@_attrs_define
class AuthorizationCodeGrant:
    """Exchange the authorization code sent to the redirect URI for an OAuth token."""

    client_id: str
    """ The OAuth application's client ID """
    client_secret: str = _attrs_field(repr=redact)
    """ The OAuth application's client secret """
    code: str = _attrs_field(repr=redact)
    """ The OAuth grant code provided to your OAuth application's redirect URI """
    redirect_uri: str
    """ The OAuth application's redirect URI, exactly as used in the authorize request """
    grant_type: Literal["authorization_code"] = "authorization_code"
    """ Always `authorization_code` for this grant. """

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        client_id = self.client_id

        client_secret = self.client_secret

        code = self.code

        redirect_uri = self.redirect_uri

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grant_type": grant_type,
                "client_id": client_id,
                "client_secret": client_secret,
                "code": code,
                "redirect_uri": redirect_uri,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        grant_type_raw = _get("grant_type", UNSET)
        grant_type: Literal["authorization_code"] = _read_const(grant_type_raw, "grant_type", "authorization_code")

        client_id_raw = _get("client_id", UNSET)
        client_id = client_id_raw if type(client_id_raw) is str else _read_string(client_id_raw, "client_id")

        client_secret_raw = _get("client_secret", UNSET)
        client_secret = (
            client_secret_raw if type(client_secret_raw) is str else _read_string(client_secret_raw, "client_secret")
        )

        code_raw = _get("code", UNSET)
        code = code_raw if type(code_raw) is str else _read_string(code_raw, "code")

        redirect_uri_raw = _get("redirect_uri", UNSET)
        redirect_uri = (
            redirect_uri_raw if type(redirect_uri_raw) is str else _read_string(redirect_uri_raw, "redirect_uri")
        )

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        authorization_code_grant = cls(
            client_id,
            client_secret,
            code,
            redirect_uri,
            grant_type,
        )
        return authorization_code_grant
