"""The lexical candidate pass: which sentences are worth parsing, and where their trigger
words are. No model runs here; the documents are invented."""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.stages.base import get_stage_factory
from flashpoint.stages.candidates import CandidateStage, sentence_tokens
from flashpoint.stages.sentences import SentenceStage

TEXT = (
    "Rebels attacked an army post near the border on Monday. "
    "The weather in the capital was mild and sunny. "
    "The union called the week-long strike off after talks. "
    "She recalled her childhood in the mountains. "
    "The cease-fire held through the night."
)


def run(text: str) -> Document:
    doc = SentenceStage()(Document(id="t", text=text))
    return CandidateStage()(doc)


def test_only_sentences_that_may_report_events_are_candidates() -> None:
    doc = run(TEXT)
    assert [s.candidate for s in doc.sentences] == [True, False, True, False, True]


def test_trigger_hits_point_at_their_words() -> None:
    doc = run(TEXT)
    for hit in doc.triggers:
        assert doc.text[hit.span[0] : hit.span[1]] == hit.text
        assert doc.sentences[hit.sentence].candidate
    assert {"attacked", "called"} <= {h.key for h in doc.triggers}


def test_hyphenated_words_are_also_split() -> None:
    assert sentence_tokens(["The", "cease-fire", "held"]) == [
        "the",
        "cease-fire",
        "cease",
        "fire",
        "held",
    ]


def test_a_plain_sentence_is_not_a_candidate() -> None:
    doc = run("The museum reopened its doors to visitors after the renovation.")
    assert not any(s.candidate for s in doc.sentences)


def test_the_stage_is_registered_with_its_contract() -> None:
    stage = get_stage_factory("flashpoint.candidates.v1")(CoderConfig())
    assert isinstance(stage, CandidateStage) and stage.name == "candidates"
    assert stage.requires == ("doc.sentences",)
    assert "sentence.candidate" in stage.assigns
