"""Ingest speed of the event store: documents per second, with and without deduplication.

    .venv/bin/python bench/ingest.py                      # 100,000 synthetic documents, DuckDB
    .venv/bin/python bench/ingest.py --docs 20000 --postgres
    .venv/bin/python bench/ingest.py --corpus             # also the real coder on ../shared

Two measurements:

1. The store alone (what deduplication must not dominate): synthetic coded documents
   (hand-built `Event`s: ~2,000 real events over two years between 40 countries, each
   reported by many articles with varying detail: missing actors or places, day/week/month
   or no dates, different death counts), written with `SQLStore.write` in batches of
   `--batch` documents, then merged with `SQLStore.dedup`. Reported: documents/second
   writing without deduplication, the merge pass alone, and both together; the events found.
   `--postgres` runs the same on the test server of scripts/services.sh (tmp/pg_dsn).
2. `--corpus`: the full `flashpoint ingest` path (readers, the coder, the store) over
   ../shared/corpus/guardian_sdf.dev.jsonl (long real articles; beside the repository, not
   shipped: the script says so when it is missing), with and without deduplication.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from flashpoint.document import Event, EventActor, EventLocation, Trigger
from flashpoint.store import open_store
from flashpoint.store.rows import DocumentInfo, IngestItem

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "guardian_sdf.dev.jsonl"
COUNTRIES = [
    "SYR",
    "IRQ",
    "TUR",
    "IRN",
    "ISR",
    "PSE",
    "LBN",
    "YEM",
    "SAU",
    "USA",
    "RUS",
    "UKR",
    "AFG",
    "PAK",
    "IND",
    "NGA",
    "MLI",
    "SDN",
    "SSD",
    "ETH",
    "SOM",
    "KEN",
    "COD",
    "CAF",
    "LBY",
    "EGY",
    "MMR",
    "PHL",
    "COL",
    "MEX",
    "VEN",
    "BRA",
    "FRA",
    "GBR",
    "DEU",
    "CHN",
    "PRK",
    "KOR",
    "JPN",
    "AZE",
]
TYPES = ["ASSAULT"] * 5 + ["PROTEST"] * 2 + ["ACCUSE", "COERCE", "CONSULT", "THREATEN"]


def _true_events(rng: random.Random, n: int) -> list[tuple[str, str, str, date, int]]:
    start = date(2022, 1, 1)
    out = []
    for _ in range(n):
        a = COUNTRIES[min(int(rng.paretovariate(1.2)) - 1, len(COUNTRIES) - 1)]
        r = rng.choice(COUNTRIES)
        out.append(
            (
                rng.choice(TYPES),
                a,
                r,
                start + timedelta(days=rng.randrange(730)),
                rng.randrange(0, 30),
            )
        )
    return out


def _report(
    rng: random.Random, doc: str, truth: tuple[str, str, str, date, int], pub: date
) -> Event:
    etype, a, r, day, dead = truth
    precision = rng.choice(["day"] * 6 + ["week", "month", None])
    place = (
        None
        if rng.random() < 0.4
        else EventLocation(
            name=f"{r} capital", country=r, admin1=f"{r}-1", precision="city", lat=1.0, lon=2.0
        )
    )
    return Event(
        doc_id=doc,
        pub_date=pub,
        event_type=etype,
        trigger=Trigger("struck", (10, 16)),
        sentence="Forces struck the town, killing several people.",
        sentence_span=(0, 48),
        sentence_index=0,
        mode=None,
        quad_code=4,
        intensity=-9.0,
        actor=None if rng.random() < 0.2 else EventActor(name=a, country=a, sector="MIL"),
        recipient=None if rng.random() < 0.2 else EventActor(name=r, country=r),
        location=place,
        date=None if precision is None else day,
        date_precision=precision,  # type: ignore[arg-type]
        dead=dead + rng.choice([0, 0, 1, -1]) if dead else None,
        confidence=0.8,
        coder="bench",
        id=f"{doc}-{rng.random()}",
    )


def synthetic_items(n_docs: int, seed: int = 1) -> list[IngestItem]:
    """`n_docs` coded documents, each reporting one to four of the true events."""
    rng = random.Random(seed)
    truths = _true_events(rng, max(50, n_docs // 50))
    items = []
    for i in range(n_docs):
        doc = f"doc{i:07d}"
        picks = rng.sample(truths, rng.randint(1, 4))
        pub = max(t[3] for t in picks) + timedelta(days=rng.randrange(3))
        events = [_report(rng, doc, t, pub) for t in picks]
        info = DocumentInfo(
            doc_id=doc,
            content_hash=f"h{i}",
            pub_date=pub,
            url=f"https://outlet{i % 60}.example/{i}",
            n_chars=4000,
        )
        items.append(IngestItem(info, events, "bench"))
    return items


def bench_store(url: str, items: list[IngestItem], batch: int) -> None:
    with open_store(url) as store:
        t0 = time.perf_counter()
        for i in range(0, len(items), batch):
            store.write(items[i : i + batch])
        t_write = time.perf_counter() - t0
        stats = store.dedup()
        t_all = time.perf_counter() - t0
        counts = store.stats()
    n = len(items)
    print(
        f"  {store.backend:8s} {n:,} documents, {counts.mentions:,} mentions -> "
        f"{counts.events:,} events"
    )
    print(f"    write, no dedup : {n / t_write:10,.0f} docs/s  ({t_write:.1f} s)")
    print(f"    dedup pass      : {n / stats.seconds:10,.0f} docs/s  ({stats.seconds:.1f} s)")
    print(f"    write + dedup   : {n / t_all:10,.0f} docs/s  ({t_all:.1f} s)")


def bench_corpus(tmp: Path, workers: int) -> None:
    from flashpoint.ingest import ingest

    if not CORPUS.exists():
        print(f"  {CORPUS} is missing (../shared beside the repository); skipped")
        return
    for dedup in (False, True):
        with open_store(tmp / f"corpus-{dedup}.duckdb") as store:
            report = ingest(store, [str(CORPUS)], workers=workers, dedup=dedup)
        label = "with dedup   " if dedup else "without dedup"
        merge = f", merge pass {report.dedup.seconds:.2f} s" if report.dedup else ""
        print(
            f"  coder {label}: {report.docs_per_second:6.2f} docs/s ({report.read} documents, "
            f"{report.mentions} mentions, {report.seconds:.1f} s{merge})"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=256, help="documents per transaction")
    ap.add_argument("--postgres", action="store_true", help="also PostgreSQL (tmp/pg_dsn)")
    ap.add_argument("--corpus", action="store_true", help="also the coder on ../shared")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args(argv)
    items = synthetic_items(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        print(f"store alone, synthetic documents, batches of {args.batch}:")
        bench_store(str(Path(tmp) / "bench.duckdb"), items, args.batch)
        if args.postgres:
            dsn_file = ROOT / "tmp" / "pg_dsn"
            if not dsn_file.exists():
                print("  PostgreSQL: tmp/pg_dsn is missing; run scripts/services.sh")
            else:
                bench_store(_fresh_schema(dsn_file.read_text().strip()), items, args.batch)
        if args.corpus:
            print("full ingest (readers + coder + store):")
            bench_corpus(Path(tmp), args.workers)
    return 0


def _fresh_schema(dsn: str) -> str:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute("DROP SCHEMA IF EXISTS bench_ingest CASCADE")
        con.execute("CREATE SCHEMA bench_ingest")
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options=-csearch_path%3Dbench_ingest"


if __name__ == "__main__":
    sys.exit(main())
