"""`flashpoint demo`, its printing functions, and the bundled (invented) sample articles."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.cli.code import echo_coded, format_event
from flashpoint.document import Document, Event, EventActor, EventLocation, Trigger
from flashpoint.errors import DateError
from flashpoint.pipeline import CodedDocument
from flashpoint.readers import read_inputs
from flashpoint.samples import SAMPLES_DIR, sample_paths

SENTENCE = "Kyrgyz jets struck border posts near Isfara on Thursday, killing three soldiers."


def _event(**changes: object) -> Event:
    fields: dict[str, object] = {
        "doc_id": "sughd",
        "pub_date": date(2024, 1, 18),
        "event_type": "ASSAULT",
        "mode": "aerial",
        "trigger": Trigger("struck", (12, 18)),
        "sentence": SENTENCE,
        "sentence_span": (0, len(SENTENCE)),
        "sentence_index": 0,
        "actor": EventActor(text="Kyrgyz jets", country="KGZ", sector="MIL"),
        "recipient": EventActor(text="border posts", country="TJK", sector="MIL"),
        "location": EventLocation(text="Isfara", name="Isfara", country="TJK", admin1="Sughd"),
        "date": date(2024, 1, 18),
        "dead": 3,
    }
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def test_format_event_line() -> None:
    assert format_event(_event()) == (
        "ASSAULT/aerial        KGZ MIL -> TJK MIL    2024-01-18  Sughd, TJK          dead=3"
        f"  | struck: {SENTENCE}"
    )


def test_format_event_with_unknown_fields() -> None:
    line = format_event(
        _event(
            mode=None,
            actor=None,
            recipient=EventActor(name="Tajikistan"),
            location=None,
            date=None,
            dead=None,
            arrested=12,
        )
    )
    assert line.startswith("ASSAULT ")
    assert "? -> Tajikistan" in line
    assert "date?" in line
    assert "arrested=12" in line
    assert "dead=" not in line


def test_format_event_clips_long_sentences() -> None:
    long = "Officials said " + "the shelling continued " * 10 + "into the night."
    line = format_event(_event(sentence=long))
    assert line.endswith("…")
    assert len(line.split("| struck: ")[1]) == 80


def test_echo_coded_prints_documents_events_and_totals() -> None:
    doc = Document(id="sughd", text=SENTENCE, pub_date=date(2024, 1, 18), title="Jets strike")
    quiet = Document(id="quiet", text="Nothing happened.", pub_date=date(2024, 1, 19))
    error = DateError("unknown date format 'soon'", source="feed.jsonl:3")
    lines: list[str] = []
    totals = echo_coded(
        [
            CodedDocument("sughd", "a.txt", [_event(), _event(mode="drone")], document=doc),
            CodedDocument("quiet", "b.txt", [], document=quiet),
            CodedDocument("", "feed.jsonl:3", [], error=error),
        ],
        echo=lines.append,
    )
    text = "\n".join(lines)
    assert "sughd  (2024-01-18)  Jets strike" in text
    assert "  ASSAULT/drone " in text
    assert "quiet  (2024-01-19)" in text
    assert "(no events found)" in text
    assert "skipped feed.jsonl:3: unknown date format 'soon'" in text
    assert lines[-1].strip() == "2 articles, 2 events (ASSAULT 2); 1 skipped"
    assert totals["ASSAULT"] == 2


def test_demo_codes_every_sample(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert result.exit_code == 0, result.output
    assert "invented" in result.output
    for path in sample_paths():
        assert f"\n{path.stem}  (2024-01-" in result.output
    assert "\n8 articles, " in result.output
    assert "skipped" not in result.output


def test_samples_are_marked_invented_and_dated_january_2024() -> None:
    paths = sample_paths()
    assert 6 <= len(paths) <= 8
    for path in paths:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("date 2024-01-")
        assert "INVENTED SAMPLE — not a real news report" in first
    readme = (SAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    assert "invented" in readme.lower()


def test_samples_read_cleanly_as_a_timeline() -> None:
    docs = list(read_inputs([str(SAMPLES_DIR)]))
    assert all(isinstance(d, Document) for d in docs)
    dates = [d.pub_date for d in docs if isinstance(d, Document) and d.pub_date is not None]
    assert len(dates) == len(docs)
    assert dates == sorted(dates)
    assert all((d.year, d.month) == (2024, 1) for d in dates)


def test_two_samples_report_the_same_strike_differently() -> None:
    first = (SAMPLES_DIR / "03_batken_strike.txt").read_text(encoding="utf-8")
    second = (SAMPLES_DIR / "04_batken_toll_ambassador.txt").read_text(encoding="utf-8")
    assert "on Tuesday, killing four" in first
    assert "16 January air strike" in second
    assert "Six people were killed" in second


# --- this one needs the events stage ----------------------------------------------------


def test_demo_finds_the_air_strikes(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert result.exit_code == 0, result.output
    assert "ASSAULT" in result.output
    assert "\n8 articles, 0 events" not in result.output


def test_demo_stores_the_samples_and_merges_the_twice_told_strike(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    first = CliRunner().invoke(main, ["demo", "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert f"Stored in {db}: ingested 8 documents" in first.output
    merged = re.search(r"(\d+) distinct events from (\d+) reports", first.output)
    assert merged is not None and int(merged.group(1)) < int(merged.group(2))
    assert "Events by type: ASSAULT" in first.output
    assert "KGZ -> TJK:" in first.output
    # a second run starts from a fresh file: the same summary, not doubled
    second = CliRunner().invoke(main, ["demo", "--db", str(db)])
    assert merged.group(0) in second.output
