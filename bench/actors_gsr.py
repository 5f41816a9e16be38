"""How often `resolve_actor` gives the gold country and sector of the PLOVER GSR actor texts.

    .venv/bin/python bench/actors_gsr.py            # the figures
    .venv/bin/python bench/actors_gsr.py --errors   # and every actor it gets wrong

Each record of ../shared/gold/plover_gsr.dev.jsonl names its actors in `actor1` / `actor2`
("Jordan; Britain") with their codes in `extra.actor1_codes` / `extra.actor1_sectors`. The
records use PLOVER 0.5b1 coding, so before comparing:
- IGO in the gold stands for every international body; UNO, EUR and NGO count as IGO;
- typos in the gold codes (JAP, ITL, VTN) are read as JPN, ITA, VNM;
- a sector is its first three letters (REBkur -> REB); the old JRN, CIV and MOS are MED, CVL
  and REL; a sector of *** (coder unsure) is not scored.
The records carry no dates, so persons resolve to their latest office.

It reads ../shared (beside the repository), which users of flashpoint do not have: the
script says so and stops when it is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flashpoint.stages.actors import resolve_actor

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold" / "plover_gsr.dev.jsonl"

_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_SECTOR_FIXES = {"JRN": "MED", "CIV": "CVL", "MOS": "REL"}
_INTERNATIONAL = {"UNO", "EUR", "NGO", "IGO"}


@dataclass(frozen=True)
class GoldActor:
    record: str
    text: str
    country: str | None
    sector: str | None
    sector_scored: bool


def gold_actors(path: Path) -> Iterator[GoldActor]:
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        extra = record.get("extra") or {}
        for role in ("actor1", "actor2"):
            texts = [t.strip() for t in (record.get(role) or "").split(";") if t.strip()]
            codes = extra.get(f"{role}_codes") or []
            sectors = extra.get(f"{role}_sectors") or []
            if not texts or len(texts) != len(codes) or len(codes) != len(sectors):
                continue
            for text, code, sector in zip(texts, codes, sectors, strict=True):
                yield _gold(record["id"], text, code, sector)


def _gold(record: str, text: str, code: str | None, sector: str | None) -> GoldActor:
    country = _CODE_FIXES.get(code, code) if code else None
    head = sector[:3].upper() if sector else None
    scored = head != "***"
    head = _SECTOR_FIXES.get(head, head) if scored and head else None
    return GoldActor(record, text, country, head, scored)


def same_country(predicted: str | None, gold: str | None) -> bool:
    if gold == "IGO":
        return predicted in _INTERNATIONAL
    return predicted == gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the actors it gets wrong")
    args = parser.parse_args(argv)
    if not GOLD.exists():
        print(f"{GOLD} is missing: this benchmark needs ../shared beside the repository")
        return 1
    actors = list(gold_actors(GOLD))
    country_ok = sector_ok = both_ok = scored = 0
    for gold in actors:
        got = resolve_actor(gold.text)
        c_ok = same_country(got.country, gold.country)
        s_ok = gold.sector_scored and got.sector == gold.sector
        country_ok += c_ok
        scored += gold.sector_scored
        sector_ok += s_ok
        both_ok += c_ok and (s_ok or not gold.sector_scored)
        if args.errors and not (c_ok and (s_ok or not gold.sector_scored)):
            print(
                f"{gold.record}\t{gold.text!r}\tgold {gold.country}/{gold.sector}"
                f"\tgot {got.country}/{got.sector}"
            )
    n = len(actors)
    print(f"PLOVER GSR dev actors: {n} actor texts from {GOLD.name}")
    print(f"  country correct: {country_ok}/{n} = {country_ok / n:.1%}")
    print(f"  sector correct:  {sector_ok}/{scored} = {sector_ok / scored:.1%} (*** not scored)")
    print(f"  both correct:    {both_ok}/{n} = {both_ok / n:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
