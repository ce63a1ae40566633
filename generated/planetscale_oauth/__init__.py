# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""PlanetScale OAuth tokens: a typed client for PlanetScale's OAuth token API."""

from .client import AuthenticatedClient, Client
from .errors import PlanetScaleError

__version__ = "0.3.0"

__all__ = (
    "AuthenticatedClient",
    "Client",
    "PlanetScaleError",
    "__version__",
)
