"""Wire-style wordings of the non-violent PLOVER types that the trigger lexicon lacked:
each pattern is a trigger word and the object, particle, preposition or subject frame that
gives it its type (triggers.tsv states the rule above each row). Every sentence here is
invented, with other wording and other countries than the blind set whose tuning half
showed the gaps; the negatives pin the ambiguous words ("walk off", "spray", "bar",
"exclude", "notice", "raise", "sit down", "stand behind", "accept responsibility",
"rule out", "treat", "deposit", "deliberations") to their frames."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(text, pub_date="2025-05-06", doc_id="t")


def _top(coder: Coder, text: str) -> Event:
    found = _events(coder, text)
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)


CASES = [
    # AID: deposits in a central bank, refugee status, defence systems and boats handed over
    ("Qatar deposited $2 billion with Egypt's central bank on Sunday.", "AID"),
    ("Turkey granted refugee status to twelve Afghan journalists last week.", "AID"),
    ("Spain sent two air defence systems to Estonia on Friday.", "AID"),
    ("Japan handed over four patrol vessels to the Philippine coast guard.", "AID"),
    ("Volunteer doctors from a Swiss charity treated hundreds of patients in the camp.", "AID"),
    # PROTEST: walking off the job, paint on monuments, burning tyres, occupied streets
    ("Nurses at three hospitals in Lyon walked off the job on Tuesday over staffing.", "PROTEST"),
    ("Climate activists sprayed red paint on the facade of the finance ministry.", "PROTEST"),
    ("Farmers burned tyres on the motorway outside Brussels on Monday.", "PROTEST"),
    ("Taxi drivers occupied the main square of Lisbon for a second day.", "PROTEST"),
    ("Teachers camped outside the education ministry, demanding back pay.", "PROTEST"),
    # COERCE: barring people from doing something
    ("Authorities barred opposition leaders from leaving the country.", "COERCE"),
    ("Hackers knocked the tax office's website offline for six hours on Friday.", "COERCE"),
    # SANCTION: financing halted, envoys ordered out, teams excluded
    ("The Asian Development Bank halted new lending to Myanmar after the coup.", "SANCTION"),
    ("Mali ordered the Swedish envoy to leave the country within 72 hours.", "SANCTION"),
    ("World Athletics excluded Belarusian athletes from its championships.", "SANCTION"),
    # THREATEN: on notice; the spectre or prospect of a hostile act
    ("The labour ministry put the striking bus drivers on notice on Sunday.", "THREATEN"),
    ("Tehran raised the spectre of a military strike on the island.", "THREATEN"),
    ("Peru raised the prospect of expelling the Bolivian ambassador.", "THREATEN"),
    ("Minsk floated closing the border to Polish freight on Monday.", "THREATEN"),
    # MOBILIZE: alert level raised; fighters massing
    ("Taiwan's army raised its alert level on Friday.", "MOBILIZE"),
    ("Rebel fighters massed near the frontier, residents said on Thursday.", "MOBILIZE"),
    # CONSULT: views exchanged, sitting down to talk, deliberations
    ("The Indian and Chinese foreign ministers exchanged views on the border.", "CONSULT"),
    ("Rwanda's president sat down with Angolan mediators in Luanda on Monday.", "CONSULT"),
    ("The two presidents sat down in Doha to discuss a ceasefire.", "CONSULT"),
    ("NATO defence ministers began three days of deliberations in Brussels.", "CONSULT"),
    # AGREE: committing to a course, initialling a text
    ("Ethiopia and Sudan committed to refrain from hostile rhetoric on Tuesday.", "AGREE"),
    ("Chad and Niger committed to respect the border they share.", "AGREE"),
    ("The two foreign ministers initialled a memorandum on visa-free travel.", "AGREE"),
    # SUPPORT: standing behind, appreciating, declaring support
    ("Pakistan stood firmly behind China on the Taiwan question.", "SUPPORT"),
    ("The Arab League appreciated Oman's role in freeing the sailors.", "SUPPORT"),
    ("The ruling party declared its support for the new prime minister.", "SUPPORT"),
    # CONCEDE: apologies (PLOVER: regret or remorse), responsibility accepted, a softer stance
    ("The Belgian king apologised for colonial abuses in Congo.", "CONCEDE"),
    ("The ministry accepted responsibility for the failed evacuation.", "CONCEDE"),
    ("Ecuador's president softened his stance on Colombia on Monday.", "CONCEDE"),
    ("Shanghai shortened its lockdown by a week on Friday.", "CONCEDE"),
    ("The government scaled back the lockdown in three provinces.", "CONCEDE"),
    # PROTEST: a strike "called by" unions is the strike, not a call on someone
    ("A general strike called by unions paralysed Peru on Thursday, with schools shut.", "PROTEST"),
    # COOPERATE: joint drills with words between "joint" and "drills"
    ("French and Indian warships held joint anti-submarine drills at sea.", "COOPERATE"),
    ("Gulf producers began coordinated output cuts on Sunday.", "COOPERATE"),
    ("Brazil and Argentina ran a joint vaccination campaign along the border.", "COOPERATE"),
    # RETREAT: leaving prison or detention
    ("The junta allowed the former minister to leave prison for medical treatment.", "RETREAT"),
    # REQUEST: a bailout sought
    ("Pakistan sought a fresh bailout from the International Monetary Fund.", "REQUEST"),
    # REJECT: ruled out, spurned, brushed aside
    ("The prime minister ruled out early elections on Wednesday.", "REJECT"),
    ("Hanoi spurned a Chinese proposal for joint patrols.", "REJECT"),
    ("The junta brushed aside calls to free political prisoners.", "REJECT"),
    # ACCUSE: branding
    ("Iran's foreign ministry branded the sanctions an act of economic terrorism.", "ACCUSE"),
]


@pytest.mark.parametrize(("text", "etype"), CASES)
def test_wire_wording_has_its_type(coder: Coder, text: str, etype: str) -> None:
    found = _events(coder, text)
    top = _top(coder, text)
    assert top.event_type == etype, [(e.event_type, e.trigger.text, e.confidence) for e in found]


NOT_THIS_TYPE = [
    # a deposit in an ordinary bank is no aid
    ("The suspect deposited the stolen cash in a bank in Lagos.", "AID"),
    # police treating a death as murder is no medical aid
    ("Police treated the death of the businessman as a murder.", "AID"),
    # walking off a pitch is no strike
    ("The striker walked off the pitch with a knee injury.", "PROTEST"),
    # militants burning houses attack property
    ("Militants burned houses in the village on Sunday.", "PROTEST"),
    # a meeting called at short notice is no threat
    ("The summit was called on short notice after the vote.", "THREATEN"),
    # the prospect of a peace deal is no threat
    ("The minister raised the prospect of a peace deal with the rebels.", "THREATEN"),
    # a health alert is no mobilisation
    ("The health ministry raised its alert level over the cholera outbreak.", "MOBILIZE"),
    # sitting down in the road is no meeting
    ("Protesters sat down in the road outside the parliament.", "CONSULT"),
    # a jury's deliberations are no consultation
    ("The jury began deliberations in the murder trial on Monday.", "CONSULT"),
    # standing behind a barricade is no support
    ("Riot police stood behind a barricade near the palace.", "SUPPORT"),
    # a claim for a bombing is no concession
    ("The militant group accepted responsibility for the bombing.", "CONCEDE"),
    # police ruling out a cause is no rejection
    ("Police ruled out foul play in the death of the singer.", "REJECT"),
    # families camping after a flood are no protest camp
    ("Displaced families camped in the open after the floods.", "PROTEST"),
    # a joint campaign of airstrikes is the airstrikes
    ("The coalition waged a joint campaign of airstrikes against the militants.", "COOPERATE"),
    # budget cuts are no cooperation
    ("The government announced deep budget cuts on Monday.", "COOPERATE"),
    # floating an idea is no threat
    ("The central bank floated the idea of a digital currency.", "THREATEN"),
    # a storm knocking out power is no cyber operation
    ("The storm knocked out power to the region.", "COERCE"),
    # shortening supply lines eases nothing
    ("The army shortened its supply lines.", "CONCEDE"),
    # a count that leaves out people is no sanction
    ("The census excluded people living abroad.", "SANCTION"),
    # committing a crime is no commitment
    ("Gunmen committed a massacre in the village, survivors said.", "AGREE"),
    # an order to troops is no expulsion
    ("The general ordered his troops to leave the base.", "SANCTION"),
]


@pytest.mark.parametrize(("text", "etype"), NOT_THIS_TYPE)
def test_ambiguous_word_outside_its_frame(coder: Coder, text: str, etype: str) -> None:
    found = _events(coder, text)
    assert etype not in {e.event_type for e in found}, [
        (e.event_type, e.trigger.text) for e in found
    ]


def test_tear_gas_sprayed_is_not_vandalism(coder: Coder) -> None:
    found = _events(coder, "Riot police sprayed tear gas at the crowd outside the court.")
    assert all(e.mode != "vandalize" for e in found), [(e.event_type, e.mode) for e in found]
