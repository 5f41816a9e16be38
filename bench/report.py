"""How long the whole-store brief takes on a big store.

    .venv/bin/python bench/report.py [--events 6000] [--years 6] [--history 400]

Builds a DuckDB store (in a temporary folder) of invented events between 40 country pairs,
spread over `--years` years up to 2024-06-30, plus `--history` year-dated mentions of past
wars (1956 on) and running tolls, then runs `flashpoint report` on the whole store (no
--dyad, no --since) in a child process and prints its seconds and peak memory. The figure
to beat: 49 s and 1 GB on a store of 244 long articles, when every day since 1956 got a bar.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from flashpoint.document import Event, EventActor, EventLocation, Trigger
from flashpoint.store import open_store
from flashpoint.store.rows import DocumentInfo, IngestItem

COUNTRIES = ["IRN", "PAK", "IRQ", "SYR", "ISR", "LBN", "YEM", "SAU", "AFG", "IND", "RUS", "UKR"]
TYPES = [("ASSAULT", 4, -9.0), ("COERCE", 4, -7.0), ("ACCUSE", 3, -3.0), ("CONSULT", 1, 2.5)]
LAST = date(2024, 6, 30)


def _event(n: int, when: date, precision: str, aux: list[str], rng: random.Random) -> Event:
    a, b = rng.sample(COUNTRIES, 2)
    etype, quad, intensity = rng.choice(TYPES)
    text = f"Forces of {a} and {b} clashed (invented report {n})."
    return Event(
        doc_id=f"doc{n // 4}",
        pub_date=when if not aux else LAST,
        event_type=etype,
        trigger=Trigger(text="clashed", span=(16, 23)),
        sentence=text,
        sentence_span=(0, len(text)),
        sentence_index=n % 4,
        quad_code=quad,
        intensity=intensity,
        actor=EventActor(text=a, name=a, country=a),
        recipient=EventActor(text=b, name=b, country=b),
        location=EventLocation(
            text=b,
            name=b,
            country=b,
            lat=rng.uniform(10, 45),
            lon=rng.uniform(30, 75),
            precision="city",
        ),
        date=when,
        date_precision=precision,  # type: ignore[arg-type]
        dead=rng.choice([None, 1, 3, 12, 500_000 if aux else 40]),
        aux=aux,
        id=f"ev{n}",
    )


def build(db: Path, events: int, years: int, history: int) -> None:
    rng = random.Random(11)
    made: list[Event] = []
    for n in range(events):
        made.append(_event(n, LAST - timedelta(days=rng.randrange(365 * years)), "day", [], rng))
    for n in range(events, events + history):
        year = rng.randrange(1956, 2020)
        aux = rng.choice([["background"], ["aggregate"], []])
        made.append(_event(n, date(year, 1, 1), "year", aux, rng))
    docs: dict[str, list[Event]] = {}
    for e in made:
        docs.setdefault(e.doc_id, []).append(e)
    items = [
        IngestItem(
            DocumentInfo(
                doc_id=doc,
                content_hash=f"hash-{doc}",
                pub_date=evs[0].pub_date,
                source=f"{doc}.txt",
                n_chars=400,
            ),
            evs,
            "bench",
        )
        for doc, evs in docs.items()
    ]
    with open_store(str(db)) as store:
        store.write(items)
        store.dedup()
        print(f"store: {store.stats().events:,} events", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=6000)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--history", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.duckdb"
        build(db, args.events, args.years, args.history)
        runs = {
            "whole store, default period": [],
            "every event since 1950": [
                "--since=1950-01-01",
                "--include-imprecise",
                "--include-background",
            ],
        }
        for name, extra in runs.items():
            _time(name, db, Path(tmp) / "brief", extra)
        print("before: 49 s and about 1 GB on 244 long articles")


def _time(name: str, db: Path, out: Path, extra: list[str]) -> None:
    """Run `flashpoint report` in a child process; print its seconds and peak memory."""
    cli = "from flashpoint.cli import main; main()"
    cmd = [sys.executable, "-c", cli, "report", "--db", str(db), "-q", "-o", str(out), *extra]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(done.stderr.decode())
    # the largest child so far: each run is measured after the one before it
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(done.stderr.decode().strip())
    print(f"flashpoint report ({name}): {seconds:.1f} s, peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
