"""Directories (recursive, sorted), several inputs at once, and missing paths."""

from __future__ import annotations

import json
from pathlib import Path

from flashpoint.document import Document
from flashpoint.errors import InputError
from flashpoint.readers import article_files, read_inputs

ARTICLE = "Militants attacked a police post near Peshawar on Friday, killing two officers."


def _plain(path: Path, day: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"date 2024-01-{day:02d}\n{ARTICLE}\n", encoding="utf-8")


def _tree(root: Path) -> None:
    _plain(root / "b.txt", 2)
    _plain(root / "a.txt", 1)
    _plain(root / "sub" / "c.txt", 3)
    _plain(root / "sub" / "deeper" / "d.TXT", 4)
    (root / "sub" / "e.jsonl").write_text(
        json.dumps({"id": "e1", "date": "2024-01-05", "text": ARTICLE})
        + "\n"
        + json.dumps({"id": "e2", "date": "2024-01-06", "text": ARTICLE})
        + "\n",
        encoding="utf-8",
    )
    (root / "f.csv").write_text(f'id,date,text\nf1,2024-01-07,"{ARTICLE}"\n', encoding="utf-8")
    (root / "g.json").write_text(json.dumps({"id": "g1", "date": "2024-01-08", "text": ARTICLE}))
    (root / "README.md").write_text("# notes, not an article\n")
    (root / ".hidden.txt").write_text("not read\n")
    _plain(root / ".cache" / "x.txt", 9)


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    results = list(read_inputs([str(tmp_path)]))
    assert all(isinstance(r, Document) for r in results), results
    ids = [r.id for r in results if isinstance(r, Document)]
    assert ids == ["a", "b", "f1", "g1", "c", "d", "e1", "e2"]


def test_only_article_files_are_listed(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in article_files(tmp_path)]
    assert names == [
        "a.txt",
        "b.txt",
        "f.csv",
        "g.json",
        "sub/c.txt",
        "sub/deeper/d.TXT",
        "sub/e.jsonl",
    ]


def test_reading_twice_gives_the_same_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    first = [r.source for r in read_inputs([str(tmp_path)])]
    second = [r.source for r in read_inputs([str(tmp_path)])]
    assert first == second


def test_several_inputs_are_read_in_the_order_given(tmp_path: Path) -> None:
    _plain(tmp_path / "z.txt", 1)
    _plain(tmp_path / "y" / "m.txt", 2)
    results = list(read_inputs([str(tmp_path / "z.txt"), str(tmp_path / "y")]))
    assert [r.id for r in results if isinstance(r, Document)] == ["z", "m"]


def test_a_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing to code\n")
    (err,) = list(read_inputs([str(tmp_path)]))
    assert isinstance(err, InputError)
    assert "no article files" in err.reason
    assert err.source == str(tmp_path)


def test_a_missing_path_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    _plain(tmp_path / "ok.txt", 1)
    missing = tmp_path / "nope.txt"
    results = list(read_inputs([str(missing), str(tmp_path / "ok.txt")]))
    assert isinstance(results[0], InputError)
    assert results[0].source == str(missing)
    assert "no such file" in results[0].reason
    assert isinstance(results[1], Document)
