# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""The operations tagged ``oauth_tokens``, one module each, with ``sync``, ``asyncio`` and their ``_detailed`` twins."""

from typing import TYPE_CHECKING

from ... import _lazy

if TYPE_CHECKING:
    from . import create_oauth_token, delete_oauth_token, get_oauth_token, list_oauth_tokens

__all__ = [
    "create_oauth_token",
    "delete_oauth_token",
    "get_oauth_token",
    "list_oauth_tokens",
]

if not TYPE_CHECKING:  # type checkers see the imports above
    __getattr__, __dir__ = _lazy.exports(globals(), {name: (f".{name}", None) for name in __all__})
