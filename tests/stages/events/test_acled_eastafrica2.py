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
