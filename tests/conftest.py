"""Shared fixtures. Tests never read ../shared: every document here is written for the tests."""

from __future__ import annotations

import pytest

from flashpoint import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    """One coder for the whole run: the spaCy model loads once."""
    return Coder()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/data/golden_*.jsonl from the coder's current output (after a "
        "deliberate change of what the coder finds; review the diff before committing).",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
