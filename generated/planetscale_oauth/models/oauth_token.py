# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import date_time as _read_date_time
from .._readers import model as _read_model
from .._readers import model_array as _read_model_array
from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET, format_datetime, redact

T = TypeVar("T", bound="OAuthToken")

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
    token: str | None = _attrs_field(repr=redact)
    """ The plaintext token. Available only after create. """
    plain_text_refresh_token: str | None = _attrs_field(repr=redact)
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # Field name -> (parsed value, original text) of each timestamp from the server, for to_dict().
    _texts: dict[str, tuple[Any, Any]] | None = _attrs_field(init=False, default=None, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        texts = self._texts or {}
        id = self.id

        name: str | None
        name = self.name

        display_name = self.display_name

        token: str | None
        token = self.token

        plain_text_refresh_token: str | None
        plain_text_refresh_token = self.plain_text_refresh_token

        avatar_url = self.avatar_url

        created_at = format_datetime(self.created_at, texts.get("created_at"))

        updated_at = format_datetime(self.updated_at, texts.get("updated_at"))

        expires_at: str | None
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = format_datetime(self.expires_at, texts.get("expires_at"))
        else:
            expires_at = self.expires_at

        last_used_at: str | None
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = format_datetime(self.last_used_at, texts.get("last_used_at"))
        else:
            last_used_at = self.last_used_at

        actor_id: str | None
        actor_id = self.actor_id

        actor_display_name: str | None
        actor_display_name = self.actor_display_name

        actor_type: str | None
        actor_type = self.actor_type

        service_token_accesses = []
        for service_token_accesses_item_data in self.service_token_accesses:
            service_token_accesses_item = service_token_accesses_item_data.to_dict()
            service_token_accesses.append(service_token_accesses_item)

        oauth_accesses_by_resource = self.oauth_accesses_by_resource.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "display_name": display_name,
                "token": token,
                "plain_text_refresh_token": plain_text_refresh_token,
                "avatar_url": avatar_url,
                "created_at": created_at,
                "updated_at": updated_at,
                "expires_at": expires_at,
                "last_used_at": last_used_at,
                "actor_id": actor_id,
                "actor_display_name": actor_display_name,
                "actor_type": actor_type,
                "service_token_accesses": service_token_accesses,
                "oauth_accesses_by_resource": oauth_accesses_by_resource,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        id_raw = _get("id", UNSET)
        id = id_raw if type(id_raw) is str else _read_string(id_raw, "id")

        name_raw = _get("name", UNSET)
        name = name_raw if name_raw is None or type(name_raw) is str else _read_string(name_raw, "name")

        display_name_raw = _get("display_name", UNSET)
        display_name = (
            display_name_raw if type(display_name_raw) is str else _read_string(display_name_raw, "display_name")
        )

        token_raw = _get("token", UNSET)
        token = token_raw if token_raw is None or type(token_raw) is str else _read_string(token_raw, "token")

        plain_text_refresh_token_raw = _get("plain_text_refresh_token", UNSET)
        plain_text_refresh_token = (
            plain_text_refresh_token_raw
            if plain_text_refresh_token_raw is None or type(plain_text_refresh_token_raw) is str
            else _read_string(plain_text_refresh_token_raw, "plain_text_refresh_token")
        )

        avatar_url_raw = _get("avatar_url", UNSET)
        avatar_url = avatar_url_raw if type(avatar_url_raw) is str else _read_string(avatar_url_raw, "avatar_url")

        created_at_raw = _get("created_at", UNSET)
        created_at = _read_date_time(created_at_raw, "created_at")

        updated_at_raw = _get("updated_at", UNSET)
        updated_at = _read_date_time(updated_at_raw, "updated_at")

        expires_at_raw = _get("expires_at", UNSET)
        expires_at = None if expires_at_raw is None else _read_date_time(expires_at_raw, "expires_at")

        last_used_at_raw = _get("last_used_at", UNSET)
        last_used_at = None if last_used_at_raw is None else _read_date_time(last_used_at_raw, "last_used_at")

        actor_id_raw = _get("actor_id", UNSET)
        actor_id = (
            actor_id_raw
            if actor_id_raw is None or type(actor_id_raw) is str
            else _read_string(actor_id_raw, "actor_id")
        )

        actor_display_name_raw = _get("actor_display_name", UNSET)
        actor_display_name = (
            actor_display_name_raw
            if actor_display_name_raw is None or type(actor_display_name_raw) is str
            else _read_string(actor_display_name_raw, "actor_display_name")
        )

        actor_type_raw = _get("actor_type", UNSET)
        actor_type = (
            actor_type_raw
            if actor_type_raw is None or type(actor_type_raw) is str
            else _read_string(actor_type_raw, "actor_type")
        )

        service_token_accesses_raw = _get("service_token_accesses", UNSET)
        service_token_accesses = _read_model_array(
            service_token_accesses_raw, "service_token_accesses", ServiceTokenAccess
        )

        oauth_accesses_by_resource_raw = _get("oauth_accesses_by_resource", UNSET)
        oauth_accesses_by_resource = _read_model(
            oauth_accesses_by_resource_raw, "oauth_accesses_by_resource", OAuthAccessesByResource
        )

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        oauth_token = cls(
            id,
            name,
            display_name,
            token,
            plain_text_refresh_token,
            avatar_url,
            created_at,
            updated_at,
            expires_at,
            last_used_at,
            actor_id,
            actor_display_name,
            actor_type,
            service_token_accesses,
            oauth_accesses_by_resource,
        )
        oauth_token._texts = {
            "created_at": (created_at, created_at_raw),
            "updated_at": (updated_at, updated_at_raw),
            "expires_at": (expires_at, expires_at_raw),
            "last_used_at": (last_used_at, last_used_at_raw),
        }
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 15:
            oauth_token.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS
            }
        return oauth_token

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
