"""A vehicle that struck, hit, ran over or drove over a mine or an explosive device was hit
by a remote explosive (ACLED: Remote explosive/landmine/IED); the same verbs with other
objects are no such event. Invented sentences, each coded end to end."""

from __future__ import annotations

import pytest

from flashpoint import Coder


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2024, an army convoy struck an improvised explosive device near Gorom-Gorom.",
        "On 3 May 2024, a police truck hit a landmine on the road to Mandera.",
        "On 3 May 2024, a police vehicle ran over an IED near Garissa.",
        "On 3 May 2024, an army truck drove over a mine near Gao.",
    ],
)
def test_a_vehicle_that_met_a_mine_was_hit_by_a_remote_explosive(coder: Coder, text: str) -> None:
    events = coder.code(text, pub_date="2024-05-05")
    assert [e.acled_sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    "text",
    [
        "The runner ran over the bridge in Nairobi on Sunday.",
        "The lorry hit a wall on the road to Mandera.",
    ],
)
def test_the_same_verbs_with_other_objects_are_no_explosion(coder: Coder, text: str) -> None:
    events = coder.code(text, pub_date="2024-05-05")
    assert not [e for e in events if e.mode == "explosives"]
