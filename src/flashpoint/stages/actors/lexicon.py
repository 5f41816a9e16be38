"""The actor lexicon: every alias of every dictionary compiled into one Aho-Corasick automaton.

`load_actor_lexicon()` reads the data files once per process. `ActorLexicon.scan(text)`
finds the longest non-overlapping dictionary phrases in a text in one pass.

Case: aliases match case-insensitively (and accent-insensitively), but
- names of countries, groups, organisations and people only match where the matched text
  has a capital letter ("Labour" the party, "labour" the word), unless the whole input is
  lower case (`relaxed`);
- acronyms of three letters or fewer written in capitals ("US", "IS", "WHO"), and aliases
  written with a leading "=", only match with exactly their own capitalisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import ahocorasick

from flashpoint.stages.actors.text import fold

# kinds of entries; the first group resolves to a state
STATE_KINDS = frozenset(
    {"country", "demonym", "people", "capital", "seat", "institution", "region"}
)
NAMED_KINDS = STATE_KINDS | {"group", "org", "person"}
NONSTATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@dataclass(frozen=True, slots=True)
class Period:
    """A date range (ends inclusive, None = open) with the sector that holds in it."""

    start: date | None
    end: date | None
    sector: str | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def distance(self, day: date) -> int:
        if self.covers(day):
            return 0
        if self.start is not None and day < self.start:
            return (self.start - day).days
        return (day - self.end).days if self.end is not None else 0


@dataclass(frozen=True, slots=True)
class Entry:
    """What an alias stands for.

    kind: country (a name), demonym, people (a plural demonym), capital, seat (a building or
    body used for its government), institution, region (a region or city of one country),
    agent (a generic word or title), group, org, person, or stop (a phrase that names no
    actor).
    """

    kind: str
    name: str | None
    country: str | None
    sector: str | None
    weight: str = "head"  # agents: head or role
    periods: tuple[Period, ...] = ()  # persons: their office; groups: sectors over time
    source: str = ""  # file:line, for error messages and the integrity test

    @property
    def identity(self) -> str:
        """Entries with the same identity are the same actor (merged, never conflicting)."""
        if self.kind in STATE_KINDS - {"institution"}:
            return f"state:{self.country}"
        if self.kind == "agent":
            return f"agent:{self.sector}:{self.country}"
        return f"{self.kind}:{self.name}"


@dataclass(frozen=True, slots=True)
class Variant:
    """The entries of one folded alias, with the case rule they match under."""

    exact: str | None  # only this capitalisation matches
    proper: bool  # needs a capital letter in the matched text
    entries: tuple[Entry, ...]

    def accepts(self, matched: str, relaxed: bool) -> bool:
        if self.exact is not None:
            return matched == self.exact
        if self.proper and not relaxed:
            return any(ch.isupper() for ch in matched)
        return True


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary phrase found in a text: [start, end) and what it stands for."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def kind(self) -> str:
        return self.entries[0].kind

    def shifted(self, offset: int) -> Match:
        return Match(self.start + offset, self.end + offset, self.entries)


@dataclass
class ActorLexicon:
    """All actor dictionaries, compiled. Build it with `load_actor_lexicon()`."""

    variants: dict[str, tuple[Variant, ...]]
    countries: dict[str, str]  # ISO3 (and XKX) -> display name
    sectors: dict[str, str]  # code -> description
    versions: dict[str, str]  # data file -> version
    conflicts: list[str] = field(default_factory=list)
    _automaton: ahocorasick.Automaton = field(init=False, repr=False)

    def __post_init__(self) -> None:
        automaton = ahocorasick.Automaton()
        for key in self.variants:
            automaton.add_word(key, key)
        automaton.make_automaton()
        self._automaton = automaton

    def scan(self, text: str, relaxed: bool = False) -> list[Match]:
        """The longest non-overlapping dictionary phrases of `text`, in text order."""
        folded = fold(text)
        found = []
        for last, key in self._automaton.iter(folded):
            start, end = last - len(key) + 1, last + 1
            if not _at_word_edges(folded, start, end):
                continue
            variant = self._variant(key, text[start:end], relaxed)
            if variant is not None:
                found.append(Match(start, end, variant.entries))
        return [
            m
            for m in _longest(found, len(text))
            if m.kind != "stop" and not (m.kind == "capital" and _ends_longer_name(text, m.start))
        ]

    def lookup(self, alias: str) -> tuple[Entry, ...]:
        """The entries of one alias as written (case rules applied), or ()."""
        variant = self._variant(fold(alias), alias, relaxed=not any(c.isupper() for c in alias))
        return variant.entries if variant else ()

    def _variant(self, key: str, matched: str, relaxed: bool) -> Variant | None:
        for variant in self.variants.get(key, ()):
            if variant.accepts(matched, relaxed):
                return variant
        return None

    def country_name(self, code: str | None) -> str | None:
        return self.countries.get(code, code) if code else None


# a capitalised word and a Romance particle before a name: "Mocimboa da Praia" is a town of
# Mozambique, not Cabo Verde's capital Praia; "Ponta do Sol" no Sol
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+(?:da|de|do|dos|das|del|della|di|du)\s+$")


def _ends_longer_name(text: str, start: int) -> bool:
    """A capital's name that ends a longer place name joined by a particle."""
    return _NAME_BEFORE.search(text, max(0, start - 40), start) is not None


def _at_word_edges(folded: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not folded[start - 1].isalnum() or not folded[start].isalnum()
    after_ok = end == len(folded) or not folded[end].isalnum() or not folded[end - 1].isalnum()
    return before_ok and after_ok


def _longest(found: Iterable[Match], size: int) -> list[Match]:
    """Longest first, then leftmost; a match overlapping a taken one is dropped."""
    used = bytearray(size)
    taken: list[Match] = []
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if not any(used[m.start : m.end]):
            used[m.start : m.end] = b"\x01" * (m.end - m.start)
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)


@cache
def load_actor_lexicon() -> ActorLexicon:
    """Read and compile the actor dictionaries (once per process)."""
    from flashpoint.stages.actors.build import build_lexicon

    return build_lexicon()
