"""The pipeline (an ordered, checked list of stages) and the `Coder`, the public entry point."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from flashpoint import __version__
from flashpoint.config import GEOPARSE_STAGES, CoderConfig
from flashpoint.document import Document, Event, PlaceMention, content_id
from flashpoint.errors import (
    EmptyDocumentError,
    FlashpointError,
    InputError,
    PipelineError,
    TooLargeError,
)
from flashpoint.stages import load_builtin_stages
from flashpoint.stages.base import Stage, get_stage_factory, registered_classes
from flashpoint.stages.contract import analyze

CODER_NAME = f"flashpoint {__version__}"


class Pipeline:
    """An ordered list of stages, checked when built: every path a stage `requires` must
    be assigned by an earlier stage (or given by the reader), and every declared path must
    name a field of the data model. A missing or misordered stage is refused with a
    `PipelineError` that names the field and the stage that assigns it."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        load_builtin_stages()
        problems = analyze(stages, known=registered_classes())
        if problems:
            raise PipelineError("; ".join(p.message() for p in problems))
        self.stages = list(stages)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, docs: list[Document]) -> list[Document]:
        """Run a batch of documents through every stage; a stage with a `pipe` method
        (the parser) works on the whole batch at once."""
        for stage in self.stages:
            batch = getattr(stage, "pipe", None)
            docs = batch(docs) if batch is not None else [stage(d) for d in docs]
        return docs

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]


def build_pipeline(config: CoderConfig) -> Pipeline:
    load_builtin_stages()
    return Pipeline([get_stage_factory(name)(config) for name in config.stages])


@dataclass(slots=True)
class CodedDocument:
    """The result of coding one document: its events, or the reason it could not be coded
    (`error` for bad input; `failure` for an unexpected error of a stage on it)."""

    doc_id: str
    source: str | None
    events: list[Event]
    error: InputError | None = None
    document: Document | None = None
    failure: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.failure is None

    @property
    def reason(self) -> str | None:
        """Why this document was not coded, or None."""
        if self.error is not None:
            return self.error.reason
        if self.failure is not None:
            return f"internal error while coding ({type(self.failure).__name__}: {self.failure})"
        return None


class Coder:
    """Turns dated news articles into PLOVER event records.

    >>> coder = Coder()
    >>> events = coder.code("Police arrested 12 protesters in Lagos on Monday.",
    ...                     pub_date="2024-03-05")

    The spaCy model and the dictionaries are loaded on first use, once per process.
    """

    def __init__(self, config: CoderConfig | None = None) -> None:
        self.config = config or CoderConfig()
        self._pipeline: Pipeline | None = None
        self._geoparser: Coder | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = build_pipeline(self.config)
        return self._pipeline

    def code(
        self,
        text: str,
        pub_date: date | str | None = None,
        doc_id: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> list[Event]:
        """Code one article and return its events. Raises `InputError` for unusable input."""
        doc = self.make_document(text, pub_date=pub_date, doc_id=doc_id, title=title, url=url)
        return self.code_document(doc).events

    def geoparse(self, text: str, doc_id: str | None = None) -> list[PlaceMention]:
        """Every place named in `text`, resolved in the context of the others, in text
        order (spans are offsets into `text`). Raises `InputError` for unusable input."""
        doc = self.make_document(text, doc_id=doc_id)
        return self.geoparser.code_document(doc).places

    @property
    def geoparser(self) -> Coder:
        """A coder that runs only the stages geoparsing needs (`GEOPARSE_STAGES`), every
        sentence parsed: its `code_many` yields documents with their `places`."""
        if self._geoparser is None:
            config = replace(self.config, stages=GEOPARSE_STAGES, parse_all=True)
            self._geoparser = Coder(config)
        return self._geoparser

    def make_document(
        self,
        text: str,
        pub_date: date | str | None = None,
        doc_id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
    ) -> Document:
        from flashpoint.readers.base import parse_pub_date

        if isinstance(pub_date, str):
            pub_date = parse_pub_date(pub_date, source=source or doc_id)
        return Document(
            id=doc_id or content_id(text),
            text=text,
            pub_date=pub_date,
            title=title,
            url=url,
            source=source,
        )

    def code_document(self, doc: Document) -> Document:
        """Run every stage over `doc` (after checking it can be coded) and return it."""
        self._check(doc)
        return self.pipeline(doc)

    def code_many(
        self, docs: Iterable[Document | InputError], batch_size: int = 16
    ) -> Iterator[CodedDocument]:
        """Code a stream of documents, in input order, `batch_size` at a time (the parser
        is faster on batches). Unreadable documents come out with their `error`; a
        document on which a stage fails unexpectedly comes out with its `failure`, and
        the others are still coded."""
        batch: list[Document | InputError] = []
        for item in docs:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, items: list[Document | InputError]) -> list[CodedDocument]:
        results: list[CodedDocument | None] = [None] * len(items)
        ready: list[tuple[int, Document]] = []
        for i, item in enumerate(items):
            if isinstance(item, InputError):
                results[i] = CodedDocument(doc_id="", source=item.source, events=[], error=item)
                continue
            try:
                self._check(item)
            except InputError as exc:
                results[i] = self._refused(item, exc)
                continue
            ready.append((i, item))
        try:
            coded = self.pipeline.pipe([d for _, d in ready])
        except FlashpointError:
            raise
        except Exception:
            coded = None  # find the document that fails, and code the others
        for n, (i, doc) in enumerate(ready):
            results[i] = self._coded(coded[n]) if coded is not None else self._code_alone(doc)
        return [r for r in results if r is not None]

    def _code_alone(self, doc: Document) -> CodedDocument:
        try:
            return self._coded(self.pipeline(doc))
        except InputError as exc:
            return self._refused(doc, exc)
        except FlashpointError:
            raise
        except Exception as exc:  # a bug in a stage must not stop a long run
            return CodedDocument(doc.id, doc.source or doc.id, [], failure=exc)

    @staticmethod
    def _coded(doc: Document) -> CodedDocument:
        return CodedDocument(doc_id=doc.id, source=doc.source, events=doc.events, document=doc)

    @staticmethod
    def _refused(doc: Document, exc: InputError) -> CodedDocument:
        if exc.source is None:
            exc.source = doc.source or doc.id
        return CodedDocument(doc_id=doc.id, source=exc.source, events=[], error=exc)

    def _check(self, doc: Document) -> None:
        name = doc.source or doc.id
        if not doc.text or not doc.text.strip():
            raise EmptyDocumentError("the document has no text", source=name)
        if len(doc.text) > self.config.max_chars:
            raise TooLargeError(
                f"the document has {len(doc.text):,} characters, more than the limit of "
                f"{self.config.max_chars:,}; split it or raise CoderConfig.max_chars",
                source=name,
            )
