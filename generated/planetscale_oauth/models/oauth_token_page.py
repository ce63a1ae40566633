# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import integer as _read_integer
from .._readers import model_array as _read_model_array
from .._readers import obj as _read_object
from .._readers import string as _read_string
from ..types import UNSET

T = TypeVar("T", bound="OAuthTokenPage")

_KNOWN_FIELDS: frozenset[str] = frozenset(
    (
        "current_page",
        "next_page",
        "next_page_url",
        "prev_page",
        "prev_page_url",
        "data",
    )
)


@_attrs_define
class OAuthTokenPage:
    """One page of OAuth tokens."""

    current_page: int
    """ The current page number """
    next_page: int | None
    """ The next page number, or null on the last page """
    next_page_url: str | None
    """ The URL of the next page, or null on the last page """
    prev_page: int | None
    """ The previous page number, or null on the first page """
    prev_page_url: str | None
    """ The URL of the previous page, or null on the first page """
    data: list[OAuthToken]
    """ The OAuth tokens on this page """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current_page = self.current_page

        next_page: int | None
        next_page = self.next_page

        next_page_url: str | None
        next_page_url = self.next_page_url

        prev_page: int | None
        prev_page = self.prev_page

        prev_page_url: str | None
        prev_page_url = self.prev_page_url

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current_page": current_page,
                "next_page": next_page,
                "next_page_url": next_page_url,
                "prev_page": prev_page,
                "prev_page_url": prev_page_url,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        current_page_raw = _get("current_page", UNSET)
        current_page = (
            current_page_raw if type(current_page_raw) is int else _read_integer(current_page_raw, "current_page")
        )

        next_page_raw = _get("next_page", UNSET)
        next_page = (
            next_page_raw
            if next_page_raw is None or type(next_page_raw) is int
            else _read_integer(next_page_raw, "next_page")
        )

        next_page_url_raw = _get("next_page_url", UNSET)
        next_page_url = (
            next_page_url_raw
            if next_page_url_raw is None or type(next_page_url_raw) is str
            else _read_string(next_page_url_raw, "next_page_url")
        )

        prev_page_raw = _get("prev_page", UNSET)
        prev_page = (
            prev_page_raw
            if prev_page_raw is None or type(prev_page_raw) is int
            else _read_integer(prev_page_raw, "prev_page")
        )

        prev_page_url_raw = _get("prev_page_url", UNSET)
        prev_page_url = (
            prev_page_url_raw
            if prev_page_url_raw is None or type(prev_page_url_raw) is str
            else _read_string(prev_page_url_raw, "prev_page_url")
        )

        data_raw = _get("data", UNSET)
        data = _read_model_array(data_raw, "data", OAuthToken)

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        oauth_token_page = cls(
            current_page,
            next_page,
            next_page_url,
            prev_page,
            prev_page_url,
            data,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 6:
            oauth_token_page.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_FIELDS
            }
        return oauth_token_page

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
from ..models.oauth_token import OAuthToken
