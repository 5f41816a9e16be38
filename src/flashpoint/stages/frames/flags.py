"""Mentions that are not events: running totals and background.

- **aggregate**: a toll told in the perfect ("have been killed", "has killed") and counted
  over a span of time longer than days ("since the war began", "so far this year", not
  "since Wednesday evening", or framed by a whole war: "as a result of the war", "as the war
  enters its eighth year"), or a toll of thousands in the perfect, exact or vague ("more than
  500,000 people have been killed", "violence that has killed thousands"), is a running total. An
  event whose toll it is gets `aux: ["aggregate"]`; an event of its own day (dated by the
  text) only loses that toll. So is a toll told after a period longer than a day ranked by
  its toll ("2017 was the deadliest year, with 910 killed", "the worst month since 2019,
  with 300 dead"; `ranks_period`), which the counts stage gives to no event but one its own
  cue word triggers.
- **background**: an event dated by the text a year or more before publication ("in 1967",
  "the 2019 massacre") is history; an event told in the perfect with habitual wording ("have
  for years raided villages", "clashes have flared repeatedly since 2021") is what has gone
  on, not what happened, and so is one whose perfect verb says it went on ("fighting has
  continued across the region for a year"). So is an event told in a relative clause that
  carries its own date in a year before the publication year ("the city, which was bombed in
  2016", "the town where 1,300 people died in 2013 after the regime deployed sarin",
  published in 2024; `in_past_relative`). So is a fight told as what a cooperative act ended or
  follows ("agreed to a ceasefire, ending days of fighting", "the agreement follows days of
  fighting"; `is_ended`), and a capture told of the
  people a release frees ("freed 30 students who had been held since their abduction";
  `releasing_event`), whose place the release takes when it has none. All get `aux:
  ["background"]`.

The words are data (`data/events/frames.tsv`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache
from typing import Any

from flashpoint.document import CountMention, Document, Event, Sentence
from flashpoint.stages.wordlists import load_word_lists

Token = Any
AGGREGATE = "aggregate"
BACKGROUND = "background"
FLAGS = frozenset({AGGREGATE, BACKGROUND})


@cache
def _phrases(name: str) -> re.Pattern[str]:
    words = sorted(load_word_lists("events/frames.tsv")[name], key=len, reverse=True)
    alts = "|".join(re.escape(w.replace("_", " ")).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w'’])(?:{alts})(?![\w'’])", re.I)


def _number(name: str) -> int:
    return int(min(load_word_lists("events/frames.tsv")[name]))


def is_flagged(event: Event) -> bool:
    return bool(FLAGS & set(event.aux))


def _flag(event: Event, flag: str) -> None:
    if flag not in event.aux:
        event.aux.append(flag)


# --- running totals ---------------------------------------------------------------------


def _words_before(text: str, end: int, n: int) -> str:
    return " ".join(text[:end].split()[-n:])


@cache
def _ranked_period() -> re.Pattern[str]:
    lists = load_word_lists("events/frames.tsv")
    ranks = "|".join(re.escape(w).replace("_", r"\s+") for w in lists["ranking_words"])
    periods = "|".join(re.escape(w) for w in lists["ranked_periods"])
    return re.compile(rf"\b(?:{ranks})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{periods})\b", re.I)


def ranks_period(text: str, at: int) -> bool:
    """A period longer than a day ranked by its toll ("the deadliest year", "the worst
    month since 2019") ends at most `ranked_reach` words before offset `at` of `text`."""
    reach = _number("ranked_reach")
    for m in _ranked_period().finditer(text, 0, at):
        if len(re.findall(r"[\w'’]+", text[m.end() : at])) <= reach:
            return True
    return False


def is_running_total(sent: Sentence, count: CountMention) -> bool:
    """The count is a running total (see the module docstring)."""
    start = count.span[0] - sent.start
    if ranks_period(sent.text, start):
        return True
    told = _words_before(sent.text, start, 2) + " " + count.text
    if not _phrases("perfect_words").search(told):
        return False
    if _long_span(sent.text):
        return True
    size = count.value if count.value is not None else count.lower_bound
    return (size or 0) >= _number("total_bound")


def _long_span(text: str) -> bool:
    """A span phrase not followed within three words by a short unit ("since the war
    began", not "since Wednesday evening" or "in the past two days")."""
    short = load_word_lists("events/frames.tsv")["short_spans"]
    for m in _phrases("span_phrases").finditer(text):
        after = re.findall(r"[\w'’]+", text[m.end() :].lower())[:3]
        if not short.intersection(after):
            return True
    return False


def _own_day(event: Event) -> bool:
    return event.date_span is not None and event.date_precision in ("day", "week")


def _count_at(doc: Document, kind: str, span: tuple[int, int]) -> CountMention | None:
    return next((c for c in doc.counts if c.kind == kind and c.span == span), None)


def flag_totals(doc: Document, event: Event) -> None:
    """Flag `event` as an aggregate, or drop a running total from its tolls."""
    for kind, span in list(event.count_spans.items()):
        count = _count_at(doc, kind, span)
        sent = doc.sentence_of(span[0])
        if count is None or sent is None or not is_running_total(sent, count):
            continue
        if not _own_day(event):
            _flag(event, AGGREGATE)
            return
        setattr(event, kind, None)
        if kind == "dead":
            event.dead_lower_bound = None
        del event.count_spans[kind]


# --- background -------------------------------------------------------------------------


def _period_end(day: date, precision: str | None) -> date:
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    if precision == "week":
        return day + timedelta(days=6)
    return day


def is_history(event: Event, pub: date | None) -> bool:
    """Dated by the text, a year or more before publication."""
    if event.date_span is None or event.date is None or pub is None:
        return False
    end = _period_end(event.date, event.date_precision)
    return (pub - end).days >= _number("history_days")


def _clause_verb(tok: Token) -> Token:
    """The verb of the trigger's clause: itself, the verb a noun trigger hangs on, or the
    first verb of a list of verbs ("have raided villages and kidnapped travellers"); of a
    gerund told as a subject ("Fighting ... has continued"), the verb it is the subject of."""
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "VBG":
        tok = tok.head
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    while tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
    return tok


def _habitual_clause(verb: Token) -> bool:
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False
    if verb.lemma_.lower() in load_word_lists("events/frames.tsv")["continuing_verbs"]:
        return True
    words = " ".join(t.text for c in verb.children if c.dep_ != "conj" for t in c.subtree)
    return bool(
        _phrases("habitual_words").search(words) or _phrases("habitual_phrases").search(words)
    )


def _token_at(parsed: Any, offset: int) -> Token | None:
    return next((t for t in parsed if t.idx <= offset < t.idx + len(t.text)), None)


def is_habitual(doc: Document, event: Event) -> bool:
    """Told in the perfect with habitual wording on its clause."""
    sent = doc.sentence_of(event.trigger.span[0])
    parsed = doc.parses.get(sent.index) if sent else None
    if sent is None or parsed is None:
        return False
    tok = _token_at(parsed, event.trigger.span[0] - sent.start)
    return tok is not None and _habitual_clause(_clause_verb(tok))


def _relative_clause(tok: Token) -> Token | None:
    """The head of the relative clause on a noun that `tok` is told in, if any."""
    while tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok
        tok = tok.head
    return None


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def names_year(text: str) -> bool:
    """The temporal expression spells out its year ("in 2016", "March 2019"; not "in
    December")."""
    return bool(_YEAR.search(text))


def in_past_relative(doc: Document, event: Event) -> bool:
    """Told in a relative clause whose own date (the event's) names a year before the
    publication year."""
    pub = event.pub_date or doc.pub_date
    if event.date_span is None or event.date is None or pub is None:
        return False
    if event.date.year >= pub.year or not names_year(doc.text[slice(*event.date_span)]):
        return False
    sent = doc.sentence_of(event.trigger.span[0])
    parsed = doc.parses.get(sent.index) if sent else None
    if sent is None or parsed is None:
        return False
    tok = _token_at(parsed, event.trigger.span[0] - sent.start)
    clause = _relative_clause(tok) if tok is not None else None
    if clause is None:
        return False
    sub = list(clause.subtree)
    lo, hi = sent.start + sub[0].idx, sent.start + sub[-1].idx + len(sub[-1].text)
    return lo <= event.date_span[0] < hi


def _ending_verb(tok: Token) -> Token | None:
    """The verb whose object `tok` is, itself or as what a measure of time is "of" ("ending
    days of fighting", "halted the offensive"), when that verb ends something."""
    node = tok
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "dobj":
        node = node.head.head  # "days of fighting"
    if node.dep_ != "dobj":
        return None
    verb = node.head
    stop = load_word_lists("events/compose.tsv")["stop_lemmas"]
    return verb if verb.lemma_.lower() in stop else None


_BEFORE_WORDS = frozenset({"after", "following"})


def _preceding_verb(tok: Token) -> Token | None:
    """The verb whose "after" phrase `tok` is told in ("after two days of fighting, the
    government announced", "following weeks of clashes, the sides signed")."""
    node = tok
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "pobj":
        node = node.head.head  # "two days of fighting"
    if node.dep_ == "pobj" and node.head.lower_ in _BEFORE_WORDS:
        return node.head.head
    return None


def _followed_by_accord(tok: Token) -> bool:
    """ "The agreement follows several days of fighting last week in which about 100 people
    were killed": what an accord is said to follow (and what a clause on it tells) came
    before it."""
    node = tok.head if tok.dep_ == "relcl" else tok
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "dobj":
        node = node.head.head  # "days of fighting"
    if node.dep_ != "dobj" or node.head.lemma_.lower() != "follow":
        return False
    accords = load_word_lists("events/frames.tsv")["accord_nouns"]
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in accords for c in node.head.children)


def _came_before_agreement(doc: Document, sent: Sentence, tok: Token) -> bool:
    if _followed_by_accord(tok):
        return True
    verb = _preceding_verb(tok)
    if verb is None:
        return False
    told = {t.idx for t in verb.subtree}
    return any(
        e.acled_sub_event_type == "Agreement" and e.trigger.span[0] - sent.start in told
        for e in doc.events
        if e.sentence_index == sent.index
    )


def is_ended(doc: Document, event: Event) -> bool:
    """A fight told as what a cooperative act ends ("agreed to a ceasefire, ending days of
    fighting", "a truce that halted the offensive"), or in an "after" phrase of the clause
    that tells an agreement ("after two days of fighting, the government announced a
    ceasefire"), or as what an accord follows ("The agreement follows days of fighting"), is
    what led up to it, not the news."""
    if event.event_type != "ASSAULT":
        return False
    sent = doc.sentence_of(event.trigger.span[0])
    parsed = doc.parses.get(sent.index) if sent else None
    if sent is None or parsed is None:
        return False
    tok = _token_at(parsed, event.trigger.span[0] - sent.start)
    if tok is not None and _came_before_agreement(doc, sent, tok):
        return True
    verb = _ending_verb(tok) if tok is not None else None
    if verb is None:
        return False
    # the ending verb is the cooperative act, or continues it ("signed a truce, ending ...")
    enders = [verb, verb.head] if verb.dep_ in ("advcl", "conj") else [verb]
    at = [sent.start + v.idx for v in enders]
    return any(
        e.trigger.span[0] <= a < e.trigger.span[1] and 0 < e.quad_code < 3
        for e in doc.events
        for a in at
    )


# the arguments of a release that name who was freed ("freed 30 students", "hostages ...
# were freed")
_FREED_ARGS = frozenset({"dobj", "nsubjpass", "nsubj"})


def _capture(event: Event) -> bool:
    return (event.event_type, event.mode) in (("ASSAULT", "abduct"), ("COERCE", "arrest"))


def releasing_event(doc: Document, event: Event) -> Event | None:
    """The release of the same sentence that frees the people a capture took ("freed 30
    students who had been held since their abduction", "released a priest they had
    kidnapped", "hostages abducted last week were freed"): the capture is what it ended."""
    if not _capture(event):
        return None
    sent = doc.sentence_of(event.trigger.span[0])
    parsed = doc.parses.get(sent.index) if sent else None
    tok = _token_at(parsed, event.trigger.span[0] - sent.start) if sent and parsed else None
    if sent is None or tok is None:
        return None
    for other in doc.events:
        if other.mode != "release" or other.sentence_index != event.sentence_index:
            continue
        verb = _token_at(parsed, other.trigger.span[0] - sent.start)
        freed = [c for c in verb.children if c.dep_ in _FREED_ARGS] if verb is not None else []
        if any(tok in c.subtree and tok.i != c.i for c in freed):
            return other
    return None


def _released_capture(doc: Document, event: Event) -> bool:
    """A capture a release ended is background; the release, told with no place of its
    own, happened where the people were held."""
    release = releasing_event(doc, event)
    if release is None:
        return False
    if release.location is None:
        release.location = event.location
    return True


def flag_background(doc: Document, event: Event) -> None:
    released = _released_capture(doc, event)  # first: it also places the release
    if (
        released
        or is_history(event, event.pub_date or doc.pub_date)
        or is_habitual(doc, event)
        or in_past_relative(doc, event)
        or is_ended(doc, event)
    ):
        _flag(event, BACKGROUND)


def _retells_background(doc: Document, event: Event) -> bool:
    """A definite re-mention ("the clashes") whose only earlier tellings of its type are
    background ("agreed to a ceasefire after a day of fighting") is background too."""
    if not event.is_reference:
        return False
    earlier = [
        e
        for e in doc.events
        if e.event_type == event.event_type and e.sentence_index < event.sentence_index
    ]
    return bool(earlier) and all(BACKGROUND in e.aux for e in earlier)


def flag_mentions(doc: Document) -> None:
    """Set the aggregate and background flags on the events of `doc`."""
    for event in doc.events:
        flag_totals(doc, event)
        flag_background(doc, event)
    for event in doc.events:
        if _retells_background(doc, event):
            _flag(event, BACKGROUND)
