"""Repairs of parses the small English model gets wrong in a way that hides the event.

- A present participle describing the subject ("protesters rejecting the law threw
  stones") taken as the sentence's root, with the finite verb that is the real predicate
  hung under it (as `advcl`, `ccomp`, `conj` or `dep`) and no subject of its own: the
  finite verb becomes the root with the subject, and the participle a clause on the subject
  (`acl`), as in "protesters opposing the law threw stones", which the model parses right.
- A span of time taken as the subject of the clause it dates ("..., days after Britain and
  France triggered the sanctions": "days" the subject, "Britain" the object of "after", the
  clause a second root): the named actor becomes the subject, "after" the clause's marker,
  and the clause an adverbial clause of the sentence's first root, as the model parses
  "..., days after the talks collapsed".
"""

from __future__ import annotations

from typing import Any

Doc = Any
Token = Any

_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_UNDER = frozenset({"advcl", "ccomp", "conj", "dep"})  # where the real predicate hangs
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year"})
_TIME_MARKS = frozenset({"after", "before", "since"})
_MAIN_UNDER = frozenset({"ccomp", "conj", "parataxis"})  # where the main clause hangs


def repair(doc: Doc) -> Doc:
    """Repair `doc`'s parse in place (see the module docstring); returns it."""
    for root in [t for t in doc if t.dep_ == "ROOT"]:
        _participle_root(root)
    for tok in [t for t in doc if t.dep_ == "nsubj" and t.lemma_.lower() in _TIME_UNITS]:
        _time_as_subject(tok)
    return doc


def _time_as_subject(span: Token) -> None:
    verb = span.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    mark = next((c for c in span.children if c.dep_ == "prep" and c.lower_ in _TIME_MARKS), None)
    actor = next((c for c in mark.children if c.dep_ == "pobj"), None) if mark else None
    if mark is None or actor is None or actor.pos_ not in ("PROPN", "NOUN", "PRON"):
        return
    # the clause before the span is the sentence's: its own root, or hung under the dated
    # clause as what it says or a conjunct
    first = next((t for t in verb.doc if t.dep_ == "ROOT"), None)
    under = next(
        (
            c
            for c in verb.children
            if c.i < span.i and c.dep_ in _MAIN_UNDER and c.pos_ in ("VERB", "AUX")
        ),
        None,
    )
    actor.head, actor.dep_ = verb, "nsubj"
    mark.head, mark.dep_ = verb, "mark"
    span.head, span.dep_ = mark, "npadvmod"
    if verb.dep_ != "ROOT":
        return
    if under is not None:
        under.head, under.dep_ = under, "ROOT"
        first = under
    if first is not None and first.i < span.i:
        verb.head, verb.dep_ = first, "advcl"


def _participle_root(root: Token) -> None:
    if root.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subject is None:
        return
    verb = next(
        (
            c
            for c in root.rights
            if c.tag_ in _FINITE
            and c.dep_ in _UNDER
            and not any(g.dep_ in _SUBJECTS or g.dep_ in ("aux", "auxpass") for g in c.children)
        ),
        None,
    )
    if verb is None:
        return
    # what came after the finite verb, and what opened the sentence, are the verb's
    moved = [c for c in root.children if c.i > verb.i or c.i < subject.i]
    verb.head, verb.dep_ = verb, "ROOT"
    subject.head = verb
    root.head, root.dep_ = subject, "acl"
    for c in moved:
        c.head = verb
