"""Invented sample articles (see README.md here: none is a real news report).

They are shipped with the package for `flashpoint demo` and for trying flashpoint out.
"""

from __future__ import annotations

from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent
"""The folder that holds the sample articles."""


def sample_paths() -> list[Path]:
    """The sample article files, in timeline order."""
    return sorted(SAMPLES_DIR.glob("*.txt"))
