"""The ACLED event and sub-event type a PLOVER event corresponds to (null where ACLED
has none, e.g. ACCUSE). Rules over the PLOVER type, mode, actors and cue words."""

from __future__ import annotations

from flashpoint.document import EventActor

ARMED = frozenset({"MIL", "REB", "COP", "SPY", "PMC", "PRM", "UAF", "ARM"})
_CLASH_TRIGGERS = frozenset(
    "clash fighting fight battle skirmish firefight gunfight gunbattle exchange offensive "
    "combat engage".split()
)
_CHEMICAL = frozenset(
    "chemical chlorine sarin mustard nerve toxic gas gases poison poisonous agent".split()
)
_GRENADE = frozenset({"grenade", "grenades"})
_IED = frozenset(
    "ied ieds landmine landmines mine mines roadside car-bomb device devices explosive "
    "explosives bomb bombs booby-trapped vbied planted detonated".split()
)
_INTERVENTION = frozenset(
    "disperse dispersed dispersing tear teargas water cannon cannons rubber baton batons "
    "arrested detained arrests detentions intervened broke charged".split()
)
_LETHAL = frozenset("killed killing shot dead died wounded injured live".split())
_TERRITORY = frozenset(
    "town city village territory area district region base airport hill position "
    "province capital port bridge border crossing checkpoint outpost stronghold control "
    "villages towns areas positions".split()
)
_REGAIN = frozenset("recapture recaptured retake retook regained regain liberated liberate".split())
_WEAPONS = frozenset(
    "weapon weapons arms ammunition explosives explosive cache bomb bombs ied device "
    "mines missile missiles rocket drone drones".split()
)


def acled_subtype(
    event_type: str,
    mode: str | None,
    trigger_lemma: str,
    actor: EventActor | None,
    recipient: EventActor | None,
    words: set[str],
) -> str | None:
    """`words`: lower-cased words of the sentence (cues such as "grenade", "tear gas")."""
    if event_type == "ASSAULT":
        return _assault(mode, trigger_lemma, actor, recipient, words)
    if event_type == "PROTEST":
        return _protest(mode, words)
    if event_type == "COERCE":
        return _coerce(mode, trigger_lemma, actor, words)
    if event_type in ("AGREE",) or (event_type == "RETREAT" and mode == "ceasefire"):
        return "Agreement"
    if event_type == "RETREAT" and mode == "withdraw" and words & _TERRITORY:
        return "Non-violent transfer of territory"
    return None


def _sector(a: EventActor | None) -> str | None:
    return a.sector if a is not None else None


def _assault(
    mode: str | None,
    lemma: str,
    actor: EventActor | None,
    recipient: EventActor | None,
    words: set[str],
) -> str:
    if mode == "unconventional" and words & _CHEMICAL:
        return "Chemical weapon"
    if mode == "suicide-attack" or "suicide" in words:
        return "Suicide bomb"
    if mode in ("aerial", "drone"):
        return "Air/drone strike"
    if words & _GRENADE:
        return "Grenade"
    if mode == "heavy-weapons":
        return "Shelling/artillery/missile attack"
    if mode == "explosives" and words & _IED:
        return "Remote explosive/landmine/IED"
    if mode == "sexual":
        return "Sexual violence"
    if mode == "abduct":
        return "Abduction/forced disappearance"
    if mode == "destroy":
        return "Looting/property destruction"
    if lemma in ("lynch",) or "mob" in words:
        return "Mob violence"
    if lemma in _CLASH_TRIGGERS:
        return "Armed clash"
    if _sector(actor) in ARMED and _sector(recipient) in ARMED:
        return "Armed clash"
    return "Attack"


def _protest(mode: str | None, words: set[str]) -> str:
    if mode in ("riot", "vandalize"):
        return "Violent demonstration"
    if words & _INTERVENTION:
        return (
            "Excessive force against protesters"
            if words & _LETHAL
            else ("Protest with intervention")
        )
    return "Peaceful protest"


def _coerce(mode: str | None, lemma: str, actor: EventActor | None, words: set[str]) -> str:
    if mode == "arrest":
        return "Arrests"
    if mode == "seize" and words & _TERRITORY:
        if words & _REGAIN or _sector(actor) in ("MIL", "GOV", "COP"):
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    if mode == "seize" and words & _WEAPONS:
        return "Disrupted weapons use"
    if "protesters" in words or "demonstrators" in words:
        return "Protest with intervention"
    return "Other"
