"""Within-article merging: one record per real-world event per article."""

from __future__ import annotations

from datetime import date

from flashpoint.document import Event, EventActor, EventLocation, Trigger
from flashpoint.stages.merge import compatible, merge_events


def _ev(
    etype: str = "ASSAULT",
    actor: str | None = "ETH",
    recipient: str | None = "ERI",
    sent: int = 0,
    **kw: object,
) -> Event:
    ev = Event(
        doc_id="d",
        pub_date=date(2024, 3, 7),
        event_type=etype,
        trigger=Trigger("strike", (sent * 100, sent * 100 + 6)),
        sentence=f"sentence {sent}",
        sentence_span=(sent * 100, sent * 100 + 50),
        sentence_index=sent,
        actor=EventActor(country=actor) if actor else None,
        recipient=EventActor(country=recipient) if recipient else None,
    )
    ev.evidence = [ev.sentence_span]
    for k, v in kw.items():
        setattr(ev, k, v)
    return ev


def test_retelling_with_a_missing_actor_merges_and_fills_fields() -> None:
    first = _ev(mode=None)
    later = _ev(actor=None, sent=2, mode="aerial", dead=7)
    [ev] = merge_events([first, later])
    assert ev.mode == "aerial" and ev.dead == 7
    assert ev.evidence == [(0, 50), (200, 250)]


def test_opposite_dyads_stay_apart() -> None:
    out = merge_events([_ev(actor="ETH", recipient="ERI"), _ev(actor="ERI", recipient="ETH")])
    assert len(out) == 2


def test_different_types_and_different_days_stay_apart() -> None:
    a = _ev(date=date(2024, 3, 5), date_precision="day", date_span=(1, 2))
    b = _ev(sent=1, date=date(2024, 3, 6), date_precision="day", date_span=(101, 102))
    assert not compatible(a, b)
    assert len(merge_events([a, _ev(etype="ACCUSE", sent=1)])) == 2


def test_roleless_mention_joins_the_latest_event_of_its_type() -> None:
    a = _ev(actor="ETH", recipient="ERI")
    b = _ev(actor="ERI", recipient="ETH", sent=1)
    bare = _ev(actor=None, recipient=None, sent=2, dead=3)
    out = merge_events([a, b, bare])
    assert len(out) == 2 and out[1].dead == 3 and out[0].dead is None


def test_roleless_mention_is_kept_only_when_nothing_else_is_reported() -> None:
    loc = EventLocation(name="Mekelle", country="ETH")
    [kept] = merge_events([_ev(actor=None, recipient=None, location=loc)])
    assert kept.location is loc
    # "weapons were seized": the document's only event, though it names nobody
    [alone] = merge_events([_ev(etype="COERCE", actor=None, recipient=None)])
    assert alone.event_type == "COERCE"
    # "the attack" alone is a re-mention of something the text does not report
    assert merge_events([_ev(actor=None, recipient=None, is_reference=True)]) == []
    # beside an event with roles, a bare mention of another type adds nothing
    out = merge_events([_ev(), _ev(etype="ACCUSE", actor=None, recipient=None, sent=1)])
    assert [e.event_type for e in out] == ["ASSAULT"]


def test_a_roleless_mention_takes_the_sides_told_later_in_its_sentence() -> None:
    """ "captured the town after overrunning the base; seven soldiers were killed": the
    overrunning (kept for its place) and the killing are one event; a role-less mention
    of another sentence stays apart from a later event with sides."""
    loc = EventLocation(name="Kyauktaw", country="MMR")
    bare = _ev(actor=None, recipient=None, location=loc)
    told = _ev(actor="MMR", recipient="MMR", dead=7)
    told.trigger = Trigger("killed", (40, 46))
    [ev] = merge_events([bare, told])
    assert ev.location is loc and ev.dead == 7 and ev.actor is not None
    elsewhere = _ev(actor="MMR", recipient="MMR", sent=1, dead=7)
    assert len(merge_events([_ev(actor=None, recipient=None, location=loc), elsewhere])) == 2


def _killed(sent: int, victims: str, dead: int) -> Event:
    ev = _ev(actor=None, recipient=victims, sent=sent, dead=dead)
    ev.trigger = Trigger("killed", (sent * 100 + 20, sent * 100 + 26))
    return ev


def test_an_agentless_toll_after_a_clash_is_the_clash_whichever_side_died() -> None:
    # "Army troops fought rebels near X. Three soldiers were killed.": the soldiers are the
    # actor's own side, yet their deaths are the clash's toll
    rebels = EventActor(sector="REB")
    clash = _ev(actor="COL", recipient=None, acled_event_type="Battles")
    clash.recipient = rebels
    [ev] = merge_events([clash, _killed(1, "COL", 3)])
    assert ev.dead == 3 and ev.recipient is rebels


def test_an_agentless_toll_after_an_attack_on_others_stays_apart() -> None:
    # one-sided violence: the attacker's own country's people killed are no part of it
    attack = _ev(actor="COL", recipient="VEN", acled_event_type="Violence against civilians")
    assert len(merge_events([attack, _killed(1, "COL", 3)])) == 2


def test_an_agentless_toll_long_after_a_clash_stays_apart() -> None:
    clash = _ev(actor="COL", recipient=None, acled_event_type="Battles")
    assert len(merge_events([clash, _killed(4, "COL", 3)])) == 2
