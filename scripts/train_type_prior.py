"""Rebuild src/flashpoint/data/events/type_prior.json, the word model of event types.

    .venv/bin/python scripts/train_type_prior.py [STORIES.jsonl] [--lead 3] [--min-count 5]

Trains a multinomial naive Bayes (standard library only) on the synthetic stories of
../shared/train/ngec_synthetic_stories.jsonl (ahalterman/NGEC-2025, MIT): each story's lead
sentences, labelled with the PLOVER type its headline was written to elicit. Only the stories
whose headline template falls in the training part are used (`split_of`, the same split as
bench/synthetic.py), so that the bench's held-out fifth stays unseen. Only the weights ship;
the stories never do.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from flashpoint.ontology import load_ontology
from flashpoint.stages.events.prior import features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_STORIES = ROOT.parent / "shared" / "train" / "ngec_synthetic_stories.jsonl"
OUT = ROOT / "src" / "flashpoint" / "data" / "events" / "type_prior.json"
VERSION = "1"
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[A-Z\"“])|\n+")


def split_of(title: str) -> str:
    """'test' for one headline template in five (as bench/synthetic.py), else 'train'."""
    h = int(hashlib.sha1(title.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 5 == 0 else "train"


def lead(text: str, n: int) -> str:
    """The first `n` sentences of a story: where it states the event of its headline."""
    parts = [p.strip() for p in _SENT_END.split(text) if p.strip()]
    return " ".join(parts[:n])


def count(path: Path, n_lead: int) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if split_of(rec["title"]) != "train":
                continue
            counts[rec["label"]].update(features(lead(rec["text"], n_lead).split()))
    return counts


def train(
    counts: dict[str, Counter[str]], min_count: int, min_spread: float
) -> dict[str, list[float]]:
    """Centred log P(word | type) with add-one smoothing, for the words that tell types
    apart (spread between the likeliest and unlikeliest type of at least `min_spread`)."""
    types = sorted(counts)
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    vocab = sorted(w for w, k in total.items() if k >= min_count)
    size = {t: sum(counts[t][w] for w in vocab) for t in types}
    loglik: dict[str, list[float]] = {}
    for w in vocab:
        row = [math.log((counts[t][w] + 1) / (size[t] + len(vocab))) for t in types]
        if max(row) - min(row) < min_spread:
            continue
        mean = sum(row) / len(row)
        loglik[w] = [round(x - mean, 2) for x in row]
    return loglik


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stories", nargs="?", type=Path, default=DEFAULT_STORIES)
    ap.add_argument("--lead", type=int, default=3, help="sentences of each story to learn from")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--min-spread", type=float, default=1.0)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not args.stories.exists():
        print(f"{args.stories} is missing (the stories are not shipped)", file=sys.stderr)
        return 2
    counts = count(args.stories, args.lead)
    types = sorted(counts)
    onto = load_ontology()
    unknown = [t for t in types if t not in onto.types]
    if unknown:
        print(f"labels that are not PLOVER types: {unknown}", file=sys.stderr)
        return 1
    loglik = train(counts, args.min_count, args.min_spread)
    data = {
        "version": VERSION,
        "about": "multinomial naive Bayes over normalised words (flashpoint.stages.events.prior); "
        "trained on NGEC-2025 synthetic stories (MIT), headline-template split 'train'",
        "lead_sentences": args.lead,
        "types": types,
        "loglik": loglik,
    }
    args.out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"{len(loglik)} words x {len(types)} types -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
