"""Score the coder on the seed article's gold events (reads ../shared; not a test).

    .venv/bin/python bench/seed.py

Prints per-field precision/recall/F1 over the required events, which gold events were
found exactly, partially or missed, and the false positives.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "seed" / "000_9e5cde392697dbe2.gold.jsonl"


def main() -> int:
    if not GOLD.exists():
        print(f"bench/seed.py: {GOLD} is missing (../shared is only on developer machines)")
        return 0
    from flashpoint.evaluate import evaluate

    print(evaluate(GOLD).format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
