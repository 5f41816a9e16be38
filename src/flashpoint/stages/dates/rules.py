"""Find the temporal expressions of news text and resolve them against the publication date.

`find_dates(text, pub_date)` returns `TimeExpr`s (a `DateMention` with a little more: the
reading for an event marked "future", and whether the expression is a possessive such as
"Tuesday's" that belongs to the noun after it). Rules, all relative to the publication date:

- absolute: "9 May 2020", "May 9, 2020", "Jan. 3", "3 January" (the most recent such day on
  or before publication), "January 2021" / "mid-January" / "in May" (month), "in 2019"
  (year), ISO "2024-01-16", "13/1/2024" (only where day and month cannot be confused);
- weekdays: "Tuesday", "late Monday", "Thursday morning", "Tuesday's" -> the most recent such
  day on or before publication (the same weekday is the publication day itself);
  "last Tuesday" -> strictly before; "Tuesday last week" -> in the previous week;
- deictic: "yesterday", "today", "tonight", "this morning", "last night";
  "this/last week", "earlier in the week", "over the weekend" (week);
  "this/last month", "earlier this month" (month); "this/last year" (year);
  "two days ago", "three weeks ago", "a month ago", "a year ago";
- narrative: "the next day", "two days later", "the day before" (standing alone), "that
  night" -> relative to the latest day-precise date mentioned before them (else publication);
  they chain ("On Monday ... The next day ... Two days later" -> Monday, Tuesday, Thursday).

`find_anchors(text)` finds the other kind of relative expression, "a day after <clause>" /
"two days before <clause>": it has no date of its own and links the dates of the events on
its two sides (see `flashpoint.stages.dates.attach`).

Expressions that can only be future ("tomorrow", "next week") carry a date after
publication; consumers use them only for events marked "future". Week dates are the Monday
of the ISO week; month dates the first of the month; year dates the first of January.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from flashpoint.document import DateMention, DatePrecision
from flashpoint.stages.dates import calendar as cal

Kind = Literal["absolute", "deictic", "reference"]


@dataclass(slots=True)
class TimeExpr(DateMention):
    """A resolved temporal expression.

    `future`: the reading for events marked "future" when it differs ("Tuesday" in a future
    clause is the next Tuesday). `possessive`: "Tuesday's attack" (the date is the noun's).
    """

    future: dt.date | None = None
    kind: Kind = "absolute"
    possessive: bool = False


@dataclass(slots=True)
class _Reading:
    date: dt.date | None
    precision: DatePrecision
    future: dt.date | None = None
    kind: Kind = "absolute"
    # narrative expressions: an offset from the reference date instead of a date
    offset: timedelta | None = None


_S = r"[^\S\n]+"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH_FULL = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_MON = rf"(?P<mon>(?:{_MONTH_FULL})\b|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)"
_NUM = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_POSS = r"(?P<poss>['’]s)?"
_HOLIDAY = re.compile(r"(?:good|black|ash|holy|super|cyber|maundy|easter|bloody)[^\S\n]+$", re.I)


def _capitalised(m: re.Match[str], group: str) -> bool:
    return m.group(group)[0].isupper()


# --- absolute dates ----------------------------------------------------------------------


def _iso(m: re.Match[str], pub: date | None) -> _Reading | None:
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _Reading(d, "day") if d else None


def _slashed(m: re.Match[str], pub: date | None) -> _Reading | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 >= b:
        d = cal.safe_date(y, b, a)
    elif b > 12 >= a or a == b:
        d = cal.safe_date(y, a, b)
    else:
        return None  # "3/1/2024": 3 January or 1 March?
    return _Reading(d, "day") if d else None


def _day_month(m: re.Match[str], pub: date | None) -> _Reading | None:
    if not _capitalised(m, "mon"):
        return None
    month, day = cal.MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])
    if m["y"]:
        d = cal.safe_date(int(m["y"]), month, day)
        return _Reading(d, "day") if d else None
    if pub is None:
        return None
    past = cal.month_day_on_or_before(pub, month, day)
    future = cal.month_day_on_or_after(pub, month, day)
    return _Reading(past, "day", future) if past else None


def _month_year(m: re.Match[str], pub: date | None) -> _Reading | None:
    if not _capitalised(m, "mon"):
        return None
    return _Reading(date(int(m["y"]), cal.MONTHS[m["mon"].lower().rstrip(".")], 1), "month")


def _bare_month(m: re.Match[str], pub: date | None) -> _Reading | None:
    if pub is None or not _capitalised(m, "mon") or not (m["prep"] or m["mod"] or m["rel"]):
        return None
    month = cal.MONTHS[m["mon"].lower().rstrip(".")]
    rel = (m["rel"] or "").lower()
    if rel == "next":
        d = cal.month_on_or_after(cal.add_months(pub, 1), month)
        return _Reading(d, "month", kind="deictic")
    if rel == "last":
        return _Reading(cal.month_on_or_before(cal.add_months(pub, -1), month), "month")
    return _Reading(cal.month_on_or_before(pub, month), "month", cal.month_on_or_after(pub, month))


def _year(m: re.Match[str], pub: date | None) -> _Reading | None:
    if not (m["prep"] or m["mod"]):
        return None
    return _Reading(date(int(m["y"]), 1, 1), "year")


# --- weekdays and deictic expressions --------------------------------------------------


def _weekday(m: re.Match[str], pub: date | None) -> _Reading | None:
    if pub is None or not _capitalised(m, "wd"):
        return None
    if _HOLIDAY.search(m.string[max(0, m.start() - 12) : m.start()]):
        return None  # "Good Friday", "Super Tuesday"
    wd = cal.WEEKDAYS[m["wd"].lower()]
    pre, week = (m["pre"] or "").lower(), (m["lw"] or "").lower()
    if "last week" in week:
        return _Reading(cal.monday_of(pub) - timedelta(days=7 - wd), "day", kind="deictic")
    if "next week" in week or pre == "next":
        nxt = cal.weekday_on_or_after(pub + timedelta(days=1), wd)
        return _Reading(nxt, "day", kind="deictic")
    if pre == "last":
        return _Reading(cal.weekday_on_or_before(pub - timedelta(days=1), wd), "day")
    past = cal.weekday_on_or_before(pub, wd)
    return _Reading(past, "day", cal.weekday_on_or_after(pub, wd), kind="deictic")


_DEICTIC_DAYS = {
    "the day before yesterday": -2,
    "day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
}


def _deictic(m: re.Match[str], pub: date | None) -> _Reading | None:
    if pub is None:
        return None
    word = re.sub(r"\s+", " ", m["t"].lower())
    return _Reading(pub + timedelta(days=_DEICTIC_DAYS.get(word, 0)), "day", kind="deictic")


def _period(m: re.Match[str], pub: date | None) -> _Reading | None:
    if pub is None:
        return None
    rel, unit = re.sub(r"\s+", " ", m["rel"].lower()), m["unit"].lower()
    step = 1 if rel == "next" else -1 if "last" in rel else 0
    if unit == "week":
        return _Reading(cal.monday_of(pub) + timedelta(weeks=step), "week", kind="deictic")
    if unit == "month":
        return _Reading(cal.add_months(pub, step), "month", kind="deictic")
    return _Reading(date(pub.year + step, 1, 1), "year", kind="deictic")


def _weekend(m: re.Match[str], pub: date | None) -> _Reading | None:
    if pub is None:
        return None
    rel = (m["rel"] or "").lower()
    saturday = cal.weekday_on_or_before(pub, 5)
    if rel == "next":
        saturday = cal.weekday_on_or_after(pub + timedelta(days=1), 5)
    elif rel in ("last", "past") and pub.weekday() >= 5:
        saturday -= timedelta(days=7)
    return _Reading(cal.monday_of(saturday), "week", kind="deictic")


def _ago(m: re.Match[str], pub: date | None) -> _Reading | None:
    n = cal.small_number(m["n"])
    if pub is None or n is None:
        return None
    unit = m["unit"].lower()
    if unit == "day":
        return _Reading(pub - timedelta(days=n), "day", kind="deictic")
    if unit == "week":
        return _Reading(cal.monday_of(pub - timedelta(weeks=n)), "week", kind="deictic")
    if unit == "month":
        return _Reading(cal.add_months(pub, -n), "month", kind="deictic")
    return _Reading(date(pub.year - n, 1, 1), "year", kind="deictic")


# --- narrative expressions (relative to the date last mentioned) ------------------------

_STEP = {"next": 1, "following": 1, "later": 1, "after": 1, "previous": -1, "earlier": -1,
         "before": -1, "same": 0, "that": 0}  # fmt: skip


def _first(m: re.Match[str], *names: str) -> str | None:
    groups = m.groupdict()
    return next((groups[n] for n in names if groups.get(n)), None)


def _narrative(m: re.Match[str], pub: date | None) -> _Reading | None:
    n = cal.small_number(_first(m, "n") or "one") or 1
    unit = (_first(m, "unit", "unit2", "unit3") or "day").lower()
    sign = _STEP[(_first(m, "dir", "dir2", "dir3") or "that").lower()]
    days = n * sign * (7 if unit == "week" else 1)
    precision: DatePrecision = "week" if unit == "week" else "day"
    return _Reading(None, precision, kind="reference", offset=timedelta(days=days))


_Handler = Callable[[re.Match[str], date | None], _Reading | None]

_RULES: list[tuple[str, _Handler]] = [
    (r"(?<![\d-])(?P<t>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))(?![\d-])", _iso),
    (r"(?<![\d/])(?P<t>(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}))(?![\d/])", _slashed),
    (
        rf"\b(?P<t>(?:{_WD},?{_S})?(?:the{_S})?(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?{_S}"
        rf"(?:of{_S})?{_MON}(?:,?{_S}(?P<y>\d{{4}})\b)?){_POSS}",
        _day_month,
    ),
    (
        rf"\b(?P<t>(?:{_WD},?{_S})?{_MON}{_S}(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
        rf"(?:,?{_S}(?P<y>\d{{4}})\b)?){_POSS}",
        _day_month,
    ),
    (rf"\b(?P<t>(?:(?:early|mid|late)[-\s]+)?{_MON},?{_S}(?P<y>\d{{4}}))\b", _month_year),
    (
        rf"\b(?P<prep>(?:in|during){_S})?(?P<t>(?:(?P<mod>early|mid|late|(?:the{_S})?"
        rf"(?:end|beginning|start|middle){_S}of)(?:{_S}|-))?(?:(?P<rel>last|this|next){_S})?"
        rf"(?P<mon>{_MONTH_FULL}))\b(?!\.?{_S}\d){_POSS}",
        _bare_month,
    ),
    (
        rf"\b(?P<prep>(?:in|during){_S})?(?P<t>(?:(?P<mod>early|mid|late)(?:{_S}|-))?"
        rf"(?P<y>(?:19|20)\d\d))\b(?![-–/]\d|['’]?s\b)",
        _year,
    ),
    (
        rf"\b(?P<t>(?:(?P<pre>last|this|next|(?:late|early)(?:{_S}on)?){_S})?{_WD}"
        rf"(?:{_S}(?:morning|afternoon|evening|night))?"
        rf"(?:{_S}(?P<lw>(?:of{_S})?(?:last|next){_S}week))?)\b{_POSS}",
        _weekday,
    ),
    (
        rf"\b(?P<t>(?:the{_S})?day{_S}before{_S}yesterday|yesterday|today|tonight|tomorrow"
        rf"|(?:earlier|later){_S}today|this{_S}(?:morning|afternoon|evening)|last{_S}night)"
        rf"\b{_POSS}",
        _deictic,
    ),
    (
        rf"\b(?P<t>(?P<rel>earlier{_S}this|later{_S}this|earlier{_S}in{_S}the|later{_S}in{_S}the"
        rf"|(?:early|late){_S}(?:this|last)|this|last|next)"
        rf"{_S}(?P<unit>week|month|year))\b(?!{_S}(?:ago|later|earlier))",
        _period,
    ),
    (
        rf"\b(?:(?:over|at|during|on){_S}(?P<t0>the{_S}weekend)"
        rf"|(?P<t>(?P<rel>this|last|past|next){_S}weekend))\b",
        _weekend,
    ),
    (rf"\b(?P<t>{_NUM}{_S}(?P<unit>day|week|month|year)s?{_S}ago)\b", _ago),
    (
        rf"\b(?P<t>the{_S}(?P<dir>next|following|previous|same){_S}(?P<unit>day|week)"
        rf"|{_NUM}{_S}(?P<unit2>day|week)s?{_S}(?P<dir2>later|earlier))\b",
        _narrative,
    ),
    (
        rf"\b(?P<t>(?:the|{_NUM}){_S}(?P<unit3>day|week)s?{_S}(?P<dir3>before|after))"
        rf"(?=[^\S\n]*(?:[,.;:!?)\"”’]|$))",
        _narrative,
    ),
    (rf"\b(?P<t>that{_S}(?:day|morning|afternoon|evening|night))\b", _narrative),
]
# a rule is tried on a piece of text only if the piece holds one of its words
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_GATES: dict[_Handler, tuple[str, ...]] = {
    _iso: ("-",), _slashed: ("/",), _day_month: _MONTH_STEMS, _month_year: _MONTH_STEMS,
    _bare_month: _MONTH_STEMS, _year: ("19", "20"), _weekday: ("day",),
    _deictic: ("yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening",
               "night"),
    _period: ("week", "month", "year"), _weekend: ("weekend",), _ago: (" ago",),
    _narrative: ("day", "week", "that"),
}  # fmt: skip


def _compiled(pattern: str) -> re.Pattern[str]:
    # every rule that opens with \b goes on with a word character: saying so lets the engine
    # pass over the ends of words at once
    if pattern.startswith(r"\b"):
        pattern = r"\b(?=\w)" + pattern[2:]
    return re.compile(pattern, re.I)


_COMPILED = [(frozenset(_GATES[h]), _compiled(p), h) for p, h in _RULES]
_GATE_WORDS = tuple(sorted({word for gate in _GATES.values() for word in gate}))


# --- finding ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    start: int  # the whole match (used to settle overlaps)
    end: int
    span: tuple[int, int]  # the expression reported
    reading: _Reading
    possessive: bool


# sentence-like pieces ("Jan. 3" is not cut: a digit follows the full stop)
_BREAK = re.compile(r"\n|[.!?][\"'”’)]?\s+(?=[A-Z\"“‘(])")


def _pieces(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _BREAK.finditer(text):
        bounds.append((start, m.start() + 1))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _matches(text: str) -> list[tuple[re.Match[str], _Handler]]:
    out = []
    for lo, hi in _pieces(text):
        piece = text[lo:hi].lower()
        # each word looked for once per piece, not once for each rule that needs it
        present = {word for word in _GATE_WORDS if word in piece}
        for gate, regex, handler in _COMPILED:
            if not present.isdisjoint(gate):
                out += [(m, handler) for m in regex.finditer(text, lo, hi)]
    return out


def _candidates(text: str, pub: date | None) -> list[_Found]:
    found: list[_Found] = []
    for m, handler in _matches(text):
        reading = handler(m, pub)
        if reading is None:
            continue
        name = "t" if m.groupdict().get("t") else "t0"
        poss = bool(m.groupdict().get("poss"))
        span = (m.start(name), m.end("poss") if poss else m.end(name))
        found.append(_Found(m.start(), m.end(), span, reading, poss))
    return found


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    """The longest match wins; among equals, the earlier rule."""
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def find_dates(text: str, pub_date: date | None, sentence: int = 0) -> list[TimeExpr]:
    """Every temporal expression of `text`, in text order, resolved against `pub_date`.

    Spans are offsets into `text`; narrative expressions ("the next day") resolve against
    the latest day-precise date before them (the publication date when there is none).
    Without a publication date only fully written dates resolve.
    """
    out: list[TimeExpr] = []
    reference = pub_date
    for f in _without_overlaps(_candidates(text, pub_date)):
        r = f.reading
        day, future = r.date, r.future
        if r.offset is not None:
            if reference is None:
                continue
            day = reference + r.offset
            if r.precision == "week":
                day = cal.monday_of(day)
        if r.precision == "day":
            reference = day
        assert day is not None
        out.append(
            TimeExpr(
                text=text[f.span[0] : f.span[1]],
                span=f.span,
                sentence=sentence,
                date=day,
                precision=r.precision,
                future=future if future != day else None,
                kind=r.kind,
                possessive=f.possessive,
            )
        )
    return out


# --- anchored expressions ("a day after Pakistan recalled its ambassador") ---------------


@dataclass(slots=True, frozen=True)
class Anchor:
    """ "<n> days after|before <complement>": the complement's events happened `days` days
    before (after) the main clause's: main = complement + days ("after") or - days."""

    text: str
    span: tuple[int, int]
    days: int
    direction: Literal["after", "before"]


_ANCHOR = re.compile(
    rf"\b(?:(?:{_NUM}|the){_S}(?P<unit>day|week|hour|minute)s?"
    rf"|(?:hours|minutes|moments|shortly|soon|just|only|immediately)){_S}(?P<dir>after|before)\b"
    rf"(?![^\S\n]*(?:[,.;:!?)\"”’]|$))(?!{_S}(?:yesterday|tomorrow|last|this)\b)",
    re.I,
)


def find_anchors(text: str) -> list[Anchor]:
    """The anchored relative expressions of `text` (offsets into `text`)."""
    out = []
    for m in _ANCHOR.finditer(text):
        unit = (m["unit"] or "hour").lower()
        n = cal.small_number(m["n"] or "one") or 1
        days = n * 7 if unit == "week" else n if unit == "day" else 0
        direction: Literal["after", "before"] = "after" if m["dir"].lower() == "after" else "before"
        out.append(Anchor(m.group(), m.span(), days, direction))
    return out
