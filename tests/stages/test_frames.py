"""Report frames: the article coded as a whole (invented reports, one pattern each).

- the event a report is about is told in its lead; later sentences that carry no place or
  date of their own elaborate it: they join it, with their tolls, or take its place and date;
- a protest whose later sentences report the authorities acting on it is one protest with
  intervention (excessive force when someone was killed), not a separate arrest;
- running totals and background are not events: flagged, and left out unless asked for.
"""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint import Coder, CoderConfig
from flashpoint.document import Event
from flashpoint.stages.frames import AGGREGATE, BACKGROUND

PUB = "2024-03-12"  # a Tuesday


@pytest.fixture(scope="module")
def keeping() -> Coder:
    return Coder(CoderConfig(keep_background=True))


def _top(events: list[Event]) -> Event:
    """The event a report is scored on: the most confident."""
    return max(events, key=lambda e: e.confidence)


def _one(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


# --- protests and what the authorities did about them -----------------------------------


def test_a_protest_whose_later_sentence_reports_arrests_is_one_protest_with_intervention(
    coder: Coder,
) -> None:
    events = coder.code(
        "Hundreds of traders protested outside the county offices in Eldoret on Monday "
        "against a new market levy. Police dispersed the demonstrators with tear gas and "
        "arrested 14 of them.",
        pub_date=PUB,
    )
    protest = _one(events, "PROTEST")
    assert protest.acled_sub_event_type == "Protest with intervention"
    assert protest.arrested == 14
    assert protest.location is not None and protest.location.name == "Eldoret"
    assert protest.date == date(2024, 3, 11)
    assert not [e for e in events if e.event_type in ("COERCE", "ASSAULT")]


def test_a_protester_killed_by_the_police_later_makes_it_excessive_force(coder: Coder) -> None:
    events = coder.code(
        "Students marched through the centre of Dhaka on Wednesday to demand the "
        "reinstatement of quotas. Riot police fired rubber bullets at the crowd, killing one "
        "protester.",
        pub_date=PUB,
    )
    protest = _one(events, "PROTEST")
    assert protest.acled_sub_event_type == "Excessive force against protesters"
    assert protest.dead == 1
    assert protest.location is not None and protest.location.name == "Dhaka"


def test_only_what_happened_to_these_protesters_is_their_intervention(coder: Coder) -> None:
    # the beating is what a speaker wants prevented, not something done to the marchers
    events = coder.code(
        "About 3,000 people marched through Leipzig on Saturday in support of asylum seekers. "
        "We must not let them be beaten up at our borders, a pastor told the crowd.",
        pub_date=PUB,
    )
    protest = next(e for e in events if e.event_type == "PROTEST")
    assert protest.acled_sub_event_type == "Peaceful protest"


# --- the lead's place, date and toll ------------------------------------------------------


def test_a_toll_in_a_later_sentence_goes_to_the_lead_event(coder: Coder) -> None:
    events = coder.code(
        "Gunmen ambushed a patrol near Gao in Mali on Sunday. Four soldiers and a policeman "
        "were killed, the army said.",
        pub_date=PUB,
    )
    attack = _one(events, "ASSAULT")
    assert attack.dead == 5
    assert attack.location is not None and attack.location.name == "Gao"
    assert attack.date == date(2024, 3, 10)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "Army troops clashed with Ansaru fighters near Birnin Gwari in Nigeria on Sunday. "
            "Three soldiers and five Ansaru fighters were killed.",
            8,
        ),
        (
            "Rival militias clashed in the streets of Tripoli in Libya on Sunday. At least 12 "
            "bystanders were killed.",
            12,
        ),
    ],
)
def test_a_later_list_of_the_dead_is_the_toll_of_a_lead_without_one(
    coder: Coder, text: str, dead: int
) -> None:
    # the dead may be on both sides of the lead's fight: still its toll, not another event
    events = coder.code(text, pub_date=PUB)
    attack = _one(events, "ASSAULT")
    assert attack.dead == dead


def test_a_later_event_without_place_or_date_takes_the_leads_and_ranks_below_it(
    coder: Coder,
) -> None:
    events = coder.code(
        "Soldiers clashed with militia fighters near Beni in North Kivu on Thursday. The "
        "rebels later abducted six nurses.",
        pub_date=PUB,
    )
    lead, later = events[0], events[-1]
    assert later is not lead and later.mode == "abduct"
    assert later.location is not None and later.location.admin1 == "Nord-Kivu"
    assert later.date == lead.date == date(2024, 3, 7)
    assert later.confidence < lead.confidence


def test_a_place_named_in_the_actors_phrase_places_the_report(coder: Coder) -> None:
    events = coder.code(
        "Police in Mombasa fired tear gas on Monday to disperse dock workers who had blocked "
        "the port gates.",
        pub_date=PUB,
    )
    located = [e for e in events if e.location is not None]
    assert located and all(e.location.name == "Mombasa" for e in located)  # type: ignore[union-attr]


def test_an_earlier_strike_in_an_after_clause_keeps_its_own_date_place_and_toll(
    coder: Coder,
) -> None:
    events = coder.code(
        "Rebel artillery shelled army positions near Goma in North Kivu on Monday, killing "
        "three soldiers, two days after a government air strike killed nine people in "
        "Rutshuru. The army said two more soldiers were wounded.",
        pub_date=PUB,
    )
    shelling = next(e for e in events if e.trigger.text.startswith("shelled"))
    assert (shelling.dead, shelling.date) == (3, date(2024, 3, 11))
    assert shelling.location is not None and shelling.location.name == "Goma"
    strike = next(e for e in events if "strike" in e.trigger.text)
    assert (strike.dead, strike.date) == (9, date(2024, 3, 9))


# --- running totals and background --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The fighting has killed more than 300,000 people since 2011, according to monitors.",
        "Attacks by the group have killed more than 2,000 civilians so far this year.",
        "Extortion by the gangs fuels violence that has killed thousands of villagers.",
        # a toll of thousands in the perfect, with no span word
        "More than 400,000 people have been killed, the monitoring group said.",
        # framed by the whole war
        "Some 20,000 people have been killed in the region as the war enters its third year.",
        "An estimated 900 people have been killed in the valley as a result of the war.",
        "Some 700 soldiers have been killed during the conflict, the army said.",
    ],
)
def test_a_running_total_is_no_event_unless_asked_for(
    coder: Coder, keeping: Coder, text: str
) -> None:
    assert coder.code(text, pub_date=PUB) == []
    kept = keeping.code(text, pub_date=PUB)
    assert kept and all(AGGREGATE in e.aux for e in kept)


def test_a_running_total_told_after_a_dated_attack_is_not_its_toll(coder: Coder) -> None:
    events = coder.code(
        "Rebels attacked a market town in the north on Monday. More than 300,000 people have "
        "been killed since the war began, according to monitors.",
        pub_date=PUB,
    )
    attack = _one(events, "ASSAULT")
    assert (attack.dead, attack.dead_lower_bound, attack.aux) == (None, None, [])


def test_a_perfect_toll_over_a_few_days_is_an_event(coder: Coder) -> None:
    events = coder.code(
        "Gunmen have killed at least 14 people in Niger's Tillaberi region in the past two "
        "days, officials said on Monday.",
        pub_date=PUB,
    )
    assert any(e.event_type == "ASSAULT" and e.dead == 14 for e in events)


def test_history_is_background(coder: Coder, keeping: Coder) -> None:
    text = "In 1994, soldiers massacred hundreds of villagers in the valley."
    assert coder.code(text, pub_date=PUB) == []
    assert all(BACKGROUND in e.aux for e in keeping.code(text, pub_date=PUB))


def test_what_has_gone_on_for_years_is_background(coder: Coder, keeping: Coder) -> None:
    text = (
        "Gunmen abducted 20 pupils from a school in Kebbi state on Monday. Bandits have for "
        "years raided villages across the region."
    )
    events = coder.code(text, pub_date=PUB)
    assert [e.sentence_index for e in events if e.event_type == "ASSAULT"] == [0]
    flagged = [e for e in keeping.code(text, pub_date=PUB) if BACKGROUND in e.aux]
    assert flagged and all(e.sentence_index == 1 for e in flagged)


def test_fighting_that_has_continued_is_background(coder: Coder, keeping: Coder) -> None:
    """ "Fighting ... has continued across the region for more than a year": a perfect verb
    of going on tells what has gone on, not the report's event (the accord is)."""
    text = (
        "A rebel faction signed a peace deal with the regional government in Gondar on "
        "Tuesday. Fighting between other rebels and federal forces has continued across the "
        "region for more than a year."
    )
    events = coder.code(text, pub_date=PUB)
    assert not any(e.sentence_index == 1 for e in events)
    flagged = [e for e in keeping.code(text, pub_date=PUB) if BACKGROUND in e.aux]
    assert flagged and all(e.sentence_index == 1 for e in flagged)


def test_the_store_of_a_flagged_event_knows_its_flag(keeping: Coder) -> None:
    events = keeping.code("In 1994, soldiers massacred hundreds of villagers.", pub_date=PUB)
    assert events and events[0].to_dict()["aux"] == [BACKGROUND]


def test_a_place_right_after_the_target_places_the_report(coder: Coder) -> None:
    events = coder.code(
        "Rebel gunners shelled residential areas of Kadugli on Friday. Several houses were "
        "destroyed.",
        pub_date=PUB,
    )
    attack = _one(events, "ASSAULT")
    assert attack.location is not None and attack.location.name == "Kadugli"


def test_the_killed_of_a_named_group_are_the_leads_toll(coder: Coder) -> None:
    events = coder.code(
        "A drone strike hit a pickup truck near Kobani on Saturday. Three members of the YPG "
        "were killed.",
        pub_date=PUB,
    )
    assert [e.dead for e in events if e.event_type == "ASSAULT"] == [3]


# --- background told in a relative clause, periods ranked by their toll ------------------


def test_a_killing_in_a_relative_clause_with_its_own_past_year_is_background(
    coder: Coder, keeping: Coder
) -> None:
    text = (
        "Soldiers stormed a village in Ituri on Monday, killing six civilians. Ituri is the "
        "province where 900 people died in 2017 after militias attacked camps."
    )
    lead = _one(coder.code(text, pub_date=PUB), "ASSAULT")
    assert (lead.sentence_index, lead.dead) == (0, 6)
    flagged = [e for e in keeping.code(text, pub_date=PUB) if BACKGROUND in e.aux]
    assert [(e.trigger.text, e.dead) for e in flagged] == [("attacked", 900)]


def test_a_relative_clause_of_last_year_is_background(coder: Coder, keeping: Coder) -> None:
    text = (
        "Rebels attacked a camp near Goma on Monday. Goma, where 40 people were killed in an "
        "ambush in 2023, lies on the border."
    )
    assert [e.trigger.text for e in coder.code(text, pub_date=PUB)] == ["attacked"]
    flagged = [e for e in keeping.code(text, pub_date=PUB) if BACKGROUND in e.aux]
    assert [(e.trigger.text, e.dead) for e in flagged] == [("ambush", 40)]


def test_a_toll_of_a_ranked_period_is_an_aggregate(coder: Coder, keeping: Coder) -> None:
    text = (
        "Police shot dead three protesters in Kisumu on Friday. 2019 was the deadliest year, "
        "with 900 killed."
    )
    lead = _one(coder.code(text, pub_date=PUB), "ASSAULT")
    assert lead.dead == 3
    kept = [e for e in keeping.code(text, pub_date=PUB) if e.sentence_index == 1]
    assert kept and all(AGGREGATE in e.aux for e in kept)


def test_the_worst_month_is_not_the_leads_toll(coder: Coder) -> None:
    events = coder.code(
        "Police shot dead three protesters in Kisumu on Friday. It was the worst month since "
        "2017, with 120 dead.",
        pub_date=PUB,
    )
    assert _one(events, "ASSAULT").dead == 3


def test_a_relative_clause_dated_without_a_year_is_not_background(keeping: Coder) -> None:
    events = keeping.code(
        "Rebels attacked a camp near Goma on Monday. Goma, where 40 people were killed in an "
        "ambush in December, lies on the border.",
        pub_date=PUB,
    )
    assert not any(BACKGROUND in e.aux for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded near the market in Kano on Tuesday. Four people were injured.",
        "A device went off outside a bus station in Garissa on Monday. Three people were hurt.",
        "A bomb went off near a mosque in Maiduguri on Friday. Two people were injured.",
    ],
)
def test_an_explosion_with_no_actor_and_its_injuries_are_one_event(coder: Coder, text: str) -> None:
    events = coder.code(text, pub_date=PUB)
    assert len(events) == 1, [(e.event_type, e.trigger.text) for e in events]
    blast = events[0]
    assert (blast.event_type, blast.mode, blast.actor) == ("ASSAULT", "explosives", None)
    assert blast.injured in (2, 3, 4) and blast.dead is None


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a toll told as an addition adds to the lead's toll
        (
            "Soldiers stormed a rebel camp near Beni in Congo on Sunday, killing six rebels. "
            "Three soldiers were also killed.",
            9,
        ),
        # the attackers' dead told after the lead's toll of its targets add to it
        (
            "Al Shabaab militants attacked a Kenyan army camp near Mandera in Kenya on Sunday, "
            "killing 6 soldiers. The army said 30 militants were killed.",
            36,
        ),
        # the lead's fight told by the side that answered it is its toll
        (
            "Boko Haram fighters raided Nigerian soldiers near Dikwa in Nigeria on Sunday. The "
            "soldiers repelled the raid, killing 8 Boko Haram fighters.",
            8,
        ),
        # a toll named with a side after the lead's fight, nobody said to have caused it
        (
            "ISWAP fighters attacked a police post in Monguno in Nigeria on Sunday. Police "
            "fought back; one policeman and four fighters were killed.",
            5,
        ),
    ],
)
def test_a_later_toll_of_the_leads_fight_is_its_toll(coder: Coder, text: str, dead: int) -> None:
    events = coder.code(text, pub_date=PUB)
    attack = _one(events, "ASSAULT")
    assert attack.dead == dead


def test_a_toll_of_the_fighting_the_lead_was_won_by_is_its_toll(coder: Coder) -> None:
    events = coder.code(
        "Congolese troops recaptured the town of Kiwanja in Congo on Sunday from M23 rebels "
        "after clashes that killed four rebels.",
        pub_date=PUB,
    )
    retaken = _one(events, "ASSAULT")
    assert retaken.trigger.text == "recaptured"
    assert retaken.dead == 4


# --- the lead's place when the parse attaches none to its event ---------------------------


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # the place names where the seized weapons were hidden, deep in the object
        (
            "On 2 March 2024, soldiers seized four rifles and about 500 rounds of ammunition "
            "hidden in a house in Kasese (Kasese, Western).",
            "Western",
        ),
        # the place sits in a relative clause about the detainees
        (
            "On 2 March 2024, police detained 20 opposition supporters who were preparing to "
            "march on the governor's office in Kisumu (Kisumu).",
            "Kisumu",
        ),
        # the place is a residence's, after two coordinated verbs
        (
            "On 2 March 2024, rioters stormed and set fire to the district commissioner's "
            "residence in Gulu cantonment (Gulu, Northern) after the arrest of a local leader.",
            "Northern",
        ),
        # a march "to" a place
        (
            "On 2 March 2024, relatives of the victims marched to the port of Mombasa "
            "(Mombasa) on the anniversary of the sinking.",
            "Mombasa",
        ),
        # driven "out of" a town
        (
            "On 2 March 2024, rebels drove the army out of Beni town (Beni, Nord-Kivu) and "
            "took control of the town; four soldiers were killed.",
            "Nord-Kivu",
        ),
        # a route between two towns
        (
            "On 2 March 2024, bandits kidnapped eleven travellers on the road between Gusau "
            "and Tsafe (Zamfara).",
            "Zamfara",
        ),
    ],
)
def test_a_lead_event_with_no_place_of_its_own_happened_at_the_leads_place(
    coder: Coder, text: str, admin1: str
) -> None:
    events = coder.code(text, pub_date=PUB)
    assert events
    for e in events:
        assert e.location is not None, (e.event_type, e.trigger.text)
        assert e.location.admin1 == admin1


def test_the_leads_place_is_not_one_told_with_against_or_with(coder: Coder) -> None:
    events = coder.code(
        "On 2 March 2024, unidentified men abducted a journalist known for his campaign "
        "against the governor of Kano.",
        pub_date=PUB,
    )
    abduction = _one(events, "ASSAULT")
    assert abduction.location is None


def test_two_loose_places_neither_inside_the_other_leave_the_lead_unplaced(coder: Coder) -> None:
    events = coder.code(
        "On 2 March 2024, a crowd gathered at the gate to Mombasa's Likoni ferry after an "
        "explosion.",
        pub_date=PUB,
    )
    assert all(e.location is None or e.location.country == "KEN" for e in events)


def test_an_event_under_another_does_not_take_the_leads_loose_place(coder: Coder) -> None:
    events = coder.code(
        "On 2 March 2024, elders of two clans signed a truce to the west of Garissa town "
        "after months of cattle raids.",
        pub_date=PUB,
    )
    raids = [e for e in events if e.trigger.text.startswith("raid")]
    assert all(e.location is None for e in raids)


# --- the authorities acting on a protest, told in the lead or after it --------------------


def test_people_detained_at_a_protest_the_lead_tells_make_one_protest_with_intervention(
    coder: Coder,
) -> None:
    events = coder.code(
        "On 9 February 2025, riot police detained 22 people at a rally of retired teachers "
        "in Tbilisi.",
        pub_date="2025-02-10",
    )
    protest = _one(events, "PROTEST")
    assert protest.acled_sub_event_type == "Protest with intervention"
    assert protest.arrested == 22
    assert not [e for e in events if e.event_type == "COERCE"]


def test_people_preparing_to_protest_are_only_arrested(coder: Coder) -> None:
    events = coder.code(
        "On 9 February 2025, police detained 12 union members who were preparing to march "
        "on the labour ministry in Lusaka.",
        pub_date="2025-02-10",
    )
    arrest = _one(events, "COERCE")
    assert arrest.arrested == 12


def test_a_crowd_dispersed_in_a_later_sentence_is_the_protests_intervention(
    coder: Coder,
) -> None:
    events = coder.code(
        "On 9 February 2025, shopkeepers of Bunia (Ituri) held a sit-in against new taxes. "
        "Police dispersed the gathering with tear gas.",
        pub_date="2025-02-10",
    )
    protest = _one(events, "PROTEST")
    assert protest.acled_sub_event_type == "Protest with intervention"


def test_rioters_the_police_shot_stay_rioters(coder: Coder) -> None:
    events = coder.code(
        "On 9 February 2025, youths rioted in Torit (Eastern Equatoria) after a trader was "
        "killed, and set fire to a police post. Three rioters were shot dead by soldiers.",
        pub_date="2025-02-10",
    )
    protest = _one(events, "PROTEST")
    assert protest.acled_event_type == "Riots"


# --- an opening sentence that dates and places the report, with no event of its own ----


@pytest.mark.parametrize(
    ("text", "pub", "admin1"),
    [
        (
            "On 4 May 2024, an army truck ran over a buried device on the Beni-Kasindi road in "
            "Nord-Kivu province. Three soldiers were killed.",
            "2024-05-06",
            "Nord-Kivu",
        ),
        (
            "On 4 May 2024, a bus carrying traders was stopped near Dori (Sahel). Gunmen "
            "killed two passengers and burned the bus.",
            "2024-05-07",
            "Sahel",
        ),
    ],
)
def test_events_after_an_opening_with_no_event_happened_on_its_date_and_at_its_place(
    coder: Coder, text: str, pub: str, admin1: str
) -> None:
    events = coder.code(text, pub_date=pub)
    assert events
    for e in events:
        assert e.date == date(2024, 5, 4), e.trigger.text
        assert e.location is not None and e.location.admin1 == admin1


def test_an_opening_with_places_in_two_regions_places_nothing(coder: Coder) -> None:
    events = coder.code(
        "On 4 May 2024, a convoy travelling from Goma (Nord-Kivu) to Bukavu (Sud-Kivu) was "
        "stopped. Gunmen killed two drivers.",
        pub_date="2024-05-07",
    )
    killing = _one(events, "ASSAULT")
    assert killing.date == date(2024, 5, 4)
    assert (
        killing.location is None
        or killing.location.span is None
        or (killing.location.admin1 not in ("Nord-Kivu", "Sud-Kivu"))
    )


# --- what a lead's fight or riot did is the lead event's ---------------------------------


def test_a_later_toll_after_a_capture_won_by_fighting_is_the_captures(coder: Coder) -> None:
    events = coder.code(
        "On 6 May 2024, the army took over Kadugli town (South Kordofan) from rebel fighters "
        "after heavy fighting. Nine fighters were killed.",
        pub_date="2024-05-08",
    )
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1
    assert _one(events, "ASSAULT").dead == 9


@pytest.mark.parametrize("span", ["a day of heavy fighting", "weeks of clashes"])
def test_a_toll_after_a_capture_won_by_a_span_of_fighting_is_the_captures(
    coder: Coder, span: str
) -> None:
    events = coder.code(
        f"Government troops recaptured the village of Kafr Zita in Hama on Monday after {span} "
        "with rebel factions. A monitor said six rebels and two soldiers were killed.",
        pub_date="2024-03-12",
    )
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1
    assert _one(events, "ASSAULT").dead == 8


def test_the_toll_of_the_fighting_a_capture_was_won_by_is_the_captures(coder: Coder) -> None:
    # invented: "fighting" is a gerund here, and its killing a clause on it
    events = coder.code(
        "Rebels seized the town of Mongbwalu in Ituri on Sunday after fighting that killed "
        "seven soldiers.",
        pub_date="2024-03-12",
    )
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1
    assert _one(events, "ASSAULT").dead == 7


@pytest.mark.parametrize(
    "later",
    [
        "On Friday, the governor said a wounded man had died in hospital, raising the toll to six.",
        "The death toll rose to six on Friday after a wounded man died.",
    ],
)
def test_a_later_sentence_that_raises_the_toll_tells_the_main_events_new_toll(
    coder: Coder, later: str
) -> None:
    events = coder.code(
        "A missile struck a market in Kherson on Tuesday, killing five shoppers and wounding 12 "
        f"others, the governor said. Rescuers searched the rubble through the night. {later}",
        pub_date="2024-03-16",
    )
    assert _top(events).dead == 6


@pytest.mark.parametrize(
    "later",
    [
        "The toll rose to 11 on Thursday after rescuers recovered three more bodies.",
        "The death toll climbed to 11 on Thursday when three more bodies were pulled out.",
    ],
)
def test_bodies_found_that_raise_the_toll_are_no_event_of_their_own(
    coder: Coder, later: str
) -> None:
    """An event of the toll-raising sentence told by nothing but the raised toll (no one on
    either side) is how the toll rose: the lead's toll becomes the total, and no second
    event with the same dead is coded."""
    events = coder.code(
        "Gunmen killed eight villagers in an attack on a village near Oicha on Tuesday, a "
        f"local official said. {later}",
        pub_date="2024-03-16",
    )
    assert _top(events).dead == 11
    assert [e.dead for e in events if e.dead] == [11]


def test_what_the_rioting_crowd_did_besides_is_the_riots(coder: Coder) -> None:
    events = coder.code(
        "On 6 May 2024, protesters clashed with police and burned a tax office in Kisumu "
        "(Kisumu). Two protesters were killed.",
        pub_date="2024-05-08",
    )
    riot = _one(events, "PROTEST")
    assert riot.acled_event_type == "Riots"
    assert riot.dead == 2
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_a_lead_that_no_frame_placed_takes_its_loosely_attached_place(coder: Coder) -> None:
    # a surrender is no material event, so no frame places it; "in Jolo" hangs on "the army"
    events = coder.code(
        "On 10 July 2024, nine Abu Sayyaf fighters surrendered to the marines in Jolo (Sulu, "
        "Bangsamoro) with their rifles.",
        pub_date="2024-07-12",
    )
    assert events and events[0].location is not None
    assert events[0].location.admin1 == "Bangsamoro"


def test_a_place_in_another_clause_does_not_place_an_unframed_lead(coder: Coder) -> None:
    events = coder.code(
        "The European Union on Friday imposed sanctions on two firms it accused of selling "
        "drones to gangs that raid villages in northern Mali.",
        pub_date="2024-07-12",
    )
    sanction = _one(events, "SANCTION")
    assert sanction.location is None or sanction.location.country != "MLI"


def test_protest_leaders_detained_later_are_the_protests_intervention(coder: Coder) -> None:
    events = coder.code(
        "On 8 May 2024, about 300 dock workers protested outside the port authority in "
        "Tema (Greater Accra) over unpaid wages. Police detained four protest leaders.",
        pub_date="2024-05-10",
    )
    protest = _one(events, "PROTEST")
    assert protest.acled_sub_event_type == "Protest with intervention"
    assert not [e for e in events if e.event_type == "COERCE"]


@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "Kenya asked its allies on Thursday for more helicopters after a week of militant "
            "raids on police posts.",
            "REQUEST",
        ),
        (
            "Ukraine asked its allies on Thursday for more air defence systems after a night "
            "of Russian missile attacks on power plants.",
            "REQUEST",
        ),
    ],
)
def test_an_events_occasion_never_outranks_it(coder: Coder, text: str, head: str) -> None:
    events = coder.code(text, pub_date="2024-05-10")
    top = _top(events)
    assert top.event_type == head, [(e.event_type, e.confidence) for e in events]


def test_a_raid_that_loots_and_kills_residents_is_an_attack(coder: Coder) -> None:
    events = coder.code(
        "On 5 May 2024, JNIM militants raided Djibo market (Soum, Sahel), looting shops and "
        "burning stalls. Three traders were killed.",
        pub_date="2024-05-07",
    )
    top = _top(events)
    assert top.acled_sub_event_type == "Attack"


def test_a_raid_that_only_loots_is_property_destruction(coder: Coder) -> None:
    events = coder.code(
        "On 5 May 2024, JNIM militants raided Djibo market (Soum, Sahel), looting shops and "
        "burning stalls.",
        pub_date="2024-05-07",
    )
    top = _top(events)
    assert top.acled_sub_event_type == "Looting/property destruction"


def test_the_sentences_only_told_place_places_the_lead_whatever_the_parse(coder: Coder) -> None:
    # the parser hangs "Llochegua district (Ayacucho)" on "remnants", the object of "with"
    events = coder.code(
        "On 23 May 2024, soldiers clashed with remnants of the Shining Path in the Ene valley, "
        "Llochegua district (Ayacucho). One soldier was killed.",
        pub_date="2024-05-25",
    )
    clash = _one(events, "ASSAULT")
    assert clash.location is not None and clash.location.admin1 == "Ayacucho"


def test_an_opening_with_only_a_statement_dates_and_places_the_next_events(coder: Coder) -> None:
    events = coder.code(
        "On 3 May 2024, the governor of Gao (Gao) praised the army. Two soldiers were killed "
        "in an ambush nearby.",
        pub_date="2024-05-06",
    )
    ambush = _one(events, "ASSAULT")
    assert ambush.date == date(2024, 5, 3)
    assert ambush.location is not None and ambush.location.admin1 == "Gao"


def test_an_unframed_lead_is_placed_where_its_actors_are(coder: Coder) -> None:
    events = coder.code(
        "On 4 May 2024, a group of JAS (Boko Haram) commanders and their fighters in the "
        "Alagarno forest area (Yobe) pledged allegiance to ISWAP.",
        pub_date="2024-05-06",
    )
    pledge = _one(events, "MOBILIZE")
    assert pledge.location is not None and pledge.location.admin1 == "Yobe"


def test_a_later_toll_told_as_an_addition_adds_to_the_frames_toll(coder: Coder) -> None:
    events = coder.code(
        "On 4 May 2024, ISWAP fighters attacked an army base in Marte (Borno). Troops repelled "
        "the attack. Nine insurgents were killed. Three soldiers also died.",
        pub_date="2024-05-06",
    )
    top = _top(events)
    assert top.dead == 12


@pytest.mark.parametrize(
    "text",
    [
        "Rival militias in Benghazi agreed to a truce on Friday, ending a week of fighting in "
        "the eastern districts.",
        "The two clans signed a ceasefire in Galkayo on Monday, ending weeks of clashes over "
        "grazing land.",
    ],
)
def test_a_fight_a_cooperative_act_ends_is_background(
    coder: Coder, keeping: Coder, text: str
) -> None:
    assert not [e for e in coder.code(text, pub_date=PUB) if e.event_type == "ASSAULT"]
    ended = [e for e in keeping.code(text, pub_date=PUB) if e.event_type == "ASSAULT"]
    assert ended and all(BACKGROUND in e.aux for e in ended)


def test_the_assault_that_ends_a_fight_stays_the_news(coder: Coder) -> None:
    text = (
        "Government troops stormed the last rebel camp near Marawi on Monday, ending the fighting."
    )
    events = coder.code(text, pub_date=PUB)
    assert [e.trigger.text for e in events if e.event_type == "ASSAULT"] == ["stormed"]


# --- a frame dated only by the day it was reported ---------------------------------------


def test_a_later_telling_with_an_earlier_day_dates_the_lead_said_on_a_later_day(coder) -> None:
    text = (
        "Soldiers escorting a convoy struck a roadside bomb near Tamou, the defence ministry "
        "said on Saturday. It said three soldiers were killed in Thursday's blast."
    )
    found = coder.code(text, pub_date="2024-03-16", doc_id="t")  # a Saturday
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in found]
    assert (str(found[0].date), found[0].dead) == ("2024-03-14", 3)


def test_a_lead_dated_by_its_own_day_keeps_it_against_a_later_telling(coder) -> None:
    text = (
        "Soldiers struck a roadside bomb near Tamou on Saturday. Three soldiers were killed "
        "in Thursday's blast near Say."
    )
    found = coder.code(text, pub_date="2024-03-16", doc_id="t")
    assert str(_top(found).date) == "2024-03-16"


def test_another_event_of_an_earlier_day_keeps_its_own_day(coder) -> None:
    text = (
        "Rebels attacked an army post near Kumbo, the army said on Saturday. On Thursday, "
        "teachers protested in Bamenda over unpaid wages."
    )
    found = coder.code(text, pub_date="2024-03-16", doc_id="t")
    dates = {e.event_type: str(e.date) for e in found}
    assert dates["ASSAULT"] == "2024-03-16"
    assert dates["PROTEST"] == "2024-03-14"


def test_a_toll_dated_only_by_the_day_it_was_reported_is_the_leads(coder) -> None:
    text = (
        "Fighting between two armed groups flared on Thursday in rural Tibu, local officials "
        "said. At least four fighters were killed, the ombudsman said on Saturday."
    )
    found = coder.code(text, pub_date="2024-03-16", doc_id="t")
    assert len(found) == 1, [(e.event_type, e.trigger.text, str(e.date)) for e in found]
    assert (str(found[0].date), found[0].dead) == ("2024-03-14", 4)


def test_the_dead_of_one_side_are_not_that_sides_own_attack(coder) -> None:
    text = (
        "Troops recaptured the town of Kumbo on Sunday, two days after separatist fighters "
        "stormed it and burned the market, the army said. It said 13 fighters were killed in "
        "the operation."
    )
    found = coder.code(text, pub_date="2024-03-12", doc_id="t")
    tolls = {e.trigger.text: e.dead for e in found}
    assert tolls["recaptured"] == 13
    assert all(dead is None for trig, dead in tolls.items() if trig != "recaptured")


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 12 people on Saturday as they tried to stage a sit-in in Tunis.",
        "Police arrested 12 people on Saturday as they marched towards parliament in Tunis.",
    ],
)
def test_people_arrested_as_they_protested_or_tried_to_are_a_protest_with_intervention(
    coder, text: str
) -> None:
    found = coder.code(text, pub_date="2025-04-20", doc_id="t")
    top = _top(found)
    assert (top.event_type, top.acled_sub_event_type) == ("PROTEST", "Protest with intervention")
    assert (str(top.date), top.aux, top.arrested) == ("2025-04-19", [], 12)


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 12 people on Saturday as they planned a protest in Tunis.",
        "Police arrested 12 people in Tunis on Saturday as they tried to flee.",
    ],
)
def test_people_arrested_while_planning_a_protest_or_fleeing_are_only_arrested(
    coder, text: str
) -> None:
    top = _top(coder.code(text, pub_date="2025-04-20", doc_id="t"))
    assert (top.event_type, top.acled_sub_event_type) == ("COERCE", "Arrests")


def test_one_more_victim_who_died_days_later_adds_to_the_toll(coder) -> None:
    text = (
        "Police fired live rounds at demonstrators marching in Beira on Monday, and two men "
        "were shot dead, a rights group said. A third protester died in hospital on Wednesday."
    )
    found = coder.code(text, pub_date="2024-03-14", doc_id="t")
    assert all(str(e.date) == "2024-03-11" for e in found)
    assert (_top(found).dead, sum(e.dead or 0 for e in found)) == (3, 3)


def test_other_dead_of_a_later_day_stay_their_own_event(coder) -> None:
    text = (
        "Police fired live rounds at demonstrators marching in Beira on Monday, and two men "
        "were shot dead, a rights group said. Gunmen killed four villagers near Pemba on "
        "Wednesday."
    )
    found = coder.code(text, pub_date="2024-03-14", doc_id="t")
    assert sorted(e.dead for e in found if e.dead) == [2, 4]


def test_an_arrest_hours_after_a_protest_is_no_intervention_in_it(coder) -> None:
    text = (
        "Hours after opposition supporters protested the results, police placed the "
        "candidate under house arrest."
    )
    top = _top(coder.code(text, pub_date="2025-04-20", doc_id="t"))
    assert top.event_type == "COERCE"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Security forces opened fire on worshippers chanting anti-government slogans in "
            "Zahedan, killing three people.",
            "Excessive force against protesters",
        ),
        (
            "Police fired live rounds at opposition supporters marching along an avenue "
            "in Maputo on Thursday, and two men were shot dead.",
            "Excessive force against protesters",
        ),
        (
            "Police fired tear gas at students marching towards parliament in Nairobi.",
            "Protest with intervention",
        ),
        (  # a relative clause on the people tells it too
            "Security forces fired on worshippers who took to the streets of Zahedan after "
            "Friday prayers, killing at least two people, activists said.",
            "Excessive force against protesters",
        ),
    ],
)
def test_force_on_people_told_as_protesting_is_force_on_a_protest(
    coder, text: str, sub_type: str
) -> None:
    top = _top(coder.code(text, pub_date="2024-11-09", doc_id="t"))
    assert (top.event_type, top.acled_sub_event_type) == ("PROTEST", sub_type)


def test_fire_on_people_doing_anything_else_is_an_attack(coder) -> None:
    text = "Soldiers opened fire on villagers working in their fields near Kumbo, killing two."
    top = _top(coder.code(text, pub_date="2024-11-09", doc_id="t"))
    assert (top.event_type, top.acled_sub_event_type) == ("ASSAULT", "Attack")


def test_force_that_killed_an_uncounted_number_of_protesters_is_excessive(coder) -> None:
    text = (
        "Soldiers opened fire on young people peacefully demonstrating against police "
        "brutality at a toll gate in Lagos, killing several."
    )
    top = _top(coder.code(text, pub_date="2024-11-09", doc_id="t"))
    assert (top.event_type, top.acled_sub_event_type) == (
        "PROTEST",
        "Excessive force against protesters",
    )
    assert top.dead is None and top.dead_lower_bound == 3


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "An angry crowd stormed the police post in Ankazoabo on Sunday and lynched two "
            "suspects held over the murder of a child.",
            "stormed",
        ),
        ("Police arrested a man wanted for the bombing of a bus station in Kano.", "arrested"),
    ],
)
def test_what_people_are_held_or_wanted_for_ranks_below_the_news(
    coder, text: str, trigger: str
) -> None:
    assert _top(coder.code(text, pub_date="2023-08-29", doc_id="t")).trigger.text == trigger


def test_force_by_two_sides_on_a_protest_and_its_later_toll_are_one_protest(coder) -> None:
    text = (
        "On 18 July 2024, police and Awami League activists fired live rounds at students "
        "blocking a highway in Dhaka. Six students were killed."
    )
    found = coder.code(text, pub_date="2024-07-19", doc_id="t")
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in found]
    assert (found[0].event_type, found[0].acled_sub_event_type, found[0].dead) == (
        "PROTEST",
        "Excessive force against protesters",
        6,
    )


def test_every_telling_of_a_protest_acted_on_has_its_sub_type(coder) -> None:
    text = (
        "Police fired live rounds at a crowd of protesters marching peacefully in Kitengela "
        "late on Tuesday, killing four people."
    )
    found = coder.code(text, pub_date="2024-06-26", doc_id="t")
    protests = [e for e in found if e.event_type == "PROTEST"]
    assert protests and all(
        e.acled_sub_event_type == "Excessive force against protesters" for e in protests
    )


@pytest.mark.parametrize(
    "text",
    [
        "Fighters beat women protesting in Kabul on Wednesday and detained two reporters.",
        "Police used batons and pepper spray to clear pensioners protesting outside the "
        "parliament in Buenos Aires on Wednesday. Twelve people were detained.",
    ],
)
def test_protesters_beaten_or_cleared_with_batons_were_intervened_on(coder, text: str) -> None:
    # excessive force, as ACLED defines it, is lethal or gravely injuring force
    found = coder.code(text, pub_date="2024-09-12", doc_id="t")
    protest = next(e for e in found if e.event_type == "PROTEST")
    assert protest.acled_sub_event_type == "Protest with intervention"


@pytest.mark.parametrize(
    "text",
    [
        "Synchronised attacks were launched in at least nine locations in the far south on "
        "Friday night. The attacks - mostly using grenades - began at about 8pm, the army said.",
        "Coordinated attacks were launched on at least nine police posts on Friday night. The "
        "attacks - mostly using grenades - happened at about 9pm, police said.",
    ],
)
def test_a_bare_lead_still_frames_the_report(coder: Coder, text: str) -> None:
    # the lead names no side, place, day or toll the parse can read, yet it is what the
    # report is about: the later telling's weapon is its mode (no publication date given)
    events = coder.code(text)
    assert [(e.sentence_index, e.acled_sub_event_type) for e in events] == [(0, "Grenade")]


def test_a_death_folded_into_the_lead_still_raises_its_toll(coder: Coder) -> None:
    text = (
        "A drone struck a market in Sumy on Monday, killing four people. Two of the wounded "
        "died in hospital overnight, raising the toll to six, the governor said."
    )
    top = _top(coder.code(text, pub_date="2024-05-08"))
    assert (top.event_type, top.dead) == ("ASSAULT", 6)


def test_what_a_protest_is_against_is_not_its_later_arrests(coder: Coder) -> None:
    # "Dozens were detained" are the students, not the union leader whose arrest they
    # protested: it does not join that arrest and lift it above the police's act
    text = (
        "Police fired tear gas to disperse students protesting the arrest of their union "
        "leader outside the university in Dhaka on Monday. Dozens were detained."
    )
    events = coder.code(text, pub_date="2024-05-08")
    fired = _one(events, "ASSAULT")
    assert all(e.confidence < fired.confidence for e in events if e.event_type == "COERCE")


def test_a_running_total_with_an_example_stays_a_total(keeping: Coder) -> None:
    # the day of the one attack the total includes dates that attack, not the total
    text = (
        "Bandit raids in Zamfara have killed hundreds of villagers since 2020, including an "
        "attack on 3 March in which 40 people died."
    )
    events = keeping.code(text, pub_date="2025-03-29")
    total = next(e for e in events if e.trigger.text == "killed")
    assert total.aux == [AGGREGATE]
    example = next(e for e in events if e.trigger.text == "attack")
    assert example.date is not None and example.date.isoformat() == "2025-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "MOGADISHU (Reuters) - Somalia's government and clan elders agreed on Monday to "
        "reopen the main market in the divided town, a local mediator said, in the first "
        "such deal in years. The United Nations welcomed the deal.",
        "Police detained 40 opposition supporters in the capital on Sunday. Rights groups "
        "strongly condemned the arrests.",
    ],
)
def test_a_later_reaction_to_the_news_ranks_below_the_lead(text: str) -> None:
    """ "The United Nations welcomed the deal": a statement whose object points back to
    the lead's news reacts to it, and never outranks it, material or not."""
    found = Coder().code(text, pub_date="2024-06-14")
    top = max(found, key=lambda e: e.confidence)
    assert top.trigger.text in ("agreed", "detained")
