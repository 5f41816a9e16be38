"""Types compose: the clause a trigger sits in can turn its event into another one.

- failing to do something cooperative is a refusal: "failed to reach agreement" is REJECT;
- ending, lifting or suspending an event reverses it: "ended its mediation" is REJECT (of a
  meeting), "lifted restrictions" CONCEDE, "suspended aid" SANCTION, "halted the offensive"
  RETREAT;
- an offer of forces is an offer, not a threat: "willing to send troops" is AGREE;
- what an actor will give or do for another, said or not, is a commitment: "will give a
  grant" is AGREE;
- what someone must do is a demand on them, said or not: "Ghana must cooperate" is REQUEST.

Which words do it is data (data/events/compose.tsv); what each type becomes is data too
(plover.json, each type's frames `fail`, `stop`, `offer`, `pledge`, `demand`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flashpoint.ontology import Target, load_ontology
from flashpoint.stages.wordlists import load_word_lists

Token = Any

_WORDS = load_word_lists("events/compose.tsv")
_FAIL = _WORDS["fail_lemmas"]
_FAIL_SUBJECT = _WORDS["fail_subject_lemmas"]
_END = _WORDS["end_lemmas"]
_WITHOUT = _WORDS["without_lemmas"]
_STOP = _WORDS["stop_lemmas"]
_OFFER = _WORDS["offer_lemmas"]
_PLEDGE_AUX = _WORDS["pledge_aux"]
_MUST_AUX = _WORDS["must_aux"]
DISCOVERY = _WORDS["discovery_lemmas"]
_WEAPON_MODES = _WORDS["weapon_modes"]
HARM = _WORDS["harm_lemmas"]  # harm that names no cause (the events stage: accident tolls)

_NOUN_OBJECT = ("dobj", "nsubjpass")


def compose(match: Any, verb: Token | None) -> bool:
    """Recode `match` (a TriggerMatch) when its clause composes with it; `verb` is the verb
    that carries its tense (None when it has none). True when it was recoded."""
    frame = "fail" if _came_to_nothing(match) else _frame_of(match.token, verb)
    if frame is None:
        return False
    entry = match.entry
    target = load_ontology().reframed(entry.event_type, entry.mode, frame)
    if target is None or target.event_type == entry.event_type:
        return False
    _apply(match, target, frame)
    return True


def _apply(match: Any, target: Target, frame: str) -> None:
    match.entry = replace(match.entry, event_type=target.event_type, mode=target.mode)
    match.frame = frame


def _frame_of(tok: Token, verb: Token | None) -> str | None:
    if _stopped(tok):
        return "stop"
    if verb is None:
        return None
    head = verb.head
    governed = verb.dep_ in ("xcomp", "acl") and head.i != verb.i
    if governed and head.lemma_.lower() in _FAIL:
        return "fail"
    if governed and head.lemma_.lower() in _OFFER:
        return "offer"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if aux & _MUST_AUX:
        return "demand"
    if aux & _PLEDGE_AUX:
        return "pledge"
    return None


def _came_to_nothing(match: Any) -> bool:
    """ "Talks collapsed", "the negotiations ended without agreement": a meeting told by a
    noun whose verb says it failed, or that it ended without what it was for (not a
    ceasefire that collapsed: that is no refusal)."""
    tok = match.token
    verb = tok.head
    if match.entry.event_type != "CONSULT":
        return False
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "nsubj" or verb.i == tok.i:
        return False
    lemma = verb.lemma_.lower()
    if lemma in _FAIL_SUBJECT:
        return True
    if lemma not in _END:
        return False
    return any(
        p.dep_ == "prep" and p.lower_ == "without" and o.lemma_.lower() in _WITHOUT
        for p in verb.children
        for o in p.children
    )


def _stopped(tok: Token) -> bool:
    """ "ended its mediation", "the restrictions were lifted", "stopped shelling": the
    trigger is the object of a verb that ends it."""
    if tok.dep_ == "compound" and tok.head.head.i != tok.head.i:
        tok = tok.head  # "suspended its mediation efforts"
    if tok.head.i == tok.i or tok.head.lemma_.lower() not in _STOP:
        return False
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok.dep_ in _NOUN_OBJECT
    return tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "dobj")


def drop_finder(match: Any, roles: Any) -> None:
    """ "Police found the bodies of three men": a killing told by the finding of its
    victims; whoever found them did not kill them."""
    if (
        match.token.lemma_.lower() in DISCOVERY
        and load_ontology().info(match.entry.event_type).attack
    ):
        roles.actors = []


def weapon_sets_mode(cands: list[Any]) -> None:
    """ "Soldiers clashed with rebels after militants threw a grenade": the weapon named in
    passing does not make the main event, it tells its means: the main use of force
    without a mode of its own takes the weapon's."""
    onto = load_ontology()
    force = [c for c in cands if not c.skip and onto.info(c.event_type).attack]
    for c in force:
        if c.mode is not None:
            continue
        weapons = [
            o.mode
            for o in force
            if o is not c and o.mode in _WEAPON_MODES and o.match.salience < c.match.salience
        ]
        if weapons:
            c.mode = weapons[0]
            c.weapon_in_passing = True
