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

from typing import Any

from flashpoint.document import EventActor
from flashpoint.ontology import load_ontology
from flashpoint.stages.wordlists import load_word_lists

# the cue words are data: data/events/acled_cues.tsv
_CUES = load_word_lists("events/acled_cues.tsv")
ARMED = _CUES["armed_sectors"]
_STATE = _CUES["state_sectors"]
_NON_STATE = _CUES["non_state_sectors"]
_NON_STATE_WORDS = _CUES["non_state_words"]
_STATE_WORDS = _CUES["state_words"]
# the words of a fight (also what sentence_rules folds a killing into)
CLASH_LEMMAS = _CUES["clash_lemmas"]
_TWO_SIDES = _CUES["two_sides"]
_MUTUAL_FIRE = _CUES["mutual_fire"]
_TERRITORY_LEMMAS = _CUES["territory_lemmas"]
_TAKEOVER = _CUES["takeover"]
_REGAIN = _CUES["regain"]
_CONTROL = _CUES["control"]
_TAKING_ITSELF = _CUES["taking_itself"]
_NOT_TERRITORY = _CUES["not_territory"]
_DRIVING_OUT = _CUES["driving_out"]
_STRONGHOLDS = _CUES["strongholds"]
_SELF_DEFENCE = _CUES["self_defence"]
_COMMUNAL = _CUES["communal"]
_ARMED_FOES = _CUES["armed_foes"]
_CHEMICAL = _CUES["chemical"]
_CHEMICAL_WORD = _CUES["chemical_word"]
_CHEMICAL_ARMS = _CUES["chemical_arms"]
_POISON = _CUES["poison"]
_GAS = _CUES["gas"]
_AIR = _CUES["air"]
_HEAVY = _CUES["heavy"]
_GRENADE = _CUES["grenade"]
_RPG = _CUES["rpg"]
_IED = _CUES["ied"]
_SUICIDE = _CUES["suicide"]
_LANDMINE = _CUES["landmine"]
_RIOT_GAS = _CUES["riot_gas"]
_GAS_RELEASED = _CUES["gas_released"]
_MILITARY_TARGETS = _CUES["military_targets"]
_WEAPON_WORDS = _CHEMICAL | _CHEMICAL_WORD | _AIR | _HEAVY | _GRENADE | _IED | _SUICIDE
_ARMED_WORDS = _CUES["armed_words"]
_CIVILIAN_WORDS = _CUES["civilian_words"]
_PROTEST_WORDS = _CUES["protest_words"]
_PROTESTERS = _CUES["protesters"]
_PROTEST_NOUNS = _CUES["protest_nouns"]
_OBSTRUCTION = _CUES["obstruction"]
_PROTESTERS_FOUGHT = _CUES["protesters_fought"]
_STATE_FORCE_WORDS = _CUES["state_force_words"]
_SEVERE = _CUES["severe"]
_INTERVENTION = _CUES["intervention"]
_DISPERSAL = _CUES["dispersal"]
_DISPERSING = _CUES["dispersing"]
_ASSEMBLIES = _CUES["assemblies"]
_STAGED = _CUES["staged"]
INTERVENTION = _INTERVENTION  # the words of an act on protesters (stage: not as adjectives)
# the sub-types of a place changing hands by force (frames and merge keep them as told)
TERRITORY_SUBTYPES = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory"}
)
_INTERVENTION_ACTS = _CUES["intervention_acts"]
_CROWD_CONTROL = _CUES["crowd_control"]
_POLICE_WORDS = _CUES["police_words"]
_CROWD_ACTORS = _CUES["crowd_actors"]
_POLITICAL_CROWD = _CUES["political_crowd"]
_POLITICAL_SECTORS = _CUES["political_sectors"]
_KILLED_MARKS = _CUES["killed_marks"]
_DISCOVERY_LEMMAS = _CUES["discovery_lemmas"]
_REMAINS = _CUES["remains"]
_REMOTE_MODES = _CUES["remote_modes"]
_VIOLENT_PROTEST = _CUES["violent_protest"]
_PEACEFUL = _CUES["peaceful"]
_MOB = _CUES["mob"]
_LYNCH_LEMMAS = _CUES["lynch_lemmas"]
_BASE = _CUES["base"]
_BASE_LEMMAS = _CUES["base_lemmas"]
_CHECKPOINTS = _CUES["checkpoints"]
_WEAPONS = _CUES["weapons"]
_SEIZURE = _CUES["seizure"]
_DEMOLISH_LEMMAS = _CUES["demolish_lemmas"]
_UNMANNED = _CUES["unmanned"]
_TERRITORY = _CUES["territory"]
_HANDOVER = _CUES["handover"]
_HANDOVER_LEMMAS = _CUES["handover_lemmas"]
_WITHDRAWAL = _CUES["withdrawal"]
_FIGHTING = _CUES["fighting"]
_CAPTIVES = _CUES["captives"]
_DEALS = _CUES["deals"]
_SURRENDER_LEMMAS = _CUES["surrender_lemmas"]
_CONFLICT = _CUES["conflict"]
_TRUCE = _CUES["truce"]
_PEACE_WORDS = _CUES["peace_words"]
_SIGNING_LEMMAS = _CUES["signing_lemmas"]
_CRIME = _CUES["crime"]
_CLAIM_NOUNS = _CUES["claim_nouns"]
_CLAIM_VERBS = _CUES["claim_verbs"]
_BEHIND = _CUES["behind"]


def claimed(trigger: Any) -> bool:
    """The trigger is what a claim of responsibility or a guess at its authors is about:
    "took credit for the bombing", "claimed the murder of a blogger", "are suspected to be
    behind the blasts", "suicide bombers are suspected to be behind" (a parsed token)."""
    if trigger.dep_ in ("nsubj", "nsubjpass") and _says_behind(trigger.head):
        return True  # "bombers are suspected to be behind the blasts": who, not what
    node = trigger
    for _ in range(4):
        if node.head.i == node.i:
            return False
        dep, node = node.dep_, node.head
        lemma = node.lemma_.lower()
        if lemma in _BEHIND or lemma in _CLAIM_NOUNS:
            return True
        if lemma in _CLAIM_VERBS and dep in ("dobj", "nsubjpass"):
            return True
        if any(c.dep_ == "dobj" and c.lemma_.lower() in _CLAIM_NOUNS for c in node.children):
            return True  # "takes credit for the bomb": the preposition hangs on the verb
        if dep not in ("pobj", "prep", "compound", "amod"):
            return False
    return False


def _says_behind(verb: Any) -> bool:
    """ "are suspected to be behind": the verb's complement says who was behind something."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and any(g.lemma_.lower() in _BEHIND for g in c.children):
            return True
    return False


def acled_subtype(
    event_type: str,
    mode: str | None,
    trigger_lemma: str,
    actor: EventActor | None,
    recipient: EventActor | None,
    words: set[str],
    weapon_in_passing: bool = False,
    frame: str | None = None,
) -> str | None:
    """`words`: lower-cased words of the sentence (cues such as "grenade", "tear gas");
    `weapon_in_passing`: the mode came from a weapon another clause names ("clashed after
    militants threw a grenade"), so the weapon is not how this event was carried out;
    `frame`: why the trigger was recoded (an offer, a pledge, the future tense)."""
    rule = _RULES.get(load_ontology().acled_rule(event_type) or "")
    if rule is None:
        return None
    if frame in _ONE_SIDED_FRAMES and not words & (_TRUCE | _CAPTIVES):
        return None  # "willing to send troops", "will resign": one side's offer, no accord
    if weapon_in_passing and trigger_lemma.lower() in CLASH_LEMMAS:
        mode, words = None, words - _WEAPON_WORDS  # a clash fought, not a weapon used
    sub = rule(mode, trigger_lemma.lower(), actor, recipient, words)
    if sub not in _POLITICAL_EVEN_IN_CRIME and words & _CRIME:
        return None  # a robbery, a drugs haul: ordinary crime
    return sub


# frames that make a cooperative act one actor's own offer or announced intention: no
# agreement between parties to a conflict unless it is a truce or a release of captives
_ONE_SIDED_FRAMES = frozenset({"offer", "pledge", "future"})

# what ACLED codes even among criminals: a crowd punishing a thief, a fight with an armed
# gang, weapons taken from it; and every protest or riot of protesters, whatever crime it
# denounces ("protesters denouncing election fraud clashed with police")
_POLITICAL_EVEN_IN_CRIME = frozenset(
    {
        "Mob violence",
        "Armed clash",
        "Disrupted weapons use",
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
    }
)


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
    if text & _NON_STATE_WORDS:
        return "non-state"
    if text & _STATE_WORDS:
        return "state"
    return None


# -- ASSAULT --------------------------------------------------------------------------


def _assault(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if lemma in _DISCOVERY_LEMMAS and w & _REMAINS:  # bodies found: a killing if told so
        return _by_weapon(mode, w) or ("Attack" if w & _KILLED_MARKS else "Other")
    if mode == "abduct" and lemma not in CLASH_LEMMAS:  # people taken, not a place taken
        return "Abduction/forced disappearance"  # ("took away a teacher") nor a fight
    # a beating or a rape is done to people and takes no place ("beat a man ... before
    # police took him to hospital" is no takeover of the village)
    if mode not in ("beat", "sexual") and _changes_control(mode, lemma, rec, w):
        if w & _WITHDRAWAL and not w & _FIGHTING:
            return "Non-violent transfer of territory"
        return _territory(lemma, actor, rec, w)
    if lemma == "shoot" and "down" in w:  # what was shot down: a weapon stopped, or the
        if (_actor_words(rec) | w) & _UNMANNED:  # crew of an aircraft fought or attacked
            return "Disrupted weapons use"
        return _clash_or_attack(lemma, actor, rec, w)
    if lemma in CLASH_LEMMAS:  # the main event is a fight
        return _clash(mode, lemma, actor, w)
    # the trigger's own means decides over weapon words of other clauses ("kidnapped
    # three advisers and set off bombs in the capital")
    if lemma in _LYNCH_LEMMAS:  # a lynching, whatever the victim was accused of (a rape)
        return "Mob violence"
    if mode == "beat" and _many_unarmed(actor):
        return "Mob violence"  # "traders beat a suspected thief to death"
    if mode == "sexual":
        return "Sexual violence"
    if _actor_words(actor) & _PROTESTERS:  # protesters' own violence: they riot
        return "Violent demonstration"
    if _gas_on_troops(actor, w):
        return "Chemical weapon"
    weapon = _by_weapon(mode, w)
    if weapon:
        return weapon
    if _demonstrators(mode, actor, rec, w):
        return "Violent demonstration"
    civilian_actor = _sector(actor) == "CVL"
    blockers = bool(w & _OBSTRUCTION) and _sector(rec) == "CVL" and _side(actor) == "state"
    dispersing = bool(w & _DISPERSING) and _side(actor) == "state"
    if (
        w & _PROTESTERS
        or blockers
        or dispersing
        or (
            w & _PROTEST_WORDS
            and (_side(actor) == "state" or w & _STATE_FORCE_WORDS or civilian_actor)
        )
    ):
        return _force_on_protesters(actor, w)
    if w & _MOB or lemma in _LYNCH_LEMMAS or _is_crowd(actor):
        return "Mob violence"
    if mode == "destroy":
        return "Looting/property destruction"
    if mode == "beat" and lemma not in CLASH_LEMMAS and not _actor_words(rec) & _ARMED_WORDS:
        return "Attack"  # a beating is one-sided: "militiamen beat a party member to death"
    return _clash_or_attack(lemma, actor, rec, w)


def _force_on_protesters(actor: EventActor | None, w: set[str]) -> str:
    """Who used force on protesters: an armed group attacks them, civilians or a crowd are
    a mob; the state's forces (or forces unnamed) use excessive force."""
    if _side(actor) == "non-state":
        return "Attack"
    civilians = _sector(actor) == "CVL" and not _actor_words(actor) & _STATE_WORDS
    if (civilians or _is_crowd(actor) or w & _MOB) and not w & _STATE_FORCE_WORDS:
        return "Mob violence"
    return "Excessive force against protesters"


def _changes_control(mode: str | None, lemma: str, rec: EventActor | None, w: set[str]) -> bool:
    """A change of territorial control; a remote weapon only with a word of taking
    ("shells fell on the district" is shelling). A place told by its name alone is taken
    when the verb says so by itself ("recaptured Kismayo") or armed men were driven out of
    it ("drove the rebels out of Kidal"); a military site taken is territory too."""
    if mode in _REMOTE_MODES and not w & _TAKEOVER:
        return False
    if lemma in _TAKING_ITSELF and not w & _NOT_TERRITORY:
        return True
    if lemma in _DRIVING_OUT and "out" in w:
        driven = _actor_words(rec) or w
        if driven & (_ARMED_WORDS | _ARMED_FOES | _NON_STATE_WORDS):
            return True
    if not w & (_TERRITORY | _STRONGHOLDS):
        return False
    return lemma in _TERRITORY_LEMMAS or bool(w & _TAKEOVER and w & _CONTROL)


def _clash(mode: str | None, lemma: str, actor: EventActor | None, w: set[str]) -> str:
    """A fight: rioters and crowds riot whatever they used; armed sides clash unless the
    clash was fought with a weapon of remote violence, which names it ("clashed with
    mortars"), but not when both sides fired it at each other ("exchanged artillery fire"
    is a clash); a kidnapping or a killing during it does not make it another event."""
    if mode == "destroy":
        return "Looting/property destruction"
    if lemma in _MUTUAL_FIRE:  # two sides that exchange fire clash, whatever they fired
        return _fight(actor, w)
    if not _rioters_or_crowd(actor, w):
        weapon = _by_weapon(mode, w)
        if weapon:
            return weapon
    return _fight(actor, w)


def _fight(actor: EventActor | None, w: set[str]) -> str:
    """Who fought: rioters or protesters riot, a crowd or a mob is a mob, armed groups
    clash."""
    if _actor_words(actor) & _PROTESTERS:
        return "Violent demonstration"
    if _self_defence_fight(actor, w):
        return "Armed clash"
    return "Mob violence" if _is_crowd(actor) or w & _MOB else "Armed clash"


def _self_defence_fight(actor: EventActor | None, w: set[str]) -> bool:
    """A vigilante or self-defence group that fought an armed group: an organised armed
    side, so the fight is a clash ("vigilantes clashed with bandits"), not mob violence."""
    self_defence = bool(w & _SELF_DEFENCE) or "self" in w and bool(w & {"defence", "defense"})
    return self_defence and bool((w - _actor_words(actor) - _SELF_DEFENCE) & _ARMED_FOES)


def _rioters_or_crowd(actor: EventActor | None, w: set[str]) -> bool:
    return bool(_actor_words(actor) & _PROTESTERS or w & _MOB) or _is_crowd(actor)


_PLURAL_PEOPLE = frozenset({"men", "women", "people", "youths", "boys"})


def _many_unarmed(a: EventActor | None) -> bool:
    """Several people of no armed or state side, told by a plural noun ("traders", "a group
    of men", "passengers"): when they beat someone, they are a mob, not an armed group."""
    if a is None or _sector(a) in ARMED or _side(a) is not None or a.name:
        return False
    words = (a.text or "").lower().split()
    if not words or "armed" in words:
        return False
    last = words[-1]
    return last in _PLURAL_PEOPLE or (last.endswith("s") and not last.endswith("ss"))


def _is_crowd(a: EventActor | None) -> bool:
    """A crowd, not an organised armed group: "villagers", "an angry mob", "residents";
    youths or villagers told as armed ("armed youths") are an armed side, and so are clans
    and tribes, communal militias ("two rival clans fought")."""
    words = _actor_words(a)
    if _sector(a) in ARMED or "armed" in words or words & _COMMUNAL:
        return False
    return bool(words & _CROWD_ACTORS)


def _demonstrators(
    mode: str | None, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> bool:
    """A crowd with a political cause that destroys, or that attacks while a protest is
    told (and not protesters themselves), is a violent demonstration: "party supporters
    protesting the verdict attacked the governor's house"."""
    if not _political_crowd(actor) or w & _MOB:
        return False
    protesting = bool(w & _PROTEST_WORDS) and not _actor_words(rec) & _PROTESTERS
    return mode == "destroy" or protesting


def _political_crowd(a: EventActor | None) -> bool:
    """A crowd with a political cause: a party's supporters or activists, or a crowd named
    for what it is against ("an anti-immigration crowd"); its riot is a demonstration."""
    if a is None or _sector(a) in ARMED:
        return False
    words = _actor_words(a)
    if _sector(a) in _POLITICAL_SECTORS or words & _POLITICAL_CROWD:
        return True
    return _is_crowd(a) and any(x.startswith("anti-") for x in words)


def _gas_on_troops(actor: EventActor | None, w: set[str]) -> bool:
    """Tear gas or CS gas used on troops or their positions, or any gas a weapon released
    over them, with no protest told, is a chemical weapon of war ("dropped tear gas grenades
    onto Ukrainian trenches", "a canister that released a yellow gas over positions")."""
    if not (w & _GAS and w & (_RIOT_GAS | _GAS_RELEASED)) or w & _PROTEST_WORDS:
        return False
    if _sector(actor) == "COP" or _actor_words(actor) & _POLICE_WORDS:
        return False  # the police's tear gas is crowd control, whoever stood beside them
    return bool((w - _actor_words(actor)) & _MILITARY_TARGETS)


_CANNON = frozenset({"cannon", "cannons"})


def _water_cannon(w: set[str]) -> bool:
    return "water" in w and bool(w & _CANNON)


def _crowd_control(w: set[str]) -> bool:
    return _water_cannon(w) or bool(w & _CROWD_CONTROL)


def _heavy(w: set[str]) -> set[str]:
    """The words of heavy weapons, but not the cannon of a water cannon."""
    heavy = w & _HEAVY
    return heavy - _CANNON if _water_cannon(w) else heavy


def _by_weapon(mode: str | None, w: set[str]) -> str | None:
    if mode == "crowd-control" or (_crowd_control(w) and w & _PROTEST_WORDS):
        return _protest_met(w | {"dispersed"})
    chemical_arms = w & _CHEMICAL_WORD and w & _CHEMICAL_ARMS
    if w & _CHEMICAL or chemical_arms or (w & _POISON and w & _GAS):
        return "Chemical weapon"
    if mode == "suicide-attack" or w & _SUICIDE:
        return "Suicide bomb"
    if mode in ("aerial", "drone") or (w & _AIR and not w & _HEAVY):
        return "Air/drone strike"
    if w & _GRENADE and not w & _RPG:  # a rocket-propelled grenade is a rocket
        return "Grenade"
    if w & _LANDMINE and "anti" in w:  # "an anti-tank mine exploded": no tank fired
        return "Remote explosive/landmine/IED"
    if mode == "heavy-weapons" or w & _heavy(w):
        return "Shelling/artillery/missile attack"
    if mode == "explosives" or w & _IED:
        return "Remote explosive/landmine/IED"
    return None


def _territory(lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]) -> str:
    """Who took the place: the actor's side, else the side opposite those it was taken
    from ("drove the militants out" is the state's), else the words of taking back."""
    side = _side(actor) or {"state": "non-state", "non-state": "state"}.get(_side(rec) or "")
    if side is None:
        side = "state" if lemma in _REGAIN or w & _REGAIN else "non-state"
    if side == "state":
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _clash_or_attack(
    lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str:
    """Armed clash when both sides are armed (or the text says both sides lost people:
    "killing 12 people on both sides"), Attack when the victims are civilians."""
    if lemma in CLASH_LEMMAS or w >= _TWO_SIDES:
        return "Armed clash"
    # a place attacked says where, not whom: "attacked the town, held by government forces"
    place = bool(_actor_words(rec) & _TERRITORY)
    if rec is not None and rec.sector and not place:
        return "Armed clash" if rec.sector in ARMED else "Attack"
    victims = _actor_words(rec)  # whom the violence was against, when the parse names them
    if victims & _ARMED_WORDS and not victims & _CIVILIAN_WORDS:
        return "Armed clash"
    if victims & _CIVILIAN_WORDS and not victims & _ARMED_WORDS:
        return "Attack"
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
    if w & _MOB and not w & _PROTEST_NOUNS:
        return "Mob violence"
    # a crowd that riots with no protest told is a mob ("a crowd stormed the police station")
    if (
        mode == "riot"
        and _is_crowd(actor)
        and not w & _PROTEST_WORDS
        and not _political_crowd(actor)
    ):
        return "Mob violence"
    # blockades and sit-ins are peaceful unless force is used
    if mode in ("riot", "vandalize") or w & _VIOLENT_PROTEST:
        return "Violent demonstration"
    if w & _PEACEFUL and not w & _INTERVENTION:
        # "marched in a peaceful protest over the police shooting": what a protest is
        # about is not what was done to it
        return "Peaceful protest"
    return _protest_met(w) or "Peaceful protest"


def _protest_met(w: set[str]) -> str | None:
    """How the authorities met a protest, when the sentence says they acted: the
    authorities are named, or the act tells it by itself ("were dispersed"); "plans for
    mass arrests" of other people is no intervention."""
    acted = w & _INTERVENTION
    force = w & _STATE_FORCE_WORDS
    if not (acted or force):
        return None
    if w & _SEVERE and force:
        if w & _PROTESTERS_FOUGHT:  # force met with force: the protest turned violent
            return "Violent demonstration"
        return "Excessive force against protesters"
    if acted and (force or acted & _INTERVENTION_ACTS):
        return "Protest with intervention"
    return None


def _coerce(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if mode in ("arrest", "restrict", "curfew") and (
        w & _PROTESTERS or (mode == "restrict" and w & _PROTEST_WORDS)
    ):
        return _protest_met(w | {"arrested"}) or "Protest with intervention"
    if mode == "arrest" and w & (_PROTEST_WORDS | _ASSEMBLIES) and w & _DISPERSAL:
        # "broke up a protest by vendors, arresting 12", "broke up a gathering ...,
        # detaining dozens": arrests made as a protest is dispersed are how it was met
        return _protest_met(w | {"arrested"}) or "Protest with intervention"
    if mode == "arrest" and w & _PROTEST_WORDS and w & _STAGED:
        # "arrested 12 vendors who staged a sit-in": the arrested are the protesters
        return _protest_met(w | {"arrested"}) or "Protest with intervention"
    if mode == "arrest" and w & _WEAPONS and w & _SEIZURE:
        return "Disrupted weapons use"  # "arrested three men and seized two pistols"
    if mode == "arrest":
        return "Arrests"
    if mode in ("curfew", "martial-law"):
        # a curfew, a state of emergency or martial law restricts everyone, whoever
        # imposes it: ACLED's "Other"
        return "Other"
    if mode == "seize" and lemma in _DEMOLISH_LEMMAS:
        return "Looting/property destruction"
    if mode == "seize" and w & _WEAPONS:
        return "Disrupted weapons use"
    if mode == "seize" and lemma in _TERRITORY_LEMMAS and w & _TERRITORY:
        return _territory(lemma, actor, rec, w)
    return None


def _mobilize(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if lemma in _BASE_LEMMAS and (w & _BASE or (w & _CHECKPOINTS and _side(actor) != "state")):
        return "Headquarters or base established"
    if mode in ("troops", "militia", "police"):
        return "Change to group/activity"
    return None


# -- cooperation ---------------------------------------------------------------------


def _retreat(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if mode == "ceasefire" or (mode == "release" and w & _DEALS):
        return "Agreement"  # a truce, or a release told as a deal or an exchange
    if mode == "release":  # captors or authorities freeing people of their own accord
        return "Other"
    if mode == "withdraw" and w & _TERRITORY:  # a withdrawal hands a place over only when
        if w & _HANDOVER or lemma in _HANDOVER_LEMMAS:  # someone takes it or it is handed
            return "Non-violent transfer of territory"
        return "Change to group/activity"
    if mode == "disarm":
        return "Agreement" if lemma in _SURRENDER_LEMMAS else "Change to group/activity"
    return None


def _agreement(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    """Agreements between parties to a conflict: peace deals, ceasefires, truces, and any
    accord between a state and an armed group ("the government and the Houthi movement
    agreed to reopen a road")."""
    if w & _CONFLICT or {_side(actor), _side(rec)} == {"state", "non-state"}:
        return "Agreement"
    return None


def _support(
    mode: str | None, lemma: str, actor: EventActor | None, rec: EventActor | None, w: set[str]
) -> str | None:
    if (lemma in _SIGNING_LEMMAS and w & _CONFLICT) or w & _TRUCE:
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
    if w & _PEACE_WORDS and w & _CONFLICT - _PEACE_WORDS:
        return "Agreement"
    return None


# the rules by name; which type follows which rule is data (plover.json, `acled.rule`)
_RULES = {
    "armed_violence": _assault,
    "demonstration": _protest,
    "coercion": _coerce,
    "mobilization": _mobilize,
    "withdrawal": _retreat,
    "peace_agreement": _agreement,
    "signed_truce": _support,
    "truce": _concede,
    "peace_talks": _consult,
}
RULE_NAMES = frozenset(_RULES)
