"""Stage 2: the lexical pass. A sentence is a candidate when a word of it can be a trigger.

No model runs here: each sentence's lower-cased words are looked up in the set of the
trigger lexicon's surface forms, so only candidate sentences are sent to the parser.
"""

from __future__ import annotations

import re

from flashpoint.config import CoderConfig
from flashpoint.document import Document, TriggerHit
from flashpoint.stages.base import register_stage
from flashpoint.stages.events.lexicon import load_trigger_lexicon

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


class CandidateStage:
    name = "candidates"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("triggers",)

    def __init__(self) -> None:
        self.lexicon = load_trigger_lexicon()

    def __call__(self, doc: Document) -> Document:
        for sent in doc.sentences:
            found = list(_WORD.finditer(sent.text))
            words = {m.group().lower() for m in found}
            words |= {w.split("-", 1)[0] for w in words if "-" in w}
            hits = set(self.lexicon.sentence_may_report(words))
            if not hits:
                continue
            sent.candidate = True
            for m in found:
                word = m.group().lower()
                if word in hits:
                    start = sent.start + m.start()
                    doc.triggers.append(
                        TriggerHit(sent.index, (start, start + len(word)), m.group(), word)
                    )
        return doc


@register_stage("flashpoint.candidates.v1")
def make_candidate_stage(config: CoderConfig) -> CandidateStage:
    return CandidateStage()
