# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import redact

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = cast(Literal["authorization_code"], d.pop("grant_type"))
        if grant_type != "authorization_code":
            raise ValueError(f"grant_type must match const 'authorization_code', got '{grant_type}'")

        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        code = d.pop("code")

        redirect_uri = d.pop("redirect_uri")

        authorization_code_grant = cls(
            grant_type=grant_type,
            client_id=client_id,
            client_secret=client_secret,
            code=code,
            redirect_uri=redirect_uri,
        )

        return authorization_code_grant
