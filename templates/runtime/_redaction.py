"""Redaction: the one place that decides how a secret is hidden.

Two kinds of secret reach this package: values it knows are secret (the client's credential, the
sensitive fields of a request body), which are blanked out wherever a server echoes them, and values
under keys the spec marks ``x-sensitive`` in a JSON body it did not expect, which are blanked out by key.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any, TypeVar

_Model = TypeVar("_Model")

REDACTED = "<redacted>"
"""What is shown instead of a secret."""


def redact(value: object) -> str:
    """The repr of a sensitive value: whether it is there, never what it is."""
    # None and UNSET (falsy, not a string) say whether a value is there; any string is hidden.
    if value is None or (not isinstance(value, str) and not value):
        return repr(value)
    return repr(REDACTED)


def known(secrets: Iterable[str]) -> tuple[str, ...]:
    """The non-empty secrets, longest first, so a token is blanked out whole before any shorter value inside it."""
    return tuple(sorted({secret for secret in secrets if secret}, key=len, reverse=True))


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` with every one of ``secrets`` (as returned by ``known``) blanked out."""
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def scrub_json(body: Any, secrets: tuple[str, ...]) -> Any:
    """A JSON-like value with ``secrets`` blanked out of every string value in it (keys are names, kept)."""
    if isinstance(body, str):
        return scrub(body, secrets)
    if isinstance(body, dict):
        return {key: scrub_json(value, secrets) for key, value in body.items()}
    if isinstance(body, list):
        return [scrub_json(item, secrets) for item in body]
    return body


def redact_json(body: Any, sensitive_keys: Collection[str]) -> Any:
    """A JSON-like value with the value under every sensitive key replaced by ``REDACTED``."""
    if isinstance(body, dict):
        return {
            key: REDACTED if key in sensitive_keys else redact_json(value, sensitive_keys)
            for key, value in body.items()
        }
    if isinstance(body, list):
        return [redact_json(item, sensitive_keys) for item in body]
    return body


def sensitive_values(body: Any, sensitive_keys: Collection[str]) -> list[str]:
    """The string values under sensitive keys anywhere in a JSON-like value: what must never be shown."""
    found: list[str] = []
    if isinstance(body, dict):
        for key, value in body.items():
            if key in sensitive_keys and isinstance(value, str) and value:
                found.append(value)
            else:
                found.extend(sensitive_values(value, sensitive_keys))
    elif isinstance(body, list):
        for item in body:
            found.extend(sensitive_values(item, sensitive_keys))
    return found


def scrubbed(model: _Model, secrets: Iterable[str]) -> _Model:
    """A parsed body's model with ``secrets`` blanked out wherever the server echoed them.

    The raw body stays in ``Response.content``; the model is what gets printed and logged. (Keys are
    not consulted: an error's ``code`` is not an authorization code.)
    """
    to_dict = getattr(model, "to_dict", None)
    secrets = known(secrets)
    if to_dict is None or not secrets:
        return model
    body = to_dict()
    cleaned = scrub_json(body, secrets)
    return model if cleaned == body else type(model).from_dict(cleaned)  # type: ignore[attr-defined]
