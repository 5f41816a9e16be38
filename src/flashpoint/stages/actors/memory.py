"""What the actor stage remembers within one document (never across documents).

- persons introduced with a title and a country ("Chad's defence minister, Daoud Yaya
  Brahim") so that a later bare "Brahim" resolves to TCD MIL;
- the country of an agent phrase ("Pakistan's foreign ministry") so that a later
  "the foreign ministry" gets PAK;
- the last named group, for "the group" / "the militant group".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flashpoint.stages.actors.resolve import ResolvedActor
from flashpoint.stages.actors.text import fold

_HONORIFICS = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|messrs|sir|dame|lord|lady|sheikh|mullah|maulana)\.?\s+)+"
)
_ANAPHOR = re.compile(
    r"^(?:the|this|that)\s+(?:(?:militant|armed|rebel|separatist|jihadist|insurgent|terrorist|"
    r"extremist|islamist)\s+)?(?:group|organi[sz]ation|movement|militia|outfit|faction)$"
)


@dataclass
class DocMemory:
    persons: dict[str, ResolvedActor] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)  # folded agent phrase -> country
    last_group: ResolvedActor | None = None
    acronyms: dict[str, ResolvedActor] = field(default_factory=dict)  # defined in the text

    def recall_acronym(self, actor: ResolvedActor, words: list[str]) -> ResolvedActor:
        """ "3 SNA fighters" after "the Syrian National Army (SNA)": an acronym the text
        defines means what it defines, not a listed namesake (the Somali National Army)."""
        for word in words:
            meant = self.acronyms.get(word)
            if meant is not None and (meant.country, meant.name) != (actor.country, actor.name):
                sector = meant.sector or actor.sector
                return ResolvedActor(actor.text, meant.name, meant.country, sector, meant.kind)
        return actor

    def learn_person(self, name: str, actor: ResolvedActor) -> None:
        """Remember `name` (as written) as the person `actor` resolved to."""
        if not (actor.country and actor.sector) or not name.strip():
            return
        person = ResolvedActor(name, name.strip(), actor.country, actor.sector, "person")
        for key in name_keys(name):
            self.persons.setdefault(key, person)

    def recall_person(self, text: str) -> ResolvedActor | None:
        key = _HONORIFICS.sub("", fold(text).strip())
        found = self.persons.get(key)
        if found is None:
            return None
        return ResolvedActor(text, found.name, found.country, found.sector, "person")

    def learn_agent(self, agent_text: str, country: str | None) -> None:
        if country:
            self.agents[fold(agent_text)] = country

    def recall_agent(self, agent_text: str) -> str | None:
        return self.agents.get(fold(agent_text))

    def learn_group(self, actor: ResolvedActor) -> None:
        if actor.kind == "group":
            self.last_group = actor

    def recall_group(self, text: str) -> ResolvedActor | None:
        if self.last_group is None or not is_anaphor(text):
            return None
        g = self.last_group
        return ResolvedActor(text, g.name, g.country, g.sector, "group")


def is_anaphor(text: str) -> bool:
    """ "the group", "the militant group", "this organisation"..."""
    return bool(_ANAPHOR.match(fold(text).strip()))


def name_keys(name: str) -> list[str]:
    """ "Hossein Amir-Abdollahian" -> the full name, "amir-abdollahian", "abdollahian"."""
    full = _HONORIFICS.sub("", fold(name).strip())
    keys = [full]
    last = full.split()[-1] if full.split() else ""
    keys.append(last)
    if "-" in last:
        keys.append(last.rsplit("-", 1)[-1])
    return [k for k in dict.fromkeys(keys) if len(k) >= 3]


# "the Turkish-backed Syrian National Army (SNA)": capitalised words, then the acronym of
# their last words in brackets
_DEFINED = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,7}[A-Z][\w'’-]*)\s+\(([A-Z]{2,6})\)")


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronym -> the name the text spells it out as, where the acronym is the initials of
    the name's last words ("Syrian National Army (SNA)")."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        words, acronym = m.group(1).split(), m.group(2)
        if len(words) < len(acronym):
            continue
        named = words[-len(acronym) :]
        if "".join(w[0] for w in named) == acronym:
            out.setdefault(acronym, " ".join(named))
    return out
