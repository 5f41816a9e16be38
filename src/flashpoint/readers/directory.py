"""A directory: every article file under it, recursively, in sorted order (so that runs are
repeatable). Files are read by their extension: `.txt` (plain text), `.jsonl`/`.ndjson`
(JSON Lines), `.json`, `.csv`, `.html`/`.htm` (saved web pages). Other files (feeds and URL
lists too: they are only read when given by name), and hidden files and folders (names
starting with a dot), are ignored.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from flashpoint.errors import InputError
from flashpoint.readers.base import ReadOptions, ReadResult
from flashpoint.readers.csvfile import read_csv
from flashpoint.readers.html import read_html
from flashpoint.readers.jsonfile import read_json
from flashpoint.readers.jsonl import read_jsonl
from flashpoint.readers.plaintext import read_plaintext

FileReader = Callable[[Path, ReadOptions], Iterator[ReadResult]]


def _plaintext(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    yield read_plaintext(path, options)


READERS_BY_SUFFIX: dict[str, FileReader] = {
    ".txt": _plaintext,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}


def article_files(root: str | os.PathLike[str]) -> list[Path]:
    """The article files under `root`, sorted by their path relative to it."""
    base = Path(root)
    found = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath, name)
            if not name.startswith(".") and path.suffix.lower() in READERS_BY_SUFFIX:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(base).as_posix())


def read_directory(root: str | os.PathLike[str], options: ReadOptions) -> Iterator[ReadResult]:
    """Stream the documents of every article file under `root`."""
    files = article_files(root)
    if not files:
        known = ", ".join(sorted(READERS_BY_SUFFIX))
        yield InputError(f"the directory holds no article files ({known})", source=str(root))
        return
    for path in files:
        yield from READERS_BY_SUFFIX[path.suffix.lower()](path, options)
