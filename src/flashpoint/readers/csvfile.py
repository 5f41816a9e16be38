"""CSV: a header row, then one article per row, with the columns of JSON Lines: `text`,
`date` (or `pub_date`), and optionally `id`, `title`, `url` (other columns are ignored).

Quoted fields may span lines. The file is streamed. A row with bytes that are not UTF-8 is
refused with the byte offset (the other rows are read). Each document's `source` is
``<file>:<line>``, the line where its row starts.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flashpoint.errors import EmptyDocumentError, FormatError, InputError
from flashpoint.readers.base import (
    ReadOptions,
    ReadResult,
    check_not_binary,
    check_size,
    decode_utf8,
    document_from_record,
    file_chunks,
    iter_lines,
)


@dataclass
class _LineState:
    """What the line feeder saw since the last row: the first bad line, if any."""

    line: int = 0
    error: InputError | None = None


def read_csv(path: str | os.PathLike[str], options: ReadOptions) -> Iterator[ReadResult]:
    """Stream the documents of a CSV file."""
    source = str(path)
    try:
        with Path(path).open("rb") as stream:
            head = stream.read(8192)
            try:
                check_not_binary(head, source)
            except InputError as exc:
                yield exc
                return
            yield from _rows(_chain(head, file_chunks(stream)), source, options)
    except OSError as exc:
        yield InputError(f"cannot read the file ({exc.strerror}); check the path", source)


def _chain(head: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield head
    yield from rest


def _rows(chunks: Iterator[bytes], source: str, options: ReadOptions) -> Iterator[ReadResult]:
    state = _LineState()
    _allow_fields_up_to(options.max_bytes)
    reader = csv.reader(_feed(chunks, source, options, state))
    header = _header(reader, source)
    if isinstance(header, InputError):
        yield header
        return
    while True:
        start = state.line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield FormatError(f"malformed CSV near line {state.line} ({exc})", source)
            continue
        if not any(field.strip() for field in row) and state.error is None:
            continue  # a blank line
        yield _row_document(header, row, f"{source}:{start}", options, state)


def _header(reader: Iterator[list[str]], source: str) -> list[str] | InputError:
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return EmptyDocumentError(
            "the file is empty; give a header row and one row per article", source
        )
    except csv.Error as exc:
        return FormatError(f"malformed CSV header ({exc})", source)
    if "text" not in header:
        return FormatError(
            f"the header has no `text` column (it has {', '.join(header)}); "
            "name the columns id,date,title,url,text",
            source,
        )
    return header


def _row_document(
    header: list[str], row: list[str], source: str, options: ReadOptions, state: _LineState
) -> ReadResult:
    if state.error is not None:
        error, state.error = state.error, None
        error.source = source
        return error
    record = dict(zip(header, row, strict=False))
    try:
        return document_from_record(record, source, options)
    except InputError as exc:
        return exc


def _feed(
    chunks: Iterator[bytes], source: str, options: ReadOptions, state: _LineState
) -> Iterator[str]:
    """Decoded lines for the csv reader. A line that cannot be decoded, or is over the limit,
    is recorded in `state` (and fed as an empty line) so that its row is refused."""
    for line in iter_lines(chunks, options.max_bytes):
        state.line = line.number
        try:
            check_size(line.size, source, options)
            assert line.data is not None  # a line is only dropped when it is over the limit
            yield decode_utf8(line.data, source, base_offset=line.offset) + "\n"
        except InputError as exc:
            if state.error is None:
                state.error = exc
            yield "\n"


def _allow_fields_up_to(max_bytes: int) -> None:
    # the csv module refuses fields over 128 KB unless told otherwise
    if csv.field_size_limit() < max_bytes + 1:
        csv.field_size_limit(max_bytes + 1)
