"""Deduplication: many reports (mentions) of one real-world event become one event.

Every mention gets a `MergeKey`: its merge type (PLOVER type, plus the auxiliary modes that
make it a different claim: negation, future, hypothetical), its actor and recipient (the
ISO3 country, or the name of an actor without one; `None` when the text did not say), the
interval its date allows (a day; the Monday-Sunday week; the calendar month; the week up to
publication when the article gave no date; the publication day ± 2 days when the date was
taken from the publication date alone) and its place as a path (country, admin1, place).

Two keys are *compatible* (could be the same event) when they have the same merge type, their
actors agree or one is unknown, likewise their recipients, their date intervals overlap (each
report's date, within its precision) and one place is the same as or inside the other. Parties
conflict, and the keys are not compatible, when merging them would put one actor on both sides
("Iran struck" and "struck Iran") while neither report said so.
Compatibility is not transitive (a report of "strikes on Pakistan this week" is compatible
with a strike on Monday and with another on Friday), so clustering never chains:

- keys that are equal are one *atom*;
- an atom is *ambiguous* when two of its compatible atoms are incompatible with each other
  (which of the two strikes does it mean?): it stays an event of its own;
- every other atom forms one event with its compatible atoms that are not ambiguous. These
  groups are cliques (every two members are compatible), so they partition the atoms and
  each has a *meet*: the known actor and recipient, the intersection of the intervals, the
  innermost place. The event id is a hash of the meet.
- keys too vague to place (a year, or no date at all) only merge with keys equal to them.

The result is a pure function of the set of mentions, so ingesting the same articles in any
order, at once or over many runs, gives the same events with the same ids. It is also local:
an atom's event depends only on atoms within `MAX_SPAN_DAYS` of its interval, and a new atom
with interval [a, b] can change only atoms overlapping [a - MAX_SPAN_DAYS, b + MAX_SPAN_DAYS].
The store recomputes just those, from the mentions of the same merge type within
`CONTEXT_DAYS` of [a, b], found through an index on (merge type, date); candidates are looked
up by day and dyad, so nothing compares all pairs.

The representative of an event is a function of its mentions too (see `build_event`): its
date and precision come from the most precise report; actor and recipient names and sectors,
the mode and the place details are the most-reported values, ties going to the earliest
report (publication date, then document id, then position in the document). Casualty counts
keep every reported value with its source; the best value is the most-reported one, ties going
to the lowest (ACLED's conservative rule for conflicting fatality reports).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from flashpoint.document import Event, EventActor, EventLocation

MAX_SPAN_DAYS = 31
"""The widest date interval that can merge with other reports (a calendar month)."""
TARGET_DAYS = MAX_SPAN_DAYS
"""A new mention over [a, b] can change the events of mentions overlapping [a-31, b+31]."""
CONTEXT_DAYS = 3 * MAX_SPAN_DAYS
"""...whose recomputation reads the mentions overlapping [a-93, b+93]."""
UNDATED_WINDOW_DAYS = 7
"""An event with no date of its own happened in the week up to its article's publication."""
PUB_DATE_SLACK_DAYS = 2
"""An event dated only by its article's publication day happened within 2 days of it."""
COUNT_RULE = "most-reported value; ties to the lowest (ACLED's conservative rule)"
COUNT_KINDS = ("dead", "injured", "arrested")
# Auxiliary modes that make a report a different claim from the event itself.
_CLAIM_AUX = ("negation", "future", "hypothetical")
# Auxiliary modes that say what kind of mention a report is: history, a running total
_KIND_AUX = ("historical", "aggregate", "background")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class MergeKey:
    """What deduplication compares. `lo`/`hi` are None for undatable reports."""

    merge_type: str
    actor: str | None
    recipient: str | None
    lo: date | None
    hi: date | None
    place: tuple[str, ...] = ()

    @property
    def narrow(self) -> bool:
        """Precise enough in time to join a more precise report."""
        if self.lo is None or self.hi is None:
            return False
        return (self.hi - self.lo).days < MAX_SPAN_DAYS

    @property
    def event_id(self) -> str:
        """The id of the event whose leaf this key is: stable across orders and backends."""
        return "ev_" + hashlib.sha1(self.encode().encode("utf-8")).hexdigest()[:20]

    def encode(self) -> str:
        parts = [
            self.merge_type,
            self.actor or "",
            self.recipient or "",
            self.lo.isoformat() if self.lo else "",
            self.hi.isoformat() if self.hi else "",
            "/".join(self.place),
        ]
        return "\x1f".join(parts)


# --- keys -------------------------------------------------------------------------------


def merge_type_of(event_type: str, aux: Iterable[str]) -> str:
    """The PLOVER type plus the auxiliary modes that change the claim ("ASSAULT|future")."""
    extra = sorted(a for a in set(aux) if a in _CLAIM_AUX)
    return "|".join([event_type, *extra])


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().replace("|", " ").split())


def actor_key(actor: EventActor | None) -> str | None:
    """The actor as dedup compares it: its country, else its name, else unknown (None)."""
    if actor is None:
        return None
    if actor.country:
        return actor.country.upper()
    name = _norm(actor.name)
    return f"name:{name}" if name else None


def place_path(loc: EventLocation | None) -> tuple[str, ...]:
    """The place as a path (country, admin1, place); a prefix is a place that contains it."""
    if loc is None or not loc.country:
        return ()
    path = [loc.country.upper()]
    if loc.precision in ("admin1", "admin2", "city"):
        path.append(_norm(loc.admin1))
        if loc.precision in ("admin2", "city"):
            path.append(_norm(loc.name))
    while path and not path[-1]:
        path.pop()
    return tuple(path)


def date_interval(
    when: date | None, precision: str | None, pub_date: date | None
) -> tuple[date, date] | None:
    """The days a report's date allows, given its precision."""
    if when is None:
        if pub_date is None:
            return None
        return pub_date - timedelta(days=UNDATED_WINDOW_DAYS - 1), pub_date
    if precision == "week":
        start = when - timedelta(days=when.weekday())
        return start, start + timedelta(days=6)
    if precision == "month":
        last = calendar.monthrange(when.year, when.month)[1]
        return when.replace(day=1), when.replace(day=last)
    if precision == "year":
        return date(when.year, 1, 1), date(when.year, 12, 31)
    return when, when


def dated_by_publication(event: Event) -> bool:
    """The coder took the event's date from its article's publication date: the text gave
    none (a day-precision date equal to the publication day, with no date words)."""
    return (
        event.date is not None
        and event.date == event.pub_date
        and event.date_precision == "day"
        and event.date_span is None
    )


def merge_key(event: Event) -> MergeKey:
    interval = date_interval(event.date, event.date_precision, event.pub_date)
    if interval is not None and dated_by_publication(event):
        slack = timedelta(days=PUB_DATE_SLACK_DAYS)
        interval = (interval[0] - slack, interval[1] + slack)
    lo, hi = interval if interval else (None, None)
    return MergeKey(
        merge_type=merge_type_of(event.event_type, event.aux),
        actor=actor_key(event.actor),
        recipient=actor_key(event.recipient),
        lo=lo,
        hi=hi,
        place=place_path(event.location),
    )


def compatible(a: MergeKey, b: MergeKey) -> bool:
    """True when `a` and `b` could report the same event."""
    if a.merge_type != b.merge_type:
        return False
    if a.actor is not None and b.actor is not None and a.actor != b.actor:
        return False
    if a.recipient is not None and b.recipient is not None and a.recipient != b.recipient:
        return False
    if _swapped([a, b], a.actor or b.actor, a.recipient or b.recipient):
        return False
    if a.lo is None or a.hi is None or b.lo is None or b.hi is None:
        return a == b
    if a.hi < b.lo or b.hi < a.lo:
        return False
    n = min(len(a.place), len(b.place))
    return a.place[:n] == b.place[:n]


def _swapped(keys: Sequence[MergeKey], actor: str | None, recipient: str | None) -> bool:
    """Merging `keys` would make `actor` its own recipient, which no key says."""
    if actor is None or actor != recipient:
        return False
    return not any(k.actor == k.recipient == actor for k in keys)


def _one(values: set[str | None]) -> tuple[bool, str | None]:
    known = {v for v in values if v is not None}
    return len(known) <= 1, next(iter(known), None)


def meet(keys: Iterable[MergeKey]) -> MergeKey | None:
    """The key that says everything the keys say, or None if two of them disagree.

    (For keys of one merge type, pairwise compatible is the same as having a meet.)"""
    keys = list(keys)
    if not keys:
        return None
    first = keys[0]
    if not first.narrow:
        return first if all(k == first for k in keys) else None
    if any(k.merge_type != first.merge_type or not k.narrow for k in keys):
        return None
    ok_a, actor = _one({k.actor for k in keys})
    ok_r, recipient = _one({k.recipient for k in keys})
    lo = max(k.lo for k in keys if k.lo is not None)
    hi = min(k.hi for k in keys if k.hi is not None)
    place = max((k.place for k in keys), key=len)
    if not (ok_a and ok_r and lo <= hi) or _swapped(keys, actor, recipient):
        return None
    if any(k.place != place[: len(k.place)] for k in keys):
        return None
    return MergeKey(first.merge_type, actor, recipient, lo, hi, place)


_Bucket = tuple[str, dt.date, str | None, str | None]


class Clusterer:
    """Finds the event of each narrow key, given the atoms around it (the context).

    The context must hold every narrow key of the merge type that overlaps
    [lo - MAX_SPAN_DAYS, hi + MAX_SPAN_DAYS] of each key asked about; `event_key` is exact."""

    def __init__(self, keys: Iterable[MergeKey]) -> None:
        self._exact: dict[_Bucket, list[MergeKey]] = defaultdict(list)
        self._by_actor: dict[_Bucket, list[MergeKey]] = defaultdict(list)
        self._by_recipient: dict[_Bucket, list[MergeKey]] = defaultdict(list)
        self._by_day: dict[_Bucket, list[MergeKey]] = defaultdict(list)
        for key in {k for k in keys if k.narrow}:
            for day in _days(key):
                mt = key.merge_type
                self._exact[(mt, day, key.actor, key.recipient)].append(key)
                self._by_actor[(mt, day, key.actor, "*")].append(key)
                self._by_recipient[(mt, day, "*", key.recipient)].append(key)
                self._by_day[(mt, day, "*", "*")].append(key)
        self._neighbors: dict[MergeKey, frozenset[MergeKey]] = {}
        self._ambiguous: dict[MergeKey, bool] = {}
        self._events: dict[MergeKey, MergeKey] = {}

    def _buckets(self, key: MergeKey, day: dt.date) -> Iterable[list[MergeKey]]:
        mt, a, r = key.merge_type, key.actor, key.recipient
        if a is not None and r is not None:
            for aa in (a, None):
                for rr in (r, None):
                    yield self._exact.get((mt, day, aa, rr), [])
        elif r is not None:
            yield self._by_recipient.get((mt, day, "*", r), [])
            yield self._by_recipient.get((mt, day, "*", None), [])
        elif a is not None:
            yield self._by_actor.get((mt, day, a, "*"), [])
            yield self._by_actor.get((mt, day, None, "*"), [])
        else:
            yield self._by_day.get((mt, day, "*", "*"), [])

    def neighbors(self, key: MergeKey) -> frozenset[MergeKey]:
        """The other atoms compatible with `key`."""
        if key not in self._neighbors:
            found = {c for day in _days(key) for b in self._buckets(key, day) for c in b}
            self._neighbors[key] = frozenset(c for c in found if c != key and compatible(c, key))
        return self._neighbors[key]

    def ambiguous(self, key: MergeKey) -> bool:
        """Two atoms compatible with `key` disagree with each other."""
        if key not in self._ambiguous:
            around = self.neighbors(key)
            self._ambiguous[key] = bool(around) and meet(around) is None
        return self._ambiguous[key]

    def members(self, key: MergeKey) -> list[MergeKey]:
        """The atoms of `key`'s event (itself included)."""
        if not key.narrow or self.ambiguous(key):
            return [key]
        return [key, *(n for n in self.neighbors(key) if not self.ambiguous(n))]

    def event_key(self, key: MergeKey) -> MergeKey:
        """The meet of `key`'s event: its id is the event's id."""
        if key not in self._events:
            merged = meet(self.members(key))
            assert merged is not None, "an event's atoms are pairwise compatible"
            self._events[key] = merged
        return self._events[key]


def _days(key: MergeKey) -> Iterable[dt.date]:
    assert key.lo is not None and key.hi is not None
    day = key.lo
    while day <= key.hi:
        yield day
        day += timedelta(days=1)


def cluster(keys: Iterable[MergeKey]) -> dict[MergeKey, MergeKey]:
    """Every key's event key, computed from the whole set at once (the reference)."""
    keys = set(keys)
    clusterer = Clusterer(keys)
    return {k: clusterer.event_key(k) for k in keys}


# --- the representative of a cluster ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorValue:
    name: str | None = None
    country: str | None = None
    sector: str | None = None

    @property
    def id(self) -> str | None:
        if not (self.name or self.country or self.sector):
            return None
        return "ac_" + _digest(self.name, self.country, self.sector)


@dataclass(frozen=True, slots=True)
class PlaceValue:
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None

    @property
    def id(self) -> str | None:
        if not (self.name or self.country):
            return None
        return "pl_" + _digest(
            self.name, self.country, self.admin1, self.lat, self.lon, self.precision
        )


def _digest(*parts: Any) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class MentionFacts:
    """What `build_event` needs to know about one stored mention."""

    mention_id: str
    doc_id: str
    ordinal: int
    key: MergeKey
    event_type: str
    pub_date: date | None
    outlet: str | None = None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    aux: tuple[str, ...] = ()
    scores: tuple[int | None, float | None, str | None] = (None, None, None)
    acled: tuple[str | None, str | None] = (None, None)
    actor: ActorValue | None = None
    recipient: ActorValue | None = None
    place: PlaceValue | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    sentence: str = ""
    confidence: float = 0.0

    @property
    def report_order(self) -> tuple[dt.date, str, int]:
        """Earliest report first: publication date, then document id, then position."""
        return (self.pub_date or dt.date.max, self.doc_id, self.ordinal)

    @property
    def source(self) -> str:
        """The outlet that published it (the article itself when the outlet is unknown)."""
        return self.outlet or f"doc:{self.doc_id}"


@dataclass(slots=True)
class EventFacts:
    """The merged event: a deterministic function of its mentions."""

    event_id: str
    key: MergeKey
    event_type: str
    mode: str | None
    contexts: list[str]
    aux: list[str]
    scores: tuple[int | None, float | None, str | None]
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date: dt.date | None
    date_precision: str | None
    actor: ActorValue | None
    recipient: ActorValue | None
    place: PlaceValue | None
    counts: dict[str, int | None]
    count_reports: dict[str, list[dict[str, Any]]]
    num_mentions: int
    num_sources: int
    num_articles: int
    first_reported: dt.date | None
    last_reported: dt.date | None
    rep_mention_id: str
    rep_doc_id: str
    sentence: str
    confidence: float


def most_reported(
    mentions: Sequence[MentionFacts], value: Callable[[MentionFacts], T | None]
) -> T | None:
    """The value most mentions give (None ignored); ties to the earliest report."""
    counts: Counter[Any] = Counter()
    first: dict[Any, tuple[date, str, int]] = {}
    for m in mentions:
        v = value(m)
        if v is None:
            continue
        counts[v] += 1
        order = m.report_order
        if v not in first or order < first[v]:
            first[v] = order
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], first[v]))


def best_count(values: Sequence[int]) -> int | None:
    """The most-reported count; ties to the lowest."""
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _actor_of(
    mentions: Sequence[MentionFacts], get: Callable[[MentionFacts], ActorValue | None]
) -> ActorValue | None:
    known = [m for m in mentions if get(m) is not None]
    if not known:
        return None
    name = most_reported(known, lambda m: _h(get(m)).name)
    country = most_reported(known, lambda m: _h(get(m)).country)
    sector = most_reported(known, lambda m: _h(get(m)).sector)
    return ActorValue(name=name, country=country, sector=sector)


def _h(value: T | None) -> T:
    assert value is not None
    return value


def _count_reports(mentions: Sequence[MentionFacts]) -> dict[str, list[dict[str, Any]]]:
    reports: dict[str, list[dict[str, Any]]] = {}
    for kind in COUNT_KINDS:
        rows = [
            {
                "value": m.counts[kind],
                "doc_id": m.doc_id,
                "mention_id": m.mention_id,
                "source": m.source,
                "pub_date": m.pub_date.isoformat() if m.pub_date else None,
            }
            for m in sorted(mentions, key=lambda m: m.report_order)
            if m.counts.get(kind) is not None
        ]
        if rows:
            reports[kind] = rows
    return reports


def _specificity(m: MentionFacts) -> tuple[int, int, tuple[dt.date, str, int]]:
    """The representative report: the most precise date, then the innermost place, then
    the earliest report."""
    lo, hi = m.key.lo, m.key.hi
    width = (hi - lo).days if lo is not None and hi is not None else 10**6
    return (width, -len(m.key.place), m.report_order)


def build_event(event_id: str, mentions: Sequence[MentionFacts]) -> EventFacts:
    """The merged event `event_id` of `mentions` (those assigned to it; one at least)."""
    ordered = sorted(mentions, key=lambda m: m.report_order)
    key = meet(m.key for m in ordered) or ordered[0].key
    precise = min(ordered, key=_specificity)
    innermost = [m for m in ordered if m.key.place == key.place]
    acled = most_reported(ordered, lambda m: m.acled if m.acled[0] else None) or (None, None)
    reports = _count_reports(ordered)
    aux = set(key.merge_type.split("|")[1:])
    for flag in _KIND_AUX:  # the event is history or a running total if every report says so
        if all(flag in m.aux for m in ordered):
            aux.add(flag)
    pub_dates = [m.pub_date for m in ordered if m.pub_date is not None]
    mode = most_reported(ordered, lambda m: m.mode)
    of_mode = [m for m in ordered if m.mode == mode]
    return EventFacts(
        event_id=event_id,
        key=key,
        event_type=ordered[0].event_type,
        mode=mode,
        contexts=sorted({c for m in ordered for c in m.contexts}),
        aux=sorted(aux),
        scores=most_reported(of_mode, lambda m: m.scores) or (None, None, None),
        acled_event_type=acled[0],
        acled_sub_event_type=acled[1],
        date=precise.date,
        date_precision=precise.date_precision,
        actor=_actor_of(ordered, lambda m: m.actor),
        recipient=_actor_of(ordered, lambda m: m.recipient),
        place=most_reported(innermost, lambda m: m.place),
        counts={k: best_count([r["value"] for r in reports.get(k, [])]) for k in COUNT_KINDS},
        count_reports=reports,
        num_mentions=len(ordered),
        num_sources=len({m.source for m in ordered}),
        num_articles=len({m.doc_id for m in ordered}),
        first_reported=min(pub_dates) if pub_dates else None,
        last_reported=max(pub_dates) if pub_dates else None,
        rep_mention_id=precise.mention_id,
        rep_doc_id=precise.doc_id,
        sentence=precise.sentence,
        confidence=round(max(m.confidence for m in ordered), 3),
    )


def group_by(items: Iterable[T], key: Callable[[T], Hashable]) -> dict[Hashable, list[T]]:
    out: dict[Hashable, list[T]] = defaultdict(list)
    for item in items:
        out[key(item)].append(item)
    return out
