"""Counts: people killed, injured and arrested, and the event each count belongs to."""

from __future__ import annotations

import pytest
from _build import add_event, build_doc

from flashpoint import Coder
from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.stages.base import get_stage_factory
from flashpoint.stages.counts import CountsStage, find_counts, parse_number
from flashpoint.stages.dates import DatesStage

# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("seven", 7, None),
        ("twenty-one", 21, None),
        ("twenty one", 21, None),
        ("a dozen", 12, None),
        ("half a dozen", 6, None),
        ("two dozen", 24, None),
        ("1,300", 1300, None),
        ("3 thousand", 3000, None),
        ("three hundred and five", 305, None),
        ("at least seven", 7, 7),
        ("more than 90", 90, 90),
        ("about 40", 40, None),
        ("dozens", None, 24),
        ("scores", None, 40),
        ("hundreds", None, 200),
        ("thousands", None, 2000),
        ("several", None, 3),
    ],
)
def test_parse_number(text: str, value: int | None, bound: int | None) -> None:
    assert parse_number(text) == (value, bound)


# --- finding counts ---------------------------------------------------------------------

COUNTS = [
    ("An attack killed at least seven persons near the border.", "dead", 7, 7,
     "killed at least seven persons"),
    ("Gunmen opened fire, killing 6 civilians, including 2 women.", "dead", 6, None,
     "killing 6 civilians"),
    ("A bombing killed more than 90 people earlier this month.", "dead", 90, 90,
     "killed more than 90 people"),
    ("The shell killed two children.", "dead", 2, None, "killed two children"),
    ("Dozens killed as floods of gunfire swept the town.", "dead", None, 24, "Dozens killed"),
    ("Dozens were killed in the clashes.", "dead", None, 24, "Dozens were killed"),
    ("Scores were killed in the raid.", "dead", None, 40, "Scores were killed"),
    ("Hundreds were killed in the siege.", "dead", None, 200, "Hundreds were killed"),
    ("Several people were killed overnight.", "dead", None, 3, "Several people were killed"),
    ("A death toll of 15 was confirmed.", "dead", 15, None, "death toll of 15"),
    ("The death toll rose to at least 32.", "dead", 32, 32, "death toll rose to at least 32"),
    ("15 people died in the fire.", "dead", 15, None, "15 people died"),
    ("The bodies of 4 soldiers were found.", "dead", 4, None, "bodies of 4 soldiers"),
    ("Rescuers recovered 12 bodies from the rubble.", "dead", 12, None, "12 bodies"),
    ("One person was killed.", "dead", 1, None, "One person was killed"),
    ("An engineer was killed in the blast.", "dead", 1, None, "An engineer was killed"),
    ("A soldier died of his wounds.", "dead", 1, None, "A soldier died"),
    ("An 18-year-old was killed at the checkpoint.", "dead", 1, None,
     "An 18-year-old was killed"),
    ("Militants shot dead a journalist.", "dead", 1, None, "shot dead a journalist"),
    ("Twenty-one soldiers died.", "dead", 21, None, "Twenty-one soldiers died"),
    ("A dozen were killed.", "dead", 12, None, "A dozen were killed"),
    ("The strike killed 1,300 people.", "dead", 1300, None, "killed 1,300 people"),
    ("Six people, including two children, were killed.", "dead", 6, None,
     "Six people, including two children, were killed"),
    ("Police say 15 deaths were recorded.", "dead", 15, None, "15 deaths"),
    ("Twelve people were found dead.", "dead", 12, None, "Twelve people were found dead"),
    ("The grenade wounded 3.", "injured", 3, None, "wounded 3"),
    ("The bomb exploded, injuring more than 100.", "injured", 100, 100,
     "injuring more than 100"),
    ("Several people were injured.", "injured", None, 3, "Several people were injured"),
    ("Police arrested 12 protesters.", "arrested", 12, None, "arrested 12 protesters"),
    ("Soldiers detained 45 in the raid.", "arrested", 45, None, "detained 45"),
    ("Officers rounded up dozens of activists.", "arrested", None, 24,
     "rounded up dozens of activists"),
    ("1,300 people were detained.", "arrested", 1300, None, "1,300 people were detained"),
    ("Hundreds were arrested overnight.", "arrested", None, 200, "Hundreds were arrested"),
    ("Police made 30 arrests.", "arrested", 30, None, "30 arrests"),
    # two groups add up; one named victim is one
    ("Three guards and a driver were killed at the depot.", "dead", 4, None,
     "Three guards and a driver were killed"),
    ("Two nurses and four patients were wounded.", "injured", 6, None,
     "Two nurses and four patients were wounded"),
    ("Two farmers and three police officers died in the raid.", "dead", 5, None,
     "Two farmers and three police officers died"),
    ("The ambush killed four soldiers and two civilians.", "dead", 6, None,
     "killed four soldiers and two civilians"),
    ("Bandits killed a herder and two of his sons' guards.", "dead", 1, None,
     "killed a herder"),
    ("Police detained a cleric and three teachers.", "arrested", 4, None,
     "detained a cleric and three teachers"),
    ("Gunmen shot dead a village chief and his two sons.", "dead", 3, None,
     "shot dead a village chief and his two sons"),
    ("Bandits killed a herder and his wife near the well.", "dead", 2, None,
     "killed a herder and his wife"),
    ("A soldier and a customs officer were killed at the post.", "dead", 2, None,
     "A soldier and a customs officer were killed"),
    ("A policeman was killed when the convoy hit a mine.", "dead", 1, None,
     "A policeman was killed"),
    ("The victim died in hospital on Friday.", "dead", 1, None, "The victim died"),
    ("The wounded officer died overnight.", "dead", 1, None, "The wounded officer died"),
    # the people armed groups and the poor are counted as ("a vigilante", "a labourer")
    ("Gunmen killed ten villagers and a vigilante near the market.", "dead", 11, None,
     "killed ten villagers and a vigilante"),
    ("Militants killed four militiamen and a civilian at the well.", "dead", 5, None,
     "killed four militiamen and a civilian"),
    ("Police shot dead a labourer outside the depot.", "dead", 1, None,
     "shot dead a labourer"),
    # killing told as beheading, lynching or "to death"
    ("Militants beheaded four civilians in the village.", "dead", 4, None,
     "beheaded four civilians"),
    ("A mob lynched two suspected thieves.", "dead", 2, None, "lynched two"),
    ("Three farmers were hacked to death by herders.", "dead", 3, None,
     "Three farmers were hacked to death"),
    # vague numbers give no exact count, only what is sure
    ("Dozens of villagers were killed.", "dead", None, 24, "Dozens of villagers were killed"),
    ("An unknown number of miners were killed.", "dead", None, 1,
     "An unknown number of miners were killed"),
    ("A number of students were detained.", "arrested", None, 2,
     "A number of students were detained"),
    # "both", after two people were named: two
    ("Both were killed in the ambush.", "dead", 2, None, "Both were killed"),
    ("Both died on the way to hospital.", "dead", 2, None, "Both died"),
    ("Both of them were taken into custody.", "arrested", 2, None,
     "Both of them were taken into custody"),
    ("Both herders were wounded by the blast.", "injured", 2, None,
     "Both herders were wounded"),
    ("The guards were both shot dead at the gate.", "dead", 2, None, "were both shot dead"),
    # one victim named by role or kin with a determiner: "the", "his", "their", "a"
    ("A car bomb went off, killing the mechanic.", "dead", 1, None, "killing the mechanic"),
    ("Gunmen stormed a farm and killed its owner.", "dead", 1, None, "killed its owner"),
    ("A man shot dead his neighbour after a quarrel.", "dead", 1, None,
     "shot dead his neighbour"),
    ("The gunmen killed the mayor in 2019.", "dead", 1, None, "killed the mayor"),
    ("Robbers killed a shopkeeper's nephew at dawn.", "dead", 1, None,
     "killed a shopkeeper"),
    ("A crowd beat to death a suspected informant.", "dead", 1, None,
     "beat to death a suspected informant"),
    ("Rioters stabbed to death a rival supporter.", "dead", 1, None,
     "stabbed to death a rival supporter"),
    ("The watchman of the depot was shot dead.", "dead", 1, None,
     "The watchman of the depot was shot dead"),
    ("A teacher of the school was killed on Monday.", "dead", 1, None,
     "A teacher of the school was killed"),
    ("A mine killed six troops and their driver.", "dead", 7, None,
     "killed six troops and their driver"),
    # a list of victims mixing one person and a group is their sum
    ("A drone strike killed a Kurdish militia commander and four guards.", "dead", 5, None,
     "killed a Kurdish militia commander and four guards"),
    ("The attacker blew himself up, killing himself and two guards.", "dead", 3, None,
     "killing himself and two guards"),
    # one number for two kinds of people; a bomber "besides himself"
    ("Officials said five policemen and soldiers were killed.", "dead", 5, None,
     "five policemen and soldiers were killed"),
    ("The bomber blew himself up, killing four guards besides himself.", "dead", 5, None,
     "killing four guards besides himself"),
    # a pronoun object is one person named before, and his companions are added
    ("A bomb hit the commander's car, killing him and his bodyguard.", "dead", 2, None,
     "killing him and his bodyguard"),
    ("Gunmen ambushed the chief, killing him and his three sons.", "dead", 4, None,
     "killing him and his three sons"),
    ("A sniper shot the mayor on Friday, killing her.", "dead", 1, None, "killing her"),
    ("Bandits stabbed to death a herder and shot dead his cousin.", "dead", 2, None,
     "stabbed to death a herder and shot dead his cousin"),
    # a list of singular roles, one each
    ("A police inspector, a lieutenant and a driver were wounded.", "injured", 3, None,
     "A police inspector, a lieutenant and a driver were wounded"),
    ("A nurse, a cook, a guard and a porter died in the fire.", "dead", 4, None,
     "A nurse, a cook, a guard and a porter died"),
    # one person named before, told by a pronoun
    ("The herder was beaten. She died in hospital.", "dead", 1, None, "She died"),
    ("Gunmen seized a trader. He was later shot dead.", "dead", 1, None,
     "He was later shot dead"),
    # hurt first, then dead
    ("Two miners were trapped and died.", "dead", 2, None, "Two miners were trapped and died"),
    # a known part and an unknown number: the known part, at least
    ("Three guards and an unknown number of bandits were killed.", "dead", 3, 3,
     "Three guards and an unknown number of bandits were killed"),
    ("Two rangers and three of the poachers were killed.", "dead", 5, None,
     "Two rangers and three of the poachers were killed"),
    # people nouns of the count patterns
    ("Four volunteers were killed.", "dead", 4, None, "Four volunteers were killed"),
    ("The raid killed a volunteer and two rangers.", "dead", 3, None,
     "killed a volunteer and two rangers"),
    # one victim named by any singular noun after a killing verb
    ("A masked gunman shot dead a money changer at Suq al-Ghazl on Monday.", "dead", 1, None,
     "shot dead a money changer"),
    ("Border guards killed a suspected arms trafficker near Zahedan.", "dead", 1, None,
     "killed a suspected arms trafficker"),
    ("A mob hacked to death an elderly healer in Kasai.", "dead", 1, None,
     "hacked to death an elderly healer"),
    ("The blast killed a further three soldiers.", "dead", 3, None,
     "killed a further three soldiers"),
    # a definite number of victims in a result clause
    ("A mine went off under a tractor in Uruzgan, killing the three herders aboard it.",
     "dead", 3, None, "killing the three herders"),
    # a group and one person named by a possessive
    ("Three customs officers and their driver were killed in the ambush.", "dead", 4, None,
     "Three customs officers and their driver were killed"),
    ("A magistrate and his bodyguard were shot dead in Kisumu.", "dead", 2, None,
     "A magistrate and his bodyguard were shot dead"),
    # a suicide bomber named after his victims
    ("The bomber struck a Levies post in Kalat, killing four Levies personnel and himself.",
     "dead", 5, None, "killing four Levies personnel and himself"),
    # a pronoun object is the people counted before it
    ("Villagers seized three alleged cattle thieves and hacked them to death.", "dead", 3,
     None, "three alleged cattle thieves and hacked them to death"),
    ("Traders cornered a suspected pickpocket and beat him to death.", "dead", 1, None,
     "a suspected pickpocket and beat him to death"),
    # one person harmed and killed by two verbs: "was abducted and killed"
    ("A 12-year-old boy was abducted and killed by gunmen in Zamfara.", "dead", 1, None,
     "A 12-year-old boy was abducted and killed"),
    ("Two herders were tortured and killed near Mopti.", "dead", 2, None,
     "Two herders were tortured and killed"),
    # a pronoun victim of a killing "to death" or "dead", however far its noun is
    ("A crowd pulled a driver out of his cab near the market in Ibadan on Friday night and "
     "stabbed him to death.", "dead", 1, None, "stabbed him to death"),
    # one person described by a relative clause
    ("A guard who tried to stop the raiders was shot dead.", "dead", 1, None,
     "A guard who tried to stop the raiders was shot dead"),
    # one number for two kinds of people, tribesmen among them
    ("Twelve soldiers and tribesmen were killed in the assault.", "dead", 12, None,
     "Twelve soldiers and tribesmen were killed"),
    # the object of a killing verb and another verb joined to it ("lynched and burned")
    ("A crowd lynched and burned two suspected thieves at the market.", "dead", 2, None,
     "lynched and burned two"),
    # those who said it are no victims of the list before them
    ("A drone hit a bus near Dessie on Monday, killing 9 people, a nurse and two residents "
     "said.", "dead", 9, None, "killing 9 people"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "value", "bound", "said"), COUNTS)
def test_count_phrasings(
    text: str, kind: str, value: int | None, bound: int | None, said: str
) -> None:
    (count,) = find_counts(text)
    assert (count.kind, count.value, count.lower_bound, count.text) == (kind, value, bound, said)
    assert text[count.span[0] : count.span[1]] == said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast left 12 dead and 30 wounded.", [("dead", 12), ("injured", 30)]),
        ("They killed 5 people and wounded 12 others.", [("dead", 5), ("injured", 12)]),
        ("Troops killed three militants and seized two trucks.", [("dead", 3)]),
        (
            "The blast killed six soldiers and a nurse and wounded nine others.",
            [("dead", 7), ("injured", 9)],
        ),
        ("At least 15 people were killed and 30 wounded.", [("dead", 15), ("injured", 30)]),
        ("There were no casualties.", [("dead", 0), ("injured", 0)]),
        ("No one was hurt.", [("dead", 0), ("injured", 0)]),
        ("Nobody was injured in the blaze.", [("dead", 0), ("injured", 0)]),
        ("No one was killed, but 5 were injured.", [("dead", 0), ("injured", 5)]),
        ("There were no deaths.", [("dead", 0)]),
        ("No one was arrested.", [("arrested", 0)]),
        # "them" is the two arrested men: both counts stand
        ("Rangers arrested two poachers and shot them dead.", [("arrested", 2), ("dead", 2)]),
    ],
)
def test_several_counts_in_one_sentence(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.value) for c in find_counts(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The gunmen killed villagers in 2019.",  # a year
        "Two of the people wounded in the blast were flown abroad.",  # no verb of its own
        "An 18-year-old protester was questioned.",  # an age
        "The strike caused $5 million in damage.",  # money
        "The two countries share a 560-mile border.",  # a distance
        "The militia controls 40% of the province.",  # a percentage
        "Rebels attacked the town at 10 am.",  # a time
        "Both sides killed civilians in the fighting.",  # "both" with an active verb
        "Both killed the guards before fleeing.",  # active, its object follows
        "There were no immediate reports of casualties.",  # unknown, not zero
        "Farmers caught two cattle thieves and beat them.",  # beaten, not killed
        "Gunmen shot at the mayor's car, missing him and his driver.",  # not a killing verb
    ],
)
def test_not_counts(text: str) -> None:
    assert find_counts(text) == []


def test_years_ages_and_parts_are_not_counts() -> None:
    found = find_counts("In 2019 gunmen killed 3 villagers, among them 2 teachers aged 40.")
    assert [(c.kind, c.value) for c in found] == [("dead", 3)]


def test_active_verb_after_a_numbered_subject() -> None:
    found = find_counts("Three gunmen killed 12 villagers.")
    assert [(c.kind, c.value) for c in found] == [("dead", 12)]


def test_offsets_are_article_offsets() -> None:
    (count,) = find_counts("Gunmen killed 4 people.", offset=100, sentence=3)
    assert (count.span, count.sentence) == ((107, 122), 3)


# --- attaching counts to events ---------------------------------------------------------


@pytest.fixture(params=[True, False], ids=["parsed", "unparsed"])
def parse(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_relative_clause_on_a_same_time_noun(parse: bool) -> None:
    doc = build_doc(
        "Kenya’s air force launched retaliatory airstrikes against Somalia Thursday morning, "
        "in an attack that killed at least seven people and sent tensions soaring.",
        parse=parse,
    )
    ev = add_event(doc, "airstrikes")
    CountsStage()(doc)
    assert (ev.dead, ev.dead_lower_bound) == (7, 7)
    assert doc.text[ev.count_spans["dead"][0] : ev.count_spans["dead"][1]] == (
        "killed at least seven people"
    )


def test_relative_clause_goes_to_its_noun_event(parse: bool) -> None:
    doc = build_doc(
        "The strikes in the Gedo region followed Tuesday’s Somali attack on Kenya that killed "
        "two children in the border province.",
        parse=parse,
    )
    strikes, attack = add_event(doc, "strikes"), add_event(doc, "attack")
    CountsStage()(doc)
    assert attack.dead == 2
    assert strikes.dead is None


def test_bombing_count_does_not_go_to_the_airstrikes(parse: bool) -> None:
    text = (
        "The militia also staged airstrikes late Monday in two provinces over a suicide "
        "bombing that killed more than 90 people earlier this month."
    )
    doc = build_doc(text, parse=parse)
    raids, bombing = add_event(doc, "airstrikes"), add_event(doc, "bombing")
    CountsStage()(doc)
    assert (bombing.dead, bombing.dead_lower_bound) == (90, 90)
    assert raids.dead is None
    # the bombing not coded as an event: the count stays with nobody
    alone = build_doc(text, parse=parse)
    raids_alone = add_event(alone, "airstrikes")
    CountsStage()(alone)
    assert raids_alone.dead is None
    assert [c.value for c in alone.counts] == [90]


def test_participle_goes_to_the_main_clause(parse: bool) -> None:
    doc = build_doc(
        "Gunmen stormed a village on Monday, killing 6 civilians, including 2 women.", parse=parse
    )
    ev = add_event(doc, "stormed")
    CountsStage()(doc)
    assert ev.dead == 6


def test_counts_on_the_trigger_verb(parse: bool) -> None:
    doc = build_doc(
        "Police arrested 12 protesters during a demonstration in the capital.", parse=parse
    )
    arrest = add_event(doc, "arrested", "COERCE", mode="arrest")
    demo = add_event(doc, "demonstration", "PROTEST")
    CountsStage()(doc)
    assert arrest.arrested == 12
    assert demo.arrested is None


def test_dead_and_wounded_on_one_event(parse: bool) -> None:
    doc = build_doc("The car bombing left 12 dead and 30 wounded.", parse=parse)
    ev = add_event(doc, "bombing")
    CountsStage()(doc)
    assert (ev.dead, ev.injured) == (12, 30)
    assert set(ev.count_spans) == {"dead", "injured"}


def test_no_one_hurt(parse: bool) -> None:
    doc = build_doc("Rockets struck an empty school, and no one was hurt.", parse=parse)
    ev = add_event(doc, "struck")
    CountsStage()(doc)
    assert (ev.dead, ev.injured) == (0, 0)


def test_vague_count_gives_only_a_lower_bound(parse: bool) -> None:
    doc = build_doc("Dozens were killed in the clashes near the dam.", parse=parse)
    ev = add_event(doc, "clashes")
    CountsStage()(doc)
    assert (ev.dead, ev.dead_lower_bound) == (None, 24)


def test_next_sentence_continues_the_event(parse: bool) -> None:
    doc = build_doc(
        "Militants attacked a police post in the north on Sunday. The blast killed 5.",
        parse=parse,
    )
    ev = add_event(doc, "attacked")
    CountsStage()(doc)
    assert ev.dead == 5


def test_next_sentence_with_its_own_event_keeps_its_count(parse: bool) -> None:
    doc = build_doc(
        "Militants attacked a police post in the north. Rebels ambushed a convoy, killing 5.",
        parse=parse,
    )
    first, second = add_event(doc, "attacked"), add_event(doc, "ambushed")
    CountsStage()(doc)
    assert (first.dead, second.dead) == (None, 5)


def test_a_higher_later_toll_wins(parse: bool) -> None:
    doc = build_doc("The bombing killed 12 people. The death toll later rose to 15.", parse=parse)
    ev = add_event(doc, "bombing")
    CountsStage()(doc)
    assert ev.dead == 15


def test_verbal_events_get_no_count_by_position(parse: bool) -> None:
    doc = build_doc("Nairobi condemned the raid and said it killed two children.", parse=parse)
    ev = add_event(doc, "condemned", "ACCUSE")
    CountsStage()(doc)
    assert ev.dead is None
    assert [c.value for c in doc.counts] == [2]


def test_cause_in_a_when_clause(parse: bool) -> None:
    doc = build_doc("Five people were killed when gunmen attacked a bus.", parse=parse)
    ev = add_event(doc, "attacked")
    CountsStage()(doc)
    assert ev.dead == 5


def test_counts_stage_from_the_registry() -> None:
    doc = build_doc("Nothing happened. Troops detained 45 men.", parse=False)
    stage = get_stage_factory("flashpoint.counts.v1")(CoderConfig())
    stage(doc)
    assert [(c.kind, c.value, c.sentence) for c in doc.counts] == [("arrested", 45, 1)]
    assert "doc.events" in stage.requires and "doc.counts" in stage.assigns


def _counted(doc: Document) -> None:
    DatesStage()(doc)
    CountsStage()(doc)


def test_a_toll_in_a_relative_clause_with_its_own_past_year_stays_in_it(parse: bool) -> None:
    doc = build_doc(
        "Militias burned a market in Beni on Sunday. Beni is the town where 600 people died "
        "in 2014.",
        parse=parse,
    )
    ev = add_event(doc, "burned")
    _counted(doc)
    assert ev.dead is None


def test_a_toll_in_a_past_relative_clause_goes_to_the_event_inside_it() -> None:
    doc = build_doc(
        "Gunmen raided a camp on Sunday. It is the camp where 80 people died in 2016 after "
        "soldiers opened fire.",
        parse=True,
    )
    raided, fire = add_event(doc, "raided"), add_event(doc, "opened fire")
    _counted(doc)
    assert (raided.dead, fire.dead) == (None, 80)


@pytest.mark.parametrize(
    "second",
    [
        "2020 was the deadliest year, with 700 killed.",
        "It was the bloodiest month since 2018, with 250 dead.",
        "Last year was the worst year on record for the region, with 1,100 people killed.",
    ],
)
def test_a_toll_of_a_period_ranked_by_its_toll_is_no_events(parse: bool, second: str) -> None:
    doc = build_doc(f"Bandits raided a village in Zamfara on Sunday. {second}", parse=parse)
    ev = add_event(doc, "raided")
    _counted(doc)
    assert ev.dead is None


def test_a_ranked_day_is_one_days_toll(parse: bool) -> None:
    doc = build_doc(
        "Bandits raided a village in Zamfara on Sunday. It was the deadliest day of the year, "
        "with 40 killed.",
        parse=parse,
    )
    ev = add_event(doc, "raided")
    _counted(doc)
    assert ev.dead == 40


def test_both_in_the_next_sentence_is_the_two_named_victims(parse: bool) -> None:
    doc = build_doc(
        "Gunmen shot a trader and his driver near Baidoa on Friday. Both died in hospital.",
        parse=parse,
    )
    ev = add_event(doc, "shot")
    _counted(doc)
    assert ev.dead == 2


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("In the clash six bandits were killed, and a passer-by died later in hospital.", 7),
        ("In the clash two policemen were killed and the governor said 9 bandits died.", 11),
        # a running total is no other set of victims
        ("In the clash two policemen were killed, and the toll later rose to 9.", 9),
    ],
)
def test_two_sets_of_victims_in_one_sentence_are_summed(parse: bool, text: str, dead: int) -> None:
    doc = build_doc(text, parse=parse)
    ev = add_event(doc, "clash")
    CountsStage()(doc)
    assert ev.dead == dead


@pytest.mark.parametrize("text", ["He was arrested on Monday.", "He killed two guards."])
def test_a_pronoun_is_no_count_of_one_unless_dead(text: str) -> None:
    assert [(c.kind, c.value) for c in find_counts(text) if c.value == 1] == []


def test_an_event_named_by_the_victims_does_not_take_their_count(parse: bool) -> None:
    doc = build_doc("Troops fired on a crowd in the square, killing 12 demonstrators.", parse=parse)
    fire = add_event(doc, "fired")
    crowd = add_event(doc, "demonstrators", "PROTEST")
    CountsStage()(doc)
    assert (fire.dead, crowd.dead) == (12, None)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Soldiers rounded up and executed nine herders near Menaka.", "executed"),
        ("Nine herders were executed near Menaka.", "executed"),
    ],
)
def test_people_executed_are_dead(parse: bool, text: str, trigger: str) -> None:
    doc = build_doc(text, parse=parse)
    ev = add_event(doc, trigger)
    CountsStage()(doc)
    assert ev.dead == 9


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # not "a ravine and 7 passengers": a thing after a preposition is nobody
        ("The truck plunged into a ravine and 7 passengers died.", 7),
        # "neutralised" is the army's word for killed
        ("The army said it neutralised 14 insurgents near Kidal.", 14),
        # one person who did something and died
        ("A herder trod on a mine near his camp and died.", 1),
    ],
)
def test_count_phrasings_of_3_december(parse: bool, text: str, dead: int) -> None:
    assert [c.value for c in find_counts(text) if c.kind == "dead"] == [dead]


def test_two_tolls_across_a_semicolon_are_summed_at_least(parse: bool) -> None:
    doc = build_doc("In the clash over 40 bandits were killed; 3 soldiers also died.", parse=parse)
    ev = add_event(doc, "clash")
    CountsStage()(doc)
    assert ev.dead == 43 and ev.dead_lower_bound == 43


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("A villager stepped on a mine near Kalehe (Sud-Kivu) and died.", 1),
        ("A mob stoned and burned to death four suspected thieves.", 4),
    ],
)
def test_count_phrasings_with_brackets_and_burning(parse: bool, text: str, dead: int) -> None:
    assert [c.value for c in find_counts(text) if c.kind == "dead"] == [dead]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("A crowd beat three suspected cattle thieves to death near Isiolo.", 3),
        ("A mob beat a suspected pickpocket to death in Kano.", 1),
    ],
)
def test_victims_between_the_verb_and_to_death_are_dead(parse: bool, text: str, dead: int) -> None:
    assert [c.value for c in find_counts(text) if c.kind == "dead"] == [dead]


def test_the_dead_of_a_march_go_to_the_force_used_on_it(coder) -> None:
    # the parse hangs "killing" on "marching": the marchers did not kill, the shooting did
    text = (
        "Riot police fired live rounds at thousands of people marching towards the presidential "
        "palace in Conakry on Monday to demand an end to military rule, killing four protesters."
    )
    events = coder.code(text, pub_date="2025-05-06")
    by_type = {e.event_type: e.dead for e in events}
    assert by_type.get("ASSAULT") == 4
    assert by_type.get("PROTEST") is None


@pytest.mark.parametrize(
    "second",
    ["The bomber also died.", "The attacker was also killed in the blast."],
)
def test_a_suicide_bombers_own_death_told_later_adds_to_the_toll(coder, second) -> None:
    text = (
        "A suicide bomber blew himself up at a market in Maiduguri on Friday, killing four "
        f"traders, police said. {second}"
    )
    (event,) = [e for e in coder.code(text, pub_date="2025-05-06") if e.mode == "suicide-attack"]
    assert event.dead == 5


def test_a_toll_that_already_holds_the_bomber_is_not_added_to(coder) -> None:
    text = (
        "A suicide bomber blew himself up at a market in Maiduguri on Friday, killing himself "
        "and four traders, police said. The bomber was a teenage girl."
    )
    (event,) = [e for e in coder.code(text, pub_date="2025-05-06") if e.mode == "suicide-attack"]
    assert event.dead == 5


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # "both" + people is two, also as the second set of victims
        ("Three guards and both gunmen were killed in the exchange.", 5),
        ("The blast killed two porters and both attackers.", 4),
        # one person told with a participle phrase or a relative clause, then "died"
        ("A herder caught in the crossfire also died, the mayor said.", 1),
        ("One policeman who was hit by a stray bullet died in hospital.", 1),
        ("Two girls trapped under the rubble died before help came.", 2),
        # a name given to the last person counted
        ("Two soldiers and a rebel commander known as 'Tigre' were killed.", 3),
        ("A guard and a driver identified as Musa Ali were killed.", 2),
        # an ordinal alone names one more victim
        ("Four men died at the scene and a fifth, a boy, died later in hospital.", 4 + 1),
        # a hyphenated word before the person: "a nine-year-old girl"
        ("A stray shell killed a six-year-old boy, the hospital said.", 1),
        ("Gunmen shot dead a well-known singer, his manager said.", 1),
        # people told with a participle phrase, then a passive "killed" (not only "died")
        ("Three farmers working in a field near the border were killed, the mayor said.", 3),
        ("A boy caught in the crossfire was shot dead outside his home.", 1),
        ("Four guards and a cook trapped inside the compound were killed in the raid.", 5),
        ("Nine people died and twelve others were wounded in the blast.", 9),
    ],
)
def test_count_phrasings_of_6_december(parse: bool, text: str, dead: int) -> None:
    assert sum(c.value or 0 for c in find_counts(text) if c.kind == "dead") == dead


def test_the_bodies_of_two_sets_of_victims_are_summed() -> None:
    counts = find_counts("Elders counted the bodies of six militiamen and a herder in the bush.")
    assert [(c.kind, c.value) for c in counts] == [("dead", 7)]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # "a fourth soldier" is one more than the three told before
        (
            "Rebels ambushed a patrol near Oruro. Three soldiers were killed. "
            "A fourth soldier died of his wounds the next day.",
            4,
        ),
        (
            "Rebels ambushed a patrol near Oruro. Six soldiers were killed, and a seventh died "
            "on the way to hospital.",
            7,
        ),
        (
            "Rebels ambushed a patrol near Oruro. Two soldiers were killed. Another soldier "
            "died in hospital on Friday.",
            3,
        ),
        # a later total is no extra victim
        (
            "Rebels ambushed a patrol near Oruro. Two soldiers were killed. The toll rose to "
            "five on Friday.",
            5,
        ),
    ],
)
def test_one_more_victim_adds_to_the_toll(parse: bool, text: str, dead: int) -> None:
    doc = build_doc(text, parse=parse)
    ev = add_event(doc, "ambushed")
    CountsStage()(doc)
    assert ev.dead == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # several suicide bombers "as well as themselves": the bombers counted before count
        (
            "Three suicide bombers struck a bus station in Gwoza, killing six travellers as well "
            "as themselves, officials said.",
            6 + 3,
        ),
        (
            "Two female suicide bombers blew themselves up at a mosque, killing four worshippers "
            "and themselves.",
            4 + 2,
        ),
        # one bomber "along with himself"
        ("A bomber detonated a vest at a cafe, killing seven customers along with himself.", 7 + 1),
        # people "of" a group named in up to four words before "were killed"
        ("Four fighters of the Sudan People's Liberation Army were killed near Wau.", 4),
        # an aside on the victims between the number and the verb
        ("Twenty villagers, most of them women and children, were killed in the raid.", 20),
        ("Nine people, many of whom were traders, were killed at the market.", 9),
    ],
)
def test_count_phrasings_of_the_second_6_december(text: str, dead: int) -> None:
    assert sum(c.value or 0 for c in find_counts(text) if c.kind == "dead") == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # "also" tells victims besides those counted before
        (
            "Rebels ambushed a patrol near Oruro, killing three soldiers. Two civilians also "
            "died, the army said.",
            5,
        ),
        # the wounded who died later are victims besides those killed outright
        (
            "Rebels ambushed a patrol near Oruro, killing three soldiers. A driver wounded in "
            "the ambush died in hospital on Friday.",
            4,
        ),
        (
            "Rebels ambushed a patrol near Oruro, killing three soldiers. Two soldiers who "
            "were wounded died overnight.",
            5,
        ),
        # no "also": a later, higher toll is the same victims told again
        (
            "Rebels ambushed a patrol near Oruro, killing three soldiers. Five soldiers died in "
            "all, the army said.",
            5,
        ),
    ],
)
def test_later_victims_add_to_the_toll(parse: bool, text: str, dead: int) -> None:
    doc = build_doc(text, parse=parse)
    ev = add_event(doc, "ambushed")
    CountsStage()(doc)
    assert ev.dead == dead


def test_a_later_fights_also_dead_add_to_the_first_telling(coder) -> None:
    text = (
        "Troops repelled an attack by insurgents on a base in Bama, Borno state, on Monday, "
        "killing 14 of the attackers. Three soldiers also died in the gunfight, the army said."
    )
    events = [e for e in coder.code(text, pub_date="2025-05-06") if e.event_type == "ASSAULT"]
    assert max(e.dead or 0 for e in events) == 17


# --- lists of groups and breakdowns between the people and their verb ---------------------


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        # each item of a list counts its own number ("a civilian": one)
        ("Two soldiers, three policemen and a civilian were killed.", 6, None),
        ("At least two soldiers, three policemen and a civilian were killed.", 6, 6),
        ("Dozens of soldiers, three policemen and a civilian were killed.", None, 28),
        ("An army colonel, a major and a police officer were killed.", 3, None),
        # a breakdown between dashes or commas does not hide the number it breaks down
        (
            "Nine people - eight members of the reserve guard and their driver - were killed.",
            9,
            None,
        ),
        ("Nine people, eight guards and their driver, were killed on Monday.", 9, None),
    ],
)
def test_lists_and_breakdowns_of_the_dead(text: str, value: int | None, bound: int | None) -> None:
    dead = [c for c in find_counts(text) if c.kind == "dead"]
    assert [(c.value, c.lower_bound) for c in dead] == [(value, bound)]


@pytest.mark.parametrize(
    "text",
    [
        "A shell struck a house in the village, killing an elderly couple.",
        "A young couple was shot dead at a checkpoint.",
        "An elderly couple died in the fire.",
    ],
)
def test_a_couple_is_two_dead(text: str) -> None:
    assert [(c.kind, c.value) for c in find_counts(text)] == [("dead", 2)]


def test_a_couple_of_hours_is_no_toll() -> None:
    assert find_counts("Killing a couple of hours, they waited.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman said nine soldiers and three of his own fighters were killed.",
        "Nine soldiers and three of their comrades were killed.",
    ],
)
def test_a_second_number_of_someones_people_adds_to_the_first(text: str) -> None:
    assert [(c.kind, c.value) for c in find_counts(text)] == [("dead", 12)]


def test_whose_people_the_first_item_are_does_not_end_the_sum(coder: Coder) -> None:
    text = (
        "Rebels blew up a truck on Monday, killing eight members of a police unit and their "
        "civilian driver."
    )
    (event,) = [e for e in coder.code(text, pub_date="2025-01-07") if e.dead is not None]
    assert event.dead == 9


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a list as the killing's object: each item its own number, one person per "a"/"his"
        ("Militants killed a village elder, his wife and three other men in a raid on Friday.", 5),
        ("Gunmen killed two soldiers, three policemen and a civilian in the attack.", 6),
        # "their driver", "the bomber": one person each in a passive list
        (
            "A bomber rammed a car into a convoy on Monday. Five engineers, their driver and the "
            "bomber were killed.",
            7,
        ),
    ],
)
def test_each_item_of_a_list_of_victims_counts(coder: Coder, text: str, dead: int) -> None:
    tolls = [e.dead for e in coder.code(text, pub_date="2025-01-07") if e.dead is not None]
    assert dead in tolls


def test_a_later_tally_is_the_leads_toll(coder: Coder) -> None:
    text = (
        "On 19 August 2023, a man threw a hand grenade into a tea shop in the market town. "
        "2 fatalities, a soldier and a tea seller; 6 others wounded."
    )
    coded = coder.code(text, pub_date="2023-08-20")
    top = max(coded, key=lambda e: e.confidence)
    assert (top.acled_sub_event_type, top.dead) == ("Grenade", 2)
