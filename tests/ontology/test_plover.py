"""data/plover.json: every type has every per-type field, everything a field names exists,
and the other data files (trigger lexicon, type prior, mode cues) name only known types."""

from __future__ import annotations

import json
import random
import re
from importlib import resources
from typing import Any

import pytest

from flashpoint.document import EventActor
from flashpoint.errors import DataFileError, OntologyError
from flashpoint.ontology import (
    FRAMES,
    PER_TYPE_FIELDS,
    Ontology,
    Target,
    load_ontology,
    parse_ontology,
)
from flashpoint.stages.events.acled import RULE_NAMES, acled_subtype
from flashpoint.stages.events.lexicon import load_trigger_lexicon
from flashpoint.stages.events.modes import mode_cues
from flashpoint.stages.events.prior import load_type_prior
from flashpoint.stages.wordlists import load_word_lists

_HEX = re.compile(r"^#[0-9a-f]{6}$")


def _raw() -> dict[str, Any]:
    text = resources.files("flashpoint.data").joinpath("plover.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_every_type_has_every_field_and_every_field_is_described() -> None:
    raw = _raw()
    assert set(raw["fields"]) == set(PER_TYPE_FIELDS)
    for name, fields in raw["types"].items():
        assert set(fields) == set(PER_TYPE_FIELDS), name


def test_the_version_is_bumped_for_the_per_type_fields(onto: Ontology) -> None:
    assert onto.version == "2.0-flashpoint.2"
    assert len(onto.types) == 16


def test_quads_and_colours(onto: Ontology) -> None:
    assert set(onto.quads) == {1, 2, 3, 4}
    assert onto.quad_names() == {
        1: "verbal_coop",
        2: "material_coop",
        3: "verbal_conflict",
        4: "material_conflict",
    }
    for q in onto.quads.values():
        assert _HEX.match(q.color), q
    colours = [info.color for info in onto.types.values()]
    assert all(_HEX.match(c) for c in colours)
    assert len(set(colours)) == len(colours), "two types share a colour"
    for name, info in onto.types.items():
        assert info.quad in onto.quads, name
        assert onto.is_cooperative(name) == (info.quad in (1, 2))
        assert onto.is_verbal(name) == (info.quad in (1, 3))
        assert onto.is_conflictual(name) != onto.is_cooperative(name)


def test_per_type_facts_the_coder_relies_on(onto: Ontology) -> None:
    symmetric = {n for n, i in onto.types.items() if i.symmetric}
    assert symmetric == {"CONSULT", "AGREE", "COOPERATE"}
    assert {n for n, i in onto.types.items() if i.counts} == {"ASSAULT", "PROTEST", "COERCE"}
    assert {n for n, i in onto.types.items() if i.state_sector == "MIL"} == {
        "ASSAULT",
        "MOBILIZE",
    }
    assert {i.state_sector for i in onto.types.values()} == {"MIL", "GOV"}
    assert onto.recipient_preps("AID") == onto.recipient_preps_all | {"to", "for"}
    assert "against" in onto.recipient_preps("PROTEST")
    assert onto.reframed("COERCE", "seize", "threat") == Target("THREATEN", "territory")
    assert onto.reframed("COERCE", "curfew", "threat") == Target("THREATEN", "restrict")
    assert onto.reframed("AGREE", None, "commit") is None  # an AGREE stays an AGREE
    assert onto.reframed("THREATEN", "violence", "demand") is None
    assert onto.acled_actor_inter("PROTEST", "riot") == 5
    assert onto.acled_actor_inter("PROTEST", "demo") == 6
    assert onto.acled_actor_inter("ASSAULT", None) is None
    assert onto.acled_actor_inter("NOT_A_TYPE", None) is None
    assert onto.current_name("DEMAND") == "REQUEST"
    assert onto.current_name("ASSAULT") == "ASSAULT"


def test_every_name_a_field_gives_exists(onto: Ontology) -> None:
    subtypes = {s for subs in onto.acled.values() for s in subs}
    for name, info in onto.types.items():
        if info.negated_as is not None:
            assert info.negated_as in onto.types, name
        for key, target in info.frames.items():
            frame, _, mode = key.partition("@")
            assert frame in FRAMES, (name, key)
            assert not mode or mode in info.modes, (name, key)
            onto.check(target.event_type, target.mode)
        assert all(m is None or m in info.modes for m in info.cued_modes), name
        assert set(info.acled.sub_event_types) <= subtypes, name
        assert (info.acled.rule is None) == (not info.acled.sub_event_types), name
        assert info.acled.rule is None or info.acled.rule in RULE_NAMES, name
        assert all(k == "*" or k in info.modes for k in info.acled.actor_inter), name
        words = info.recipient_preps | set(info.actor_preps)
        assert all(w.isalpha() and w.islower() for w in words), name
    assert set(onto.renamed.values()) <= set(onto.types)
    assert not set(onto.renamed) & set(onto.types)
    assert {r for i in onto.types.values() if (r := i.acled.rule)} == RULE_NAMES


def _broken(path: list[str], value: Any) -> str:
    raw = _raw()
    node = raw
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return json.dumps(raw)


@pytest.mark.parametrize(
    ("path", "value", "says"),
    [
        (["types", "AGREE", "frames", "demand"], "INSIST/now", "unknown type INSIST"),
        (["types", "AGREE", "frames", "refuse"], "REJECT/never", "REJECT an unknown mode"),
        (["types", "AGREE", "frames", "wish"], "REQUEST", "frame 'wish'"),
        (["types", "AGREE", "negated_as"], "DENY", "negated_as DENY"),
        (["types", "AGREE", "quad"], 5, "quad 5"),
        (["types", "ASSAULT", "cued_modes"], ["laser"], "cued mode laser"),
        (
            ["types", "AGREE", "acled", "sub_event_types"],
            ["Peace deal"],
            "'Peace deal' is no ACLED sub-event type",
        ),
    ],
)
def test_a_bad_reference_is_refused_with_what_to_fix(
    path: list[str], value: Any, says: str
) -> None:
    with pytest.raises(DataFileError, match=re.escape(says)):
        parse_ontology(_broken(path, value))


def test_a_type_without_a_field_is_refused() -> None:
    raw = _raw()
    del raw["types"]["CONSULT"]["color"]
    with pytest.raises(DataFileError, match=r"CONSULT lacks \['color'\]"):
        parse_ontology(json.dumps(raw))


def test_an_unknown_type_is_an_ontology_error(onto: Ontology) -> None:
    with pytest.raises(OntologyError, match="unknown PLOVER event type 'FIGHT'"):
        onto.info("FIGHT")


# -- the other tables name only known types ---------------------------------------------


def test_the_trigger_lexicon_names_known_types_and_modes(onto: Ontology) -> None:
    entries = load_trigger_lexicon().entries
    assert {e.event_type for e in entries} == set(onto.types)
    for e in entries:
        onto.check(e.event_type, e.mode)


def test_the_type_prior_has_one_column_per_type(onto: Ontology) -> None:
    assert sorted(load_type_prior().types) == sorted(onto.types)


def test_mode_cues_exist_exactly_for_the_types_that_use_them(onto: Ontology) -> None:
    cues = mode_cues()
    assert set(cues) == {n for n, i in onto.types.items() if i.cued_modes}
    for etype, lists in cues.items():
        assert [mode for mode, _ in lists][:2] == ["suicide-attack", "unconventional"]
        for mode, words in lists:
            onto.check(etype, mode)
            assert words and all(w == w.lower() for w in words)


def test_every_acled_rule_gives_only_the_sub_types_its_type_declares(onto: Ontology) -> None:
    """Random sentences made of the rules' own cue words, with every mode and sector."""
    cues = load_word_lists("events/acled_cues.tsv")
    vocabulary = sorted({w.lower() for name in cues.order for w in cues[name]})
    sectors = sorted(cues["armed_sectors"] | cues["state_sectors"] | {"CVL", "GOV"}) + [None]
    rng = random.Random(8)
    for name, info in onto.types.items():
        seen: set[str] = set()
        for _ in range(5000):  # rare cue pairs (a peace word and a conflict word) need many
            words = set(rng.sample(vocabulary, rng.randint(0, 6)))
            mode = rng.choice([None, *info.modes])
            actor = EventActor(text=rng.choice(vocabulary), sector=rng.choice(sectors))
            recipient = rng.choice([None, EventActor(sector=rng.choice(sectors))])
            sub = acled_subtype(name, mode, rng.choice(vocabulary), actor, recipient, words)
            if sub is not None:
                seen.add(sub)
        assert seen <= set(info.acled.sub_event_types), (name, seen)
        assert bool(seen) == (info.acled.rule is not None), name


def test_a_drone_shot_down_is_a_declared_assault_sub_type(onto: Ontology) -> None:
    """The shooting-down rule (a cue word the random sentences never draw: "down")."""
    drone = EventActor(text="a drone", sector="MIL")
    sub = acled_subtype("ASSAULT", None, "shoot", None, drone, {"shot", "down", "drone"})
    assert sub == "Disrupted weapons use"
    assert sub in onto.info("ASSAULT").acled.sub_event_types
