# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import redact

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = cast(Literal["refresh_token"], d.pop("grant_type"))
        if grant_type != "refresh_token":
            raise ValueError(f"grant_type must match const 'refresh_token', got '{grant_type}'")

        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        refresh_token = d.pop("refresh_token")

        refresh_token_grant = cls(
            grant_type=grant_type,
            client_id=client_id,
            client_secret=client_secret,
            refresh_token=refresh_token,
        )

        return refresh_token_grant
