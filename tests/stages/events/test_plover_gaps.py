"""Trigger gaps of the non-violent PLOVER types: each pattern is a trigger word and the
object, preposition or subject frame that gives it its type (triggers.tsv states the rule
above each row). Every sentence here is invented, with other wording and other countries
than the blind set whose tuning half showed the gaps; the negatives pin the generic verbs
("work", "receive", "release", "suspend", "block", "ship", "quit") to their frames."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(text, pub_date="2025-03-04", doc_id="t")


def _top(coder: Coder, text: str) -> Event:
    found = _events(coder, text)
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)


CASES = [
    # COOPERATE
    ("Medical teams from Chile and Peru worked side by side at the border clinic.", "COOPERATE"),
    ("Kenya's coast guard worked with the Indian navy to track the hijacked tanker.", "COOPERATE"),
    (
        "Police officers from Benin worked alongside Nigerian customs agents at the port.",
        "COOPERATE",
    ),
    ("Kenya and Uganda opened the first stretch of a joint oil pipeline.", "COOPERATE"),
    ("Laos and Thailand inaugurated a joint rail corridor on Friday.", "COOPERATE"),
    ("Ghana and Togo began a joint electricity interconnection last year.", "COOPERATE"),
    (
        "Poland and Lithuania stepped up the exchange of intelligence on border crossings.",
        "COOPERATE",
    ),
    ("Qatar and Oman linked their electricity grids on Sunday.", "COOPERATE"),
    ("India and the UAE started settling their oil trade in rupees and dirhams.", "COOPERATE"),
    # AID
    ("The Asian Development Bank disbursed a $200 million loan to Nepal.", "AID"),
    ("Cuba shipped 50,000 doses of its vaccine to Nicaragua on Friday.", "AID"),
    ("A plane carrying tents and blankets from Qatar landed in Kabul.", "AID"),
    ("Italian rescue teams were flown to Morocco after the earthquake.", "AID"),
    ("Spain flew rescue teams and medicine to Morocco on Sunday.", "AID"),
    ("A convoy carrying food aid reached the town of Kadugli on Sunday.", "AID"),
    ("The Red Crescent set up a field hospital near the camp in Chad.", "AID"),
    ("Norway released humanitarian aid worth 20 million crowns for Sudan.", "AID"),
    ("Germany released 50 million euros in emergency aid for flood victims in Pakistan.", "AID"),
    # SANCTION
    ("The United States imposed export controls on advanced chips bound for Iran.", "SANCTION"),
    ("Mali declared the French ambassador persona non grata on Tuesday.", "SANCTION"),
    ("The African Union suspended Niger from the organisation after the coup.", "SANCTION"),
    ("The African Development Bank suspended lending to Gabon on Monday.", "SANCTION"),
    # MOBILIZE
    ("Russia stationed attack drones at an airfield in Belarus.", "MOBILIZE"),
    ("China positioned anti-aircraft missiles on a reef in the South China Sea.", "MOBILIZE"),
    ("A column of tanks was seen heading south towards the border town.", "MOBILIZE"),
    # CONCEDE
    ("Indonesia eased quarantine requirements for foreign visitors.", "CONCEDE"),
    ("The ministry reinstated the accreditation of two foreign reporters.", "CONCEDE"),
    # RETREAT
    ("Peru's interior minister quit on Friday amid a corruption inquiry.", "RETREAT"),
    ("Two hundred rebels handed in their rifles to army officers in Mindanao.", "RETREAT"),
    (
        "The gunmen dismantled their roadblocks and withdrew from the town after the truce.",
        "RETREAT",
    ),
    # CONSULT
    ("Kenya's president spoke by phone with the Ethiopian prime minister.", "CONSULT"),
    ("Qatar's emir received Sudan's army commander in Doha on Sunday.", "CONSULT"),
    # REJECT
    ("Chilean senators voted down the pension reform on Thursday.", "REJECT"),
    ("Russia blocked a Security Council resolution on the ceasefire.", "REJECT"),
    # THREATEN
    ("The general said his forces would take the port by force if talks failed.", "THREATEN"),
]


@pytest.mark.parametrize(("text", "etype"), CASES)
def test_non_violent_trigger_gaps(coder: Coder, text: str, etype: str) -> None:
    assert _top(coder, text).event_type == etype


# the generic verbs outside their frames: no event, or not the type their frame gives
NOT_THIS = [
    ("She worked with refugee children in Beirut for a decade.", "COOPERATE"),
    ("He worked at the embassy for many years.", "COOPERATE"),
    ("The minister received a letter from the president of Chad.", "CONSULT"),
    ("The statistics office released figures on inflation on Monday.", "AID"),
    ("The militia released three aid workers on Friday.", "AID"),
    ("The club suspended the striker for three matches.", "SANCTION"),
    ("The league suspended the player from the team for doping.", "SANCTION"),
    ("Protesters blocked the main road into the capital.", "REJECT"),
    ("The company shipped its first cars to Europe.", "AID"),
    ("He quit smoking last year.", "RETREAT"),
    ("A passenger plane landed safely in Nairobi on Sunday.", "AID"),
    ("The football team was flown to Madrid for the final.", "AID"),
    ("Spain flew its football team to Madrid.", "AID"),
    ("Investigators linked the bombing to a network of smugglers.", "COOPERATE"),
    ("The government disbursed salaries to teachers on Friday.", "AID"),
]


@pytest.mark.parametrize(("text", "wrong"), NOT_THIS)
def test_generic_verbs_stay_in_their_frames(coder: Coder, text: str, wrong: str) -> None:
    assert all(e.event_type != wrong for e in _events(coder, text)), text


def test_quitting_a_job_or_post_is_still_a_resignation(coder: Coder) -> None:
    assert _top(coder, "The deputy speaker quit his post on Monday.").event_type == "RETREAT"


def test_security_forces_clearing_checkpoints_stay_coercion(coder: Coder) -> None:
    text = "Soldiers dismantled a militia checkpoint on the highway."
    assert _top(coder, text).event_type != "RETREAT"
