"""A `.json` file: one article object, or an array of article objects (the fields of
`flashpoint.readers.jsonl`). It is read whole, so it may be at most the document limit in
size; for larger collections use JSON Lines. A `.json` file that holds JSON Lines is read as
JSON Lines. Array elements are named ``<file>[<index>]``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from flashpoint.errors import EmptyDocumentError, FormatError, InputError, TooLargeError
from flashpoint.readers.base import (
    ReadOptions,
    ReadResult,
    check_not_binary,
    decode_utf8,
    document_from_record,
)
from flashpoint.readers.jsonl import read_jsonl_chunks


def read_json(path: str | os.PathLike[str], options: ReadOptions) -> Iterator[ReadResult]:
    """The documents of a `.json` file."""
    source = str(path)
    try:
        data = _load(Path(path), source, options)
    except InputError as exc:
        yield exc
        return
    try:
        value = json.loads(decode_utf8(data, source))
    except InputError as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        if data.lstrip().startswith(b"{") and exc.msg == "Extra data":
            yield from read_jsonl_chunks(iter([data]), source, options)
        else:
            yield FormatError(
                f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
                "give one object or an array of objects",
                source=source,
            )
        return
    yield from _documents(value, source, options)


def _load(path: Path, source: str, options: ReadOptions) -> bytes:
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise TooLargeError(
                f"the .json file is {size:,} bytes, more than the limit of "
                f"{options.max_bytes:,}; write large collections as JSON Lines (.jsonl), "
                "one article per line, which is streamed",
                source=source,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror}); check the path", source) from None
    if not data.strip():
        raise EmptyDocumentError("the file is empty; give one object or an array", source)
    check_not_binary(data, source)
    return data


def _documents(value: object, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records):
        name = f"{source}[{i}]" if isinstance(value, list) else source
        if not isinstance(record, dict):
            yield FormatError(
                f'a JSON {type(record).__name__}, not an object with "text" and "date"',
                source=name,
            )
            continue
        try:
            yield document_from_record(record, name, options)
        except InputError as exc:
            yield exc
