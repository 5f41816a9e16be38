"""Print flashpoint's figures on the invented ACLED-style notes (report gold in tests/data).

It also scores sentence gold (one PLOVER `event_type` per sentence, such as
tests/data/plover_invented.jsonl): top-1 event type per half, and `--errors` lists the tuning
half's sentences whose top event has another type; and CASE-style snippet gold (an ACLED
sub-event type per snippet in `extra.acled_sub_event_type`, such as
tests/data/case_invented.jsonl): sub-event macro-F1 and accuracy per half.

    .venv/bin/python bench/notes.py                          # the worldwide and the hard notes
    .venv/bin/python bench/notes.py tests/data/notes_world.jsonl
    .venv/bin/python bench/notes.py --errors                 # the tuning half's wrong records
    .venv/bin/python bench/notes.py --half check             # score the checking half only

Each file is split by a hash of the record id (bench/_split.py) into a tuning half (study and
fix its errors) and a checking half (only ever scored); without --half both halves are
scored and printed, then the whole file. Every headline figure of the report scorer is
printed (country, admin1, coordinates, date, dead and, where the gold gives them, ACLED
event type, sub-event type and sub-event macro-F1). `--errors` lists, for the tuning half
only, each record with a wrong field: gold vs predicted for type, sub-type, country,
admin1, date and dead.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from _split import HALVES, select

from flashpoint import Coder, CoderConfig
from flashpoint.document import Event
from flashpoint.evaluate import (
    _acled_event,
    _main_event,
    _report_checks,
    _top,
    _top_acled,
    evaluate_reports,
    evaluate_sentences,
    evaluate_snippets,
    gold_kind,
    load_gold,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "tests/data/notes_world.jsonl", ROOT / "tests/data/notes_hard.jsonl"]
# check name -> (short label, gold of a record, prediction of (main event, labelled event))
_SHOWN: dict[str, tuple[str, Any, Any]] = {
    "event type": ("type", lambda r: r.get("event_type"), lambda m, lab: _acled(lab, "type")),
    "sub-event type": (
        "sub-type",
        lambda r: r.get("sub_event_type"),
        lambda m, lab: _acled(lab, "sub"),
    ),
    "country": ("country", lambda r: r.get("country"), lambda m, lab: _loc(m, "country")),
    "admin1": ("admin1", lambda r: r.get("admin1"), lambda m, lab: _loc(m, "admin1")),
    "date": (
        "date",
        lambda r: r.get("date"),
        lambda m, lab: m.date.isoformat() if m and m.date else None,
    ),
    "dead": ("dead", lambda r: r.get("fatalities"), lambda m, lab: m.dead if m else None),
}


def _acled(ev: Event | None, which: str) -> str | None:
    if ev is None:
        return None
    return ev.acled_event_type if which == "type" else ev.acled_sub_event_type


def _loc(ev: Event | None, attr: str) -> str | None:
    return getattr(ev.location, attr, None) if ev and ev.location else None


def _coder(stages: str | None) -> Coder:
    if not stages:
        return Coder()
    return Coder(CoderConfig(stages=tuple(s.strip() for s in stages.split(",") if s.strip())))


def print_errors(path: Path, coder: Coder, half: str) -> None:
    """One block per record of the half with a wrong field: id, text, gold vs predicted."""
    for rec in select(load_gold(path), half):
        pub = rec.get("pub_date") or rec.get("date")
        events = coder.code(rec["text"], pub_date=pub, doc_id=rec.get("id"))
        main = _main_event(events)
        labelled = _acled_event(events, main)
        checks = _report_checks(rec, main, labelled)
        wrong = [
            f"{label}: {gold(rec)!r} vs {pred(main, labelled)!r}"
            for name, (label, gold, pred) in _SHOWN.items()
            if checks.get(name) is False
        ]
        if wrong:
            text = rec["text"] if len(rec["text"]) <= 160 else rec["text"][:157] + "..."
            print(f"{rec.get('id')}\t{text}")
            print("    " + "; ".join(wrong))


def print_sentence_errors(path: Path, coder: Coder, half: str) -> None:
    """The tuning half's sentences whose top event has another type: gold vs predicted."""
    for rec in select(load_gold(path), half):
        top = _top(coder.code(rec["text"], pub_date=rec.get("date"), doc_id=rec.get("id")))
        predicted = top.event_type if top else None
        if predicted != rec["event_type"]:
            print(f"{rec.get('id')}\t{rec['event_type']} vs {predicted}\t{rec['text'][:150]}")


def print_snippet_errors(path: Path, coder: Coder, half: str) -> None:
    """The tuning half's snippets whose top ACLED sub-event type is another: gold vs predicted."""
    for rec in select(load_gold(path), half):
        gold = rec.get("extra", {}).get("acled_sub_event_type")
        events = coder.code(rec["text"], pub_date=rec.get("date"), doc_id=rec.get("id"))
        predicted = _top_acled(events)
        if predicted != gold:
            print(f"{rec.get('id')}\t{gold} vs {predicted}\t{rec['text'][:150]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="report gold files (default: both)")
    ap.add_argument("--stages", help="comma-separated stage names (default: all)")
    ap.add_argument("--errors", action="store_true", help="list the tuning half's errors")
    ap.add_argument("--half", choices=[*HALVES, "all"], help="one half of each file only")
    args = ap.parse_args(argv)
    coder = _coder(args.stages)
    for path in args.files or DEFAULT:
        records = load_gold(path)
        kind = gold_kind(records)
        if args.errors:
            print(f"--- {path.name}, tune half: records with a wrong field")
            shown = {"sentence": print_sentence_errors, "snippet": print_snippet_errors}
            shown.get(kind, print_errors)(path, coder, "tune")
            continue
        score = {"sentence": evaluate_sentences, "snippet": evaluate_snippets}.get(
            kind, evaluate_reports
        )
        for half in [args.half] if args.half else [*HALVES, "all"]:
            report = score(select(records, half), coder)
            label = f"{half} half" if half != "all" else "whole set"
            figures = ", ".join(f"{k} {v:.3f}" for k, v in report.headline.items())
            print(f"--- {path.name}, {label} ({report.n}): {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
