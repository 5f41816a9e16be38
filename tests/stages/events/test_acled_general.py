"""ACLED sub-types by general patterns (issue 9): who fought, what a weapon word means,
who took a place and how, what a protest is against, and ordinary crime. Every sentence is
invented; each is coded end to end."""

from __future__ import annotations

import pytest
from _coded import top_acled_sub

from flashpoint import Coder
from flashpoint.stages.events.stage import sentence_words

CASES = [
    # plural and colloquial weapon words
    ("Two kamikazes blew themselves up at a bus depot, killing five people.", "Suicide bomb"),
    ("Army choppers struck rebel hideouts in the hills overnight.", "Air/drone strike"),
    # gaining ground takes territory; who was driven out tells who took it
    ("Insurgents gained ground in the western part of the province.",
     "Non-state actor overtakes territory"),
    ("Government troops drove the militants out of the village after a day of fighting.",
     "Government regains territory"),
    # recovering or driving back from a place takes it; recovering bodies is a finding
    ("Government forces recovered two villages near the border from the rebels.",
     "Government regains territory"),
    ("Soldiers drove back the insurgents from a hilltop east of the town.",
     "Government regains territory"),
    ("Rescuers recovered the bodies of three fishermen from the lake.", "Other"),
    # a place taken after its holders withdrew, no fighting told: it changed hands peacefully
    ("The jihadists recaptured the oasis town after the army pulled out of it.",
     "Non-violent transfer of territory"),
    # holders who withdrew under fire, or a camp overrun, were fought for it
    ("Government forces regained control of the town after the rebels withdrew under fire.",
     "Government regains territory"),
    ("Rebels overran the army camp on the river after the soldiers withdrew.",
     "Non-state actor overtakes territory"),
    # a place taken stays taken when a later sentence tells a victim or the weapon
    ("Rebels took control of the mining town on Tuesday, local sources said. A civilian was "
     "killed by a stray bullet, an administrator said.",
     "Non-state actor overtakes territory"),
    # any accord between a state and an armed group is an agreement of the conflict;
    # two states building a railway are not parties to one
    ("The government and the Houthi movement agreed on Thursday to reopen the main road "
     "into the city.", "Agreement"),
    ("Kenya and Uganda agreed to build a new railway line.", None),
    # inaugurating or building a military base establishes it, as opening one does
    ("The armed forces on Tuesday inaugurated a new operational base in the border town.",
     "Headquarters or base established"),
    ("China is building a naval base on the coast, satellite images show.",
     "Headquarters or base established"),
    # clans and tribes that fight each other are communal militias: a clash, not a mob
    ("Two rival clans clashed over grazing land in the district, leaving four dead.",
     "Armed clash"),
    ("Villagers clashed with herders over a water point.", "Mob violence"),
    # a withdrawal that nobody takes over is a change to the group's activity
    ("Rebel units pulled back from the outskirts of the provincial capital.",
     "Change to group/activity"),
    # crowd-control means used on protesters are an intervention, not shelling
    ("Riot police used water cannon and tear gas against crowds of protesters in the capital.",
     "Protest with intervention"),
    # non-violent is not violent; a protest against violence is not violent
    ("Thousands of non-violent protesters marched through the city centre.", "Peaceful protest"),
    ("Students rallied in the capital to protest against gun violence.", "Peaceful protest"),
    # walking the streets to demand something is a march; "detained leaders" says whose
    # release is demanded, not that these marchers were detained
    ("Thousands walked the streets of the capital to demand the release of detained leaders.",
     "Peaceful protest"),
    ("Hundreds of nationalists took part in aggressive demonstrations in the port city.",
     "Violent demonstration"),
    # ordinary crime is no political event; a mob, a gang fight and seized arms still are
    ("Police arrested two men after a robbery at a jewellery shop in the old town.", None),
    ("A grenade exploded during an attempted robbery at a petrol station.", None),
    ("Police seized weapons and ammunition from a drug gang's hideout.",
     "Disrupted weapons use"),
    ("Soldiers clashed with drug traffickers near the border.", "Armed clash"),
    ("Villagers beat a suspected thief to death in the market.", "Mob violence"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "sub"), CASES)
def test_acled_general_patterns(coder: Coder, text: str, sub: str | None) -> None:
    assert top_acled_sub(coder, text) == sub


class _Tok:
    def __init__(self, i: int, text: str) -> None:
        self.i, self.text, self.lower_ = i, text, text.lower()
        self.dep_, self.tag_, self.whitespace_ = "", "", ""


class _Parsed(list):  # type: ignore[type-arg]
    pass


def test_non_joins_the_word_after_it() -> None:
    toks = _Parsed(_Tok(i, w) for i, w in enumerate(["Non", "-", "violent", "marchers"]))
    assert sentence_words(toks) == {"non", "-", "non-violent", "marchers"}


@pytest.mark.parametrize(
    "text",
    [
        "Six diners are suffering food poisoning after eating contaminated fish at a cafe.",
        "Two explosions caused by stored ammonium nitrate hit the port district of the city.",
    ],
)
def test_accidents_are_no_attacks(coder: Coder, text: str) -> None:
    found = coder.code(text, pub_date="2024-05-02", doc_id="t")
    assert not [e for e in found if e.event_type == "ASSAULT"]
