"""Web pages (`.html`, `.htm`, and HTML fetched from a URL): the article, without the page.

The article is found with trafilatura, which keeps the main text and leaves navigation,
promotions, cookie banners, comments and footers out. The page also gives:

- the publication date (``article:published_time`` and other meta tags, JSON-LD
  ``datePublished``, a date in the URL): the document's date. A page without one is
  refused as undated (`DateError`) unless the caller knows a date (a feed item's);
- the headline: `Document.title` (again a caller's title is the fallback). A first line of
  the text that repeats the headline is dropped: the title is never part of the coded text;
- the canonical URL (``<link rel="canonical">``): `Document.url` unless the caller gives one.

The coded text is the article's paragraphs, one per line. A saved page's id is its file name
without the extension (like every file format); a fetched page's id is given by its reader.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from flashpoint.document import Document
from flashpoint.errors import DateError, EmptyDocumentError, InputError
from flashpoint.readers.base import (
    ReadOptions,
    ReadResult,
    check_not_binary,
    check_size,
    check_text,
)

# the page's own publication date only: no guessing from dates in the text
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What the caller already knows about a page: its id, the address it was fetched from
    (`url`) and, from a feed item, its `link` (the document's url), title and date. The
    page's own title and date win over the item's."""

    doc_id: str | None = None
    url: str | None = None
    link: str | None = None
    title: str | None = None
    pub_date: date | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """The article trafilatura found in a page."""

    text: str
    title: str | None
    pub_date: date | None
    canonical: str | None


def extract_article(data: bytes | str, url: str | None = None) -> Extracted | None:
    """The article of an HTML page (None when the page holds no text at all). `url`, where
    the page came from, lets a date in the address count."""
    import trafilatura

    found = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        favor_precision=True,  # an index page gives nothing rather than its links
        include_comments=False,
        include_tables=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if found is None or isinstance(found, dict):
        return None
    title = _clean(found.title)
    return Extracted(
        text=_without_title(found.text or "", title),
        title=title,
        pub_date=_iso_date(found.date),
        canonical=_clean(found.url),
    )


def page_document(
    data: bytes, source: str, options: ReadOptions, facts: PageFacts | None = None
) -> Document:
    """A document from the HTML of one page; raise an `InputError` naming `source` when the
    page holds no article or no publication date."""
    facts = facts or PageFacts()
    check_size(len(data), source, options)
    check_not_binary(data, source)
    article = extract_article(data, url=facts.url)
    if article is None or not _has_sentence(article.text):
        raise EmptyDocumentError(
            "no article text found in the page; give the page of one article "
            "(not a home page, index or search result)",
            source,
        )
    check_text(article.text, source, options)
    pub_date = article.pub_date or facts.pub_date
    if pub_date is None:
        raise DateError(
            "the page gives no publication date (no article:published_time meta tag, "
            "JSON-LD datePublished or date in the URL); save the article as text with a "
            "`date YYYY-MM-DD` line",
            source,
        )
    return Document(
        id=facts.doc_id or article.canonical or facts.url or source,
        text=article.text,
        pub_date=pub_date,
        title=article.title or facts.title,
        url=facts.link or article.canonical or facts.url,
        source=source,
    )


def read_html(path: str | os.PathLike[str], options: ReadOptions) -> Iterator[ReadResult]:
    """Read one saved web page (its size is checked before it is read)."""
    p = Path(path)
    source = str(path)
    try:
        check_size(p.stat().st_size, source, options)
        yield page_document(p.read_bytes(), source, options, PageFacts(doc_id=p.stem))
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read the file ({exc.strerror}); check the path", source)


_SENTENCE = re.compile(r"\w\W*(?:\s+\S+){3,}[.!?][\"'”’)]*\s*$")


def _has_sentence(text: str) -> bool:
    """Whether some line is a sentence (4 words or more, closed by . ! or ?): navigation,
    teasers and headlines are not."""
    return any(_SENTENCE.search(line) for line in text.splitlines())


def _without_title(text: str, title: str | None) -> str:
    first, sep, rest = text.partition("\n")
    if title and sep and _same(first, title):
        return rest
    return text


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
