"""Readers: one module per input format. They do the I/O; the stages compute.

`read_inputs` is the entry point: give it paths (files, directories, or ``-`` for standard
input) and it streams `Document`s, or an `InputError` for each document that cannot be read
(the reason says how to fix it; the run goes on without it).

Formats (see each module): plain text (`date YYYY-MM-DD` line, then the text), JSON Lines and
CSV (fields `id`, `text`, `date` or `pub_date`, `title`, `url`), `.json` (one object or an
array), directories (recursively), standard input (JSON Lines or one plain-text article).

A title (the headline) is kept as `Document.title` but is never part of the coded text:
character spans are offsets into `Document.text`, the body alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
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
from flashpoint.readers.jsonfile import read_json
from flashpoint.readers.jsonl import read_jsonl, read_jsonl_chunks
from flashpoint.readers.language import check_english
from flashpoint.readers.plaintext import parse_plaintext, read_plaintext
from flashpoint.readers.stdin import read_stdin

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ReadOptions",
    "ReadResult",
    "article_files",
    "check_english",
    "parse_plaintext",
    "parse_pub_date",
    "read_csv",
    "read_directory",
    "read_inputs",
    "read_json",
    "read_jsonl",
    "read_jsonl_chunks",
    "read_path",
    "read_plaintext",
    "read_stdin",
]


def read_inputs(
    paths: Iterable[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    check_language: bool = True,
) -> Iterator[ReadResult]:
    """Stream the documents of every input in `paths`, in order: a `Document` for each
    article, an `InputError` (naming it, with the reason) for each one that cannot be read.

    `max_bytes` limits one document's size; `check_language=False` lets non-English text
    through (it will be coded badly)."""
    options = ReadOptions(max_bytes=max_bytes, check_language=check_language)
    for path in paths:
        yield from read_path(path, options)


def read_path(path: str | os.PathLike[str], options: ReadOptions) -> Iterator[ReadResult]:
    """The documents of one input: a file (by its extension; plain text otherwise), a
    directory, or ``-`` for standard input."""
    if str(path) == "-":
        yield from read_stdin(options)
        return
    p = Path(path)
    if p.is_dir():
        yield from read_directory(p, options)
    elif not p.exists():
        yield InputError("no such file or directory; check the path", source=str(path))
    else:
        reader = READERS_BY_SUFFIX.get(p.suffix.lower())
        if reader is None:
            yield read_plaintext(p, options)
        else:
            yield from reader(p, options)
