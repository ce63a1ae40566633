# Copied from templates/runtime/_redaction.py by `make generate` (the runtime: plain Python, the same for every spec).
# Do not edit: change templates/runtime/_redaction.py, then run `make generate`.
"""Redaction: the one place that decides how a secret is hidden.

Two kinds of secret reach this package: values it knows are secret (the client's credential, the
sensitive fields of a request body), which are blanked out wherever a server echoes them, and values
under keys the spec marks ``x-sensitive`` in a JSON body it did not expect, which are blanked out by key.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any, TypeVar
from urllib.parse import quote, quote_plus

_Model = TypeVar("_Model")

REDACTED = "<redacted>"
"""What is shown instead of a secret."""


class Secret(str):
    """A string that is a secret: it is sent as itself (``str()``, formatting, encoding), but its ``repr`` is
    ``'<redacted>'`` and it copies and pickles as that marker. Where the package holds a credential in a local
    variable or a container (a form being sent, the secrets to blank out of an error), it holds one of these, so a
    traceback's locals (``pytest --showlocals``, rich, error trackers, which all show locals by ``repr``), a
    pretty-printer or a pickle never carry the value. Slices are secrets too (a printer may cut a long one)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(REDACTED)

    def __reduce__(self) -> tuple[Any, ...]:
        return (str, (REDACTED,))

    def __getitem__(self, key: Any) -> Secret:
        return Secret(str.__getitem__(self, key))


def hidden(value: Any) -> Any:
    """``value`` as a ``Secret`` when it is a non-empty string (else unchanged)."""
    return Secret(value) if isinstance(value, str) and value and not isinstance(value, Secret) else value


def redact(value: object) -> str:
    """The repr of a sensitive value: whether it is there, never what it is."""
    # None and UNSET (falsy, not a string) say whether a value is there; any string is hidden.
    if value is None or (not isinstance(value, str) and not value):
        return repr(value)
    return repr(REDACTED)


MIN_ECHO = 12
"""A run of at least this many characters from the start of a secret, echoed on its own, is blanked out too."""


def known(secrets: Iterable[str]) -> tuple[str, ...]:
    """The non-empty secrets and the forms a server may echo them in (percent-encoded, as in a query or form;
    base64, as in a Basic header; JSON-escaped), longest first, so a token is blanked out whole before any
    shorter value inside it."""
    found: set[str] = set()
    for secret in secrets:
        if not secret:
            continue
        found.add(str(secret))
        found.update(form for form in _echoes(secret) if len(form) >= MIN_ECHO)
    return tuple(Secret(form) for form in sorted(found, key=len, reverse=True))


def _echoes(secret: str) -> Iterator[str]:
    yield quote(secret, safe="")
    yield quote_plus(secret)
    encoded = secret.encode()
    for form in (base64.b64encode(encoded), base64.urlsafe_b64encode(encoded)):
        yield form.decode("ascii")
        yield form.decode("ascii").rstrip("=")
    yield json.dumps(secret)[1:-1]


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` with every one of ``secrets`` (as returned by ``known``) blanked out, whole, or cut short: a
    secret's first ``MIN_ECHO`` characters and as many more of it as follow them (a server's truncated echo)."""
    for secret in secrets:  # whole first, every form of every secret, so no cut-short match splits a whole one
        if secret in text:
            text = text.replace(secret, REDACTED)
    cut_short = [secret for secret in secrets if len(secret) >= MIN_ECHO and secret[:MIN_ECHO] in text]
    return _scrub_prefixes(text, cut_short) if cut_short else text


def _scrub_prefixes(text: str, secrets: list[str]) -> str:
    """``text`` with each run that starts like one of ``secrets`` blanked out, as far as the longest of them goes."""
    parts: list[str] = []
    start = 0
    while True:
        hits = [(found, secret) for secret in secrets if (found := text.find(secret[:MIN_ECHO], start)) != -1]
        if not hits:
            return "".join(parts) + text[start:]
        found = min(position for position, _ in hits)
        end = found + MIN_ECHO
        for position, secret in hits:
            if position == found:
                reach = found + MIN_ECHO
                while reach < len(text) and reach - found < len(secret) and text[reach] == secret[reach - found]:
                    reach += 1
                end = max(end, reach)
        parts += [text[start:found], REDACTED]
        start = end


def _copy_json(
    body: Any,
    string: Callable[[str], str],
    hidden_keys: Collection[str] = (),
    hide: Callable[[Any], Any] = lambda _: REDACTED,
) -> Any:
    """A copy of a JSON-like value with ``string`` applied to every string value in it and ``hide`` to the value
    under each of ``hidden_keys``. Iterative: a body nested thousands deep is no RecursionError."""
    if not isinstance(body, dict | list):
        return string(body) if isinstance(body, str) else body
    root: dict[str, Any] | list[Any] = {} if isinstance(body, dict) else []
    stack: list[tuple[Any, Any]] = [(body, root)]
    while stack:
        source, target = stack.pop()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, value in items:
            copied: Any
            if isinstance(source, dict) and key in hidden_keys:
                copied = hide(value)
            elif isinstance(value, dict | list):
                copied = {} if isinstance(value, dict) else []
                stack.append((value, copied))
            else:
                copied = string(value) if isinstance(value, str) else value
            if isinstance(target, dict):
                target[key] = copied
            else:
                target.append(copied)
    return root


def scrub_json(body: Any, secrets: tuple[str, ...]) -> Any:
    """A JSON-like value with ``secrets`` blanked out of every string value in it (keys are names, kept)."""
    return _copy_json(body, lambda text: scrub(text, secrets))


def scrub_bytes(content: bytes, secrets: tuple[str, ...]) -> bytes:
    """``content`` with ``secrets`` (as returned by ``known``) blanked out wherever their UTF-8 bytes appear; the
    other bytes are kept as they are, whatever their encoding."""
    if not secrets or not content:
        return content
    encoded = [str(secret).encode() for secret in secrets]
    if not any(secret[:MIN_ECHO] in content for secret in encoded):  # the common case, without a copy of the body
        return content
    # Latin-1 maps each byte to one character and back: the secrets' UTF-8 bytes are matched as they are sent.
    images = tuple(Secret(secret.decode("latin-1")) for secret in encoded)
    return scrub(content.decode("latin-1"), images).encode("latin-1")


def redact_keys_in_text(content: bytes, sensitive_keys: Collection[str]) -> bytes:
    """``content`` with the value under each sensitive key redacted: in JSON, whatever the value; in a body cut
    short, or one that is not quite JSON, the string after each ``"<sensitive key>":``, found as text, with every
    other byte kept."""
    if not sensitive_keys or not content:
        return content
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        pass  # cut short, or not JSON: found as text below
    else:
        # Whole JSON: any value under a sensitive key (a string, or a list a server sent instead) is redacted.
        redacted = redact_json(body, sensitive_keys)
        return content if redacted == body else json.dumps(redacted, separators=(",", ":")).encode()
    names = b"|".join(re.escape(json.dumps(key).encode()) for key in sorted(sensitive_keys))
    pattern = re.compile(rb"((?:" + names + rb')\s*:\s*)"(?:[^"\\]|\\.)*"?', re.DOTALL)
    return pattern.sub(rb'\1"' + REDACTED.encode() + rb'"', content)


def redact_json(body: Any, sensitive_keys: Collection[str]) -> Any:
    """A JSON-like value with the value under every sensitive key replaced by ``REDACTED``."""
    return _copy_json(body, lambda text: text, sensitive_keys)


def hide_sensitive(body: Any, sensitive_keys: Collection[str]) -> Any:
    """A JSON-like value about to be sent, with each string under a sensitive key held as a ``Secret`` (still sent
    as itself): what a traceback or a printer shows of it is redacted."""
    if not sensitive_keys or not isinstance(body, dict | list):
        return body
    return _copy_json(body, lambda text: text, sensitive_keys, hidden)


def redacting_repr(sensitive_keys: Collection[str]) -> Callable[[Any], str]:
    """A ``repr`` for JSON-like values (a model's fields it does not know) that hides sensitive keys' values."""

    def shown(value: Any) -> str:
        return repr(redact_json(value, sensitive_keys) if sensitive_keys else value)

    return shown


def sensitive_values(body: Any, sensitive_keys: Collection[str]) -> list[str]:
    """The string values under sensitive keys anywhere in a JSON-like value: what must never be shown."""
    found: list[str] = []
    # Depth first, in the document's order, with a stack of iterators rather than recursion.
    stack: list[Iterator[tuple[Any, Any]]] = [_entries(body)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        key, value = entry
        if key in sensitive_keys and isinstance(value, str) and value:
            found.append(value)
        elif isinstance(value, dict | list):
            stack.append(_entries(value))
    return found


def _entries(node: Any) -> Iterator[tuple[Any, Any]]:
    """(key, value) of a mapping, (None, item) of a list, nothing for anything else."""
    if isinstance(node, dict):
        return iter(node.items())
    if isinstance(node, list):
        return ((None, item) for item in node)
    return iter(())


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
