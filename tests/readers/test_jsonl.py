"""JSON Lines (and `.json`) articles: fields, ids, sources, streaming."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from flashpoint.document import Document, content_id
from flashpoint.errors import DateError
from flashpoint.readers import ReadOptions, read_inputs, read_jsonl_chunks
from flashpoint.readers.base import iter_lines

TEXT_A = "Rebels shelled the northern town of Kidal on Sunday, killing three civilians."
TEXT_B = "The foreign minister met his Ghanaian counterpart in Accra on Monday to discuss trade."
TEXT_C = "Police in Dhaka arrested 25 opposition activists after a rally turned violent."


def _jsonl(tmp_path: Path, records: list[object], name: str = "feed.jsonl") -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _docs(path: Path) -> list[Document]:
    results = list(read_inputs([str(path)]))
    assert all(isinstance(r, Document) for r in results), results
    return [r for r in results if isinstance(r, Document)]


def test_fields_are_read(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        [
            {
                "id": "mli-1",
                "date": "2024-01-14",
                "title": "Town shelled",
                "url": "https://news.example/mli-1",
                "text": TEXT_A,
                "section": "world",
            }
        ],
    )
    (doc,) = _docs(path)
    assert doc.id == "mli-1"
    assert doc.pub_date == date(2024, 1, 14)
    assert doc.title == "Town shelled"
    assert doc.url == "https://news.example/mli-1"
    assert doc.text == TEXT_A
    assert doc.source == f"{path}:1"


def test_pub_date_is_accepted_for_date(tmp_path: Path) -> None:
    (doc,) = _docs(_jsonl(tmp_path, [{"id": "x", "pub_date": "2024-01-15", "text": TEXT_B}]))
    assert doc.pub_date == date(2024, 1, 15)


def test_title_is_not_part_of_the_text(tmp_path: Path) -> None:
    record = {"id": "x", "date": "2024-01-15", "title": "Ministers meet", "text": TEXT_B}
    (doc,) = _docs(_jsonl(tmp_path, [record]))
    assert doc.text == TEXT_B


def test_missing_id_gets_a_stable_content_hash(tmp_path: Path) -> None:
    record = {"date": "2024-01-15", "text": TEXT_B}
    (first,) = _docs(_jsonl(tmp_path, [record], "one.jsonl"))
    (second,) = _docs(_jsonl(tmp_path, [record], "two.jsonl"))
    assert first.id == content_id(TEXT_B) == second.id
    assert first.id.startswith("doc_")


def test_numeric_id_becomes_a_string(tmp_path: Path) -> None:
    (doc,) = _docs(_jsonl(tmp_path, [{"id": 7, "date": "2024-01-15", "text": TEXT_C}]))
    assert doc.id == "7"


def test_blank_lines_are_ignored_and_sources_keep_line_numbers(tmp_path: Path) -> None:
    a = json.dumps({"id": "a", "date": "2024-01-14", "text": TEXT_A})
    c = json.dumps({"id": "c", "date": "2024-01-16", "text": TEXT_C})
    path = _jsonl(tmp_path, [a, "", "   ", c])
    docs = _docs(path)
    assert [d.id for d in docs] == ["a", "c"]
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:4"]


def test_reading_is_streamed(tmp_path: Path) -> None:
    """The first document comes out before the rest of the input is read."""
    first = json.dumps({"id": "a", "date": "2024-01-14", "text": TEXT_A}).encode() + b"\n"

    def chunks() -> Iterator[bytes]:
        yield first
        raise AssertionError("read past the first line before it was needed")

    results = read_jsonl_chunks(chunks(), "<test>", ReadOptions())
    doc = next(results)
    assert isinstance(doc, Document)
    assert doc.id == "a"


def test_lines_split_across_chunks() -> None:
    data = b'{"a": 1}\n{"b": 22}\n{"c": 333}'
    chunks = iter([data[i : i + 3] for i in range(0, len(data), 3)])
    lines = list(iter_lines(chunks, max_bytes=100))
    assert [line.data for line in lines] == [b'{"a": 1}', b'{"b": 22}', b'{"c": 333}']
    assert [line.offset for line in lines] == [0, 9, 19]
    assert [line.number for line in lines] == [1, 2, 3]


def test_an_over_long_line_is_dropped_without_being_kept() -> None:
    chunks = iter([b"short\n", b"x" * 50, b"x" * 50, b"x" * 50, b"\nafter\n"])
    lines = list(iter_lines(chunks, max_bytes=60))
    assert [(line.data, line.size) for line in lines] == [
        (b"short", 5),
        (None, 150),
        (b"after", 5),
    ]
    assert lines[2].offset == 6 + 151


def test_json_file_with_one_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "j", "date": "2024-01-17", "text": TEXT_A}, indent=2))
    (doc,) = _docs(path)
    assert doc.id == "j"
    assert doc.source == str(path)


def test_json_file_with_an_array(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    records = [
        {"id": "j1", "date": "2024-01-17", "text": TEXT_A},
        {"id": "j2", "date": "2024-01-18", "text": TEXT_B},
    ]
    path.write_text(json.dumps(records, indent=1))
    docs = _docs(path)
    assert [d.id for d in docs] == ["j1", "j2"]
    assert docs[1].source == f"{path}[1]"


def test_json_file_that_holds_json_lines(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        [
            {"id": "l1", "date": "2024-01-17", "text": TEXT_A},
            {"id": "l2", "date": "2024-01-18", "text": TEXT_C},
        ],
        name="lines.json",
    )
    assert [d.id for d in _docs(path)] == ["l1", "l2"]


def test_the_date_is_optional_when_not_required(tmp_path: Path) -> None:
    path = tmp_path / "undated.jsonl"
    path.write_text('{"id": "u1", "text": "  Floods hit Sylhet.  "}\n', encoding="utf-8")
    refused = list(read_inputs([str(path)]))
    assert isinstance(refused[0], DateError)
    (doc,) = list(read_inputs([str(path)], require_date=False))
    assert isinstance(doc, Document) and doc.pub_date is None
    assert doc.text == "  Floods hit Sylhet.  "  # exactly as given: offsets index into it
