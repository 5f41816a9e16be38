"""Text helpers shared by the lexicon and the resolver: length-preserving case folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# characters that NFKD does not reduce to ASCII but that have an obvious ASCII form
_SPECIAL = {
    "ı": "i",
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "þ": "t",
    "æ": "a",
    "ß": "s",
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
}

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = unicodedata.normalize("NFKD", low)[:1] or low
    return base.lower() if base.isascii() and len(base.lower()) == 1 else low


def fold(text: str) -> str:
    """Lower-case `text` and strip accents, keeping every character at its offset.

    "Pakistan’s Élysée" -> "pakistan's elysee": same length, so offsets found in the
    folded text are offsets in the original.
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def plural(phrase: str) -> str | None:
    """The English plural of the last word of `phrase`, or None when it looks plural."""
    head, _, last = phrase.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith("man"):
        return prefix + last[:-3] + "men"
    if last.endswith(("ss", "sh", "ch", "x")):
        return prefix + last + "es"
    if last.endswith(("s", "z", "men", "ese", "ren")) or last in {"people", "police", "media"}:
        return None
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return prefix + last[:-1] + "ies"
    return prefix + last + "s"


def demonym_plural(word: str) -> str | None:
    """ "Iranian" -> "Iranians"; "Chinese", "British", "Swiss" and "Dutch" have none."""
    if word.endswith(("ese", "ish", "ss", "ch", "sh", "s")):
        return None
    return word + "s"
