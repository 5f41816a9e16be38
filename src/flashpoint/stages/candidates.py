"""Stage 2: the lexical pass. A sentence is a candidate when a word of it can be a trigger.

No model runs here: each sentence's lower-cased words are looked up in the set of the
trigger lexicon's surface forms, so only candidate sentences are sent to the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flashpoint.config import CoderConfig
from flashpoint.document import Document, TriggerHit
from flashpoint.stages.base import register_stage
from flashpoint.stages.events.lexicon import load_trigger_lexicon

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def sentence_tokens(words: Iterable[str]) -> list[str]:
    """Lower-cased words in text order; a hyphenated word is followed by its parts
    ("cease-fire", "cease", "fire") so that either spelling is found."""
    out: list[str] = []
    for w in words:
        low = w.lower()
        out.append(low)
        if "-" in low:
            out.extend(p for p in low.split("-") if p)
    return out


@register_stage("flashpoint.candidates.v1")
class CandidateStage:
    name = "candidates"
    requires: tuple[str, ...] = ("doc.sentences",)
    assigns: tuple[str, ...] = ("sentence.candidate", "doc.triggers")

    @classmethod
    def from_config(cls, config: CoderConfig) -> CandidateStage:
        return cls()

    def __init__(self) -> None:
        self.lexicon = load_trigger_lexicon()

    def __call__(self, doc: Document) -> Document:
        for sent in doc.sentences:
            found = list(_WORD.finditer(sent.text))
            tokens = sentence_tokens(m.group() for m in found)
            hits = set(self.lexicon.sentence_may_report(set(tokens), tokens))
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
