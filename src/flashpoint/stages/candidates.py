"""Stage 2: the lexical pass (placeholder: marks every sentence a candidate)."""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.stages.base import register_stage


class CandidateStage:
    name = "candidates"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("triggers",)

    def __call__(self, doc: Document) -> Document:
        for s in doc.sentences:
            s.candidate = True
        return doc


@register_stage("flashpoint.candidates.v1")
def make_candidate_stage(config: CoderConfig) -> CandidateStage:
    return CandidateStage()
