"""ACLED sub-types found wrong on the tuning half of notes_eastafrica2 (7 December 2026),
each a general pattern stated in its case (invented sentences, none from any evaluation
set)."""

from __future__ import annotations

import pytest
from _coded import top_acled_sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a killing told "when" two sides fought is the fight's toll: an armed clash
        ("Five people were killed on Sunday when armed Pokot herders exchanged fire with "
         "Samburu raiders near Baragoi.", "Armed clash"),
        ("Police said seven men died when two rival clans fought with machetes and rifles "
         "near Mendi on Friday.", "Armed clash"),
        # ... but gunmen opening fire on a bus is no fight
        ("Two villagers were killed when gunmen opened fire on a bus near Garissa.", "Attack"),
        # force used while dispersing a crowd is force on protesters
        ("Police shot dead three people on Thursday while dispersing opposition supporters "
         "who had gathered outside the electoral office in Beira.",
         "Excessive force against protesters"),
        # being forced into a car by men is an abduction, whoever they said they were
        ("A student activist was forced into a car by men in plain clothes outside his home "
         "in Arusha on Monday, his family said.", "Abduction/forced disappearance"),
        # a beating is one-sided: with no armed victim named, an attack
        ("On 4 March 2024, Imbonerakure members beat a UPRONA member to death in Muramvya "
         "(Muramvya, Muramvya), accusing him of refusing to pay a party levy.", "Attack"),
    ],
)  # fmt: skip
def test_east_african_patterns(coder, text, sub) -> None:
    assert top_acled_sub(coder, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # an exchange of fire is a fight whatever the weapons exchanged
        ("On 2 June 2024, rebels and soldiers exchanged rocket and mortar fire near Kidal "
         "(Kidal, Kidal).", "Armed clash"),
        # a march is a protest as a rally is
        ("Police fired live rounds at opposition supporters holding a march in Conakry on "
         "Thursday, killing two.", "Excessive force against protesters"),
        # arrests at a march the police stopped are how the protest was met
        ("On 1 July 2024, police blocked a march by teachers in Kadikoy (Kadikoy, Istanbul) "
         "and detained 20 participants.", "Protest with intervention"),
    ],
)  # fmt: skip
def test_world16_patterns(coder, text, sub) -> None:
    assert top_acled_sub(coder, text) == sub


def test_a_toll_told_later_in_the_clash_sentence_is_the_clash_s(coder) -> None:
    text = (
        "Indian and Pakistani troops exchanged fire along the Line of Control on Monday, the "
        "army said, adding that two soldiers were killed."
    )
    found = coder.code(text, pub_date="2024-05-08", doc_id="t")
    assert [(e.acled_sub_event_type, e.dead) for e in found] == [("Armed clash", 2)]


def test_a_merged_telling_that_acled_labels_labels_the_event(coder) -> None:
    """ "erected barricades, threw stones at gendarmes": one riot told by two verbs, and
    the one ACLED labels gives the label to the event they merge into."""
    text = (
        "On 3 June 2024, hundreds of demonstrators opposed to the new tax erected barricades, "
        "threw stones at gendarmes and set fire to shops in Bouake (Gbeke, Vallee du Bandama)."
    )
    assert top_acled_sub(coder, text) == "Violent demonstration"
