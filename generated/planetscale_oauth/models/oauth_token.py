# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import format_datetime, parse_datetime, redact

if TYPE_CHECKING:
    from ..models.oauth_accesses_by_resource import OAuthAccessesByResource
    from ..models.service_token_access import ServiceTokenAccess


T = TypeVar("T", bound="OAuthToken")


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

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: str | None
        name = self.name

        display_name = self.display_name

        token: str | None
        token = self.token

        plain_text_refresh_token: str | None
        plain_text_refresh_token = self.plain_text_refresh_token

        avatar_url = self.avatar_url

        created_at = format_datetime(self.created_at)

        updated_at = format_datetime(self.updated_at)

        expires_at: str | None
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = format_datetime(self.expires_at)
        else:
            expires_at = self.expires_at

        last_used_at: str | None
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = format_datetime(self.last_used_at)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.oauth_accesses_by_resource import OAuthAccessesByResource
        from ..models.service_token_access import ServiceTokenAccess

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        display_name = d.pop("display_name")

        def _parse_token(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))

        def _parse_plain_text_refresh_token(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        plain_text_refresh_token = _parse_plain_text_refresh_token(d.pop("plain_text_refresh_token"))

        avatar_url = d.pop("avatar_url")

        created_at = parse_datetime(d.pop("created_at"))

        updated_at = parse_datetime(d.pop("updated_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = parse_datetime(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = parse_datetime(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))

        def _parse_actor_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        def _parse_actor_display_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        actor_display_name = _parse_actor_display_name(d.pop("actor_display_name"))

        def _parse_actor_type(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        actor_type = _parse_actor_type(d.pop("actor_type"))

        service_token_accesses = []
        _service_token_accesses = d.pop("service_token_accesses")
        for service_token_accesses_item_data in _service_token_accesses:
            service_token_accesses_item = ServiceTokenAccess.from_dict(service_token_accesses_item_data)

            service_token_accesses.append(service_token_accesses_item)

        oauth_accesses_by_resource = OAuthAccessesByResource.from_dict(d.pop("oauth_accesses_by_resource"))

        oauth_token = cls(
            id=id,
            name=name,
            display_name=display_name,
            token=token,
            plain_text_refresh_token=plain_text_refresh_token,
            avatar_url=avatar_url,
            created_at=created_at,
            updated_at=updated_at,
            expires_at=expires_at,
            last_used_at=last_used_at,
            actor_id=actor_id,
            actor_display_name=actor_display_name,
            actor_type=actor_type,
            service_token_accesses=service_token_accesses,
            oauth_accesses_by_resource=oauth_accesses_by_resource,
        )

        oauth_token.additional_properties = d
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
