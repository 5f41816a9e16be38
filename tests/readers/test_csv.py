"""CSV articles: a header row, then one article per row."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from flashpoint.document import Document, content_id
from flashpoint.errors import EncodingError, FormatError
from flashpoint.readers import read_inputs

TEXT_A = "Troops shelled rebel positions outside Goma on Saturday, the army said."
TEXT_B = (
    "Protesters blocked the main road into Lima on Monday.\n\n"
    'Police said 14 people were detained. "We will not leave," one organiser said.'
)
TEXT_C = "The European Union pledged 20 million euros in aid to flood victims in Libya."


def _csv(tmp_path: Path, rows: list[list[str]], name: str = "articles.csv") -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path = tmp_path / name
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_columns_are_read(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        [
            ["id", "date", "title", "url", "text"],
            ["cod-1", "2024-01-13", "Shelling near Goma", "https://news.example/1", TEXT_A],
        ],
    )
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert (doc.id, doc.pub_date, doc.title, doc.url) == (
        "cod-1",
        date(2024, 1, 13),
        "Shelling near Goma",
        "https://news.example/1",
    )
    assert doc.text == TEXT_A
    assert doc.source == f"{path}:2"


def test_quoted_text_over_several_lines_and_row_sources(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        [
            ["id", "pub_date", "text"],
            ["per-1", "2024-01-15", TEXT_B],
            ["lby-1", "2024-01-16", TEXT_C],
        ],
    )
    docs = list(read_inputs([str(path)]))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.text for d in docs if isinstance(d, Document)] == [TEXT_B, TEXT_C]
    # the second article's row starts on line 5: header, then three lines of TEXT_B
    assert [d.source for d in docs if isinstance(d, Document)] == [f"{path}:2", f"{path}:5"]


def test_header_names_are_case_insensitive_and_order_free(tmp_path: Path) -> None:
    path = _csv(tmp_path, [["Text", "Date", "Extra"], [TEXT_C, "2024-01-16", "ignored"]])
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert doc.id == content_id(TEXT_C)
    assert doc.pub_date == date(2024, 1, 16)


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text(f'id,date,text\n\na,2024-01-13,"{TEXT_A}"\n\n', encoding="utf-8")
    docs = list(read_inputs([str(path)]))
    assert [d.id for d in docs if isinstance(d, Document)] == ["a"]
    assert len(docs) == 1


def test_a_long_text_field_is_read(tmp_path: Path) -> None:
    long_text = " ".join([TEXT_A] * 3000)  # about 210 KB, over the csv module's default limit
    path = _csv(tmp_path, [["id", "date", "text"], ["long", "2024-01-13", long_text]])
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text == long_text


def test_no_text_column(tmp_path: Path) -> None:
    path = _csv(tmp_path, [["id", "date", "body"], ["a", "2024-01-13", TEXT_A]])
    (err,) = list(read_inputs([str(path)]))
    assert isinstance(err, FormatError)
    assert "no `text` column" in err.reason
    assert err.source == str(path)


def test_a_row_that_is_not_utf8_is_refused_and_the_others_read(tmp_path: Path) -> None:
    head = b"id,date,text\n"
    row_a = f"a,2024-01-13,{TEXT_A}\n".encode()
    row_bad = "b,2024-01-14,Le ministre a condamné l'attaque.\n".encode("latin-1")
    row_c = f"c,2024-01-16,{TEXT_C}\n".encode()
    path = tmp_path / "mixed.csv"
    path.write_bytes(head + row_a + row_bad + row_c)
    results = list(read_inputs([str(path)]))
    assert [type(r) for r in results] == [Document, EncodingError, Document]
    err = results[1]
    assert isinstance(err, EncodingError)
    assert err.source == f"{path}:3"
    offset = len(head + row_a) + row_bad.index(b"\xe9")
    assert f"byte offset {offset}" in err.reason
