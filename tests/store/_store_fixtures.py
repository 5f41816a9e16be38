"""The store fixtures, loaded by the store tests with `pytest_plugins` (not a conftest).

Every store test runs against both backends: a DuckDB file in the test's tmp_path, and a
real PostgreSQL server (started by scripts/services.sh, which `make test` runs) in a schema
of its own that is dropped afterwards. Without PostgreSQL the postgres tests fail, saying
how to start it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _store_data import BACKENDS, StoreUrls

from flashpoint.store import SQLStore, open_store


@pytest.fixture(params=BACKENDS)
def store_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreUrls]:
    """A maker of fresh store locations, for each backend."""
    urls = StoreUrls(request.param, tmp_path)
    try:
        yield urls
    finally:
        urls.cleanup()


@pytest.fixture
def store_url(store_urls: StoreUrls) -> str:
    """A fresh, empty store location (of each backend)."""
    return store_urls.new()


@pytest.fixture
def store(store_url: str) -> Iterator[SQLStore]:
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()
