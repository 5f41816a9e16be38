"""Print flashpoint's figures on the two dev gold sets of ../shared (event type, ACLED).

    .venv/bin/python bench/gold_dev.py                       # both sets, default stages
    .venv/bin/python bench/gold_dev.py --stages sentences,candidates,parse,actors,events
    .venv/bin/python bench/gold_dev.py --errors plover --half tune   # the tuning half's errors
    .venv/bin/python bench/gold_dev.py --half check          # score the checking half only

Each set is split by a hash of the record id (bench/_split.py) into a tuning half (study and
fix its errors) and a checking half (only ever scored); without --half both halves are
scored and printed, then the whole set.

It reads ../shared (beside the repository), which users of flashpoint do not have: the
script says so and stops when it is missing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _split import HALVES, select

from flashpoint import Coder, CoderConfig
from flashpoint.document import Event
from flashpoint.evaluate import evaluate_sentences, evaluate_snippets, load_gold
from flashpoint.ontology import load_ontology

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = {
    "plover": "gold/plover_gsr.dev.jsonl",
    "case": "gold/case2021_task2.dev.jsonl",
}
SCORERS = {"plover": evaluate_sentences, "case": evaluate_snippets}


def _coder(stages: str | None) -> Coder:
    if not stages:
        return Coder()
    return Coder(CoderConfig(stages=tuple(s.strip() for s in stages.split(",") if s.strip())))


def _top(events: list[Event], acled: bool) -> Event | None:
    pool = [e for e in events if e.acled_sub_event_type] if acled else events
    return max(pool, key=lambda e: e.confidence, default=None)


def _describe(events: list[Event]) -> str:
    parts = [
        f"{e.event_type}/{e.mode or '-'}[{e.acled_sub_event_type or '-'}]"
        f"'{e.trigger.text}'{e.confidence:.2f}"
        for e in sorted(events, key=lambda e: -e.confidence)
    ]
    return "; ".join(parts) or "(no event)"


def print_errors(name: str, coder: Coder, half: str | None) -> None:
    """One line per record whose top-1 label is wrong: gold, prediction, every event."""
    acled = name == "case"
    for rec in select(load_gold(SHARED / SETS[name]), half):
        if acled:
            gold = rec.get("extra", {}).get("acled_sub_event_type")
        else:
            gold = load_ontology().current_name(rec["event_type"])
        events = coder.code(rec["text"], pub_date=rec.get("date"), doc_id=rec.get("id"))
        top = _top(events, acled)
        pred = (top.acled_sub_event_type if acled else top.event_type) if top else None
        if pred != gold:
            print(f"{rec.get('id')}\tgold={gold}\tpred={pred}")
            print(f"    {rec['text'][:400]!r}")
            print(f"    {_describe(events)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stages", help="comma-separated stage names (default: all)")
    ap.add_argument("--errors", choices=sorted(SETS), help="list the wrong records of a set")
    ap.add_argument("--only", choices=sorted(SETS), help="score one set only")
    ap.add_argument("--half", choices=[*HALVES, "all"], help="one half of each set only")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED} is missing: the dev gold sets live there (not shipped)", file=sys.stderr)
        return 2
    coder = _coder(args.stages)
    if args.errors:
        print_errors(args.errors, coder, args.half or "tune")
        return 0
    for name, rel in SETS.items():
        if args.only and name != args.only:
            continue
        records = load_gold(SHARED / rel)
        for half in [args.half] if args.half else [*HALVES, "all"]:
            report = SCORERS[name](select(records, half), coder)
            print(f"--- {name}, {half} half" if half != "all" else f"--- {name}, whole set")
            print(report.format())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
