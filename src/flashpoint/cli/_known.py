"""Warnings for actor filters that name no known actor (`events`, `export`, `report`).

A three-letter value is a code: known when the actor dictionaries use it as a country
(ISO3, XKX, UNO, EUR, IGO, NGO, MNC), or as a sector after ``COUNTRY:``. Anything else is a
name: known when the actor dictionaries resolve it to a name, a country or a sector. An
unknown one gets one warning line on stderr; the command goes on (its result may be empty).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from flashpoint.cli._common import warn

if TYPE_CHECKING:  # the analysis package and the dictionaries load only when used
    from flashpoint.analysis.dyads import ActorSpec

_CODE = re.compile(r"^[A-Za-z]{3}$")


@cache
def actor_codes() -> frozenset[str]:
    """Every country code an actor may have: the countries' and the organisations'."""
    from flashpoint.stages.actors import load_actor_lexicon

    lexicon = load_actor_lexicon()
    used = {
        entry.country
        for variants in lexicon.variants.values()
        for variant in variants
        for entry in variant.entries
        if entry.country
    }
    return frozenset(used | set(lexicon.countries))


def known_name(name: str) -> bool:
    from flashpoint.stages.actors import resolve_actor

    resolved = resolve_actor(name)
    return bool(resolved.name or resolved.country or resolved.sector)


def known_value(value: str) -> bool:
    """An --actor / --recipient value: a known code, or a name the dictionaries know."""
    if _CODE.match(value):
        return value.upper() in actor_codes()
    return known_name(value)


_ACTOR = "actor code or name"
_SECTOR = "sector code (GOV, MIL, REB, CVL, ...)"


def _unknown_in_spec(spec: ActorSpec) -> Iterator[tuple[str, str]]:
    from flashpoint.stages.actors import load_actor_lexicon

    if spec.country and spec.country not in actor_codes():
        yield spec.country, _ACTOR
    if spec.sector and spec.sector not in load_actor_lexicon().sectors:
        yield spec.sector, _SECTOR
    if spec.name and not known_name(spec.name):
        yield spec.name, _ACTOR


def unknown_actors(
    actor: str | None, recipient: str | None, dyad: str | None
) -> list[tuple[str, str]]:
    """The values of --actor, --recipient (comma-separated) and --dyad that name no known
    actor or sector, in the order given, each with what it should have been."""
    values = [v.strip() for text in (actor, recipient) if text for v in text.split(",")]
    found = [(v, _ACTOR) for v in values if v and not known_value(v)]
    if dyad:
        from flashpoint.analysis.dyads import Dyad

        pair = Dyad.parse(dyad)
        found += [*_unknown_in_spec(pair.a), *_unknown_in_spec(pair.b)]
    return found


def warn_unknown_actors(actor: str | None, recipient: str | None, dyad: str | None) -> None:
    """One warning line for each value that names no known actor or sector."""
    for value, what in unknown_actors(actor, recipient, dyad):
        warn(f"{value!r} is not a known {what}; it is matched as given (the result may be empty)")
