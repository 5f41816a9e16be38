"""A cheap check that a text is English, so that other languages are refused, not miscoded.

flashpoint's dictionaries and model are English. Running text in any language is largely made
of function words; in English news about a third of the words are ones such as "the", "of",
"and", "said". A text of enough words where almost none are is not English. A text written
mostly in a non-Latin script (Arabic, Cyrillic, Chinese, ...) is not English either. Short
texts are let through: the evidence is too thin to refuse them.
"""

from __future__ import annotations

import re

from flashpoint.errors import LanguageError

MIN_WORDS = 25
"""Texts with fewer words than this are not checked."""

MIN_ENGLISH_SHARE = 0.12
"""The least share of English function words a checked text must have."""

MAX_FOREIGN_SCRIPT_SHARE = 0.5
"""The most share of letters outside the Latin script a checked text may have."""

_SAMPLE_CHARS = 20_000

_FUNCTION_WORDS_TEXT = """
a about after against all also an and any are as at be because been before being between
both but by can could did do does during each few for from had has have he her here hers
him his how i if in into is it its may me more most my no nor not now of off on once only
or other our out over own said says she should since so some such than that the their them
then there these they this those through to too under until up upon very was we were what
when where which while who whom whose why will with would you your
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def english_share(text: str) -> tuple[int, float]:
    """The number of words in (a sample of) `text` and the share that are English function
    words."""
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    if not words:
        return 0, 0.0
    hits = sum(1 for w in words if w in _FUNCTION_WORDS)
    return len(words), hits / len(words)


def foreign_script_share(text: str) -> float:
    """The share of letters in (a sample of) `text` that are not Latin letters."""
    sample = text[:_SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return 0.0
    return 1.0 - len(_LATIN.findall(sample)) / letters


def check_english(text: str, source: str | None = None) -> None:
    """Raise `LanguageError` when `text` is clearly not English."""
    n_words, share = english_share(text)
    foreign = foreign_script_share(text)
    if len(text) >= 200 and foreign > MAX_FOREIGN_SCRIPT_SHARE:
        raise LanguageError(
            f"the text does not look like English ({foreign:.0%} of its letters are not Latin); "
            "flashpoint codes English articles only: translate it first",
            source=source,
        )
    if n_words >= MIN_WORDS and share < MIN_ENGLISH_SHARE:
        raise LanguageError(
            f"the text does not look like English (only {share:.0%} of its {n_words} words are "
            "common English words); flashpoint codes English articles only: translate it first",
            source=source,
        )
