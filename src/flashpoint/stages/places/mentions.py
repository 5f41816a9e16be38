"""Finding place mentions in a sentence: gazetteer phrase matching checked against spaCy.

The phrase matcher reads capitalised word runs ("Sistan and Baluchestan", "Deir ez-Zor",
"U.S.") and keeps the longest that is a gazetteer name. spaCy's entities and part-of-speech
tags (when the sentence was parsed) confirm or veto matches, and GPE/LOC/FAC entities that the
gazetteer does not know are kept as unresolved mentions.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from flashpoint.errors import DataFileError
from flashpoint.stages.places.gazetteer import Gazetteer, Place
from flashpoint.stages.places.names import normalize, strip_article
from flashpoint.stages.wordlists import load_word_lists

MAX_WORDS = 7
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*")
_GAP = re.compile(r"\s+|-|\s*-\s*|\.\s+")
# the cue words are data: data/places/cues.tsv
_CUES = load_word_lists("places/cues.tsv")
_CONNECTORS = _CUES["connectors"]
_ARTICLES = _CUES["articles"]
# words after a name that say what kind of place it is, and the kinds they point to
ADMIN1_WORDS = _CUES["admin1_words"]
ADMIN2_WORDS = _CUES["admin2_words"]
CITY_WORDS = _CUES["city_words"]
# the kind words of regions of either level ("Zamfara State", "Lamu County")
REGION_WORDS = ADMIN1_WORDS | ADMIN2_WORDS
DESIGNATORS = REGION_WORDS | CITY_WORDS
# the kind words that make a name the gazetteer lacks a place ("Paletwa township")
_UNKNOWN_KINDS = (ADMIN2_WORDS | CITY_WORDS) - _CUES["weak_kind_words"]
# capitalised words after a name that make it part of an organisation's name
ORG_WORDS = _CUES["org_words"]
# capitalised words after a name that keep it a place ("Kabul Airport")
FACILITY_WORDS = _CUES["facility_words"]
# capitalised or not, words after a name that make it a street or a river ("Haifa Street")
STREET_WORDS = _CUES["street_words"]
# nouns of people after a people's word that make it the demonym ("Somali soldiers")
PEOPLE_AFTER = _CUES["people_after"]
# verbs whose place object is where an attack happened ("retook the town of Mudiyah")
PLACE_OBJECT_VERBS = _CUES["place_object_verbs"]
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_VETO_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "LANGUAGE"}


@dataclass(slots=True)
class Token:
    start: int  # offsets in the sentence
    end: int
    text: str
    possessive: bool = False

    @property
    def capital(self) -> bool:
        """Capitalised, or an elided article before a capital ("d'Ivoire", "l'Aquila")."""
        t = self.text
        return t[:1].isupper() or (len(t) > 2 and t[1] in "'’" and t[2].isupper())


@dataclass(slots=True)
class RawMention:
    """A place-like phrase of one sentence, before resolution (offsets in the sentence)."""

    start: int
    end: int  # end of the name
    text: str
    candidates: list[Place]
    key: str
    source: str = "gazetteer"  # gazetteer | ner
    designator: str | None = None  # "province", "district", "city"...
    designator_end: int | None = None  # end of "... province"
    possessive: bool = False
    label: str | None = None  # the spaCy entity label over it, if any
    prev_word: str | None = None  # a capitalised word joined to it before, if any
    # a capitalised word joined to it before that opens the sentence or a clause ("Charlie
    # Chen, 48, ..."): maybe a name's first word, maybe capitalised by its place
    lead_word: str | None = None
    next_word: str | None = None  # a capitalised word joined to it after, if any
    run_designated: bool = False  # ... and the run it starts ends in a kind word ("town")
    links: list[int] = field(default_factory=list)
    subject: bool = False  # the parse makes it the subject of a verb ("Tehran said")
    addressee: bool = False  # the object of a verb of judging or addressing ("accused Moscow")
    speaker: bool = False  # ... of a verb of speaking ("Sandberg reiterated")
    # a river, lake or bay the gazetteer lacks: its name without the water word ("Congaree")
    water: str | None = None
    # a local place the gazetteer lacks, placed in the document's home region ("Forest Park")
    unlisted: bool = False
    # readings kept only as a bigger town's spelling of the name: they rank below the towns
    # bearing the name itself (ids)
    spellings: frozenset[str] = frozenset()

    @property
    def full_end(self) -> int:
        return self.designator_end or self.end


def tokenize(text: str) -> list[Token]:
    """Word tokens; "Iran's" becomes "Iran" marked possessive."""
    out = []
    for m in _TOKEN.finditer(text):
        tok = Token(m.start(), m.end(), m.group())
        if len(tok.text) > 3 and tok.text[-2:] in ("'s", "’s"):
            tok.end -= 2
            tok.text = tok.text[:-2]
            tok.possessive = True
        out.append(tok)
    return out


def _can_start(tok: Token) -> bool:
    return tok.capital or (tok.text.lower() in _ARTICLES)


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    if a.possessive:
        return False
    if gap.startswith(".") and len(a.text) > 3:
        return False
    return bool(_GAP.fullmatch(gap))


def _span_ok(tokens: list[Token], i: int, j: int) -> bool:
    """Tokens i..j-1 can be one name: capitalised ends, connectors only inside."""
    if not tokens[j - 1].capital:
        return False
    inner = tokens[i + 1 : j - 1]
    return all(t.capital or t.text.lower() in _CONNECTORS for t in inner)


@cache
def _abbreviations() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    """data/places/abbreviations.tsv: "La." -> (USA, Louisiana), and one pattern for all."""
    from importlib.resources import files

    path = files("flashpoint") / "data" / "places" / "abbreviations.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}; reinstall flashpoint") from exc
    table = {}
    for line in lines:
        if line.startswith(("#", "abbr\t")) or not line.strip():
            continue
        abbr, country, admin1 = line.split("\t")[:3]
        table[abbr] = (country, admin1)
    alternatives = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    # after a comma: "La." with its full stop, or "MA" ending the phrase
    dotted = rf",\s+({alternatives})(?=[\s,;:)\]]|$)(?<=\.)"
    pattern = re.compile(rf"{dotted}|,\s+({alternatives})(?![\w.])")
    return table, pattern


def _abbreviated_regions(text: str, gaz: Gazetteer, names: list[RawMention]) -> list[RawMention]:
    """ "Slidell, La.", "RALEIGH, N.C. (AP)", "Boston, MA": a US state's or Canadian
    province's abbreviation right after a town the gazetteer knows and a comma ("Smith, Ill.
    since May" is no place)."""
    table, pattern = _abbreviations()
    out = []
    for hit in pattern.finditer(text):
        group = 1 if hit.group(1) else 2
        abbr, start, end = hit.group(group), hit.start(group), hit.end(group)
        if not any(0 <= hit.start() - m.full_end <= 1 for m in names):
            continue
        country, name = table[abbr]
        region = gaz.admin1(country, name)
        if region is not None:
            out.append(RawMention(start, end, abbr, [region], normalize(region.name)))
    return out


def find_names(text: str, gaz: Gazetteer) -> list[RawMention]:
    """Longest-first gazetteer matches over capitalised runs of `text`, and abbreviated
    states and provinces after a town ("Slidell, La."), which win over a one-word match
    of the same letters ("Mont", a French town)."""
    out = _gazetteer_names(text, gaz)
    if "," not in text:
        return out
    regions = _abbreviated_regions(text, gaz, out)
    if not regions:
        return out
    out = [m for m in out if not any(r.start < m.full_end and m.start < r.end for r in regions)]
    return sorted(out + regions, key=lambda m: m.start)


def _gazetteer_names(text: str, gaz: Gazetteer) -> list[RawMention]:
    tokens = tokenize(text)
    out: list[RawMention] = []
    i = 0
    while i < len(tokens):
        water = _water_body_at(text, tokens, i, gaz)
        if water is not None:
            out.append(water[0])
            i = water[1]
            continue
        hit = _longest_at(text, tokens, i, gaz) if _can_start(tokens[i]) else None
        if hit is None:
            hit = _unknown_with_kind_word(text, tokens, i)
        if hit is None:
            i += 1
            continue
        mention, j = hit
        _add_bare_regions(mention, gaz)
        _add_designator(text, tokens, j, mention)
        _add_neighbours(text, tokens, i, j, mention, gaz)
        out.append(mention)
        i = j
    return out


def _longest_at(
    text: str, tokens: list[Token], i: int, gaz: Gazetteer
) -> tuple[RawMention, int] | None:
    last = i
    while (
        last + 1 < len(tokens)
        and last + 1 - i < MAX_WORDS
        and _joined(text, tokens[last], tokens[last + 1])
    ):
        last += 1
    for j in range(last + 1, i, -1):
        if not _span_ok(tokens, i, j):
            continue
        start, end = tokens[i].start, tokens[j - 1].end
        if _is_compound_modifier(text, end):
            continue
        key = _known_key(text[start:end], gaz)
        if key is not None:
            cands = gaz.lookup(key)
            start = _past_the(tokens, i, j, cands)
            return RawMention(
                start,
                end,
                text[start:end],
                cands,
                key if start == tokens[i].start else normalize(text[start:end]),
                possessive=tokens[j - 1].possessive,
            ), j
    return None


def _known_key(name: str, gaz: Gazetteer) -> str | None:
    """The gazetteer key of `name`; a hyphenated name is also looked up written as one word
    ("Pétion-Ville" is "Pétionville")."""
    key = normalize(name)
    if key in gaz:
        return key
    if "-" in name:
        joined = normalize(name.replace("-", ""))
        if joined in gaz:
            return joined
    return None


# the words that make a capitalised name a water body: after the name ("Congaree River",
# "Cherry Creek Reservoir", "Glenrock Lagoon") or before it ("Lake Murray", "River Witham")
WATER_AFTER = frozenset(
    ("river", "creek", "lake", "reservoir", "bay", "lagoon", "estuary", "sound", "brook")
)
WATER_BEFORE = frozenset(("lake", "river", "loch", "lough"))
_WATER_NAME_WORDS = 3  # at most this many words of name besides the water word
_THE = ("The", "THE")
# last words that make "Lake ..." or "River ..." a street, a body or a district ("Lake Shore
# Drive", "River Road", "Lake County")
_NOT_WATER_ENDS = STREET_WORDS | FACILITY_WORDS | ORG_WORDS | DESIGNATORS


def _water_body_at(
    text: str, tokens: list[Token], i: int, gaz: Gazetteer
) -> tuple[RawMention, int] | None:
    """A whole capitalised name that ends in a water word ("Congaree River", "the Dnipro
    river": only "river" in lower case) or starts with one ("Lake Murray", "River Avon") is
    one water body, found whether or not the gazetteer knows its other words (so that the
    state of "Missouri River" is no place of its own), unless the gazetteer knows the whole
    name as a place ("Lake Charles", "Green Bay"), knows the name without its water word
    only as a river or sea region ("Nile River"), or the water word comes first and the
    rest is a country or region by its own name ("Lake Van": the province stays found)."""
    tok = tokens[i]
    if not tok.capital:
        return None
    if _common(tok):  # "The Hunter River", "Near Lake Murray": from the next word
        nxt = i + 1 < len(tokens) and _joined(text, tok, tokens[i + 1])
        return _water_body_at(text, tokens, i + 1, gaz) if nxt else None
    previous = tokens[i - 1] if i > 0 else None
    if previous and previous.capital and not _common(previous) and _joined(text, previous, tok):
        return None  # not the start of the capitalised run
    k = i
    while (
        k + 1 < len(tokens)
        and k - i < _WATER_NAME_WORDS
        and tokens[k + 1].capital
        and _joined(text, tokens[k], tokens[k + 1])
    ):
        k += 1
    if k + 1 < len(tokens) and tokens[k + 1].capital and _joined(text, tokens[k], tokens[k + 1]):
        return None  # a longer run
    last = k
    if (
        k + 1 < len(tokens)
        and tokens[k + 1].text == "river"
        and text[tokens[k].end : tokens[k + 1].start] == " "
    ):
        last = k + 1  # "the Dnipro river"
    first_word, last_word = tokens[i].text.lower(), tokens[last].text.lower()
    if last > i and last_word in WATER_AFTER and not tokens[last - 1].possessive:
        name, word = (i, last), last_word
    elif last > i and first_word in WATER_BEFORE and last_word not in _NOT_WATER_ENDS:
        name, word = (i + 1, last + 1), first_word
    else:
        return None
    if any(t.possessive for t in tokens[i:last]):
        return None  # "the Waikato River's largest lake" is the river, "Missouri's river" not
    if any(_common(t) for t in tokens[name[0] : name[1]]):
        return None  # "On Sunday river levels"
    start, end = tokens[i].start, tokens[last].end
    if normalize(text[start:end]) in gaz:
        return None  # "Lake Charles", "Green Bay", "Salt Lake City": the town
    bare_text = text[tokens[name[0]].start : tokens[name[1] - 1].end]
    bare = normalize(bare_text)
    if bare in COMPASS_NAMES:
        return None  # "North Bay"
    readings = gaz.lookup(bare) if bare in gaz else []
    if readings and all(c.kind == "region" for c in readings):
        return None  # "Nile River": the gazetteer's own river
    if word == first_word and any(_strong_own(c, bare) for c in readings):
        return None  # "Lake Van": the province stays a place of its own, as it was
    m = RawMention(start, end, text[start:end], [], normalize(text[start:end]), water=bare_text)
    m.designator, m.designator_end = word, end
    return m, last + 1


def _strong_own(c: Place, key: str) -> bool:
    return c.kind in ("country", "admin1", "region") and own_name(c, key)


def _common(tok: Token) -> bool:
    """A function word ("The", "On" opening a sentence) or a month's or day's name:
    capitalised by its place, no word of a name."""
    word = tok.text.lower()
    return word in _function_words() or word in TIME_WORDS


def _past_the(tokens: list[Token], i: int, j: int, cands: list[Place]) -> int:
    """Where a name starts: past a capitalised "The" before it ("The U.S.", a sentence's
    "The Lagos-born ..."), unless a reading's name begins with it ("The Hague")."""
    if j == i + 1 or tokens[i].text not in ("The", "THE"):
        return tokens[i].start
    if any(normalize(c.name).startswith("the ") for c in cands):
        return tokens[i].start
    return tokens[i + 1].start


def _unknown_with_kind_word(
    text: str, tokens: list[Token], i: int
) -> tuple[RawMention, int] | None:
    """ "Paletwa township", "Kabala village": a place the gazetteer lacks, known by its kind
    word (kept unresolved, so that its container can stand for it)."""
    j = i
    while (
        j < len(tokens)
        and j - i < 3
        and tokens[j].capital
        and (j == i or _joined(text, tokens[j - 1], tokens[j]))
    ):
        j += 1
    if j == i or j >= len(tokens) or i == 0:
        return None
    word = tokens[j].text.lower()
    if word not in _UNKNOWN_KINDS or not _joined(text, tokens[j - 1], tokens[j]):
        return None
    start, end = tokens[i].start, tokens[j - 1].end
    return RawMention(start, end, text[start:end], [], normalize(text[start:end])), j


_PLACE_COMPOUNDS = _CUES["place_compounds"]
_WORD_AFTER_HYPHEN = re.compile(r"-([a-z]+)\b")


def _is_compound_modifier(text: str, end: int) -> bool:
    """ "Iran-backed", "Saudi-led": a name used as a modifier. "London-based", "Lagos-born"
    still name the place (the mention is the name alone)."""
    if not (end + 1 < len(text) and text[end] == "-" and text[end + 1].islower()):
        return False
    word = _WORD_AFTER_HYPHEN.match(text, end)
    return word is None or word.group(1) not in _PLACE_COMPOUNDS


def _add_neighbours(
    text: str, tokens: list[Token], i: int, j: int, m: RawMention, gaz: Gazetteer
) -> None:
    """The capitalised words glued to the name ("Arakan Army", "Abu Sayyaf"), but not a
    place joined by a hyphen ("the Amsterdam-London leg"); a capitalised word before a
    surname particle ("Roger van Boxtel") counts as glued."""
    before = text[max(0, tokens[i - 1].start - 2) : tokens[i - 1].start] if i > 0 else ""
    # the whole name before a hyphen is looked up only where a hyphen joins the two
    hyphen = i > 0 and text[tokens[i - 1].end : tokens[i].start] == "-"
    left = _name_ending_at(text, tokens, i - 1, gaz) if hyphen else None
    if i > 0 and tokens[i - 1].capital and _glued(text, tokens[i - 1], tokens[i], gaz, left, m.key):
        if before.strip(" ") not in ("", ".", ","):
            m.prev_word = tokens[i - 1].text
        else:
            m.lead_word = tokens[i - 1].text
    elif i > 1 and tokens[i - 1].text in _PARTICLES and tokens[i - 2].capital:
        m.prev_word = tokens[i - 2].text
    if j < len(tokens) and tokens[j].capital and _glued(text, tokens[j - 1], tokens[j], gaz, m.key):
        m.next_word = tokens[j].text
        m.run_designated = _run_designated(text, tokens, j, gaz)
    elif (
        j + 1 < len(tokens)
        and tokens[j].text in _PARTICLES
        and tokens[j + 1].capital
        and text[tokens[j - 1].end : tokens[j + 1].start] == f" {tokens[j].text} "
    ):
        # "the Plaza de Mayo": a longer name the gazetteer lacks, not the village of Plaza
        m.next_word = tokens[j + 1].text


def _name_ending_at(text: str, tokens: list[Token], k: int, gaz: Gazetteer) -> str | None:
    """The longest place name of up to three words that ends with token `k` ("Fada
    N'Gourma" before "-Pama"), or None."""
    for n in (3, 2, 1):
        if k - n + 1 < 0:
            continue
        key = normalize(text[tokens[k - n + 1].start : tokens[k].end])
        if key in gaz:
            return key
    return None


def _run_designated(text: str, tokens: list[Token], j: int, gaz: Gazetteer) -> bool:
    """The capitalised words glued after the name end in a town's or district's kind word
    ("Adan Yabaal town", "Gaalkacyo North district"): the whole run is the name."""
    k = j
    while (
        k + 1 < len(tokens)
        and tokens[k + 1].capital
        and _glued(text, tokens[k], tokens[k + 1], gaz)
    ):
        k += 1
    if k + 1 >= len(tokens) or not _joined(text, tokens[k], tokens[k + 1]):
        return False
    return tokens[k + 1].text in ADMIN2_WORDS | CITY_WORDS


# lower-case words inside people's names ("Roger van Boxtel", "Osama bin Laden")
# and inside places' ("Maguindanao del Sur", "Complexo da Mare": no Sur, no Male)
_PARTICLES = frozenset(
    ("van", "von", "der", "den", "ter", "bin", "ibn", "del", "de", "da", "do", "dos", "das")
)


def _glued(
    text: str,
    a: Token,
    b: Token,
    gaz: Gazetteer,
    a_key: str | None = None,
    b_key: str | None = None,
) -> bool:
    """Two neighbouring words are joined, and not two places joined by a hyphen; a side
    that is the mention itself is judged by its whole name ("the Fada N'Gourma-Pama road"
    joins Fada N'Gourma and Pama)."""
    if not _joined(text, a, b):
        return False
    left = a_key or normalize(a.text)
    right = b_key or normalize(b.text)
    return text[a.end : b.start] != "-" or left not in gaz or right not in gaz


# one-word names that are also compass words ("West", Cameroon's region)
COMPASS_NAMES = _CUES["compass_names"]


def _in_longer_name(m: RawMention) -> bool:
    """Part of an organisation's or a person's name rather than a place."""
    nxt = (m.next_word or "").lower()
    if m.run_designated and nxt not in DESIGNATORS:
        return True  # "Adan Yabaal town": an unknown town whose first word is Aden's name
    if nxt in ORG_WORDS or (m.key in COMPASS_NAMES and (m.next_word or m.prev_word)):
        # "... Forces"; "West Wollega", "Gaalkacyo North", "Bor South": a longer unknown name
        return True
    if m.next_word and m.text in _CAPITAL_PARTICLES:
        return True  # "Van Boxtel", "Bin Salman": a surname, not the province of Van
    if _strong_by_name(m) or nxt in FACILITY_WORDS:
        return False
    if nxt in DESIGNATORS:
        # "Jolo town" is a town, but in "the Ngorongoro Conservation Area" the kind word is
        # the longer name's, not Conservation's
        return m.prev_word is not None
    return m.prev_word is not None or m.next_word is not None


# surname particles written with a capital ("Van Boxtel", "Von der Leyen", "Bin Salman")
_CAPITAL_PARTICLES = frozenset(("Van", "Von", "Bin", "Ibn"))


def _strong_by_name(m: RawMention) -> bool:
    """A country, first-level region or named region called `m` by its own name or a
    hand-checked spelling: a glued capitalised word does not make it part of a longer name
    ("Mainland China"). Reached only by one of GeoNames' alternate names, it does ("Victor
    Cano" is no Kano, "Nash Riad" no Riyadh)."""
    return any(
        c.kind in ("country", "admin1", "region") and own_name(c, m.key) for c in m.candidates
    )


def own_name(c: Place, key: str) -> bool:
    """`key` is the place's name (with or without an Arabic article) or a hand-checked
    spelling, not only one of GeoNames' alternate names."""
    if key in c.aliases:
        return True
    name = normalize(c.name)
    return key in (name, strip_article(name))


# after a capitalised kind word, what makes it part of an organisation's name instead ("Montana
# Department of Justice", "U.S. District Court", "Ohio State University")
_ORG_AFTER_KIND = re.compile(r"(?:\s+of)?\s+[A-Z][a-z]")


def _street_or_river(text: str, nxt: Token, m: RawMention) -> bool:
    """ "Paulista Avenue", "Haifa Street", "the Dnipro river": a street (its word
    capitalised) or a river after the name, but not a route between two towns ("the
    Gusau-Funtua road") nor a river the gazetteer knows by that name."""
    word = nxt.text.lower()
    if word not in STREET_WORDS or text[m.end : nxt.start] != " " or strong_kind_only(m):
        return False
    if text[max(0, m.start - 1) : m.start] == "-":
        return False
    return word == "river" or nxt.capital


def _singular_kind(word: str) -> str:
    """A plural kind word names the kind of each place of a list ("the Badda and Rampura
    areas of Dhaka", "Kasese and Bundibugyo districts"): its singular."""
    if word.endswith("ies") and word[:-3] + "y" in DESIGNATORS:
        return word[:-3] + "y"  # counties
    if word.endswith("s") and word[:-1] in DESIGNATORS:
        return word[:-1]
    return word


def without_admin1_word(name: str) -> str | None:
    """ "Western Region" -> "Western": the name without a first-level kind word at its end,
    or None when it has none."""
    head, _, last = name.rpartition(" ")
    return head if head and last.lower() in ADMIN1_WORDS else None


def _add_bare_regions(m: RawMention, gaz: Gazetteer) -> None:
    """A name ending in a first-level kind word that the gazetteer knows whole ("Northern
    Region", Malawi's spelling of its Northern) names every country's first-level region of
    the name without it too (Uganda's and Ghana's Northern): the rest of the text decides."""
    head = without_admin1_word(m.key)
    if head is None or not m.candidates or head not in gaz:
        return
    known = {c.id for c in m.candidates}
    m.candidates += [c for c in gaz.lookup(head) if c.kind == "admin1" and c.id not in known]


def _add_designator(text: str, tokens: list[Token], j: int, m: RawMention) -> None:
    """ "Baluchistan province", "Panjgur district": the kind word after the name, or the one
    before it in "the town of X"."""
    if j < len(tokens) and not tokens[j - 1].possessive:
        nxt = tokens[j]
        word = _singular_kind(nxt.text.lower())
        if (
            word in DESIGNATORS
            and text[m.end : nxt.start].strip() == ""
            and not (nxt.capital and _ORG_AFTER_KIND.match(text, nxt.end))
        ):
            m.designator, m.designator_end = word, nxt.end
            return
        if _street_or_river(text, nxt, m):
            # "Paulista Avenue", "the Dnipro river": not the town or region of that name
            m.designator, m.designator_end, m.candidates = word, nxt.end, []
            return
    # "the town of X", "the tourist town of X", "a province of X"; not "territory of X" ("the
    # border territory of Georgia", "the territory of Ukraine": the country itself)
    before = text[max(0, m.start - 30) : m.start].lower().split()
    if (
        len(before) >= 3
        and before[-1] == "of"
        and before[-2] in DESIGNATORS
        and before[-2] != "territory"
        and ("the" in before[-4:-2] or "a" in before[-4:-2])
    ):
        m.designator = before[-2]


def annotate_with_parse(
    mentions: list[RawMention], parsed: Any, stop: frozenset[str], text: str | None = None
) -> list[RawMention]:
    """Veto matches spaCy reads as something else, label the rest, and add the GPE/LOC/FAC
    entities the gazetteer does not know (as unresolved mentions). `text` is the parsed
    sentence's text, when the caller has it (a spaCy Doc joins its tokens' anew each time)."""
    text = parsed.text if text is None else text
    ents = [(e.start_char, e.end_char, e.label_) for e in parsed.ents]
    kept = []
    for m in mentions:
        if m.prev_word and m.prev_word.lower() in _function_words():
            m.prev_word = None  # "After Paris, London is ...": no part of the name
        m.label = _covering_label(ents, m)
        if not m.candidates and _adjective_only(m, parsed):
            continue  # "the Kurdish town": a people's adjective describes a place, names none
        m.subject = _is_subject(m, parsed)
        m.speaker = m.subject and _speaker(m, parsed)
        m.addressee = _is_addressee(m, parsed)
        cue = has_place_cue(text, m, mentions)
        if m.key in stop and not _stop_ok(m, cue) and not _country_abbreviation(m):
            continue
        if not (cue or _listed_with_a_place(text, m, mentions)) and not _drop_alias_towns(m):
            continue
        _prefer_own_names(m)
        if _org_of(text, m) or _org_first(m) or _body_name(text, m) or _names_a_thing(text, m):
            continue
        inside_other = (m.label or "").endswith("+") or _in_longer_name(m)
        if (cue and not inside_other) or not (inside_other or _vetoed(m, m.label, parsed)):
            kept.append(m)
    for start, end, label in ents:
        if label in _PLACE_LABELS and not any(m.start < end and start < m.end for m in kept):
            kept.append(_unresolved(text, start, end, label))
    kept.sort(key=lambda m: m.start)
    return kept


_TOKEN_STARTS = "flashpoint.token_starts"


def tokens_between(parsed: Any, start: int, end: int) -> list[Any]:
    """The tokens of a parse that start at `start` <= offset < `end`, found by bisecting the
    tokens' start offsets (kept in the parse's user_data, computed once per parse)."""
    starts = parsed.user_data.get(_TOKEN_STARTS)
    if starts is None:
        starts = parsed.user_data[_TOKEN_STARTS] = [t.idx for t in parsed]
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    return [parsed[i] for i in range(lo, hi)]


def _words_before(words: frozenset[str], tail: str) -> re.Pattern[str]:
    """One of `words` and then `tail`, ending where a mention starts."""
    return re.compile(rf"\b(?:{'|'.join(sorted(words))}){tail}$", re.IGNORECASE)


_OF = r"\s+of\s+(?:the\s+)?"
_ORG_OF = _words_before(_CUES["org_of_words"], _OF)
_BODY_OF = _words_before(_CUES["body_of_words"], _OF)
_AIRLINE = _words_before(_CUES["airline_words"], r"\s+")
_BODY_HEADS = _CUES["body_heads"]
_OF_NAME = re.compile(_OF + "[A-Z]")
_PERSON_BEFORE = _words_before(_CUES["person_before"], r"\s*,?\s+")
_TITLE_BEFORE = _words_before(_CUES["person_titles"], r"\.?\s+")
_CURRENCY = _CUES["currency_words"]
_WEAPONS = _CUES["weapon_words"]
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def person_cue(text: str, m: RawMention) -> bool:
    """A one-word name right after a kinship or role noun ("his father Zachary", "Rozen's
    wife, Julia,") or a personal title ("Mr. Clark", "Sen. Booker") is a person, unless it
    is a country's or region's own name ("his son Jordan" stays Jordan)."""
    if " " in m.key or m.prev_word or m.lead_word or _strong_by_name(m):
        return False
    hit = _PERSON_BEFORE.search(text, max(0, m.start - 20), m.start)
    return hit is not None or _after_capitalised(_TITLE_BEFORE, text, m)


def _names_a_thing(text: str, m: RawMention) -> bool:
    """A name before a currency word names the money ("40 US dollars", "Hong Kong
    dollars"); a name that is no country or region before a weapon word names the weapon
    ("Grad rockets", not the Slovenian town)."""
    nxt = _NEXT_WORD.match(text, m.full_end)
    if nxt is None:
        return False
    return nxt.group(1) in _CURRENCY or (nxt.group(1) in _WEAPONS and not strong_kind(m))


def _after_capitalised(pattern: re.Pattern[str], text: str, m: RawMention) -> bool:
    """`pattern` ends right before the mention and starts with a capital letter."""
    hit = pattern.search(text, max(0, m.start - 30), m.start)
    return hit is not None and text[hit.start()].isupper()


def _org_of(text: str, m: RawMention) -> bool:
    """ "Department of Justice", "Ministry of Energy": after a capitalised body's name and
    "of", a name that is no country or region names the body's field, not a place."""
    return _after_capitalised(_ORG_OF, text, m) and not strong_kind(m)


def _body_name(text: str, m: RawMention) -> bool:
    """A name that is part of a body's: after "Bank of", "Party of", "Institute of" even a
    country is the body's ("Bank of England"); right after "Air" a country is an airline
    ("Air France"); a capitalised body word followed by "of" and a name is the body, not a
    town of that name ("University of Nairobi", "Church of England")."""
    if _after_capitalised(_BODY_OF, text, m) or _after_capitalised(_AIRLINE, text, m):
        return True
    return (
        m.key in _BODY_HEADS and text[m.start].isupper() and _OF_NAME.match(text, m.end) is not None
    )


@cache
def _function_words() -> frozenset[str]:
    """spaCy's English stop words ("after", "from", "the")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _org_first(m: RawMention) -> bool:
    """ "Police Department", "Army Camp": a name opening with an organisation word and
    ending in a kind word is a body, not a place."""
    return m.designator_end is not None and m.key.split()[0] in ORG_WORDS


def _drop_alias_towns(m: RawMention) -> bool:
    """Without a place cue, one word is no town that it names only by one of GeoNames'
    alternate names ("Keith" for Bay Shore, "Julia" for Plovdiv): those readings are dropped.
    False when no reading is left (the word was only such aliases)."""
    if not m.candidates or m.designator or " " in m.key:
        return True
    kept = [c for c in m.candidates if not _alias_only_town(c, m.key)]
    m.candidates = kept
    return bool(kept)


def _prefer_own_names(m: RawMention) -> None:
    """A town that bears the name itself beats one that GeoNames only lists it as an
    alternate name of ("Southold" is Southold, not South Bend), unless that one is a
    capital or a city of a million people ("Bombay"), or lies in a first-level region that
    bears the name itself ("Derna" is Libya's Derna district and its city Darnah, not only a
    Romanian village)."""
    own = [c.population for c in m.candidates if c.kind == "city" and own_name(c, m.key)]
    if not own:
        return
    regions = [c for c in m.candidates if c.kind == "admin1" and own_name(c, m.key)]
    kept, spellings = [], []
    for c in m.candidates:
        if (
            named_so(c, m.key)
            or c.kind not in ("city", "admin2")
            or c.capital
            or c.population >= 1_000_000
            or any(c.within(r) for r in regions)
        ):
            kept.append(c)
        elif _spelling_of_bigger_town(c, m.key, max(own)):
            kept.append(c)
            spellings.append(c.id)
    m.candidates, m.spellings = kept, frozenset(spellings)


_SPELLING_TOWN = 10_000  # a town this big, known by an alternate spelling, stays a reading
_SPELLING_RATIO = 5  # ... when it is this many times bigger than every town of that name
_SPELLING_LIKE = 0.8  # how alike the two spellings are (difflib's ratio: Kulu/Kullu 0.89)


def _spelling_of_bigger_town(c: Place, key: str, own_max: int) -> bool:
    """A town many times bigger than every town bearing the name itself, whose own name the
    name spells another way ("Kullu" of India's Kulu, against Turkey's village Küllü;
    "Legazpi" of the Philippines' Legaspi; not "Bassa", an old name of Passau): it stays a
    reading, ranked below the towns of that very name (see `resolve.prior`), so that the
    rest of the document decides."""
    if c.population < max(_SPELLING_TOWN, _SPELLING_RATIO * own_max):
        return False
    name = normalize(c.name)
    return name[:1] == key[:1] and SequenceMatcher(None, name, key).ratio() >= _SPELLING_LIKE


def named_so(c: Place, key: str) -> bool:
    """`key` is the place's own name, or its name without its kind word ("Westminster" of
    "City of Westminster", "Clark" of "Clark County"), not only an alternate name."""
    if own_name(c, key):
        return True
    name = normalize(c.name)
    rest = name[len(key) + 1 :] if name.startswith(key + " ") else ""
    return key == _town_core(name) or (bool(rest) and rest.split()[0] in DESIGNATORS)


def _alias_only_town(c: Place, key: str) -> bool:
    """A town or district of under 100,000 people whose name (with or without an Arabic
    article), the name's first words ("Acapulco" of "Acapulco de Juárez", but not "Cherry" of
    "Cherry County"), its name without "City of" ("City of Westminster") or hand-checked
    spellings are not `key`."""
    if c.kind not in ("city", "admin2") or c.population >= 100_000 or own_name(c, key):
        return False
    name = normalize(c.name)
    if c.kind == "city" and key == _town_core(name):
        return False
    rest = name[len(key) + 1 :] if name.startswith(key + " ") else ""
    return not rest or rest.split()[0] in DESIGNATORS


def _town_core(name: str) -> str:
    """A town's name without the town word before it: "city of westminster" -> "westminster"
    (not "whitley city": "Whitley" alone is more often a person)."""
    words = name.split()
    if len(words) > 2 and words[0] in CITY_WORDS and words[1] == "of":
        return " ".join(words[2:])
    return name


def _is_subject(m: RawMention, parsed: Any) -> bool:
    """The name heads the subject of a verb ("Tehran said", "Russia was accused")."""
    for t in tokens_between(parsed, m.start, m.end):
        if not (m.start <= t.head.idx < m.end):
            return bool(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"))
    return False


_SPEECH_VERBS = _CUES["speech_verbs"]
_ADDRESSING_VERBS = _CUES["addressing_verbs"]


def _is_addressee(m: RawMention, parsed: Any) -> bool:
    """The name is the object of a verb of judging or addressing ("accusing Moscow of
    breaching the convention", "urged Tehran to show restraint"): a party, not a place."""
    for t in tokens_between(parsed, m.start, m.end):
        if not (m.start <= t.head.idx < m.end):
            return t.dep_ == "dobj" and t.head.lemma_.lower() in _ADDRESSING_VERBS
    return False


def _speaker(m: RawMention, parsed: Any) -> bool:
    """The name is the subject of a verb of speaking ("Sandberg said")."""
    for t in tokens_between(parsed, m.start, m.end):
        if not (m.start <= t.head.idx < m.end):
            return t.head.lemma_.lower() in _SPEECH_VERBS
    return False


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")


def _listed_with_a_place(text: str, m: RawMention, mentions: list[RawMention]) -> bool:
    """The name is in a list with a known place ("Idlib, Hama and Kobani", "Kobani and
    Qamishli"): the list says what it is."""
    for o in mentions:
        if not o.candidates or o is m:
            continue
        if o.full_end <= m.start and _LIST_JOIN.fullmatch(text[o.full_end : m.start]):
            return True
        if m.full_end <= o.start and _LIST_JOIN.fullmatch(text[m.full_end : o.start]):
            return True
    return False


def _adjective_only(m: RawMention, parsed: Any) -> bool:
    """The unknown name is an adjective ("Kurdish", "Syrian" before "town"), or the
    entity recogniser calls it a people's word."""
    if m.label == "NORP":
        return True
    toks = [t for t in tokens_between(parsed, m.start, m.end) if t.text[:1].isalpha()]
    return bool(toks) and all(t.pos_ == "ADJ" for t in toks)


def _covering_label(ents: list[tuple[int, int, str]], m: RawMention) -> str | None:
    """The label of the entity that is exactly the mention, or that label + "+" when the
    mention is part of a longer entity."""
    for start, end, label in ents:
        if (start, end) == (m.start, m.end) or (
            start <= m.start and m.end <= end and m.full_end >= end
        ):
            return label
        if start < m.end and m.start < end:
            return label + "+"
    return None


_LOCATIVE_WORDS = "|".join(re.escape(w) for w in sorted(_CUES["locative_before"]))
_LOCATIVE_BEFORE = re.compile(rf"(?:\b(?:{_LOCATIVE_WORDS})(?:\s+the)?|\(|,)\s*$", re.IGNORECASE)


_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|:|[-–—](?:\s|$))")


def dateline(text: str, m: RawMention) -> bool:
    """ "WASHINGTON, April 5 (Reuters) -", "NEW DELHI:": a name in capitals opening its
    sentence, then a comma, a bracket, a colon or a dash, is the dateline's place."""
    return (
        m.text.isupper()
        and len(m.text) > 2
        and not text[: m.start].strip()
        and bool(_DATELINE_AFTER.match(text, m.full_end))
    )


_APPOSITIVE_KINDS = "|".join(sorted(_UNKNOWN_KINDS | {"capital", "port", "province", "region"}))
# ", a town near the border", ", the Syrian border town.": the kind word ends the noun phrase
_APPOSITIVE_KIND = re.compile(
    rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{_APPOSITIVE_KINDS})"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:of|in|on|near|about|close|just|outside|along|some|north|south|"
    r"east|west|that|which|where|with|bordering)\b)",
    re.IGNORECASE,
)


def has_place_cue(text: str, m: RawMention, mentions: list[RawMention]) -> bool:
    """The text itself says this is a place: a kind word, a locative word before it, a
    place nested with it ("Sirwah (Marib)", "Jolo, Sulu"), or an appositive whose head is a
    kind word ("Kobani, a town near the border")."""
    if m.designator or dateline(text, m) or _APPOSITIVE_KIND.match(text, m.full_end):
        return True
    after = text[m.full_end : m.full_end + 3]
    if after.lstrip().startswith("(") and any(o.start > m.end for o in mentions):
        return True
    before = text[max(0, m.start - 12) : m.start]
    if before.rstrip().endswith(("(", ",")):
        return any(o.full_end <= m.start and m.start - o.full_end <= 3 for o in mentions)
    if after.startswith(",") and any(0 <= o.start - m.full_end <= 3 for o in mentions):
        return True
    return bool(_LOCATIVE_BEFORE.search(before)) and not before.rstrip().endswith(",")


def _vetoed(m: RawMention, label: str | None, parsed: Any) -> bool:
    """True when the match is not a place here: inside a longer name of another kind
    ("Baluch Liberation Army"), a person, or a common word."""
    if label and label.endswith("+"):
        return label[:-1] in _VETO_LABELS or label[:-1] == "NORP"
    if label in _PLACE_LABELS or strong_kind(m):
        return label == "PERSON"
    if label in ("PERSON", "NORP"):
        return True
    return not _all_proper(m, parsed)


TIME_WORDS = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.day_name) if w)


def _country_abbreviation(m: RawMention) -> bool:
    """ "US", "UK": capitals that abbreviate a country are not the pronoun "us"."""
    return m.text.isupper() and any(c.kind == "country" for c in m.candidates)


def _stop_ok(m: RawMention, cue: bool) -> bool:
    """A stop-listed word counts as a place only with a kind word or a place label, or a
    locative word before it, unless it names a month or a day ("in March" is a date)."""
    if m.designator is not None or m.label in _PLACE_LABELS:
        return True
    return cue and m.label is None and m.key not in TIME_WORDS


def strong_kind_only(m: RawMention) -> bool:
    """Every reading is a river or sea region of the gazetteer ("Nile"): "Nile River" is it."""
    return bool(m.candidates) and all(c.kind == "region" for c in m.candidates)


def strong_kind(m: RawMention) -> bool:
    """Country, first-level region and named-region names are rarely anything else; a
    first-level region of a few thousand people (Slovenia's municipalities: Grad, Kanal) is
    no stronger than a village."""
    return any(
        c.kind in ("country", "region") or (c.kind == "admin1" and not _tiny(c))
        for c in m.candidates
    )


def _tiny(c: Place) -> bool:
    return 0 < c.population < _TINY_REGION


_TINY_REGION = 10_000


def _all_proper(m: RawMention, parsed: Any) -> bool:
    """The parser tags every capitalised word of the name a proper noun, or the name has
    the form of one: capitalised words joined by a lower-case connector ("Port-au-Prince")."""
    toks = [t for t in tokens_between(parsed, m.start, m.end) if t.text[:1].isalpha()]
    if len(toks) >= 3 and any(t.text.lower() in _CONNECTORS for t in toks[1:-1]):
        return True
    return bool(toks) and all(t.pos_ == "PROPN" or t.text[:1].islower() for t in toks)


def _unresolved(text: str, start: int, end: int, label: str) -> RawMention:
    while text[start:end].lower().startswith("the "):
        start += 4
    m = RawMention(
        start, end, text[start:end], [], normalize(text[start:end]), source="ner", label=label
    )
    nxt = re.match(r"\s+([A-Za-z-]+)", text[end:])
    if nxt and nxt.group(1).lower() in DESIGNATORS:
        m.designator, m.designator_end = nxt.group(1).lower(), end + nxt.end()
    return m


def filter_unparsed(mentions: list[RawMention], stop: frozenset[str]) -> list[RawMention]:
    """Without a parse, keep what is safe: strong kinds and big towns (for context only)."""
    out = []
    for m in mentions:
        if not m.candidates or (m.key in stop and not m.designator) or _in_longer_name(m):
            continue
        if m.designator or strong_kind(m) or max(c.population for c in m.candidates) >= 100_000:
            out.append(m)
    return out
