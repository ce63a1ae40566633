"""Reading raw response bodies safely: size limit, JSON detection, and a secret-free excerpt for messages."""

from __future__ import annotations

import json
from collections.abc import Collection
from http import HTTPStatus
from typing import Any

from ._redaction import redact_json, scrub, scrub_json

MAX_BODY_BYTES = 1024 * 1024
"""Bodies larger than this are not parsed: a token response is a few kilobytes."""

SNIPPET_LENGTH = 200
"""The longest excerpt of a body an error message quotes."""
SNIPPET_WINDOW = 16 * 1024
"""How much of a body that is not JSON an excerpt is taken from."""


def is_json(content_type: str) -> bool:
    """Whether a ``Content-Type`` names JSON (``application/json`` or any ``+json`` type)."""
    media_type = content_type.split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def json_object(content: bytes) -> dict[str, Any]:
    """The JSON object of a body, or ``{}`` when it is none (too large, not JSON, not an object)."""
    if len(content) > MAX_BODY_BYTES:
        return {}
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        return {}
    return body if isinstance(body, dict) else {}


def text_at(body: dict[str, Any], key: str) -> str | None:
    """``body[key]`` when it is a string, else ``None``."""
    value = body.get(key)
    return value if isinstance(value, str) else None


def describe_status(status_code: int) -> str:
    """``"404 Not Found"``; just the number for a status without a standard phrase."""
    try:
        return f"{status_code} {HTTPStatus(status_code).phrase}"
    except ValueError:
        return str(status_code)


def snippet(content: bytes, secrets: tuple[str, ...] = (), sensitive_keys: Collection[str] = ()) -> str:
    """A short, one-line, secret-free excerpt of a body for an error message (quoted with repr).

    JSON is re-serialised with ``secrets`` (from ``_redaction.known``) blanked out of its values and the
    values under ``sensitive_keys`` redacted; other text has ``secrets`` blanked out. Both are scrubbed
    whole, before anything is cut, so no cut can leave part of a secret.
    """
    if not content.strip():
        return "(empty body)"
    text: str | None = None
    if len(content) <= MAX_BODY_BYTES:
        try:
            body = redact_json(scrub_json(json.loads(content), secrets), sensitive_keys)
            text = json.dumps(body, ensure_ascii=False)
        except (ValueError, RecursionError):
            text = None
    if text is None:
        # A window of the body, not all of it: a snippet is short, and the copies would cost a multiple of the body.
        text = scrub(content[:SNIPPET_WINDOW].decode("utf-8", errors="replace"), secrets)
        if len(content) > SNIPPET_WINDOW and secrets:
            # The window may have cut a secret: what could be the start of one is dropped.
            text = text[: len(text) - (max(map(len, secrets)) - 1)]
    text = " ".join(scrub(text, secrets).split())
    if len(text) > SNIPPET_LENGTH:
        text = text[:SNIPPET_LENGTH] + "…"
    return repr(text)
