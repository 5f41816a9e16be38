"""Scaling: throughput of the Dask executor with 1 and 2 workers on the same articles.

    .venv/bin/python bench/scale.py                      # 1 and 2 workers, LocalCluster
    .venv/bin/python bench/scale.py --workers 1 2 4 --repeat 3
    .venv/bin/python bench/scale.py --scheduler tcp://10.0.0.5:8786 --workers 4

It reads ../shared/corpus/guardian_sdf.dev.jsonl (beside the repository; long real news
articles), which users of flashpoint do not have: the script says so and stops when it is
missing.

For each worker count it starts a `LocalCluster` of that many single-threaded worker
processes (or, with --scheduler, uses a running cluster and waits for that many workers),
loads the coder on every worker (`DaskExecutor.warm_up`: not timed), then times coding every
article through the batch engine (`flashpoint.batch.code_stream`), best of --repeat runs. It
prints articles per second, the speed-up over the first worker count and the efficiency
(speed-up / workers), and checks that every run gave the events of the reference: the same
articles coded in this process without Dask (also timed, for Dask's overhead).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from flashpoint import CoderConfig
from flashpoint.batch import BATCH_SIZE, Executor, InProcess, code_stream
from flashpoint.dask_executor import DaskExecutor
from flashpoint.document import Document
from flashpoint.errors import FlashpointError
from flashpoint.readers import read_inputs

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "guardian_sdf.dev.jsonl"

Events = list[list[dict[str, object]]]


def load_corpus(path: Path, limit: int | None) -> list[Document]:
    docs = [d for d in read_inputs([str(path)]) if isinstance(d, Document)]
    return docs[:limit] if limit else docs


def run(executor: Executor, docs: list[Document], repeat: int) -> tuple[float, Events]:
    """The shortest wall time of `repeat` passes over `docs`, and the events of the last."""
    best, events = float("inf"), []
    for _ in range(repeat):
        fresh = [Document(d.id, d.text, d.pub_date, d.title, d.url, d.source) for d in docs]
        start = time.perf_counter()  # (coding fills documents in: each run gets new ones)
        results = list(code_stream(fresh, executor=executor))
        best = min(best, time.perf_counter() - start)
        events = [[e.to_dict() for e in r.events] for r in results]
    return best, events


def in_process(docs: list[Document], repeat: int) -> tuple[float, Events]:
    """The reference: the same articles coded in this process, no Dask (coder warm)."""
    executor = InProcess(CoderConfig())
    list(code_stream(docs[:2], executor=executor))
    seconds, events = run(executor, docs, repeat)
    print(f"  in this process, no Dask: {len(docs) / seconds:6.2f} articles/s ({seconds:.2f} s)")
    return seconds, events


def measure(args: argparse.Namespace, docs: list[Document], workers: int) -> tuple[float, Events]:
    started = time.perf_counter()
    with DaskExecutor(
        CoderConfig(), scheduler=args.scheduler, workers=workers, batch_size=args.batch_size
    ) as executor:
        executor.warm_up()
        ready = time.perf_counter() - started
        seconds, events = run(executor, docs, args.repeat)
    print(
        f"  {workers} worker{'s' if workers > 1 else ' '}: {len(docs) / seconds:6.2f} articles/s "
        f"({seconds:.2f} s; cluster start and coder load {ready:.1f} s, not timed)"
    )
    return seconds, events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--scheduler", default=None, help="a running cluster's scheduler")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(
            f"scale: {args.corpus} is missing (it lives in ../shared beside the repository, "
            "which users of flashpoint do not have); nothing to measure."
        )
        return 0
    docs = load_corpus(args.corpus, args.limit)
    where = args.scheduler or f"a LocalCluster on this machine ({os.cpu_count()} cores)"
    print(f"corpus: {args.corpus.name}: {len(docs)} articles; Dask executor on {where}")
    print(f"batches of {args.batch_size} articles, best of {args.repeat} runs")
    _, reference = in_process(docs, args.repeat)
    base: tuple[int, float, Events] | None = None
    for workers in args.workers:
        seconds, events = measure(args, docs, workers)
        if events != reference:
            print(f"    {workers} workers: DIFFERENT EVENTS from this process")
        if base is None:
            base = (workers, seconds, events)
            continue
        speedup = (base[1] / seconds) * base[0]
        same = "same events" if events == base[2] else "DIFFERENT EVENTS"
        print(
            f"    {workers} / {base[0]} workers: throughput x{base[1] / seconds:.2f}, "
            f"efficiency {speedup / workers:.0%} ({same} as {base[0]})"
        )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except FlashpointError as exc:
        print(f"scale: {exc}", file=sys.stderr)
        sys.exit(1)
