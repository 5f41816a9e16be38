"""300 invented CASE-style snippets (tests/data/case_invented.jsonl), written blind to the
coder's rules on 4 December 2026: 12 per ACLED sub-event type (24 types) in one to three
sentences of local or wire reporting, and 12 snippets outside ACLED's types (disasters,
accidents, crime, elections, sport). Scored when it was written: sub-event macro-F1 0.809,
accuracy 0.771, and 1 of the 12 outside snippets given an ACLED label. The floor sits about
0.03 below today's figure over the whole set, so a regression shows."""

from __future__ import annotations

from pathlib import Path

from flashpoint.evaluate import evaluate

_DATA = Path(__file__).parent / "data" / "case_invented.jsonl"
_FLOORS = {"ACLED sub-event macro-F1": 0.80, "ACLED sub-event accuracy": 0.77}
_CEILINGS = {"snippets outside ACLED given a label": 0.20}


def test_the_invented_case_snippets_keep_their_floors(coder) -> None:
    report = evaluate(_DATA, coder)
    assert report.kind == "snippet"
    assert report.n == 300
    low = {k: round(report.headline[k], 3) for k, v in _FLOORS.items() if report.headline[k] < v}
    assert not low, f"below the floors {_FLOORS}: {low}"
    high = {k: round(report.headline[k], 3) for k, v in _CEILINGS.items() if report.headline[k] > v}
    assert not high, f"above the ceilings {_CEILINGS}: {high}"
