"""Standard input (`-`): JSON Lines when the first non-blank character is `{`, otherwise one
article in the plain-text format. Documents are named ``<stdin>`` (``<stdin>:<line>``); a
plain-text article read from standard input has the id ``stdin``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.errors import EmptyDocumentError, InputError
from flashpoint.readers.base import ReadOptions, ReadResult, check_size, file_chunks
from flashpoint.readers.jsonl import read_jsonl_chunks
from flashpoint.readers.plaintext import parse_plaintext_bytes

STDIN_NAME = "<stdin>"


def read_stdin(options: ReadOptions, stream: BinaryIO | None = None) -> Iterator[ReadResult]:
    """Stream the documents given on standard input (or on `stream`, a binary stream)."""
    source = stream if stream is not None else sys.stdin.buffer
    chunks = file_chunks(source)
    head = b""
    for chunk in chunks:
        head += chunk
        if head.strip():
            break
    stripped = head.lstrip()
    if stripped.startswith(b"\xef\xbb\xbf"):
        stripped = stripped[3:].lstrip()
    if not stripped:
        yield EmptyDocumentError(
            "standard input is empty; pipe an article or JSON Lines in", STDIN_NAME
        )
    elif stripped.startswith(b"{"):
        yield from read_jsonl_chunks(_chain(head, chunks), STDIN_NAME, options)
    else:
        yield _plaintext(head, chunks, options)


def _chain(head: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield head
    yield from rest


def _plaintext(head: bytes, rest: Iterator[bytes], options: ReadOptions) -> ReadResult:
    data = bytearray(head)
    try:
        for chunk in rest:
            data += chunk
            check_size(len(data), STDIN_NAME, options)
        return parse_plaintext_bytes(bytes(data), STDIN_NAME, "stdin", options)
    except InputError as exc:
        return exc
