"""Multi-sentence ACLED-style event notes (invented, tests/data/reports_multi.jsonl): the lead
sentence gives place and date, later ones elaborate (tolls, arrests, the attackers), and some
add a running total or history. Batch "tuned" was written first and the frame rules fixed on
it; batch "held-back" was written afterwards and never tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint import Coder
from flashpoint.evaluate import evaluate_reports, load_gold

NOTES = Path(__file__).parent / "data" / "reports_multi.jsonl"


@pytest.fixture(scope="module")
def records() -> list[dict[str, object]]:
    return load_gold(NOTES)


def test_the_notes_are_invented_and_in_two_batches(records) -> None:
    assert all(r["note"] == "invented test report" for r in records)
    assert {r["batch"] for r in records} == {"tuned", "held-back"}
    assert all(len(str(r["text"]).split(". ")) >= 2 for r in records)


@pytest.mark.parametrize("batch", ["tuned", "held-back"])
def test_the_main_event_of_each_note_is_placed_dated_and_counted(
    records, coder: Coder, batch: str
) -> None:
    report = evaluate_reports([r for r in records if r["batch"] == batch], coder)
    assert report.headline["country accuracy"] >= 0.9
    assert report.headline["date accuracy"] >= 0.9
    assert report.headline["dead accuracy"] >= 0.75
