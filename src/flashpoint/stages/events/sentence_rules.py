"""Rules over the candidate events of one sentence, before they become records: which
triggers tell one event together, which report no event of their own (what was said,
what an event did, who took part), and how a refused cooperation is coded."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from flashpoint.ontology import load_ontology
from flashpoint.stages.events.acled import CLASH_LEMMAS
from flashpoint.stages.events.roles import Roles, subject_tokens
from flashpoint.stages.events.triggers import TriggerMatch
from flashpoint.stages.wordlists import load_word_lists

Token = Any


@dataclass(slots=True)
class Candidate:
    """A trigger with its roles, before it becomes one or more `Event`s."""

    match: TriggerMatch
    roles: Roles
    mode: str | None
    aux: list[str]
    skip: bool = False
    merged: list[TriggerMatch] = field(default_factory=list)
    # the mode is that of a weapon another trigger of the sentence names (in passing)
    weapon_in_passing: bool = False

    @property
    def event_type(self) -> str:
        return self.match.entry.event_type


_DEFINITE = frozenset(
    {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
)


def refusal(c: Candidate, anchor: Token) -> None:
    """ "X will not accept refugees", "did not agree": a cooperative act an actor says it
    will not do is coded as REJECT (PLOVER), not as a negated cooperation (the type it
    becomes is the type's `negated_as`)."""
    negated_as = load_ontology().info(c.event_type).negated_as
    if negated_as is None or "negation" not in c.aux:
        return
    if not any(ch.dep_ == "neg" for ch in anchor.children) or not c.roles.actors:
        return
    c.match.entry = replace(c.match.entry, event_type=negated_as, mode=None)
    c.mode = None
    c.aux = [a for a in c.aux if a != "negation"]


def is_reference(c: Candidate) -> bool:
    """A definite noun ("the attack", "their strikes", "Tuesday's attack") that tells an
    event again rather than reporting a new one."""
    tok = c.match.token
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    for ch in tok.children:
        if ch.dep_ == "det" and ch.lower_ in _DEFINITE:
            return True
        if ch.dep_ == "poss":
            return True
    return False


def drop_participants(cands: list[Candidate], offset: int) -> None:
    """ "police arrested 40 protesters": a noun trigger that is another event's actor or
    recipient names its participants, not an event of its own."""
    roles = [m.span for c in cands if not c.skip for m in (*c.roles.actors, *c.roles.recipients)]
    for c in cands:
        tok = c.match.token
        if c.skip or tok.pos_ not in ("NOUN", "PROPN") or c.roles.actors or c.roles.recipients:
            continue
        at = offset + tok.idx
        if any(start <= at < end for start, end in roles):
            c.skip = True


# what a verb conjoined with an act of violence may be a step of (data/events/compose.tsv)
_STEPS = load_word_lists("events/compose.tsv")
_STEP_MODES, _STEP_OF = _STEPS["step_modes"], _STEPS["step_of_lemmas"]


def drop_steps(cands: list[Candidate]) -> None:
    """ "rounded up and executed 15 men", "detained and shot a journalist": an arrest verb
    conjoined with a killing or a torture is a step of that violence, which is the event,
    not an arrest of its own."""
    force = {
        c.match.token.i
        for c in cands
        if not c.skip and c.event_type == "ASSAULT" and c.match.token.lemma_.lower() in _STEP_OF
    }
    for c in cands:
        tok = c.match.token
        if c.skip or c.mode not in _STEP_MODES or tok.pos_ != "VERB":
            continue
        linked = {ch.i for ch in tok.children if ch.dep_ == "conj"}
        if tok.dep_ == "conj":
            linked.add(tok.head.i)
        if linked & force:
            c.skip = True


_CONSEQUENCES = frozenset({"kill", "injure", "wound", "maim", "leave"})


# verbs of things that blow up, fall or overturn: no trigger unless a weapon did it
MISHAPS = frozenset("explode burst collapse capsize crash derail overturn".split())


def drop_consequences(cands: list[Candidate]) -> None:
    """ "protesters clashed with police, killing 4": the participle tells what the clash
    did, not another event; its count goes to the clash (the counts stage). A participle
    that continues a mishap that is no trigger ("a tanker exploded") tells an accident."""
    heads = {c.match.token.i for c in cands if not c.skip} | {
        c.roles.anchor.i for c in cands if not c.skip and c.roles.anchor is not None
    }
    for c in cands:
        tok = c.match.token
        if c.skip or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj", "xcomp"):
            continue
        if tok.lemma_.lower() not in _CONSEQUENCES or tok.head.i == tok.i:
            continue
        if tok.head.i in heads:
            c.skip = True
        elif tok.head.lemma_.lower() in MISHAPS and not c.roles.actors:
            # "a fuel tanker exploded, injuring four": a thing that blew up or fell, and
            # was no weapon (else it would be a trigger), harmed them by accident
            c.skip = True


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})


def _reports_speech(c: Candidate) -> bool:
    """Its clausal complement is what was said, not something that happened ("demanded
    that Dushanbe withdraw its troops", "accused Kyrgyzstan of provoking the clash")."""
    return load_ontology().info(c.event_type).reports_speech


def _before_semicolon(node: Token) -> bool:
    """A clause that ends before a semicolon its head follows is a clause of its own
    ("forces arrested a journalist; he was later charged"), however the parser hangs it."""
    head = node.head
    if head.i < node.i:
        return False
    doc = node.doc
    return any(doc[i].text == ";" for i in range(node.right_edge.i + 1, head.i))


def drop_reported_content(cands: list[Candidate]) -> None:
    verbal = [c for c in cands if not c.skip and _reports_speech(c)]
    for c in cands:
        if c.skip or _reports_speech(c):
            continue
        node, hops = c.roles.anchor if c.roles.anchor is not None else c.match.token, 0
        while node.head.i != node.i and hops < 4:
            through_clause = (node.dep_ in _CLAUSE_DEPS and not _before_semicolon(node)) or (
                node.dep_ in ("pcomp", "pobj") and node.head.lower_ in ("of", "for")
            )
            node, hops = node.head, hops + 1
            if through_clause and any(v.match.token.i == node.i for v in verbal):
                c.skip = True
                break


# a trigger attached through one of these is another event: its cause or its target
# ("airstrikes over a suicide bombing", "strikes in retaliation for an attack")
_CAUSE_WORDS = frozenset(
    "over after following for because against before since despite amid retaliation "
    "response revenge avenge prompt".split()
)


def _governs(x: set[int], y: Token) -> bool:
    """Is `y` within four steps below one of the tokens `x`, not through a cause word
    (neither a cause word on the way nor a clause it introduces: "struck ..., two days
    after a Tajik air strike killed six" tells two strikes)?"""
    node, hops = y, 0
    while node.head.i != node.i and hops < 4:
        if any(ch.dep_ == "mark" and ch.lower_ in _CAUSE_WORDS for ch in node.children):
            return False
        node, hops = node.head, hops + 1
        if node.lemma_.lower() in _CAUSE_WORDS:
            return False
        if node.i in x:
            return True
    return False


def _tokens_of(c: Candidate) -> set[int]:
    out = {c.match.token.i}
    if c.roles.anchor is not None:
        out.add(c.roles.anchor.i)
    return out


def _governor(a: Candidate, b: Candidate) -> Candidate | None:
    """Of two triggers of one event (same type), the one that governs the other: "an attack
    that killed", "launched airstrikes ... in an attack", "the strikes targeted and killed".
    None when they are not one event."""
    if a.event_type != b.event_type:
        return None
    if _governs(_tokens_of(a), b.match.token):
        return a
    if _governs(_tokens_of(b), a.match.token):
        return b
    # the noun trigger is the verb's subject ("the strikes appeared to target"): one event
    ta, tb = a.match.token, b.match.token
    if any(t.i == ta.i for t in subject_tokens(tb)):
        return a
    if any(t.i == tb.i for t in subject_tokens(ta)):
        return b
    return None


def merge_linked(cands: list[Candidate]) -> None:
    """Fold each pair of linked same-type candidates into the governing one."""
    for i, a in enumerate(cands):
        for b in cands[i + 1 :]:
            if a.skip or b.skip:
                continue
            gov = _governor(a, b)
            if gov is None:
                continue
            other = b if gov is a else a
            _absorb(gov, other)
            other.skip = True


# a killing told "when" two sides fought is the fight's toll: the fight is the event
_TOLL_LEMMAS = frozenset({"kill", "die", "wound", "injure"})
_WHEN_MARKS = frozenset({"when", "while", "as"})


def _fought_when_killed(a: Candidate, b: Candidate) -> bool:
    """ "Four people were killed when herders exchanged fire with raiders": `b`, the fight,
    is a when-clause of `a`, the killing."""
    kill, fight = a.match.token, b.match.token
    return (
        kill.lemma_.lower() in _TOLL_LEMMAS
        and fight.lemma_.lower() in CLASH_LEMMAS
        and fight.dep_ == "advcl"
        and fight.head.i == kill.i
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in _WHEN_MARKS for c in fight.children)
    )


def _absorb(a: Candidate, b: Candidate) -> None:
    if _fought_when_killed(a, b):
        a.match = b.match
    if not a.roles.actors and b.roles.actors:
        a.roles.actors = b.roles.actors
    if not a.roles.recipients:
        if b.roles.recipients:
            a.roles.recipients = b.roles.recipients
        elif load_ontology().info(a.event_type).recipient_from_merged_actor and b.roles.actors:
            others = [m for m in b.roles.actors if m not in a.roles.actors]
            a.roles.recipients = others[:1]
    if a.mode is None or (b.mode and b.match.entry.weight > a.match.entry.weight):
        a.mode = b.mode or a.mode
    # a weapon noun names the event better than its light verb, but an exchange of fire is a
    # fight whatever the weapons exchanged ("exchanged machine-gun and mortar fire")
    fight = a.match.token.lemma_.lower() in CLASH_LEMMAS
    if b.match.entry.weight > a.match.entry.weight and b.match.token.pos_ == "NOUN" and not fight:
        a.match = b.match
    a.aux = [x for x in a.aux if x in b.aux]
    a.merged.append(b.match)
