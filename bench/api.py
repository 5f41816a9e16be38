"""Escalation on the seed article, and API latency.

    .venv/bin/python bench/api.py [--shared ../shared] [--repeat 20]

1. Builds a DuckDB store (in a temporary folder) from the seed article of ../shared plus the
   invented articles about the same week in tests/analysis/week, and prints what the analysis
   makes of it: the Iran–Pakistan retaliation chain and the escalating dyads.
2. Times the API's routes in process (FastAPI TestClient, no network): median and worst of
   `--repeat` calls each, the first (uncached) call apart.

Reads ../shared (users do not have it): says so and skips part 1 when it is missing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEEK = ROOT / "tests" / "analysis" / "week"
PERIOD = {"since": "2024-01-08", "until": "2024-01-28"}
ROUTES = (
    "/api/stats",
    "/api/events?page_size=50",
    "/api/events?dyad=IRN-PAK",
    "/api/map",
    "/api/timeline",
    "/api/dyads?since={since}&until={until}&series=true",
    "/api/escalation?dyad=IRN-PAK&since={since}&until={until}",
    "/api/chains?since={since}&until={until}",
    "/api/actors?since={since}&until={until}",
)


def build(db: Path, shared: Path) -> list[Path]:
    from flashpoint.ingest import ingest
    from flashpoint.store import open_store

    seed = sorted((shared / "seed").glob("*.txt"))
    if not seed:
        print(f"{shared / 'seed'} is missing: the store holds only the invented week")
    paths = [*seed, *sorted(WEEK.glob("*.txt"))]
    with open_store(db) as store:
        started = time.perf_counter()
        report = ingest(store, paths)
        print(f"{report.summary()} (incl. model load: {time.perf_counter() - started:.1f} s)")
    return seed


def analyse(db: Path) -> None:
    from flashpoint.analysis import escalating_dyads, load_events, retaliation_chains
    from flashpoint.store import open_store

    with open_store(db, create=False) as store:
        df = load_events(store, history_days=35, **PERIOD)
    print("\nretaliation chains, Iran–Pakistan:")
    for chain in retaliation_chains(df, dyad="IRN-PAK", since=PERIOD["since"]):
        print("  " + chain.describe().replace("\n", "\n  "))
    print("\nmost escalating dyads:")
    for s in escalating_dyads(df, **PERIOD)[:6]:
        e = s.escalation
        flag = f"ESCALATING since {e.breakout}" if e.escalating else "not escalating"
        print(f"  {e.dyad:10} peak {e.peak_score:5.2f}  {flag}  chains={len(s.chains)}")


def time_routes(db: Path, repeat: int) -> None:
    from fastapi.testclient import TestClient

    from flashpoint.api import create_app

    print(f"\nAPI latency, in process ({repeat} calls each; ms):")
    print(f"  {'route':58} {'first':>7} {'median':>7} {'max':>7}")
    with TestClient(create_app(str(db))) as client:
        for route in ROUTES:
            url = route.format(**PERIOD)
            times = []
            for _ in range(repeat + 1):
                t = time.perf_counter()
                res = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
                assert res.status_code == 200, res.text
            first, rest = times[0], times[1:]
            print(f"  {url[:58]:58} {first:7.1f} {statistics.median(rest):7.1f} {max(rest):7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        if not args.shared.is_dir():
            print(f"{args.shared} is missing (it is not shipped); using the invented week only")
        build(db, args.shared)
        analyse(db)
        time_routes(db, args.repeat)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
