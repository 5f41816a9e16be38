"""PLOVER's auxiliary modes: negation ("there was no meeting"), future ("will begin a
drill") and hypothetical ("could strike"), read off the parse around the trigger."""

from __future__ import annotations

from typing import Any

from flashpoint.ontology import load_ontology
from flashpoint.stages.wordlists import load_word_lists

Token = Any

_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_MODAL_AUX = frozenset({"could", "might", "may", "would", "should", "can", "must"})
_FUTURE_HEADS = frozenset(
    "plan intend prepare aim expect schedule set go propose consider mull seek want "
    "hope try attempt".split()
)
_FUTURE_MODS = frozenset({"planned", "upcoming", "future", "proposed", "next", "scheduled"})
_HYPO_MODS = frozenset({"potential", "possible", "hypothetical", "any", "likely", "further"})
_QUESTION_WORDS = frozenset({"how", "whether", "if", "unless", "why"})
_NEG_WORDS = frozenset({"not", "n't", "never", "no"})
# verbs of preparing an act that has not happened ("plotting attacks")
_PLOT_VERBS = frozenset("plan plot prepare organise organize contemplate".split())
# nouns whose "to ..." clause is what was decided, not only meant ("Sweden's decision to halt
# aid took effect", "the government's move to expel the envoy")
_DECISION_NOUNS = frozenset("decision move order vote ruling resolution".split())
# "a last chance to avoid a massacre": what was averted did not happen
_AVERT_VERBS = frozenset("avoid avert prevent forestall".split())
# a bomb, mine or device that was defused, found or seized did not go off ("police defused a
# car bomb near the checkpoint"): the verb is the event
_DEFUSE_VERBS = frozenset(
    "defuse dismantle neutralise neutralize deactivate disarm find discover recover seize "
    "detect locate".split()
)
_EXPLOSIVES = frozenset("bomb ied mine landmine device explosive explosives grenade".split())
# weapons handed in, surrendered or collected were not used ("handed over 177 weapons")
_HANDOVER_VERBS = frozenset("hand surrender collect turn stockpile store".split())
# a journey made to meet is the meeting ("will travel to Caracas to meet both sides")
_JOURNEY_VERBS = load_word_lists("events/frames.tsv")["journey_verbs"]
_MEETING_VERBS = load_word_lists("events/frames.tsv")["meeting_verbs"]
# verbs of a change in number: their subject counts events ("attacks rose by 20 percent")
_TREND_VERBS = frozenset(
    "rise increase decrease decline fall drop double triple surge soar grow plummet "
    "halve climb jump dip".split()
)


def _has_aux(tok: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in tok.children)


def negated(trigger: Token, anchor: Token) -> bool:
    for tok in {trigger, anchor}:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return True
    # "there was no meeting": the existential verb carries the negation
    head = trigger.head
    if trigger.dep_ in ("attr", "nsubj") and head.lemma_ == "be":
        return any(c.dep_ == "neg" for c in head.children)
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "without":
        return True
    # "Iran denied supplying weapons", "denied that its troops had entered": what an actor
    # denies is not reported as done
    return anchor.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and anchor.head.lemma_ == "deny"


def future(trigger: Token, anchor: Token) -> bool:
    if _has_aux(anchor, _FUTURE_AUX):
        return True
    # "will fly to Khartoum to meet": a purpose clause is as future as the journey
    purpose = anchor.dep_ == "advcl" and _has_aux(anchor, frozenset({"to"}))
    if purpose and _has_aux(anchor.head, _FUTURE_AUX):
        return True
    if any(c.dep_ == "amod" and c.lower_ in _FUTURE_MODS for c in trigger.children):
        return True
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in _FUTURE_HEADS:
        return not _has_aux(anchor.head, _MODAL_AUX)
    return False


def hypothetical(trigger: Token, anchor: Token) -> bool:
    """Modal verbs, conditionals and indirect questions."""
    if _has_aux(anchor, _MODAL_AUX):
        return True
    return _in_question_or_condition(anchor)


def not_an_occurrence(trigger: Token, anchor: Token) -> bool:
    """Mentions that report no event at all: "potential strikes", "any attack", what was
    planned or averted ("to avoid a massacre"), purpose infinitives ("proxies to attack
    American interests"), indirect questions, numbers of events that changed ("attacks on
    aid workers rose by a fifth")."""
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in _TREND_VERBS:
        return True
    if _campaign(trigger):
        return True
    # "arrested for planning attacks on the embassy": what was planned did not happen
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _PLOT_VERBS | _AVERT_VERBS:
        return True
    if _defused(trigger):
        return True
    if any(c.dep_ == "amod" and c.lower_ in _HYPO_MODS for c in trigger.children):
        return True
    if any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in trigger.children):
        return True
    # "parked across the road to protest against fuel prices": acting to protest is
    # protesting; "flew to Khartoum to meet the generals": travelling to meet is meeting
    done = trigger.lemma_.lower() == "protest" or _journey_to_meet(trigger, anchor)
    if anchor.dep_ in ("acl", "advcl", "xcomp") and anchor.tag_ == "VB" and not done:
        to_aux = any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
        decided = anchor.dep_ == "acl" and anchor.head.lemma_.lower() in _DECISION_NOUNS
        if (
            to_aux
            and not decided
            and (anchor.head.pos_ in ("NOUN", "PROPN") or anchor.dep_ == "advcl")
        ):
            return True
    return _in_question_or_condition(anchor)


def _journey_to_meet(trigger: Token, anchor: Token) -> bool:
    return trigger.lemma_.lower() in _MEETING_VERBS and anchor.head.lemma_.lower() in _JOURNEY_VERBS


def _campaign(trigger: Token) -> bool:
    """ "their attacks are in solidarity with Gaza", "its strikes aim to weaken the group":
    a possessed plural event noun that is the subject of a present-tense verb tells what an
    actor keeps doing and why, not an event."""
    if trigger.tag_ != "NNS" or trigger.dep_ != "nsubj":
        return False
    if not any(c.dep_ == "poss" for c in trigger.children):
        return False
    return trigger.head.tag_ in ("VBP", "VBZ")


def _defused(trigger: Token) -> bool:
    """ "defused a car bomb", "a landmine was found", "handed over 177 weapons, including
    rifles and grenades": the explosive never went off."""
    if trigger.lemma_.lower() not in _EXPLOSIVES:
        return False
    node = trigger
    for _ in range(5):  # up through a list or an "including" phrase to the object
        if node.dep_ in ("dobj", "nsubjpass"):
            return node.head.lemma_.lower() in _DEFUSE_VERBS | _HANDOVER_VERBS
        if node.dep_ not in ("conj", "pobj", "prep", "appos") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _in_question_or_condition(tok: Token) -> bool:
    node = tok
    for _ in range(6):
        for c in node.children:
            if c.dep_ in ("mark", "advmod") and c.lower_ in _QUESTION_WORDS and c.i <= node.i:
                return True
        if node.dep_ in ("ROOT",) or node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "csubj", "advcl", "xcomp", "conj", "relcl", "pcomp"):
            node = node.head
            continue
        node = node.head
    return False


def aux_modes(trigger: Token, anchor: Token, event_type: str, framed: bool = False) -> list[str]:
    """`framed`: the trigger was recoded as what was said about it ("agreed to withdraw"
    is an AGREE made now), so its tense is not the event's."""
    modes: list[str] = []
    if negated(trigger, anchor):
        modes.append("negation")
    # a threat or a demand (verbal conflict) is made now, whatever tense its content has
    onto = load_ontology()
    verbal = framed or (onto.is_verbal(event_type) and onto.is_conflictual(event_type))
    if not verbal and future(trigger, anchor):
        modes.append("future")
    elif not verbal and hypothetical(trigger, anchor):
        modes.append("hypothetical")
    return modes
