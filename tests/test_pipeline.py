"""The pipeline is checked when it is built, and the Coder refuses unusable documents."""

from __future__ import annotations

import pytest

from flashpoint import Coder, CoderConfig, Document
from flashpoint.errors import ConfigError, EmptyDocumentError, PipelineError, TooLargeError
from flashpoint.pipeline import Pipeline, build_pipeline


class _Needs:
    name = "needs-events"
    requires = ("doc.events",)
    assigns = ("doc.warnings",)

    def __call__(self, doc: Document) -> Document:
        return doc


def test_stage_order_is_checked() -> None:
    with pytest.raises(PipelineError, match="requires 'doc.events'.*add 'events' before"):
        Pipeline([_Needs()])


def test_unknown_stage_name_lists_known_ones() -> None:
    with pytest.raises(PipelineError, match="flashpoint.sentences.v1"):
        build_pipeline(CoderConfig(stages=("sentences", "nonsense")))


def test_default_pipeline_runs_every_stage_in_order() -> None:
    names = build_pipeline(CoderConfig()).names
    assert names == list(CoderConfig().stages)


def test_bad_config_values_are_refused() -> None:
    with pytest.raises(ConfigError):
        CoderConfig(max_chars=0)
    with pytest.raises(ConfigError):
        CoderConfig(min_confidence=2.0)


def test_empty_and_oversized_documents_are_refused(coder: Coder) -> None:
    with pytest.raises(EmptyDocumentError):
        coder.code("   \n ", pub_date="2024-01-01")
    small = Coder(CoderConfig(max_chars=10))
    with pytest.raises(TooLargeError, match="more than the limit"):
        small.code("Protesters marched in Lima on Friday.", pub_date="2024-01-01")


def test_code_returns_typed_events_with_json_records(coder: Coder) -> None:
    events = coder.code(
        "Ethiopian troops shelled rebel positions near Gondar on Monday, killing 12 fighters.",
        pub_date="2023-05-10",
        doc_id="t1",
    )
    assert events, "a shelling report gives an event"
    ev = events[0]
    assert ev.event_type == "ASSAULT"
    rec = ev.to_dict()
    assert rec["doc_id"] == "t1" and rec["id"].startswith("ev_")
    assert rec["trigger"]["text"] in rec["sentence"]


def test_ids_are_stable(coder: Coder) -> None:
    text = "Police arrested 40 protesters in Nairobi on Monday."
    a = [e.id for e in coder.code(text, pub_date="2024-02-07", doc_id="d")]
    b = [e.id for e in coder.code(text, pub_date="2024-02-07", doc_id="d")]
    assert a == b and a


def test_input_errors_keep_their_source_across_processes() -> None:
    import pickle

    from flashpoint.errors import DateError

    err = pickle.loads(pickle.dumps(DateError("unknown date format", source="a.txt:3")))
    assert isinstance(err, DateError)
    assert err.source == "a.txt:3" and str(err) == "a.txt:3: unknown date format"
    assert err.to_dict() == {"error": "date_error", "message": "a.txt:3: unknown date format"}


def test_a_killing_participle_gives_its_count_to_the_main_event(coder: Coder) -> None:
    [ev] = coder.code(
        "Protesters clashed with police in Lima on Friday, killing 4 people.",
        pub_date="2023-06-12",
    )
    assert ev.event_type == "PROTEST" and ev.dead == 4
    assert ev.acled_sub_event_type == "Violent demonstration"


class _Boom:
    name = "boom"
    requires = ("doc.sentences",)
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        if "Goma" in doc.text:
            raise ValueError("unexpected token")
        return doc


def test_a_stage_failing_on_one_document_spares_the_rest_of_its_batch() -> None:
    from flashpoint.stages.sentences import SentenceStage

    coder = Coder()
    coder._pipeline = Pipeline([SentenceStage(), _Boom()])
    docs = [
        coder.make_document(text, pub_date="2024-01-01", doc_id=f"d{i}")
        for i, text in enumerate(["Calm in Lima.", "Shelling near Goma.", "Talks in Doha."])
    ]
    out = list(coder.code_many(docs))
    assert [c.doc_id for c in out] == ["d0", "d1", "d2"]
    assert [c.ok for c in out] == [True, False, True]
    assert isinstance(out[1].failure, ValueError)
    assert out[1].reason is not None and "unexpected token" in out[1].reason
