"""Give each count to the event that caused it, not to every event of its sentence.

With a parse, walk up from the count's cue word ("killed", "toll", "dead"):

- the cue is an event's trigger, or has one as its cause ("The blast killed 5": subject;
  "killed when gunmen attacked": clause; "the toll from the attack": preposition) -> it;
- the cue hangs on an event's trigger or on the verb a noun trigger is an argument of
  ("launched airstrikes ..., killing 6") -> that event;
- a relative clause on a noun ("an attack that killed 7") goes to the noun: if the noun is
  an event's trigger, that event; if the noun is "in"/"during" some event's verb ("launched
  airstrikes ..., in an attack that killed 7"), that event; otherwise the count belongs to
  an event nobody coded ("airstrikes over a bombing that killed 90") and stays unattached.

Without a parse (or where the walk finds nothing): a relative clause goes to the trigger
just before "that"/"which"; a participle ("..., killing 6") to the sentence's first event;
anything else to the nearest trigger before it — among events whose type `counts` only
(plover.json: ASSAULT, PROTEST, COERCE; no deaths for an ACCUSE by position). A sentence
with no event of its own: its counts go to the main (material) event of the sentence before
("The blast killed 5." after the attack sentence).

Two kinds of toll reach no event outside where they are told:

- a toll told in a relative clause that carries its own year before the publication year,
  or a month before the publication month ("the town where 1,300 people died in 2013", "the
  city, which was bombed in 2016, killing 40", "the collapse, which killed 15 people in
  November" in December) goes only to an event inside that clause, or to none;
- a toll told after a period ranked by its toll ("2017 was the deadliest year, with 910
  killed"; `frames.flags.ranks_period`) goes only to an event its own cue word triggers
  (which the frames stage flags as an aggregate), or to none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from flashpoint.document import CountMention, Document, Event, Sentence
from flashpoint.ontology import load_ontology
from flashpoint.stages.counts.patterns import ONE_MORE, TOTAL, adds_victims
from flashpoint.stages.events.roles import headline_passive
from flashpoint.stages.frames.flags import names_year, ranks_period

Token = Any  # spacy.tokens.Token
_Outcome = Literal["blocked", "unknown"]

_CAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "advcl"})
_CAUSE_PREPS = frozenset({"from", "in", "during", "after", "by", "of", "following"})
_SAME_TIME_PREPS = frozenset({"of", "in", "during"})
_NOUN_UP = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "conj", "dative"})
_VERB_UP = frozenset({"conj", "xcomp", "oprd", "acomp", "dobj", "nsubj", "nsubjpass", "attr"})
_RELATIVE = re.compile(r"(?P<noun>[\w-]+)\s*,?\s+(?:that|which)\s+(?:\S+\s+){0,2}$", re.I)
_NOUN_REACH = 20  # "an attack on Kenya that killed": the trigger a few words before "that"
_PREP_BEFORE = re.compile(
    r"\b(?P<prep>in|during|over|after|before|following|for|against|on|by|from|with|amid|of)"
    r"\s+(?:\S+\s+){0,4}$",
    re.I,
)
_PARTICIPLE = re.compile(r",\s*(?:\S+\s+)?$")
# without a parse: the word that opens a relative clause ("the town where", ", which")
_RELATIVE_WORD = re.compile(r"\b(?:where|which|who|whom|whose|when)\b", re.I)
_CLAUSE_COMMA = re.compile(r"[,;:](?!\d)")  # not the comma of "1,300"


def _root(parsed: Any, start: int, end: int) -> Token | None:
    toks = [t for t in parsed if t.idx < end and t.idx + len(t.text) > start]
    inside = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in inside or t.head.i == t.i), None)


@dataclass(slots=True)
class _Tree:
    sentence: Sentence
    parsed: Any
    events: list[Event]
    by_token: dict[int, list[Event]] = field(default_factory=dict, init=False)
    nodes: dict[int, set[int]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for e in self.events:
            tok = _root(self.parsed, *self._local(e.trigger.span))
            if tok is not None:
                self.by_token.setdefault(tok.i, []).append(e)
        self.nodes = {i: _covered(self.parsed[i]) for i in self.by_token}

    def _local(self, span: tuple[int, int]) -> tuple[int, int]:
        return span[0] - self.sentence.start, span[1] - self.sentence.start

    def cue_token(self, count: CountMention) -> Token | None:
        cue = getattr(count, "cue", None) or count.span
        return _root(self.parsed, *self._local(cue))

    def cause(self, tok: Token) -> list[Event] | None:
        """Events whose trigger is `tok` or the cause hanging on it."""
        if tok.i in self.by_token:
            return self.by_token[tok.i]
        for child in tok.children:
            if child.dep_ in _CAUSE_DEPS and child.i in self.by_token:
                return self.by_token[child.i]
            if child.dep_ == "prep" and child.lower_ in _CAUSE_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in self.by_token:
                        return self.by_token[obj.i]
        return None

    def through_topic(self, found: list[Event]) -> list[Event]:
        """ "accused Russia of shelling Kherson, killing two": a toll the walk gives to an
        event that cannot cause deaths (an accusation, a condemnation) goes to the events
        that can inside its clause, the act it is about."""
        if any(_counts(e) for e in found):
            return found
        ids = {id(e) for e in found}
        heads = [self.parsed[i] for i, evs in self.by_token.items() if {id(e) for e in evs} & ids]
        inner = [
            e
            for i, evs in self.by_token.items()
            for e in evs
            if _counts(e) and any(h.is_ancestor(self.parsed[i]) for h in heads)
        ]
        return inner or found

    def covering(self, tok: Token) -> list[Event] | None:
        """Events whose trigger reaches `tok` by climbing (a noun trigger's verb)."""
        near = [i for i, nodes in self.nodes.items() if tok.i in nodes]
        if not near:
            return None
        return self.by_token[min(near, key=lambda i: abs(i - tok.i))]


def _covered(trigger: Token) -> set[int]:
    """The trigger and what it climbs to: its verb when it is a noun argument, the verb
    a same-time preposition ("in", "of", "during") hangs on, conjoined verbs."""
    out, tok = {trigger.i}, trigger
    while tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in _SAME_TIME_PREPS:
            out.update((head.i, head.head.i))
            tok = head.head
        elif tok.dep_ in _NOUN_UP or tok.dep_ in ("conj", "xcomp"):
            out.add(head.i)
            tok = head
        else:
            break
    return out


def _up(tok: Token, noun_mode: bool) -> tuple[Token | None, bool]:
    """The next token of the walk, and whether it is a cause noun (see module docstring)."""
    head = tok.head
    if head.i == tok.i:
        return None, noun_mode
    if tok.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
        return head, True
    if tok.dep_ == "pobj":
        if noun_mode and head.lower_ not in ("in", "during"):
            return None, True
        return head.head, False
    if noun_mode:
        if tok.dep_ == "nsubj" and headline_passive(head):
            # "2 civilians killed and 4 injured": a tally listed with the next one
            return head, False
        return (head, True) if tok.dep_ in ("appos", "conj", "compound") else (None, True)
    participle = tok.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in tok.children)
    if tok.dep_ in _VERB_UP or (tok.dep_ == "advcl" and participle):
        return head, False
    return None, False


def _walk(tree: _Tree, tok: Token) -> list[Event] | _Outcome:
    noun_mode = False
    for _ in range(len(tree.parsed)):
        found = tree.cause(tok) or (None if noun_mode else tree.covering(tok))
        if found:
            return found
        nxt, noun_mode = _up(tok, noun_mode)
        if nxt is None:
            return "blocked" if noun_mode else "unknown"
        tok = nxt
    return "unknown"


# --- without a parse -------------------------------------------------------------------


def _counts(event: Event) -> bool:
    """The event can cause deaths, injuries or arrests (its type's `counts`): the only kind a
    count reaches by position alone (the parse may still give a count to any event it hangs
    on)."""
    info = load_ontology().types.get(event.event_type)
    return info is not None and info.counts


def _by_chars(sentence: Sentence, events: list[Event], count: CountMention) -> list[Event]:
    events = [e for e in events if _counts(e)]
    cue = _cue(count)[0]
    before_text = sentence.text[: cue - sentence.start]
    before = [e for e in events if e.trigger.span[1] <= cue]
    rel = _RELATIVE.search(before_text)
    if rel:
        noun_end = sentence.start + rel.end("noun")
        near = [e for e in before if 0 <= noun_end - e.trigger.span[1] <= _NOUN_REACH]
        if near:
            last = max(e.trigger.span for e in near)
            return [e for e in near if e.trigger.span == last]
        prep = _PREP_BEFORE.search(before_text[: rel.start("noun")])
        if prep and prep["prep"].lower() not in ("in", "during"):
            return []  # a clause on a noun that is no event of ours
    if _PARTICIPLE.search(before_text) and events:
        first = min(e.trigger.span for e in events)
        return [e for e in events if e.trigger.span == first]
    pool = before or events
    if not pool:
        return []
    best = min(abs(e.trigger.span[1] - cue) for e in pool)
    return [e for e in pool if abs(e.trigger.span[1] - cue) == best]


# --- the whole ------------------------------------------------------------------------


_HURT = frozenset({"wounded", "injured", "hurt"})


def _victims(event: Event, count: CountMention) -> bool:
    """The event's trigger names the count's victims after its verb ("killing 41 protesters":
    a protest told by "protesters"), or before it as the wounded who died ("Two villagers
    who were wounded died"), not what killed them: it never takes the count. After a toll
    word the event is what killed them ("the toll from a missile strike rose to nine")."""
    start, end = event.trigger.span
    cue = _cue(count)
    if count.span[0] <= start and end <= cue[0]:
        return event.trigger.text.lower() in _HURT
    if count.text[cue[0] - count.span[0] : cue[1] - count.span[0]].lower().endswith("toll"):
        return False
    return cue[1] <= start and end <= count.span[1]


def _sentence_events(doc: Document, sent: Sentence) -> list[Event]:
    return [e for e in doc.events if sent.start <= e.trigger.span[0] < sent.end]


def _main_events(doc: Document, sent: Sentence, events: list[Event]) -> list[Event]:
    """The events of the sentence's main clause: the trigger nearest the parse root."""
    parsed = doc.parses.get(sent.index)

    def depth(e: Event) -> int:
        if parsed is None:
            return 0
        tok = _root(parsed, e.trigger.span[0] - sent.start, e.trigger.span[1] - sent.start)
        return sum(1 for _ in tok.ancestors) if tok is not None else 99

    best = min(events, key=lambda e: (depth(e), e.trigger.span))
    return [e for e in events if e.trigger.span == best.trigger.span]


def _cue(count: CountMention) -> tuple[int, int]:
    return getattr(count, "cue", None) or count.span


def _relative_clause(doc: Document, sent: Sentence, count: CountMention) -> tuple[int, int]:
    """Document offsets of the relative clause the count's cue is told in (empty: none)."""
    cue = _cue(count)
    parsed = doc.parses.get(sent.index)
    if parsed is not None:
        tok = _root(parsed, cue[0] - sent.start, cue[1] - sent.start)
        while tok is not None and tok.head.i != tok.i:
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                sub = list(tok.subtree)
                last = sub[-1]
                return sent.start + sub[0].idx, sent.start + last.idx + len(last.text)
            tok = tok.head
        return (0, 0)
    before = sent.text[: cue[0] - sent.start]
    opening = list(_RELATIVE_WORD.finditer(before))
    if not opening:
        return (0, 0)
    start = opening[-1].start()
    if _CLAUSE_COMMA.search(before, start):
        return (0, 0)
    comma = _CLAUSE_COMMA.search(sent.text, cue[1] - sent.start)
    end = comma.start() if comma else len(sent.text)
    return sent.start + start, sent.start + end


def _past_year_clause(doc: Document, sent: Sentence, count: CountMention) -> tuple[int, int]:
    """The count's relative clause where it names a year before publication's."""
    pub = doc.pub_date
    lo, hi = _relative_clause(doc, sent, count)
    if pub is None or lo == hi:
        return (0, 0)
    past = any(lo <= m.span[0] < hi and _before_month(m, pub) for m in doc.dates)
    return (lo, hi) if past else (0, 0)


def _before_month(m: Any, pub: Any) -> bool:
    """A year named before publication's ("in 2013"), or a month or year before the month
    of publication ("which killed 15 people in November", for a December report)."""
    if m.date.year < pub.year and names_year(m.text):
        return True
    return m.precision in ("month", "year") and (m.date.year, m.date.month) < (
        pub.year,
        pub.month,
    )


# how many sentences without an event of their own a toll may reach back over ("Gunmen
# attacked the convoy. Three soldiers were killed. A fourth died in hospital.")
_REACH_BACK = 3


def _events_told_before(doc: Document, sent: Sentence) -> list[Event]:
    """The main events of the nearest sentence before `sent` that has events, over
    sentences without any; none when that sentence's events count nobody."""
    for index in range(sent.index - 1, max(sent.index - 1 - _REACH_BACK, -1), -1):
        prev = doc.sentences[index]
        told = _sentence_events(doc, prev)
        if told:
            counting = [e for e in told if _counts(e)]
            return _main_events(doc, prev, counting) if counting else []
    return []


def events_for_count(doc: Document, count: CountMention) -> list[Event]:
    """The events `count` belongs to (several when they share one trigger), maybe none."""
    sent = doc.sentence_of(count.span[0])
    if sent is None:
        return []
    events = [e for e in _sentence_events(doc, sent) if not _victims(e, count)]
    if ranks_period(sent.text, count.span[0] - sent.start):
        cue = _cue(count)
        return [e for e in events if e.trigger.span[0] < cue[1] and cue[0] < e.trigger.span[1]]
    lo, hi = _past_year_clause(doc, sent, count)
    if lo != hi:
        events = [e for e in events if lo <= e.trigger.span[0] < hi]
        if not events:
            return []
    if not events:
        return _events_told_before(doc, sent)
    parsed = doc.parses.get(sent.index)
    if parsed is None:
        return _by_chars(sent, events, count)
    tree = _Tree(sent, parsed, events)
    tok = tree.cue_token(count)
    found = _walk(tree, tok) if tok is not None else "unknown"
    if found == "blocked":
        return []
    if found == "unknown":
        return _by_chars(sent, events, count)
    return _force_on_protest(count, tree.through_topic(found), events)


# a protest's modes that hurt nobody by themselves
_PEACEFUL_PROTEST = frozenset({"demo", "strike", "boycott", "obstruct"})


def _force_on_protest(count: CountMention, found: list[Event], events: list[Event]) -> list[Event]:
    """The dead of a peaceful protest were killed by the force used on it: a toll that the
    parse hangs on the march ("fired at people marching to the palace, killing seven") goes
    to the sentence's violent event when it has one."""
    if count.kind != "dead" or not found:
        return found
    if not all(e.event_type == "PROTEST" and e.mode in _PEACEFUL_PROTEST for e in found):
        return found
    force = [e for e in events if e.event_type == "ASSAULT"]
    return force or found


def _better(new: CountMention, old_value: int | None, old_bound: int | None) -> bool:
    return (new.value is not None, new.value or 0, new.lower_bound or 0) > (
        old_value is not None,
        old_value or 0,
        old_bound or 0,
    )


# between two tolls of one sentence told as two sets of victims: ", and", ", and the army
# said", ", and a resident hit by" (a few words, no number, no running total)
_AND_MORE = re.compile(r"\s*(?:,?\s+and\s+|;\s*)(?:[\w'’-]+\s+){0,5}", re.I)


def _more_victims(doc: Document, event: Event, count: CountMention) -> bool:
    """`count` tells other victims than the event's dead toll so far, in the same sentence
    right after it ("Eleven gunmen were killed, and a bystander died later", "Four soldiers
    were killed and the army said 17 militants died", "over 300 rebels were killed; 5
    soldiers also died"): the toll is their sum, at least the sum when a part is "over N"."""
    old = event.count_spans.get("dead")
    if old is None or event.dead is None or count.value is None:
        return False
    sent = doc.sentence_of(old[0])
    if sent is None or not (sent.start <= count.span[0] < sent.end) or count.span[0] < old[1]:
        return False
    between = doc.text[old[1] : count.span[0]]
    if not _AND_MORE.fullmatch(between) or re.search(r"\d", between):
        return False
    return not any(TOTAL.search(t) for t in (between, doc.text[old[0] : old[1]], count.text))


_ATTACKER = re.compile(r"\b(?:bombers?|attackers?|assailants?)\b", re.I)
_SELF = re.compile(r"\b(?:himself|herself|themselves|bombers?|attackers?|including)\b", re.I)


def _attacker_too(doc: Document, event: Event, count: CountMention) -> bool:
    """A later sentence tells that the suicide bomber died as well ("..., killing three
    soldiers. The bomber also died."): ACLED counts the bomber, so the toll is the sum."""
    old = event.count_spans.get("dead")
    if event.mode != "suicide-attack" or old is None or event.dead is None:
        return False
    if count.value is None or not _ATTACKER.search(count.text):
        return False
    same = doc.sentence_of(old[0]) is doc.sentence_of(count.span[0])
    return not same and not _SELF.search(doc.text[old[0] : old[1]])


def _later_victims(doc: Document, event: Event, count: CountMention) -> bool:
    """A toll told in a later sentence as victims besides those counted ("..., killing 11
    insurgents. Two soldiers also died."; "A woman wounded in the barrage died in hospital")
    adds to the event's toll: those killed outright and those who died of wounds."""
    old = event.count_spans.get("dead")
    if old is None or event.dead is None or count.value is None:
        return False
    if doc.sentence_of(old[0]) is doc.sentence_of(count.span[0]) or count.span[0] < old[1]:
        return False
    return adds_victims(count.text)


def _one_more(event: Event, count: CountMention) -> bool:
    """`count` tells victims besides those counted so far ("a fourth soldier died",
    "another man died in hospital", "a fifth, a boy, died later"): the toll is the sum."""
    old = event.count_spans.get("dead")
    return (
        old is not None
        and event.dead is not None
        and count.value is not None
        and count.span[0] >= old[1]
        and bool(ONE_MORE.match(count.text))
    )


def _apply(event: Event, count: CountMention, doc: Document | None = None) -> None:
    if count.kind == "dead":
        if doc is not None and (
            _more_victims(doc, event, count)
            or _attacker_too(doc, event, count)
            or _later_victims(doc, event, count)
            or _one_more(event, count)
        ):
            assert event.dead is not None and count.value is not None
            if event.dead_lower_bound is not None or count.lower_bound is not None:
                event.dead_lower_bound = event.dead + count.value
            event.dead += count.value
            event.count_spans["dead"] = (event.count_spans["dead"][0], count.span[1])
            return
        if not _better(count, event.dead, event.dead_lower_bound) and "dead" in event.count_spans:
            return
        event.dead, event.dead_lower_bound = count.value, count.lower_bound
    else:
        old = getattr(event, count.kind)
        if old is not None and not _better(count, old, None):
            return
        setattr(event, count.kind, count.value)
    event.count_spans[count.kind] = count.span


def attach_counts(doc: Document) -> None:
    """Set dead / injured / arrested (and dead_lower_bound, count_spans) on the events of
    `doc` from `doc.counts`. Where several counts of one kind reach an event, the largest
    wins (a later, higher toll updates an earlier one), except two tolls of other victims
    told one after the other in a sentence, which are summed (`_more_victims`)."""
    for count in doc.counts:
        for event in events_for_count(doc, count):
            _apply(event, count, doc)
