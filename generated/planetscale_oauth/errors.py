# Generated from openapi.yaml by openapi-python-client with the templates in templates/.
# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.
"""Errors raised by the API functions. Every error this package raises is a ``PlanetScaleError``."""

from collections.abc import Iterable
from typing import Any

from . import _exceptions, _redaction
from ._bodies import MAX_BODY_BYTES
from ._exceptions import *  # noqa: F403 - the hierarchy (APIError and every subclass)
from ._exceptions import APIError, APIStatusError
from ._readers import invalid, read_json
from ._redaction import scrubbed
from .types import Response

SENSITIVE_KEYS: frozenset[str] = frozenset(
    {
        "access_token",
        "client_secret",
        "code",
        "code_verifier",
        "plain_text_refresh_token",
        "refresh_token",
        "token",
    }
)
"""JSON keys whose values are credentials (marked ``x-sensitive`` in the spec)."""


def sensitive_values(body: Any) -> list[str]:
    """The values under sensitive keys anywhere in a JSON-like value: what must never be shown."""
    return _redaction.sensitive_values(body, SENSITIVE_KEYS)


def from_response(response: Response[Any], secrets: Iterable[str] = (), *, oauth: bool = False) -> APIStatusError:
    """The error for an error response (see ``_operation.error_from_response``), redacting ``SENSITIVE_KEYS``."""
    from ._operation import error_from_response

    return error_from_response(response, secrets, oauth=oauth, sensitive_keys=SENSITIVE_KEYS)


__all__ = ["MAX_BODY_BYTES", "SENSITIVE_KEYS", "from_response", "invalid", "read_json", "scrubbed", "sensitive_values"]
__all__ += _exceptions.__all__

# Tracebacks and reprs name each error by this module, the one it is imported from.
for _name in _exceptions.__all__:
    getattr(_exceptions, _name).__module__ = __name__

PlanetScaleError = APIError
"""Base class of every error raised by this package (the runtime's ``APIError``, by this package's name)."""
APIError.__name__ = APIError.__qualname__ = "PlanetScaleError"
__all__ += ["PlanetScaleError"]
