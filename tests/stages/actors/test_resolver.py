"""`resolve_actor`: phrases -> {name, country, sector}, with and without a date."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.stages.actors import ResolvedActor, resolve_actor


def _triple(text: str, on: date | None = None) -> tuple[str | None, str | None, str | None]:
    r = resolve_actor(text, on)
    return r.name, r.country, r.sector


# --- the examples of the issue -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("American warplanes", "USA", "MIL"),
        ("four Saudi men", "SAU", "CVL"),
        ("cyber police", None, "COP"),
        ("Pakistan's air force", "PAK", "MIL"),
        ("Pakistan’s air force", "PAK", "MIL"),
        ("Iranian state television", "IRN", "GOV"),  # state-run media speak for the state
        ("Secretary Blinken", "USA", "GOV"),
        ("Tehran", "IRN", "GOV"),
        ("Iraq", "IRQ", None),
        ("Hamas", "PSE", "REB"),
    ],
)
def test_examples_of_the_issue(text: str, country: str | None, sector: str | None) -> None:
    r = resolve_actor(text, date(2024, 1, 18))
    assert (r.country, r.sector) == (country, sector)


def test_a_backer_is_a_modifier_not_the_actor() -> None:
    assert _triple("the Iran-backed Houthis") == ("Houthis", "YEM", "REB")
    assert _triple("the Iran backed Houthis") == ("Houthis", "YEM", "REB")


def test_named_group_keeps_its_name() -> None:
    assert _triple("the Baluch Liberation Army") == ("Baluch Liberation Army", "PAK", "REB")
    assert _triple("Balochistan Liberation Army") == ("Baluch Liberation Army", "PAK", "REB")


def test_result_is_a_dataclass_with_none_for_the_unknown() -> None:
    r = resolve_actor("the weather")
    assert r == ResolvedActor("the weather", None, None, None, None)
    assert r.to_dict() == {"text": "the weather", "name": None, "country": None, "sector": None}


# --- countries: names, demonyms, capitals, seats ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Britain", "GBR"),
        ("the UK", "GBR"),
        ("Great Britain", "GBR"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("the Democratic Republic of Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("Türkiye", "TUR"),
        ("Gaza", "PSE"),
        ("Kosovo", "XKX"),
        ("Darfur", "SDN"),
    ],
)
def test_country_names(text: str, country: str) -> None:
    r = resolve_actor(text)
    assert (r.country, r.sector, r.kind) == (country, None, "country")


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Iranian diplomats", "IRN", "GOV"),
        ("Pakistani troops", "PAK", "MIL"),
        ("Emirati officials", "ARE", "GOV"),
        ("British police", "GBR", "COP"),
        ("Israeli settlers", "ISR", "CVL"),
        ("Palestinian children", "PSE", "CVL"),
        ("Palestinians", "PSE", "CVL"),
        ("Nigerian students", "NGA", "CVL"),
        ("Turkish prosecutors", "TUR", "JUD"),
        ("Chinese state media", "CHN", "GOV"),
        ("an official Syrian newspaper", "SYR", "GOV"),
        ("a Kenyan newspaper", "KEN", "MED"),
        ("Afghan rebels", "AFG", "REB"),
        ("the Egyptian parliament", "EGY", "LEG"),
        ("Zimbabwe's opposition", "ZWE", "OPP"),
        ("Saudi clerics", "SAU", "REL"),
        ("Lebanese businesses", "LBN", "BUS"),
    ],
)
def test_demonyms_with_agents(text: str, country: str, sector: str) -> None:
    r = resolve_actor(text)
    assert (r.country, r.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Islamabad", "PAK", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("Beijing", "CHN", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Washington", "USA", "GOV"),
        ("the White House", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("the Kremlin", "RUS", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("the Knesset", "ISR", "LEG"),
        ("Tehran residents", "IRN", "CVL"),
        ("Pentagon officials", "USA", "MIL"),
    ],
)
def test_capitals_and_seats_stand_for_the_government(text: str, country: str, sector: str) -> None:
    r = resolve_actor(text)
    assert (r.country, r.sector) == (country, sector)


def test_a_capital_reports_its_country_name() -> None:
    assert resolve_actor("Tehran").name == "Iran"


# --- agents ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("the air force", "MIL"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("warplanes", "MIL"),
        ("the foreign ministry", "GOV"),
        ("the government", "GOV"),
        ("the minister", "GOV"),
        ("the ambassador", "GOV"),
        ("police", "COP"),
        ("security forces", "COP"),
        ("militants", "REB"),
        ("insurgents", "REB"),
        ("gunmen", "REB"),
        ("jihadists", "REB"),
        ("protesters", "CVL"),
        ("demonstrators", "CVL"),
        ("civilians", "CVL"),
        ("women", "CVL"),
        ("students", "CVL"),
        ("a court", "JUD"),
        ("the judge", "JUD"),
        ("lawmakers", "LEG"),
        ("the opposition", "OPP"),
        ("the ruling party", "PTY"),
        ("journalists", "MED"),
        ("a company", "BUS"),
        ("clerics", "REL"),
        ("teachers", "EDU"),
        ("doctors", "HLH"),
        ("striking workers", "LAB"),
        ("refugees", "REF"),
        ("smugglers", "CRM"),
        ("armed men", "REB"),
    ],
)
def test_generic_agents_give_a_sector_and_no_country(text: str, sector: str) -> None:
    r = resolve_actor(text)
    assert (r.name, r.country, r.sector, r.kind) == (None, None, sector, "agent")


def test_rights_groups_are_ngos() -> None:
    assert _triple("human rights groups") == (None, "NGO", None)


def test_head_word_decides_the_sector() -> None:
    assert resolve_actor("government troops").sector == "MIL"
    assert resolve_actor("rebel leaders").sector == "REB"
    assert resolve_actor("opposition lawmakers").sector == "OPP"
    assert resolve_actor("the army spokesman").sector == "MIL"


def test_former_office_holders_are_elites() -> None:
    assert _triple("former prime minister Imran Khan") == ("Imran Khan", "PAK", "ELI")
    assert resolve_actor("the ex-president").sector == "ELI"
    assert resolve_actor("former soldiers").sector == "MIL"


# --- groups, organisations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("Ansar Allah", "Houthis", "YEM", "REB"),
        ("Jaish al-Adl", "Jaish al-Adl", "IRN", "REB"),
        ("Jaish ul-Adl", "Jaish al-Adl", "IRN", "REB"),
        ("Hezbollah", "Hezbollah", "LBN", "REB"),
        ("Islamic State", "Islamic State", "IMG", "REB"),
        ("ISIL", "Islamic State", "IMG", "REB"),
        ("Daesh", "Islamic State", "IMG", "REB"),
        ("al-Qaida", "Al-Qaeda", "IMG", "REB"),
        ("al-Shabab", "al-Shabaab", "SOM", "REB"),
        ("Boko Haram", "Boko Haram", "NGA", "REB"),
        ("the Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "PAK", "REB"),
        ("TTP", "Tehrik-i-Taliban Pakistan", "PAK", "REB"),
        ("PKK", "Kurdistan Workers' Party", "TUR", "REB"),
        ("the YPG", "People's Protection Units", "SYR", "REB"),
        ("the SDF", "Syrian Democratic Forces", "SYR", "REB"),
        ("M23 rebels", "M23", "COD", "REB"),
        ("the ADF", "Allied Democratic Forces", "COD", "REB"),
        ("the ELN", "National Liberation Army", "COL", "REB"),
        ("the Tatmadaw", "Tatmadaw", "MMR", "MIL"),
        ("the IRGC", "Islamic Revolutionary Guard Corps", "IRN", "MIL"),
        ("the Mossad", "Mossad", "ISR", "SPY"),
    ],
)
def test_named_groups(text: str, name: str, country: str, sector: str) -> None:
    assert _triple(text) == (name, country, sector)


def test_a_state_beside_a_transnational_group_gives_the_country() -> None:
    assert _triple("Afghan Islamic State militants") == ("Islamic State", "AFG", "REB")
    assert _triple("Lebanese Hezbollah") == ("Hezbollah", "LBN", "REB")


def test_group_sector_follows_the_date() -> None:
    assert resolve_actor("RSF", date(2020, 5, 1)).sector == "MIL"
    assert resolve_actor("Rapid Support Forces", date(2024, 5, 1)).sector == "REB"
    assert resolve_actor("the Taliban", date(2010, 5, 1)).sector == "REB"
    assert resolve_actor("the Taliban", date(1998, 5, 1)).sector == "GOV"
    assert resolve_actor("the Taliban", date(2023, 5, 1)).sector == "GOV"


def test_a_named_group_outranks_a_role_word() -> None:
    assert _triple("Hamas officials") == ("Hamas", "PSE", "REB")
    assert _triple("a Hezbollah commander") == ("Hezbollah", "LBN", "REB")
    # a named armed group's "youths" are its members, not civilians; youths alone are
    assert _triple("Imbonerakure youths")[2] == "MIL"
    assert resolve_actor("youths", date(2024, 5, 1)).sector == "CVL"


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("the UN", "UNO", None),
        ("United Nations", "UNO", None),
        ("the Security Council", "UNO", "GOV"),
        ("UNICEF", "UNO", None),
        ("UN peacekeepers", "UNO", "MIL"),
        ("the EU", "EUR", None),
        ("the European Union", "EUR", None),
        ("the European Commission", "EUR", "GOV"),
        ("Brussels", "EUR", None),
        ("NATO", "IGO", "MIL"),
        ("the African Union", "IGO", None),
        ("the Arab League", "IGO", None),
        ("the IMF", "IGO", None),
        ("the World Bank", "IGO", None),
        ("the ICC", "IGO", "JUD"),
        ("the Red Cross", "NGO", None),
        ("MSF", "NGO", "HLH"),
        ("Amnesty International", "NGO", None),
        ("Human Rights Watch", "NGO", None),
    ],
)
def test_international_organisations(text: str, country: str, sector: str | None) -> None:
    r = resolve_actor(text)
    assert (r.country, r.sector, r.kind) == (country, sector, "org")


# --- persons and dates -------------------------------------------------------------------------


def test_person_in_office_on_the_date() -> None:
    assert _triple("Blinken", date(2023, 6, 1)) == ("Antony Blinken", "USA", "GOV")


def test_person_out_of_office_keeps_the_country_but_no_sector() -> None:
    assert _triple("Blinken", date(2019, 6, 1)) == ("Antony Blinken", "USA", None)
    assert _triple("Blinken", date(2025, 6, 1)) == ("Antony Blinken", "USA", None)


def test_the_date_picks_between_namesakes() -> None:
    assert _triple("Sharif", date(2015, 3, 1)) == ("Nawaz Sharif", "PAK", "GOV")
    assert _triple("Sharif", date(2024, 6, 1)) == ("Shehbaz Sharif", "PAK", "GOV")
    assert resolve_actor("President Bush", date(1991, 1, 1)).name == "George H. W. Bush"
    assert resolve_actor("President Bush", date(2003, 1, 1)).name == "George W. Bush"


def test_the_date_picks_the_office() -> None:
    assert resolve_actor("Putin", date(2010, 1, 1)).sector == "GOV"
    assert resolve_actor("Lecornu", date(2023, 1, 1)).sector == "MIL"
    assert resolve_actor("Lecornu", date(2025, 10, 1)).sector == "GOV"
    assert resolve_actor("Stoltenberg", date(2020, 1, 1)).country == "IGO"
    assert resolve_actor("Stoltenberg", date(2010, 1, 1)).country == "NOR"


def test_without_a_date_a_person_holds_the_latest_office() -> None:
    assert _triple("Guterres") == ("Antonio Guterres", "UNO", "GOV")
    assert resolve_actor("Trump").sector == "GOV"


def test_title_and_country_with_a_known_person() -> None:
    text = "Pakistan's caretaker prime minister, Anwaarul-Haq-Kakar"
    assert _triple(text, date(2024, 1, 18)) == ("Anwaar-ul-Haq Kakar", "PAK", "GOV")
    text = "the Iranian foreign minister, Hossein Amir-Abdollahian"
    assert _triple(text, date(2024, 1, 18)) == ("Hossein Amir-Abdollahian", "IRN", "GOV")


def test_militant_leaders() -> None:
    assert _triple("Abu Bakr al-Baghdadi", date(2015, 1, 1)) == (
        "Abu Bakr al-Baghdadi",
        "IMG",
        "REB",
    )
    assert _triple("Nasrallah", date(2020, 1, 1)) == ("Hassan Nasrallah", "LBN", "REB")


# --- phrase structure and case ---------------------------------------------------------------


def test_head_region_ends_at_the_first_preposition() -> None:
    assert _triple("the president of Armenia") == ("Armenia", "ARM", "GOV")
    assert _triple("rebels in the Ivory Coast") == ("Ivory Coast", "CIV", "REB")
    assert _triple("Pakistan's ambassador to Tehran") == ("Pakistan", "PAK", "GOV")
    assert _triple("workers of a bus company in Tehran") == ("Iran", "IRN", "LAB")


def test_modifiers_do_not_give_the_country() -> None:
    assert resolve_actor("Iranian-made drones").country is None
    assert _triple("pro-Russian separatists") == (None, None, "REB")
    assert resolve_actor("ethnic Albanian guerrillas").country is None


def test_possessor_does_not_name_the_phrase() -> None:
    assert _triple("Osama bin Laden's al-Qaeda", date(2001, 1, 1)) == ("Al-Qaeda", "IMG", "REB")


def test_case_rules() -> None:
    assert resolve_actor("US officials").country == "USA"
    assert resolve_actor("told us").country is None
    assert resolve_actor("IS fighters").country == "IMG"
    assert _triple("labour unions") == (None, None, "LAB")
    assert _triple("Labour lawmakers") == ("Labour Party", "GBR", "LEG")
    assert resolve_actor("iraq").country == "IRQ"  # an all lower-case input is read leniently


def test_non_actor_phrases_hide_their_country_words() -> None:
    assert _triple("the Persian Gulf") == (None, None, None)
    assert _triple("New South Wales") == (None, None, None)
