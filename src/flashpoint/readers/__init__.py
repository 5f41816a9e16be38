"""Readers: one module per input format. They do the I/O; the stages compute.

`read_inputs` is the entry point: give it paths (files, directories, or ``-`` for standard
input) and it streams `Document`s, or an `InputError` for each document that cannot be read
(the reason says how to fix it; the run goes on without it).

Formats (see each module): plain text (`date YYYY-MM-DD` line, then the text), JSON Lines and
CSV (fields `id`, `text`, `date` or `pub_date`, `title`, `url`), `.json` (one object or an
array), saved web pages (`.html`, `.htm`), directories (recursively), standard input (JSON
Lines or one plain-text article). From the web: `http(s)://` addresses of pages or RSS/Atom
feeds, feed files (`.rss`, `.atom`, `.xml`) and files of URLs (`*.urls`, or `url_files`).

A title (the headline) is kept as `Document.title` but is never part of the coded text:
character spans are offsets into `Document.text`, the body alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from flashpoint.errors import InputError
from flashpoint.readers.base import (
    DEFAULT_MAX_BYTES,
    ReadOptions,
    ReadResult,
    parse_pub_date,
)
from flashpoint.readers.csvfile import read_csv
from flashpoint.readers.directory import READERS_BY_SUFFIX, article_files, read_directory
from flashpoint.readers.feed import FEED_SUFFIXES, read_feed
from flashpoint.readers.fetch import FetchConfig, Fetcher, is_url
from flashpoint.readers.html import read_html
from flashpoint.readers.jsonfile import read_json
from flashpoint.readers.jsonl import read_jsonl, read_jsonl_chunks
from flashpoint.readers.language import check_english
from flashpoint.readers.plaintext import parse_plaintext, read_plaintext
from flashpoint.readers.stdin import read_stdin
from flashpoint.readers.urls import URL_LIST_SUFFIX, read_url, read_url_file

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FetchConfig",
    "Fetcher",
    "ReadOptions",
    "ReadResult",
    "article_files",
    "check_english",
    "is_url",
    "needs_network",
    "parse_plaintext",
    "parse_pub_date",
    "read_csv",
    "read_directory",
    "read_feed",
    "read_html",
    "read_inputs",
    "read_json",
    "read_jsonl",
    "read_jsonl_chunks",
    "read_path",
    "read_plaintext",
    "read_stdin",
    "read_url",
    "read_url_file",
]


def read_inputs(
    paths: Iterable[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    check_language: bool = True,
    url_files: Iterable[str] = (),
    fetch: FetchConfig | None = None,
    known: Callable[[str], bool] | None = None,
    require_date: bool = True,
) -> Iterator[ReadResult]:
    """Stream the documents of every input in `paths`, then of every URL in `url_files`, in
    order: a `Document` for each article, an `InputError` (naming it, with the reason) for
    each one that cannot be read.

    `max_bytes` limits one document's size; `check_language=False` lets non-English text
    through (it will be coded badly). `fetch` sets how URLs are fetched (one `Fetcher` serves
    the whole run); web pages and feed items for which `known(id or url)` is true are not
    fetched (see `ReadOptions.known`); `require_date=False` lets undated documents through
    (see `ReadOptions.require_date`)."""
    with Fetcher(fetch) as fetcher:
        options = ReadOptions(
            max_bytes=max_bytes,
            check_language=check_language,
            fetcher=fetcher,
            known=known,
            require_date=require_date,
        )
        for path in paths:
            yield from read_path(path, options)
        for url_file in url_files:
            yield from read_url_file(url_file, options)


def needs_network(path: str | os.PathLike[str]) -> bool:
    """Whether reading this input fetches from the web (a URL, a feed or a URL list)."""
    text = os.fspath(path)
    suffix = Path(text).suffix.lower()
    return is_url(text) or suffix in FEED_SUFFIXES or suffix == URL_LIST_SUFFIX


def read_path(path: str | os.PathLike[str], options: ReadOptions) -> Iterator[ReadResult]:
    """The documents of one input: an http(s) URL (a page or a feed), a file (by its
    extension; plain text otherwise), a directory, or ``-`` for standard input."""
    if str(path) == "-":
        yield from read_stdin(options)
        return
    if is_url(os.fspath(path)):
        yield from read_url(os.fspath(path), options)
        return
    p = Path(path)
    if p.is_dir():
        yield from read_directory(p, options)
    elif not p.exists():
        yield InputError("no such file or directory; check the path", source=str(path))
    elif p.suffix.lower() in FEED_SUFFIXES:
        yield from read_feed(p, options)
    elif p.suffix.lower() == URL_LIST_SUFFIX:
        yield from read_url_file(p, options)
    else:
        reader = READERS_BY_SUFFIX.get(p.suffix.lower())
        if reader is None:
            yield read_plaintext(p, options)
        else:
            yield from reader(p, options)
