"""The stage contract: declared paths name real fields, the pipeline refuses a missing or
misordered stage, and every stage changes only the fields it declares."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint import CoderConfig, Document
from flashpoint.errors import PipelineError
from flashpoint.pipeline import Pipeline, build_pipeline
from flashpoint.samples import SAMPLES_DIR
from flashpoint.stages.base import get_stage_factory, registered_classes
from flashpoint.stages.contract import changed_paths, check_path, covers, snapshot, undeclared

DEFAULT = CoderConfig().stages

# Invented test text: several events, places, dates, tolls and a repeated report.
TEXTS = [
    "Gunmen attacked a police post in Quetta on Monday, killing four officers. "
    "The attack was condemned by Pakistan's foreign ministry. Police arrested 12 suspects. "
    "Later, the militants attacked the post again.",
    "Protesters marched in Nairobi on Tuesday. Police in Nairobi fired tear gas and "
    "detained 40 people. Kenya's president met the opposition leader in Mombasa.",
    "Nothing of note happened today.",
]


def _without(name: str) -> tuple[str, ...]:
    return tuple(s for s in DEFAULT if s != name)


def _moved(name: str, before: str) -> tuple[str, ...]:
    rest = list(_without(name))
    rest.insert(rest.index(before), name)
    return tuple(rest)


def test_a_pipeline_without_candidates_is_refused_naming_the_field_and_stage() -> None:
    with pytest.raises(PipelineError) as info:
        build_pipeline(CoderConfig(stages=_without("candidates")))
    message = str(info.value)
    assert "'parse' requires 'sentence.candidate'" in message
    assert "add 'candidates' before 'parse'" in message


def test_locate_before_events_is_refused() -> None:
    with pytest.raises(PipelineError) as info:
        build_pipeline(CoderConfig(stages=_moved("locate", before="events")))
    assert "'locate' requires 'doc.events'" in str(info.value)
    assert "move 'events' before 'locate'" in str(info.value)


def test_locate_without_geoparse_is_refused() -> None:
    with pytest.raises(PipelineError, match="'doc.places'.*add 'geoparse' before 'locate'"):
        build_pipeline(CoderConfig(stages=_without("geoparse")))


def test_affiliation_needs_event_locations() -> None:
    with pytest.raises(PipelineError, match="'affiliation' requires 'event.location'"):
        build_pipeline(CoderConfig(stages=_without("locate")))


def test_a_prefix_of_the_default_order_is_a_valid_pipeline() -> None:
    names = ("sentences", "candidates", "parse", "actors", "geoparse")
    assert build_pipeline(CoderConfig(stages=names)).names == list(names)


class _Declares:
    def __init__(self, requires: tuple[str, ...], assigns: tuple[str, ...]) -> None:
        self.name, self.requires, self.assigns = "custom", requires, assigns

    def __call__(self, doc: Document) -> Document:
        return doc


@pytest.mark.parametrize(
    "path, fragment",
    [
        ("places", "a path starts with one of"),
        ("doc.placez", "doc has no field 'placez'"),
        ("event.actor.colour", "event.actor has no field 'colour'"),
        ("sentence", "a path starts with one of"),
    ],
)
def test_a_path_that_names_no_field_is_refused(path: str, fragment: str) -> None:
    with pytest.raises(PipelineError, match=fragment):
        Pipeline([_Declares((), (path,))])


def test_paths_reach_into_nested_records() -> None:
    for path in ("event.actor.country", "event.location.admin1", "sentence.candidate"):
        check_path(path)
    assert covers("event.actor", "event.actor.country")
    assert covers("doc.sentences", "sentence.text")  # a constructor field of a new sentence
    assert not covers("doc.sentences", "sentence.candidate")  # set later, by another stage
    assert not covers("event.actor", "event.actor_country")


def test_a_requirement_the_reader_gives_needs_no_stage() -> None:
    assert Pipeline([_Declares(("doc.text", "doc.pub_date"), ("doc.warnings",))]).names


def test_every_registered_stage_declares_real_fields() -> None:
    classes = registered_classes()
    assert {c.name for c in classes} >= set(DEFAULT)
    for cls in classes:
        assert cls.assigns, f"{cls.name} declares nothing it writes"
        for path in (*cls.requires, *cls.assigns):
            check_path(path, cls.name)


def _documents() -> list[Document]:
    docs = [
        Document(id=f"t{i}", text=text, pub_date=date(2024, 1, 18)) for i, text in enumerate(TEXTS)
    ]
    for path in sorted(SAMPLES_DIR.glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n")
        docs.append(Document(id=path.stem, text=body, pub_date=date.fromisoformat(head.split()[1])))
    return docs


def test_every_stage_changes_only_the_fields_it_declares() -> None:
    stages = [get_stage_factory(name)(CoderConfig()) for name in DEFAULT]
    seen: dict[str, set[str]] = {s.name: set() for s in stages}
    for doc in _documents():
        for stage in stages:
            before = snapshot(doc)
            doc = stage(doc)
            changed = changed_paths(before, snapshot(doc))
            assert undeclared(stage, changed) == [], f"{stage.name} on {doc.id}"
            seen[stage.name] |= changed
    # the check saw real work: every stage changed something on these documents
    assert all(seen.values()), {k for k, v in seen.items() if not v}


class _Sneaky:
    """Declares that it writes places, but also rewrites event dates."""

    name = "sneaky"
    requires = ("doc.events",)
    assigns = ("doc.places",)

    def __call__(self, doc: Document) -> Document:
        for event in doc.events:
            event.date = date(1999, 1, 1)
        return doc


def test_the_check_catches_an_undeclared_write() -> None:
    doc = build_pipeline(CoderConfig())(_documents()[0])
    assert doc.events
    before = snapshot(doc)
    _Sneaky()(doc)
    assert undeclared(_Sneaky(), changed_paths(before, snapshot(doc))) == ["event.date"]
