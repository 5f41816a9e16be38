"""Dates: temporal expressions resolved against the publication date, and events dated."""

from __future__ import annotations

from datetime import date

import pytest
from _build import add_event, build_doc, find_span

from flashpoint.config import CoderConfig
from flashpoint.document import Document, Event
from flashpoint.stages.base import get_stage_factory
from flashpoint.stages.dates import (
    DatesStage,
    find_anchors,
    find_dates,
    resolve_event_date,
)

THU = date(2024, 1, 18)  # a Thursday
MON_NEW_YEAR = date(2024, 1, 1)  # a Monday, first day of a year
FRI_LEAP = date(2024, 3, 1)  # a Friday after 29 February


def only(text: str, pub: date | None) -> tuple[str, str, str]:
    found = find_dates(text, pub)
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    return m.text, m.date.isoformat(), m.precision


# --- finding and resolving expressions ------------------------------------------------

ABSOLUTE = [
    ("On 9 May 2020, troops entered the town.", THU, "9 May 2020", "2020-05-09", "day"),
    ("Troops entered the town on May 9, 2020.", THU, "May 9, 2020", "2020-05-09", "day"),
    ("The talks opened on 9 May.", THU, "9 May", "2023-05-09", "day"),
    ("The talks opened on May 9.", date(2024, 6, 1), "May 9", "2024-05-09", "day"),
    ("Shelling resumed on Jan. 3 near the port.", THU, "Jan. 3", "2024-01-03", "day"),
    ("The siege began on Sept. 14.", THU, "Sept. 14", "2023-09-14", "day"),
    ("Voters went to the polls on 3 January.", THU, "3 January", "2024-01-03", "day"),
    ("Voters went to the polls on 19 January.", THU, "19 January", "2023-01-19", "day"),
    ("The ceasefire collapsed in January 2021.", THU, "January 2021", "2021-01-01", "month"),
    ("The group was founded in 2019.", THU, "2019", "2019-01-01", "year"),
    ("The raid took place on 2024-01-16.", THU, "2024-01-16", "2024-01-16", "day"),
    ("Police reported the arrests on 13/1/2024.", THU, "13/1/2024", "2024-01-13", "day"),
    ("Police reported the arrests on 1/13/2024.", THU, "1/13/2024", "2024-01-13", "day"),
    ("Clashes erupted in mid-January.", THU, "mid-January", "2024-01-01", "month"),
    ("Clashes erupted in mid-February.", THU, "mid-February", "2023-02-01", "month"),
    ("The strike was called in May.", THU, "May", "2023-05-01", "month"),
    ("Rebels regrouped in late December.", MON_NEW_YEAR, "late December", "2023-12-01", "month"),
    ("The vote was held on Tuesday, 9 January 2024.", THU, "Tuesday, 9 January 2024",
     "2024-01-09", "day"),
    ("Troops arrived on the 9th of May.", THU, "the 9th of May", "2023-05-09", "day"),
    ("Marchers gathered on December 30.", MON_NEW_YEAR, "December 30", "2023-12-30", "day"),
    ("The border closed on Feb. 29.", FRI_LEAP, "Feb. 29", "2024-02-29", "day"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pub", "said", "iso", "precision"), ABSOLUTE)
def test_absolute_dates(text: str, pub: date, said: str, iso: str, precision: str) -> None:
    assert only(text, pub) == (said, iso, precision)


RELATIVE = [
    ("Gunmen struck on Tuesday.", THU, "Tuesday", "2024-01-16", "day"),
    ("The army moved in late Monday.", THU, "late Monday", "2024-01-15", "day"),
    ("Sirens sounded early Thursday.", THU, "early Thursday", "2024-01-18", "day"),
    ("Jets took off Thursday morning.", THU, "Thursday morning", "2024-01-18", "day"),
    ("They condemned Tuesday's attack.", THU, "Tuesday's", "2024-01-16", "day"),
    ("They condemned Tuesday’s attack.", THU, "Tuesday’s", "2024-01-16", "day"),
    ("Talks failed last Tuesday.", THU, "last Tuesday", "2024-01-16", "day"),
    ("Talks failed last Thursday.", THU, "last Thursday", "2024-01-11", "day"),
    ("Talks failed on Tuesday last week.", THU, "Tuesday last week", "2024-01-09", "day"),
    ("Protesters returned yesterday.", THU, "yesterday", "2024-01-17", "day"),
    ("Protesters returned today.", THU, "today", "2024-01-18", "day"),
    ("Protesters will return tonight.", THU, "tonight", "2024-01-18", "day"),
    ("Protesters returned this morning.", THU, "this morning", "2024-01-18", "day"),
    ("Protesters returned last night.", THU, "last night", "2024-01-17", "day"),
    ("Shots rang out on Wednesday night.", THU, "Wednesday night", "2024-01-17", "day"),
    ("Rockets hit the city the day before yesterday.", THU, "the day before yesterday",
     "2024-01-16", "day"),
    ("Ministers met last week.", THU, "last week", "2024-01-08", "week"),
    ("Ministers met this week.", THU, "this week", "2024-01-15", "week"),
    ("Earlier in the week, ministers met.", THU, "Earlier in the week", "2024-01-15", "week"),
    ("Ministers met earlier this week.", THU, "earlier this week", "2024-01-15", "week"),
    ("A bombing killed 90 earlier this month.", THU, "earlier this month", "2024-01-01",
     "month"),
    ("Prices rose this month.", THU, "this month", "2024-01-01", "month"),
    ("Prices rose last month.", THU, "last month", "2023-12-01", "month"),
    ("Prices rose last year.", THU, "last year", "2023-01-01", "year"),
    ("Prices rose earlier this year.", THU, "earlier this year", "2024-01-01", "year"),
    ("The envoy left two days ago.", THU, "two days ago", "2024-01-16", "day"),
    ("The envoy left three weeks ago.", THU, "three weeks ago", "2023-12-25", "week"),
    ("The envoy left a month ago.", THU, "a month ago", "2023-12-01", "month"),
    ("Riots broke out over the weekend.", THU, "the weekend", "2024-01-08", "week"),
    # a Monday on New Year's Day: every backwards reading crosses into 2023
    ("Rebels attacked last Friday.", MON_NEW_YEAR, "last Friday", "2023-12-29", "day"),
    ("Rebels attacked on Friday.", MON_NEW_YEAR, "Friday", "2023-12-29", "day"),
    ("Rebels attacked on Monday.", MON_NEW_YEAR, "Monday", "2024-01-01", "day"),
    ("Rebels attacked on Sunday.", MON_NEW_YEAR, "Sunday", "2023-12-31", "day"),
    ("Rebels attacked yesterday.", MON_NEW_YEAR, "yesterday", "2023-12-31", "day"),
    ("Rebels attacked last week.", MON_NEW_YEAR, "last week", "2023-12-25", "week"),
    ("Rebels attacked last month.", MON_NEW_YEAR, "last month", "2023-12-01", "month"),
    ("Rebels attacked last year.", MON_NEW_YEAR, "last year", "2023-01-01", "year"),
    ("Rebels attacked over the weekend.", MON_NEW_YEAR, "the weekend", "2023-12-25", "week"),
    ("Rebels attacked earlier this month.", MON_NEW_YEAR, "earlier this month", "2024-01-01",
     "month"),
    # a leap year's month boundary
    ("Rebels attacked two days ago.", FRI_LEAP, "two days ago", "2024-02-28", "day"),
    ("Rebels attacked yesterday.", FRI_LEAP, "yesterday", "2024-02-29", "day"),
    ("Rebels attacked on Saturday.", FRI_LEAP, "Saturday", "2024-02-24", "day"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pub", "said", "iso", "precision"), RELATIVE)
def test_relative_dates(text: str, pub: date, said: str, iso: str, precision: str) -> None:
    assert only(text, pub) == (said, iso, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said they may reconsider.",
        "Crowds gathered for Good Friday prayers.",
        "The 18-year-old was released.",
        "Thousands will march to the capital.",
        "Talks stalled 3/1/2024, officials said.",  # 3 January or 1 March?
        "A 2019-20 budget was passed.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, THU) == []


def test_narrative_expressions_chain_from_the_last_day_mentioned() -> None:
    text = (
        "Fighting broke out on Monday. The next day rebels took the airport. "
        "Two days later the army withdrew. The day before, talks had failed."
    )
    got = [(m.text, m.date.isoformat()) for m in find_dates(text, THU)]
    assert got == [
        ("Monday", "2024-01-15"),
        ("The next day", "2024-01-16"),
        ("Two days later", "2024-01-18"),
        ("The day before", "2024-01-17"),
    ]


def test_future_readings_are_kept_apart() -> None:
    (tuesday,) = find_dates("Talks resume on Tuesday.", THU)
    assert tuesday.date == date(2024, 1, 16)
    assert tuesday.future == date(2024, 1, 23)
    (nxt,) = find_dates("Talks resume next week.", THU)
    assert (nxt.date, nxt.precision) == (date(2024, 1, 22), "week")
    (tomorrow,) = find_dates("Talks resume tomorrow.", THU)
    assert tomorrow.date == date(2024, 1, 19)


def test_without_publication_date_only_full_dates_resolve() -> None:
    found = find_dates("On 9 May 2020 and on Tuesday, troops entered the town.", None)
    assert [(m.text, m.date) for m in found] == [("9 May 2020", date(2020, 5, 9))]


@pytest.mark.parametrize(
    ("text", "said", "days", "direction"),
    [
        ("It came a day after Pakistan recalled its envoy.", "a day after", 1, "after"),
        ("Troops left two days before the vote.", "two days before", 2, "before"),
        ("Talks began the day after the truce.", "the day after", 1, "after"),
        ("Looting began hours after the blast.", "hours after", 0, "after"),
        ("Rebels withdrew a week after the raid.", "a week after", 7, "after"),
    ],
)
def test_anchors(text: str, said: str, days: int, direction: str) -> None:
    (anchor,) = find_anchors(text)
    assert (anchor.text, anchor.days, anchor.direction) == (said, days, direction)
    assert text[anchor.span[0] : anchor.span[1]] == said


def test_standalone_day_before_is_not_an_anchor() -> None:
    assert find_anchors("Talks had failed the day before.") == []


# --- dating events ----------------------------------------------------------------------


def dated(doc: Document, event: Event) -> tuple[str, str, str | None]:
    choice = resolve_event_date(doc, event)
    assert choice is not None
    said = doc.text[choice.span[0] : choice.span[1]] if choice.span else None
    return choice.date.isoformat(), choice.precision, said


@pytest.fixture(params=[True, False], ids=["parsed", "unparsed"])
def parse(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_nominal_trigger_takes_the_verbs_date(parse: bool) -> None:
    doc = build_doc(
        "Kenya’s air force launched retaliatory airstrikes against Somalia Thursday morning, "
        "in an attack that killed at least seven people.",
        parse=parse,
    )
    ev = add_event(doc, "airstrikes")
    DatesStage()(doc)
    assert dated(doc, ev) == ("2024-01-18", "day", "Thursday morning")
    assert (ev.date, ev.date_precision, ev.date_span) == (
        THU,
        "day",
        find_span(doc, "Thursday morning"),
    )


def test_possessive_date_belongs_to_its_noun(parse: bool) -> None:
    doc = build_doc(
        "The strikes in the Gedo region followed Tuesday’s Somali attack on Kenya that killed "
        "two children in the border province.",
        parse=parse,
    )
    strikes, attack = add_event(doc, "strikes"), add_event(doc, "attack")
    DatesStage()(doc)
    assert dated(doc, attack) == ("2024-01-16", "day", "Tuesday’s")
    assert (strikes.date, strikes.date_span) == (THU, None)  # defaulted


def test_relative_clause_date_belongs_to_the_clauses_noun(parse: bool) -> None:
    doc = build_doc(
        "The militia also staged raids late Monday in two provinces over a suicide bombing "
        "that killed more than 90 people earlier this month.",
        parse=parse,
    )
    raids, bombing = add_event(doc, "raids"), add_event(doc, "bombing")
    DatesStage()(doc)
    assert dated(doc, raids) == ("2024-01-15", "day", "late Monday")
    assert dated(doc, bombing) == ("2024-01-01", "month", "earlier this month")


def test_the_finer_of_two_dates_on_one_verb(parse: bool) -> None:
    doc = build_doc(
        "It was unclear what would follow, but on Wednesday the navy carried out its fourth "
        "round of strikes this week against the rebels.",
        parse=parse,
    )
    ev = add_event(doc, "strikes")
    DatesStage()(doc)
    assert dated(doc, ev) == ("2024-01-17", "day", "Wednesday")
    assert (ev.date, ev.date_precision) == (date(2024, 1, 17), "day")


def test_a_day_after_dates_the_clause_from_the_other_side(parse: bool) -> None:
    doc = build_doc(
        "Thursday’s development came a day after Kenya recalled its ambassador to Mogadishu "
        "because of Tuesday’s strikes inside its northern province.",
        parse=parse,
    )
    recall = add_event(doc, "recalled", "SANCTION")
    strikes = add_event(doc, "strikes")
    DatesStage()(doc)
    assert dated(doc, recall) == ("2024-01-17", "day", "a day after")
    assert dated(doc, strikes) == ("2024-01-16", "day", "Tuesday’s")


def test_days_after_dates_the_main_clause_from_the_clause(parse: bool) -> None:
    doc = build_doc("Troops stormed the town two days after Tuesday’s bombing.", parse=parse)
    stormed = add_event(doc, "stormed")
    add_event(doc, "bombing")
    DatesStage()(doc)
    assert dated(doc, stormed) == ("2024-01-18", "day", "two days after")


def test_two_events_two_dates(parse: bool) -> None:
    doc = build_doc(
        "Rebels attacked the base on Monday and the army retaliated on Wednesday.", parse=parse
    )
    attacked, retaliated = add_event(doc, "attacked"), add_event(doc, "retaliated")
    DatesStage()(doc)
    assert attacked.date == date(2024, 1, 15)
    assert retaliated.date == date(2024, 1, 17)


def test_participle_shares_the_main_clause_date(parse: bool) -> None:
    doc = build_doc("Gunmen stormed a village on Monday, killing six civilians.", parse=parse)
    stormed, killing = add_event(doc, "stormed"), add_event(doc, "killing")
    DatesStage()(doc)
    assert stormed.date == killing.date == date(2024, 1, 15)


def test_earlier_in_the_week(parse: bool) -> None:
    doc = build_doc(
        "Earlier in the week, the navy also shelled positions on the coast.", parse=parse
    )
    ev = add_event(doc, "shelled")
    DatesStage()(doc)
    assert (ev.date, ev.date_precision) == (date(2024, 1, 15), "week")


def test_undated_event_defaults_to_publication(parse: bool) -> None:
    doc = build_doc("Ghana has recalled its ambassador from Togo for consultations.", parse=parse)
    ev = add_event(doc, "recalled", "SANCTION")
    DatesStage()(doc)
    assert (ev.date, ev.date_precision, ev.date_span) == (THU, "day", None)


def test_never_after_publication_unless_future(parse: bool) -> None:
    text = "The minister said talks will resume next Tuesday, after rebels shelled the port."
    doc = build_doc(text, parse=parse)
    talks = add_event(doc, "resume", "CONSULT", aux=["future"])
    shelled = add_event(doc, "shelled")
    DatesStage()(doc)
    assert talks.date == date(2024, 1, 23)
    assert (shelled.date, shelled.date_span) == (THU, None)


def test_future_event_reads_a_weekday_forwards(parse: bool) -> None:
    doc = build_doc("The army will begin a large drill on Tuesday.", parse=parse)
    ev = add_event(doc, "drill", "MOBILIZE", aux=["future"])
    DatesStage()(doc)
    assert ev.date == date(2024, 1, 23)


def test_year_boundary_events(parse: bool) -> None:
    doc = build_doc(
        "Rebels ambushed a convoy last Friday. Protesters marched in the capital on December 30.",
        pub="2024-01-01",
        parse=parse,
    )
    ambush, march = add_event(doc, "ambushed"), add_event(doc, "marched", "PROTEST")
    DatesStage()(doc)
    assert ambush.date == date(2023, 12, 29)
    assert march.date == date(2023, 12, 30)


def test_next_day_across_sentences(parse: bool) -> None:
    doc = build_doc(
        "Fighting broke out in the north on Monday. The next day, rebels seized the airport.",
        parse=parse,
    )
    seized = add_event(doc, "seized", "COERCE")
    DatesStage()(doc)
    assert dated(doc, seized) == ("2024-01-16", "day", "The next day")


def test_dates_stage_fills_mentions_with_sentences() -> None:
    doc = build_doc("Nothing happened. Rebels attacked on Tuesday.", parse=False)
    stage = get_stage_factory("flashpoint.dates.v1")(CoderConfig())
    stage(doc)
    assert [(m.text, m.sentence, m.date) for m in doc.dates] == [("Tuesday", 1, date(2024, 1, 16))]
    assert "doc.events" in stage.requires and "doc.dates" in stage.assigns


def test_document_without_publication_date() -> None:
    doc = build_doc("On 9 May 2020 troops entered the town. Rebels fled.", pub=None, parse=False)
    entered, fled = add_event(doc, "entered", "MOBILIZE"), add_event(doc, "fled", "RETREAT")
    DatesStage()(doc)
    assert entered.date == date(2020, 5, 9)
    assert (fled.date, fled.date_precision) == (None, None)


def test_date_of_the_report_when_the_event_has_none(parse: bool) -> None:
    doc = build_doc("Officials said on Tuesday that rebels had attacked a convoy.", parse=parse)
    ev = add_event(doc, "attacked")
    DatesStage()(doc)
    assert dated(doc, ev) == ("2024-01-16", "day", "Tuesday")


def test_possessive_on_a_noun_that_is_no_event(parse: bool) -> None:
    doc = build_doc("Following Tuesday's meeting, rebels attacked a convoy.", parse=parse)
    ev = add_event(doc, "attacked")
    DatesStage()(doc)
    assert (ev.date, ev.date_span) == (THU, None)


def test_a_date_dates_every_event_of_its_sentence_without_one(parse: bool) -> None:
    doc = build_doc(
        "Police arrested four traders in the port on Tuesday and charged them with smuggling.",
        parse=parse,
    )
    arrested = add_event(doc, "arrested", "COERCE")
    charged = add_event(doc, "charged", "ACCUSE")
    DatesStage()(doc)
    assert arrested.date == charged.date == date(2024, 1, 16)
    assert dated(doc, charged) == ("2024-01-16", "day", "Tuesday")


def test_the_main_clauses_date_dates_its_adverbial_clause(parse: bool) -> None:
    doc = build_doc(
        "On Monday the militia shelled the market while its fighters looted the warehouses.",
        parse=parse,
    )
    shelled, looted = add_event(doc, "shelled"), add_event(doc, "looted", "ASSAULT")
    DatesStage()(doc)
    assert shelled.date == looted.date == date(2024, 1, 15)


def test_a_relative_clauses_date_stays_in_it() -> None:
    doc = build_doc(
        "Rebels attacked the garrison, which the army had recaptured in 2019.", parse=True
    )
    attacked, recaptured = add_event(doc, "attacked"), add_event(doc, "recaptured")
    DatesStage()(doc)
    assert recaptured.date == date(2019, 1, 1)
    assert (attacked.date, attacked.date_span) == (THU, None)


def test_a_relative_clause_on_another_noun_does_not_date_the_event() -> None:
    doc = build_doc(
        "The army recovered the villages that the rebels had seized last month.", parse=True
    )
    recovered = add_event(doc, "recovered")
    DatesStage()(doc)
    assert (recovered.date, recovered.date_span) == (THU, None)


def test_what_a_protest_is_against_does_not_share_its_date() -> None:
    doc = build_doc(
        "On Monday villagers blocked the highway to protest against the killing of a trader.",
        parse=True,
    )
    blocked, killing = add_event(doc, "blocked", "PROTEST"), add_event(doc, "killing")
    DatesStage()(doc)
    assert blocked.date == date(2024, 1, 15)
    assert (killing.date, killing.date_span) == (THU, None)


def test_an_adverbial_clause_on_a_relative_clause_shares_its_date() -> None:
    doc = build_doc(
        "Kivu is the district where 200 people died in 2011 after the militia poisoned wells.",
        parse=True,
    )
    poisoned = add_event(doc, "poisoned")
    DatesStage()(doc)
    assert (poisoned.date, poisoned.date_precision) == (date(2011, 1, 1), "year")


def test_a_relative_clauses_date_does_not_reach_the_main_clause_through_it() -> None:
    doc = build_doc(
        "Troops stormed the camp where 30 people died in 2015 after guards opened fire.",
        parse=True,
    )
    stormed = add_event(doc, "stormed")
    DatesStage()(doc)
    assert (stormed.date, stormed.date_span) == (THU, None)


@pytest.mark.parametrize("opening", ["On 12 January 2024,", "Around 12 January 2024,"])
def test_an_opening_date_dates_every_clause_of_its_sentence(parse: bool, opening: str) -> None:
    """ "On 12 January 2024, traders protested in Eldoret; police fired tear gas": the
    police action in the clause after the semicolon took place on the opening date too."""
    doc = build_doc(
        f"{opening} traders protested against new taxes in Eldoret; police fired tear gas "
        "and arrested nine of them.",
        parse=parse,
    )
    protested, fired = add_event(doc, "protested"), add_event(doc, "fired")
    DatesStage()(doc)
    assert dated(doc, protested)[0] == "2024-01-12"
    assert dated(doc, fired)[:2] == ("2024-01-12", "day")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police defused a bomb planted near a checkpoint in Peshawar on Tuesday.", "defused"),
        ("A man threw a grenade into a crowd watching a football match on Tuesday.", "threw"),
        ("Police dispersed supporters of the mayor who gathered in the square on Tuesday.",
         "dispersed"),
    ],
)  # fmt: skip
def test_a_day_told_in_a_clause_on_the_events_noun_dates_the_event(text: str, trigger: str) -> None:
    doc = build_doc(text, parse=True)
    event = add_event(doc, trigger)
    DatesStage()(doc)
    assert event.date == date(2024, 1, 16)


def test_a_day_told_in_a_clause_on_the_events_object_is_shared_with_that_clauses_event() -> None:
    doc = build_doc("Police fired at students protesting in Dhaka on Tuesday.", parse=True)
    fired, protesting = add_event(doc, "fired"), add_event(doc, "protesting", "PROTEST")
    DatesStage()(doc)
    assert fired.date == protesting.date == date(2024, 1, 16)
