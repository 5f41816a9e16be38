"""A hostile act made to hang on what the other side does, by an "if" or "unless" clause on
the act or on the words that carry it, is a threat ("raised the prospect of sending troops if
the attacks continued", "served notice of a strike unless wages rise"); what is done, or a
condition with no subject of its own ("If confirmed, the strike would be the deadliest"), is
not (invented sentences)."""

from __future__ import annotations

import pytest

from flashpoint import Coder


def _types(coder: Coder, text: str) -> list[str]:
    return [e.event_type for e in coder.code(text, pub_date="2025-04-02", doc_id="t")]


@pytest.mark.parametrize(
    "text",
    [
        "Armenia's premier raised the prospect of deploying troops along the border if the "
        "shelling of its villages went on.",
        "The dockworkers' union served notice of a week-long strike at the port of Durban "
        "unless the operator reinstated the sacked crane drivers.",
        "Mali's junta floated the idea of expelling the Danish contingent unless Copenhagen "
        "withdrew its remarks.",
    ],
)
def test_a_hostile_act_on_a_condition_is_a_threat(coder, text) -> None:
    assert _types(coder, text)[:1] == ["THREATEN"]


def test_cutting_gas_supplies_to_another_state_is_a_sanction(coder) -> None:
    text = "Russia cut gas supplies to Moldova on Saturday over an unpaid debt."
    assert _types(coder, text)[:1] == ["SANCTION"]


def test_cutting_supplies_on_a_condition_is_a_threat(coder) -> None:
    text = "Qatar raised the spectre of cutting gas supplies to Europe if the fines were imposed."
    assert _types(coder, text)[:1] == ["THREATEN"]


def test_a_condition_without_a_subject_tells_no_threat(coder) -> None:
    text = "If confirmed, the air strike on the market in Idlib would be the deadliest this year."
    assert "THREATEN" not in _types(coder, text)


def test_a_conditional_offer_is_no_threat(coder) -> None:
    text = "The rebels said they would sign the truce if the army pulled back from the town."
    assert "THREATEN" not in _types(coder, text)
