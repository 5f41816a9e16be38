"""What a speaker says they, or their own forces, could do is a threat when the act is hostile
("said his army could launch an offensive at any moment"); what they say a third party could
do is a warning about it, and "could have" speculates about the past (invented sentences)."""

from __future__ import annotations

import pytest

from flashpoint import Coder


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _types(coder: Coder, text: str) -> list[str]:
    return [e.event_type for e in coder.code(text, pub_date="2025-04-02", doc_id="t")]


@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan's president said his troops could storm the disputed villages at any moment.",
        "The junta said it might expel the French ambassador within days.",
        "Beijing said it may impose sanctions on the Lithuanian firms involved.",
    ],
)
def test_the_speakers_own_possible_act_is_a_threat(coder, text) -> None:
    assert _types(coder, text)[:1] == ["THREATEN"]


def test_a_third_partys_possible_act_is_no_threat_of_the_speaker(coder) -> None:
    assert "THREATEN" not in _types(coder, "Kyiv said Russia could strike Odesa again.")


def test_could_have_speculates_about_the_past(coder) -> None:
    assert "THREATEN" not in _types(coder, "Police said the blast could have killed dozens.")
