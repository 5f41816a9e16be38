"""The trigger lexicon and the type prior: every shipped row is valid, bad rows are refused
with their line number, and the cheap sentence test finds phrases only where they are."""

from __future__ import annotations

import pytest

from flashpoint.errors import DataFileError
from flashpoint.ontology import load_ontology
from flashpoint.stages.events.lexicon import (
    inflections,
    load_trigger_lexicon,
    parse_lexicon,
)
from flashpoint.stages.events.prior import features, load_type_prior, parse_prior

HEADER = "lemma\tpos\ttype\tmode\tcontexts\tcond\tweight\n"


def test_lexicon_loads_with_a_version() -> None:
    lexicon = load_trigger_lexicon()
    assert lexicon.version == "4"
    assert len(lexicon.entries) > 700


def test_every_row_is_valid() -> None:
    onto = load_ontology()
    for e in load_trigger_lexicon().entries:
        onto.check(e.event_type, e.mode)
        assert e.pos in ("V", "N", "A", "*")
        assert 0.0 < e.weight <= 1.0
        assert e.lemma == e.lemma.lower().strip()
        assert all(c in onto.contexts for c in e.contexts)
        assert all(words for words in e.cond.values())


def test_every_plover_type_has_triggers() -> None:
    counts: dict[str, int] = {}
    for e in load_trigger_lexicon().entries:
        counts[e.event_type] = counts.get(e.event_type, 0) + 1
    assert set(counts) == set(load_ontology().types)
    assert min(counts.values()) >= 10


def test_conditioned_and_multiword_rows_are_tried_first() -> None:
    rows = load_trigger_lexicon().lookup("strike")
    assert rows[-1].cond == {} and rows[-1].event_type == "ASSAULT"
    assert any(r.event_type == "PROTEST" for r in rows[:-1])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("attack\tV\tASSAULT\t-\tmilitary\t-\n", "expected 7 columns"),
        ("attack\tV\tFIGHT\t-\tmilitary\t-\t0.8\n", "line 2"),
        ("attack\tV\tASSAULT\tnuclear\tmilitary\t-\t0.8\n", "no mode"),
        ("attack\tQ\tASSAULT\t-\tmilitary\t-\t0.8\n", "pos must be"),
        ("attack\tV\tASSAULT\t-\tspace\t-\t0.8\n", "unknown contexts"),
        ("attack\tV\tASSAULT\t-\tmilitary\tcolour=red\t0.8\n", "unknown condition"),
        ("attack\tV\tASSAULT\t-\tmilitary\tobj=\t0.8\n", "lists no words"),
        ("attack\tV\tASSAULT\t-\tmilitary\t-\t1.5\n", "weight must be"),
        ("Attack\tV\tASSAULT\t-\tmilitary\t-\t0.8\n", "lower case"),
    ],
)
def test_bad_rows_are_refused_with_their_line(row: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        parse_lexicon(HEADER + row)


def test_version_comment_and_conditions_are_read() -> None:
    version, [entry] = parse_lexicon(
        "# flashpoint trigger lexicon, version 7\n"
        + HEADER
        + "recall\tV\tSANCTION\twithdraw\tdiplomatic\tobj=ambassador|envoy;not_prep=to\t0.9\n"
    )
    assert version == "7"
    assert entry.cond == {
        "obj": frozenset({"ambassador", "envoy"}),
        "not_prep": frozenset({"to"}),
    }


def test_inflections_cover_regular_and_irregular_forms() -> None:
    assert {"attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"seized", "seizing"} <= inflections("seize")
    assert {"found", "fought", "withdrew"} <= inflections("find") | inflections(
        "fight"
    ) | inflections("withdraw")
    assert {"stabbed", "stabbing"} <= inflections("stab")
    assert "ceasefires" in inflections("ceasefire", noun=True)


def _split(text: str) -> list[str]:
    return text.split(" ")


def test_sentence_test_finds_phrases_only_where_their_words_are_close() -> None:
    lexicon = load_trigger_lexicon()
    near = _split("the union called the strike off on friday")
    far = _split("the minister called for calm and said the curfew would be off by june")
    assert "called" in lexicon.sentence_may_report(set(near), near)
    hits = lexicon.sentence_may_report(set(far), far)
    assert "called" in hits  # "called for": a demand
    apart = _split("the general who called reporters to his office said nothing off record")
    assert "called" not in lexicon.sentence_may_report(set(apart), apart)


def test_sentence_test_needs_an_object_word_for_conditioned_rows() -> None:
    lexicon = load_trigger_lexicon()
    assert "recalled" in lexicon.sentence_may_report({"recalled", "its", "ambassador"})
    assert "recalled" not in lexicon.sentence_may_report({"she", "recalled", "her", "youth"})


def test_type_prior_loads_and_prefers_the_fitting_type() -> None:
    prior = load_type_prior()
    assert set(prior.types) == set(load_ontology().types)
    words = _split("Protesters marched through the capital chanting slogans against the rally ban")
    dist = prior.distribution(words)
    assert abs(sum(dist.values()) - 1.0) < 1e-9
    assert prior.factor("PROTEST", words) > 1.0 > prior.factor("AID", words)
    assert prior.factor("PROTEST", []) == 1.0


def test_prior_features_drop_stop_words_and_stem() -> None:
    assert features(["The", "soldiers", "were", "attacking"]) == ["soldier", "attack"]


def test_malformed_prior_is_refused() -> None:
    with pytest.raises(DataFileError, match="train_type_prior"):
        parse_prior('{"version": "1", "types": ["A", "B"], "loglik": {"x": [0.1]}}')
    with pytest.raises(DataFileError, match="malformed"):
        parse_prior("not json")


def test_named_word_lists_expand_in_conditions() -> None:
    from flashpoint.stages.events.lexicon import parse_lexicon

    text = (
        "# flashpoint trigger lexicon, version 9\n"
        "@mishaps = crash|leak\n"
        "explode\tV\tASSAULT\texplosives\t-\tnot_sent=@mishaps|boiler\t0.6\n"
    )
    _, [entry] = parse_lexicon(text)
    assert entry.cond["not_sent"] == frozenset({"crash", "leak", "boiler"})


def test_an_undefined_word_list_names_the_line() -> None:
    from flashpoint.errors import DataFileError
    from flashpoint.stages.events.lexicon import parse_lexicon

    with pytest.raises(DataFileError, match="line 2: word list @nope is not defined"):
        parse_lexicon(
            "# flashpoint trigger lexicon, version 9\nkill\tV\tASSAULT\t-\t-\tnot_sent=@nope\t0.8\n"
        )
