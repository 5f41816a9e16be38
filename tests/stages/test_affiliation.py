"""Role-only actors take the country where the event happened."""

from __future__ import annotations

from datetime import date

from flashpoint import Coder
from flashpoint.document import Event, EventActor, EventLocation, Trigger
from flashpoint.stages.affiliation import affiliate


def _event(actor: EventActor, recipient: EventActor | None, loc: EventLocation | None) -> Event:
    return Event(
        doc_id="d",
        pub_date=date(2024, 2, 1),
        event_type="COERCE",
        trigger=Trigger("arrested", (7, 15)),
        sentence="Police arrested 12 students.",
        sentence_span=(0, 28),
        sentence_index=0,
        actor=actor,
        recipient=recipient,
        location=loc,
    )


NAIROBI = EventLocation(name="Nairobi", country="KEN", admin1="Nairobi", precision="city")


def test_police_and_students_take_the_place_country() -> None:
    ev = _event(EventActor(text="Police", sector="COP"), EventActor(sector="CVL"), NAIROBI)
    affiliate(ev)
    assert ev.actor is not None and ev.actor.country == "KEN"
    assert ev.recipient is not None and ev.recipient.country == "KEN"


def test_named_military_and_foreign_actors_are_left_alone() -> None:
    troops = EventActor(text="warplanes", sector="MIL")
    group = EventActor(text="al-Shabaab", name="al-Shabaab", sector="REB")
    uganda = EventActor(text="Ugandan police", country="UGA", sector="COP")
    ev = _event(troops, group, NAIROBI)
    affiliate(ev)
    assert troops.country is None and group.country is None
    ev = _event(uganda, None, NAIROBI)
    affiliate(ev)
    assert uganda.country == "UGA"


def test_no_place_or_only_a_sea_gives_nothing() -> None:
    sea = EventLocation(name="Red Sea", precision="region")
    for loc in (None, sea):
        ev = _event(EventActor(sector="COP"), None, loc)
        affiliate(ev)
        assert ev.actor is not None and ev.actor.country is None


def test_the_coder_affiliates_local_police(coder: Coder) -> None:
    [ev] = coder.code("Police arrested 40 protesters in Nairobi on Monday.", pub_date="2024-02-07")
    assert ev.actor is not None and (ev.actor.country, ev.actor.sector) == ("KEN", "COP")
    assert ev.recipient is not None and ev.recipient.country == "KEN"
