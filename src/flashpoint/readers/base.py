"""What every reader shares: options, publication dates, decoding and the checks on text.

Readers do the I/O; what they hand on is either a `Document` or an `InputError` naming the
document (`source`, e.g. ``articles.jsonl:12``) and saying what to fix. A bad document never
stops the run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from flashpoint.document import Document, content_id
from flashpoint.errors import (
    DateError,
    EmptyDocumentError,
    EncodingError,
    FormatError,
    InputError,
    TooLargeError,
)
from flashpoint.readers.language import check_english

if TYPE_CHECKING:
    from flashpoint.readers.fetch import Fetcher

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""The default limit on one document (its encoded size), 10 MB."""

CHUNK_BYTES = 1 << 16

ReadResult = Document | InputError
"""What readers yield: a document, or the reason one could not be read."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How readers treat their input.

    - `max_bytes`: a document larger than this (UTF-8 bytes) is refused with `TooLargeError`.
    - `check_language`: refuse text that does not look like English (`LanguageError`).
    - `fetcher`: fetches URLs, feeds and the pages they link to (one per run, so that its
      per-host politeness holds across inputs); None: each URL input makes its own.
    - `known`: a web page or feed item whose id (or URL) this says is known already is not
      fetched again (`flashpoint watch` passes the documents already stored).
    - `require_date`: refuse a document without a publication date (`DateError`); without
      it (`flashpoint geoparse`), a record's date is optional and a plain-text file without
      a date line is all text.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    check_language: bool = True
    fetcher: Fetcher | None = field(default=None, compare=False)
    known: Callable[[str], bool] | None = field(default=None, compare=False)
    require_date: bool = True


# --- publication dates ---------------------------------------------------------------

_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %d %B %Y",
    "%A %d %B %Y",
    "%A, %B %d, %Y",
)
_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")


def parse_pub_date(value: str, source: str | None = None) -> date:
    """Parse a publication date: ISO `YYYY-MM-DD` (a time part is ignored), a written date
    ("18 January 2024", "Jan 18, 2024", "Thursday, 18 January 2024") or an e-mail/RSS date
    ("Thu, 18 Jan 2024 09:30:00 +0000")."""
    text = " ".join(value.split())
    iso = _ISO.match(text)
    if iso:
        text = iso.group(1)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    rss = _rfc2822(text)
    if rss is not None:
        return rss
    raise DateError(
        f"unknown date format {value!r}; write the publication date as YYYY-MM-DD",
        source=source,
    )


def _rfc2822(text: str) -> date | None:
    if not re.search(r"\d{4}", text) or not re.search(r"\d{1,2}:\d{2}", text):
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


# --- bytes to text -------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 8192
_BOM = b"\xef\xbb\xbf"


def decode_utf8(data: bytes, source: str, base_offset: int = 0) -> str:
    """Decode UTF-8 strictly (a leading byte-order mark is dropped). A byte that is not UTF-8
    raises `EncodingError` with its offset in the file: nothing is silently replaced."""
    if base_offset == 0 and data.startswith(_BOM):
        data, base_offset = data[len(_BOM) :], len(_BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = base_offset + exc.start
        raise EncodingError(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {offset}; "
            "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8 in.txt > out.txt`)",
            source=source,
        ) from None


def check_not_binary(data: bytes, source: str) -> None:
    """Refuse bytes that look like a binary file (NUL bytes or many control characters)."""
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        raise FormatError(
            "this looks like a binary file (it contains NUL bytes), not text; "
            "give flashpoint plain-text, JSON Lines or CSV articles",
            source=source,
        )
    if sample and _control_share(sample.decode("latin-1")) > _CONTROL_SHARE:
        raise FormatError(
            "this looks like a binary file (many control characters), not text; "
            "give flashpoint plain-text, JSON Lines or CSV articles",
            source=source,
        )


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(1, len(text))


def check_size(n_bytes: int, source: str, options: ReadOptions) -> None:
    if n_bytes > options.max_bytes:
        raise TooLargeError(
            f"the document is {n_bytes:,} bytes, more than the limit of {options.max_bytes:,}; "
            "split it into articles or raise the limit (--max-bytes / ReadOptions.max_bytes)",
            source=source,
        )


def check_text(text: str, source: str, options: ReadOptions) -> None:
    """The checks every document's text passes, whatever its format."""
    if not text.strip():
        raise EmptyDocumentError("the document has no text; give it the article text", source)
    if "\x00" in text or _control_share(text[:_SNIFF_BYTES]) > _CONTROL_SHARE:
        raise FormatError(
            "the text holds binary data (NUL or many control characters); "
            "give the article as plain text",
            source=source,
        )
    if options.check_language:
        check_english(text, source)


# --- records (JSON Lines, CSV, JSON) -------------------------------------------------


def document_from_record(record: Mapping[str, Any], source: str, options: ReadOptions) -> Document:
    """A document from a record with `text`, `date` (or `pub_date`) and optional `id`,
    `title`, `url`. The title is kept on the document but is not part of the coded text."""
    text = record.get("text")
    if text is None:
        raise FormatError('the record has no "text" field; add the article text as "text"', source)
    if not isinstance(text, str):
        raise FormatError(f'"text" must be a string, not {type(text).__name__}', source)
    check_size(len(text.encode("utf-8", "surrogatepass")), source, options)
    check_text(text, source, options)
    return Document(
        id=_record_id(record.get("id"), text),
        text=text,
        pub_date=_record_date(record, source, options.require_date),
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        source=source,
    )


def _record_date(record: Mapping[str, Any], source: str, required: bool = True) -> date | None:
    value = record.get("date")
    if value in (None, ""):
        value = record.get("pub_date")
    if value in (None, "") and not required:
        return None
    if value in (None, ""):
        raise DateError(
            'the record has no publication date; add "date": "YYYY-MM-DD" '
            "(event dates such as 'Tuesday' are resolved against it)",
            source=source,
        )
    return parse_pub_date(str(value), source=source)


def _record_id(value: Any, text: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return content_id(text)
    return str(value).strip()


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


# --- streaming lines -----------------------------------------------------------------


@dataclass(slots=True)
class RawLine:
    """One line of a byte stream: its number (from 1), its byte offset, and its bytes (without
    the newline). `size` is the line's full length; `data` is None when it exceeded the limit
    (the line was skipped without being kept in memory)."""

    number: int
    offset: int
    data: bytes | None
    size: int


def iter_lines(chunks: Iterator[bytes], max_bytes: int) -> Iterator[RawLine]:
    """Split a stream of byte chunks into lines, never holding more than `max_bytes` (plus a
    chunk) of one line in memory."""
    buf = bytearray()
    number, offset, skipped = 1, 0, 0
    for chunk in chunks:
        buf += chunk
        while True:
            nl = buf.find(b"\n")
            if nl < 0:
                break
            line = bytes(buf[:nl])
            del buf[: nl + 1]
            size = skipped + len(line)
            yield RawLine(number, offset, None if skipped else line, size)
            number, offset, skipped = number + 1, offset + size + 1, 0
        if skipped or len(buf) > max_bytes:
            skipped += len(buf)
            buf.clear()
    if buf or skipped:
        size = skipped + len(buf)
        yield RawLine(number, offset, None if skipped else bytes(buf), size)


def file_chunks(stream: Any, size: int = CHUNK_BYTES) -> Iterator[bytes]:
    """Read a binary stream in chunks."""
    while True:
        chunk = stream.read(size)
        if not chunk:
            return
        yield chunk
