# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""The operations tagged ``oauth``, one module each, with ``sync``, ``asyncio`` and their ``_detailed`` twins."""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import request_token, revoke_token

__all__ = [
    "request_token",
    "revoke_token",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
