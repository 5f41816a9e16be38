"""JSON Lines: one article per line, an object with `text`, `date` (or `pub_date`) and
optionally `id`, `title`, `url` (other fields are ignored).

    {"id": "a1", "date": "2024-01-18", "title": "...", "text": "Police arrested ..."}

The file is streamed: only one line is held in memory at a time, and a line longer than the
document limit is skipped without being held. Blank lines are ignored. A missing `id` becomes
a hash of the text. The title is kept on the document but is not part of the coded text.
Each document's `source` is ``<file>:<line>``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from flashpoint.errors import EmptyDocumentError, FormatError, InputError
from flashpoint.readers.base import (
    RawLine,
    ReadOptions,
    ReadResult,
    check_size,
    decode_utf8,
    document_from_record,
    file_chunks,
    iter_lines,
)


def read_jsonl(path: str | os.PathLike[str], options: ReadOptions) -> Iterator[ReadResult]:
    """Stream the documents of a JSON Lines file."""
    source = str(path)
    try:
        with Path(path).open("rb") as stream:
            yield from read_jsonl_chunks(file_chunks(stream), source, options)
    except OSError as exc:
        yield InputError(f"cannot read the file ({exc.strerror}); check the path", source)


def read_jsonl_chunks(
    chunks: Iterator[bytes], name: str, options: ReadOptions
) -> Iterator[ReadResult]:
    """Stream the documents of JSON Lines given as byte chunks; `name` names the stream."""
    seen = 0
    for line in iter_lines(chunks, options.max_bytes):
        if line.data is not None and not line.data.strip():
            continue
        seen += 1
        try:
            yield _document(line, name, options)
        except InputError as exc:
            yield exc
    if not seen:
        yield EmptyDocumentError("the file is empty; give one JSON object per line", name)


def _document(line: RawLine, name: str, options: ReadOptions) -> ReadResult:
    source = f"{name}:{line.number}"
    check_size(line.size, source, options)
    assert line.data is not None  # a line is only dropped when it is over the limit
    text = decode_utf8(line.data, source, base_offset=line.offset)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"line {line.number} is not valid JSON ({exc.msg} at column {exc.colno}); "
            "each line must be one JSON object",
            source=source,
        ) from None
    if not isinstance(record, dict):
        raise FormatError(
            f"line {line.number} is a JSON {type(record).__name__}, not an object; "
            'each line must be an object such as {"date": "2024-01-18", "text": "..."}',
            source=source,
        )
    return document_from_record(record, source, options)
