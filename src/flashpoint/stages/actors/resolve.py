"""Resolving an actor phrase to {name, country, sector}.

The rules, in the order they apply to the dictionary phrases found in the text:

1. Modifiers are not the actor: "the Iran-backed Houthis", "Iranian-made drones",
   "pro-Russian separatists", "anti-Hamas militia" keep their country word out, and so does
   an ethnicity ("ethnic Albanian guerrillas" are not Albania's).
2. The head region is the phrase up to its first preposition or relative word
   ("president of Armenia": head "president"); actors named there win over actors named
   after it, which are used only when the head names none ("of Armenia").
3. Country: the first named actor of the region (a country, demonym, capital, seat,
   institution, organisation, group or person); a transnational group (IMG) gives way to a
   state named beside it ("Somali al-Shabaab" stays SOM; "Afghan Islamic State" -> AFG).
4. Name: the most specific named actor (person > group > organisation > institution >
   the state) that is not the possessor of another ("Lebanese Hezbollah" -> Hezbollah,
   "Osama bin Laden's al-Qaeda" -> al-Qaeda).
5. Sector: the last head word ("Pakistan's air force" MIL, "Tehran residents" CVL), else the
   named actor's own sector (a person's office on the date, a group's sector then, a seat's
   sector; not when it is named after the head, "supporters of President X"), else the last
   role word ("Hamas officials" is REB, "Iranian officials" GOV), else a capital's GOV or a
   plural demonym's CVL ("Palestinians"). A "former", "ex-" or "ousted" government,
   legislature or judiciary title gives ELI; official or state-run media are GOV.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from flashpoint.stages.actors.lexicon import (
    NAMED_KINDS,
    NONSTATE_CODES,
    ActorLexicon,
    Entry,
    Match,
    load_actor_lexicon,
)
from flashpoint.stages.actors.text import WORD, fold

_MODIFIER_WORDS = (
    "backed|supported|sponsored|allied|aligned|funded|armed|trained|linked|affiliated|inspired|"
    "claimed|controlled|held|occupied|born|friendly|leaning|brokered|mediated|made|built|"
    "supplied|designed|style|related|bound"
)
_MODIFIER_AFTER = re.compile(rf"\s*-\s*(?:{_MODIFIER_WORDS})\b|\s+(?:{_MODIFIER_WORDS})\b")
_MODIFIER_BEFORE = re.compile(r"\b(?:pro|anti|non)\s*-\s*$")
_ETHNIC = re.compile(r"\bethnic(?:ally)?\s+$")
_FORMER = re.compile(r"\b(?:former|ex|ousted|deposed|exiled|late|erstwhile|onetime|one-time)\b")
_POSSESSIVE = re.compile(r"'s?(?![a-z0-9])")
_OFFICIAL = re.compile(
    r"\b(?:official|state|state-run|state-owned|state-controlled|state-backed|government|"
    r"government-run|government-controlled|government-owned|regime|pro-government)\b"
)
_HEAD_END_WORDS = frozenset(
    re.findall(
        r"\w+",
        "of in at from to for on with by near across throughout inside outside against under "
        "over between among amid into toward towards fleeing including who whom whose which "
        "that after during since like than",
    )
)
_NAME_RANK = {"person": 0, "group": 1, "org": 2, "institution": 3, "seat": 4}
_ELITE_SECTORS = frozenset({"GOV", "LEG", "JUD"})


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """An actor phrase resolved: None where the text does not say.

    `kind` says what resolved it: country, agent, group, org or person (None when nothing).
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None

    @property
    def found(self) -> bool:
        return self.name is not None or self.country is not None or self.sector is not None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
        }


@dataclass(frozen=True, slots=True)
class _Pick:
    """One match with the entry chosen for it (persons are chosen by date)."""

    match: Match
    entry: Entry
    sector: str | None


def resolve_actor(text: str, date: date | None = None) -> ResolvedActor:
    """Resolve an actor phrase ("American warplanes", "Secretary Blinken") on `date`."""
    lexicon = load_actor_lexicon()
    relaxed = not any(ch.isupper() for ch in text)
    return resolve_matches(lexicon, text, lexicon.scan(text, relaxed=relaxed), date)


def resolve_matches(
    lexicon: ActorLexicon, text: str, matches: list[Match], when: date | None
) -> ResolvedActor:
    """Resolve `text` from the dictionary matches found in it (offsets relative to `text`)."""
    folded = fold(text)
    picks = [_pick(m, when) for m in matches]
    split = _head_end(folded, matches)
    head = [p for p in picks if p.match.start < split]
    named = [p for p in head if _is_named(p, folded)]
    if not named:
        named = [p for p in picks if p.match.start >= split and _is_named(p, folded)]
    from_head = bool(named) and named[0].match.start < split
    agents = [p for p in head if p.entry.kind == "agent"]
    country = _country(named, agents)
    best = min(_namers(named, folded), key=lambda p: _NAME_RANK.get(p.entry.kind, 9), default=None)
    sector = _sector(best if from_head or not agents else None, named + head, agents)
    sector = _adjust_sector(sector, folded[:split])
    if best is None:
        kind = "agent" if agents and (sector or country) else None
        return ResolvedActor(text, None, country, sector, kind)
    kind = best.entry.kind if best.entry.kind in ("person", "group", "org") else "country"
    return ResolvedActor(text, _name(lexicon, best), country, sector, kind)


def _pick(match: Match, when: date | None) -> _Pick:
    entries = match.entries
    if entries[0].kind == "person":
        return _pick_person(match, when)
    entry = entries[0]
    return _Pick(match, entry, _group_sector(entry, when))


def _pick_person(match: Match, when: date | None) -> _Pick:
    people = list(match.entries)
    if when is None:
        latest = max(people, key=lambda e: e.periods[0].start or date.min)
        return _Pick(match, latest, latest.sector)
    covering = [e for e in people if e.periods[0].covers(when)]
    if covering:
        return _Pick(match, covering[0], covering[0].sector)
    nearest = min(people, key=lambda e: e.periods[0].distance(when))
    return _Pick(match, nearest, None)  # out of office: the country, not the office


def _group_sector(entry: Entry, when: date | None) -> str | None:
    if not entry.periods:
        return entry.sector
    if when is None:
        current = [p for p in entry.periods if p.end is None]
        return current[-1].sector if current else entry.sector
    for period in entry.periods:
        if period.covers(when):
            return period.sector
    return entry.sector


def _is_named(pick: _Pick, folded: str) -> bool:
    if pick.entry.kind not in NAMED_KINDS:
        return False
    m = pick.match
    if pick.entry.kind in ("demonym", "people") and _ETHNIC.search(folded, 0, m.start):
        return False  # "ethnic Albanians" are an ethnicity, not Albania
    return not (_MODIFIER_AFTER.match(folded, m.end) or _MODIFIER_BEFORE.search(folded, 0, m.start))


def _head_end(folded: str, matches: list[Match]) -> int:
    """Where the head region ends: the first preposition or relative word after the start."""
    for word in WORD.finditer(folded):
        if word.start() == 0 or word.group() not in _HEAD_END_WORDS:
            continue
        if not any(m.start <= word.start() < m.end for m in matches):
            return word.start()
    return len(folded)


def _country(named: list[_Pick], agents: list[_Pick]) -> str | None:
    codes = [p.entry.country for p in named if p.entry.country]
    if codes:
        if codes[0] == "IMG":
            states = [c for c in codes if c not in NONSTATE_CODES]
            return states[0] if states else codes[0]
        return codes[0]
    for p in agents:
        if p.entry.country:
            return p.entry.country
    return None


def _sector(best: _Pick | None, others: list[_Pick], agents: list[_Pick]) -> str | None:
    heads = [p.sector for p in agents if p.entry.weight == "head" and p.sector]
    if heads:
        return heads[-1]
    if best is not None and best.entry.kind in _NAME_RANK and best.sector:
        return best.sector
    roles = [p.sector for p in agents if p.sector]
    if roles:
        return roles[-1]
    for p in others:  # a capital's GOV, the CVL of "Palestinians" (or "ethnic Albanians")
        if p.entry.kind in ("capital", "people") and p.sector:
            return p.sector
    return None


def _namers(named: list[_Pick], folded: str) -> list[_Pick]:
    """The named actors that can name the phrase: not a possessor of another one
    ("Osama bin Laden's al-Qaeda" is al-Qaeda)."""
    last = named[-1:] if named else []
    return [p for p in named[:-1] if not _POSSESSIVE.match(folded, p.match.end)] + last


def _adjust_sector(sector: str | None, head_text: str) -> str | None:
    """ "former president" -> ELI; "official Syrian newspaper", "state-run radio" -> GOV."""
    if sector in _ELITE_SECTORS and _FORMER.search(head_text):
        return "ELI"
    if sector == "MED" and _OFFICIAL.search(head_text):
        return "GOV"
    return sector


def _name(lexicon: ActorLexicon, pick: _Pick) -> str | None:
    entry = pick.entry
    if entry.kind in ("person", "group", "org", "institution"):
        return entry.name
    return lexicon.country_name(entry.country) or entry.name
