"""How often the most confident event of a synthetic story has the story's PLOVER label.

    .venv/bin/python bench/synthetic.py                  # the held-out fifth of the stories
    .venv/bin/python bench/synthetic.py --split all      # every story (slow: ~4,500 stories)
    .venv/bin/python bench/synthetic.py --stages sentences,candidates,parse,actors,events

The stories (../shared/train/ngec_synthetic_stories.jsonl, not shipped) carry weak,
document-level labels: the event type their headline was written to elicit. Stories are
split by headline template (`split_of`), so that the held-out fifth shares no headline with
the stories scripts/train_type_prior.py learns from. Ties between equally confident events
go to the earlier one (news leads with the main event). The script says so and stops when
../shared is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint import Coder, CoderConfig
from flashpoint.document import Event

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
STORIES = SHARED / "train" / "ngec_synthetic_stories.jsonl"
HELD_OUT = 5  # one headline template in five is held out


def split_of(title: str) -> str:
    """'test' for the held-out fifth of headline templates, else 'train'."""
    h = int(hashlib.sha1(title.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % HELD_OUT == 0 else "train"


def load_stories(path: Path, split: str) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if split == "all" or split_of(rec["title"]) == split:
                yield rec


def top_event(events: list[Event]) -> Event | None:
    best: Event | None = None
    for e in events:
        if best is None or e.confidence > best.confidence:
            best = e
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("test", "train", "all"), default="test")
    ap.add_argument("--stages", help="comma-separated stage names (default: all)")
    ap.add_argument("--confusions", type=int, default=12, help="how many confusions to list")
    args = ap.parse_args(argv)
    if not STORIES.exists():
        print(f"{STORIES} is missing: the synthetic stories are not shipped", file=sys.stderr)
        return 2
    config = CoderConfig()
    if args.stages:
        config = CoderConfig(stages=tuple(s for s in args.stages.split(",") if s))
    coder = Coder(config)
    n = correct = no_event = 0
    per: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for rec in load_stories(STORIES, args.split):
        top = top_event(coder.code(rec["text"], doc_id=rec["id"]))
        pred = top.event_type if top else "-"
        n += 1
        per[rec["label"]] += 1
        no_event += top is None
        if pred == rec["label"]:
            correct += 1
            hits[rec["label"]] += 1
        else:
            confusion[(rec["label"], pred)] += 1
    print(f"synthetic stories ({args.split}): {n}")
    print(f"  top-1 event type = story label: {correct / max(1, n):.3f}")
    print(f"  stories with no event: {no_event / max(1, n):.3f}")
    for label in sorted(per):
        print(f"  {label:10} {hits[label] / per[label]:.3f}  ({per[label]})")
    for (g, p), k in confusion.most_common(args.confusions):
        print(f"  {k:4d}  {g} -> {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
