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
