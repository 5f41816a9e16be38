"""`flashpoint code`: inputs, output, workers, skipped documents, exit codes, JSON errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from flashpoint.cli import main
from flashpoint.cli.code import Outcome, code_outcomes, write_outcomes
from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.errors import FlashpointError, ModelError
from flashpoint.ontology import load_ontology
from flashpoint.readers import read_inputs
from flashpoint.stages.base import register_stage

ARREST = "Police arrested 40 protesters in Nairobi on Monday."
ARTICLES = [
    ARREST,
    "Soldiers shot dead five villagers near Maiduguri on Sunday, residents said.",
    "The United States imposed sanctions on two Venezuelan officials on Friday.",
    "Rebels kidnapped 12 aid workers outside Goma on Tuesday, the UN said.",
]


def _run(args: list[str], stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, args, input=stdin)


def _record(doc_id: str, text: str, day: int = 15) -> str:
    return json.dumps({"id": doc_id, "date": f"2024-01-{day:02d}", "text": text})


def _jsonl(tmp_path: Path, lines: list[str], name: str = "feed.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _events(output: str) -> list[dict[str, object]]:
    records = [json.loads(line) for line in output.splitlines() if line.strip()]
    assert all(isinstance(r, dict) for r in records)
    return records


def _assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "nairobi.txt"
    path.write_text(f"date 2024-01-16 Arrests in Nairobi\n{ARREST}\n", encoding="utf-8")
    result = _run(["code", "--workers", "1", str(path)])
    assert result.exit_code == 0, result.output
    for event in _events(result.stdout):
        assert event["doc_id"] == "nairobi"
        assert event["pub_date"] == "2024-01-16"
    assert "flashpoint: coded 1 document, " in result.stderr
    assert "; 0 skipped" in result.stderr


def test_json_lines_on_standard_input() -> None:
    stdin = "\n".join([_record("a", ARTICLES[0]), _record("b", ARTICLES[1])]) + "\n"
    result = _run(["code", "--workers", "1", "-"], stdin=stdin)
    assert result.exit_code == 0, result.output
    assert {e["doc_id"] for e in _events(result.stdout)} <= {"a", "b"}
    assert "coded 2 documents" in result.stderr


def test_plain_text_on_standard_input() -> None:
    result = _run(["code", "-w", "1", "-"], stdin=f"date 2024-01-16\n{ARREST}\n")
    assert result.exit_code == 0, result.output
    assert "coded 1 document" in result.stderr


def test_output_file(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path, [_record("a", ARTICLES[0])])
    out = tmp_path / "events.jsonl"
    result = _run(["code", "--workers", "1", "-o", str(out), str(feed)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.exists()
    for event in _events(out.read_text(encoding="utf-8")):
        assert event["doc_id"] == "a"


def test_bad_documents_are_skipped_with_one_line_each(tmp_path: Path) -> None:
    feed = _jsonl(
        tmp_path,
        [
            _record("a", ARTICLES[0]),
            '{"id": "broken", "text": ',
            json.dumps({"id": "nodate", "text": ARTICLES[1]}),
            _record("d", ARTICLES[3]),
        ],
    )
    result = _run(["code", "--workers", "1", str(feed)])
    assert result.exit_code == 1
    _assert_no_traceback(result)
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert skipped[0].startswith(f"flashpoint: skipped {feed}:2: line 2 is not valid JSON")
    assert skipped[1].startswith(f"flashpoint: skipped {feed}:3: the record has no publication")
    assert result.stderr.rstrip().splitlines()[-1].startswith("flashpoint: coded 2 documents, ")
    assert result.stderr.rstrip().endswith("; 2 skipped")
    assert {e["doc_id"] for e in _events(result.stdout)} <= {"a", "d"}


def test_json_errors(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path, [_record("a", ARTICLES[0]), "[1, 2]"])
    result = _run(["code", "--workers", "1", "--json-errors", str(feed)])
    assert result.exit_code == 1
    error, summary = (json.loads(line) for line in result.stderr.splitlines())
    assert error["error"] == "format_error"
    assert error["message"].startswith(f"{feed}:2: ")
    assert set(error) == {"error", "message"}
    assert summary["summary"]["documents"] == 1
    assert summary["summary"]["skipped"] == 1


def test_an_unreadable_file_among_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(f"date 2024-01-16\n{ARREST}\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = _run(["code", "-w", "1", str(binary), str(good)])
    assert result.exit_code == 1
    _assert_no_traceback(result)
    assert f"flashpoint: skipped {binary}: this looks like a binary file" in result.stderr
    assert "coded 1 document" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["code"], ["code", "no/such/file.txt"], ["code", "-j", "-1", "-"], ["code", "--bad"]],
    ids=["no-input", "missing-file", "negative-workers", "unknown-option"],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = _run(args, stdin="")
    assert result.exit_code == 2
    _assert_no_traceback(result)


def test_two_workers(tmp_path: Path) -> None:
    lines = [_record(f"d{i}", text, day=10 + i) for i, text in enumerate(ARTICLES)]
    feed = _jsonl(tmp_path, [*lines, '{"id": "bad"'])
    result = _run(["code", "--workers", "2", str(feed)])
    assert result.exit_code == 1, result.output
    _assert_no_traceback(result)
    assert f"flashpoint: skipped {feed}:5: line 5 is not valid JSON" in result.stderr
    assert "coded 4 documents, " in result.stderr
    order = [str(e["doc_id"]) for e in _events(result.stdout)]
    assert order == sorted(order)  # ids d0..d3 were given in this order


def test_pool_keeps_input_order_and_errors_in_place(tmp_path: Path) -> None:
    lines = [_record(f"d{i}", ARTICLES[i % 4]) for i in range(7)]
    lines.insert(3, "not json")
    feed = _jsonl(tmp_path, lines)
    outcomes = list(code_outcomes(read_inputs([str(feed)]), CoderConfig(), 2, batch_size=2))
    assert [o.source for o in outcomes] == [f"{feed}:{n}" for n in range(1, 9)]
    assert [o.ok for o in outcomes] == [True, True, True, False, True, True, True, True]


def test_a_missing_model_is_one_clear_error(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path, [_record("a", ARREST)])
    config = CoderConfig(model="flashpoint_test_no_such_model")
    with pytest.raises(ModelError, match="not installed"):
        list(code_outcomes(read_inputs([str(feed)]), config, workers=1))


def test_a_missing_model_in_the_workers_stops_the_run(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path, [_record("a", ARREST), _record("b", ARREST)])
    config = CoderConfig(model="flashpoint_test_no_such_model")
    outcomes = code_outcomes(read_inputs([str(feed)]), config, workers=2)
    with pytest.raises(FlashpointError, match="not installed") as info:
        write_outcomes(outcomes, out=io.StringIO(), json_errors=False)
    assert info.value.to_dict()["error"] == "model_error"


class _FailsOnSomeDocuments:
    """A test stage with a bug: it fails on documents that mention Goma."""

    name = "test_fails_on_goma"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        if "Goma" in doc.text:
            raise ValueError("unexpected token")
        return doc


@register_stage("flashpoint.test_fails_on_goma.v1")
def _make_failing_stage(config: CoderConfig) -> _FailsOnSomeDocuments:
    return _FailsOnSomeDocuments()


def test_a_stage_failing_on_one_document_skips_only_that_document(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path, [_record(f"d{i}", text) for i, text in enumerate(ARTICLES)])
    config = CoderConfig(stages=("test_fails_on_goma",))
    outcomes = list(code_outcomes(read_inputs([str(feed)]), config, workers=1))
    assert [o.ok for o in outcomes] == [True, True, True, False]
    failed = outcomes[3]
    assert failed.error is not None and failed.error["error"] == "internal_error"
    assert failed.reason is not None
    assert "ValueError: unexpected token" in failed.reason
    assert failed.source == f"{feed}:4"


@register_stage("flashpoint.test_cannot_start.v1")
def _make_broken_stage(config: CoderConfig) -> _FailsOnSomeDocuments:
    raise RuntimeError("the stage's data file is corrupt")


def test_a_coder_that_cannot_start_in_the_workers_stops_the_run(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path, [_record("a", ARREST), _record("b", ARREST), _record("c", ARREST)])
    config = CoderConfig(stages=("test_cannot_start",))
    outcomes = code_outcomes(read_inputs([str(feed)]), config, workers=2)
    with pytest.raises(FlashpointError) as info:
        write_outcomes(outcomes, out=io.StringIO(), json_errors=False)
    assert info.value.code in {"internal_error", "pipeline_error"}


def test_a_fatal_outcome_stops_the_run() -> None:
    fatal = Outcome(
        source=None, error={"error": "model_error", "message": "gone"}, reason="gone", fatal=True
    )
    with pytest.raises(FlashpointError) as info:
        write_outcomes([fatal], out=io.StringIO(), json_errors=False)
    assert info.value.to_dict() == {"error": "model_error", "message": "gone"}


# --- these need the events stage: they check that events come out --------------------


def test_an_arrest_is_coded_as_valid_json_lines() -> None:
    result = _run(["code", "-w", "1", "-"], stdin=_record("nbo", ARREST) + "\n")
    assert result.exit_code == 0, result.output
    events = _events(result.stdout)
    assert len(events) > 0
    types = set(load_ontology().types)
    for event in events:
        assert event["doc_id"] == "nbo"
        assert event["pub_date"] == "2024-01-15"
        assert event["event_type"] in types
    noun = "event" if len(events) == 1 else "events"
    assert f"coded 1 document, {len(events)} {noun}; 0 skipped" in result.stderr


def test_two_workers_write_events_in_input_order(tmp_path: Path) -> None:
    lines = [_record(f"d{i}", ARREST, day=10 + i) for i in range(6)]
    result = _run(["code", "--workers", "2", str(_jsonl(tmp_path, lines))])
    assert result.exit_code == 0, result.output
    order = [str(e["doc_id"]) for e in _events(result.stdout)]
    assert len(set(order)) == 6
    assert order == sorted(order)


def test_running_totals_and_history_are_written_only_with_keep_background() -> None:
    stdin = _record(
        "bg",
        "Gunmen killed four farmers near Gusau on Sunday. The fighting has killed more than "
        "50,000 people since 2011. In 1999, soldiers massacred villagers in the valley.",
    )
    plain = _run(["code", "-w", "1", "-"], stdin=stdin)
    assert plain.exit_code == 0, plain.output
    assert [e["aux"] for e in _events(plain.stdout)] == [[]]
    kept = _run(["code", "-w", "1", "--keep-background", "-"], stdin=stdin)
    assert kept.exit_code == 0, kept.output
    flags = sorted(tuple(e["aux"]) for e in _events(kept.stdout))  # type: ignore[arg-type]
    assert flags == [(), ("aggregate",), ("background",)]
