"""The bundled sample articles (invented, src/flashpoint/samples) are coded as their README
says: what each one reports, where, when and with what toll, and the store telling the two
reports of one air strike (03 and 04) as one event."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flashpoint import Coder
from flashpoint.document import Event
from flashpoint.ingest import ingest
from flashpoint.readers import read_inputs
from flashpoint.samples import SAMPLES_DIR
from flashpoint.store import open_store


@pytest.fixture(scope="module")
def coded(coder: Coder) -> dict[str, list[Event]]:
    out = {}
    for doc in coder.code_many(read_inputs([str(SAMPLES_DIR)])):
        assert doc.ok, doc.reason
        out[doc.document.id[:2]] = doc.events
    return out


def _the(events: list[Event], event_type: str, **want: object) -> Event:
    """The most confident event of the type whose fields have the wanted values."""
    found = [e for e in events if e.event_type == event_type]
    for e in sorted(found, key=lambda e: -e.confidence):
        if all(_field(e, k) == v for k, v in want.items()):
            return e
    got = [(e.trigger.text, {k: _field(e, k) for k in want}) for e in found]
    raise AssertionError(f"no {event_type} with {want}; found {got}")


def _field(e: Event, name: str) -> object:
    obj: object = e
    for part in name.split("__"):
        obj = getattr(obj, part, None) if obj is not None else None
    return obj


def test_01_police_disperse_a_protest_in_nairobi_and_arrest_40(coded) -> None:
    events = coded["01"]
    protest = _the(events, "PROTEST", location__name="Nairobi", date=date(2024, 1, 9))
    assert protest.acled_sub_event_type == "Protest with intervention"
    arrest = _the(events, "COERCE", mode="arrest", location__name="Nairobi")
    assert (arrest.arrested, arrest.date, arrest.actor.country) == (40, date(2024, 1, 9), "KEN")  # type: ignore[union-attr]


def test_02_gunmen_ambush_a_convoy_in_zamfara_killing_8_soldiers(coded) -> None:
    ambush = _the(coded["02"], "ASSAULT", location__admin1="Zamfara")
    assert (ambush.location.country, ambush.date, ambush.dead) == ("NGA", date(2024, 1, 11), 8)  # type: ignore[union-attr]
    assert ambush.mode == "abduct"  # and 15 passengers kidnapped
    # the bandits' raids "for years" are background, not an event of that day
    assert [e for e in coded["02"] if e.event_type == "ASSAULT"] == [ambush]


def test_03_a_tajik_air_strike_on_ak_sai_in_batken_kills_4(coded) -> None:
    strike = _the(coded["03"], "ASSAULT", mode="aerial", actor__country="TJK")
    assert (strike.recipient.country, strike.location.admin1) == ("KGZ", "Batken")  # type: ignore[union-attr]
    assert (strike.date, strike.dead) == (date(2024, 1, 16), 4)


def test_04_the_same_strike_now_6_dead_and_kyrgyzstan_recalls_its_ambassador(coded) -> None:
    events = coded["04"]
    strike = _the(events, "ASSAULT", mode="aerial")
    assert (strike.date, strike.dead) == (date(2024, 1, 16), 6)  # "the 16 January air strike"
    assert (strike.location.name, strike.location.admin1) == ("Ak-Say", "Batken")  # type: ignore[union-attr]
    recall = _the(events, "SANCTION", actor__country="KGZ", recipient__country="TJK")
    assert recall.date == date(2024, 1, 17)
    _the(events, "ACCUSE", actor__country="KGZ")  # condemns
    _the(events, "REQUEST", actor__sector="GOV")  # demands an apology


def test_05_kyrgyz_strikes_near_isfara_in_sughd_kill_3_tajik_soldiers(coded) -> None:
    strike = _the(coded["05"], "ASSAULT", actor__country="KGZ")
    assert strike.mode == "aerial"
    assert (strike.location.name, strike.location.country) == ("Isfara", "TJK")  # type: ignore[union-attr]
    assert "Sughd" in (strike.location.admin1 or "")  # type: ignore[union-attr]
    assert (strike.date, strike.dead) == (date(2024, 1, 18), 3)
    # the Tajik strike two days before is its own event, with its own toll and place
    earlier = _the(coded["05"], "ASSAULT", actor__country="TJK")
    assert (earlier.date, earlier.dead, earlier.location.admin1) == (  # type: ignore[union-attr]
        date(2024, 1, 16),
        6,
        "Batken",
    )


def test_06_a_ceasefire_agreed_in_astana(coded) -> None:
    agree = _the(coded["06"], "AGREE", actor__country="KGZ", recipient__country="TJK")
    assert agree.date == date(2024, 1, 22)


def test_07_wfp_delivers_food_aid(coded) -> None:
    aid = _the(coded["07"], "AID", actor__name="World Food Programme")
    assert aid.date == date(2024, 1, 24)


def test_08_the_us_sanctions_a_nigerian_network(coded) -> None:
    sanction = _the(coded["08"], "SANCTION", actor__country="USA", recipient__country="NGA")
    assert sanction.date == date(2024, 1, 26)
    # "violence that has killed thousands of Nigerians" is a running total, not an event
    assert not [e for e in coded["08"] if e.dead_lower_bound]


def test_03_and_04_are_one_event_in_the_store(coder: Coder, tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "samples.duckdb"))
    try:
        ingest(store, [str(SAMPLES_DIR)], coder=coder)
        strikes = [
            e
            for e in store.events(type="ASSAULT", mentions=True)
            if e.mode == "aerial"
            and e.actor_country == "TJK"
            and {"03_batken_strike", "04_batken_toll_ambassador"}
            & {m.doc_id for m in e.mentions or ()}
        ]
    finally:
        store.close()
    assert len(strikes) == 1
    (strike,) = strikes
    assert (strike.date, strike.actor_country, strike.recipient_country) == (
        date(2024, 1, 16),
        "TJK",
        "KGZ",
    )
    assert strike.location_admin1 == "Batken"
    docs = [m.doc_id for m in strike.mentions or ()]
    assert {"03_batken_strike", "04_batken_toll_ambassador"} <= set(docs)
