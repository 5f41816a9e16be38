"""Bad input: each case gives a typed `InputError` naming the document, and the run goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.document import Document
from flashpoint.errors import (
    DateError,
    EmptyDocumentError,
    EncodingError,
    FormatError,
    InputError,
    LanguageError,
    TooLargeError,
)
from flashpoint.readers import ReadResult, read_inputs

GOOD = (
    "Security forces fired tear gas at demonstrators in the capital on Thursday, and the "
    "interior ministry said 30 people had been detained after shops were looted."
)
GOOD_LINE = json.dumps({"id": "good", "date": "2024-01-11", "text": GOOD})

SPANISH = (
    "El gobierno anunció el lunes un nuevo paquete de medidas para frenar la subida de los "
    "precios de los alimentos, que según los sindicatos ha golpeado sobre todo a las familias "
    "con menos ingresos. La oposición criticó el plan y pidió la comparecencia del ministro de "
    "Economía en el Congreso para explicar cómo se financiará."
)
GERMAN = (
    "Die Polizei hat am Montag in der Hauptstadt mehrere Demonstranten festgenommen, nachdem "
    "es bei einer Kundgebung gegen die Regierung zu Ausschreitungen gekommen war. Nach Angaben "
    "der Behörden wurden dabei auch zwei Beamte leicht verletzt; die Ermittlungen dauern an."
)
RUSSIAN = (
    "Министерство иностранных дел в понедельник вызвало посла соседней страны в связи с "
    "обстрелом пограничного поселка, в результате которого пострадали мирные жители. "
    "В заявлении ведомства говорится, что ответственность лежит на военных."
)


def _read(path: Path, max_bytes: int | None = None) -> list[ReadResult]:
    if max_bytes is None:
        return list(read_inputs([str(path)]))
    return list(read_inputs([str(path)], max_bytes=max_bytes))


def _one_error(path: Path, kind: type[InputError], max_bytes: int | None = None) -> InputError:
    (err,) = _read(path, max_bytes)
    assert isinstance(err, kind), err
    assert err.source is not None and str(path) in err.source
    return err


def _plain(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(f"date 2024-01-11\n{text}\n", encoding="utf-8")
    return path


def _jsonl(tmp_path: Path, lines: list[str], name: str = "feed.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- empty, binary, encoding ---------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.csv", "empty.json"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    err = _one_error(path, EmptyDocumentError)
    assert "empty" in err.reason


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n\t\n")
    _one_error(path, EmptyDocumentError)


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    err = _one_error(path, FormatError)
    assert "binary" in err.reason


def test_binary_file_with_many_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"date 2024-01-11\n" + bytes(range(1, 32)) * 40)
    err = _one_error(path, FormatError)
    assert "binary" in err.reason


def test_binary_csv(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 50)
    _one_error(path, FormatError)


def test_binary_text_inside_a_json_line(tmp_path: Path) -> None:
    line = json.dumps({"id": "nul", "date": "2024-01-11", "text": "ab\u0000cd" * 10})
    results = _read(_jsonl(tmp_path, [line, GOOD_LINE]))
    assert isinstance(results[0], FormatError)
    assert isinstance(results[1], Document)


def test_latin1_plain_text_reports_the_byte_offset(tmp_path: Path) -> None:
    content = "date 2024-01-11\nThe minister condemned the attack on the café in Bamako.\n"
    data = content.encode("latin-1")
    path = tmp_path / "latin1.txt"
    path.write_bytes(data)
    err = _one_error(path, EncodingError)
    offset = data.index(b"\xe9")
    assert f"byte offset {offset}" in err.reason
    assert "0xe9" in err.reason
    assert "UTF-8" in err.reason


def test_latin1_json_line_reports_the_byte_offset_in_the_file(tmp_path: Path) -> None:
    bad = '{"id": "b", "date": "2024-01-11", "text": "Le président a été réélu."}'
    data = (GOOD_LINE + "\n").encode() + bad.encode("latin-1") + b"\n" + GOOD_LINE.encode()
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(data)
    results = _read(path)
    assert [type(r) for r in results] == [Document, EncodingError, Document]
    err = results[1]
    assert isinstance(err, EncodingError)
    assert err.source == f"{path}:2"
    offset = data.index(b"\xe9")
    assert f"byte offset {offset}" in err.reason


# --- too large -----------------------------------------------------------------------


def test_too_large_plain_text_with_a_small_limit(tmp_path: Path) -> None:
    err = _one_error(_plain(tmp_path, GOOD * 5), TooLargeError, max_bytes=200)
    assert "limit of 200" in err.reason


def test_too_large_json_line_with_a_small_limit(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "date": "2024-01-11", "text": GOOD * 5})
    results = _read(_jsonl(tmp_path, [big, GOOD_LINE]), max_bytes=400)
    assert isinstance(results[0], TooLargeError)
    assert results[0].source is not None and results[0].source.endswith(":1")
    assert isinstance(results[1], Document)


def test_too_large_csv_row_with_a_small_limit(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f'id,date,text\nbig,2024-01-11,"{GOOD * 5}"\nok,2024-01-11,"{GOOD}"\n')
    results = _read(path, max_bytes=400)
    assert [type(r) for r in results] == [TooLargeError, Document]


def test_a_50_mb_article_is_refused_by_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    paragraph = (GOOD + "\n\n").encode()
    with path.open("wb") as f:
        f.write(b"date 2024-01-11\n")
        f.write(paragraph * (50 * 1024 * 1024 // len(paragraph)))
    err = _one_error(path, TooLargeError)
    assert "more than the limit of 10,485,760" in err.reason


def test_a_50_mb_json_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as f:
        f.write(b'{"id": "huge", "date": "2024-01-11", "text": "')
        f.write(b"word " * (10 * 1024 * 1024))
        f.write(b'"}\n' + GOOD_LINE.encode() + b"\n")
    results = _read(path)
    assert [type(r) for r in results] == [TooLargeError, Document]
    assert results[0].source == f"{path}:1"


# --- JSON and dates ------------------------------------------------------------------


def test_malformed_json_line_names_the_line(tmp_path: Path) -> None:
    broken = '{"id": "x", "date": "2024-01-11", "text": "Troops withdrew from the town.'
    results = _read(_jsonl(tmp_path, [GOOD_LINE, broken, GOOD_LINE]))
    assert [type(r) for r in results] == [Document, FormatError, Document]
    err = results[1]
    assert isinstance(err, FormatError)
    assert "line 2 is not valid JSON" in err.reason
    assert err.source is not None and err.source.endswith(":2")


def test_json_line_that_is_not_an_object(tmp_path: Path) -> None:
    results = _read(_jsonl(tmp_path, ['["a", "list"]', GOOD_LINE]))
    assert isinstance(results[0], FormatError)
    assert "not an object" in results[0].reason


def test_text_that_is_not_a_string(tmp_path: Path) -> None:
    line = json.dumps({"id": "n", "date": "2024-01-11", "text": 42})
    (err,) = _read(_jsonl(tmp_path, [line]))
    assert isinstance(err, FormatError)
    assert '"text" must be a string' in err.reason


def test_missing_text(tmp_path: Path) -> None:
    (err,) = _read(_jsonl(tmp_path, [json.dumps({"id": "t", "date": "2024-01-11"})]))
    assert isinstance(err, FormatError)
    assert 'no "text" field' in err.reason


def test_missing_date(tmp_path: Path) -> None:
    (err,) = _read(_jsonl(tmp_path, [json.dumps({"id": "nd", "text": GOOD})]))
    assert isinstance(err, DateError)
    assert "no publication date" in err.reason
    assert "YYYY-MM-DD" in err.reason


def test_missing_date_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "nodate.csv"
    path.write_text(f'id,date,text\na,,"{GOOD}"\n')
    (err,) = _read(path)
    assert isinstance(err, DateError)
    assert err.source == f"{path}:2"


def test_unknown_date_format(tmp_path: Path) -> None:
    line = json.dumps({"id": "ud", "date": "the 11th of Jan.", "text": GOOD})
    (err,) = _read(_jsonl(tmp_path, [line]))
    assert isinstance(err, DateError)
    assert "unknown date format" in err.reason


def test_unknown_date_format_in_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text(f"date 11.01.2024\n{GOOD}\n")
    err = _one_error(path, DateError)
    assert "unknown date format '11.01.2024'" in err.reason


# --- language ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [SPANISH, GERMAN, RUSSIAN], ids=["es", "de", "ru"])
def test_non_english_text(tmp_path: Path, text: str) -> None:
    err = _one_error(_plain(tmp_path, text), LanguageError)
    assert err.code == "not_english"
    assert "English" in err.reason


def test_non_english_can_be_let_through(tmp_path: Path) -> None:
    results = list(read_inputs([str(_plain(tmp_path, SPANISH))], check_language=False))
    assert isinstance(results[0], Document)


def test_short_foreign_phrases_in_english_text_are_fine(tmp_path: Path) -> None:
    text = GOOD + ' Marchers chanted "¡No pasarán!" and "Das Volk sind wir" outside parliament.'
    (doc,) = _read(_plain(tmp_path, text))
    assert isinstance(doc, Document)


def test_bad_documents_do_not_stop_the_run(tmp_path: Path) -> None:
    lines = [
        GOOD_LINE,
        "{not json",
        json.dumps({"id": "nd", "text": GOOD}),
        json.dumps({"id": "es", "date": "2024-01-11", "text": SPANISH}),
        json.dumps({"id": "empty", "date": "2024-01-11", "text": "   "}),
        GOOD_LINE,
    ]
    results = _read(_jsonl(tmp_path, lines))
    assert [type(r) for r in results] == [
        Document,
        FormatError,
        DateError,
        LanguageError,
        EmptyDocumentError,
        Document,
    ]
