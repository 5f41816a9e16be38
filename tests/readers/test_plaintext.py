"""The plain-text format: `date YYYY-MM-DD [headline]` on the first line, then the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flashpoint.document import Document
from flashpoint.errors import DateError, EmptyDocumentError
from flashpoint.readers import ReadOptions, parse_pub_date, read_inputs, read_plaintext

HEADLINE = "Border guards exchange fire as talks stall."
BODY = (
    "\nSoldiers from the two neighbouring states exchanged fire across the river on Tuesday, "
    "killing one guard, officials said.\n\nBoth governments blamed the other for the clash."
)


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def _read_one(path: Path) -> Document:
    doc = read_plaintext(path, ReadOptions())
    assert isinstance(doc, Document), doc
    return doc


def test_seed_style_file_with_leading_space_and_headline(tmp_path: Path) -> None:
    path = _write(tmp_path, "000_river_clash.txt", f" date 2024-01-18 {HEADLINE}\n{BODY}")
    doc = _read_one(path)
    assert doc.id == "000_river_clash"
    assert doc.pub_date == date(2024, 1, 18)
    assert doc.title == HEADLINE
    assert doc.text == BODY
    assert doc.source == str(path)
    assert doc.url is None


def test_headline_is_not_part_of_the_coded_text(tmp_path: Path) -> None:
    doc = _read_one(_write(tmp_path, "a.txt", f"date 2024-01-18 {HEADLINE}\n{BODY}"))
    assert "talks stall" not in doc.text


def test_spans_are_offsets_into_the_text_after_the_first_line(tmp_path: Path) -> None:
    first = f"date 2024-01-18 {HEADLINE}\n"
    doc = _read_one(_write(tmp_path, "a.txt", first + BODY))
    start = doc.text.index("killing one guard")
    assert doc.text[start : start + len("killing")] == "killing"
    assert start == (first + BODY).index("killing one guard") - len(first)


def test_date_line_without_headline(tmp_path: Path) -> None:
    doc = _read_one(_write(tmp_path, "b.txt", f"date 2024-02-29\n{BODY}"))
    assert doc.pub_date == date(2024, 2, 29)
    assert doc.title is None
    assert doc.text == BODY


@pytest.mark.parametrize("first", ["DATE 2024-01-18", "date: 2024-01-18", "  date\t2024-01-18 "])
def test_date_line_variants(tmp_path: Path, first: str) -> None:
    doc = _read_one(_write(tmp_path, "c.txt", f"{first}\n{BODY}"))
    assert doc.pub_date == date(2024, 1, 18)


def test_windows_line_endings_and_byte_order_mark(tmp_path: Path) -> None:
    content = f"date 2024-01-18 {HEADLINE}\r\nThe army said two soldiers were hurt.\r\n"
    doc = _read_one(_write(tmp_path, "d.txt", b"\xef\xbb\xbf" + content.encode("utf-8")))
    assert doc.pub_date == date(2024, 1, 18)
    assert doc.title == HEADLINE
    assert doc.text == "The army said two soldiers were hurt.\r\n"


def test_first_line_that_is_not_a_date_line_names_the_file_and_the_fix(tmp_path: Path) -> None:
    path = _write(tmp_path, "nodate.txt", f"{HEADLINE}\n{BODY}")
    err = read_plaintext(path, ReadOptions())
    assert isinstance(err, DateError)
    assert err.source == str(path)
    assert "date YYYY-MM-DD" in err.reason
    assert str(path) in str(err)


def test_date_line_with_an_unreadable_date(tmp_path: Path) -> None:
    err = read_plaintext(_write(tmp_path, "x.txt", f"date 18/01/24\n{BODY}"), ReadOptions())
    assert isinstance(err, DateError)
    assert "unknown date format '18/01/24'" in err.reason
    assert "YYYY-MM-DD" in err.reason


def test_date_line_but_no_text(tmp_path: Path) -> None:
    err = read_plaintext(
        _write(tmp_path, "y.txt", "date 2024-01-18 Headline only\n\n  \n"), ReadOptions()
    )
    assert isinstance(err, EmptyDocumentError)
    assert "no article text" in err.reason


def test_any_other_extension_is_read_as_plain_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "wire.story", f"date 2024-01-18\n{BODY}")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert doc.id == "wire"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-18", date(2024, 1, 18)),
        ("2024-01-18T09:30:00Z", date(2024, 1, 18)),
        ("2024/01/18", date(2024, 1, 18)),
        ("18 January 2024", date(2024, 1, 18)),
        ("Jan 18, 2024", date(2024, 1, 18)),
        ("Thursday, 18 January 2024", date(2024, 1, 18)),
        ("Thu, 18 Jan 2024 09:30:00 +0000", date(2024, 1, 18)),
    ],
)
def test_parse_pub_date_formats(value: str, expected: date) -> None:
    assert parse_pub_date(value) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "2024-13-45", "18.01.2024"])
def test_parse_pub_date_refuses_what_it_cannot_read(value: str) -> None:
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        parse_pub_date(value, source="feed.jsonl:3")
