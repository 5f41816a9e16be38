"""Being shot to death is being killed, as being hacked or beaten to death is: the victims
after "shot to death" or before "were shot to death" are the dead; and hacking in a
sentence of deaths or blades is an attack, not a cyber intrusion (invented sentences)."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event


def _top(coder: Coder, text: str) -> Event:
    return max(coder.code(text, pub_date="2023-11-08"), key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Militiamen shot to death four farmers near Bunia on Monday.", 4),
        ("Three traders were shot to death at a checkpoint outside Gao on Monday.", 3),
        ("Raiders hacked and shot to death five herders in a village near Kasese.", 5),
    ],
)
def test_shot_to_death_counts_the_dead(coder: Coder, text: str, dead: int) -> None:
    top = _top(coder, text)
    assert top.event_type == "ASSAULT" and top.dead == dead


def test_hacking_beside_a_death_is_no_cyber_attack(coder: Coder) -> None:
    top = _top(coder, "Attackers armed with machetes hacked two fishermen near Lake Albert.")
    assert top.event_type == "ASSAULT" and top.mode != "cyber"


def test_hacking_a_website_stays_cyber(coder: Coder) -> None:
    # guard
    top = _top(coder, "Activists hacked the customs agency's website on Monday.")
    assert (top.event_type, top.mode) == ("COERCE", "cyber")
