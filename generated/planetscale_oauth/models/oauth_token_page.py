# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._readers import integer as _read_integer
from .._readers import model_array as _read_model_array
from .._readers import obj as _read_object
from .._readers import string as _read_string
from .._redaction import redacting_repr as _redacting_repr
from ..errors import SENSITIVE_KEYS as _SENSITIVE_KEYS
from ..types import UNSET

# Fields the spec does not know can hold credentials (an echoed request, a nested token): repr() hides the
# values under the spec's sensitive keys (errors.SENSITIVE_KEYS); to_dict() keeps them.
_extras_repr = _redacting_repr(_SENSITIVE_KEYS)
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=_extras_repr)

    def to_dict(self) -> dict[str, Any]:
        _current_page = self.current_page

        _next_page: int | None
        _next_page = self.next_page

        _next_page_url: str | None
        _next_page_url = self.next_page_url

        _prev_page: int | None
        _prev_page = self.prev_page

        _prev_page_url: str | None
        _prev_page_url = self.prev_page_url

        _data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            _data.append(data_item)

        _field_dict__: dict[str, Any] = {}
        _field_dict__.update(self.additional_properties)
        _field_dict__.update(
            {
                "current_page": _current_page,
                "next_page": _next_page,
                "next_page_url": _next_page_url,
                "prev_page": _prev_page,
                "prev_page_url": _prev_page_url,
                "data": _data,
            }
        )

        return _field_dict__

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse and check a JSON object; raises errors.ResponseValidationError naming the path of a wrong value."""
        _get__ = (src_dict if type(src_dict) is dict else _read_object(src_dict, "")).get
        _current_page__raw = _get__("current_page", UNSET)
        _current_page = (
            _current_page__raw if type(_current_page__raw) is int else _read_integer(_current_page__raw, "current_page")
        )

        _next_page__raw = _get__("next_page", UNSET)
        _next_page = (
            _next_page__raw
            if _next_page__raw is None or type(_next_page__raw) is int
            else _read_integer(_next_page__raw, "next_page")
        )

        _next_page_url__raw = _get__("next_page_url", UNSET)
        _next_page_url = (
            _next_page_url__raw
            if _next_page_url__raw is None or type(_next_page_url__raw) is str
            else _read_string(_next_page_url__raw, "next_page_url")
        )

        _prev_page__raw = _get__("prev_page", UNSET)
        _prev_page = (
            _prev_page__raw
            if _prev_page__raw is None or type(_prev_page__raw) is int
            else _read_integer(_prev_page__raw, "prev_page")
        )

        _prev_page_url__raw = _get__("prev_page_url", UNSET)
        _prev_page_url = (
            _prev_page_url__raw
            if _prev_page_url__raw is None or type(_prev_page_url__raw) is str
            else _read_string(_prev_page_url__raw, "prev_page_url")
        )

        _data__raw = _get__("data", UNSET)
        _data = _read_model_array(_data__raw, "data", OAuthToken)

        # Positional, in declaration order (fields without a default first): cheaper than keywords.
        _model__ = cls(
            _current_page,
            _next_page,
            _next_page_url,
            _prev_page,
            _prev_page_url,
            _data,
        )
        # Every required field is there, so more keys than that may mean fields this version does not know.
        if len(src_dict) > 6:
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
from ..models.oauth_token import OAuthToken
