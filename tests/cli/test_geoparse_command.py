"""`flashpoint geoparse`: one JSON object per document, exact offsets, undated input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from flashpoint.cli import main

# invented reports; the first has curly quotes and an accent before the places, so that
# offsets are checked on text that is not plain ASCII
DOCS = [
    {
        "id": "g1",
        "text": "“It’s over,” café owners said. Gunmen attacked a market in Maiduguri, "
        "Borno state, on Monday.",
    },
    {"id": "g2", "text": "Tehran said the talks in Geneva would resume in March."},
]


def _run(args: list[str], stdin: str | None = None) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(main, args, input=stdin)
    lines = [json.loads(ln) for ln in result.stdout.splitlines() if ln.strip()]
    return result.exit_code, lines, result.stderr


def test_one_object_per_document_with_exact_offsets(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS), "utf-8")
    code, lines, _ = _run(["geoparse", str(path)])
    assert code == 0
    assert [ln["doc_id"] for ln in lines] == ["g1", "g2"]
    for doc, line in zip(DOCS, lines, strict=True):
        for place in line["places"]:
            assert doc["text"][place["start"] : place["end"]] == place["text"]
    first = {p["text"]: p for p in lines[0]["places"]}
    assert first["Maiduguri"]["country"] == "NGA"
    assert first["Maiduguri"]["admin1"] == "Borno"
    assert first["Maiduguri"]["geonameid"] and first["Maiduguri"]["feature_code"].startswith("PPL")
    assert first["Borno state"]["precision"] == "admin1"


def test_a_capital_that_speaks_is_a_metonym() -> None:
    code, lines, _ = _run(["geoparse", "-"], json.dumps(DOCS[1]) + "\n")
    places = {p["text"]: p for p in lines[0]["places"]}
    assert places["Tehran"]["kind"] == "metonym" and places["Tehran"]["country"] == "IRN"
    assert places["Geneva"]["kind"] == "literal" and places["Geneva"]["country"] == "CHE"


def test_bad_documents_are_reported_and_the_rest_geoparsed(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "e", "text": ""}\nnot json\n' + json.dumps(DOCS[1]) + "\n", "utf-8")
    code, lines, err = _run(["geoparse", "-o", str(tmp_path / "out.jsonl"), str(path)])
    assert code == 1
    assert "skipped" in err and err.count("skipped") == 2
    out = [json.loads(ln) for ln in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert [o["doc_id"] for o in out] == ["g2"]


def test_plain_text_without_a_date_line_is_all_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "Floods cut the road between Kisumu and Kakamega."
    path.write_text(text, "utf-8")
    code, lines, _ = _run(["geoparse", str(path)])
    assert code == 0
    found = {p["text"]: p for p in lines[0]["places"]}
    assert found["Kisumu"]["country"] == "KEN"
    assert text[found["Kakamega"]["start"] : found["Kakamega"]["end"]] == "Kakamega"


def test_demonyms_are_reported_only_when_asked_for() -> None:
    doc = {"id": "g3", "text": "Turkish jets struck targets near Afrin, officials in Ankara said."}
    _, plain, _ = _run(["geoparse", "-"], json.dumps(doc) + "\n")
    assert [p["text"] for p in plain[0]["places"]] == ["Afrin", "Ankara"]
    code, lines, _ = _run(["geoparse", "--demonyms", "-"], json.dumps(doc) + "\n")
    assert code == 0
    places = {p["text"]: p for p in lines[0]["places"]}
    assert (places["Turkish"]["kind"], places["Turkish"]["country"]) == ("demonym", "TUR")
    assert doc["text"][places["Turkish"]["start"] : places["Turkish"]["end"]] == "Turkish"
    assert places["Afrin"]["kind"] == "literal"
