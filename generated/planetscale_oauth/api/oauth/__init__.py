# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""The operations tagged ``oauth``, one module each, with ``sync``, ``asyncio`` and their ``_detailed`` twins."""

from typing import TYPE_CHECKING

from ... import _lazy

if TYPE_CHECKING:
    from . import request_token, revoke_token

__all__ = [
    "request_token",
    "revoke_token",
]

if not TYPE_CHECKING:  # type checkers see the imports above
    __getattr__, __dir__ = _lazy.exports(globals(), {name: (f".{name}", None) for name in __all__})
