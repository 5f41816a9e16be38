"""URLs, URL lists and RSS/Atom feeds, read from a local server: each page's own date, title
and URL, stable ids, and a clear reason for every page that cannot be fetched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from _web import FEED_ITEMS, FURNITURE, Web, rss

from flashpoint.document import Document
from flashpoint.errors import (
    ContentTypeError,
    DateError,
    FetchTimeoutError,
    FormatError,
    HTTPStatusError,
    InputError,
    RedirectError,
    TooLargeError,
)
from flashpoint.readers import FetchConfig, needs_network, read_inputs

pytest_plugins = ["_web_fixtures"]

FAST = FetchConfig(timeout=1.5, retries=1, backoff=0.01, min_delay=0.0, max_bytes=1_000_000)
LAGOS_URL = "https://daily-invented.example/news/2024/lagos-fuel-protest"


def read(inputs: list[str], **kw: object) -> list[Document | InputError]:
    return list(read_inputs(inputs, fetch=FAST, **kw))  # type: ignore[arg-type]


def docs(results: list[Document | InputError]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def errors(results: list[Document | InputError]) -> list[InputError]:
    return [r for r in results if isinstance(r, InputError)]


def test_a_url_is_read_as_its_article(web: Web) -> None:
    (doc,) = read([web.url("/lagos-protest.html")])
    assert isinstance(doc, Document)
    assert doc.id == LAGOS_URL  # the canonical URL: the same article, however reached
    assert doc.url == LAGOS_URL
    assert doc.pub_date == date(2024, 1, 18)
    assert doc.title == "Police arrest 12 protesters in Lagos"
    assert doc.source == web.url("/lagos-protest.html")
    assert not [f for f in FURNITURE if f.lower() in doc.text.lower()]


def test_a_page_without_a_canonical_url_is_named_by_its_address(web: Web) -> None:
    (doc,) = read([web.url("/border-clash.html")])
    assert isinstance(doc, Document)
    assert doc.id == doc.url == web.url("/border-clash.html")


def test_each_fetch_failure_has_its_reason(web: Web) -> None:
    paths = ["/gone.html", "/slow.html", "/huge.html", "/file.bin", "/loop-a", "/down"]
    results = read([web.url(p) for p in paths])
    assert [type(r) for r in results] == [
        HTTPStatusError,
        FetchTimeoutError,
        TooLargeError,
        ContentTypeError,
        RedirectError,
        HTTPStatusError,
    ]
    assert [r.source for r in results] == [web.url(p) for p in paths]  # type: ignore[union-attr]
    reasons = [r.reason for r in errors(results)]
    assert "404" in reasons[0] and "503" in reasons[5]


def test_a_busy_server_is_retried(web: Web) -> None:
    (doc,) = read([web.url("/busy/urls")])
    assert isinstance(doc, Document) and doc.pub_date == date(2024, 1, 18)


def test_an_rss_feed_stands_for_its_items(web: Web) -> None:
    results = read([web.url("/feed.xml")])
    found = docs(results)
    host = web.base.removeprefix("http://")
    assert [d.id for d in found] == [f"{host}:inv-lagos", f"{host}:inv-batken", f"{host}:inv-water"]
    assert [d.url for d in found] == [web.url(p) for p, *_ in FEED_ITEMS[:3]]
    # the pages' own dates and titles; the item's date for the page that has none
    assert [d.pub_date for d in found] == [date(2024, 1, 18), date(2024, 3, 5), date(2024, 2, 20)]
    assert found[0].title == "Police arrest 12 protesters in Lagos"
    (gone,) = errors(results)
    assert isinstance(gone, HTTPStatusError) and gone.source == web.url("/gone.html")


def test_a_feed_read_twice_gives_the_same_ids(web: Web) -> None:
    first = [d.id for d in docs(read([web.url("/feed.xml")]))]
    second = [d.id for d in docs(read([web.url("/feed.xml")]))]
    assert first == second and len(set(first)) == 3


def test_an_atom_feed_with_relative_links(web: Web) -> None:
    found = docs(read([web.url("/atom.xml")]))
    assert [d.id for d in found] == ["urn:invented:border-clash", "urn:invented:water-talks"]
    assert found[1].url == web.url("/undated.html")
    assert found[1].pub_date == date(2024, 2, 20)


def test_a_feed_sent_as_html_is_still_a_feed(web: Web) -> None:
    (doc,) = read([web.url("/feed-as-html")])
    assert isinstance(doc, Document) and doc.url == web.url("/lagos-protest.html")


def test_a_feed_file_is_read(web: Web, tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_bytes(rss(web.base, FEED_ITEMS[:2]))
    assert len(docs(read([str(feed)]))) == 2


def test_a_file_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>hello</note></notes>")
    (err,) = read([str(path)])
    assert isinstance(err, FormatError) and "not an RSS or Atom feed" in err.reason


def test_a_feed_item_without_a_link(tmp_path: Path) -> None:
    path = tmp_path / "f.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>t</title>'
        "<item><title>No link</title><guid>x1</guid></item></channel></rss>"
    )
    (err,) = read([str(path)])
    assert isinstance(err, InputError) and "has no http(s) link" in err.reason
    assert err.source == f"{path}: item 1"


def test_a_url_list(web: Web, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(
        "# invented articles\n"
        f"{web.url('/lagos-protest.html')}\n\n"
        "not a url\n"
        f"  {web.url('/undated.html')}  \n"
        f"{web.url('/feed.xml')}\n"
    )
    results = read([], url_files=[str(listing)])
    assert [type(r).__name__ for r in results] == [
        "Document",
        "InputError",
        "DateError",
        "Document",
        "Document",
        "Document",
        "HTTPStatusError",
    ]
    bad = results[1]
    assert isinstance(bad, InputError) and bad.source == f"{listing}:4"
    assert isinstance(results[2], DateError) and results[2].source == web.url("/undated.html")


def test_a_urls_file_is_a_url_list(web: Web, tmp_path: Path) -> None:
    listing = tmp_path / "today.urls"
    listing.write_text(web.url("/border-clash.html") + "\n")
    (doc,) = read([str(listing)])
    assert isinstance(doc, Document) and doc.pub_date == date(2024, 3, 5)


def test_known_pages_are_not_fetched(web: Web) -> None:
    host = web.base.removeprefix("http://")
    # by an item's id, an item's link, a URL input
    known = {f"{host}:inv-lagos", web.url("/gone.html"), web.url("/undated.html")}
    results = read([web.url("/feed.xml"), web.url("/undated.html")], known=known.__contains__)
    assert [d.id for d in docs(results)] == [f"{host}:inv-batken"]
    assert web.paths() == ["/feed.xml", "/border-clash.html"]


def test_inputs_that_need_the_network() -> None:
    assert needs_network("https://example.com/a.html")
    assert needs_network("feeds/world.rss") and needs_network("x.atom") and needs_network("a.urls")
    assert not needs_network("articles/") and not needs_network("a.html")
