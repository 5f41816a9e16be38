"""News words found missing on the evening of 7 December, each a general pattern of news
language stated in its case (invented sentences, none from any evaluation set)."""

from __future__ import annotations

import pytest
from _coded import top_event


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # handing or delivering relief, arms or money to another is aid
        ("Germany delivered a second Patriot air defence system to Ukraine.", "AID"),
        ("The EU handed Moldova a 300 million euro grant to pay for gas.", "AID"),
        ("Japan handed over two million vaccine doses to Laos at Vientiane airport.", "AID"),
        # resuming or restoring flights, trade or other links is economic cooperation
        ("Armenia and Turkey resumed direct cargo flights on Monday.", "COOPERATE"),
        ("Pakistan and India restored cross-border trade at the Wagah crossing.", "COOPERATE"),
        # readmitting a member backs it
        ("The African Union readmitted Gabon on Friday, ending its suspension.", "SUPPORT"),
        # seeking a session, a delay or an inquiry asks for it
        ("Guyana sought an emergency session of the Security Council.", "REQUEST"),
        ("Kinshasa sought a six-month delay in the withdrawal of UN peacekeepers.", "REQUEST"),
        # throttling the internet, or suspending it, censors
        ("Authorities throttled access to X across the country during the vote.", "COERCE"),
        ("Mobile internet services were suspended across Iran on Friday.", "COERCE"),
        # police or troops landing somewhere to help its government are aid
        (
            "A contingent of 300 Rwandan police officers landed in Bangui to help the "
            "government secure the capital.",
            "AID",
        ),
        # officials gathering to discuss something consult
        ("Foreign ministers of the bloc gathered in Jakarta to discuss the crisis.", "CONSULT"),
        # freeing people releases them, whoever they are
        ("Three Nepali farmhands held by Hamas were freed on Thursday.", "RETREAT"),
        # what stays as it was: freeing a town is fighting for it, troops landing to fight
        # are no aid, and a gathering to denounce is a protest
        (
            "Government forces freed the town of Mayom from the rebels after heavy fighting.",
            "ASSAULT",
        ),
        ("Troops landed near the port and attacked rebel positions.", "ASSAULT"),
        ("Protesters gathered in Lima to denounce the president.", "PROTEST"),
    ],
)
def test_news_words(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype
