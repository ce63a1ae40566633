# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""PlanetScale OAuth tokens: a typed client for PlanetScale's OAuth token API."""

from typing import TYPE_CHECKING

from . import _lazy
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

if not TYPE_CHECKING:  # type checkers see the import above
    # The client objects, in the ``resources`` module: imported when first named.
    __getattr__, __dir__ = _lazy.exports(
        globals(), {name: (".resources", name) for name in ("PlanetScale", "AsyncPlanetScale")}
    )
