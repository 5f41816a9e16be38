"""`flashpoint resolve-actor`: texts or JSON Lines in, one JSON object per input out."""

from __future__ import annotations

import json

from click.testing import CliRunner, Result

from flashpoint.cli import main


def _run(args: list[str], stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["resolve-actor", *args], input=stdin)


def _records(result: Result) -> list[dict[str, str | None]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_texts_give_one_object_each_in_order() -> None:
    result = _run(["American warplanes", "the Iran-backed Houthis", "the weather"])
    assert result.exit_code == 0, result.output
    assert _records(result) == [
        {"text": "American warplanes", "name": "United States", "country": "USA", "sector": "MIL"},
        {"text": "the Iran-backed Houthis", "name": "Houthis", "country": "YEM", "sector": "REB"},
        {"text": "the weather", "name": None, "country": None, "sector": None},
    ]


def test_date_option_picks_the_office_holder() -> None:
    in_office = _records(_run(["--date", "2024-01-18", "Secretary Blinken", "Blinken"]))
    assert [(r["country"], r["sector"]) for r in in_office] == [("USA", "GOV"), ("USA", "GOV")]
    before = _records(_run(["Blinken", "--date", "2019-05-01"]))
    assert (before[0]["name"], before[0]["sector"]) == ("Antony Blinken", None)


def test_jsonl_from_stdin_with_plain_and_json_lines() -> None:
    stdin = "\n".join(
        [
            "Tehran",
            "",
            json.dumps({"text": "Blinken", "date": "2023-03-01"}),
            json.dumps({"text": "Blinken"}),
            "four Saudi men",
        ]
    )
    result = _run(["--jsonl", "-", "--date", "2019-01-01"], stdin=stdin + "\n")
    assert result.exit_code == 0, result.output
    got = [(r["text"], r["country"], r["sector"]) for r in _records(result)]
    assert got == [
        ("Tehran", "IRN", "GOV"),
        ("Blinken", "USA", "GOV"),  # its own date
        ("Blinken", "USA", None),  # the --date default: not in office in 2019
        ("four Saudi men", "SAU", "CVL"),
    ]


def test_bad_date_is_one_line_and_exit_2() -> None:
    result = _run(["--date", "18/01/2024", "Hamas"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "YYYY-MM-DD" in lines[0]
    assert "Traceback" not in result.stderr


def test_bad_date_on_a_jsonl_line_names_the_line() -> None:
    stdin = "Hamas\n" + json.dumps({"text": "Blinken", "date": "last week"}) + "\n"
    result = _run(["--jsonl", "-"], stdin=stdin)
    assert result.exit_code == 2
    assert _records(result)[0]["name"] == "Hamas"  # lines before the bad one were written
    assert "line 2" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_bad_json_line_and_missing_text_exit_2() -> None:
    broken = _run(["--jsonl", "-"], stdin='{"text": "Hamas"\n')
    assert broken.exit_code == 2 and "line 1: not valid JSON" in broken.stderr
    no_text = _run(["--jsonl", "-"], stdin='{"date": "2024-01-01"}\n')
    assert no_text.exit_code == 2 and '"text"' in no_text.stderr


def test_no_input_or_both_inputs_exit_2() -> None:
    nothing = _run([])
    assert nothing.exit_code == 2 and "--jsonl" in nothing.stderr
    both = _run(["--jsonl", "-", "Hamas"], stdin="Iraq\n")
    assert both.exit_code == 2 and "not both" in both.stderr
