# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET, Unset
from ..types import redact as _redact


@_attrs_define
class RevokeTokenRequest:
    """Revoke an access token or a refresh token (RFC 7009)."""

    token: str = _attrs_field(repr=_redact)
    """ The access token or refresh token to revoke """
    client_id: str
    """ The OAuth application's client ID """
    client_secret: str = _attrs_field(repr=_redact)
    """ The OAuth application's client secret """
    token_type_hint: str | Unset = UNSET
    """ Which kind of token `token` is, `refresh_token` or `access_token`, so the server finds it faster (RFC 7009
    §2.1) """

    def to_dict(self) -> dict[str, Any]:
        _token = self.token

        _client_id = self.client_id

        _client_secret = self.client_secret

        _token_type_hint = self.token_type_hint

        _field_dict__: dict[str, Any] = {}

        _field_dict__.update(
            {
                "token": _token,
                "client_id": _client_id,
                "client_secret": _client_secret,
            }
        )
        if _token_type_hint is not UNSET:
            _field_dict__["token_type_hint"] = _token_type_hint

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _token__raw = _get__("token", UNSET)
        _token = _token__raw if type(_token__raw) is str else _read_string(_token__raw, "token")

        _client_id__raw = _get__("client_id", UNSET)
        _client_id = _client_id__raw if type(_client_id__raw) is str else _read_string(_client_id__raw, "client_id")

        _client_secret__raw = _get__("client_secret", UNSET)
        _client_secret = (
            _client_secret__raw
            if type(_client_secret__raw) is str
            else _read_string(_client_secret__raw, "client_secret")
        )

        _token_type_hint__raw = _get__("token_type_hint", UNSET)
        _token_type_hint: str | Unset
        if _token_type_hint__raw is UNSET:
            _token_type_hint = UNSET
        else:
            _token_type_hint = (
                _token_type_hint__raw
                if type(_token_type_hint__raw) is str
                else _read_string(_token_type_hint__raw, "token_type_hint")
            )

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _token,
            _client_id,
            _client_secret,
            _token_type_hint,
        )
        return _model__
