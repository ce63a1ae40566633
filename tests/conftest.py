"""Session-wide fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockserver import prism


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """Base URL of one Prism mock server (openapi.yaml, --errors) shared by the whole session."""
    with prism() as url:
        yield url
