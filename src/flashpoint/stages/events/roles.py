"""Who did it and to whom: the actor and recipient of a trigger, from the dependency parse.

Roles are tokens first (subject, object, "against X", "on X", "Iran's strikes",
"Iranian attack") and are then mapped to the actor mentions the actors stage found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from flashpoint.document import ActorMention
from flashpoint.ontology import TypeInfo, load_ontology
from flashpoint.stages.events.lexicon import inflections
from flashpoint.stages.events.triggers import (
    CARRIERS,
    GROUP_NOUNS,
    LIGHT_VERBS,
    REPORTING,
    clause_verb,
    preposed_clause,
)
from flashpoint.stages.wordlists import load_word_lists

Token = Any

# their surface forms too: the lemmatizer sometimes errs ("staged" -> "stag")
LIGHT_VERB_FORMS = frozenset(f for v in LIGHT_VERBS for f in inflections(v))

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# an organisation speaks as "we"; an "I" is a person the text rarely names
FIRST_PERSON = frozenset({"we", "us", "our"})
THIRD_PERSON = frozenset({"it", "they", "he", "she", "them", "him", "her"})

# which prepositions introduce a recipient or an actor, which types are symmetric and for
# which "in <country>" names the recipient ("airstrikes in Iraq") is data: plover.json
_IN_PREPS = frozenset({"in", "inside", "within", "across", "over"})
# verbs whose subject is the one given to ("received aid from Qatar"): roles are reversed
_RECEIVING_VERBS = frozenset({"receive", "obtain"})


@dataclass(slots=True)
class Roles:
    actors: list[ActorMention] = field(default_factory=list)
    recipients: list[ActorMention] = field(default_factory=list)
    anchor: Token | None = None  # the verb that carries tense and modality
    object_event: Token | None = None  # an event noun that is the object ("condemned the attack")


def useful(m: ActorMention | None) -> bool:
    """A mention that says something: a country, a named group or at least a sector."""
    return m is not None and bool(m.country or m.name or m.sector)


class MentionIndex:
    """Actor mentions of one sentence, looked up by parse token."""

    def __init__(self, mentions: Iterable[ActorMention], offset: int) -> None:
        self.mentions = list(mentions)
        self.offset = offset

    def at(self, tok: Token) -> ActorMention | None:
        """The mention that covers `tok` (its head if several do)."""
        start = self.offset + tok.idx
        best: ActorMention | None = None
        for m in self.mentions:
            if m.span[0] <= start < m.span[1]:
                if m.head and m.head[0] <= start < m.head[1]:
                    return m
                if best is None or (m.span[1] - m.span[0]) < (best.span[1] - best.span[0]):
                    best = m
        return best

    def near(self, tok: Token) -> ActorMention | None:
        """The mention for a role token: the token itself, else its modifiers
        ("the state of Pakistan", "its old foe, Iraq", "Iranian forces")."""
        m = self.at(tok)
        if useful(m):
            return m
        for c in tok.children:
            if c.dep_ in ("appos", "compound", "amod", "poss", "nmod"):
                found = self.at(c)
                if useful(found):
                    return found
        for c in tok.children:
            if c.dep_ == "prep" and c.lemma_ in ("of", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = self.at(p)
                        if useful(found):
                            return found
        return m


def conjuncts(tok: Token) -> list[Token]:
    """`tok` and the tokens conjoined to it ("Iraq and Syria")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def is_to_infinitive(verb: Token) -> bool:
    """ "to meet": the verb has the infinitive marker "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def subject_tokens(verb: Token) -> list[Token]:
    """Subject of a verb, inheriting it through conj, xcomp and relative clauses."""
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        if headline_passive(verb):
            return []  # "2 civilians killed and 4 injured": the civilians are the victims
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subs:
            return conjuncts(subs[0])
        agents = [c for c in verb.children if c.dep_ == "agent"]
        if agents:
            pob = [p for p in agents[0].children if p.dep_ == "pobj"]
            if pob:
                return conjuncts(pob[0])
        if verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.children):
            return []  # "Seven people died and 20 others were wounded": no one wounded them
        if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
            # "France is ready to contribute": xcomp of an adjective, acomp of "is"
            # "Kidnapped as a child, the boy ...": the subject is the patient; but who does
            # what a purpose clause says is who acted for it ("flew to Khartoum to meet")
            purpose = verb.tag_ == "VB" and is_to_infinitive(verb)
            if (
                verb.dep_ == "advcl"
                and not purpose
                and (verb.tag_ != "VBG" or _crosses_quote(verb, verb.head))
            ):
                return []
            verb = verb.head
            continue
        if verb.dep_ == "relcl" and verb.head.i != verb.i:
            return [verb.head]
        if (governor := _gerund_governor(verb)) is not None:
            # "Police responded by firing tear gas": who fires is who responded; "were
            # dispersed after burning tyres": who burnt is who was dispersed
            patients = [c for c in governor.children if c.dep_ == "nsubjpass"]
            if patients:
                return conjuncts(patients[0])
            verb = governor
            continue
        if _noun_infinitive(verb):
            # "Sweden's decision to halt aid": the noun's owner; "announced plans to
            # withdraw": the subject of the verb the noun is the object of
            noun = verb.head
            owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            if owners:
                return conjuncts(owners[0])
            if noun.dep_ != "dobj" or noun.head.i == noun.i:
                return []
            verb = noun.head
            continue
        if verb.dep_ == "acl" and verb.tag_ != "VBN" and verb.head.i != verb.i:
            return [verb.head]  # "militants firing on the convoy"; not "soldiers killed"
        return _object_of_reason(verb)
    return []


# prepositions whose gerund is done by the subject of the verb they modify
_GERUND_PREPS = frozenset({"by", "after", "before", "while", "since", "without", "upon", "on"})


def _gerund_governor(verb: Token) -> Token | None:
    """The verb a "by/after/before ... -ing" phrase modifies ("retaliated by shelling"), or
    None: the gerund has no subject of its own and shares that verb's."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ not in _GERUND_PREPS:
        return None
    governor = prep.head
    return governor if governor.pos_ in ("VERB", "AUX") and governor is not prep else None


def _object_of_reason(verb: Token) -> list[Token]:
    """ "accused Russia of shelling Kherson", "thanked Qatar for mediating": whom a verb
    acts on is who did what the verb acts on them for (a gerund after "of" or "for")."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ not in ("of", "for"):
        return []
    holder = prep.head
    if holder.dep_ == "dobj":  # the parser hung "of" on the object ("accused militants of")
        return conjuncts(holder)
    objects = [c for c in holder.children if c.dep_ == "dobj" and c.i < prep.i]
    return conjuncts(objects[0]) if objects and holder.pos_ == "VERB" else []


_QUOTES = frozenset({'"', "“", "”", "``", "''"})
# what a subject noun phrase between a background clause and its verb is made of
_NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "CCONJ", "PART", "NUM", "PUNCT"})


def subject_after_background(verb: Token) -> list[Token]:
    """The noun phrase between a sentence's opening background clause and the main verb is
    that verb's subject, even where the parser hung it inside the clause ("After shelling
    killed four villagers, India and Pakistan agreed": "India" parsed as an apposition of
    "villagers")."""
    background = preposed_clause(verb.sent)
    if not background or not background.stop < verb.i:
        return []
    span = verb.doc[background.stop + 1 : verb.i]
    if not 0 < len(span) <= 8 or any(t.pos_ not in _NP_POS for t in span):
        return []
    heads = [t for t in span if t.pos_ in ("PROPN", "NOUN") and t.head not in span]
    if len(heads) != 1:
        return []
    return [t for t in conjuncts(heads[0]) if t in span]


def _noun_infinitive(verb: Token) -> bool:
    """A "to ..." clause that completes a noun: "the decision to halt", "plans to withdraw"."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VB"
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _crosses_quote(a: Token, b: Token) -> bool:
    """Is there a quotation mark between two tokens (a quote and its attribution)?"""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in _QUOTES for t in a.doc[lo:hi])


_HARM_VERBS = load_word_lists("events/compose.tsv")["bare_harm_lemmas"]


def headline_passive(verb: Token) -> bool:
    """ "2 civilians killed and 4 injured", "Three soldiers wounded in ambush": a past
    participle of harm with a subject, no auxiliary and no object is a passive told without
    its "were" (the terse style of notes and headlines): its subject is the one harmed."""
    if verb.lemma_.lower() not in _HARM_VERBS or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    # the tagger reads a clause's bare participle as a past tense too ("Four soldiers
    # wounded."): a past tense of harm with nothing harmed, alone in its clause, is the same
    bare = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ in ("ROOT", "conj"))
    return bare and not any(_acts_on(c) for c in verb.children)


def _acts_on(child: Token) -> bool:
    """The child gives the verb an auxiliary or an object, itself or through a verb
    conjoined with it ("wounded and killed three")."""
    if child.dep_ in ("aux", "auxpass", "dobj", "obj", "ccomp", "xcomp"):
        return True
    return child.dep_ == "conj" and any(c.dep_ in ("dobj", "obj") for c in child.children)


def passive_patient(verb: Token) -> Token | None:
    """ "soldiers killed in the fighting", "Kidnapped in 2015, the boys ...": a past
    participle makes the noun it modifies, or the main clause's subject, the one acted on."""
    if headline_passive(verb):
        return next(c for c in verb.children if c.dep_ == "nsubj")
    if verb.tag_ != "VBN" or verb.head.i == verb.i:
        return None
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ == "advcl":
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _light_verb_of(noun: Token) -> Token | None:
    """The verb that carries a noun trigger: "launched airstrikes", "carried out its
    fourth round of strikes", "staged attacks", "launched a mediation effort"."""
    tok = noun.head if noun.dep_ == "compound" else noun
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lemma_ == "of":
            owner = tok.head.head
            if owner.lemma_.lower() in GROUP_NOUNS:
                tok = owner
                continue
            if owner.lemma_.lower() in _DEGREE_NOUNS:
                break  # "to the highest level of readiness": a state put in, below
            return None
        break
    if tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
        if verb.lemma_.lower() in CARRIERS or verb.lower_ in LIGHT_VERB_FORMS:
            return verb  # "imposed martial law", "launched airstrikes"
    return _state_verb_of(tok)


# "troops remained on alert", "workers went on strike": the subject is in the state
_STATE_VERBS = frozenset({"be", "remain", "stay", "go", "keep"})


# "put its troops on alert", "ordered its army to the highest level of combat readiness":
# whoever puts forces in the state is the actor
_PUTTING_VERBS = frozenset({"put", "place", "order", "raise", "bring", "move"})
_DEGREE_NOUNS = frozenset({"level", "state", "degree"})


def _state_verb_of(tok: Token) -> Token | None:
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in _DEGREE_NOUNS:
        tok = tok.head.head  # "the highest level of readiness"
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("on", "to") or prep.head.i == prep.i:
        return None
    verb = prep.head
    lemma = verb.lemma_.lower()
    if prep.lower_ == "on" and lemma in _STATE_VERBS:
        return verb
    return verb if lemma in _PUTTING_VERBS and verb.pos_ == "VERB" else None


def _recipient_preps(event_type: str) -> frozenset[str]:
    return load_ontology().recipient_preps(event_type)


def _type(event_type: str) -> TypeInfo:
    return load_ontology().info(event_type)


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lemma_.lower() in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(conjuncts(p))
    return out


def _is_country(m: ActorMention | None) -> bool:
    return m is not None and m.country is not None and m.kind in ("country", "place")


class RoleFinder:
    """Maps a trigger to its actor and recipient mentions."""

    def __init__(self, index: MentionIndex, is_event_noun: Any) -> None:
        self.index = index
        self.is_event_noun = is_event_noun

    def find(
        self, trigger: Token, event_type: str, is_verb: bool, themes: frozenset[str] = frozenset()
    ) -> Roles:
        """`themes`: object words that are what is acted on, not whom ("recalled its
        ambassador", "imposed sanctions"): the recipient is then found in a prepositional
        phrase ("to Tehran", "from Iran")."""
        roles = (
            self._verb_roles(trigger, event_type, themes)
            if is_verb
            else self._noun_roles(trigger, event_type)
        )
        if not is_verb or trigger.tag_ == "VBG":
            self._between_sides(trigger, roles)
        elif event_type == "AID" and trigger.lemma_.lower() in _RECEIVING_VERBS:
            self._received(trigger, roles)
        symmetric = _type(event_type).symmetric
        if symmetric and len(roles.actors) > 1 and not roles.recipients:
            roles.recipients = roles.actors[1:2]
            roles.actors = roles.actors[:1]
        if symmetric and not roles.actors and len(roles.recipients) > 1:
            # "a meeting between X and Y"
            roles.actors, roles.recipients = roles.recipients[:1], roles.recipients[1:2]
        return roles

    def _received(self, verb: Token, roles: Roles) -> None:
        """ "Pakistan received a $1.1 billion disbursement from the IMF": what is received
        comes from the giver, who is the actor; the subject is the recipient."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        givers = self._resolve(
            [g for t in (verb, *objects) for g in _prep_objects(t, frozenset({"from"}))]
        )
        roles.actors, roles.recipients = givers, roles.actors

    # -- verbs ------------------------------------------------------------------------
    def _verb_roles(self, verb: Token, event_type: str, themes: frozenset[str]) -> Roles:
        roles = Roles(anchor=verb)
        roles.actors = self._resolve(subject_tokens(verb) or subject_after_background(verb))
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "obj")] + passive
        patient = passive_patient(verb)
        if patient is not None:
            objects.append(patient)
        for obj in objects:
            for tok in conjuncts(obj):
                if (tok.lemma_.lower() in themes or tok.lower_ in themes) and self._is_theme(tok):
                    # "summoned the Tajik envoy": the theme's own country is the recipient
                    owner = self._modifier_actor(tok)
                    if owner is not None and owner not in roles.recipients:
                        roles.recipients.append(owner)
                    continue
                m = self.index.near(tok)
                if useful(m) and tok.pos_ != "PRON":
                    if m not in roles.recipients:
                        roles.recipients.append(m)  # type: ignore[arg-type]
                elif self.is_event_noun(tok):
                    roles.object_event = tok
            if not roles.recipients:
                roles.recipients = self._resolve(_prep_objects(obj, _recipient_preps(event_type)))
        if not roles.recipients:
            roles.recipients = self._resolve(_prep_objects(verb, _recipient_preps(event_type)))
        if not roles.recipients and _type(event_type).recipient_in_country:
            roles.recipients = self._in_country(verb, objects)
        return roles

    # -- nouns ------------------------------------------------------------------------
    def _noun_roles(self, noun: Token, event_type: str) -> Roles:
        roles = Roles(anchor=noun)
        verb = _light_verb_of(noun)
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod", "npadvmod"):
                m = self.index.near(c)
                if useful(m) and m not in roles.actors:
                    roles.actors.append(m)  # type: ignore[arg-type]
        if not roles.actors:
            roles.actors = self._resolve(_prep_objects(noun, frozenset({"by"})))
        actor_preps = frozenset(_type(event_type).actor_preps)
        if not roles.actors and actor_preps:
            roles.actors = self._resolve(_prep_objects(noun, actor_preps))
        if verb is not None:
            roles.anchor = verb
            if not roles.actors:
                roles.actors = self._resolve(subject_tokens(verb))
        preps = _recipient_preps(event_type)
        roles.recipients = self._resolve(_prep_objects(noun, preps))
        if not roles.recipients and verb is not None:
            roles.recipients = self._resolve(_prep_objects(verb, preps))
        if not roles.recipients and _type(event_type).recipient_in_country:
            roles.recipients = self._in_country(noun, [])
            if not roles.recipients and verb is not None:
                roles.recipients = self._in_country(verb, [])
        roles.actors = [a for a in roles.actors if a not in roles.recipients]
        return roles

    # -- helpers ----------------------------------------------------------------------
    def _between_sides(self, trigger: Token, roles: Roles) -> None:
        """ "fighting between the army and the RSF", "clashes between herders and farmers":
        the two named sides are actor and recipient, whatever else the parse offered."""
        sides = self._resolve(_prep_objects(trigger, frozenset({"between"})))
        if len(sides) > 1:
            roles.actors, roles.recipients = sides[:1], sides[1:2]

    def _is_theme(self, tok: Token) -> bool:
        """What is acted with or on ("its ambassador", "its troops", "aid", "sanctions"),
        not whom: "freed the protesters" keeps the protesters as recipients."""
        m = self.index.near(tok)
        return m is None or (m.country is None and m.sector in ("GOV", "MIL", None))

    def _modifier_actor(self, tok: Token) -> ActorMention | None:
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.pos_ != "PRON":
                m = self.index.at(c)
                if m is not None and m.country:
                    return m
        return None

    def _in_country(self, tok: Token, objects: list[Token]) -> list[ActorMention]:
        """ "strikes in Iraq and Syria", "attacked sites in its old foe, Iraq"."""
        places = _prep_objects(tok, _IN_PREPS)
        for obj in objects:
            places += _prep_objects(obj, _IN_PREPS)
        out: list[ActorMention] = []
        for p in places:
            m = self.index.near(p)
            if m is None:
                # "Iran's Sistan and Baluchestan province": the possessor is the country
                for c in p.children:
                    if c.dep_ == "poss":
                        m = self.index.at(c)
            if _is_country(m) and m not in out:
                out.append(m)  # type: ignore[arg-type]
        return out

    def _resolve(self, tokens: list[Token]) -> list[ActorMention]:
        out: list[ActorMention] = []
        for tok in tokens:
            if tok.lemma_.lower() in RELATIVE_PRONOUNS and tok.dep_.startswith("nsubj"):
                tok = tok.head.head  # "Pakistan, which denounced ..." -> Pakistan
            m = self.index.near(tok)
            if useful(m) and m not in out:
                out.append(m)  # type: ignore[arg-type]
        return out


def speaker_of(pronoun: Token, index: MentionIndex) -> ActorMention | None:
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


def speaker_demands(trigger: Token, roles: Roles, index: MentionIndex) -> None:
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
