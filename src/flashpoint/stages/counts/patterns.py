"""Find the numbers of people killed, injured and arrested in a sentence.

Phrasings (N is any number of `numbers.NUMBER`, optionally with a modifier such as
"at least"):

- a verb and its object: "killed at least seven persons", "killing 6 civilians" (people
  "executed" or "neutralised" are killed like any others: "rounded up and executed 15 men"),
  "wounded 3", "injuring more than 100", "arrested 12 protesters", "rounded up dozens";
- a number and what happened to it: "15 people died", "one person was killed", "12 dead",
  "seven policemen and soldiers were killed" (7: one number for both),
  "30 wounded", "45 were detained", "Six people, including two children, were killed";
- one person: "an engineer was killed", "a soldier died", "killed a journalist", "the
  victim died in hospital"; one named by role or kin with "the" or a possessive ("killing
  the owner", "killing his wife", "beat to death a supporter", "a guard of the building
  was shot dead");
- one victim named by any singular noun after "a"/"an" and a killing verb, before a
  preposition, "and" or the end: "shot dead a money changer at the market" (1);
- a definite number after a killing verb counts like a bare one: "killing the three herders
  aboard it" (3);
- a pronoun object of a killing verb is the people counted just before it in the sentence:
  "seized three thieves and hacked them to death" (3), "caught a thief and beat him to
  death" (1);
- two people told as "both" (after they were named): "Both were killed", "both of them
  died", "the men were both shot dead" (2; "all three", "the two" are numbers);
- two groups: "four soldiers and a policeman were killed" (5), "killing three soldiers and
  two civilians" (5), "killed a soldier and two civilians" (3); the second may be one person
  named by a possessive: "three officers and their driver were killed" (4);
- a suicide bomber counts himself, before or after his victims: "killing himself and a
  guard" (2), "killing four guards and himself" (5), "killing five people besides himself"
  (6); a pronoun is one person named before:
  "killing him and his driver" (2), "shot the chief, killing him" (1);
- vague numbers: "dozens of people were killed", "an unknown number of people were killed"
  (no value, a lower bound);
- totals: "a death toll of 15", "the toll rose to 15", "the bodies of 4 soldiers",
  "12 bodies", "15 deaths", "20 injuries", "30 arrests";
- none: "no casualties" (dead 0, injured 0), "no one was hurt" / "injured" (both 0),
  "no one was killed", "no deaths" (dead 0), "no one was arrested", "no arrests".

Never counted: a number after "including" / "among them" (a part of a count already
taken), years, ages ("18-year-old"), money, distances, percentages, times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashpoint.document import CountKind, CountMention, Span
from flashpoint.stages.counts.numbers import MODIFIER, NUMBER, parse_number


@dataclass(slots=True)
class CountCue(CountMention):
    """A count and the word that says what happened (`cue`: "killed", "toll", "bodies"),
    which the attachment step follows in the parse."""

    cue: Span = (0, 0)


_S = r"\s+"
_N = rf"(?P<num>(?:{MODIFIER}{_S})?{NUMBER})"
_AUX = (
    r"(?P<aux>(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|being|been|got"
    r"|reportedly|found|left|later|all|also|confirmed)\s+)*)"
)
_ADV = r"(?:\w+ly\s+)?"
_STOP = (
    r"and|or|but|who|whom|which|that|were|was|is|are|have|has|had|been|dead|killed|died"
    r"|wounded|injured|hurt|arrested|detained|including|among|of|while|after|before|when"
    r"|than|in|on|at|by"
    # words of saying end a list of victims: "killing 11 people, a medical worker and two
    # residents said" counts the 11, not those who said it
    r"|said|say|says|told|added|reported"
)
_NUMBER_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?"
_GAP_WORD = rf"\s+(?!(?:{_STOP}|{_NUMBER_WORD})\b)(?!\d+(?![\w-]))[\w'’-]+"
_GAP = rf"(?:{_GAP_WORD}){{0,4}}?"
_GAP1 = rf"(?:{_GAP_WORD}){{1,4}}?"
# whose people they were: "two members of the SDF", "five soldiers of the 3rd brigade"
_OF_GROUP = r"(?:\s+of(?:\s+the)?(?:\s+[\w'’-]+){1,4}?(?=\s+(?:were|was|have|had|are)\b))?"
# what may stand between the people counted and their verb: "including ...", "(...)", a
# breakdown between dashes ("Nine people - eight guards and their driver - were killed") or
# commas ("Nine people, eight guards and their driver, were killed")
_ASIDE = (
    r"(?:\s*,\s*(?:including|among\s+them|(?:most|many|all|some)\s+of\s+(?:them|whom)|mostly)"
    r"[^,;.]{1,80},|\s*\([^)]{1,80}\)"
    r"|\s+[-–—]{1,2}\s+[^-–—,;.]{1,100}?\s+[-–—]{1,2}"
    rf"|\s*,\s*(?:a|an|{NUMBER})\s[^,;.]{{1,80}}?\s+and\s+[^,;.]{{1,40}},)?"
)
# what may follow a bare "killed" that is passive ("12 killed in clashes"), not active
_NO_OBJECT = (
    r"(?=\s*(?:[,.;:)\"”]|$)|\s+(?!at\s+(?:least|most)\b)(?:and|or|in|on|at|when|after"
    r"|during|by|as|while|near|since|following|overnight|yesterday|today|last|this|earlier"
    r"|across|including|so|from|outside|inside|amid|with)\b)"
)
_PERSON = (
    r"person|man|woman|child|boy|girl|baby|teenager|soldier|civilian|policeman|policewoman"
    r"|officer|journalist|reporter|engineer|worker|student|commander|leader|farmer|guard"
    r"|resident|villager|fighter|militant|member|doctor|nurse|teacher|priest|imam|pilot"
    r"|driver|activist|protester|demonstrator|passenger|tourist|citizen|national|official"
    r"|trooper|sergeant|captain|colonel|general|aid\s+worker|security\s+guard|\d+-year-old"
    r"|cleric|trader|herder|pupil|patient|shopkeeper|councillor|chief|son|daughter|brother"
    r"|sister|wife|husband|bodyguard|relative|vigilante|militiaman|labourer|laborer"
    r"|fisherman|herdsman|miner|businessman|hunter|gunman|rebel|insurgent"
    r"|owner|vendor|supporter|customer|shepherd|porter|employee|administrator|mother|father|nephew"
    r"|niece|uncle|aunt|cousin|neighbou?r|peacekeeper|merchant|mayor|judge|lawyer|politician"
    r"|candidate|headman|watchman|caretaker|bystander|pastor|monk|mechanic|youth|inmate"
    r"|prisoner|suspect|informant|volunteer|major|lieutenant|corporal|constable|inspector"
    r"|parishioner|worshipper|pilgrim|migrant|refugee|smuggler|poacher|ranger"
    r"|tribesman|clansman|marine|guerrilla|jihadist|separatist|combatant|settler|recruit"
    r"|bomber|attacker|assailant|passer-?by|occupant"
)
_PEOPLE = (
    r"people|persons|civilians|children|kids|women|men|boys|girls|soldiers|troops|servicemen"
    r"|policemen|police\s+officers|police|officers|guards|protesters|protestors|demonstrators"
    r"|militants|fighters|insurgents|rebels|terrorists|gunmen|attackers|members|students"
    r"|workers|villagers|residents|passengers|migrants|refugees|pilgrims|worshippers"
    r"|journalists|reporters|activists|supporters|farmers|miners|personnel|individuals"
    r"|suspects|infants|babies|teenagers|youths|employees|staff|crew|nationals|citizens"
    r"|inmates|prisoners|detainees|bystanders|victims|others|teachers|pupils|doctors|nurses"
    r"|patients|engineers|officials|traders|herders|drivers|commanders|leaders|clerics"
    r"|sons|daughters|brothers|sisters|wives|relatives|bodyguards|chiefs|militiamen"
    r"|vigilantes|labourers|laborers|fishermen|herdsmen|hunters|businessmen|loyalists"
    r"|volunteers|constables|parishioners|smugglers|poachers|rangers|shepherds|porters|vendors"
    r"|tribesmen|clansmen|marines|guerrillas|jihadists|separatists|combatants|settlers"
    r"|paramilitaries|conscripts|recruits|cadets|contractors|mourners|shoppers|diners|bombers"
    r"|customers|guests|commuters|spectators|fans|congregants|voters|travell?ers"
    r"|assailants|kidnappers|abductors|hostages|captives|bandits|raiders|looters|passers-?by|occupants"
    r"|(?-i:[A-Z][a-z]+s)"
)
_NOT_STOP = rf"(?!(?:{_STOP})\b)"  # a word that is none of them ("officers" is not "of")
_WHO = rf"(?:\s+(?:of\s+)?(?:{_NOT_STOP}[\w'’-]+\s+){{0,2}}?(?:{_PEOPLE}|{_PERSON})\b)?"
# who a number counts, one or two words: "four soldiers", "a policeman", "two young nurses"
_WHO1 = rf"(?:\s+{_NOT_STOP}[\w'’-]+){{1,2}}?"
# the second part of "two officers and a colleague": one, a number, or one person named by a
# possessive ("their driver", "his bodyguard")
_ONE = (
    rf"(?P<num2>(?:a|an|one)(?=\s)|both(?=\s+(?:{_PEOPLE})\b)|(?:his|her|their|its)(?=\s+(?:[\w'’-]+\s+)?(?:{_PERSON})\b)"
    rf"|{NUMBER})"
)
_N1 = rf"(?P<num>(?:a|an)(?=\s)|(?:{MODIFIER}{_S})?{NUMBER})"  # "a soldier and ..."
# not right after a preposition: "plunged into a gorge and 9 passengers died" is no "a
# soldier and two civilians were killed"
_NOT_AFTER_PREP = "".join(
    f"(?<!{p} )"
    for p in "into in on at near from to with by of for under over across through off".split()
)


_BOMBERS_N = r"two|three|four|five|six|both|\d"  # how many bombers there were
# a determiner of one person named by role or kin: "the owner", "his wife", "their driver"
_ONE_DET = r"the|his|her|their|its"


def _group(name: str) -> str:
    """A number of people named as such: "three soldiers", "a young policeman", "his two
    sons"; "the", "his", "her", "their" or "its" count one person ("the chief", "his wife",
    "their civilian driver")."""
    word = rf"{_NOT_STOP}[\w'’-]+"
    one = rf"(?:a|an|one|{_ONE_DET})(?=\s+(?:{word}\s+){{0,2}}?(?:{_PERSON})\b)"
    one += rf"|both(?=\s+(?:{_PEOPLE})\b)"  # "both bombers": two
    number = rf"(?:{MODIFIER}{_S})?{NUMBER}"
    owner = r"(?:(?:his|her|their|its)\s+)?"
    return rf"{owner}(?P<{name}>{one}|{number})(?:\s+{word}){{0,2}}?\s+(?:{_PEOPLE}|{_PERSON})\b"


_VERBS: dict[CountKind, tuple[str, str]] = {
    # (active verb forms, passive / adjectival forms)
    "dead": (
        r"kill(?:s|ed|ing)?|massacr(?:e|es|ed|ing)|slaughter(?:s|ed|ing)?|murder(?:s|ed|ing)?"
        r"|execut(?:es|ed|ing)|neutrali[sz](?:es|ed|ing)"
        r"|(?:shot|shooting|shoots|shoot)\s+dead|gunn(?:ed|ing)\s+down"
        r"|claim(?:s|ed|ing)?\s+the\s+lives\s+of|behead(?:s|ed|ing)?|lynch(?:es|ed|ing)?"
        r"|(?:beat|beats|beating|hacked|hacking|stabbed|stabbing|stoned|stoning|burned|burnt"
        r"|burning|shot|shooting|shoots)\s+to\s+death",
        r"killed|dead|died|perished|slain|murdered|executed|neutrali[sz]ed|shot\s+dead"
        r"|gunned\s+down"
        r"|lost\s+their\s+lives|massacred|beheaded|lynched"
        r"|(?:beaten|hacked|stabbed|burned|burnt|stoned|bludgeoned|shot)\s+to\s+death",
    ),
    "injured": (
        r"wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|hurt(?:s|ing)?|maim(?:s|ed|ing)?",
        r"wounded|injured|hurt|maimed",
    ),
    "arrested": (
        r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|round(?:s|ed|ing)?\s+up"
        r"|apprehend(?:s|ed|ing)?|(?:took|take|takes|taking)\s+into\s+custody"
        r"|jail(?:s|ed|ing)?|imprison(?:s|ed|ing)?",
        r"arrested|detained|held|taken\s+into\s+custody|rounded\s+up|jailed|apprehended",
    ),
}
_TRANSITIVE_PASSIVES = re.compile(
    r"killed|murdered|wounded|injured|hurt|arrested|detained|held|jailed|apprehended"
    r"|abducted|kidnapped|(?:shot|stabbed|beaten|beat|hacked|burned|burnt)"
    r"(?:\s+(?:dead|to\s+death))?",
    re.I,
)
_INTRANSITIVE = frozenset({"died", "perished", "lost their lives"})
_NOUNS: dict[CountKind, str] = {
    "dead": r"deaths|fatalities|bodies|dead",
    "injured": r"injuries|injured|wounded",
    "arrested": r"arrests|detentions",
}


# the end of a singular noun (not "-s", but "-ss"), before what may follow a victim
_SINGULAR_END = (
    r"(?<![^s\W]s)(?=\s*(?:[,.;:()\"”]|$)|\s+(?:at|in|near|on|outside|inside|during|after"
    r"|before|while|and|as|from|with|overnight|yesterday|today|last|this|earlier|when|who)\b)"
)
# the words between a number of people and "and" + a killing verb with a pronoun object
_THEN = r"(?:\s+(?!(?:and|or|but|who|whom|which|that|were|was|is|are)\b)[\w'’-]+){1,8}?\s+and"
_TO_DEATH = r"beat|beating|hacked|hacking|stabbed|stabbing|stoned|stoning|clubbed|burned|burnt"
# a participle or "who" opening what is told of the people counted before it ("a herder
# caught in the crossfire", "two girls trapped under the rubble", "one man who was hit")
_TOLD_OF = r"(?:[a-z]+(?:ed|en|ing)|caught|hit|shot|struck|held|left|thrown|stuck|cut|who)"
# a participle phrase that tells of the people counted: "caught in the crossfire"
# (not the people's own verb: "Nine people died and twelve others were wounded")
_TOLD = (
    rf"(?:\s+(?!(?:died|perished|succumbed)\b){_TOLD_OF}"
    rf"(?:\s+(?!(?:and|but|or|while|as)\b)[\w'’-]+){{1,6}}?)?"
)
# the name given to the last person counted: "a commander known as 'Jhon'", "a man
# identified as Ali Musa" (one or two words, maybe quoted)
_NAMED = (
    r"(?:,?\s+(?:known|identified|named)\s+(?:as\s+)?['‘\"“]?[\w.’-]+(?:\s+(?-i:[A-Z])[\w.’-]+)?"
    r"['’\"”]?,?)?"
)
# one victim more than those told before: "a fourth soldier", "a fifth", "another man"
_ORDINAL = (
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|[a-z]+teenth|twentieth"
)
ONE_MORE = re.compile(
    rf"^(?:(?:a|an)\s+(?:{_ORDINAL})\b|another\b|a\s+further\b|an\s+additional\b)", re.I
)
"""What opens a count of victims in addition to those counted before it."""
_KILL_WHOM = r"kill(?:ed|ing)|lynch(?:ed|ing)|execut(?:ed|ing)|murder(?:ed|ing)|behead(?:ed|ing)"


# "two of the attackers", "three of his own fighters": whose people the second number counts
_OF_WHOSE = r"(?:\s+of(?:\s+(?:his|her|their|its|our)(?:\s+own)?)?)?"
# a first harm the victims suffered before the one counted: "were beaten and burned to death"
_FIRST_HARM = r"(?:(?!and\b)[a-z]+(?:ed|en|t)\s+and\s+)?"


def _pronoun_cue(pronoun: str) -> str:
    """A killing verb whose object is `pronoun`: "beat them to death", "shot him dead",
    "killed them" (after "then" or "later")."""
    verb = (
        rf"(?:{_TO_DEATH})\s+(?:{pronoun})\s+to\s+death|(?:shot|shooting)\s+(?:{pronoun})\s+dead"
        rf"|(?:{_KILL_WHOM})\s+(?:{pronoun})"
    )
    return rf"\s+(?:then\s+|later\s+)?(?P<cue>(?P<dead>{verb}))\b"


def _cue(forms: dict[CountKind, str]) -> str:
    """A cue group whose named subgroup ("dead", "injured", "arrested") tells the kind."""
    return "(?P<cue>" + "|".join(f"(?P<{k}>{v})" for k, v in forms.items()) + ")"


# a rule written with words is tried only on a sentence that holds one of them (lower case)
_Rule = tuple[str, str] | tuple[str, str, tuple[str, ...]]
_DIED = ("died", "perished", "succumbed")
_NOUN_WORDS = tuple(w for words in _NOUNS.values() for w in words.split("|"))


def _rules() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    active = _cue({k: v[0] for k, v in _VERBS.items()})
    passive = _cue({k: v[1] for k, v in _VERBS.items()})
    bodies, toll = _cue({"dead": "bodies"}), _cue({"dead": r"(?:death\s+)?toll"})
    dead_active = _VERBS["dead"][0]
    died = _cue({"dead": r"died|perished|succumbed"})
    # an item opens with a number, or counts one person: "a major", "their Pakistani driver"
    one = rf"(?:{_ONE_DET})(?=\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PERSON})\b)"
    item = (
        rf"(?:a|an|one|{one}|(?:{MODIFIER}{_S})?{NUMBER}(?:\s+of)?)"
        rf"(?:\s+{_NOT_STOP}[\w'’-]+){{1,3}}?"
    )
    rules: list[_Rule] = [
        # "killing an elderly couple", "a young couple was shot dead": a couple is two
        ("couple", rf"\b{active}{_S}(?:a|an|the)(?:\s+[\w-]+)?\s+(?P<both>couple)\b"
                   rf"(?!\s+of\b)", ("couple",)),
        ("both", rf"\b(?:a|an|the)(?:\s+[\w-]+)?\s+(?P<both>couple)\s+{_AUX}{_ADV}{passive}\b",
                 ("couple",)),
        # "An army colonel, a major and a police officer were killed": one each; "two
        # soldiers, three policemen and a civilian": each item's number
        ("list", rf"\b(?P<list>{item}(?:\s*,\s*{item})+\s*,?\s+and\s+{item}){_OF_GROUP}"
                 rf"\s+{_AUX}{_ADV}{passive}\b", (",",)),
        # "killed a village elder, his wife and three other men": the same, as the object
        ("list_active", rf"\b{active}{_S}(?P<list>{item}(?:\s*,\s*{item})+\s*,?\s+and\s+{item})"
                 rf"(?=\s*(?:[,.;:]|$)|\s+(?:in|at|near|on|during|when|as|after|before)\b)",
                 (",",)),
        # "killing herself and three traders": a suicide bomber's own death counts
        # "killing him and his driver": the pronoun is one person named before
        ("sum_active", rf"\b{active}{_S}(?P<num>himself|herself|him|her)\s+and\s+"
                       rf"{_group('num2')}", ("him", "her")),
        ("sum_active", rf"\b{active}{_S}{_group('num')}\s+(?:and|besides|as\s+well\s+as|along"
                       rf"\s+with|in\s+addition\s+to)\s+(?P<num2>himself|herself)\b",
                       ("himself", "herself")),
        # "Two suicide bombers ... killing nine people as well as themselves": the bombers
        # named before count too
        ("sum_active", rf"\b(?P<num2>{_BOMBERS_N})(?:\s+{_NOT_STOP}[\w'’-]+){{0,2}}?\s+(?:suicide"
                       rf"\s+)?(?:bombers|attackers)\b[^.;]{{1,160}}?\b{active}{_S}{_group('num')}"
                       rf"\s+(?:and|besides|as\s+well\s+as|along\s+with)\s+themselves\b",
                       ("themselves",)),
        # "killing eight members of a police unit and their driver", "two labourers from
        # Bihar and a shopkeeper": whose the first are does not end the sum
        ("sum_active", rf"\b{active}{_S}{_group('num')}(?:\s+(?:of|from)(?:\s+[\w'’-]+){{1,4}}?)?"
                       rf"\s+and\s+{_group('num2')}", ("and",)),
        # "beheaded a farmer and shot dead his neighbour": two victims of two verbs
        ("sum_verbs", rf"\b{active}{_S}{_group('num')}\s+and\s+(?:{dead_active}){_S}"
                       rf"{_group('num2')}", ("and",)),
        # "killing the two farmers riding it", "shot dead its four occupants": a definite or
        # possessed number counts as a bare one
        ("active", rf"\b{active}{_S}(?:(?:the|its|their|his|her)\s+)?{_N}{_WHO}"),
        # "lynched and burned 3 suspected gang members": the object of both verbs
        ("active", rf"\b{active}\s+and\s+[a-z]+(?:ed|t){_S}(?:the\s+)?{_N}{_WHO}", ("and",)),
        # "beat two suspected thieves to death": the victims between the verb and "to death"
        ("active", rf"\b(?P<cue>(?P<dead>{_TO_DEATH}))\s+{_N}(?:\s+[\w'’-]+){{0,3}}?\s+to"
                   rf"\s+death\b", ("death",)),
        ("one_active", rf"\b(?P<cue>(?P<dead>{_TO_DEATH}))\s+(?:a|an)(?:\s+[\w'’-]+){{1,3}}?\s+to"
                       rf"\s+death\b", ("death",)),
        # "caught two suspected thieves and beat them to death": the pronoun is the number
        ("object", rf"\b{_N}{_THEN}{_pronoun_cue('them')}", ("them",)),
        ("object", rf"\b(?P<num>a|an)(?=\s){_THEN}{_pronoun_cue('him|her')}", ("him", "her")),
        # "two soldiers and three members of a dissident faction were killed": whose the
        # second people were may follow them
        ("sum", rf"\b{_NOT_AFTER_PREP}{_N1}{_WHO1}\s+and\s+{_ONE}(?!(?:\s+[\w-]+)?\s+number\b)"
                rf"{_OF_WHOSE}{_WHO1}{_OF_GROUP}"
                rf"{_NAMED}{_TOLD}\s+{_AUX}{_ADV}{_FIRST_HARM}{passive}\b", ("and",)),
        # "a boy was abducted and killed", "two herders were tortured and killed"
        ("passive", rf"\b{_N}{_GAP}\s+(?P<aux>was|were)\s+[\w-]+\s+and\s+(?:later\s+)?"
                    rf"{passive}\b", ("and",)),
        ("one", rf"\b(?:a|an){_GAP1}\s+(?P<aux>was|were)\s+[\w-]+\s+and\s+(?:later\s+)?"
                rf"{passive}\b", ("and",)),
        # "a guard who tried to stop them was shot dead": one person and a relative clause
        ("one", rf"\b(?:a|an)(?:\s+[\w-]+)?\s+(?:{_PERSON})\s+who(?:\s+[\w'’-]+){{1,6}}?\s+"
                rf"{_AUX}{_ADV}{passive}\b", ("who",)),
        # "... and stabbed him to death", "shot her dead": a pronoun victim is one person
        ("one_active", rf"\b(?P<cue>(?P<dead>(?:{_TO_DEATH})\s+(?:him|her)\s+to\s+death"
                       rf"|(?:shot|shooting)\s+(?:him|her)\s+dead))\b", ("him", "her")),
        # "a herder caught in the crossfire died", "two girls trapped under the rubble died"
        ("one", rf"\b(?:a|an)(?:\s+[\w-]+)?\s+(?:{_PERSON})\s+{_TOLD_OF}(?:\s+[\w'’-]+){{1,6}}?"
                rf"\s+{_AUX}{_ADV}{died}\b", _DIED),
        ("passive", rf"\b{_N}(?:\s+[\w-]+)?\s+(?:{_PEOPLE}|{_PERSON})\s+{_TOLD_OF}"
                    rf"(?:\s+[\w'’-]+){{1,6}}?\s+{_AUX}{_ADV}{died}\b", _DIED),
        # "two civilians caught in the crossfire were killed": the same, killed
        ("one", rf"\b(?:a|an)(?:\s+[\w-]+)?\s+(?:{_PERSON}){_TOLD}\s+{_AUX}{_ADV}{passive}\b"),
        ("passive", rf"\b{_N}(?:\s+[\w-]+)?\s+(?:{_PEOPLE}|{_PERSON}){_TOLD}"
                    rf"\s+{_AUX}{_ADV}{passive}\b"),
        # "a fifth, a boy, died later", "another soldier was killed": one victim more
        ("one", rf"\b(?:(?:a|an)\s+(?:{_ORDINAL})|another|a\s+further|an\s+additional)"
                rf"(?:\s+[\w-]+)?(?:\s*,[^,.;]{{1,40}},)?\s+{_AUX}{_ADV}{passive}\b"),
        # "one soldier was poisoned and died", "two guards were wounded and later died"
        ("passive", rf"\b{_N}{_GAP}\s+(?P<aux>was|were)\s+[\w-]+\s+and\s+(?:later\s+)?"
                    rf"{died}\b", _DIED),
        # "seven policemen and soldiers were killed": one number for two kinds of people
        ("passive", rf"\b{_N}(?P<of>\s+of)?{_GAP}(?:\s+and\s+(?:{_PEOPLE}))?{_OF_GROUP}{_ASIDE}"
                    rf"\s+{_AUX}{_ADV}{passive}\b"),
        ("one", rf"\b(?:a|an){_GAP1}\s+{_AUX}{_ADV}{passive}\b"),
        # "a soldier stepped on a landmine during a patrol and died": one person
        ("one", rf"\b(?:a|an)(?:\s+[\w-]+)?\s+(?:{_PERSON})(?:\s+[\w'’,()-]+){{1,10}}?\s+and"
                rf"\s+(?:later\s+)?{died}\b", _DIED),
        ("one", rf"\bthe(?:\s+[\w-]+)?\s+(?:{_PERSON}|victim)\s+{_AUX}{_ADV}{passive}\b"),
        # "A guard of the building was shot dead": one person and whose they were
        ("one", rf"\b(?:a|an|the)(?:\s+[\w-]+)?\s+(?:{_PERSON})\s+of(?:\s+the)?"
                rf"(?:\s+[\w'’-]+){{1,2}}?\s+{_AUX}{_ADV}{passive}\b", ("of",)),
        ("one_active", rf"\b{active}{_S}(?:a|an|{_ONE_DET}){_S}(?:[\w-]+\s+){{0,2}}?"
                       rf"(?:{_PERSON})\b"),
        # "shot dead a khat seller at ...": any singular noun after "a"/"an" is one victim
        ("one_active", rf"\b{_cue({'dead': dead_active})}{_S}(?:a|an)(?:{_GAP_WORD}){{1,4}}?"
                       rf"{_SINGULAR_END}"),
        # "shot the chief, killing him": a singular pronoun object is one person
        ("one_active", rf"\b{_cue({'dead': dead_active})}{_S}(?:him|her)"
                       rf"(?=\s*(?:[,.;:]|$)|\s+(?:instantly|immediately|on\s+the\s+spot)\b)",
                       ("him", "her")),
        # one person named before: "He died at the scene", "she was later shot dead"
        ("pronoun", rf"(?:^|(?<=[.;,]\s))(?:he|she)\s+{_AUX}{_ADV}{passive}\b", ("he",)),
        ("both", rf"\b(?P<both>both)(?:\s+of\s+them|\s+(?:{_PEOPLE}))?"
                 rf"\s+{_AUX}{_ADV}{passive}\b", ("both",)),
        ("both", rf"\b(?P<aux>were|are|have\s+been|had\s+been)\s+(?P<both>both)"
                 rf"\s+{_ADV}{passive}\b", ("both",)),
        ("total", rf"\b{_N}(?:\s+[a-z-]+)?\s+{_cue(_NOUNS)}\b", _NOUN_WORDS),
        # "leaving five of them dead": a part of those just named
        ("total", rf"\b(?:leaving|left){_S}{_N}\s+of\s+(?:them|the\s+[a-z-]+)\s+{_cue(_NOUNS)}\b",
                  ("leaving", "left")),
        # "the bodies of four fighters and a civilian": two sets of dead
        ("sum_total", rf"\b{bodies}{_S}of{_S}{_group('num')}\s+and\s+{_group('num2')}",
                      ("bodies",)),
        ("total", rf"\b{bodies}{_S}of{_S}{_N}{_WHO}", ("bodies",)),
        ("total", rf"\b{toll}(?:\s+\w+){{0,2}}?\s+"
                  rf"(?:of|to|at|reached|hit|is|was|stood\s+at|stands\s+at)\s+{_N}", ("toll",)),
        # "the death toll from an attack on a camp in Djugu territory rose to 19": the toll of
        # the event its "from" phrase names, however long that phrase is
        ("total", rf"\b{toll}\s+(?:from|in)\s+(?:[^\s.;]+\s+){{1,25}}?(?:has\s+|had\s+)?"
                  rf"(?:rose|risen|climbed|reached|increased|jumped)\s+(?:to\s+)?{_N}",
                  ("toll",)),
    ]  # fmt: skip
    return [(rule[0], _compiled(rule[1]), rule[2] if len(rule) > 2 else ()) for rule in rules]


def _compiled(pattern: str) -> re.Pattern[str]:
    # every rule that opens with \b goes on with a word character: saying so lets the engine
    # pass over the ends of words at once, which halves the cost of a scan
    if pattern.startswith(r"\b"):
        pattern = r"\b(?=\w)" + pattern[2:]
    return re.compile(pattern, re.I)


def _kind(m: re.Match[str]) -> CountKind:
    return "dead" if m["dead"] else "injured" if m.groupdict().get("injured") else "arrested"


_RULES = _rules()
# rules that need no number word ("a soldier and a policeman", "both", a list of roles)
_WORDY_RULES = frozenset(
    {
        "one",
        "one_active",
        "sum",
        "sum_active",
        "sum_verbs",
        "sum_total",
        "both",
        "couple",
        "list",
        "list_active",
        "pronoun",
        "object",
    }
)
# every rule needs one of these words: most sentences are skipped at once
_NUMBERS = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty"
    r"|dozens?|scores|hundreds?|thousands?|several|few|handful|number)\b",
    re.I,
)
_CUE_STEMS = (
    "kill dead die death wound injur hurt maim harm arrest detain round apprehend custody"
    " jail impris held toll bodies casualt fatalit massacr slaughter murder shot shoot gunn"
    " perish slain lives behead lynch execut neutrali"
).split()
_CUES = re.compile("|".join(_CUE_STEMS), re.I)
# str.lower() and re.IGNORECASE agree on which characters are (a given) ASCII letter, except
# for these three (checked over all of Unicode): a text that holds one is not prefiltered by
# looking for words in its lower case
_CASE_ODD = re.compile("[\u0130\u0131\u017f]")
_PART_OF = re.compile(r"(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s*$", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_NONE = re.compile(
    r"\b(?:no[\s-]?(?:one|body)|nobody|none)\s+(?:else\s+)?(?:was|were|has\s+been|had\s+been|is"
    r"|got)\s+(?:reported\s+)?(?P<cue>killed|hurt|injured|wounded|harmed|arrested|detained)"
    r"|\b(?:no|without(?:\s+any)?)\s+(?P<cue2>casualties|deaths|fatalities|injuries|arrests)\b"
    r"|\b(?:no[\s-]?(?:one|body)|nobody)\s+(?P<cue3>died)\b",
    re.I,
)
_ZERO_KINDS: dict[str, tuple[CountKind, ...]] = {
    "killed": ("dead",), "deaths": ("dead",), "fatalities": ("dead",), "died": ("dead",),
    "hurt": ("dead", "injured"), "injured": ("dead", "injured"),
    "wounded": ("dead", "injured"), "harmed": ("dead", "injured"),
    "injuries": ("dead", "injured"), "casualties": ("dead", "injured"),
    "arrested": ("arrested",), "detained": ("arrested",), "arrests": ("arrested",),
}  # fmt: skip


def _accepted(m: re.Match[str], how: str) -> bool:
    groups = m.groupdict()
    if groups.get("num"):
        if _PART_OF.search(m.string[: m.start("num")]):
            return False  # "including 2 women": part of a count already taken
        if _YEAR.fullmatch(m["num"].split()[-1]):
            return False
    if how == "list" and not (groups.get("aux") or "").strip():
        return (
            re.sub(r"\s+", " ", m["cue"].lower()) in _INTRANSITIVE
        )  # "a soldier, a nurse and a child killed ..." may be active
    if how == "pronoun" and not m["dead"]:
        return False  # "he was held" is not a count of one
    if (
        how in ("passive", "one", "sum", "both", "pronoun")
        and not (groups.get("aux") or "").strip()
    ):
        cue = re.sub(r"\s+", " ", m["cue"].lower())
        if how == "pronoun" and cue not in _INTRANSITIVE:
            return False  # "he killed two": active
        if groups.get("of") and cue not in _INTRANSITIVE:
            return False  # "two of the people wounded in the attack died"
        if cue == "held" or (
            how in ("one", "both")
            and cue not in _INTRANSITIVE
            and (how == "both" or not _TRANSITIVE_PASSIVES.fullmatch(cue))
        ):
            return False  # "a village held out", "both" told with its "were"
        transitive = _TRANSITIVE_PASSIVES.fullmatch(cue)
        # "3 soldiers killed 12 villagers", "a soldier killed two": the verb is active, its
        # object follows; "A policeman killed in Kano" is a headline's passive
        return not transitive or bool(re.match(_NO_OBJECT, m.string[m.end("cue") :]))
    return True


def _value(m: re.Match[str]) -> tuple[int | None, int | None]:
    """(value, lower bound) of a match: its number, one person, or the sum of the two parts
    of "four soldiers and a policeman" (vague when either part is)."""
    if m.groupdict().get("both"):
        return 2, None
    if m.groupdict().get("list"):
        return _list_value(m["list"])
    if "num" not in m.groupdict():
        return 1, None
    value = _one_or_number(m["num"])
    if not m.groupdict().get("num2"):
        return value
    other = _one_or_number(m["num2"])
    if _UNKNOWN.search(m["num2"]) and value[0] is not None:
        return value[0], value[0]  # "5 soldiers and an unknown number of militants": 5 known
    if value[0] is not None and other[0] is not None:
        bound = None if value[1] is None and other[1] is None else value[0] + other[0]
        return value[0] + other[0], bound
    return None, (value[0] or value[1] or 0) + (other[0] or other[1] or 0)


_ITEM_NUMBER = re.compile(rf"(?:{MODIFIER}\s+)?{NUMBER}", re.I)


def _list_value(text: str) -> tuple[int | None, int | None]:
    """The sum of a list's items, each one person unless it opens with a number ("two
    soldiers, three policemen and a civilian": 6); a lower bound when any item is vague."""
    total, bounded, vague = 0, False, False
    for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", text):
        found = _ITEM_NUMBER.match(item)
        value, lower = parse_number(found.group()) if found else (1, None)
        total += value if value is not None else (lower or 0)
        vague, bounded = vague or value is None, bounded or lower is not None
    if vague:
        return None, total
    return total, (total if bounded else None)


_UNKNOWN = re.compile(r"\b(?:unknown|undetermined|unspecified)\s+number\b", re.I)


def _one_or_number(text: str) -> tuple[int | None, int | None]:
    one = ("a", "an", "the", "his", "her", "their", "its", "himself", "herself", "him")
    if text.lower() == "both":
        return 2, None
    return (1, None) if text.lower() in one else parse_number(text)


def _mention(
    m: re.Match[str], kind: CountKind, value: tuple[int | None, int | None], offset: int,
    sentence: int, cue: str = "cue",
) -> CountCue:  # fmt: skip
    return CountCue(
        kind=kind,
        value=value[0],
        span=(offset + m.start(), offset + m.end()),
        sentence=sentence,
        text=m.group(),
        lower_bound=value[1],
        cue=(offset + m.start(cue), offset + m.end(cue)),
    )


def _zeros(text: str, offset: int, sentence: int) -> list[CountCue]:
    out = []
    for m in _NONE.finditer(text):
        cue = next(g for g in ("cue", "cue2", "cue3") if m[g])
        for kind in _ZERO_KINDS[m[cue].lower()]:
            out.append(_mention(m, kind, (0, None), offset, sentence, cue))
    return out


def _key(m: re.Match[str], how: str) -> tuple[int, int]:
    """What a match takes, so no later rule counts it again: its number, else its cue; the
    cue of a pronoun object ("arrested two men and shot them dead": both counts stand)."""
    if m.groupdict().get("both"):
        return m.span("both")
    if how in ("list", "list_active", "object") or not m.groupdict().get("num"):
        return m.span("cue")
    return m.span("num")


def _lowered(text: str) -> str | None:
    """`text` in lower case, where a word in it is exactly what the case-insensitive rules
    would see (else None)."""
    return None if _CASE_ODD.search(text) else text.lower()


def _has_cue(text: str, lowered: str | None) -> bool:
    if lowered is None:
        return bool(_CUES.search(text))
    # plain substrings: the case-insensitive alternation is tried at every position of every
    # sentence, six times slower
    return any(stem in lowered for stem in _CUE_STEMS)


def _may_match(words: tuple[str, ...], lowered: str | None) -> bool:
    """Whether a rule that needs one of `words` (none: no word) may match the sentence."""
    return not words or lowered is None or any(w in lowered for w in words)


def find_counts(text: str, offset: int = 0, sentence: int = 0) -> list[CountCue]:
    """The counts of `text` (one sentence), in text order; spans are `offset` + offsets
    into `text`. A number is counted once, by the first rule that takes it."""
    lowered = _lowered(text)
    if not _has_cue(text, lowered):
        return []
    found = _zeros(text, offset, sentence)
    negated = [(z.span[0] - offset, z.span[1] - offset) for z in found]
    taken: set[tuple[int, int]] = set()
    listed: list[tuple[int, int]] = []
    numbers = bool(_NUMBERS.search(text))
    for how, regex, words in _RULES:
        if (not numbers and how not in _WORDY_RULES) or not _may_match(words, lowered):
            continue
        for m in regex.finditer(text):
            kind, key = _kind(m), _key(m, how)
            if any(s <= m.start() < e for s, e in listed):
                continue  # a part of a list already counted whole
            if key in taken or any(s < m.end() and m.start() < e for s, e in negated):
                continue
            if not _accepted(m, how):
                continue
            value = _value(m)
            if value == (None, None):
                continue
            taken.add(key)
            # a cue counted once is not a second count of one ("one man who was hit by a
            # stray bullet died": not also "a stray bullet died")
            taken.add(m.span("cue"))
            if how in ("list", "list_active", "sum_verbs"):
                listed.append(m.span())
            if how in (
                "sum",
                "sum_active",
                "sum_verbs",
                "sum_total",
            ):  # no part is counted again alone
                taken.update((m.span("num2"), m.span("cue")))
            found.append(_mention(m, kind, value, offset, sentence))
    return sorted(found, key=lambda c: (c.span, c.kind))


# what marks a toll as a running total or a part of another count
TOTAL = re.compile(
    r"\b(?:toll|total|tally|bringing|raising|brought|raised|deaths|fatalities|bodies|dead)\b"
    r"|\b(?:including|among|of\s+them|of\s+whom)\b",
    re.I,
)

# a later toll of other victims: "Two soldiers also died", "A woman wounded in the same
# barrage died in hospital"
_LATER_MORE = re.compile(
    r"\balso\b|\b(?:wounded|injured|hurt)\b.*\b(?:died|succumbed|perished)\b", re.I
)


def adds_victims(text: str) -> bool:
    """Whether a toll's text tells victims besides those counted before it ("Two soldiers
    also died", "a woman wounded in the barrage died"), not a running total."""
    return bool(_LATER_MORE.search(text)) and not TOTAL.search(text)
