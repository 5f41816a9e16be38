"""Numbers as news writes them: "seven", "twenty-one", "a dozen", "1,300", "dozens",
"at least 90", "more than 100".

Vague quantities have no value, only a lower bound: "several" 3, "a few" / "a handful" 2,
"an unknown number" 1, "a number" 2, "dozens" 24, "scores" 40, "hundreds" 200, "thousands"
2000, "tens of thousands" 20000.
"at least N", "more than N", "over N" (and the like) give the value N and the lower bound N;
"about N", "nearly N", "up to N" give the value N and no bound.
"""

from __future__ import annotations

import re

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_W99 = rf"(?:(?:{_TENS})(?:[-\s](?:{_UNITS}))?|{_TEENS}|{_UNITS})"
_WORDS = rf"(?:(?:{_W99}|a)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_W99})?|{_W99})"
_DOZEN = r"(?:(?:a|one|two|three|four|five|half\s+a)\s+dozen)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:hundred|thousand|million)\b)?"
_VAGUE = (
    r"(?:tens\s+of\s+thousands|dozens|scores|hundreds|thousands|several|a\s+few|a\s+handful"
    r"|an\s+(?:unknown|undetermined|unspecified)\s+number|a\s+number)"
)
LOWER_MODIFIERS = (
    r"at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than"
    r"|no\s+less\s+than"
)
_OTHER_MODIFIERS = (
    r"as\s+many\s+as|up\s+to|nearly|almost|about|around|approximately|roughly|some"
    r"|an\s+estimated|close\s+to|fewer\s+than|less\s+than|at\s+most|a\s+total\s+of"
    r"|another|a\s+further|an\s+additional|only|just"
)
MODIFIER = rf"(?:{LOWER_MODIFIERS}|{_OTHER_MODIFIERS})"

# measures, ages, money, times: a number followed by these is not a head count
_NOT_PEOPLE = (
    r"(?![\d,]*(?:\s*|-)(?:%|percent|per\s*cent|years?\b|-year|yr|miles?\b|km\b|kilomet"
    r"|met(?:er|re)|feet\b|foot\b|inch|kg\b|kilo|tons?\b|tonnes?\b|hours?\b|minutes?\b"
    r"|days?\b|weeks?\b|months?\b|dollars?|euros?|pounds\b|rupees?|am\b|pm\b|a\.m|p\.m"
    r"|gmt\b|o['’]clock|times\b|st\b|nd\b|rd\b|th\b))"
)
NUMBER = rf"(?<![$£€¥\d.,])(?:{_DOZEN}|{_VAGUE}|{_DIGITS}|{_WORDS})\b{_NOT_PEOPLE}"
"""A regex (no groups) for a number of people."""

_VALUES = {
    "zero": 0, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE_LOWER_BOUNDS = {
    "several": 3, "a few": 2, "a handful": 2, "dozens": 24, "scores": 40, "hundreds": 200,
    "thousands": 2000, "tens of thousands": 20000,
    # "an unknown number of people were killed": someone was, how many is not said
    "an unknown number": 1, "an undetermined number": 1, "an unspecified number": 1,
    "a number": 2,
}  # fmt: skip
_LOWER = re.compile(rf"^(?:{LOWER_MODIFIERS})\s+", re.I)
_ANY_MOD = re.compile(rf"^(?:{MODIFIER})\s+", re.I)


def _words_value(words: list[str]) -> int | None:
    total = current = 0
    for w in words:
        if w == "and":
            continue
        if w in _VALUES:
            current += _VALUES[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
        elif w == "dozen":
            current = max(current, 1) * 12
        elif w == "half":
            current = -1  # "half a dozen"
        else:
            return None
    if current < 0:
        return None
    return total + current


def _plain_value(text: str) -> int | None:
    text = text.lower()
    if text.startswith("half a dozen"):
        return 6
    words = re.split(r"[\s-]+", text)
    if words[0].replace(",", "").isdigit():
        value = int(words[0].replace(",", ""))
        scale = _SCALES.get(words[1], 1) if len(words) > 1 else 1
        return value * scale
    return _words_value(words)


def parse_number(text: str) -> tuple[int | None, int | None]:
    """(value, lower bound) of a number phrase, modifier included:
    "at least seven" -> (7, 7); "twenty-one" -> (21, None); "dozens" -> (None, 24)."""
    phrase = re.sub(r"\s+", " ", text.strip()).lower()
    lower = bool(_LOWER.match(phrase))
    phrase = _ANY_MOD.sub("", phrase)
    if phrase in VAGUE_LOWER_BOUNDS:
        return None, VAGUE_LOWER_BOUNDS[phrase]
    value = _plain_value(phrase)
    return value, (value if lower and value is not None else None)
