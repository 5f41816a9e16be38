"""Named word lists shipped as data files (data/events/acled_cues.tsv, data/events/modes.tsv,
data/places/cues.tsv), read once and cached.

A file starts with `# flashpoint <what>, version N` and comment lines saying what its lists
are for; then a header row `list<TAB>words` and one row per list: its name, a tab, and its
words separated by spaces. Rows with the same name add to one list (long lists wrap); `order`
keeps the names in the order of their first rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from flashpoint.errors import DataFileError

_VERSION = re.compile(r"^# flashpoint .*, version (\S+)\s*$")
_NAME = re.compile(r"^[A-Za-z0-9_@/-]+$")


@dataclass(frozen=True, slots=True)
class WordLists:
    path: str  # under flashpoint/data, for messages
    version: str
    lists: dict[str, frozenset[str]]
    order: tuple[str, ...]  # list names in file order

    def __getitem__(self, name: str) -> frozenset[str]:
        words = self.lists.get(name)
        if words is None:
            raise DataFileError(
                f"data/{self.path} has no word list {name!r}; add a row `{name}<TAB>words` "
                "or reinstall flashpoint"
            )
        return words


def parse_word_lists(text: str, path: str) -> WordLists:
    """Parse a word-list file's text; `DataFileError` names the bad line."""
    lines = text.splitlines()
    head = _VERSION.match(lines[0]) if lines else None
    if head is None:
        raise DataFileError(
            f"data/{path} line 1: expected `# flashpoint <what>, version N`; fix the header"
        )
    lists: dict[str, set[str]] = {}
    for lineno, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#") or line.startswith("list\t"):
            continue
        name, words = _row(line, path, lineno)
        lists.setdefault(name, set()).update(words)
    frozen = {name: frozenset(words) for name, words in lists.items()}
    return WordLists(path, head.group(1), frozen, tuple(lists))


def _row(line: str, path: str, lineno: int) -> tuple[str, list[str]]:
    cols = line.split("\t")
    if len(cols) != 2:
        raise DataFileError(
            f"data/{path} line {lineno}: expected 2 tab-separated columns (list, words), "
            f"got {len(cols)}"
        )
    name, words = cols[0].strip(), cols[1].split()
    if not _NAME.match(name):
        raise DataFileError(f"data/{path} line {lineno}: bad list name {name!r}")
    if not words:
        raise DataFileError(f"data/{path} line {lineno}: list {name!r} has no words")
    return name, words


@cache
def load_word_lists(path: str) -> WordLists:
    """The word lists of data/`path` (e.g. "events/acled_cues.tsv"), read once."""
    res = resources.files("flashpoint.data").joinpath(path)
    try:
        text = res.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise DataFileError(
            f"data/{path} is missing; reinstall flashpoint (`make install`)"
        ) from exc
    return parse_word_lists(text, path)
