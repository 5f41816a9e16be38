"""Give each event the date of the temporal expression that belongs to it.

Order of evidence, within the event's own sentence:

1. With a parse: the expressions attached in the dependency tree to the event (its trigger,
   a clause on the trigger, or the verb a noun trigger is an argument of — see
   `syntax.event_nodes`); the nearest level wins, then the finer precision, then the nearer
   in characters. Without a parse: a possessive ("Tuesday's") belongs to the noun right
   after it; any other expression to the trigger nearest to it.
2. "a day after <clause>": an event inside the clause takes the other side's date minus
   the offset ("Thursday's development came a day after Pakistan recalled its ambassador"
   -> the recall is Wednesday); an event outside it takes the clause's date plus it.
3. The nearest expression no other event claims, no possessive ties to another noun and
   no relative clause on another noun holds ("Officials said on Tuesday that rebels
   attacked" -> Tuesday, the attack's latest date; not "the town they took last month").
4. The sentence's date: an event with no date of its own shares the nearest expression of
   its clause, or of the main clause when it is in an adverbial or coordinated clause,
   unless a possessive ties the expression to a noun ("Rebels attacked a post on Tuesday
   and kidnapped two soldiers" -> both Tuesday; not "the town, which they took in 2019").
5. The sentence's opening date ("On 12 July 2023, ...; police fired tear gas"): every event
   of the sentence that has no date of its own takes it, whatever clause it is in.
6. Nothing: the publication date, precision "day", with `date_span` None (defaulted).

An expression that resolves after publication is used only for events marked "future"
(which read "Tuesday" as the next Tuesday).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from flashpoint.document import DateMention, DatePrecision, Document, Event, Sentence, Span
from flashpoint.stages.dates import syntax
from flashpoint.stages.dates.rules import Anchor, TimeExpr, find_anchors
from flashpoint.stages.events.triggers import REPORTING

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# "Tuesday's attack", "Tuesday's Iranian air attack": at most two words in between
_POSSESSIVE_GAP = re.compile(r"\s*(?:[\w-]+\s+){0,2}$")


@dataclass(slots=True, frozen=True)
class DateChoice:
    """The date given to an event; `span` None means it was defaulted to publication."""

    date: date
    precision: DatePrecision
    span: Span | None


def _reading(m: DateMention, event: Event, pub: date | None) -> date | None:
    """The mention's date for this event, or None where it would postdate publication."""
    future = "future" in event.aux
    day = (getattr(m, "future", None) or m.date) if future else m.date
    if not future and pub is not None and day > pub:
        return None
    return day


def _is_possessive(m: DateMention) -> bool:
    return bool(getattr(m, "possessive", False)) or m.text.endswith(("'s", "’s"))


def _distance(a: Span, b: Span) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def _choice(ctx: _Context, m: DateMention, event: Event) -> DateChoice | None:
    day = _reading(m, event, ctx.pub)
    return DateChoice(day, m.precision, m.span) if day else None


def _sentence(doc: Document, event: Event) -> Sentence | None:
    return doc.sentence_of(event.sentence_span[0])


@dataclass(slots=True)
class _Context:
    """One sentence: its mentions, its events and (maybe) its parse."""

    sentence: Sentence
    mentions: list[DateMention]
    events: list[Event]
    parsed: Any
    pub: date | None
    lead: int = 0  # the index of the report's first sentence (after a dateline)

    def trigger_token(self, event: Event) -> Any:
        s, e = event.trigger.span
        return syntax.span_root(self.parsed, s - self.sentence.start, e - self.sentence.start)

    def attachment(self, m: DateMention) -> Any:
        s, e = m.span
        said = syntax.reporting_before(self.parsed, s - self.sentence.start, REPORTING)
        if said is not None:  # "said on Monday its jets had killed": the statement's day
            return said
        return syntax.attachment(self.parsed, s - self.sentence.start, e - self.sentence.start)


def _context(doc: Document, event: Event) -> _Context | None:
    sent = _sentence(doc, event)
    if sent is None:
        return None
    mentions = [m for m in doc.dates if sent.start <= m.span[0] < sent.end]
    events = [e for e in doc.events if sent.start <= e.trigger.span[0] < sent.end]
    pub = event.pub_date or doc.pub_date
    ctx = _Context(sent, mentions, events, doc.parses.get(sent.index), pub, doc.lead)
    if _TOLL_TEXT.search(sent.text):
        ctx.mentions = [m for m in mentions if not _dates_a_toll(ctx, m)]
    return ctx


_TOLL_WORDS = frozenset({"toll", "tally"})
_TOLL_TEXT = re.compile(r"\b(?:tolls?|tally|tallies)\b", re.I)


def _dates_a_toll(ctx: _Context, m: DateMention) -> bool:
    """The day is told after a verb whose subject is a toll ("the death toll from an attack
    on a camp rose to 19 on Wednesday"): the day the toll rose, not that of the event it is
    the toll of (a day before the verb, "the toll from a strike on Monday rose to 7", is
    the event's, wherever the parser hangs it)."""
    if ctx.parsed is None:
        return False
    at = ctx.attachment(m)
    return (
        at is not None
        and at.pos_ in ("VERB", "AUX")
        and m.span[0] - ctx.sentence.start > at.idx
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in _TOLL_WORDS for c in at.children)
    )


# --- 1. the tree (or, without a parse, character positions) ----------------------------


def _nodes(ctx: _Context, event: Event) -> dict[int, int]:
    tok = ctx.trigger_token(event)
    if tok is None:
        return {}
    blocking = set()
    for other in ctx.events:
        other_tok = ctx.trigger_token(other)
        if other_tok is not None and other.event_type != event.event_type:
            blocking.add(other_tok.i)
    blocking.discard(tok.i)
    return syntax.event_nodes(tok, blocking)


def _owned_by_tree(ctx: _Context, event: Event) -> list[tuple[int, DateMention]]:
    nodes = _nodes(ctx, event)
    out = []
    for m in ctx.mentions:
        at = ctx.attachment(m)
        if at is not None and at.i in nodes:
            out.append((nodes[at.i], m))
    return out


def _owner_by_chars(ctx: _Context, m: DateMention) -> Span | None:
    """Without a parse: the trigger a mention belongs to by position."""
    spans = [e.trigger.span for e in ctx.events]
    if _is_possessive(m):
        text, end = ctx.sentence.text, m.span[1] - ctx.sentence.start
        after = [t for t in spans if t[0] >= m.span[1]]
        after = [
            t for t in after if _POSSESSIVE_GAP.fullmatch(text[end : t[0] - ctx.sentence.start])
        ]
        return min(after, default=None)
    return min(spans, key=lambda t: _distance(t, m.span), default=None)


def _direct(ctx: _Context, event: Event) -> DateChoice | None:
    if ctx.parsed is not None:
        owned = _owned_by_tree(ctx, event)
    else:
        mine = event.trigger.span
        owned = [(0, m) for m in ctx.mentions if _owner_by_chars(ctx, m) == mine]
    ranked = sorted(
        owned,
        key=lambda lm: (
            lm[0],
            _PRECISION_RANK[lm[1].precision],
            _distance(lm[1].span, event.trigger.span),
        ),
    )
    for _, m in ranked:
        choice = _choice(ctx, m, event)
        if choice:
            return choice
    return None


# --- 2. "a day after <clause>" ----------------------------------------------------------


def _complement(ctx: _Context, anchor: Anchor) -> Span:
    """Sentence offsets of the clause an anchor governs ("after Pakistan recalled ...")."""
    text, start = ctx.sentence.text, anchor.span[1]
    if ctx.parsed is not None:
        word = syntax.span_root(ctx.parsed, anchor.span[1] - 1, anchor.span[1])
        if word is not None:
            head = word.head if word.dep_ == "mark" else word
            toks = [t for t in head.subtree if t.idx >= start]
            if toks:
                return start, max(t.idx + len(t.text) for t in toks)
    at_start = not text[: anchor.span[0]].strip(" \"“'‘").replace("Just", "").strip()
    comma = text.find(",", start)
    return start, comma if at_start and comma > 0 else len(text)


def _anchored(ctx: _Context, event: Event) -> DateChoice | None:
    base = ctx.sentence.start
    trigger = event.trigger.span[0] - base
    for anchor in find_anchors(ctx.sentence.text):
        lo, hi = _complement(ctx, anchor)
        inside = lo <= trigger < hi
        sides = [m for m in ctx.mentions if (lo <= m.span[0] - base < hi) != inside]
        sides = [m for m in sides if not (anchor.span[0] <= m.span[0] - base < anchor.span[1])]
        if not sides:
            continue
        near = min(
            sides, key=lambda m: _distance((m.span[0] - base, m.span[1] - base), anchor.span)
        )
        sign = -1 if inside == (anchor.direction == "after") else 1
        day = near.date + timedelta(days=sign * anchor.days)
        moved = DateMention(anchor.text, (base + anchor.span[0], base + anchor.span[1]),
                            near.sentence, day, near.precision)  # fmt: skip
        choice = _choice(ctx, moved, event)
        if choice:
            return choice
    return None


# --- 3. an expression nobody else claims ------------------------------------------------


def _claimed(ctx: _Context, event: Event, m: DateMention) -> bool:
    others = [e for e in ctx.events if e.trigger.span != event.trigger.span]
    if ctx.parsed is None:
        return _is_possessive(m) and _owner_by_chars(ctx, m) != event.trigger.span
    at = ctx.attachment(m)
    if at is None:
        return False
    if _is_possessive(m) and at.pos_ in ("NOUN", "PROPN"):
        return True  # "Following Tuesday's meeting, rebels attacked": the meeting's
    if _on_own_argument(ctx, event, m, at):
        return False
    return any(at.i in _nodes(ctx, other) for other in others)


def _on_own_argument(ctx: _Context, event: Event, m: DateMention, at: Any) -> bool:
    """The day is told in a clause on the event's own object ("police fired at students
    protesting in Dhaka on Thursday"): the event shares it with that clause's event."""
    tok = ctx.trigger_token(event)
    clause = syntax.clause_of(at)
    if tok is None or clause.dep_ not in ("relcl", "acl") or not _same_days(m, clause):
        return False
    noun = clause.head
    if noun.head.dep_ == "prep":
        noun = noun.head
    return noun.head.i == tok.i


def _in_other_relative(ctx: _Context, event: Event, m: DateMention) -> bool:
    """ "recaptured the villages that rebels had taken last month": the relative clause's
    date is its own."""
    if ctx.parsed is None:
        return False
    at, tok = ctx.attachment(m), ctx.trigger_token(event)
    if at is None or tok is None:
        return False
    home = syntax.clause_of(at)
    if home.dep_ not in ("relcl", "acl") or home.i == syntax.clause_of(tok).i:
        return False
    return not _same_days(m, home)


def _same_days(m: DateMention, clause: Any) -> bool:
    """A day named in a modifier clause that is not in the perfect ("police fired at
    students protesting in Dhaka on Thursday", "supporters who gathered on Friday", "a
    bomb planted near the checkpoint on Tuesday") is the day of what the sentence tells,
    not another time of the noun's own ("the villages rebels had taken last month")."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)
    return m.precision == "day" and not perfect


def _unclaimed(ctx: _Context, event: Event) -> DateChoice | None:
    free = [
        m
        for m in ctx.mentions
        if not _claimed(ctx, event, m)
        and not _in_other_relative(ctx, event, m)
        and not _an_example(ctx, m)
    ]
    for m in sorted(free, key=lambda m: _distance(m.span, event.trigger.span)):
        choice = _choice(ctx, m, event)
        if choice:
            return choice
    return None


# --- 4. the sentence's date -------------------------------------------------------------


def _tied_to_noun(ctx: _Context, m: DateMention) -> bool:
    """A possessive on a noun ("Tuesday's meeting") dates that noun only."""
    if not _is_possessive(m):
        return False
    if ctx.parsed is None:
        return True
    at = ctx.attachment(m)
    return at is None or at.pos_ in ("NOUN", "PROPN")


def _shares(ctx: _Context, m: DateMention, event: Event) -> bool:
    if _tied_to_noun(ctx, m):
        return False
    if ctx.parsed is None:
        return True
    at, tok = ctx.attachment(m), ctx.trigger_token(event)
    return at is not None and tok is not None and syntax.shares_time(at, tok)


def _shared(ctx: _Context, event: Event) -> DateChoice | None:
    shared = [m for m in ctx.mentions if _shares(ctx, m, event)]
    for m in sorted(shared, key=lambda m: _distance(m.span, event.trigger.span)):
        choice = _choice(ctx, m, event)
        if choice:
            return choice
    return None


# "On 12 July 2023,", "Around 3 May,", "As reported on 9 July 2023,", "Between 1 and 3 April,"
_OPENING_LEAD = re.compile(
    r"\W*(?:(?:as\s+)?(?:reported\s+)?(?:on|around|between|by|in)\s+)?$", re.I
)


def _opening(ctx: _Context, event: Event) -> DateChoice | None:
    """A date that opens the sentence, set off by a comma ("On 12 July 2023, supporters
    protested in Kisumu; police fired tear gas"), dates every event of the sentence that
    has none of its own, whatever clause it is in."""
    text, start = ctx.sentence.text, ctx.sentence.start
    for m in sorted(ctx.mentions, key=lambda m: m.span[0]):
        before = text[: m.span[0] - start]
        after = text[m.span[1] - start : m.span[1] - start + 2]
        if _OPENING_LEAD.match(before) and after.lstrip().startswith((",", "(")):
            return _choice(ctx, m, event)
        break
    return None


def _only_day(ctx: _Context, event: Event) -> DateChoice | None:
    """The one day a report's lead sentence names dates every event of it that no rule
    above dated ("police fired tear gas to disperse a protest in Bunia on Tuesday", "to
    disperse supporters who had gathered outside the court on Thursday"): what the lead
    tells happened on the day it names, not on the day it was published. A day that is a
    noun's own ("Tuesday's attack") dates that noun only, and the day of a statement ("the
    army said on Wednesday") is not that of what was said. Later sentences are left to the
    narrative's frames, which tell elaboration from news of another day."""
    if ctx.sentence.index != ctx.lead:
        return None
    days = [m for m in ctx.mentions if m.precision == "day"]
    if len(days) != 1 or len(ctx.mentions) != 1 or _tied_to_noun(ctx, days[0]):
        return None
    if _when_said(ctx, days[0]) or _in_background(ctx, event) or _an_example(ctx, days[0]):
        return None
    return _choice(ctx, days[0], event)


def _an_example(ctx: _Context, m: DateMention) -> bool:
    """The day is told of one of many ("have killed dozens since 2021, including an assault
    on 8 January"), not of the sentence's event."""
    at = ctx.attachment(m) if ctx.parsed is not None else None
    return at is not None and syntax.in_example(at, syntax.clause_of(at))


_WHEN_WORDS = frozenset("after before following since amid amidst despite during until".split())
# what the lead's event is about or answers: "to protest against the killing of a trader",
# "arrested over the attack", "jailed for the bombing"
_TOPIC_PREPS = frozenset("against over for".split())
_DURATIONS = frozenset("days weeks months years decades".split())


def _in_background(ctx: _Context, event: Event) -> bool:
    """The event is told as what came before or around the lead's, or what it is about
    ("after a revenge attack killed five", "ending months of clashes", "to protest against
    the killing of a trader"): its day is not the lead's."""
    tok = ctx.trigger_token(event) if ctx.parsed is not None else None
    for _ in range(12):
        if tok is None or tok.head.i == tok.i:
            return False
        if any(c.dep_ == "mark" and c.lower_ in _WHEN_WORDS for c in tok.children):
            return True
        head = tok.head
        if tok.dep_ == "pobj" and (
            head.lower_ in _WHEN_WORDS | _TOPIC_PREPS
            or (head.lower_ == "of" and head.head.lower_ in _DURATIONS)
        ):
            return True
        tok = head
    return False


def _when_said(ctx: _Context, m: DateMention) -> bool:
    """ "the army said on Wednesday that ...", "told reporters on Thursday": the day of a
    statement, not of what it tells."""
    at = ctx.attachment(m) if ctx.parsed is not None else None
    return at is not None and at.lemma_.lower() in REPORTING


def said_day(doc: Document, event: Event) -> bool:
    """The event's date is the day a statement was made ("..., the ministry said on
    Saturday"), read off the verb its expression hangs on: when it happened may be earlier."""
    ctx = _context(doc, event)
    if ctx is None or ctx.parsed is None or event.date_span is None:
        return False
    return any(m.span == event.date_span and _when_said(ctx, m) for m in ctx.mentions)


# --- the whole ------------------------------------------------------------------------


def resolve_event_date(doc: Document, event: Event) -> DateChoice | None:
    """The date of `event` from the mentions in `doc.dates` (see the module docstring);
    None only when nothing dates it and the document has no publication date."""
    ctx = _context(doc, event)
    if ctx is not None:
        for rule in (_direct, _anchored, _unclaimed, _shared, _opening, _only_day):
            choice = rule(ctx, event)
            if choice:
                return choice
    pub = event.pub_date or doc.pub_date
    return DateChoice(pub, "day", None) if pub else None


def date_events(doc: Document) -> None:
    """Set `date`, `date_precision` and `date_span` on every event of `doc`."""
    for event in doc.events:
        choice = resolve_event_date(doc, event)
        if choice is not None:
            event.date, event.date_precision, event.date_span = (
                choice.date,
                choice.precision,
                choice.span,
            )


__all__ = ["DateChoice", "TimeExpr", "date_events", "resolve_event_date", "said_day"]
