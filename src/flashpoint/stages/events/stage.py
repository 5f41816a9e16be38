"""Stage 5: events. For each parsed sentence: triggers -> PLOVER type and mode, actor and
recipient from the parse, auxiliary modes, ACLED labels, trigger and sentence spans."""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from flashpoint import __version__
from flashpoint.config import CoderConfig
from flashpoint.document import ActorMention, Document, Event, EventActor, Sentence, Trigger
from flashpoint.ontology import acled_event_type_of, load_ontology
from flashpoint.stages.base import register_stage
from flashpoint.stages.events import aux as auxmod
from flashpoint.stages.events.acled import INTERVENTION, acled_subtype, claimed
from flashpoint.stages.events.compose import HARM, drop_finder, weapon_sets_mode
from flashpoint.stages.events.lexicon import load_trigger_lexicon
from flashpoint.stages.events.modes import cued_mode
from flashpoint.stages.events.roles import (
    FIRST_PERSON,
    THIRD_PERSON,
    MentionIndex,
    RoleFinder,
    Roles,
    speaker_demands,
    speaker_of,
    subject_tokens,
)
from flashpoint.stages.events.sentence_rules import (
    MISHAPS,
    Candidate,
    drop_consequences,
    drop_participants,
    drop_reported_content,
    drop_steps,
    is_reference,
    merge_linked,
    refusal,
)
from flashpoint.stages.events.triggers import (
    TriggerMatch,
    after_an_interval,
    clause_verb,
    find_triggers,
    trigger_confidence,
)

Token = Any
CODER = f"flashpoint {__version__}"
_STATE_KINDS = frozenset({"country", "place"})
_WORD = re.compile(r"[a-z][a-z\-]*")
_UNREALISED = frozenset({"future", "hypothetical", "negation"})


@dataclass(slots=True)
class _DocState:
    """What the stage remembers while it walks through one document."""

    subjects: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # the sentence before, read only when a harm with no actor may be its accident's toll
    prev_text: str = ""
    prev_parsed: Any = None
    prev_cands: list[Candidate] = field(default_factory=list)


@register_stage("flashpoint.events.v1")
class EventStage:
    name = "events"
    requires: tuple[str, ...] = ("doc.sentences", "doc.parses", "doc.actors")
    assigns: tuple[str, ...] = ("doc.events",)

    @classmethod
    def from_config(cls, config: CoderConfig) -> EventStage:
        return cls(keep_negated=config.keep_negated, keep_hypothetical=config.keep_hypothetical)

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
            cands: list[Candidate] = []
            if parsed is None:
                # not parsed: its first named actor stands for its subject ("The Front
                # said ... . We will attack ..." -> "we" is the Front)
                named = [m for m in mentions if m.name or m.country]
                state.subjects.extend(named[:1])
            else:
                index = MentionIndex(mentions, sent.start)
                cands = self._candidates(parsed, sent, index, state)
                words = sentence_words(parsed) if cands else set()  # once per sentence
                earlier = earlier_clause_tokens(parsed) if cands else set()
                own = sentence_words(parsed, earlier) if earlier else words
                for cand in cands:
                    told = words if cand.match.token.i in earlier else own
                    state.events.extend(self._events(doc, sent, cand, told))
                self._remember_subjects(parsed, index, state)
            state.prev_text, state.prev_parsed, state.prev_cands = sent.text, parsed, cands
        doc.events = state.events
        return doc

    # -- candidates ---------------------------------------------------------------------
    def _candidates(
        self, parsed: Any, sent: Sentence, index: MentionIndex, state: _DocState
    ) -> list[Candidate]:
        matches = find_triggers(parsed, self.lexicon)
        event_nouns = {m.token.i for m in matches if m.token.pos_ in ("NOUN", "PROPN")}
        finder = RoleFinder(index, lambda t: t.i in event_nouns)
        cands: list[Candidate] = []
        for m in matches:
            is_verb = m.entry.pos == "V" or m.token.pos_ in ("VERB", "AUX")
            themes = m.entry.cond.get("obj", frozenset())
            roles = finder.find(m.token, m.entry.event_type, is_verb, themes)
            if m.frame == "demand":
                speaker_demands(m.token, roles, index)
            self._resolve_pronouns(m.token, roles, index, state)
            anchor = roles.anchor if roles.anchor is not None else m.token
            if auxmod.not_an_occurrence(m.token, anchor):
                continue
            aux = auxmod.aux_modes(m.token, anchor, m.entry.event_type, m.frame is not None)
            mode = self._mode(m, roles, anchor)
            cand = Candidate(m, roles, mode, aux)
            refusal(cand, anchor)
            cands.append(cand)
        merge_linked(cands)
        for c in cands:
            drop_finder(c.match, c.roles)
        drop_reported_content(cands)
        drop_consequences(cands)
        drop_steps(cands)
        drop_participants(cands, sent.start)
        weapon_sets_mode(cands)
        for c in cands:
            if not c.skip:
                self._object_event_recipient(c, state)
        tolls = [c for c in cands if _accident_toll(c)]
        if tolls and self._after_accident(state):
            for c in tolls:
                c.skip = True
        return [c for c in cands if not c.skip and self._keep(c)]

    def _keep(self, c: Candidate) -> bool:
        if c.event_type not in self.ontology.types:
            return False
        if "negation" in c.aux and not self.keep_negated:
            return False
        return not ("hypothetical" in c.aux and not self.keep_hypothetical)

    def _after_accident(self, state: _DocState) -> bool:
        """The sentence before told an accident: its words, or a mishap with no force."""
        accidents = self.lexicon.lists.get("@accidents", frozenset())
        if set(_WORD.findall(state.prev_text.lower())) & accidents:
            return True
        parsed = state.prev_parsed
        return parsed is not None and _mishap(parsed, state.prev_cands, self.ontology)

    def _told_as_topic(self, c: Candidate) -> bool:
        """The trigger is what another event is about, and that event is none ACLED
        codes: a statement, an inquiry, a sanction ("condemned the attack")."""
        gov = c.match.governor
        if gov is None or self.ontology.acled_rule(gov.entry.event_type) is not None:
            return False
        # an allegation names the act itself ("accused the army of firing shells loaded with
        # chlorine"): ACLED codes the alleged act, a condemnation only comments on one
        return not (gov.entry.event_type == "ACCUSE" and gov.entry.mode == "allege")

    def _mode(self, m: TriggerMatch, roles: Roles, anchor: Token) -> str | None:
        etype = m.entry.event_type
        if m.entry.mode not in self.ontology.info(etype).cued_modes:
            return m.entry.mode
        actor_text = roles.actors[0].text if roles.actors else None
        mode = cued_mode(etype, m.token, anchor, actor_text) or m.entry.mode
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
            m = speaker_of(subj, index)
            if m is not None:
                roles.actors = [m]

    def _object_event_recipient(self, c: Candidate, state: _DocState) -> None:
        """ "Tehran condemned the attack": the recipient is whoever carried out the attack
        on the condemner, found among the events already coded in this document."""
        if c.roles.recipients or c.roles.object_event is None or not c.roles.actors:
            return
        me = c.roles.actors[0].country
        earlier = [
            e for e in reversed(state.events) if self.ontology.info(e.event_type).attack and e.actor
        ]
        for e in earlier:
            if e.recipient and e.recipient.country == me and e.actor and e.actor.country != me:
                c.roles.recipients = [_mention_of(e.actor)]
                return

    def _remember_subjects(self, parsed: Any, index: MentionIndex, state: _DocState) -> None:
        if not index.mentions:  # no actor in the sentence: no subject to remember
            return
        nsubj = parsed.vocab.strings["nsubj"]
        for i in (parsed.to_array("DEP") == nsubj).nonzero()[0]:  # no Token for the others
            tok = parsed[int(i)]
            if tok.pos_ != "PRON":
                m = index.near(tok)
                if m is not None and (m.country or m.name):
                    state.subjects.append(m)

    # -- events -------------------------------------------------------------------------
    def _events(self, doc: Document, sent: Sentence, c: Candidate, words: set[str]) -> list[Event]:
        actors: list[ActorMention | None] = list(c.roles.actors) or [None]
        # an actor is not its own recipient ("An Israeli air strike killed 12 people": the
        # people are, whatever the parse linked to the strike)
        others = [r for r in c.roles.recipients if r not in c.roles.actors]
        recipients: list[ActorMention | None] = _distinct_countries(others) or [None]
        if self.ontology.info(c.event_type).symmetric and len(actors) > 1:
            actors = actors[:1]
        out = []
        for a in actors:
            for r in recipients:
                if a is not None and r is not None and a is r:
                    continue
                out.append(self._event(doc, sent, c, a, r, words))
        return out

    def _event(
        self,
        doc: Document,
        sent: Sentence,
        c: Candidate,
        actor: ActorMention | None,
        recipient: ActorMention | None,
        words: set[str],
    ) -> Event:
        """`words`: the lower-cased words of the sentence, for the ACLED rules."""
        etype, mode = c.event_type, c.mode
        tok = c.match.token
        start = sent.start + c.match.tokens[0].idx
        last = c.match.tokens[-1]
        end = sent.start + last.idx + len(last.text)
        ev_actor = _event_actor(actor, self.ontology.info(etype).state_sector)
        ev_recipient = EventActor.from_mention(recipient) if recipient else None
        # a hyphenated phrase is its own word ("shoot - out" is a shoot-out, not an "out")
        entry_lemma = c.match.entry.lemma
        lemma = entry_lemma.replace(" - ", "-") if " - " in entry_lemma else tok.lemma_.lower()
        sub = acled_subtype(
            etype,
            mode,
            lemma,
            ev_actor,
            ev_recipient,
            words,
            c.weapon_in_passing,
            _one_sided(c.match),
        )
        if self._told_as_topic(c) or claimed(tok):
            # "condemned the attack", "investigating the killing": violence told only as
            # what a statement, an inquiry or a sanction is about is not what is reported
            sub = None
        if _UNREALISED & set(c.aux):
            sub = None  # ACLED codes what happened, not what will, may or did not happen
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
        event.is_reference = is_reference(c)
        event.id = event_id(event)
        return event


def _mishap(parsed: Any, cands: list[Candidate], ontology: Any) -> bool:
    """Something blew up, fell or overturned and no use of force was told: an accident."""
    if any(ontology.info(c.event_type).attack for c in cands):
        return False
    return any(t.lemma_.lower() in MISHAPS for t in parsed)


# verbs of a commitment made with another party ("agreed to withdraw"), not alone
_MUTUAL = frozenset({"agree", "consent", "accept", "sign"})


def _one_sided(m: TriggerMatch) -> str | None:
    """The match's frame, with a commitment one actor made alone ("is ready to host talks",
    "plans to lay down arms") told as an offer: no agreement between parties."""
    if m.frame != "commit":
        return m.frame
    verb = clause_verb(m.token)
    head = verb.head if verb is not None else None
    if head is not None and head.lemma_.lower() in _MUTUAL:
        return m.frame
    return "offer"


def _accident_toll(c: Candidate) -> bool:
    """ "A tank at the plant exploded. Four people were injured.": harm told with no actor
    and no weapon right after an accident is its toll."""
    lemma = c.match.token.lemma_.lower()
    return lemma in HARM and not c.roles.actors and c.mode is None


_MONTHS = frozenset(m.lower() for m in calendar.month_name if m)


def sentence_words(parsed: Any, skip: set[int] | frozenset[int] = frozenset()) -> set[str]:
    """The lower-cased words of a parsed sentence for the ACLED rules (but the tokens of
    `skip`); a word after "non-" is one word with it ("non-violent protesters" are not
    "violent"); a participle that modifies a noun says who, not what was done ("the release
    of detained leaders"); a hyphenated word is there whole as well as in its parts
    ("sit-in")."""
    words = set()
    for t in parsed:
        if t.i in skip:
            continue
        w = t.lower_
        if t.i >= 2 and parsed[t.i - 1].text == "-" and parsed[t.i - 2].lower_ == "non":
            w = "non-" + w
        elif t.dep_ == "amod" and t.tag_ == "VBN" and w in INTERVENTION:
            w = "adj:" + w
        elif t.text[:1].isupper() and w in _MONTHS:
            w = "month:" + w  # "On 4 March 2024" names no march
        words.add(w)
        if t.text == "-" and 0 < t.i < len(parsed) - 1 and not t.whitespace_:
            before = parsed[t.i - 1]
            if not before.whitespace_:  # "sit-in" is also one word, as the cue lists spell it
                words.add(f"{before.lower_}-{parsed[t.i + 1].lower_}")
    return words


# spans of a day or more ("hours after the attack" may still tell the news's own day)
_DAYS_OR_MORE = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})
_PAST_WORDS = frozenset({"previous", "last", "earlier", "past", "preceding"})


def earlier_clause_tokens(parsed: Any) -> set[int]:
    """The tokens of clauses that tell what happened a day or more before the news: "after"
    or "since" set apart by a span of time ("days after police used water cannon", "a week
    after the arrest of ...") or dated in an earlier period ("after police fired tear gas
    ... the previous week"). Their words are no cues of the sentence's other events (the
    rally is no protest with intervention, the shooting no clash)."""
    out: set[int] = set()
    for t in parsed:
        if t.lower_ not in ("after", "since") or t.dep_ not in ("mark", "prep"):
            continue
        clause = t.head if t.dep_ == "mark" else t
        tokens = list(clause.subtree) if t.dep_ == "prep" else [t, *clause.subtree]
        if after_an_interval(clause, _DAYS_OR_MORE) or any(_earlier_period(x) for x in tokens):
            out.update(x.i for x in tokens)
            out.update(x.i for x in t.children if x.dep_ == "npadvmod")
    return out


def _earlier_period(tok: Any) -> bool:
    """ "the previous week", "last month"."""
    return tok.lower_ in _DAYS_OR_MORE and any(c.lower_ in _PAST_WORDS for c in tok.children)


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


def _event_actor(m: ActorMention | None, state_sector: str) -> EventActor | None:
    """A state named as the actor is coded with the event type's `state_sector`: its
    military for a use of force, otherwise its government ("Pakistan recalled its
    ambassador" -> PAK GOV)."""
    if m is None:
        return None
    actor = EventActor.from_mention(m)
    is_state = m.kind in _STATE_KINDS and m.country is not None and len(m.country) == 3
    if is_state and actor.sector in (None, "GOV"):
        actor.sector = state_sector
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
