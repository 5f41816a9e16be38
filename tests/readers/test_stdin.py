"""Standard input: JSON Lines when it starts with `{`, otherwise one plain-text article."""

from __future__ import annotations

import io
import json
from datetime import date

from flashpoint.document import Document
from flashpoint.errors import DateError, EmptyDocumentError
from flashpoint.readers import ReadOptions, read_stdin

ARTICLE = "Hundreds of farmers marched on the parliament in Warsaw on Wednesday over grain imports."


def _read(data: bytes) -> list[Document | Exception]:
    return list(read_stdin(ReadOptions(), stream=io.BytesIO(data)))


def test_json_lines_are_sniffed() -> None:
    lines = [
        json.dumps({"id": "p1", "date": "2024-01-10", "text": ARTICLE}),
        json.dumps({"id": "p2", "date": "2024-01-11", "text": ARTICLE}),
    ]
    results = _read(("\n\n  " + "\n".join(lines) + "\n").encode())
    assert [r.id for r in results if isinstance(r, Document)] == ["p1", "p2"]
    assert [r.source for r in results if isinstance(r, Document)] == ["<stdin>:3", "<stdin>:4"]


def test_plain_text_is_sniffed() -> None:
    (doc,) = _read(f"date 2024-01-10 Farmers march\n{ARTICLE}\n".encode())
    assert isinstance(doc, Document)
    assert doc.id == "stdin"
    assert doc.source == "<stdin>"
    assert doc.pub_date == date(2024, 1, 10)
    assert doc.title == "Farmers march"
    assert doc.text == ARTICLE + "\n"


def test_plain_text_without_a_date_line() -> None:
    (err,) = _read(ARTICLE.encode())
    assert isinstance(err, DateError)
    assert err.source == "<stdin>"


def test_empty_input() -> None:
    (err,) = _read(b"  \n\n")
    assert isinstance(err, EmptyDocumentError)
    assert "standard input is empty" in err.reason
