"""Pipeline stages: one module (or folder) per job. Importing a stage module registers it."""

from __future__ import annotations

import importlib

_BUILTIN = (
    "flashpoint.stages.sentences",
    "flashpoint.stages.candidates",
    "flashpoint.stages.parse",
    "flashpoint.stages.actors",
    "flashpoint.stages.events",
    "flashpoint.stages.places",
    "flashpoint.stages.affiliation",
    "flashpoint.stages.dates",
    "flashpoint.stages.counts",
    "flashpoint.stages.merge",
)


def load_builtin_stages() -> None:
    """Import the built-in stage modules so that their factories are registered."""
    for module in _BUILTIN:
        importlib.import_module(module)
