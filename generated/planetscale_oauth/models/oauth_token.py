# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import date_time as _read_date_time
from .._readers import model as _read_model
from .._readers import model_array as _read_model_array
from .._readers import obj as _read_object
from .._readers import string as _read_string
from .._redaction import redacting_repr as _redacting_repr
from ..errors import SENSITIVE_KEYS as _SENSITIVE_KEYS
from ..types import UNSET, format_datetime
from ..types import redact as _redact

# Fields the spec does not know can hold credentials (an echoed request, a nested token): repr() hides the
# values under the spec's sensitive keys (errors.SENSITIVE_KEYS); to_dict() keeps them.
_extras_repr = _redacting_repr(_SENSITIVE_KEYS)
_KNOWN_FIELDS: frozenset[str] = frozenset(
    (
        "id",
        "name",
        "display_name",
        "token",
        "plain_text_refresh_token",
        "avatar_url",
        "created_at",
        "updated_at",
        "expires_at",
        "last_used_at",
        "actor_id",
        "actor_display_name",
        "actor_type",
        "service_token_accesses",
        "oauth_accesses_by_resource",
    )
)


@_attrs_define
class OAuthToken:
    """An OAuth token issued on behalf of an OAuth application."""

    id: str
    """ The ID of the service token """
    name: str | None
    """ The name of the service token """
    display_name: str
    """ The display name of the service token """
    token: str | None = _attrs_field(repr=_redact)
    """ The plaintext token. Available only after create. """
    plain_text_refresh_token: str | None = _attrs_field(repr=_redact)
    """ The plaintext refresh token. Available only after create. """
    avatar_url: str
    """ The image source for the avatar of the service token """
    created_at: datetime.datetime
    """ When the service token was created """
    updated_at: datetime.datetime
    """ When the service token was last updated """
    expires_at: datetime.datetime | None
    """ When the service token will expire """
    last_used_at: datetime.datetime | None
    """ When the service token was last used """
    actor_id: str | None
    """ The ID of the actor on whose behalf the service token was created """
    actor_display_name: str | None
    """ The name of the actor on whose behalf the service token was created """
    actor_type: str | None
    """ The type of the actor on whose behalf the service token was created """
    service_token_accesses: list[ServiceTokenAccess]
    oauth_accesses_by_resource: OAuthAccessesByResource
    """ The OAuth accesses of the token, grouped by the kind of resource. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=_extras_repr)
    # Field name -> (parsed value, original text) of each timestamp from the server, for to_dict().
    _texts: dict[str, tuple[Any, Any]] | None = _attrs_field(init=False, default=None, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        _texts__ = self._texts or {}
        _id = self.id

        _name: str | None
        _name = self.name

        _display_name = self.display_name

        _token: str | None
        _token = self.token

        _plain_text_refresh_token: str | None
        _plain_text_refresh_token = self.plain_text_refresh_token

        _avatar_url = self.avatar_url

        _created_at = format_datetime(self.created_at, _texts__.get("created_at"))

        _updated_at = format_datetime(self.updated_at, _texts__.get("updated_at"))

        _expires_at: str | None
        if isinstance(self.expires_at, datetime.datetime):
            _expires_at = format_datetime(self.expires_at, _texts__.get("expires_at"))
        else:
            _expires_at = self.expires_at

        _last_used_at: str | None
        if isinstance(self.last_used_at, datetime.datetime):
            _last_used_at = format_datetime(self.last_used_at, _texts__.get("last_used_at"))
        else:
            _last_used_at = self.last_used_at

        _actor_id: str | None
        _actor_id = self.actor_id

        _actor_display_name: str | None
        _actor_display_name = self.actor_display_name

        _actor_type: str | None
        _actor_type = self.actor_type

        _service_token_accesses = []
        for service_token_accesses_item_data in self.service_token_accesses:
            service_token_accesses_item = service_token_accesses_item_data.to_dict()
            _service_token_accesses.append(service_token_accesses_item)

        _oauth_accesses_by_resource = self.oauth_accesses_by_resource.to_dict()

        _field_dict__: dict[str, Any] = {}
        _field_dict__.update(self.additional_properties)
        _field_dict__.update(
            {
                "id": _id,
                "name": _name,
                "display_name": _display_name,
                "token": _token,
                "plain_text_refresh_token": _plain_text_refresh_token,
                "avatar_url": _avatar_url,
                "created_at": _created_at,
                "updated_at": _updated_at,
                "expires_at": _expires_at,
                "last_used_at": _last_used_at,
                "actor_id": _actor_id,
                "actor_display_name": _actor_display_name,
                "actor_type": _actor_type,
                "service_token_accesses": _service_token_accesses,
                "oauth_accesses_by_resource": _oauth_accesses_by_resource,
            }
        )

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _id__raw = _get__("id", UNSET)
        _id = _id__raw if type(_id__raw) is str else _read_string(_id__raw, "id")

        _name__raw = _get__("name", UNSET)
        _name = _name__raw if _name__raw is None or type(_name__raw) is str else _read_string(_name__raw, "name")

        _display_name__raw = _get__("display_name", UNSET)
        _display_name = (
            _display_name__raw if type(_display_name__raw) is str else _read_string(_display_name__raw, "display_name")
        )

        _token__raw = _get__("token", UNSET)
        _token = _token__raw if _token__raw is None or type(_token__raw) is str else _read_string(_token__raw, "token")

        _plain_text_refresh_token__raw = _get__("plain_text_refresh_token", UNSET)
        _plain_text_refresh_token = (
            _plain_text_refresh_token__raw
            if _plain_text_refresh_token__raw is None or type(_plain_text_refresh_token__raw) is str
            else _read_string(_plain_text_refresh_token__raw, "plain_text_refresh_token")
        )

        _avatar_url__raw = _get__("avatar_url", UNSET)
        _avatar_url = (
            _avatar_url__raw if type(_avatar_url__raw) is str else _read_string(_avatar_url__raw, "avatar_url")
        )

        _created_at__raw = _get__("created_at", UNSET)
        _created_at = _read_date_time(_created_at__raw, "created_at")

        _updated_at__raw = _get__("updated_at", UNSET)
        _updated_at = _read_date_time(_updated_at__raw, "updated_at")

        _expires_at__raw = _get__("expires_at", UNSET)
        _expires_at: datetime.datetime | None = (
            None if _expires_at__raw is None else _read_date_time(_expires_at__raw, "expires_at")
        )

        _last_used_at__raw = _get__("last_used_at", UNSET)
        _last_used_at: datetime.datetime | None = (
            None if _last_used_at__raw is None else _read_date_time(_last_used_at__raw, "last_used_at")
        )

        _actor_id__raw = _get__("actor_id", UNSET)
        _actor_id = (
            _actor_id__raw
            if _actor_id__raw is None or type(_actor_id__raw) is str
            else _read_string(_actor_id__raw, "actor_id")
        )

        _actor_display_name__raw = _get__("actor_display_name", UNSET)
        _actor_display_name = (
            _actor_display_name__raw
            if _actor_display_name__raw is None or type(_actor_display_name__raw) is str
            else _read_string(_actor_display_name__raw, "actor_display_name")
        )

        _actor_type__raw = _get__("actor_type", UNSET)
        _actor_type = (
            _actor_type__raw
            if _actor_type__raw is None or type(_actor_type__raw) is str
            else _read_string(_actor_type__raw, "actor_type")
        )

        _service_token_accesses__raw = _get__("service_token_accesses", UNSET)
        _service_token_accesses = _read_model_array(
            _service_token_accesses__raw, "service_token_accesses", ServiceTokenAccess
        )

        _oauth_accesses_by_resource__raw = _get__("oauth_accesses_by_resource", UNSET)
        _oauth_accesses_by_resource = _read_model(
            _oauth_accesses_by_resource__raw, "oauth_accesses_by_resource", OAuthAccessesByResource
        )

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _id,
            _name,
            _display_name,
            _token,
            _plain_text_refresh_token,
            _avatar_url,
            _created_at,
            _updated_at,
            _expires_at,
            _last_used_at,
            _actor_id,
            _actor_display_name,
            _actor_type,
            _service_token_accesses,
            _oauth_accesses_by_resource,
        )
        _model__._texts = {
            "created_at": (_created_at, _created_at__raw),
            "updated_at": (_updated_at, _updated_at__raw),
            "expires_at": (_expires_at, _expires_at__raw),
            "last_used_at": (_last_used_at, _last_used_at__raw),
        }
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 15:
            _model__.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS}
        return _model__

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


# Imported last, so models that refer to each other can import each other (hence E402 for the file).
# ruff: noqa: E402
from ..models.oauth_accesses_by_resource import OAuthAccessesByResource
from ..models.service_token_access import ServiceTokenAccess
