"""The tuning half's geoparsing errors, with context, grouped by kind (for study only).

    .venv/bin/python bench/geo_errors.py gwn [--half tune] [--kind spurious|missed|far]

It reads ../shared (beside the repository), which users of flashpoint do not have: the script
says so and stops when it is missing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _split import HALVES, select

from flashpoint import Coder
from flashpoint.evaluate import load_gold
from flashpoint.evaluate_geo import WITHIN_KM, _overlap, geoparse_records, gold_toponyms, km

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = {"gwn": "gold/geo_gwn.dev.jsonl", "geovirus": "gold/geo_geovirus.dev.jsonl"}


def _ctx(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", choices=tuple(SETS))
    ap.add_argument("--half", choices=(*HALVES, "all"), default="tune")
    ap.add_argument("--kind", choices=("spurious", "missed", "far", "all"), default="all")
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} is missing: this script needs the shared dev gold")
    coder = Coder()
    records = select(load_gold(SHARED / SETS[args.set]), args.half)
    for rec, places in geoparse_records(records, coder):
        text = rec["text"]
        gold = gold_toponyms(rec, "gold")
        for g in gold:
            hits = [p for p in places if _overlap(p.span, (g.start, g.end)) > 0]
            if not hits:
                if args.kind in ("missed", "all"):
                    print(f"MISS {rec['id']}: {_ctx(text, g.start, g.end)}")
                continue
            p = max(hits, key=lambda p: _overlap(p.span, (g.start, g.end)))
            d = float("inf") if p.lat is None else km(g.lat, g.lon, p.lat, p.lon)
            if d > WITHIN_KM and args.kind in ("far", "all"):
                print(
                    f"FAR  {rec['id']}: {g.phrase!r} -> {p.name}, {p.admin1}, {p.country} "
                    f"({d:.0f} km; gold {g.lat:.2f},{g.lon:.2f}) {_ctx(text, g.start, g.end, 40)}"
                )
        for p in places:
            spurious = not any(_overlap(p.span, (g.start, g.end)) > 0 for g in gold)
            if spurious and args.kind in ("spurious", "all"):
                print(
                    f"SPUR {rec['id']}: -> {p.name}, {p.country} {_ctx(text, p.span[0], p.span[1])}"
                )


if __name__ == "__main__":
    main()
