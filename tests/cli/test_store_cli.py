"""`flashpoint ingest / events / export / errors`, in process, on both backends."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from flashpoint import Coder
from flashpoint.cli import main
from flashpoint.cli._progress import progress_line
from flashpoint.ingest import IngestProgress

# the store fixtures (both backends: store_urls, store_url, store) live beside the store tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
pytest_plugins = ["_store_fixtures"]

# An invented article in the plain-text format, about two strikes three days apart.
ARTICLE = """date 2024-01-18 Pakistan strikes back at Iran
Pakistan's air force launched airstrikes against militant hideouts in Iran on Thursday \
morning, killing at least seven people in Sistan and Baluchestan province.

The strikes followed an Iranian attack on Pakistan on Tuesday that killed two children in \
Baluchistan province. Islamabad recalled its ambassador from Tehran on Wednesday.
"""


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "strikes.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "broken.txt").write_text("no date line at all\nSome text.\n", encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_then_events_jsonl_returns_the_articles_events(
    store_url: str, articles: Path, coder: Coder
) -> None:
    code, out, err = run("ingest", "--db", store_url, str(articles))
    assert code == 1, err  # broken.txt could not be stored
    assert out.startswith("ingested 2 documents into ")
    assert "1 stored" in out and "1 error;" in out and len(out.splitlines()) == 1
    assert "see `flashpoint errors" in err

    code, out, _ = run("events", "--db", store_url, "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    coded = coder.code(ARTICLE.partition("\n")[2], pub_date="2024-01-18", doc_id="strikes")
    assert coded, "the coder finds events in the article"
    assert sum(r["num_mentions"] for r in records) == len(coded)
    mentions = [m for r in records for m in r["mentions"]]
    assert {m["doc_id"] for m in mentions} == {"strikes"}
    assert sorted(m["trigger"]["span"][0] for m in mentions) == sorted(
        e.trigger.span[0] for e in coded
    )
    assert all(r["id"].startswith("ev_") and r["num_articles"] == 1 for r in records)
    assert any(r["event_type"] == "ASSAULT" for r in records)


def test_events_table_and_csv_and_filters(store_url: str, articles: Path) -> None:
    run("ingest", "--db", store_url, str(articles))
    code, out, err = run("events", "--db", store_url, "--type", "ASSAULT")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["date", "type", "mode"]
    assert all("ASSAULT" in line for line in lines[1:])
    n = len(lines) - 1
    assert err.strip() == (f"{n} events" if n != 1 else "1 event")
    code, out, _ = run("events", "--db", store_url, "--format", "csv", "--limit", "1")
    assert code == 0 and out.splitlines()[0].startswith("event_id,date,date_precision")
    assert len(out.splitlines()) == 2
    code, out, _ = run("events", "--db", store_url, "--type", "PROTEST", "--format", "jsonl")
    assert (code, out) == (0, "")


def test_events_table_writes_a_date_as_precisely_as_it_is_known(
    store_url: str, tmp_path: Path
) -> None:
    # invented: the attack is dated only to a month, so the table says "Mar 2024"
    article = tmp_path / "kidal.txt"
    article.write_text(
        "date 2024-05-10 Attack on Kidal\n"
        "Rebels attacked the town of Kidal in March, killing four soldiers.\n",
        encoding="utf-8",
    )
    run("ingest", "--db", store_url, str(article))
    code, out, _ = run("events", "--db", store_url, "--type", "ASSAULT")
    assert code == 0
    rows = out.splitlines()[1:]
    assert rows and all(row.startswith("Mar 2024 ") for row in rows), out


def test_export_parquet_reads_back_in_duckdb_and_pandas(
    store_url: str, articles: Path, tmp_path: Path
) -> None:
    run("ingest", "--db", store_url, str(articles))
    target = tmp_path / "events.parquet"
    code, _, err = run("export", "--db", store_url, "--format", "parquet", "-o", str(target))
    assert code == 0, err
    _, out, _ = run("events", "--db", store_url, "--format", "jsonl")
    expected = [
        (r["id"], r["event_type"], r["num_mentions"]) for r in map(json.loads, out.splitlines())
    ]
    assert err.startswith(f"wrote {len(expected)} event") and err.strip().endswith(
        f"to {target} (parquet)"
    )
    rows = duckdb.sql(
        f"SELECT event_id, event_type, num_mentions FROM '{target}' ORDER BY date, event_id"
    ).fetchall()
    assert rows == expected
    frame = pd.read_parquet(target)
    assert list(zip(frame.event_id, frame.event_type, frame.num_mentions, strict=True)) == expected


@pytest.mark.parametrize("fmt", ["plover-jsonl", "csv", "acled-csv", "icews-csv"])
def test_export_text_formats_to_stdout(store_url: str, articles: Path, fmt: str) -> None:
    run("ingest", "--db", store_url, str(articles))
    code, out, err = run(
        "export", "--db", store_url, "--format", fmt, "-o", "-", "--type", "ASSAULT"
    )
    assert code == 0, err
    n = int(err.split()[1])
    lines = out.splitlines()
    assert len(lines) == (n if fmt == "plover-jsonl" else n + 1)


def test_errors_lists_the_documents_that_failed(store_url: str, articles: Path) -> None:
    run("ingest", "--db", store_url, str(articles))
    code, out, err = run("errors", "--db", store_url)
    assert code == 0
    header, line = out.splitlines()
    assert header.split() == ["source", "error", "message"]
    source, error_code, message = line.split(maxsplit=2)
    assert source.endswith("broken.txt") and error_code == "date_error" and "date" in message
    assert err.strip() == f"1 error recorded in {store_url}"
    code, out, _ = run("errors", "--db", store_url, "--format", "jsonl")
    assert json.loads(out)["code"] == "date_error"


def test_ingesting_twice_reports_everything_already_stored(store_url: str, articles: Path) -> None:
    run("ingest", "--db", store_url, str(articles))
    _, first, _ = run("events", "--db", store_url, "--format", "jsonl")
    code, out, _ = run("ingest", "--db", store_url, str(articles))
    assert code == 1 and "0 stored (0 replaced), 1 already stored" in out
    _, second, _ = run("events", "--db", store_url, "--format", "jsonl")
    assert first == second


def test_verbose_ingest_prints_each_stored_document(store_url: str, articles: Path) -> None:
    code, _, err = run("ingest", "--db", store_url, "-v", "--no-progress", str(articles))
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith("stored ")] == [
        line for line in err.splitlines() if line.startswith("stored strikes (")
    ]


def test_a_forced_progress_bar_shows_the_rate(store_url: str, articles: Path) -> None:
    code, _, err = run("ingest", "--db", store_url, "--progress", str(articles))
    assert code == 1 and "docs/s" in err and "merging their reports into events" in err


def test_progress_line_shows_done_total_rate_and_eta() -> None:
    p = IngestProgress(done=50, total=200, errors=1)
    p.started -= 10.0  # ten seconds in: 5 docs/s, 150 to go
    line = progress_line(p)
    assert line.startswith(" 25% [#######---------------------] 50/200 docs")
    assert "5.0 docs/s" in line and "1 error " in line and line.endswith("ETA 0:30")
    p.total = None
    assert progress_line(p).startswith("50 docs  5.0 docs/s")


def test_store_errors_are_one_line_and_a_nonzero_exit(tmp_path: Path) -> None:
    code, out, err = run("events", "--db", str(tmp_path / "absent.duckdb"))
    assert code == 3 and out == ""
    assert err.startswith("flashpoint: there is no store at ") and len(err.splitlines()) == 1
    code, _, err = run("events", "--db", "postgresql://someone:pw@127.0.0.1:1/none")
    assert code == 3 and len(err.splitlines()) == 1
    assert err.startswith("flashpoint: cannot connect to postgresql://someone:***@127.0.0.1:1")
    assert "is the server running" in err and ":pw@" not in err
    code, _, err = run("events", "--db", str(tmp_path / "x.duckdb"), "--type", "BOMBING")
    assert code == 2 and "unknown event type 'BOMBING'" in err


def test_ingest_refuses_a_bad_worker_count(tmp_path: Path, articles: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", "--db", str(tmp_path / "x.duckdb"), "--workers", "-1", str(articles)]
    )
    assert result.exit_code == 2 and "--workers" in result.stderr
