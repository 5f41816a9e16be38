"""News words and frames found missing on 5 December, each a general pattern of news language
stated in its case (invented sentences, none from any evaluation set)."""

from __future__ import annotations

import pytest
from _coded import top_event


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # the subject is read as an object is: what it is "of" and the title before a name
        ("Hundreds of soldiers massed near the frontier town of Kupiansk.", "MOBILIZE"),
        ("Columns of rebel fighters massed outside Bambari on Sunday.", "MOBILIZE"),
        ("Gabon's interior minister Hermann Immongault quit on Friday.", "RETREAT"),
        # a convoy massing is forces massing
        ("Rebel convoys massed near the airport overnight, witnesses said.", "MOBILIZE"),
        # joint manoeuvres are cooperation, like joint drills and exercises
        ("Egyptian and Saudi warships held joint naval manoeuvres in the Red Sea.", "COOPERATE"),
        ("The two navies staged combined maneuvers off the coast of Oman.", "COOPERATE"),
        # coordinated patrols (the parser's lemma "coordinate") are cooperation
        ("Greek and Turkish coast guards began coordinated patrols in the Aegean.", "COOPERATE"),
        # summoning reservists or brigades mobilises them
        ("The army summoned three reserve battalions to the southern front.", "MOBILIZE"),
        ("Taiwan summoned 5,000 reservists for a snap exercise on Tuesday.", "MOBILIZE"),
        # forces put on combat readiness are mobilised
        ("Serbia's army was put on full combat readiness along the boundary line.", "MOBILIZE"),
        # vowing revenge with another verb of promise is a threat
        ("The clan elders promised revenge for the killing of their chief.", "THREATEN"),
        ("Militia commanders pledged retaliation after the raid on their base.", "THREATEN"),
        ("The slain officer's comrades swore vengeance at his funeral.", "THREATEN"),
        # lashing out at someone is criticism
        ("Ankara lashed out at Athens over the new maritime map.", "ACCUSE"),
        # laying, putting, placing or pinning the blame on someone accuses them
        ("Kyiv put the blame on Moscow for the blast that killed nine people.", "ACCUSE"),
        ("Human Rights Watch laid the blame on the army for the deaths of 20 villagers.", "ACCUSE"),
        ("Police pinned the blame on a local gang for the bombing.", "ACCUSE"),
        # challenging someone to do something asks them to
        ("The opposition leader challenged the president to debate him on television.", "REQUEST"),
        # what an admission admits is its content, not a new event
        (
            "The navy admitted that its gunboat had fired on a fishing trawler near Batam, "
            "killing two crew.",
            "CONCEDE",
        ),
    ],
)
def test_news_words(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype


def test_a_challenge_in_court_is_no_request(coder) -> None:
    found = coder.code("Lawyers challenged the ruling in the Supreme Court.", doc_id="t")
    assert "REQUEST" not in {e.event_type for e in found}
