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
from ..types import UNSET, Unset
from ..types import redact as _redact


@_attrs_define
class AuthorizationCodeGrant:
    """Exchange the authorization code sent to the redirect URI for an OAuth token."""

    client_id: str
    """ The OAuth application's client ID """
    client_secret: str = _attrs_field(repr=_redact)
    """ The OAuth application's client secret """
    code: str = _attrs_field(repr=_redact)
    """ The OAuth grant code provided to your OAuth application's redirect URI """
    redirect_uri: str
    """ The OAuth application's redirect URI, exactly as used in the authorize request """
    grant_type: Literal["authorization_code"] = "authorization_code"
    """ Always `authorization_code` for this grant. """
    code_verifier: str | Unset = _attrs_field(default=UNSET, repr=_redact)
    """ The PKCE code verifier (RFC 7636 §4.5) whose S256 challenge the authorize URL carried; 43 to 128 characters
    from A-Z, a-z, 0-9 and -._~ """

    def to_dict(self) -> dict[str, Any]:
        _grant_type = self.grant_type

        _client_id = self.client_id

        _client_secret = self.client_secret

        _code = self.code

        _redirect_uri = self.redirect_uri

        _code_verifier = self.code_verifier

        _field_dict__: dict[str, Any] = {}

        _field_dict__.update(
            {
                "grant_type": _grant_type,
                "client_id": _client_id,
                "client_secret": _client_secret,
                "code": _code,
                "redirect_uri": _redirect_uri,
            }
        )
        if _code_verifier is not UNSET:
            _field_dict__["code_verifier"] = _code_verifier

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _grant_type__raw = _get__("grant_type", UNSET)
        _grant_type: Literal["authorization_code"] = _read_const(_grant_type__raw, "grant_type", "authorization_code")

        _client_id__raw = _get__("client_id", UNSET)
        _client_id = _client_id__raw if type(_client_id__raw) is str else _read_string(_client_id__raw, "client_id")

        _client_secret__raw = _get__("client_secret", UNSET)
        _client_secret = (
            _client_secret__raw
            if type(_client_secret__raw) is str
            else _read_string(_client_secret__raw, "client_secret")
        )

        _code__raw = _get__("code", UNSET)
        _code = _code__raw if type(_code__raw) is str else _read_string(_code__raw, "code")

        _redirect_uri__raw = _get__("redirect_uri", UNSET)
        _redirect_uri = (
            _redirect_uri__raw if type(_redirect_uri__raw) is str else _read_string(_redirect_uri__raw, "redirect_uri")
        )

        _code_verifier__raw = _get__("code_verifier", UNSET)
        _code_verifier: str | Unset
        if _code_verifier__raw is UNSET:
            _code_verifier = UNSET
        else:
            _code_verifier = (
                _code_verifier__raw
                if type(_code_verifier__raw) is str
                else _read_string(_code_verifier__raw, "code_verifier")
            )

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _client_id,
            _client_secret,
            _code,
            _redirect_uri,
            _grant_type,
            _code_verifier,
        )
        return _model__
