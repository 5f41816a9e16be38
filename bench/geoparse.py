"""Score the geoparser on the two toponym dev sets of ../shared, and time it.

    .venv/bin/python bench/geoparse.py                   # both sets, both halves, and speed
    .venv/bin/python bench/geoparse.py --half tune --errors gwn   # the tuning half's misses
    .venv/bin/python bench/geoparse.py --json            # one JSON object per set and half

GeoWebNews (`geo_gwn`, international news) and GeoVirus (`geo_geovirus`, Wikinews on
outbreaks), the two invented local-news sets of tests/data (`local`, `local2`:
homonym-heavy towns of the US, UK, Canada, Australia, India, ... written blind) and the
invented international set (`intl`, with demonyms and metonyms, written blind), are split
by a hash of the record id (bench/_split.py) into a tuning half (study its errors) and a
checking half (only ever scored). Speed is places per second over all sets (the spaCy model
and gazetteer loaded beforehand).

It reads ../shared (beside the repository), which users of flashpoint do not have: the script
says so and stops when it is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from _split import HALVES, select

from flashpoint import Coder
from flashpoint.evaluate import load_gold
from flashpoint.evaluate_geo import evaluate_geo

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = {"gwn": "gold/geo_gwn.dev.jsonl", "geovirus": "gold/geo_geovirus.dev.jsonl"}
# invented sets written blind, in the repo: local news (US, UK, Canada, Australia, India, ...
# homonyms), the first set and a second one written on 7 December 2026; and international
# news with demonyms and metonyms (`intl`, written on the evening of 7 December 2026)
_DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
LOCAL = {
    "local": _DATA / "geo_local_invented.jsonl",
    "local2": _DATA / "geo_local_invented2.jsonl",
    "intl": _DATA / "geo_intl_invented.jsonl",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=(*HALVES, "all"), default=None)
    ap.add_argument(
        "--errors", choices=(*SETS, *LOCAL), default=None, help="print this set's misses"
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} is missing: this benchmark needs the shared dev gold")
    coder = Coder()
    coder.geoparse("Police arrested 12 protesters in Lagos on Monday.")  # load everything
    halves = [args.half] if args.half else [*HALVES, "all"]
    places = 0
    seconds = 0.0
    paths = {name: SHARED / rel for name, rel in SETS.items()} | LOCAL
    for name, path in paths.items():
        records = load_gold(path)
        rel = path.name
        for half in halves:
            chosen = select(records, half)
            t0 = time.perf_counter()
            score, details = evaluate_geo(chosen, coder, rel)
            if half in ("all", args.half):
                seconds += time.perf_counter() - t0
                places += score.predicted
            _print(name, half, len(chosen), score.headline(), args.json)
            if args.errors == name and half == (args.half or "tune"):
                print("\n".join(details))
    rate = places / seconds if seconds else 0.0
    if args.json:
        print(json.dumps({"places_per_second": round(rate, 1)}))
    else:
        print(f"speed: {places} places in {seconds:.1f}s = {rate:.0f} places/s")


def _print(name: str, half: str, n: int, headline: dict[str, float], as_json: bool) -> None:
    if as_json:
        row = {"set": name, "half": half, "docs": n} | {k: round(v, 4) for k, v in headline.items()}
        print(json.dumps(row))
        return
    cells = "  ".join(
        f"{k} {v:.0f}" if k.startswith("median") else f"{k} {v:.3f}" for k, v in headline.items()
    )
    print(f"{name:9} {half:5} ({n:3d} docs)  {cells}")


if __name__ == "__main__":
    main()
