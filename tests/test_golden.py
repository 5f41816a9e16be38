"""A golden test: the coder's output on the bundled (invented) sample articles is pinned
record by record, so a refactoring that changes what the coder finds fails here.

After a deliberate change of the coder, rewrite the file with
`.venv/bin/python -m pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

from flashpoint import Coder
from flashpoint.readers import read_inputs
from flashpoint.samples import SAMPLES_DIR

GOLDEN = Path(__file__).parent / "data" / "golden_samples.jsonl"


def _coded(coder: Coder) -> list[str]:
    lines = []
    for coded in coder.code_many(read_inputs([str(SAMPLES_DIR)])):
        assert coded.ok, coded.reason
        lines.extend(json.dumps(e.to_dict(), sort_keys=True) for e in coded.events)
    return lines


def test_the_samples_are_coded_as_pinned(coder: Coder, update_golden: bool) -> None:
    lines = _coded(coder)
    if update_golden:
        GOLDEN.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(expected)
    for got, want in zip(lines, expected, strict=True):
        assert json.loads(got) == json.loads(want)
