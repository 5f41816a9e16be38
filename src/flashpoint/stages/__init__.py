"""Pipeline stages: one module (or folder) per job. Importing a stage module registers it.

The default order is `CoderConfig().stages`, the one list of stage names.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache


@cache
def load_builtin_stages() -> None:
    """Import the built-in stage modules so that their classes are registered."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
