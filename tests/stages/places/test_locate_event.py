"""Event location: the place the text attaches to the event, on hand-built events."""

from __future__ import annotations

import pytest
from _places_docs import make_event, place_doc

from flashpoint.config import CoderConfig
from flashpoint.stages.base import get_stage_factory
from flashpoint.stages.places import GeoparseStage, LocateStage
from flashpoint.stages.places.locate import locate_event

ARTICLE = (
    "Pakistan's air force launched airstrikes against Iran on Thursday, killing seven people. "
    "The strikes in Iran's Sistan and Baluchestan province followed Tuesday's Iranian attack on "
    "Pakistan that killed two children in the southwestern Baluchistan province. "
    "Iran also staged airstrikes late Monday in Iraq and Syria against militant bases. "
    "Washington carried out a new round of strikes against the Houthis, who have been "
    "attacking ships in the Red Sea from their bases in Yemen. "
    "Pakistan recalled its ambassador to Tehran because of the strikes by Iran inside "
    "Pakistan's Baluchistan province. "
    "Tehran strongly condemned the attack."
)


@pytest.fixture(scope="module")
def article():
    return place_doc(ARTICLE)


def _loc(doc, trigger, event_type="ASSAULT", actor=None, recipient=None, nth=0):
    ev = make_event(doc, trigger, event_type, actor=actor, recipient=recipient, nth=nth)
    return locate_event(doc, ev)


def test_province_named_in_a_possessive_phrase(article) -> None:
    loc = _loc(article, "strikes in", actor=("Pakistan", "PAK"), recipient=("Iran", "IRN"))
    assert (loc.country, loc.admin1, loc.precision) == ("IRN", "Sistan and Baluchestan", "admin1")
    assert loc.text == "Sistan and Baluchestan province"


def test_place_in_the_triggers_relative_clause(article) -> None:
    loc = _loc(article, "attack on", actor=("Iranian", "IRN"), recipient=("Pakistan", "PAK"))
    assert (loc.country, loc.admin1) == ("PAK", "Balochistan")
    assert loc.text == "Baluchistan province"
    assert article.text[loc.span[0] : loc.span[1]] == "Baluchistan province"


@pytest.mark.parametrize(("recipient", "iso3"), [("Iraq", "IRQ"), ("Syria", "SYR")])
def test_the_recipients_country_among_several(article, recipient, iso3) -> None:
    loc = _loc(article, "airstrikes", actor=("Iran", "IRN"), recipient=(recipient, iso3), nth=1)
    assert (loc.country, loc.precision, loc.text) == (iso3, "country", recipient)


def test_attack_with_no_place_falls_back_to_the_targets_country(article) -> None:
    loc = _loc(
        article,
        "strikes against the Houthis",
        actor=("Washington", "USA"),
        recipient=("Houthis", "YEM"),
    )
    assert (loc.country, loc.admin1, loc.precision) == ("YEM", None, "country")
    assert loc.span is None


def test_first_sentence_takes_the_province_named_next(article) -> None:
    loc = _loc(article, "airstrikes", actor=("Pakistan", "PAK"), recipient=("Iran", "IRN"))
    assert (loc.country, loc.admin1) == ("IRN", "Sistan and Baluchestan")


def test_a_relative_clause_about_someone_else_is_its_own_event(article) -> None:
    loc = _loc(article, "attacking", actor=("Houthis", "YEM"))
    assert (loc.name, loc.precision, loc.country) == ("Red Sea", "region", None)


def test_the_envoys_destination_is_not_where_a_recall_happened(article) -> None:
    assert (
        _loc(
            article, "recalled", "SANCTION", actor=("Pakistan", "PAK"), recipient=("Tehran", "IRN")
        )
        is None
    )


def test_a_capital_used_as_the_actor_is_not_a_location(article) -> None:
    assert (
        _loc(article, "condemned", "ACCUSE", actor=("Tehran", "IRN"), recipient=("attack", "PAK"))
        is None
    )


def test_verbal_events_without_a_place_have_no_location() -> None:
    doc = place_doc("Iran demanded an explanation from Pakistan.")
    assert (
        _loc(doc, "demanded", "REQUEST", actor=("Iran", "IRN"), recipient=("Pakistan", "PAK"))
        is None
    )


def test_without_a_parse_the_word_before_the_place_decides() -> None:
    doc = place_doc("Gunmen attacked a police post in Quetta on Monday.", parse=False)
    loc = _loc(doc, "attacked")
    assert (loc.country, loc.admin1) == ("PAK", "Balochistan")


def test_the_stages_set_places_then_locations() -> None:
    geoparse = get_stage_factory("flashpoint.geoparse.v1")(CoderConfig())
    locate = get_stage_factory("flashpoint.locate.v1")(CoderConfig())
    assert isinstance(geoparse, GeoparseStage) and isinstance(locate, LocateStage)
    doc = place_doc("Militants attacked a checkpoint in Panjgur district (Balochistan).")
    doc.places = []
    doc.events.append(make_event(doc, "attacked"))
    geoparse(doc)
    locate(doc)
    assert [p.text for p in doc.places] == ["Panjgur district", "Balochistan"]
    loc = doc.events[0].location
    assert (loc.country, loc.admin1, loc.precision) == ("PAK", "Balochistan", "city")
    assert doc.events[0].to_dict()["location"]["admin1"] == "Balochistan"


# Short reports in the style of conflict-event notes, from many countries: (text, trigger,
# country, admin1 or None when the test does not check it).
REPORTS = [
    (
        "On 12 March 2021, suspected Boko Haram militants attacked a military base in Monguno"
        " (Borno), killing seven soldiers.",
        "attacked",
        "NGA",
        "Borno",
    ),
    (
        "On 3 May 2020, unidentified gunmen abducted 15 villagers in Kajuru LGA, Kaduna state.",
        "abducted",
        "NGA",
        "Kaduna",
    ),
    (
        "On 21 June 2019, al-Shabaab fighters detonated an IED targeting a convoy near "
        "Afgooye (Lower Shabelle).",
        "detonated",
        "SOM",
        "Lower Shabelle",
    ),
    (
        "On 5 August 2020, FARDC troops clashed with ADF militants near Beni, North Kivu, "
        "killing four.",
        "clashed",
        "COD",
        "Nord-Kivu",
    ),
    (
        "On 2 January 2022, JNIM militants ambushed a gendarmerie patrol near Djibo in "
        "Burkina Faso's Sahel region.",
        "ambushed",
        "BFA",
        "Sahel",
    ),
    (
        "On 18 October 2020, protesters blocked the main road in Bamako to demand the release"
        " of detainees.",
        "blocked",
        "MLI",
        "Bamako",
    ),
    (
        "On 9 September 2021, armed herders killed 12 farmers in Bassa (Plateau).",
        "killed",
        "NGA",
        "Plateau",
    ),
    (
        "On 27 April 2021, ISWAP fighters raided the town of Damasak in Borno state.",
        "raided",
        "NGA",
        "Borno",
    ),
    (
        "On 11 November 2020, TPLF forces attacked a federal army base in Mekelle, Tigray.",
        "attacked",
        "ETH",
        "Tigray",
    ),
    (
        "On 6 July 2022, RSF soldiers looted shops in Nyala, South Darfur.",
        "looted",
        "SDN",
        "South Darfur",
    ),
    (
        "On 30 March 2021, insurgents stormed the town of Palma in Cabo Delgado province, "
        "Mozambique.",
        "stormed",
        "MOZ",
        "Cabo Delgado",
    ),
    (
        "On 4 December 2019, Anglophone separatists kidnapped a teacher in Bamenda (North-West).",
        "kidnapped",
        "CMR",
        "North-West",
    ),
    (
        "On 15 May 2021, students protested in Khartoum against rising bread prices.",
        "protested",
        "SDN",
        "Khartoum",
    ),
    (
        "On 22 August 2020, security forces arrested 30 opposition supporters in Conakry.",
        "arrested",
        "GIN",
        "Conakry",
    ),
    (
        "On 5 June 2021, gunmen killed more than 100 civilians in Solhan, a village in "
        "Burkina Faso's Sahel region.",
        "killed",
        "BFA",
        "Sahel",
    ),
    (
        "On 19 January 2021, clashes between Masalit and Arab militias killed 40 people in El"
        " Geneina, West Darfur.",
        "clashes",
        "SDN",
        "West Darfur",
    ),
    (
        "On 8 March 2022, demonstrators in Nairobi protested fuel shortages.",
        "protested",
        "KEN",
        "Nairobi",
    ),
    (
        "On 25 September 2020, police dispersed a rally in Harare with water cannon.",
        "dispersed",
        "ZWE",
        "Harare",
    ),
    (
        "On 13 April 2021, Mai-Mai militiamen killed three civilians near Uvira, South Kivu.",
        "killed",
        "COD",
        "Sud-Kivu",
    ),
    (
        "On 20 February 2022, ADF rebels attacked a displacement camp near Djugu in Ituri "
        "province.",
        "attacked",
        "COD",
        "Ituri",
    ),
    (
        "On 2 October 2019, militants attacked an army post in Tillaberi region, Niger.",
        "attacked",
        "NER",
        "Tillaberi",
    ),
    (
        "On 7 April 2021, soldiers clashed with smugglers near Agadez, Niger.",
        "clashed",
        "NER",
        "Agadez",
    ),
    (
        "On 10 May 2022, Libyan National Army forces shelled positions south of Tripoli.",
        "shelled",
        "LBY",
        "Tripoli",
    ),
    (
        "On 14 July 2020, protesters torched a police station in Sirte, Libya.",
        "torched",
        "LBY",
        "Sirte",
    ),
    (
        "On 9 May 2020, clashes erupted between pro-Houthi forces and pro-Hadi forces on the "
        "Sirwah (Marib) and Nihm (Sanaa) frontlines, killing 20.",
        "clashes",
        "YEM",
        "Marib",
    ),
    (
        "On 21 January 2022, a Saudi-led coalition airstrike hit a detention center in Sadah city.",
        "airstrike",
        "YEM",
        "Sadah",
    ),
    (
        "On 3 March 2021, Houthi forces shelled residential areas in Taizz city.",
        "shelled",
        "YEM",
        "Taizz",
    ),
    (
        "On 12 June 2018, coalition-backed forces advanced on Hodeidah port.",
        "advanced",
        "YEM",
        "Al Hudaydah",
    ),
    (
        "On 15 October 2019, Turkish forces shelled Ras al-Ain in Hasakah province.",
        "shelled",
        "SYR",
        "Al-Hasakah",
    ),
    (
        "On 2 February 2020, Syrian government forces captured Saraqib in Idlib province.",
        "captured",
        "SYR",
        "Idlib",
    ),
    (
        "On 19 August 2021, an IED exploded near a checkpoint in Daraa al-Balad.",
        "exploded",
        "SYR",
        "Daraa",
    ),
    (
        "On 7 November 2021, a drone attack targeted the residence of the prime minister in "
        "Baghdad.",
        "attack",
        "IRQ",
        "Baghdad",
    ),
    (
        "On 23 May 2020, ISIS militants attacked a village near Khanaqin in Diyala province.",
        "attacked",
        "IRQ",
        "Diyala",
    ),
    (
        "On 11 March 2022, protesters gathered in Sulaymaniyah to denounce rising prices.",
        "gathered",
        "IRQ",
        "Sulaymaniyah",
    ),
    (
        "On 4 January 2020, Israeli forces demolished a house in Hebron in the West Bank.",
        "demolished",
        "PSE",
        "West Bank",
    ),
    (
        "On 18 May 2021, Israeli airstrikes hit a building in Gaza City.",
        "airstrikes",
        "PSE",
        "Gaza Strip",
    ),
    (
        "On 9 September 2020, Iranian security forces killed two fuel porters near Saravan in"
        " Sistan and Baluchestan.",
        "killed",
        "IRN",
        "Sistan and Baluchestan",
    ),
    ("On 16 November 2019, protesters set fire to banks in Shiraz.", "set", "IRN", "Fars"),
    (
        "On 30 July 2021, protesters clashed with police in Ahvaz, Khuzestan province.",
        "clashed",
        "IRN",
        "Khuzestan",
    ),
    (
        "On 4 August 2020, hundreds of demonstrators marched in Beirut after the port explosion.",
        "marched",
        "LBN",
        "Beirut",
    ),
    (
        "On 27 March 2021, Turkish police detained 12 protesters in Istanbul.",
        "detained",
        "TUR",
        "Istanbul",
    ),
    (
        "On 12 January 2021, militants attacked a Frontier Corps post in Panjgur district "
        "(Balochistan), killing two soldiers.",
        "attacked",
        "PAK",
        "Balochistan",
    ),
    ("On 8 March 2020, a bomb exploded at a rally in Quetta.", "exploded", "PAK", "Balochistan"),
    (
        "On 15 July 2021, police baton-charged protesters in Hyderabad, Sindh.",
        "baton-charged",
        "PAK",
        "Sindh",
    ),
    (
        "On 3 April 2022, Taliban fighters clashed with resistance forces in the Panjshir valley.",
        "clashed",
        "AFG",
        "Panjshir",
    ),
    (
        "On 26 August 2021, a suicide bomber attacked crowds outside Kabul airport.",
        "attacked",
        "AFG",
        "Kabul",
    ),
    (
        "On 10 October 2020, Taliban militants attacked police checkpoints in Lashkar Gah, "
        "Helmand.",
        "attacked",
        "AFG",
        "Helmand",
    ),
    ("On 25 February 2020, rioters burned shops in northeast Delhi.", "burned", "IND", "Delhi"),
    (
        "On 14 February 2019, a suicide bomber attacked a CRPF convoy in Pulwama district of "
        "Jammu and Kashmir.",
        "attacked",
        "IND",
        "Jammu and Kashmir",
    ),
    (
        "On 5 May 2021, Maoist rebels ambushed security forces in Bijapur district, Chhattisgarh.",
        "ambushed",
        "IND",
        "Chhattisgarh",
    ),
    (
        "On 28 March 2021, security forces killed 114 protesters in Yangon and Mandalay.",
        "killed",
        "MMR",
        "Yangon",
    ),
    (
        "On 2 September 2021, the Arakan Army clashed with the military in Paletwa township, "
        "Chin state.",
        "clashed",
        "MMR",
        "Chin",
    ),
    (
        "On 20 October 2020, police dispersed a protest in Dhaka with batons.",
        "dispersed",
        "BGD",
        "Dhaka",
    ),
    (
        "On 17 June 2020, Chinese and Indian troops clashed in the Galwan Valley in Ladakh.",
        "clashed",
        "IND",
        "Ladakh",
    ),
    (
        "On 24 January 2021, Abu Sayyaf militants abducted fishermen off Jolo, Sulu.",
        "abducted",
        "PHL",
        "Bangsamoro",
    ),
    (
        "On 24 February 2022, Russian missiles struck an airfield near Kharkiv.",
        "struck",
        "UKR",
        "Kharkiv",
    ),
    (
        "On 14 March 2022, Russian forces shelled residential areas of Mariupol in Donetsk oblast.",
        "shelled",
        "UKR",
        "Donetsk",
    ),
    (
        "On 12 September 2020, police detained dozens of protesters in Minsk.",
        "detained",
        "BLR",
        None,
    ),
    (
        "On 1 December 2018, yellow vest protesters clashed with police in Paris.",
        "clashed",
        "FRA",
        "Ile-de-France",
    ),
    (
        "On 16 October 2019, Catalan separatists blocked roads in Barcelona.",
        "blocked",
        "ESP",
        "Catalonia",
    ),
    (
        "On 21 January 2021, police arrested anti-lockdown protesters in Amsterdam.",
        "arrested",
        "NLD",
        "North Holland",
    ),
    (
        "On 7 May 2022, Ukrainian drones struck a Russian border post in Belgorod region.",
        "struck",
        "RUS",
        "Belgorod",
    ),
    (
        "On 4 May 2021, police killed protesters during clashes in Cali, Valle del Cauca.",
        "killed",
        "COL",
        "Valle del Cauca",
    ),
    (
        "On 13 July 2021, gang members attacked a police post in Port-au-Prince.",
        "attacked",
        "HTI",
        "Ouest",
    ),
    (
        "On 9 March 2020, cartel gunmen killed 10 people in Celaya, Guanajuato.",
        "killed",
        "MEX",
        "Guanajuato",
    ),
    ("On 22 November 2019, protesters clashed with police in La Paz.", "clashed", "BOL", "La Paz"),
    (
        "On 18 October 2019, rioters burned metro stations in Santiago, Chile.",
        "burned",
        "CHL",
        None,
    ),
    (
        "On 15 January 2021, FARC dissidents attacked a military base in Tumaco (Narino).",
        "attacked",
        "COL",
        "Narino",
    ),
    (
        "On 30 April 2021, ELN guerrillas killed two soldiers in Arauca department.",
        "killed",
        "COL",
        "Arauca",
    ),
    (
        "On 19 June 2022, gunmen killed a journalist in Culiacan, Sinaloa.",
        "killed",
        "MEX",
        "Sinaloa",
    ),
    ("On 3 August 2021, protesters blocked highways in Sao Paulo.", "blocked", "BRA", "Sao Paulo"),
    (
        "On 12 April 2022, soldiers clashed with gang members in San Pedro Sula.",
        "clashed",
        "HND",
        "Cortes",
    ),
    (
        "On 27 September 2021, a prison riot in Guayaquil left 118 inmates dead.",
        "riot",
        "ECU",
        "Guayas",
    ),
    (
        "Gunmen on motorcycles killed nine worshippers at a mosque in Zamfara state on "
        "Friday, police said.",
        "killed",
        "NGA",
        "Zamfara",
    ),
    (
        "Security forces opened fire on demonstrators in the city of Kassala, eastern Sudan, "
        "killing two.",
        "opened",
        "SDN",
        "Kassala",
    ),
    (
        "A roadside bomb struck a military vehicle on the outskirts of Mogadishu on Tuesday.",
        "struck",
        "SOM",
        "Banadir",
    ),
    (
        "Fighting between the army and RSF spread to El Obeid in North Kordofan.",
        "Fighting",
        "SDN",
        "North Kordofan",
    ),
    (
        "Jihadists attacked the town of Menaka in northeastern Mali, killing 17 civilians.",
        "attacked",
        "MLI",
        "Menaka",
    ),
    (
        "Police in Lagos arrested 40 people protesting against police brutality.",
        "arrested",
        "NGA",
        "Lagos",
    ),
    (
        "An explosion at a market in Maiduguri killed at least 12 people.",
        "explosion",
        "NGA",
        "Borno",
    ),
    ("M23 rebels seized the border town of Bunagana in North Kivu.", "seized", "COD", "Nord-Kivu"),
    ("Protesters torched government buildings in Kenema, Sierra Leone.", "torched", "SLE", None),
    (
        "Soldiers clashed with Fulani militants near Mopti in central Mali.",
        "clashed",
        "MLI",
        "Mopti",
    ),
    ("A car bomb exploded outside a hotel in Mogadishu, killing 8.", "exploded", "SOM", "Banadir"),
    ("Ethiopian federal troops shelled the town of Adigrat in Tigray.", "shelled", "ETH", "Tigray"),
    ("Hundreds marched through Antananarivo to protest power cuts.", "marched", "MDG", None),
    ("Unknown assailants killed a village chief in Kidal region.", "killed", "MLI", "Kidal"),
    (
        "Israeli troops raided the Jenin refugee camp in the northern West Bank.",
        "raided",
        "PSE",
        "West Bank",
    ),
    (
        "A car bomb exploded in Azaz, a town in Aleppo province near the Turkish border.",
        "exploded",
        "SYR",
        "Aleppo",
    ),
    ("Iraqi security forces killed three protesters in Nasiriyah.", "killed", "IRQ", "Dhi Qar"),
    ("A Houthi drone struck an oil facility in Jizan, Saudi Arabia.", "struck", "SAU", "Jazan"),
    (
        "Protesters blocked roads in Tripoli, Lebanon's second city, on Monday.",
        "blocked",
        "LBN",
        "North Lebanon",
    ),
    (
        "Airstrikes hit the town of Maarat al-Numan in Idlib, killing 15 civilians.",
        "Airstrikes",
        "SYR",
        "Idlib",
    ),
    (
        "Turkish drones struck PKK targets in the Qandil mountains of northern Iraq.",
        "struck",
        "IRQ",
        None,
    ),
    (
        "Militants stormed a girls' school in Peshawar, killing five students.",
        "stormed",
        "PAK",
        "Khyber Pakhtunkhwa",
    ),
    ("Police clashed with farmers in Amritsar, Punjab.", "clashed", "IND", "Punjab"),
    ("A landmine blast killed two soldiers in Kunar province.", "killed", "AFG", "Kunar"),
    (
        "Protesters stormed a police station in Karachi after a custodial death.",
        "stormed",
        "PAK",
        "Sindh",
    ),
    (
        "Maoists torched vehicles in Gadchiroli district of Maharashtra.",
        "torched",
        "IND",
        "Maharashtra",
    ),
    (
        "The junta's forces burned houses in the village of Let Yet Kone in Sagaing region.",
        "burned",
        "MMR",
        "Sagaing",
    ),
    ("Police fired tear gas at students in Colombo on Wednesday.", "fired", "LKA", None),
    ("Russian shelling killed four civilians in Kherson on Sunday.", "shelling", "UKR", "Kherson"),
    ("Riot police detained 50 people during a rally in Tbilisi, Georgia.", "detained", "GEO", None),
    ("Protesters clashed with police outside parliament in Yerevan.", "clashed", "ARM", None),
    (
        "Farmers blocked highways near Lyon to protest fuel taxes.",
        "blocked",
        "FRA",
        "Auvergne-Rhone-Alpes",
    ),
    ("Police arrested 20 football fans after clashes in Marseille.", "arrested", "FRA", None),
    ("Gunmen killed six people at a bar in Guanajuato state.", "killed", "MEX", "Guanajuato"),
    (
        "Indigenous protesters blocked the Pan-American highway in Cauca department.",
        "blocked",
        "COL",
        "Cauca",
    ),
    (
        "Police killed two suspected gang members in Rio de Janeiro's Complexo da Mare.",
        "killed",
        "BRA",
        "Rio de Janeiro",
    ),
    (
        "Hundreds of protesters marched in Tegucigalpa against the new law.",
        "marched",
        "HND",
        "Francisco Morazan",
    ),
    ("Armed men attacked a police patrol in Tumbes, Peru.", "attacked", "PER", "Tumbes"),
    ("Demonstrators clashed with riot police in Quito on Thursday.", "clashed", "ECU", "Pichincha"),
    (
        "Protesters rallied in Atlanta, Georgia, against the new voting law.",
        "rallied",
        "USA",
        "Georgia",
    ),
    ("Clashes erupted in Tripoli between rival militias, killing 32.", "Clashes", "LBY", "Tripoli"),
    (
        "Police dispersed a protest in Hyderabad, the capital of Telangana.",
        "dispersed",
        "IND",
        "Telangana",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "iso3", "admin1"), REPORTS)
def test_short_reports(text, trigger, iso3, admin1) -> None:
    doc = place_doc(text)
    loc = _loc(doc, trigger)
    assert loc is not None and loc.country == iso3
    if admin1 is not None:
        assert loc.admin1 == admin1


def test_there_are_enough_reports_from_every_continent() -> None:
    assert len(REPORTS) >= 60
    africa = {"NGA", "SOM", "COD", "BFA", "MLI", "ETH", "SDN", "MOZ", "CMR", "NER", "LBY"}
    americas = {"COL", "MEX", "HTI", "BRA", "HND", "ECU", "PER", "BOL", "USA"}
    europe = {"UKR", "FRA", "ESP", "NLD", "RUS", "BLR", "GEO", "ARM"}
    asia = {"PAK", "AFG", "IND", "MMR", "BGD", "PHL", "LKA"}
    seen = {r[2] for r in REPORTS}
    assert all(len(seen & group) >= 5 for group in (africa, americas, europe, asia))


def test_the_ends_of_a_route_are_not_where_the_event_happened() -> None:
    doc = place_doc(
        "Gunmen ambushed a convoy on the Gusau-Funtua road in Nigeria's Zamfara state on "
        "Thursday, killing eight soldiers."
    )
    assert [p.text for p in doc.places if p.text in ("Gusau", "Funtua")] == ["Gusau", "Funtua"]
    loc = locate_event(doc, make_event(doc, "ambushed"))
    assert (loc.name, loc.precision) == ("Zamfara", "admin1")


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        # the target has no country; the armed group fights at home
        (
            "On 2 May 2024, al Shabaab fighters ambushed government troops near an unnamed well.",
            "SOM",
        ),
        # a gang, too
        ("On 2 May 2024, Barrio 18 gang members shot a rival near an unnamed well.", "SLV"),
    ],
)
def test_an_unplaced_attack_on_a_target_of_no_country_is_in_the_armed_groups(
    coder, text: str, iso3: str
) -> None:
    attack = next(e for e in coder.code(text, pub_date="2024-05-04") if e.event_type == "ASSAULT")
    assert attack.location is not None and attack.location.country == iso3


def test_an_unplaced_attack_by_a_states_army_is_not_placed_at_home(coder) -> None:
    events = coder.code(
        "On 2 May 2024, Russian troops ambushed a convoy near an unnamed well.",
        pub_date="2024-05-04",
    )
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.location is None or attack.location.country != "RUS"


def test_a_named_place_abroad_beats_the_armed_groups_home(coder) -> None:
    events = coder.code(
        "On 2 May 2024, a Boko Haram suicide bomber blew himself up at the entrance to Kousseri "
        "town (Far North region), killing himself and a soldier.",
        pub_date="2024-05-04",
    )
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.location is not None and attack.location.country == "CMR"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels clashed with soldiers on islands of Lake Chad near Baga in Borno state.",
        "Gunmen attacked fishermen on Lake Chad near Baga (Kukawa, Borno) on Monday.",
    ],
)
def test_a_town_told_within_a_wide_place_of_several_countries_places_the_event(text) -> None:
    doc = place_doc(text)
    trigger = "clashed" if "clashed" in text else "attacked"
    loc = locate_event(doc, make_event(doc, trigger, "ASSAULT"))
    assert (loc.country, loc.admin1) == ("NGA", "Borno")


def test_a_wide_place_alone_stays_the_events_place() -> None:
    doc = place_doc("Pirates attacked a tanker in the Gulf of Guinea on Monday.")
    loc = locate_event(doc, make_event(doc, "attacked", "ASSAULT"))
    assert loc.country is None and loc.name == "Gulf of Guinea"


@pytest.mark.parametrize(
    "text",
    [
        "Crowds took to the streets of Accra and Kumasi on Friday over power cuts.",
        "Crowds took to the streets in Accra and Kumasi on Friday over power cuts.",
    ],
)
def test_a_place_on_another_word_of_a_phrase_trigger_is_the_events_place(text) -> None:
    """ "took to the streets of/in X and Y": the place hangs on "streets", a word of the
    trigger, not on its verb; the first named place is where the protest was."""
    from flashpoint import Coder

    found = Coder().code(text, pub_date="2025-05-10")
    protest = next(e for e in found if e.event_type == "PROTEST")
    assert protest.location is not None
    assert (protest.location.name, protest.location.country) == ("Accra", "GHA")


def test_acting_to_protest_happens_where_the_act_does() -> None:
    """ "shut their stores in X to protest Y": the closing is the protest, so the place of
    the verb a "to protest" clause hangs on is the protest's place, and the protest is
    the report's event, not the killings it protests."""
    from flashpoint import Coder

    text = "Shopkeepers shut their stores in Srinagar to protest the killings."
    found = Coder().code(text, pub_date="2025-05-10")
    protest = next(e for e in found if e.event_type == "PROTEST")
    assert protest.location is not None
    assert protest.location.name == "Srinagar"
    assert max(found, key=lambda e: e.confidence) is protest


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # a township the gazetteer knows only through its container
        ("Residents of Alexandra (City of Johannesburg, Gauteng) beat a Zimbabwean man to "
         "death on Sunday.", "Gauteng"),
        # the verb the act is conjoined to has the people as its subject
        ("Residents of Alexandra (City of Johannesburg, Gauteng) went from door to door and "
         "beat a Zimbabwean man to death on Sunday.", "Gauteng"),
        # and one it knows by name
        ("Residents of Soweto (City of Johannesburg, Gauteng) beat a suspected thief to "
         "death on Sunday.", "Gauteng"),
    ],
)  # fmt: skip
def test_the_people_of_a_place_act_where_they_live(coder, text, admin1) -> None:
    """ "residents of X beat a man": the place hangs on the actor by "of", yet it is where
    the actor's own act happened."""
    event = next(e for e in coder.code(text, pub_date="2025-05-10") if e.event_type == "ASSAULT")
    assert event.location is not None and event.location.admin1 == admin1


def test_the_people_of_a_place_do_not_place_what_they_speak_of(coder) -> None:
    text = "Residents of Goma condemned the attack on the camp in Rutshuru."
    attack = next(e for e in coder.code(text, pub_date="2025-05-10") if e.event_type == "ASSAULT")
    assert attack.location is not None and attack.location.name == "Rutshuru"


def test_a_force_pulling_out_of_a_town_retreats_from_it(coder) -> None:
    """ "pulled out of X" is "withdrew from X": a retreat happens where it is from."""
    text = "Rebel fighters began pulling out of the northern town of Bunia on Friday."
    event = next(e for e in coder.code(text, pub_date="2025-05-10") if e.event_type == "RETREAT")
    assert event.location is not None and event.location.name == "Bunia"


def test_rival_places_of_one_country_still_give_the_country(coder) -> None:
    """ "on the road between X and Y", two regions of one country: the text does not say
    which region, but it says which country."""
    text = "A roadside bomb hit a bus on the road between Afgoye and Mogadishu on Monday."
    event = next(e for e in coder.code(text, pub_date="2025-05-10") if e.event_type == "ASSAULT")
    assert event.location is not None
    assert (event.location.country, event.location.admin1) == ("SOM", None)


def test_a_base_handed_over_is_where_the_handover_was(coder) -> None:
    """What a force hands over, like what it attacks or moves into, is a place it acts on;
    its container in brackets says where (the base itself is unknown to the gazetteer)."""
    text = (
        "On 3 May 2024, Kenyan troops handed over Forward Operating Base Kudhaa (Afmadow, "
        "Lower Juba) to Somali forces."
    )
    event = next(e for e in coder.code(text, pub_date="2024-05-05") if e.event_type == "RETREAT")
    assert event.location is not None and event.location.admin1 == "Lower Juba"


def test_the_events_of_one_trigger_share_its_place() -> None:
    """One trigger split into one event per actor ("a colonel and 80 of his troops
    defected") tells one act in one place: an unplaced one takes its sibling's."""
    from flashpoint.document import EventLocation
    from flashpoint.stages.frames.narrative import frame_events

    doc = place_doc(
        "An SPLA-IO colonel and about 80 of his troops defected to the government on Monday."
    )
    first = make_event(doc, "defected", "MOBILIZE", actor=("An SPLA-IO colonel", "SSD"))
    second = make_event(doc, "defected", "MOBILIZE", actor=("his troops", "SSD"))
    first.location = EventLocation(name="Yei", country="SSD", admin1="Central Equatoria")
    doc.events = [first, second]
    frame_events(doc)
    assert [e.location.name if e.location else None for e in doc.events] == ["Yei", "Yei"]


def test_a_march_happens_where_it_goes(coder) -> None:
    text = "Students marched from their campus to the Executive Mansion in Monrovia on Monday."
    event = next(e for e in coder.code(text, pub_date="2024-05-10") if e.event_type == "PROTEST")
    assert event.location is not None and event.location.name == "Monrovia"
