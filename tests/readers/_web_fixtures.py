"""The local web server's fixtures (see _web.py), loaded with
``pytest_plugins = ["_web_fixtures"]``."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from _web import Server, Web


@pytest.fixture(scope="session")
def web_server() -> Iterator[Web]:
    server = Server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.web
    finally:
        for hold in server.web.holds.values():
            hold.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def web(web_server: Web) -> Iterator[Web]:
    """The local server, with its request log and hooks cleared for this test."""
    web_server.reset()
    yield web_server
    for hold in list(web_server.holds.values()):
        hold.set()
