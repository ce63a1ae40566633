# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import const as _read_const
from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET
from ..types import redact as _redact


@_attrs_define
class RefreshTokenGrant:
    """Exchange a refresh token for a new OAuth token."""

    client_id: str
    """ The OAuth application's client ID """
    client_secret: str = _attrs_field(repr=_redact)
    """ The OAuth application's client secret """
    refresh_token: str = _attrs_field(repr=_redact)
    """ The refresh token from the original OAuth token grant """
    grant_type: Literal["refresh_token"] = "refresh_token"
    """ Always `refresh_token` for this grant. """

    def to_dict(self) -> dict[str, Any]:
        _grant_type = self.grant_type

        _client_id = self.client_id

        _client_secret = self.client_secret

        _refresh_token = self.refresh_token

        _field_dict__: dict[str, Any] = {}

        _field_dict__.update(
            {
                "grant_type": _grant_type,
                "client_id": _client_id,
                "client_secret": _client_secret,
                "refresh_token": _refresh_token,
            }
        )

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _grant_type__raw = _get__("grant_type", UNSET)
        _grant_type: Literal["refresh_token"] = _read_const(_grant_type__raw, "grant_type", "refresh_token")

        _client_id__raw = _get__("client_id", UNSET)
        _client_id = _client_id__raw if type(_client_id__raw) is str else _read_string(_client_id__raw, "client_id")

        _client_secret__raw = _get__("client_secret", UNSET)
        _client_secret = (
            _client_secret__raw
            if type(_client_secret__raw) is str
            else _read_string(_client_secret__raw, "client_secret")
        )

        _refresh_token__raw = _get__("refresh_token", UNSET)
        _refresh_token = (
            _refresh_token__raw
            if type(_refresh_token__raw) is str
            else _read_string(_refresh_token__raw, "refresh_token")
        )

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _client_id,
            _client_secret,
            _refresh_token,
            _grant_type,
        )
        return _model__
