"""What the tests of this folder ask of a coded sentence: its most confident event."""

from __future__ import annotations

from flashpoint import Coder
from flashpoint.document import Event


def top_event(coder: Coder, text: str) -> Event:
    """The most confident event of `text` (published 6 May 2025); fails when there is none."""
    found = coder.code(text, pub_date="2025-05-06", doc_id="t")
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)
