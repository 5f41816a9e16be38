"""What every command shares: one worker option, one progress bar, export to stdout, quiet
broken pipes, documented exit codes, warnings for unknown actors, aligned tables.

All articles are invented; the stores are real DuckDB files.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import duckdb
import pytest
from click.testing import CliRunner, Result

from flashpoint.cli import main
from flashpoint.cli._common import ExitCode, cores, exit_code_of, worker_count
from flashpoint.cli._known import unknown_actors
from flashpoint.cli._progress import wants_bar
from flashpoint.cli._table import Column, render
from flashpoint.errors import ConfigError, DateError, FlashpointError, ModelError, StoreError

ROOT = Path(__file__).resolve().parents[2]
FLASHPOINT = Path(sys.executable).with_name("flashpoint")

# Invented articles: an air strike with a place, an arrest, and a story with history in it.
STRIKE = """date 2024-03-05 Warplanes strike near the border
Pakistani warplanes bombed militant hideouts near Panjgur on Tuesday, killing six people, \
officials said. Iran condemned the strikes on Wednesday.
"""
ARREST = """date 2024-03-06 Arrests in the capital
Police arrested 30 protesters in Nairobi on Wednesday after a march on parliament.
"""
HISTORY = """date 2024-03-07 Gunmen attack a village
Gunmen killed three farmers near Gusau on Thursday. In 1998, soldiers massacred villagers in \
the same valley.
"""


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of the three invented articles."""
    folder = tmp_path_factory.mktemp("articles")
    for name, text in (("strike", STRIKE), ("arrest", ARREST), ("history", HISTORY)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A DuckDB store of the three invented articles."""
    db = str(tmp_path_factory.mktemp("store") / "store.duckdb")
    result = run("ingest", "--db", db, "--no-progress", str(articles))
    assert result.exit_code == 0, result.output
    return db


# --- one worker option ---------------------------------------------------------------------


@pytest.mark.parametrize("command", ["code", "ingest", "geoparse", "watch"])
def test_every_coding_command_has_the_same_worker_option(command: str) -> None:
    reference = _option("code", "workers")
    option = _option(command, "workers")
    assert option.opts == ["-j", "-w", "--workers"] == reference.opts
    assert (option.default, option.help, repr(option.type)) == (
        reference.default,
        reference.help,
        repr(reference.type),
    )
    assert {"executor", "scheduler"} <= {p.name for p in _command(command).params}


def _command(name: str) -> click.Command:
    assert isinstance(main, click.Group)
    command = main.get_command(click.Context(main), name)
    assert command is not None
    return command


def _option(command: str, name: str) -> click.Option:
    [option] = [p for p in _command(command).params if p.name == name]
    assert isinstance(option, click.Option)
    return option


def test_workers_default_to_one_process_and_zero_means_one_per_core() -> None:
    assert worker_count(None) == 1
    assert worker_count(0) == cores()
    assert worker_count(3) == 3


def test_a_negative_worker_count_is_a_usage_error() -> None:
    for command in ("code", "ingest", "geoparse"):
        result = run(command, "-j", "-1", "-", stdin="")
        assert result.exit_code == ExitCode.USAGE and "--workers" in result.stderr


def test_watch_codes_in_worker_processes_that_serve_every_pass(
    articles: Path, store: str, tmp_path: Path
) -> None:
    db = str(tmp_path / "w.duckdb")
    first = run("watch", "--once", "-j", "2", "--db", db, str(articles))
    assert first.exit_code == 0 and "3 new documents" in first.stdout, first.output
    events = ["events", "--format", "jsonl", "--db"]
    assert run(*events, db).stdout == run(*events, store).stdout


def test_code_and_ingest_take_j(tmp_path: Path) -> None:
    (tmp_path / "arrest.txt").write_text(ARREST, encoding="utf-8")
    coded = run("code", "-j", "1", str(tmp_path / "arrest.txt"))
    assert coded.exit_code == 0 and '"COERCE"' in coded.stdout, coded.output
    db = str(tmp_path / "j.duckdb")
    stored = run("ingest", "-j", "1", "--db", db, str(tmp_path / "arrest.txt"))
    assert stored.exit_code == 0 and "1 stored" in stored.stdout, stored.output


# --- the progress bar ------------------------------------------------------------------


def test_the_bar_shows_only_on_a_terminal_without_quiet_unless_asked() -> None:
    # CliRunner's stderr is not a terminal
    assert wants_bar(None, quiet=False) is False
    assert wants_bar(True, quiet=False) is True
    assert wants_bar(True, quiet=True) is False
    assert wants_bar(False, quiet=False) is False


def test_the_bar_stays_off_a_terminal_the_events_are_written_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert wants_bar(None, quiet=False) is True
    assert wants_bar(None, quiet=False, output_on_terminal=True) is False
    assert wants_bar(None, quiet=True) is False


def test_code_draws_the_bar_when_asked(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in (("strike", STRIKE), ("arrest", ARREST)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = run("code", "--progress", "-o", str(out), str(folder))
    assert result.exit_code == 0, result.output
    assert "docs/s" in result.stderr and "\r" in result.stderr
    assert "2/2 docs" in result.stderr or "2 docs" in result.stderr
    assert result.stderr.rstrip().endswith("0 skipped")  # the bar is cleared before the summary
    plain = run("code", str(folder))
    assert "docs/s" not in plain.stderr and plain.stdout == out.read_text(encoding="utf-8")


def test_quiet_code_prints_events_and_problems_only(tmp_path: Path) -> None:
    (tmp_path / "arrest.txt").write_text(ARREST, encoding="utf-8")
    (tmp_path / "broken.txt").write_text("no date line\nSome text.\n", encoding="utf-8")
    result = run("code", "--quiet", "--progress", str(tmp_path))
    assert result.exit_code == ExitCode.SKIPPED
    assert result.stdout.count("\n") >= 1
    [line] = result.stderr.splitlines()
    assert line.startswith("flashpoint: skipped ") and "broken.txt" in line


def test_quiet_ingest_prints_nothing(tmp_path: Path) -> None:
    (tmp_path / "arrest.txt").write_text(ARREST, encoding="utf-8")
    result = run("ingest", "-q", "--db", str(tmp_path / "q.duckdb"), str(tmp_path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


# --- export -----------------------------------------------------------------------------


def test_export_writes_to_standard_output_by_default(store: str) -> None:
    result = run("export", "--db", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and result.stderr.startswith(f"wrote {len(rows)} event")
    assert "to standard output (csv)" in result.stderr


def test_export_parquet_needs_a_file(store: str) -> None:
    result = run("export", "--db", store, "--format", "parquet")
    assert result.exit_code == ExitCode.USAGE and "-o FILE" in result.stderr


def test_geojson_export_reads_back_as_geojson(store: str) -> None:
    result = run("export", "--db", store, "--format", "geojson")
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    places = {f["properties"]["location_name"] for f in collection["features"]}
    assert "Nairobi" in places


def test_gdelt_csv_export_reads_back_in_csv_and_duckdb(store: str, tmp_path: Path) -> None:
    result = run("export", "--db", store, "--format", "gdelt-csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter=_delimiter(result.stdout)))
    assert rows and {"GLOBALEVENTID", "SQLDATE", "EventCode"} <= set(rows[0])
    path = tmp_path / "gdelt.csv"
    path.write_text(result.stdout, encoding="utf-8")
    query = f"SELECT GLOBALEVENTID, SQLDATE FROM read_csv('{path}')"
    table = duckdb.connect().execute(query).fetchall()
    assert len(table) == len(rows) and len(table[0]) == 2
    assert all(re.fullmatch(r"\d{8}", str(day)) for _, day in table)


def _delimiter(text: str) -> str:
    return "\t" if "\t" in text.partition("\n")[0] else ","


# --- broken pipes ---------------------------------------------------------------------------


def _into_a_closed_pipe(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run flashpoint with standard output a pipe whose reader has gone away."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [str(FLASHPOINT), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            input=stdin,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_events_into_a_closed_pipe_exit_quietly(store: str, fmt: str) -> None:
    done = _into_a_closed_pipe("events", "--db", store, "--format", fmt)
    assert (done.returncode, done.stderr) == (ExitCode.BROKEN_PIPE, "")


def test_code_into_a_closed_pipe_exits_quietly() -> None:
    done = _into_a_closed_pipe("code", "-", stdin=ARREST)
    assert (done.returncode, done.stderr) == (ExitCode.BROKEN_PIPE, "")


def test_events_piped_into_head_exit_quietly(store: str) -> None:
    events = f"'{FLASHPOINT}' events --db '{store}' --format jsonl"
    shell = f"{events} | head -c 1; exit ${{PIPESTATUS[0]}}"
    done = subprocess.run(
        ["bash", "-c", shell], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.stdout == "{" and "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr and "Error" not in done.stderr
    assert done.returncode in (ExitCode.OK, ExitCode.BROKEN_PIPE)  # head may read it all first


# --- exit codes -----------------------------------------------------------------------------


def test_the_readme_table_of_exit_codes_is_the_enum() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.partition("### Exit codes")[2].partition("\n#")[0]
    rows = re.findall(r"^\| `(\d+)` \| `(\w+)` \|", section, flags=re.MULTILINE)
    assert rows == [(str(int(code)), code.name) for code in ExitCode]


def test_help_lists_every_exit_code() -> None:
    result = run("--help")
    assert "Exit codes:" in result.stdout
    for code in ExitCode:
        assert re.search(rf"^\s*{int(code)}\s+\S", result.stdout, flags=re.MULTILINE), code


def test_errors_map_to_exit_codes() -> None:
    assert exit_code_of(ConfigError("bad --since")) == ExitCode.USAGE
    assert exit_code_of(DateError("no date", "a.txt")) == ExitCode.SKIPPED
    assert exit_code_of(StoreError("no store")) == ExitCode.FAILED
    assert exit_code_of(ModelError("no model")) == ExitCode.FAILED
    assert exit_code_of(FlashpointError("other")) == ExitCode.FAILED


def test_a_bad_filter_is_a_usage_error_and_a_missing_store_a_failure(
    store: str, tmp_path: Path
) -> None:
    assert run("events", "--db", store, "--since", "yesterday").exit_code == ExitCode.USAGE
    missing = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == ExitCode.FAILED and "there is no store" in missing.stderr


# --- warnings for unknown actors ------------------------------------------------------------


def test_an_unknown_actor_is_one_warning_and_the_command_goes_on(store: str) -> None:
    result = run("events", "--db", store, "--actor", "XYZ")
    assert result.exit_code == 0
    [warning, count] = result.stderr.splitlines()
    assert warning == (
        "flashpoint: warning: 'XYZ' is not a known actor code or name; it is matched as given "
        "(the result may be empty)"
    )
    assert count == "0 events"


def test_an_unknown_dyad_side_is_a_warning(store: str) -> None:
    result = run("events", "--db", store, "--dyad", "PAK-Nobody Such Group", "--format", "jsonl")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "flashpoint: warning: 'Nobody Such Group' is not a known actor code or name; it is "
        "matched as given (the result may be empty)"
    ]


def test_known_actors_give_no_warning(store: str) -> None:
    result = run("events", "--db", store, "--actor", "PAK,Hamas,UNO", "--dyad", "PAK:MIL-IRN")
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_which_actor_values_are_unknown() -> None:
    assert unknown_actors("irn, Houthis, QQQ", "Blinken,Zorblatt", None) == [
        ("QQQ", "actor code or name"),
        ("Zorblatt", "actor code or name"),
    ]
    assert unknown_actors(None, None, "PAK:XYZ-IRN") == [
        ("XYZ", "sector code (GOV, MIL, REB, CVL, ...)")
    ]
    assert unknown_actors(None, None, "PAK:Baluch Liberation Army-IRN") == []


def test_export_and_report_warn_too(store: str, tmp_path: Path) -> None:
    export = run("export", "--db", store, "--format", "csv", "--recipient", "QQQ")
    assert export.exit_code == 0 and "'QQQ' is not a known actor" in export.stderr
    report = run("report", "--db", store, "--dyad", "PAK-QQQ", "-o", str(tmp_path), "-q")
    assert "'QQQ' is not a known actor" in report.stderr


# --- tables ---------------------------------------------------------------------------------


def test_the_events_table_is_aligned(store: str) -> None:
    result = run("events", "--db", store)
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert rows and all(line == line.rstrip() for line in rows)
    start = header.index("type")
    assert all(row[start - 2 : start] == "  " and row[start] != " " for row in rows)
    end = header.index("dead") + len("dead")  # numbers align right under their header
    assert all(row[end - 1].isdigit() or row[end - 1] == " " for row in rows)


def test_a_table_clips_long_values_and_never_reads_markup(
    capsys: pytest.CaptureFixture[str],
) -> None:
    columns = (Column("name", 8), Column("path", 10, keep_end=True), Column("n", 3, numeric=True))
    render(columns, [("[bold]x[/bold]", "/a/long/path/file.txt", 7), ("abcdefghijkl", "b", None)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["name", "path", "n"]
    assert "[bold]x[/bold]" not in lines[1] and lines[1].startswith("[bold]x…")
    assert "…/file.txt" in lines[1] and lines[1].endswith("7")
    assert lines[2].startswith("abcdefg…")


def test_events_leave_out_history_by_default(store: str) -> None:
    result = run("events", "--db", store, "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(not r["aux"] for r in records)
    assert not any(r["date"] and r["date"].startswith("1998") for r in records)
    assert any(r["date"] == "2024-03-07" for r in records)  # the farmers' killing
