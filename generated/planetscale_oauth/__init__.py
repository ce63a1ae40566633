# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""PlanetScale OAuth tokens: a typed client for PlanetScale's OAuth token API."""

from typing import TYPE_CHECKING, Any

from .client import AuthenticatedClient, Client
from .errors import PlanetScaleError

if TYPE_CHECKING:
    from .resources import AsyncPlanetScale, PlanetScale

__version__ = "0.3.0"

__all__ = (
    "AsyncPlanetScale",
    "AuthenticatedClient",
    "Client",
    "PlanetScale",
    "PlanetScaleError",
    "__version__",
)

_LAZY = ("PlanetScale", "AsyncPlanetScale")
"""The client objects, in the ``resources`` module: imported when first named."""

if not TYPE_CHECKING:  # hidden from type checkers, which would take any name of the package for one of these

    def __getattr__(name: str) -> Any:
        if name in _LAZY:
            from . import resources

            return getattr(resources, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*globals(), *_LAZY})
