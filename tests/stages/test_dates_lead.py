"""The one day a report's lead sentence names dates its events (invented reports)."""

from __future__ import annotations

import pytest

from flashpoint import Coder


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _dates(coder: Coder, text: str, pub: str) -> dict[str, str]:
    return {e.trigger.text: str(e.date) for e in coder.code(text, pub_date=pub, doc_id="t")}


def test_the_intervention_takes_the_day_of_the_protest_it_dispersed(coder) -> None:
    # "on Tuesday" hangs on the protest inside the purpose clause
    text = "Police fired tear gas to disperse a protest in Goma on Tuesday against the curfew."
    dates = _dates(coder, text, "2024-10-09")
    assert dates["fired"] == "2024-10-08"


def test_a_day_in_a_past_perfect_clause_of_the_lead_dates_it(coder) -> None:
    text = (
        "Riot police fired tear gas at opposition supporters who had gathered outside the "
        "High Court in Arusha on Thursday."
    )
    assert _dates(coder, text, "2025-04-25")["fired"] == "2025-04-24"


def test_what_came_before_the_lead_keeps_its_own_day(coder) -> None:
    text = (
        "Elders of two rival clans signed a peace agreement in Galkayo on Saturday after a "
        "revenge attack killed five herders."
    )
    dates = {e.event_type: str(e.date) for e in coder.code(text, pub_date="2025-03-17")}
    assert dates["SUPPORT"] == "2025-03-15"
    assert dates["ASSAULT"] != "2025-03-15"


def test_a_day_of_the_occasion_a_verb_happened_in_dates_the_verb(coder) -> None:
    # "in Wednesday's blast": the killing happened when the blast did
    text = "Four people were killed and six wounded in Wednesday's blast in Kano."
    assert _dates(coder, text, "2025-05-06")["killed"] == "2025-04-30"


def test_a_day_of_the_occasion_dates_the_conjoined_verb_too(coder) -> None:
    text = "Three protesters were shot dead and dozens hurt in Friday's crackdown in Kano."
    assert _dates(coder, text, "2025-05-06")["shot"] == "2025-05-02"


def test_a_day_of_an_occasion_that_is_no_event_noun_dates_the_verb_too(coder) -> None:
    text = "Five villagers were killed in Sunday's violence in Kumbo."
    assert _dates(coder, text, "2025-05-06")["killed"] == "2025-05-04"
