"""RSS and Atom feeds (a feed URL, or a `.rss`, `.atom` or `.xml` file): the feed stands for
its items. Each item's link is fetched and read as a web page (see `readers.html`); the
item's date and title are used when the page has none.

A document from a feed item has the item's link as its `url` and a stable id: the item's
guid (a guid that is not a URL or URN is prefixed with the link's host), else the page's
canonical URL, else the link. So a feed read twice gives the same
documents, and the store keeps them once. An item whose page cannot be fetched is reported
(its source is the link, with the reason) and the feed goes on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flashpoint.errors import FormatError, InputError
from flashpoint.readers.base import ReadOptions, ReadResult, check_size
from flashpoint.readers.fetch import HTML_TYPES, Fetcher, fetcher_for, is_url
from flashpoint.readers.html import PageFacts, page_document

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: where its article is and what the feed says about it."""

    number: int
    link: str | None
    guid: str | None
    title: str | None
    pub_date: date | None


def feed_items(data: bytes, source: str, base_url: str | None = None) -> list[FeedItem]:
    """The items of an RSS or Atom feed, in feed order; relative links are resolved against
    `base_url`. Raises `FormatError` if `data` is not a feed."""
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        raise FormatError(
            "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> with items); "
            "give the address or file of a feed",
            source,
        )
    return [_item(n, entry) for n, entry in enumerate(parsed.entries, start=1)]


def _item(number: int, entry: Any) -> FeedItem:
    return FeedItem(
        number=number,
        link=_text(entry.get("link")),
        guid=_text(entry.get("id")),
        title=_text(entry.get("title")),
        pub_date=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
    )


def feed_documents(
    data: bytes, source: str, options: ReadOptions, fetcher: Fetcher, base_url: str | None = None
) -> Iterator[ReadResult]:
    """The documents of a feed's items (or an error for each one that cannot be read)."""
    try:
        items = feed_items(data, source, base_url)
    except InputError as exc:
        yield exc
        return
    for item in items:
        if _known(item, options):
            continue
        result = _item_document(item, source, options, fetcher)
        if result is not None:
            yield result


def item_id(item: FeedItem) -> str | None:
    """The id an item's document gets from the feed: its guid. A guid that is not a URL or
    URN (e.g. a bare number, unique only within its site) is prefixed with the link's host."""
    if not item.guid:
        return None
    if ":" in item.guid or not item.link:
        return item.guid
    return f"{urlsplit(item.link).netloc.lower()}:{item.guid}"


def _known(item: FeedItem, options: ReadOptions) -> bool:
    if options.known is None:
        return False
    return any(options.known(key) for key in (item_id(item), item.link) if key)


def _item_document(
    item: FeedItem, feed: str, options: ReadOptions, fetcher: Fetcher
) -> ReadResult | None:
    if not item.link or not is_url(item.link):
        shown = f" ({item.link!r})" if item.link else ""
        return InputError(
            f"the feed's item {item.number} has no http(s) link{shown}; "
            "only items that link to their article can be read",
            f"{feed}: item {item.number}",
        )
    try:
        page = fetcher.fetch(item.link, accept=HTML_TYPES)
        facts = PageFacts(
            doc_id=item_id(item),
            url=page.url,
            link=item.link,
            title=item.title,
            pub_date=item.pub_date,
        )
        return page_document(page.body, item.link, options, facts)
    except InputError as exc:
        return exc


def read_feed(path: str | os.PathLike[str], options: ReadOptions) -> Iterator[ReadResult]:
    """Read a feed saved as a file; its items' pages are fetched."""
    source = str(path)
    try:
        p = Path(path)
        check_size(p.stat().st_size, source, options)
        data = p.read_bytes()
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(f"cannot read the file ({exc.strerror}); check the path", source)
        return
    with fetcher_for(options.fetcher) as fetcher:
        yield from feed_documents(data, source, options, fetcher)


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _date(value: Any) -> date | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None
