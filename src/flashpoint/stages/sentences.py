"""Stage 1: split the text into sentences with a fast rule-based splitter (no model)."""

from __future__ import annotations

import re

from flashpoint.config import CoderConfig
from flashpoint.document import Document, Sentence
from flashpoint.stages.base import register_stage

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "messrs",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "cpl",
    "adm",
    "rep",
    "sen",
    "gov",
    "pres",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "inc",
    "corp",
    "co",
    "ltd",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "approx",
    "est",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "al",
    "ft",
    "mt",
    "rev",
    "hon",
    "sec",
}
# a sentence ends at . ! ? (optionally followed by closing quotes/brackets) then whitespace
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"“])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# a news dateline that opens the text: the place in capitals, optionally a state, country or
# day after a comma and an agency in brackets, then a dash or a colon ("KHARKIV, Ukraine -",
# "WASHINGTON (AP) -", "NEW DELHI:"); it is where the report was filed, not a clause of the
# lead, so it is a sentence of its own (the parser would make it the lead's subject)
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'’]{2,}(?:[ -][A-Z][A-Z.'’]*)*"
    r"(?:,\s+[A-Z][A-Za-z.'’]*(?:\s+[A-Za-z0-9.'’]+){0,3}){0,2}"
    r"(?:\s+\([A-Za-z .]{2,30}\))?\s*(?:[-–—]+|:)(?=\s+[\"“‘]?[A-Z0-9])"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries as (start, end) character offsets, whitespace trimmed; a dateline
    that opens the text is a sentence of its own."""
    spans: list[tuple[int, int]] = []
    start = 0
    if dateline := _DATELINE.match(text):
        _add(text, 0, dateline.end(), spans)
        start = dateline.end()
    for m in _END.finditer(text, start):
        end = m.end()
        if _is_abbreviation(text, m.start(), m.group()):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int, punct: str) -> bool:
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    w = _WORD_BEFORE.search(text[max(0, dot - 12) : dot + 1])
    if not w:
        return False
    word = w.group(1).lower().rstrip(".")
    if word in _ABBREV:
        return True
    # single capital initials ("J. Smith") and dotted acronyms ("U.S.")
    return len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@register_stage("flashpoint.sentences.v1")
class SentenceStage:
    name = "sentences"
    requires: tuple[str, ...] = ("doc.text",)
    assigns: tuple[str, ...] = ("doc.sentences",)

    @classmethod
    def from_config(cls, config: CoderConfig) -> SentenceStage:
        return cls()

    def __call__(self, doc: Document) -> Document:
        doc.sentences = [
            Sentence(index=i, start=s, end=e, text=doc.text[s:e])
            for i, (s, e) in enumerate(split_sentences(doc.text))
        ]
        dateline = _DATELINE.match(doc.text)
        if dateline and doc.sentences and doc.sentences[0].end <= dateline.end():
            doc.sentences[0].dateline = True  # the sentence split_sentences cut off for it
        return doc
