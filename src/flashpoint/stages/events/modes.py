"""PLOVER modes from the words around a trigger ("air strike" -> aerial, "gunmen" -> firearms).
The cue words are data: data/events/modes.tsv (lists named TYPE/mode, tried in file order)."""

from __future__ import annotations

from functools import cache
from typing import Any

from flashpoint.errors import DataFileError, OntologyError
from flashpoint.ontology import load_ontology
from flashpoint.stages.wordlists import load_word_lists

Token = Any
MODES_FILE = "events/modes.tsv"


@cache
def mode_cues() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Per type, its cued modes and their cue words, in the order they are tried."""
    lists = load_word_lists(MODES_FILE)
    onto = load_ontology()
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name in lists.order:
        etype, _, mode = name.partition("/")
        if not mode:
            continue
        try:
            onto.check(etype, mode)
        except OntologyError as exc:
            raise DataFileError(f"data/{MODES_FILE}: list {name}: {exc}") from exc
        out.setdefault(etype, []).append((mode, lists[name]))
    return {etype: tuple(cues) for etype, cues in out.items()}


def _instrument_preps() -> frozenset[str]:
    return load_word_lists(MODES_FILE)["instrument_preps"]


def cued_mode(event_type: str, trigger: Token, anchor: Token, actor_text: str | None) -> str | None:
    """The mode of `event_type` cued by the trigger phrase, its dependents or the actor's
    words (the first of the type's cue lists that matches)."""
    cues = mode_cues().get(event_type, ())
    words = _local_words(trigger) | _local_words(anchor)
    for mode, cue in cues:
        if words & cue:
            return mode
    if actor_text:
        actor_words = set(actor_text.lower().split())
        for mode, cue in cues:
            if actor_words & cue:
                return mode
    return None


def _local_words(tok: Token) -> set[str]:
    """The trigger, its compounds and modifiers, and the head words of its preps."""
    out = {tok.lower_}
    preps = _instrument_preps()
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "dobj", "nsubj", "npadvmod", "prt"):
            out.add(c.lower_)
            out.update(g.lower_ for g in c.children if g.dep_ in ("compound", "amod"))
        elif c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out.update(p.lower_ for p in c.subtree)
    return out
