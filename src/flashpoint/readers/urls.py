"""Web addresses: an ``http(s)://`` input, and files of them (``--urls FILE``, or any file
named ``*.urls``): one URL a line; blank lines and lines starting with ``#`` are ignored.

Each URL is fetched (see `readers.fetch`). A web page is read as an article (see
`readers.html`): its id and `url` are its canonical URL, else the address it came from. A
feed stands for its items (see `readers.feed`). A URL that cannot be fetched is reported
with the reason, and the run goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from flashpoint.errors import InputError
from flashpoint.readers.base import ReadOptions, ReadResult, decode_utf8, file_chunks, iter_lines
from flashpoint.readers.feed import feed_documents
from flashpoint.readers.fetch import Fetcher, fetcher_for, is_url
from flashpoint.readers.html import PageFacts, page_document

URL_LIST_SUFFIX = ".urls"
_MAX_LINE = 64 * 1024


def read_url(url: str, options: ReadOptions) -> Iterator[ReadResult]:
    """The document at `url`, or the documents of the feed at `url`."""
    with fetcher_for(options.fetcher) as fetcher:
        yield from _read_url(url, options, fetcher)


def _read_url(url: str, options: ReadOptions, fetcher: Fetcher) -> Iterator[ReadResult]:
    if options.known is not None and options.known(url):
        return
    try:
        page = fetcher.fetch(url)
    except InputError as exc:
        yield exc
        return
    if page.is_feed:
        yield from feed_documents(page.body, url, options, fetcher, base_url=page.url)
        return
    try:
        yield page_document(page.body, url, options, PageFacts(url=page.url))
    except InputError as exc:
        yield exc


def read_url_file(path: str | os.PathLike[str], options: ReadOptions) -> Iterator[ReadResult]:
    """The documents of every URL listed in a file (one a line)."""
    source = str(path)
    try:
        with Path(path).open("rb") as stream, fetcher_for(options.fetcher) as fetcher:
            yield from _read_lines(file_chunks(stream), source, options, fetcher)
    except OSError as exc:
        yield InputError(f"cannot read the file ({exc.strerror}); check the path", source)


def _read_lines(
    chunks: Iterator[bytes], source: str, options: ReadOptions, fetcher: Fetcher
) -> Iterator[ReadResult]:
    for line in iter_lines(chunks, _MAX_LINE):
        where = f"{source}:{line.number}"
        try:
            if line.data is None:
                raise InputError(f"line {line.number} is too long to be a URL", where)
            url = decode_utf8(line.data, where, base_offset=line.offset).strip()
        except InputError as exc:
            yield exc
            continue
        if not url or url.startswith("#"):
            continue
        if is_url(url):
            yield from _read_url(url, options, fetcher)
        else:
            yield InputError(
                f"line {line.number} is not an http(s) URL ({url[:60]!r}); "
                "write one address a line, e.g. https://example.com/news/article.html",
                where,
            )
