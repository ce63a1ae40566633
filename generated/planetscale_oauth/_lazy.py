# Copied from templates/runtime/_lazy.py by `make generate` (the runtime: plain Python, the same for every spec).
# Do not edit: change templates/runtime/_lazy.py, then run `make generate`.
"""Names a module exports but imports only when first used (PEP 562): the module's ``__getattr__`` and ``__dir__``.

A generated module lists its lazy names and where each comes from; the two functions are the same for every spec, so
they are built here. A value, once loaded, is kept in the module, so later uses are plain attribute lookups.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

Source = tuple[str, str | None]
"""Where a lazy name comes from: a module relative to the package, and the attribute of it (None: the module)."""


def exports(
    namespace: dict[str, Any], sources: Mapping[str, Source]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for the module whose ``globals()`` is ``namespace``: each name in ``sources``
    is imported on first use; ``dir()`` lists them beside the module's own names."""
    module_name, package = namespace["__name__"], namespace["__package__"]

    def __getattr__(name: str) -> Any:
        source = sources.get(name)
        if source is None:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        module = importlib.import_module(source[0], package)
        value = module if source[1] is None else getattr(module, source[1])
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *sources})

    return __getattr__, __dir__


__all__ = ["Source", "exports"]
