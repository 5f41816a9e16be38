"""PLOVER modes from the words around a trigger ("air strike" -> aerial, "gunmen" -> firearms)."""

from __future__ import annotations

from typing import Any

Token = Any


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# checked in order: the first mode whose cue appears wins
ASSAULT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("suicide-attack", _words("suicide self-immolation kamikaze himself herself themselves")),
    (
        "unconventional",
        _words(
            "chemical chlorine sarin mustard nerve toxic biological radiological poison "
            "poisonous nuclear"
        ),
    ),
    ("drone", _words("drone drones uav uavs unmanned")),
    (
        "aerial",
        _words(
            "airstrike airstrikes air aerial warplane warplanes jet jets fighter-bomber "
            "aircraft helicopter helicopters bomber bombers gunship gunships airforce sortie "
            "sorties"
        ),
    ),
    (
        "heavy-weapons",
        _words(
            "missile missiles rocket rockets artillery shell shells shelling mortar mortars "
            "tank tanks howitzer howitzers cannon ballistic barrage katyusha grad"
        ),
    ),
    (
        "crowd-control",
        _words("tear teargas rubber baton batons truncheon truncheons pepper stun"),
    ),
    (
        "explosives",
        _words(
            "bomb bombs bombing ied ieds explosive explosives blast explosion landmine "
            "landmines mine grenade grenades detonated car-bomb dynamite"
        ),
    ),
    (
        "firearms",
        _words(
            "gun guns gunmen gunman gunfire shooting shot shoot rifle rifles bullet bullets "
            "sniper snipers firearm firearms opened pistol pistols kalashnikov ak-47 machine-gun"
        ),
    ),
    (
        "primitive",
        _words(
            "knife knives machete machetes stab stabbed stones stone rocks axe axes sword "
            "swords clubs sticks stabbing spear spears arrows bow bows"
        ),
    ),
)


def assault_mode(trigger: Token, anchor: Token, actor_text: str | None) -> str | None:
    """The ASSAULT mode cued by the trigger phrase, its dependents or the actor's words."""
    words = _local_words(trigger) | _local_words(anchor)
    for mode, cues in ASSAULT_CUES:
        if words & cues:
            return mode
    if actor_text:
        actor_words = set(actor_text.lower().split())
        for mode, cues in ASSAULT_CUES:
            if actor_words & cues:
                return mode
    return None


def _local_words(tok: Token) -> set[str]:
    """The trigger, its compounds and modifiers, and the head words of its preps."""
    out = {tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "dobj", "nsubj", "npadvmod", "prt"):
            out.add(c.lower_)
            out.update(g.lower_ for g in c.children if g.dep_ in ("compound", "amod"))
        elif c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by", "from", "using"):
            out.update(p.lower_ for p in c.subtree)
    return out
