"""Session-wide fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from mockserver import prism


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """Base URL of one Prism mock server (openapi.yaml, --errors) shared by the whole session."""
    with prism() as url:
        yield url


@pytest.fixture(scope="session")
def shared_other_httpserver() -> Iterator[HTTPServer]:
    """The second loopback server, started once for the session (stopping one takes half a second)."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    if server.is_running():
        server.stop()


@pytest.fixture
def other_httpserver(shared_other_httpserver: HTTPServer) -> Iterator[HTTPServer]:
    """A second loopback HTTP server beside pytest-httpserver's ``httpserver``: another host.

    Shared by the session like ``httpserver`` itself, and cleared after each test (expectations and log).
    """
    yield shared_other_httpserver
    shared_other_httpserver.clear()
