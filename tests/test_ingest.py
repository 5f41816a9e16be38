"""Ingest (`flashpoint.ingest`) end to end through the real coder, on short invented
articles, on both backends: merging, idempotence, order independence, workers, and a run
killed with SIGKILL."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from flashpoint import Coder, Document
from flashpoint.batch import InProcess
from flashpoint.ingest import ingest
from flashpoint.store import SQLStore, open_store

# the store tests' data and fixtures (both backends: store_urls, store_url, store)
sys.path.insert(0, str(Path(__file__).with_name("store")))
from _store_data import StoreUrls, snapshot  # noqa: E402

pytest_plugins = ["_store_fixtures"]

# Three articles about Iran's strike on Pakistan on Tuesday 16 January 2024, in different
# words, published on different days, with different death counts.
STRIKE = {
    "irn-pak-1.txt": "date 2024-01-17 Iran strikes Pakistan\nIranian forces launched missile "
    "and drone strikes on Pakistan on Tuesday, killing two children in Baluchistan province, "
    "Pakistani officials said.\n",
    "irn-pak-2.txt": "date 2024-01-18 Pakistan recalls envoy\nIran struck Pakistan on 16 "
    "January, killing three people in Baluchistan province, local police said.\n",
    "irn-pak-3.txt": "date 2024-01-19\nTensions remained high on Friday after Iran attacked "
    "Pakistan on Tuesday, killing two children in Baluchistan province.\n",
}
OTHERS = {
    "lahore-protest.txt": "date 2024-01-20\nThousands of farmers protested in Lahore on "
    "Saturday against rising fuel prices, blocking the main highway for hours.\n",
    "no-date.txt": "Police arrested twelve protesters in Karachi.\n",
}


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def strike_events(s: SQLStore) -> list:  # type: ignore[type-arg]
    return [
        e
        for e in s.events(type="ASSAULT", since="2024-01-16", until="2024-01-16", mentions=True)
        if e.actor_country == "IRN" or e.recipient_country == "PAK"
    ]


def test_one_strike_reported_by_three_articles_becomes_one_event(
    store: SQLStore, coder: Coder, tmp_path: Path
) -> None:
    folder = write_articles(tmp_path / "articles", {**STRIKE, **OTHERS})
    report = ingest(store, [folder], coder=coder)
    assert (report.read, report.stored, report.errors) == (5, 4, 1)
    [strike] = strike_events(store)
    assert strike.mentions is not None
    assert {m.doc_id for m in strike.mentions} == {"irn-pak-1", "irn-pak-2", "irn-pak-3"}
    assert strike.num_articles == 3 and strike.num_mentions >= 3
    assert (strike.first_reported, strike.last_reported) == (date(2024, 1, 17), date(2024, 1, 19))
    reported = {r["value"] for r in strike.count_reports["dead"]}
    assert reported == {2, 3} and strike.dead == 2
    [error] = store.errors()
    assert error.source is not None and error.source.endswith("no-date.txt")
    assert "date" in error.message


def test_ingesting_twice_changes_nothing(store: SQLStore, coder: Coder, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "articles", {**STRIKE, **OTHERS})
    first = ingest(store, [folder], coder=coder)
    before, stats = snapshot(store), store.stats()
    again = ingest(store, [folder], coder=coder)
    assert (again.stored, again.skipped, again.errors) == (0, 4, 1)
    assert again.dedup is not None and again.dedup.queued == 0
    assert snapshot(store) == before and store.stats() == stats
    assert first.events == again.events


def test_ingest_into_a_store_named_by_its_path_through_an_executor(
    coder: Coder, tmp_path: Path
) -> None:
    folder = write_articles(tmp_path / "articles", {**STRIKE, **OTHERS})
    db = tmp_path / "named.duckdb"
    report = ingest(str(db), [folder], executor=InProcess(coder=coder), batch_size=2)
    assert (report.read, report.stored, report.errors) == (5, 4, 1)
    with open_store(db, create=False) as s:
        assert len(strike_events(s)) == 1 and s.stats().documents == 4


def documents(articles: dict[str, str]) -> list[Document]:
    out = []
    for name, text in articles.items():
        first, _, body = text.partition("\n")
        out.append(
            Document(
                id=name.removesuffix(".txt"),
                text=body,
                pub_date=date.fromisoformat(first.split()[1]),
                source=name,
            )
        )
    return out


def test_ingesting_in_shuffled_order_gives_the_same_events(
    store_urls: StoreUrls, coder: Coder
) -> None:
    docs = documents({**STRIKE, **dict(list(OTHERS.items())[:1])})
    with open_store(store_urls.new()) as s:
        ingest(s, docs, coder=coder)
        reference = snapshot(s)
    rng = random.Random(1)
    for batch in (1, 2):
        rng.shuffle(docs)
        with open_store(store_urls.new()) as s:
            ingest(s, docs, coder=coder, batch_size=batch)
            assert snapshot(s) == reference


def test_a_changed_article_is_recoded_and_replaced(
    store: SQLStore, coder: Coder, tmp_path: Path
) -> None:
    folder = write_articles(tmp_path / "articles", STRIKE)
    ingest(store, [folder], coder=coder)
    (folder / "irn-pak-2.txt").write_text(OTHERS["lahore-protest.txt"], encoding="utf-8")
    report = ingest(store, [folder], coder=coder)
    assert (report.stored, report.replaced, report.skipped) == (1, 1, 2)
    [strike] = strike_events(store)
    assert strike.mentions is not None
    assert {m.doc_id for m in strike.mentions} == {"irn-pak-1", "irn-pak-3"}


def test_worker_processes_store_the_same_events(coder: Coder, tmp_path: Path) -> None:
    """Coding in worker processes is the same whatever the backend: DuckDB only (each worker
    loads its own model, which is slow)."""
    folder = write_articles(tmp_path / "articles", {**STRIKE, **OTHERS})
    with open_store(tmp_path / "serial.duckdb") as s:
        ingest(s, [folder], coder=coder)
        reference = snapshot(s)
    with open_store(tmp_path / "parallel.duckdb") as s:
        report = ingest(s, [folder], workers=2, batch_size=2)
        assert (report.stored, report.errors) == (4, 1)
        assert snapshot(s) == reference


# --- killed mid-run --------------------------------------------------------------------------

_NATIONS = [
    ("Russian", "Ukraine", "Kharkiv"),
    ("Israeli", "Lebanon", "Tyre"),
    ("Turkish", "Syria", "Qamishli"),
    ("Saudi", "Yemen", "Saada"),
    ("Azerbaijani", "Armenia", "Jermuk"),
]
_WORDS = ["one", "two", "three", "four", "five", "six"]


def many_articles(n: int = 30) -> dict[str, str]:
    """`n` short articles: ten strikes, each reported three times in other words."""
    out = {}
    for i in range(n):
        strike, variant = i % 10, i // 10
        nation, country, city = _NATIONS[strike % 5]
        day = 8 + strike // 2
        dead = _WORDS[(strike + variant) % 6]
        body = [
            f"{nation} forces shelled {city} in {country} on {day} January, killing {dead} "
            "civilians, officials said.",
            f"{dead.capitalize()} civilians were killed when {nation} artillery shelled "
            f"{city} on {day} January, local authorities said.",
            f"Residents of {city} buried {dead} civilians killed by {nation} shelling on "
            f"{day} January.",
        ][variant]
        out[f"a{i:02d}.txt"] = f"date 2024-01-{day + 1 + variant:02d}\n{body}\n"
    return out


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from flashpoint.cli import main; main()", *args]


def test_an_ingest_killed_with_sigkill_finishes_on_rerun(
    store_urls: StoreUrls, tmp_path: Path
) -> None:
    """A clean run, then a run killed after four commits and rerun: the same store."""
    folder = write_articles(tmp_path / "many", many_articles())
    clean_url, killed_url = store_urls.new(), store_urls.new()
    done = subprocess.run(
        cli("ingest", "--db", clean_url, str(folder)), capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    with open_store(clean_url) as s:
        clean, clean_stats = snapshot(s), s.stats()
    assert clean_stats.documents == 30

    proc = subprocess.Popen(
        cli("ingest", "--db", killed_url, "--batch-size", "1", "-v", str(folder)),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stderr is not None
    stored = 0
    try:
        for line in proc.stderr:
            stored += line.startswith("stored ")
            if stored == 4:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    assert stored == 4, "the ingest ended before it could be killed"
    assert proc.returncode == -signal.SIGKILL

    with open_store(killed_url) as s:
        partial = s.stats().documents
    assert 4 <= partial < 30

    rerun = subprocess.run(
        cli("ingest", "--db", killed_url, str(folder)), capture_output=True, text=True, timeout=600
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} already stored" in rerun.stdout
    with open_store(killed_url) as s:
        assert snapshot(s) == clean
        stats = s.stats()
        assert (stats.documents, stats.mentions, stats.events) == (
            clean_stats.documents,
            clean_stats.mentions,
            clean_stats.events,
        )
        assert stats.pending_dedup == 0 and stats.errors == 0
        rows = s._rows("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM documents")
        assert rows[0][0] == rows[0][1] == 30


@pytest.mark.parametrize("variant", ["no-dedup"])
def test_no_dedup_leaves_the_merge_to_the_next_query(
    store: SQLStore, coder: Coder, tmp_path: Path, variant: str
) -> None:
    folder = write_articles(tmp_path / "articles", STRIKE)
    report = ingest(store, [folder], coder=coder, dedup=False)
    assert report.dedup is None and store.stats().pending_dedup > 0
    assert "merge pending" in report.summary()
    assert len(strike_events(store)) == 1
    assert store.stats().pending_dedup == 0


class _FailsOnGoma:
    """A stage with a bug that shows on one document only."""

    name = "fails-on-goma"
    requires = ("doc.sentences",)
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        if "Goma" in doc.text:
            raise ValueError("unexpected token")
        return doc


def test_a_stage_failing_on_one_document_is_recorded_and_the_rest_stored(
    store: SQLStore, tmp_path: Path
) -> None:
    from flashpoint.pipeline import Pipeline
    from flashpoint.stages.sentences import SentenceStage

    coder = Coder()
    coder._pipeline = Pipeline([SentenceStage(), _FailsOnGoma()])
    docs = [
        Document(id="lima", text="Calm returned to Lima.", pub_date=date(2024, 1, 2)),
        Document(id="goma", text="Shelling near Goma.", pub_date=date(2024, 1, 2)),
    ]
    report = ingest(store, docs, coder=coder)
    assert report.stored == 1 and report.errors == 1
    [error] = store.errors()
    assert error.doc_id == "goma" and "unexpected token" in error.message
