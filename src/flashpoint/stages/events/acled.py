"""The ACLED event and sub-event type a PLOVER event corresponds to (null where ACLED has
none, e.g. ACCUSE). Rules over the PLOVER type, mode, trigger, actors and cue words of the
sentence, following the ACLED codebook's definitions:

- Battles: armed, organised actors on both sides (Armed clash), or a change of territorial
  control (Government regains territory; Non-state actor overtakes territory);
- Explosions/Remote violence: by weapon (chemical, air/drone, suicide, artillery/missile,
  remote explosive/IED, grenade);
- Violence against civilians: one-sided violence on unarmed people (Attack, Sexual violence,
  Abduction/forced disappearance);
- Protests and Riots: peaceful, met by intervention or by excessive force; violent
  demonstrations; mob violence;
- Strategic developments: agreements, arrests, changes to armed groups, new bases, disrupted
  weapons use, looting and property destruction, non-violent transfers of territory.
"""

from __future__ import annotations

from flashpoint.document import EventActor


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ARMED = frozenset({"MIL", "REB", "COP", "SPY", "PMC", "PRM", "UAF", "ARM", "INS"})
_STATE = frozenset({"MIL", "COP", "GOV", "SPY", "PRM"})
_NON_STATE = frozenset({"REB", "UAF", "ARM", "INS", "PMC", "CRM"})

_CLASH_LEMMAS = _words(
    "clash fighting fight battle skirmish firefight gunfight gunbattle exchange offensive "
    "combat engage counterattack counteroffensive repel repulse ambush"
)
_TERRITORY_LEMMAS = _words(
    "capture seize retake recapture reclaim overrun take gain regain liberate liberation free "
    "drive push fall advance control occupy"
)
# a change of territorial control told anywhere in the sentence ("drove ... out of key areas")
_TAKEOVER = _words(
    "captured capturing recaptured recapturing seized seizing retook retaken retaking overran "
    "overrun liberated liberating regained regaining reclaimed purging cleared recovered "
    "freed took taken"
)
_REGAIN = _words(
    "recapture recaptured recapturing retake retook retaken retaking regained regain "
    "regaining liberated liberate liberating liberation freed recovered reclaimed back "
    "purging purge cleared clearing clear"
)
_CONTROL = _words("control area areas village villages town city territory region positions")
_CHEMICAL = _words("chemical chlorine sarin mustard nerve phosphorus cyanide novichok vx")
_POISON = _words("toxic poisonous poison")
_AIR = _words(
    "airstrike airstrikes air aerial warplane warplanes jet jets helicopter helicopters "
    "bomber bombers aircraft drone drones uav gunship sorties sortie airforce"
)
_HEAVY = _words(
    "shell shells shelling shelled artillery mortar mortars rocket rockets missile missiles "
    "howitzer howitzers tank tanks katyusha grad barrage cannon projectiles"
)
_GRENADE = _words("grenade grenades")
_IED = _words(
    "ied ieds landmine landmines mine mines roadside car-bomb bomb bombs bombing device devices "
    "explosive explosives vbied planted detonated booby-trapped explosion blast"
)
_SUICIDE = _words("suicide kamikaze")
_ARMED_WORDS = _words(
    "soldier soldiers troops troop army military militant militants rebel rebels fighter "
    "fighters insurgent insurgents terrorist terrorists jihadist jihadists militia militias "
    "militiamen forces gunmen police policemen officers guards guard position positions base "
    "bases post posts checkpoint checkpoints convoy outpost barracks garrison patrol units "
    "unit battalion brigade commandos mujahideen mercenaries paramilitary paramilitaries "
    "army's mujahidin combatants"
)
_CIVILIAN_WORDS = _words(
    "civilian civilians villager villagers resident residents passenger passengers worshipper "
    "worshippers student students woman women child children farmer farmers teacher teachers "
    "journalist journalists worker workers doctor doctors patient patients pilgrims people "
    "family families bus market school schools hospital church mosque temple shop shops bar "
    "restaurant hotel wedding funeral motorist motorists traders trader herders villages "
    "village homes house houses"
)
_PROTEST_WORDS = _words(
    "protest protests protesters protestors protester protestor demonstration demonstrations "
    "demonstrators demonstrator rally rallies marchers sit-in sit-ins strikers picket"
)
# the people of a protest (an arrest of "activists" is an arrest; of "protesters", a protest)
_PROTESTERS = _words(
    "protesters protestors protester protestor demonstrators demonstrator marchers strikers rioters"
)
_STATE_FORCE_WORDS = _words(
    "police policemen officers officer security forces troops soldiers army riot military "
    "gendarmes guards authorities paramilitaries"
)
_SEVERE = _words(
    "killed killing kill dead died death deaths shot shooting shoot live ammunition gunfire "
    "wounded wounding injured injuring injuries injury beaten beat beating brutally violently "
    "rubber bullets pellets bayonet baton batons hits hit clubbed"
)
_INTERVENTION = _words(
    "disperse dispersed dispersing dispersal tear teargas water cannon cannons baton batons "
    "arrested detained arrest arrests detentions intervened suppressed suppress broke break "
    "drag dragged cordoned blocked prevented pepper"
)
_VIOLENT_PROTEST = _words(
    "stones stone rocks rock molotov petrol firebombs bottles torched burned burnt burning "
    "tyres tires vandalized vandalised looted smashed clashed clashes violent violence rioters "
    "riot rioting hurled threw throwing fire set barricades roadblocks blocked block "
    "blocking shut"
)
_MOB = _words("mob mobs vigilante vigilantes lynch lynched lynching vigilantism angry")
_BASE = _words(
    "base bases post posts outpost outposts checkpoint checkpoints camp camps headquarters hq "
    "barracks garrison point points airbase position positions"
)
_BASE_LEMMAS = _words("establish set build create open construct erect")
_WEAPONS = _words(
    "weapon weapons arms ammunition ammunitions explosive explosives cache caches bomb bombs "
    "ied ieds device devices mines mine missile missiles rocket rockets drone drones gun guns "
    "firearm firearms rifle rifles pistol pistols grenade grenades rounds cartridges "
    "kalashnikovs ak-47 arsenal stockpile magazines mortar mortars launcher launchers"
)
_TERRITORY = _words(
    "town towns city village villages territory area areas district region base airport hill "
    "position positions province capital port bridge border crossing checkpoint outpost "
    "stronghold control neighborhood neighbourhood suburb county oilfield dam island valley "
    "governorate countryside front frontline"
)
_HANDOVER = _words(
    "control handed hand handover hands seize seized took taken capture captured recaptured "
    "regained allowing allowed vacated abandoned leaving left evacuation deal without"
)
_CONFLICT = _words(
    "ceasefire cease-fire truce peace armistice hostilities war conflict fighting rebels rebel "
    "militants militant insurgents insurgency armed militia militias prisoner prisoners "
    "hostages hostage captives taliban guerrillas guerrilla combatants warring opposition "
    "mutiny mutineers uprising soldiers troops dispute disputed border"
)
_TRUCE = _words("ceasefire cease-fire truce armistice hostilities")


def acled_subtype(
    event_type: str,
    mode: str | None,
    trigger_lemma: str,
    actor: EventActor | None,
    recipient: EventActor | None,
    words: set[str],
) -> str | None:
    """`words`: lower-cased words of the sentence (cues such as "grenade", "tear gas")."""
    rule = _RULES.get(event_type)
    if rule is None:
        return None
    return rule(mode, trigger_lemma.lower(), actor, recipient, words)


def _sector(a: EventActor | None) -> str | None:
    return a.sector if a is not None else None


def _actor_words(a: EventActor | None) -> set[str]:
    return set((a.text or "").lower().split()) if a is not None else set()


def _side(a: EventActor | None) -> str | None:
    """state, non-state or None: which side of a conflict an actor is on."""
    sector = _sector(a)
    if sector in _STATE:
        return "state"
    if sector in _NON_STATE:
        return "non-state"
    text = _actor_words(a)
    if text & _words("militants rebels insurgents fighters jihadists terrorists gunmen militia"):
        return "non-state"
    if text & _words("army troops soldiers military forces police government"):
        return "state"
    return None


# -- ASSAULT --------------------------------------------------------------------------


def _assault(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if w & _TERRITORY and (lemma in _TERRITORY_LEMMAS or w & _TAKEOVER and w & _CONTROL):
        return _territory(lemma, actor, w)
    weapon = _by_weapon(mode, w)
    if weapon:
        return weapon
    if mode == "sexual":
        return "Sexual violence"
    if mode == "abduct":
        return "Abduction/forced disappearance"
    if w & _PROTESTERS or (
        w & _PROTEST_WORDS and (_side(actor) == "state" or w & _STATE_FORCE_WORDS)
    ):
        return "Excessive force against protesters"
    if w & _MOB or lemma == "lynch":
        return "Mob violence"
    if mode == "destroy":
        return "Looting/property destruction"
    return _clash_or_attack(lemma, actor, rec, w)


def _by_weapon(mode: str | None, w: set[str]) -> str | None:
    if mode == "crowd-control":
        return _protest_met(w | {"dispersed"})
    if w & _CHEMICAL or (w & _POISON and w & _words("gas gases")):
        return "Chemical weapon"
    if mode == "suicide-attack" or w & _SUICIDE:
        return "Suicide bomb"
    if mode in ("aerial", "drone") or (w & _AIR and not w & _HEAVY):
        return "Air/drone strike"
    if w & _GRENADE:
        return "Grenade"
    if mode == "heavy-weapons" or w & _HEAVY:
        return "Shelling/artillery/missile attack"
    if mode == "explosives" or w & _IED:
        return "Remote explosive/landmine/IED"
    return None


def _territory(lemma: str, actor: EventActor | None, w: set[str]) -> str:
    side = _side(actor)
    if side is None:
        side = "state" if lemma in _REGAIN or w & _REGAIN else "non-state"
    if side == "state":
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _clash_or_attack(
    lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str:
    """Armed clash when both sides are armed, Attack when the victims are civilians."""
    if lemma in _CLASH_LEMMAS:
        return "Armed clash"
    if rec is not None and rec.sector:
        return "Armed clash" if rec.sector in ARMED else "Attack"
    targets = w - _actor_words(actor)
    armed, civilian = targets & _ARMED_WORDS, targets & _CIVILIAN_WORDS
    if armed and not civilian:
        return "Armed clash"
    if civilian and not armed:
        return "Attack"
    if armed and civilian:
        return "Armed clash" if len(armed) > len(civilian) else "Attack"
    return "Armed clash" if _sector(actor) in ARMED and _side(actor) == "state" else "Attack"


# -- PROTEST, COERCE, MOBILIZE -----------------------------------------------------------


def _protest(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str:
    if w & _MOB and not w & _words("protest protests protesters demonstrators"):
        return "Mob violence"
    if mode in ("riot", "vandalize", "obstruct") or w & _VIOLENT_PROTEST:
        return "Violent demonstration"
    return _protest_met(w) or "Peaceful protest"


def _protest_met(w: set[str]) -> str | None:
    """How the authorities met a protest, when the sentence says they did."""
    if not w & (_STATE_FORCE_WORDS | _INTERVENTION):
        return None
    if w & _SEVERE and w & _STATE_FORCE_WORDS:
        return "Excessive force against protesters"
    if w & _INTERVENTION:
        return "Protest with intervention"
    return None


def _coerce(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if mode in ("arrest", "restrict", "curfew") and (
        w & _PROTESTERS or (mode == "restrict" and w & _PROTEST_WORDS)
    ):
        return _protest_met(w | {"arrested"}) or "Protest with intervention"
    if mode == "arrest":
        return "Arrests"
    if mode == "seize" and w & _WEAPONS:
        return "Disrupted weapons use"
    if mode == "seize" and lemma in _TERRITORY_LEMMAS and w & _TERRITORY:
        return _territory(lemma, actor, w)
    return None


def _mobilize(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if lemma in _BASE_LEMMAS and w & _BASE:
        return "Headquarters or base established"
    if mode in ("troops", "militia", "police"):
        return "Change to group/activity"
    return None


# -- cooperation ---------------------------------------------------------------------


def _retreat(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if mode == "ceasefire" or (mode == "release" and w & _words("prisoner prisoners hostages")):
        return "Agreement"
    if mode == "withdraw" and w & _TERRITORY:
        if w & _HANDOVER or lemma in ("cede", "hand", "vacate"):
            return "Non-violent transfer of territory"
        return "Non-violent transfer of territory" if _side(actor) else "Change to group/activity"
    if mode == "disarm":
        return "Agreement" if lemma == "surrender" else "Change to group/activity"
    return None


def _agreement(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    """Agreements between parties to a conflict: peace deals, ceasefires, truces."""
    if w & _CONFLICT:
        return "Agreement"
    return None


def _support(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if (lemma in ("sign", "ratify") and w & _CONFLICT) or w & _TRUCE:
        return "Agreement"
    return None


def _concede(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if w & _TRUCE:
        return "Agreement"
    return None


def _consult(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if w & _words("peace ceasefire truce") and w & _CONFLICT - _words("peace ceasefire truce"):
        return "Agreement"
    return None


_RULES = {
    "ASSAULT": _assault,
    "PROTEST": _protest,
    "COERCE": _coerce,
    "MOBILIZE": _mobilize,
    "RETREAT": _retreat,
    "AGREE": _agreement,
    "SUPPORT": _support,
    "CONCEDE": _concede,
    "CONSULT": _consult,
}
