"""Saved web pages: the article's text, date, title and canonical URL, and none of the page
furniture (the invented pages in tests/readers/pages)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from _web import FURNITURE, PAGES

from flashpoint.document import Document
from flashpoint.errors import DateError, EmptyDocumentError, FormatError, InputError, TooLargeError
from flashpoint.readers import ReadOptions, read_html, read_inputs
from flashpoint.readers.html import PageFacts, page_document


def _read(path: Path, options: ReadOptions | None = None) -> Document | InputError:
    (result,) = read_html(path, options or ReadOptions())
    return result


def _no_furniture(text: str) -> None:
    found = [f for f in FURNITURE if f.lower() in text.lower()]
    assert not found, f"page furniture in the text: {found}"


def test_a_page_gives_its_article_date_title_and_canonical_url() -> None:
    doc = _read(PAGES / "lagos-protest.html")
    assert isinstance(doc, Document)
    assert doc.id == "lagos-protest"
    assert doc.pub_date == date(2024, 1, 18)  # published, not modified (the 19th)
    assert doc.title == "Police arrest 12 protesters in Lagos"
    assert doc.url == "https://daily-invented.example/news/2024/lagos-fuel-protest"
    assert doc.text.startswith("Police arrested 12 protesters in Lagos on Tuesday")
    assert "the transport unions would resume on Friday." in doc.text
    _no_furniture(doc.text)


def test_the_headline_is_not_part_of_the_text() -> None:
    doc = _read(PAGES / "lagos-protest.html")
    assert isinstance(doc, Document)
    assert "Police arrest 12 protesters in Lagos\n" not in doc.text


def test_a_json_ld_date_is_the_publication_date() -> None:
    doc = _read(PAGES / "border-clash.html")
    assert isinstance(doc, Document)
    assert doc.pub_date == date(2024, 3, 5)
    assert doc.title == "Kyrgyz and Tajik border guards exchange fire in Batken"
    assert doc.text.startswith("Kyrgyz and Tajik border guards exchanged fire near")
    _no_furniture(doc.text)


def test_a_page_without_a_date_is_reported_undated() -> None:
    err = _read(PAGES / "undated.html")
    assert isinstance(err, DateError)
    assert "no publication date" in err.reason
    assert err.source == str(PAGES / "undated.html")


def test_a_date_in_the_text_is_not_taken_for_the_publication_date(tmp_path: Path) -> None:
    page = (PAGES / "undated.html").read_text(encoding="utf-8")
    page = page.replace("met in Tashkent", "met in Tashkent on 12 February 2024")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert isinstance(_read(tmp_path / "p.html"), DateError)


def test_a_caller_s_date_and_title_are_fallbacks() -> None:
    data = (PAGES / "undated.html").read_bytes()
    facts = PageFacts(doc_id="x", title="From the feed", pub_date=date(2024, 2, 20))
    doc = page_document(data, "item", ReadOptions(), facts)
    assert doc.pub_date == date(2024, 2, 20)
    assert doc.title == "Ministers meet to discuss water sharing"  # the page's own wins
    lagos = page_document((PAGES / "lagos-protest.html").read_bytes(), "item", ReadOptions(), facts)
    assert lagos.pub_date == date(2024, 1, 18)  # the page's own date wins


def test_a_page_without_an_article_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text("<html><head><title>Index</title></head><body></body></html>")
    err = _read(path)
    assert isinstance(err, EmptyDocumentError)
    assert "no article text" in err.reason


def test_an_index_page_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "world.html"
    path.write_text(
        '<html><head><meta property="article:published_time" content="2024-01-01">'
        "<title>World news</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World news</a></li></ul></nav><div class='teaser'>"
        "<a href='/a'>Police arrest 12 protesters in Lagos</a></div><div class='teaser'>"
        "<a href='/b'>Border guards exchange fire in Batken</a></div>"
        "<footer>Copyright 2024 The Daily Invented</footer></body></html>"
    )
    err = _read(path)
    assert isinstance(err, EmptyDocumentError), err


def test_a_binary_file_named_html_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    assert isinstance(_read(path), FormatError)


def test_a_page_over_the_limit_is_refused_unread() -> None:
    err = _read(PAGES / "lagos-protest.html", ReadOptions(max_bytes=1000))
    assert isinstance(err, TooLargeError)


def test_pages_in_a_directory_are_read(tmp_path: Path) -> None:
    for name in ("lagos-protest.html", "border-clash.html"):
        shutil.copy(PAGES / name, tmp_path / name)
    shutil.copy(PAGES / "undated.html", tmp_path / "undated.htm")
    results = list(read_inputs([str(tmp_path)]))
    assert [r.id for r in results if isinstance(r, Document)] == ["border-clash", "lagos-protest"]
    assert [type(r) for r in results if isinstance(r, InputError)] == [DateError]


@pytest.mark.parametrize("name", ["lagos-protest", "border-clash"])
def test_the_article_sentences_reach_the_coder(name: str) -> None:
    doc = _read(PAGES / f"{name}.html")
    assert isinstance(doc, Document)
    assert doc.text.count("\n") >= 3  # one paragraph a line
    assert doc.text.rstrip().endswith("describes no real event.")
