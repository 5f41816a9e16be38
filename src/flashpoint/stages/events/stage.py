"""Stage 5: events. For each parsed sentence: triggers -> PLOVER type and mode, actor and
recipient from the parse, auxiliary modes, ACLED labels, trigger and sentence spans."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

from flashpoint import __version__
from flashpoint.config import CoderConfig
from flashpoint.document import ActorMention, Document, Event, EventActor, Sentence, Trigger
from flashpoint.ontology import acled_event_type_of, load_ontology
from flashpoint.stages.base import register_stage
from flashpoint.stages.events import aux as auxmod
from flashpoint.stages.events.acled import acled_subtype
from flashpoint.stages.events.lexicon import load_trigger_lexicon
from flashpoint.stages.events.modes import assault_mode
from flashpoint.stages.events.roles import (
    FIRST_PERSON,
    THIRD_PERSON,
    MentionIndex,
    RoleFinder,
    Roles,
    subject_tokens,
)
from flashpoint.stages.events.triggers import (
    REPORTING,
    TriggerMatch,
    clause_verb,
    find_triggers,
    trigger_confidence,
)

Token = Any
CODER = f"flashpoint {__version__}"
_STATE_KINDS = frozenset({"country", "place"})


@dataclass(slots=True)
class Candidate:
    """A trigger with its roles, before it becomes one or more `Event`s."""

    match: TriggerMatch
    roles: Roles
    mode: str | None
    aux: list[str]
    skip: bool = False
    merged: list[TriggerMatch] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        return self.match.entry.event_type


@dataclass(slots=True)
class _DocState:
    """What the stage remembers while it walks through one document."""

    subjects: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


class EventStage:
    name = "events"
    requires: tuple[str, ...] = ("sentences", "parses", "actors")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, keep_negated: bool = False, keep_hypothetical: bool = True) -> None:
        self.lexicon = load_trigger_lexicon()
        self.ontology = load_ontology()
        self.keep_negated = keep_negated
        self.keep_hypothetical = keep_hypothetical

    def __call__(self, doc: Document) -> Document:
        by_sentence: dict[int, list[ActorMention]] = {}
        for m in doc.actors:
            by_sentence.setdefault(m.sentence, []).append(m)
        state = _DocState()
        for sent in doc.sentences:
            parsed = doc.parses.get(sent.index)
            mentions = by_sentence.get(sent.index, [])
            if parsed is None:
                # not parsed: its first named actor stands for its subject ("The Front
                # said ... . We will attack ..." -> "we" is the Front)
                named = [m for m in mentions if m.name or m.country]
                state.subjects.extend(named[:1])
                continue
            for cand in self._candidates(parsed, sent, mentions, state):
                state.events.extend(self._events(doc, sent, cand))
            self._remember_subjects(parsed, sent, mentions, state)
        doc.events = state.events
        return doc

    # -- candidates ---------------------------------------------------------------------
    def _candidates(
        self, parsed: Any, sent: Sentence, mentions: list[ActorMention], state: _DocState
    ) -> list[Candidate]:
        matches = find_triggers(parsed, self.lexicon)
        event_nouns = {m.token.i for m in matches if m.token.pos_ in ("NOUN", "PROPN")}
        index = MentionIndex(mentions, sent.start)
        finder = RoleFinder(index, lambda t: t.i in event_nouns)
        cands: list[Candidate] = []
        for m in matches:
            is_verb = m.entry.pos == "V" or m.token.pos_ in ("VERB", "AUX")
            themes = m.entry.cond.get("obj", frozenset())
            roles = finder.find(m.token, m.entry.event_type, is_verb, themes)
            if m.frame == "demand":
                _speaker_demands(m.token, roles, index)
            self._resolve_pronouns(m.token, roles, index, state)
            anchor = roles.anchor if roles.anchor is not None else m.token
            if auxmod.not_an_occurrence(m.token, anchor):
                continue
            aux = auxmod.aux_modes(m.token, anchor, m.entry.event_type, m.frame is not None)
            mode = self._mode(m, roles, anchor)
            cand = Candidate(m, roles, mode, aux)
            _refusal(cand, anchor)
            cands.append(cand)
        _merge_linked(cands)
        _drop_reported_content(cands)
        _drop_consequences(cands)
        _drop_participants(cands, sent.start)
        for c in cands:
            if not c.skip:
                self._object_event_recipient(c, state)
        return [c for c in cands if not c.skip and self._keep(c)]

    def _keep(self, c: Candidate) -> bool:
        if c.event_type not in self.ontology.types:
            return False
        if "negation" in c.aux and not self.keep_negated:
            return False
        return not ("hypothetical" in c.aux and not self.keep_hypothetical)

    def _mode(self, m: TriggerMatch, roles: Roles, anchor: Token) -> str | None:
        if m.entry.event_type != "ASSAULT" or m.entry.mode not in (None, "explosives"):
            return m.entry.mode
        actor_text = roles.actors[0].text if roles.actors else None
        mode = assault_mode(m.token, anchor, actor_text) or m.entry.mode
        if mode is None and m.token.lemma_.lower() == "strike" and roles.actors:
            a = roles.actors[0]
            if a.kind in _STATE_KINDS or a.sector == "MIL":
                mode = "aerial"  # a state's "strikes" are air or missile strikes
        return mode

    def _resolve_pronouns(
        self, trigger: Token, roles: Roles, index: MentionIndex, state: _DocState
    ) -> None:
        if roles.actors:
            return
        anchor = roles.anchor if roles.anchor is not None else trigger
        subj = next((t for t in subject_tokens(anchor) if t.pos_ == "PRON"), None)
        if subj is None:
            return
        word = subj.lower_
        if word in FIRST_PERSON and state.subjects:
            roles.actors = [state.subjects[-1]]
        elif word in THIRD_PERSON:
            m = _speaker_of(subj, index)
            if m is not None:
                roles.actors = [m]

    def _object_event_recipient(self, c: Candidate, state: _DocState) -> None:
        """ "Tehran condemned the attack": the recipient is whoever carried out the attack
        on the condemner, found among the events already coded in this document."""
        if c.roles.recipients or c.roles.object_event is None or not c.roles.actors:
            return
        me = c.roles.actors[0].country
        earlier = [e for e in reversed(state.events) if e.event_type == "ASSAULT" and e.actor]
        for e in earlier:
            if e.recipient and e.recipient.country == me and e.actor and e.actor.country != me:
                c.roles.recipients = [_mention_of(e.actor)]
                return

    def _remember_subjects(
        self, parsed: Any, sent: Sentence, mentions: list[ActorMention], state: _DocState
    ) -> None:
        index = MentionIndex(mentions, sent.start)
        for tok in parsed:
            if tok.dep_ == "nsubj" and tok.pos_ != "PRON":
                m = index.near(tok)
                if m is not None and (m.country or m.name):
                    state.subjects.append(m)

    # -- events -------------------------------------------------------------------------
    def _events(self, doc: Document, sent: Sentence, c: Candidate) -> list[Event]:
        actors: list[ActorMention | None] = list(c.roles.actors) or [None]
        recipients: list[ActorMention | None] = _distinct_countries(c.roles.recipients) or [None]
        if c.event_type in ("CONSULT", "AGREE", "COOPERATE") and len(actors) > 1:
            actors = actors[:1]
        out = []
        for a in actors:
            for r in recipients:
                if a is not None and r is not None and a is r:
                    continue
                out.append(self._event(doc, sent, c, a, r))
        return out

    def _event(
        self,
        doc: Document,
        sent: Sentence,
        c: Candidate,
        actor: ActorMention | None,
        recipient: ActorMention | None,
    ) -> Event:
        etype, mode = c.event_type, c.mode
        tok = c.match.token
        start = sent.start + c.match.tokens[0].idx
        last = c.match.tokens[-1]
        end = sent.start + last.idx + len(last.text)
        ev_actor = _event_actor(actor, etype)
        ev_recipient = EventActor.from_mention(recipient) if recipient else None
        words = {t.lower_ for t in tok.doc}
        sub = acled_subtype(etype, mode, tok.lemma_.lower(), ev_actor, ev_recipient, words)
        event = Event(
            doc_id=doc.id,
            pub_date=doc.pub_date,
            event_type=etype,
            mode=mode,
            contexts=list(c.match.entry.contexts),
            aux=list(c.aux),
            quad_code=self.ontology.types[etype].quad,
            intensity=self.ontology.intensity(etype, mode),
            cameo=self.ontology.cameo(etype, mode),
            acled_sub_event_type=sub,
            acled_event_type=acled_event_type_of(sub),
            actor=ev_actor,
            recipient=ev_recipient,
            trigger=Trigger(doc.text[start:end], (start, end)),
            sentence=sent.text,
            sentence_span=(sent.start, sent.end),
            sentence_index=sent.index,
            confidence=_confidence(c, actor, recipient),
            coder=CODER,
        )
        event.evidence = [(sent.start, sent.end)]
        event.is_reference = _is_reference(c)
        event.id = event_id(event)
        return event


_COOPERATIVE = frozenset({"AGREE", "COOPERATE", "SUPPORT", "AID", "CONCEDE", "RETREAT"})
_DEFINITE = frozenset(
    {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
)


def _refusal(c: Candidate, anchor: Token) -> None:
    """ "X will not accept refugees", "did not agree": a cooperative act an actor says it
    will not do is coded as REJECT (PLOVER), not as a negated cooperation."""
    if c.event_type not in _COOPERATIVE or "negation" not in c.aux:
        return
    if not any(ch.dep_ == "neg" for ch in anchor.children) or not c.roles.actors:
        return
    c.match.entry = replace(c.match.entry, event_type="REJECT", mode=None)
    c.mode = None
    c.aux = [a for a in c.aux if a != "negation"]


def _is_reference(c: Candidate) -> bool:
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


def _drop_participants(cands: list[Candidate], offset: int) -> None:
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


_CONSEQUENCES = frozenset({"kill", "injure", "wound", "maim", "leave"})


def _drop_consequences(cands: list[Candidate]) -> None:
    """ "protesters clashed with police, killing 4": the participle tells what the clash
    did, not another event; its count goes to the clash (the counts stage)."""
    heads = {c.match.token.i for c in cands if not c.skip} | {
        c.roles.anchor.i for c in cands if not c.skip and c.roles.anchor is not None
    }
    for c in cands:
        tok = c.match.token
        if c.skip or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj", "xcomp"):
            continue
        if tok.lemma_.lower() in _CONSEQUENCES and tok.head.i in heads and tok.head.i != tok.i:
            c.skip = True


def _speaker_of(pronoun: Token, index: MentionIndex) -> ActorMention | None:
    """ "Syria says it is willing to withdraw": "it" is the one who says so, the subject
    of the reporting verb whose complement holds the pronoun."""
    node = pronoun.head
    for _ in range(4):
        if node.dep_ in ("ccomp", "parataxis") and node.head.i != node.i:
            outer = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            m = index.near(outer) if outer is not None and outer.pos_ != "PRON" else None
            return m if m is not None and (m.country or m.name) else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _speaker_demands(trigger: Token, roles: Roles, index: MentionIndex) -> None:
    """ "Kenya said Uganda must withdraw its troops": a REQUEST by the speaker (Kenya)
    of the one who must act (Uganda)."""
    verb = clause_verb(trigger) or trigger
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    reporter = verb.head if verb.dep_ in ("ccomp", "parataxis") else None
    if reporter is None or reporter.lemma_.lower() not in REPORTING:
        reporter = next(
            (t for t in verb.sent if t.i > verb.i and t.lemma_.lower() in REPORTING), None
        )
    subject = next((c for c in reporter.children if c.dep_ == "nsubj"), None) if reporter else None
    speaker = index.near(subject) if subject is not None else None
    if speaker is None or not (speaker.country or speaker.name or speaker.sector):
        return
    roles.recipients = [a for a in roles.actors if a is not speaker] or roles.recipients
    roles.actors = [speaker]


def _distinct_countries(mentions: list[ActorMention]) -> list[ActorMention | None]:
    """One recipient per country ("in Iraq and Syria" gives two events); recipients
    without a country only when none has one ("nationals and companies" gives one)."""
    with_country: dict[str, ActorMention] = {}
    for m in mentions:
        if m.country and m.country not in with_country:
            with_country[m.country] = m
    if with_country:
        return list(with_country.values())
    return list(mentions[:1])


# types whose clausal complement is what was said, not something that happened:
# "demanded that Dushanbe withdraw its troops", "accused Kyrgyzstan of provoking the clash"
_SPEECH_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT", "ACCUSE", "SUPPORT"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})


def _drop_reported_content(cands: list[Candidate]) -> None:
    verbal = [c for c in cands if not c.skip and c.event_type in _SPEECH_TYPES]
    for c in cands:
        if c.skip or c.event_type in _SPEECH_TYPES:
            continue
        node, hops = c.roles.anchor if c.roles.anchor is not None else c.match.token, 0
        while node.head.i != node.i and hops < 4:
            through_clause = node.dep_ in _CLAUSE_DEPS or (
                node.dep_ in ("pcomp", "pobj") and node.head.lower_ in ("of", "for")
            )
            node, hops = node.head, hops + 1
            if through_clause and any(v.match.token.i == node.i for v in verbal):
                c.skip = True
                break


def _event_actor(m: ActorMention | None, event_type: str) -> EventActor | None:
    """A state named as the actor of a use of force is its military; otherwise its
    government ("Pakistan recalled its ambassador" -> PAK GOV)."""
    if m is None:
        return None
    actor = EventActor.from_mention(m)
    if m.kind in _STATE_KINDS and m.country and len(m.country) == 3:
        if event_type in ("ASSAULT", "MOBILIZE") and actor.sector in (None, "GOV"):
            actor.sector = "MIL"
        elif actor.sector is None:
            actor.sector = "GOV"
    return actor


def _mention_of(actor: EventActor) -> ActorMention:
    span = actor.span or (0, 0)
    return ActorMention(
        actor.text or "", span, -1, actor.name, actor.country, actor.sector, kind="reference"
    )


def _confidence(c: Candidate, actor: ActorMention | None, recipient: ActorMention | None) -> float:
    return trigger_confidence(c.match, c.aux, actor is not None, recipient is not None)


def event_id(event: Event) -> str:
    """Stable: the same input and coder version give the same id."""
    key = "|".join(
        [
            event.doc_id,
            event.coder,
            event.event_type,
            str(event.trigger.span),
            event.actor.country or "" if event.actor else "",
            event.recipient.country or "" if event.recipient else "",
        ]
    )
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# a trigger attached through one of these is another event: its cause or its target
# ("airstrikes over a suicide bombing", "strikes in retaliation for an attack")
_CAUSE_WORDS = frozenset(
    "over after following for because against before since despite amid retaliation "
    "response revenge avenge prompt".split()
)


def _governs(x: set[int], y: Token) -> bool:
    """Is `y` within four steps below one of the tokens `x`, not through a cause word?"""
    node, hops = y, 0
    while node.head.i != node.i and hops < 4:
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


def _merge_linked(cands: list[Candidate]) -> None:
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


def _absorb(a: Candidate, b: Candidate) -> None:
    if not a.roles.actors and b.roles.actors:
        a.roles.actors = b.roles.actors
    if not a.roles.recipients:
        if b.roles.recipients:
            a.roles.recipients = b.roles.recipients
        elif a.event_type in ("THREATEN", "ACCUSE") and b.roles.actors:
            others = [m for m in b.roles.actors if m not in a.roles.actors]
            a.roles.recipients = others[:1]
    if a.mode is None or (b.mode and b.match.entry.weight > a.match.entry.weight):
        a.mode = b.mode or a.mode
    if b.match.entry.weight > a.match.entry.weight and b.match.token.pos_ == "NOUN":
        a.match = b.match
    a.aux = [x for x in a.aux if x in b.aux]
    a.merged.append(b.match)


@register_stage("flashpoint.events.v1")
def make_event_stage(config: CoderConfig) -> EventStage:
    return EventStage(keep_negated=config.keep_negated, keep_hypothetical=config.keep_hypothetical)
