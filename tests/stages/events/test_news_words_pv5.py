"""More common news words and frames, each a general pattern of news language stated in its
case (invented sentences, none from any evaluation set)."""

from __future__ import annotations

import pytest
from _coded import top_event


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # ministers convening somewhere meet there
        ("Arab League foreign ministers convened in Cairo to discuss the war in Sudan.", "CONSULT"),
        # a plea for something is a request
        ("A plea by Haiti's bishops for the gangs to free the nuns went unheard.", "REQUEST"),
        # paying tribute is praise
        ("Fiji's prime minister paid tribute to the late Tongan king on Monday.", "SUPPORT"),
        # scrambling jets or troops is a mobilisation
        ("South Korea scrambled fighter jets after Russian bombers flew near.", "MOBILIZE"),
        # approaching someone for money or help asks for it
        ("Ghana approached the World Bank for an emergency loan on Tuesday.", "REQUEST"),
        # downgrading a diplomatic mission cuts relations
        ("Chad downgraded its embassy in Bangui to chargé d'affaires level.", "SANCTION"),
        # relief trucked or distributed to people is aid
        ("The World Food Programme trucked flour and fuel into Gaza City.", "AID"),
        ("UNICEF distributed blankets and water tablets to displaced families in Idlib.", "AID"),
        # grain shipped is aid
        ("Turkey shipped 15,000 tonnes of wheat to Syria on Friday.", "AID"),
        # lifting a block on websites yields
        ("Pakistan unblocked the social media platform X after a three-month ban.", "CONCEDE"),
        # a go-slow or downing tools is a strike
        ("Bus drivers in Nairobi staged a go-slow against new licence fees.", "PROTEST"),
        ("Miners at the Kansanshi copper mine downed tools over unpaid bonuses.", "PROTEST"),
        # pooling resources is cooperation
        ("Niger and Chad pooled their border intelligence to track arms smugglers.", "COOPERATE"),
        # giving ground yields
        ("The junta gave ground on its election timetable under regional pressure.", "CONCEDE"),
        # restoring internet access after a shutdown yields
        ("Ethiopia restored internet access in Tigray on Saturday.", "CONCEDE"),
        # mediators shuttling between parties mediate
        ("Qatari envoys shuttled between the two delegations in Doha on Sunday.", "CONSULT"),
        # committing to a truce or plan agrees to it
        ("The warring parties committed to a ten-day truce during talks in Addis Ababa.", "AGREE"),
        # siding with a party supports it
        ("Slovakia sided with Hungary in its dispute with Brussels over funds.", "SUPPORT"),
        # troops arriving somewhere deploy there
        ("Kenyan police officers began arriving in Port-au-Prince on Tuesday.", "MOBILIZE"),
        # troops or police rushed somewhere deploy there
        ("New Zealand rushed police and soldiers to Nuku'alofa after riots broke out.", "MOBILIZE"),
        # armed groups leaving or evacuating a position withdraw
        ("The rebels left the town of Bunagana on Friday, a spokesman said.", "RETREAT"),
        ("The army evacuated its outpost near Ras al-Ain on Monday.", "RETREAT"),
        # closing airspace to another state's aircraft or a border with it is a sanction
        ("Poland closed its airspace to Belarusian airlines on Monday.", "SANCTION"),
        ("Algeria closed its border with Morocco on Wednesday.", "SANCTION"),
        # barring an organisation from activities suspends it
        ("FIFA barred Congo's football federation from all its competitions.", "SANCTION"),
        # offering condolences is sympathy, not an offer
        ("Indonesia's president offered his condolences to the people of Turkey.", "SUPPORT"),
        # a warning that force will be used is a threat
        ("The ministry cautioned that police would arrest anyone joining the march.", "THREATEN"),
        (
            "The militia chief vowed that his fighters would target any ship in the strait.",
            "THREATEN",
        ),
        # a deadline to act "or face" something is an ultimatum
        ("The bloc gave the junta two weeks to free the president or face sanctions.", "THREATEN"),
        # blocking a port or road is protesters' obstruction, not censorship
        ("Fishermen blocked access to the port of Brest on Monday.", "PROTEST"),
        # stopping attacks is a ceasefire
        ("The rebels halted their attacks on the highway after the truce began.", "RETREAT"),
    ],
)
def test_news_words(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype


def test_water_bombing_aircraft_fight_fires(coder) -> None:
    text = (
        "Spain sent firefighters and water-bombing aircraft to help Portugal battle forest fires."
    )
    assert top_event(coder, text).event_type == "AID"


def test_blocking_access_to_websites_is_still_censorship(coder) -> None:
    text = "Authorities blocked access to opposition websites before the vote."
    assert top_event(coder, text).event_type == "COERCE"


def test_people_leaving_their_village_is_no_withdrawal(coder) -> None:
    found = coder.code("Hundreds of residents left the village on Sunday.", pub_date="2025-05-06")
    assert "RETREAT" not in [e.event_type for e in found]


def test_a_verb_misparsed_as_an_adjective_keeps_its_object(coder) -> None:
    # the small parser reads "UNICEF distributed blankets" as "distributed" describing
    # "blankets"; a finite verb right after its subject is still the verb
    text = "UNICEF distributed blankets to displaced families in Idlib."
    assert top_event(coder, text).event_type == "AID"


def test_an_appositive_says_what_a_captured_place_is(coder) -> None:
    text = "The rebels captured Kalemie, the capital of Tanganyika province, on Sunday."
    assert top_event(coder, text).event_type == "ASSAULT"
