"""The plain-text format: one article per file.

    date 2024-01-18 The headline, if any, on the same line
    <the article text ...>

The first line is the date line: ``date`` then the publication date (YYYY-MM-DD), optionally
followed by the headline; leading whitespace and a colon after ``date`` are allowed. The text
that is coded is everything after the first line, exactly as written (character spans are
offsets into it). The headline becomes `Document.title` and is NOT part of the coded text.
The document id is the file name without its extension.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from flashpoint.document import Document
from flashpoint.errors import DateError, EmptyDocumentError, InputError
from flashpoint.readers.base import (
    ReadOptions,
    ReadResult,
    check_not_binary,
    check_size,
    check_text,
    decode_utf8,
    parse_pub_date,
)

_DATE_LINE = re.compile(r"^\s*date\s*[:\s]\s*(\S+)(?:\s+(.*?))?\s*$", re.IGNORECASE)
_HOW_TO_FIX = (
    "the first line must be `date YYYY-MM-DD` (optionally followed by the headline), "
    "then the article text"
)


def parse_plaintext(content: str, source: str, doc_id: str, options: ReadOptions) -> Document:
    """A document from the decoded content of a plain-text article (see the module doc)."""
    if not content.strip():
        raise EmptyDocumentError(f"the file is empty; {_HOW_TO_FIX}", source=source)
    first, _, text = content.partition("\n")
    m = _DATE_LINE.match(first.rstrip("\r"))
    if not m and not options.require_date:
        check_text(content, source, options)
        return Document(id=doc_id, text=content, source=source)
    if not m:
        shown = first.strip()[:60]
        raise DateError(f"no date line (the first line is {shown!r}); {_HOW_TO_FIX}", source)
    pub_date = parse_pub_date(m.group(1), source=source)
    if not text.strip():
        raise EmptyDocumentError("the file has a date line but no article text after it", source)
    check_text(text, source, options)
    return Document(
        id=doc_id,
        text=text,
        pub_date=pub_date,
        title=m.group(2) or None,
        source=source,
    )


def parse_plaintext_bytes(data: bytes, source: str, doc_id: str, options: ReadOptions) -> Document:
    """Like `parse_plaintext`, from the raw bytes (checked for size, binary data, UTF-8)."""
    check_size(len(data), source, options)
    check_not_binary(data, source)
    return parse_plaintext(decode_utf8(data, source), source, doc_id, options)


def read_plaintext(path: str | os.PathLike[str], options: ReadOptions) -> ReadResult:
    """Read one plain-text article file. Its size is checked before it is read."""
    p = Path(path)
    source = str(path)
    try:
        check_size(p.stat().st_size, source, options)
        data = p.read_bytes()
        return parse_plaintext_bytes(data, source, p.stem, options)
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError(f"cannot read the file ({exc.strerror}); check the path", source)
