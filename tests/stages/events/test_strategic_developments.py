"""Strategic developments by general patterns (issue 9): curfews, armed groups formed or
allied, and people released. Every sentence is invented; each is coded end to end."""

from __future__ import annotations

import pytest
from _coded import top_acled_sub

from flashpoint import Coder, CoderConfig
from flashpoint.stages.frames import BACKGROUND

PUB = "2024-05-02"


def _labelled(coder: Coder, text: str) -> list[tuple[str, str | None]]:
    found = coder.code(text, pub_date=PUB, doc_id="t")
    return [(e.trigger.text, e.acled_sub_event_type) for e in found]


def _top_sub(coder: Coder, text: str) -> str | None:
    return top_acled_sub(coder, text, PUB)


# a curfew, a state of emergency or martial law restricts everyone, whoever imposes it:
# ACLED's "Other"; armed groups formed, merged or allied, and parallel governments, change
# the groups
GROUPS = [
    (
        "Two rival gangs joined forces in a new coalition in the capital on Sunday.",
        "Change to group/activity",
    ),
    (
        "Dissident commanders announced the formation of a new armed movement in the hills.",
        "Change to group/activity",
    ),
    (
        "Militia leaders announced the creation of a unified command in the north.",
        "Change to group/activity",
    ),
    (
        "Opposition leaders in exile formed a parallel government in the border town.",
        "Change to group/activity",
    ),
    ("Two rebel factions merged into a single movement.", "Change to group/activity"),
    ("Rebels declared a curfew across the valley after the arrest of their commander.", "Other"),
    ("Ecuador's president declared a 60-day state of emergency in Guayas province.", "Other"),
    ("The army imposed martial law in the two eastern provinces on Friday.", "Other"),
]


@pytest.mark.parametrize(("text", "sub"), GROUPS)
def test_groups_formed_and_curfews(coder: Coder, text: str, sub: str) -> None:
    assert _top_sub(coder, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister announced the formation of a new government on Monday.",
        "The president's party joined forces with two smaller parties ahead of the vote.",
    ],
)
def test_a_government_or_parties_formed_are_no_change_to_armed_groups(
    coder: Coder, text: str
) -> None:
    assert "Change to group/activity" not in {s for _, s in _labelled(coder, text)}


# a release is an agreement when told as a deal or an exchange, else "Other"
RELEASES = [
    ("Kidnappers freed twelve farmers on Tuesday after a week in captivity.", "Other"),
    ("A court released the opposition leader on bail on Monday.", "Other"),
    (
        "The two sides exchanged 40 prisoners at the border crossing under a deal brokered by "
        "elders.",
        "Agreement",
    ),
]


@pytest.mark.parametrize(("text", "sub"), RELEASES)
def test_a_release_is_other_unless_a_deal(coder: Coder, text: str, sub: str) -> None:
    assert _top_sub(coder, text) == sub


# a capture told of the people a release frees is what the release ended
CAPTURES = [
    (
        "The authorities released 30 students on Monday who had been detained during protests "
        "last week.",
        "detained",
    ),
    (
        "Separatists released a nurse on Sunday whom they had kidnapped a week earlier near the "
        "market town.",
        "kidnapped",
    ),
    ("Nine traders abducted by bandits last month were freed on Thursday.", "abducted"),
]


@pytest.mark.parametrize(("text", "capture"), CAPTURES)
def test_the_capture_a_release_ended_is_background(coder: Coder, text: str, capture: str) -> None:
    coded = coder.code(text, pub_date=PUB)
    assert [e.acled_sub_event_type for e in coded if e.mode == "release"] == ["Other"]
    assert capture not in [e.trigger.text for e in coded]
    keeping = Coder(CoderConfig(keep_background=True))
    kept = [e for e in keeping.code(text, pub_date=PUB) if e.trigger.text == capture]
    assert all(BACKGROUND in e.aux for e in kept)


def test_a_release_takes_the_place_where_the_people_were_held(coder: Coder) -> None:
    text = "Rebels released two engineers they had abducted near Bunia on Monday."
    (release,) = [e for e in coder.code(text, pub_date=PUB) if e.mode == "release"]
    assert release.location is not None and release.location.name == "Bunia"


def test_arrests_told_beside_a_release_stay_events(coder: Coder) -> None:
    text = "Police freed three hostages and arrested the kidnappers in a raid on Monday."
    assert "arrested" in [e.trigger.text for e in coder.code(text, pub_date=PUB)]


def test_a_verb_coordinated_with_another_event_keeps_its_acled_type(coder: Coder) -> None:
    # the parser may hang the riot's verbs on "opposed" (a REJECT): coordinated, not governed
    text = (
        "Hundreds of demonstrators opposed to the new tax law erected barricades, threw stones at "
        "the police and set fire to cars in the port city on Monday."
    )
    assert "Violent demonstration" in {s for _, s in _labelled(coder, text)}


def test_a_clause_before_a_semicolon_is_no_content_of_the_verb_after_it(coder: Coder) -> None:
    # the parser may hang "arrested" on "charged" as its complement
    text = (
        "Security forces arrested a journalist at his home in the capital; he was later "
        "charged with spreading false news."
    )
    coded = coder.code(text, pub_date=PUB)
    assert "Arrests" in {e.acled_sub_event_type for e in coded}


@pytest.mark.parametrize(
    "text",
    [
        "Army experts made safe a pipe bomb left outside a house on Sunday.",
        "Technicians rendered the device safe after a controlled explosion.",
    ],
)
def test_a_bomb_made_safe_is_disrupted_weapons_use(coder: Coder, text: str) -> None:
    assert _top_sub(coder, text) == "Disrupted weapons use"
