"""A reduced relative the parser reads as a clause of its own ("ammunition believed to
belong to the PKK", with "ammunition" the subject of "believed") still names what the verb
before it acts on: finding ammunition believed to be someone's is a weapons find.

Every sentence is invented."""

from __future__ import annotations

from _coded import hand_parse, top_acled_sub

from flashpoint import Coder
from flashpoint.stages.events.triggers import object_lemmas

_LEMMAS = {"found": "find", "believed": "believe", "rifles": "rifle", "said": "say"}


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]):
    """The parser reads such a relative as a clause in some sentences and as a modifier of
    the noun in others, so the rule is pinned on the misreading."""
    return hand_parse(words, heads, deps, tags, _LEMMAS)


# "Soldiers found rifles believed to belong to the gang ." with "rifles believed" a clause
_WORDS = ["Soldiers", "found", "rifles", "believed", "to", "belong", "to", "the", "gang", "."]
_HEADS = [1, 1, 3, 1, 5, 3, 5, 8, 6, 1]
_DEPS = ["nsubj", "ROOT", "nsubj", "ccomp", "aux", "xcomp", "prep", "det", "pobj", "punct"]
_TAGS = ["NNS", "VBD", "NNS", "VBD", "TO", "VB", "IN", "DT", "NN", "."]


def test_the_subject_of_a_misread_relative_is_the_object() -> None:
    doc = _parsed(_WORDS, _HEADS, _DEPS, _TAGS)
    assert "rifle" in object_lemmas(doc[1])


def test_a_reported_clause_keeps_its_subject() -> None:
    """Guard: "said rifles were found" has an auxiliary, so it is a clause, not a relative."""
    words = ["Police", "said", "rifles", "were", "found", "."]
    doc = _parsed(words, [1, 1, 4, 4, 1, 1], ["nsubj", "ROOT", "nsubjpass", "auxpass", "ccomp",
                  "punct"], ["NNS", "VBD", "NNS", "VBD", "VBN", "."])  # fmt: skip
    assert "rifle" not in object_lemmas(doc[1])


def test_a_find_described_by_hearsay_is_a_weapons_find(coder: Coder) -> None:
    text = "Security forces discovered a large amount of ammunition believed to belong to the PKK."
    assert top_acled_sub(coder, text) == "Disrupted weapons use"


def test_a_person_believed_to_be_something_is_no_find(coder: Coder) -> None:
    """Guard: the noun only stands in for an object condition of the verb it follows."""
    found = coder.code(
        "Police found a man believed to be the gang's leader.", pub_date="2024-05-02"
    )
    assert all(e.acled_sub_event_type != "Disrupted weapons use" for e in found)
