"""Shared fixtures. Tests never read ../shared: every document here is written for the tests."""

from __future__ import annotations

import pytest

from flashpoint import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    """One coder for the whole run: the spaCy model loads once."""
    return Coder()
