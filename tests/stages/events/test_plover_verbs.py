"""Words that report a PLOVER event type by themselves, each a general meaning of the word
in news text (invented sentences)."""

from __future__ import annotations

import pytest

from flashpoint import Coder


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _top_type(coder: Coder, text: str) -> str | None:
    found = coder.code(text, pub_date="2025-03-04", doc_id="t")
    return max(found, key=lambda e: e.confidence).event_type if found else None


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # refusing food is a hunger strike
        ("Jailed miners in Oruro refused food for a week to demand a trial.", "PROTEST"),
        # "expressed/voiced confidence in X" is support for X
        ("The party's council voiced confidence in its embattled leader on Friday.", "SUPPORT"),
        # to fault someone is to criticise them
        ("The ombudsman faulted the Kenyan police for the deaths of three protesters.", "ACCUSE"),
        # a consensus reached is an agreement
        ("Laos and Vietnam reached a consensus on a joint hydropower dam on Monday.", "AGREE"),
        # telephoning someone is consulting them
        ("The Egyptian president telephoned the Emir of Qatar on Sunday.", "CONSULT"),
        # rallying behind or around someone is supporting them
        ("Arab League members rallied around Jordan after the border incident.", "SUPPORT"),
        # financial or economic penalties on someone are sanctions
        ("Canada imposed economic penalties on three Haitian gang leaders.", "SANCTION"),
        # retracting an allegation or a claim is backing down
        ("The Thai army retracted its claim that students had stockpiled weapons.", "CONCEDE"),
        # saying no to something is rejecting it
        ("Norway said no to a Russian request for fishing rights on Tuesday.", "REJECT"),
        # accepting a result, defeat or ruling is yielding
        ("The opposition candidate in Malawi accepted defeat on Saturday.", "CONCEDE"),
        ("Guyana accepted the court's ruling on the maritime border.", "CONCEDE"),
        # ordering the army or police into or onto a place is mobilising them
        ("Peru's president ordered troops into the streets of Lima on Monday.", "MOBILIZE"),
        # concentrating troops or armour is a build-up of forces
        ("Eritrea has concentrated thousands of troops near the Ethiopian border.", "MOBILIZE"),
        # pulling troops from a place is withdrawing them
        ("Burundi is pulling its soldiers from eastern Congo, the army said.", "RETREAT"),
        # calling on a leader, asking nothing of them, is a visit
        ("Kenya's foreign minister called on the Emir of Qatar in Doha on Monday.", "CONSULT"),
        # "ground offensive" even where the parser tags "offensive" an adjective
        ("Israel began a new ground offensive against Hezbollah in southern Lebanon.", "ASSAULT"),
        # forces that abandon or relinquish a place give it up; drawdowns and exits withdraw
        ("Wagner fighters abandoned their base near Menaka on Sunday.", "RETREAT"),
        ("The militia relinquished control of the airport to the army.", "RETREAT"),
        ("Britain began drawing down its troops in Estonia in March.", "RETREAT"),
        ("The UN mission completed its exit from Mali on Sunday.", "RETREAT"),
        # regrouping fighters and calling up reservists ready forces
        ("Houthi units regrouped near the port of Hodeidah, residents said.", "MOBILIZE"),
        ("Serbia called up 2,000 reservists on Tuesday.", "MOBILIZE"),
        # balking at a plan, throwing out a request
        ("Georgia balked at the EU's conditions for candidate status.", "REJECT"),
        ("A Lagos court threw out the activists' appeal on Friday.", "REJECT"),
        # an apology offered apologises; a tax rise rolled back yields
        ("Belgium's king offered an apology for abuses in the Congo.", "CONCEDE"),
        ("Kenya's government rolled back a fuel tax hike after the protests.", "CONCEDE"),
        # implicating someone, pointing the finger at them
        ("A UN report implicated Eritrean troops in the massacre.", "ACCUSE"),
        ("Islamabad pointed the finger at Kabul for the bombing in Quetta.", "ACCUSE"),
        # throwing one's weight behind, voting in favour of
        ("The unions threw their weight behind the caretaker prime minister.", "SUPPORT"),
        ("India voted in favour of the resolution on Gaza.", "SUPPORT"),
        # joint patrols and joint training are military cooperation
        ("Chad and Niger launched joint patrols on Lake Chad on Monday.", "COOPERATE"),
        # relief rushed, ferried or supplied is aid
        ("Turkey rushed tents and blankets to quake-hit villages in Syria.", "AID"),
        ("Helicopters ferried food parcels to flooded districts of Sindh.", "AID"),
        # a newspaper ordered closed is censorship
        ("A court ordered the closure of an opposition newspaper in Algiers.", "COERCE"),
        # suspending a member from an organisation's activities sanctions it
        ("ECOWAS suspended Niger from all its activities on Sunday.", "SANCTION"),
        # a beheading is an assault
        ("Police reported the beheading of a village chief by militants in Niassa.", "ASSAULT"),
        # strafing is firing on something from the air or a vehicle
        ("Gunmen on motorbikes strafed a minibus near Dori on Tuesday.", "ASSAULT"),
        # harassing people is coercing them
        ("Plainclothes police harassed reporters covering the vote in Gomel.", "COERCE"),
        # interning people or holding them in internment is detaining them
        ("The junta interned hundreds of opposition supporters in Bamako.", "COERCE"),
        ("Dozens of monks remain in internment camps in Rakhine.", "COERCE"),
        # capitulating is surrendering
        ("The besieged garrison at Fort Kalu capitulated on Sunday.", "RETREAT"),
        # penalising a state is sanctioning it
        ("The European Union penalised Minsk with new curbs on potash exports.", "SANCTION"),
        # troops mustered, soldiers or reservists drafted, are mobilised
        ("Reservists mustered at barracks across Armenia on Monday.", "MOBILIZE"),
        ("The army drafted thousands of reservists ahead of the offensive.", "MOBILIZE"),
        # chastising or reproaching someone is criticising them
        ("The minister chastised Kabul for harbouring militants.", "ACCUSE"),
        # a bandh, a hartal or a general shutdown is a strike
        ("Traders observed a complete shutdown in Srinagar on Friday.", "PROTEST"),
        ("Opposition parties called a hartal across Bangladesh.", "PROTEST"),
        # brandishing weapons at someone is threatening them
        ("Settlers brandished rifles at Palestinian farmers near Hebron.", "THREATEN"),
    ],
)
def test_the_word_reports_its_type(coder, text, etype) -> None:
    assert _top_type(coder, text) == etype


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # a rally for a candidate stays a rally; a consensus that is lacking agrees nothing
        ("Thousands rallied in Dakar against the delay of the election.", "PROTEST"),
        ("Turkey refused a Swedish request to extradite the journalist.", "REJECT"),
        ("The Pope called on world leaders to end the war in Sudan.", "REQUEST"),
        # a drafted text and a shutdown of a website are no mobilisation or strike
        ("The committee drafted a new constitution for the republic.", None),
    ],
)
def test_the_other_senses_keep_their_type(coder, text, etype) -> None:
    assert _top_type(coder, text) == etype


def test_a_no_inside_what_was_said_is_no_refusal(coder) -> None:
    """'said ... and no civilians were harmed': the "no" belongs to the report, not to a
    "said no to"; the strike keeps its toll and nothing is rejected."""
    text = (
        "On 5 October 2022, Kenyan forces carried out an airstrike on militants near Bardhere."
        " The army said two militants were killed and no civilians were harmed."
    )
    found = coder.code(text, pub_date="2022-10-07", doc_id="t")
    assert [e.event_type for e in found] == ["ASSAULT"]
    assert found[0].dead == 2
