"""Find trigger tokens in a parsed sentence and pick the lexicon entry each one fits.

Besides the entry, each match carries two things read off the parse:

- its *frame*: PLOVER codes what an actor says it will do, not the deed itself. "agreed to
  withdraw", "is ready to lift the ban" and cooperative acts in the future tense are AGREE;
  "threatened to", "is prepared to impose martial law" and conflictual acts in the future
  tense are THREATEN; "refused to release" is REJECT (`reframe`);
- its *salience*: how much the trigger is the sentence's main event. A trigger that is the
  object or complement of another trigger ("condemned the attack", "called for sanctions"),
  sits in an adverbial or relative clause ("after Y's attack", "which has imposed a
  curfew") or only modifies a noun ("protest leaders") reports a background event (`salience`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from flashpoint.ontology import Target, load_ontology
from flashpoint.stages.events.compose import compose
from flashpoint.stages.events.lexicon import TriggerEntry, TriggerLexicon
from flashpoint.stages.events.prior import factor_of, load_type_prior

Token = Any  # spaCy Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# verbs that only carry a noun trigger ("launched airstrikes", "carried out strikes")
LIGHT_VERBS = _words(
    "launch carry conduct stage mount unleash begin start continue step intensify order "
    "claim make wage lead resume escalate execute perform undertake hold initiate "
    "announce plan threaten prepare stop end halt suspend call take sign reach "
    "open deliver give issue deny"
)
# nouns that only count or group a noun trigger ("a round of strikes", "a wave of attacks")
GROUP_NOUNS = _words(
    "round wave series string spate barrage volley campaign number salvo flurry "
    "string day night week month year hour"
)
_OBJ_DEPS = ("dobj", "obj", "attr", "oprd", "nsubjpass")

# verbs that carry a noun trigger's tense and modality ("will impose sanctions")
# verbs that carry a noun trigger whose subject is its actor ("X imposed a curfew")
CARRIERS = LIGHT_VERBS | _words(
    "impose extend tighten introduce enforce slap declare observe implement reimpose establish set "
    "produce clinch broker seal achieve"  # "failed to produce a deal", "brokered a truce"
    " express voice heap lavish shower convey lodge register file reiterate"  # an attitude
    " complete finish"  # "completed their withdrawal"
)
_CARRIERS = CARRIERS
# "X agreed / offered / promised to ...": an expressed commitment
_COMMIT_VERBS = _words(
    "agree offer promise pledge vow commit undertake volunteer consent swear resolve "
    "decide plan intend aim seek want hope expect prepare move"
)
_COMMIT_ADJS = _words("ready willing prepared determined eager keen set poised")
_THREAT_VERBS = frozenset({"threaten", "warn"})
_REFUSE_VERBS = frozenset({"refuse", "decline", "reject"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
_DEMAND_AUX = frozenset({"must", "should"})
# an announced possibility: "his army could launch an offensive at any moment"
_POSSIBLE_AUX = frozenset({"could", "might", "may"})

# verbs whose clausal complement is what was reported, not a background event
REPORTING = _words(
    "say tell report announce confirm state add note stress quote reveal disclose explain "
    "write declare believe think show indicate learn hear know see suggest according "
    "tweet post predict estimate fear reiterate conclude argue maintain emphasise emphasize "
    "underline assert vow pledge promise swear warn caution"
)
# prepositions that put an event in the background ("after the attack", "amid protests")
_BACKGROUND_PREPS = _words(
    "after following before since amid amidst despite during over of like unlike "
    "about regarding concerning"
)
SUBORDINATE = 0.6  # salience of a trigger that is an argument of another ("condemned the attack")
_CLAUSE_FACTOR = {"advcl": 0.8, "relcl": 0.75, "acl": 0.8, "pcomp": 0.85, "csubj": 0.85}


@dataclass(slots=True)
class TriggerMatch:
    token: Token  # the head token of the trigger phrase
    tokens: list[Token]  # every token of the phrase
    entry: TriggerEntry
    salience: float = 1.0  # 0.4..1: how much this is the sentence's main event
    frame: str | None = None  # why the entry was reframed: commit, future, threat, refuse
    governor: TriggerMatch | None = None  # the trigger whose argument this one is


def object_lemmas(tok: Token, skip: frozenset[str] = frozenset()) -> set[str]:
    """Lemmas of the direct objects of `tok` (with their conjuncts and the nouns of
    "a round of X"), and of prepositional objects (not those of the prepositions `skip`)."""
    out: set[str] = set()
    if _misparsed_verb(tok):
        out |= _noun_lemmas(tok.head)
    for c in tok.children:
        if c.dep_ in _OBJ_DEPS or c.dep_ == "dative":
            out |= _noun_lemmas(c)
        elif (noun := _reduced_relative_noun(c)) is not None:
            out |= _noun_lemmas(noun)
        elif c.dep_ in ("prep", "agent") and c.lower_ not in _WHEN_PREPS | skip:
            for p in c.children:
                if p.dep_ == "pobj":
                    out |= _noun_lemmas(p)
    return out


# an object condition's word for "a town or region the gazetteer knows by this name"
PLACE_OBJECT = "<place>"
_TOWN_POPULATION = 10_000  # a smaller namesake is as likely a person's name


def _object_is_town(tok: Token) -> bool:
    """The verb's direct object is a proper name the gazetteer knows as a town of some size
    or a region ("captured Goma", "seized Djibo"): capturing it takes territory, while
    capturing a person ("captured Abu Yusuf") is an arrest."""
    from flashpoint.stages.places.gazetteer import load_gazetteer
    from flashpoint.stages.places.names import normalize

    for c in tok.children:
        if c.dep_ not in ("dobj", "nsubjpass") or c.pos_ != "PROPN":
            continue
        words = [w for w in c.subtree if w.i <= c.i and w.dep_ in ("compound", "flat") or w is c]
        name = normalize(" ".join(w.text for w in words))
        for place in load_gazetteer().lookup(name):
            if place.kind in ("admin1", "admin2") or (
                place.kind == "city" and place.population >= _TOWN_POPULATION
            ):
                return True
    return False


def _misparsed_verb(tok: Token) -> bool:
    """A finite verb the parser hung on the noun after it as an adjective ("UNICEF distributed
    blankets", "Seoul scrambled jets" with the verb an amod of the noun): the noun is its object.
    A participle after a determiner or adjective ("the distributed leaflets") is an adjective."""
    if tok.dep_ != "amod" or tok.head.i <= tok.i or tok.i == tok.sent.start:
        return False
    before = tok.doc[tok.i - 1]
    return tok.tag_ == "VBD" or (tok.tag_ == "VBN" and before.pos_ in ("NOUN", "PROPN"))


# participles of "X believed to belong to Y": the parser reads "X believed" as a clause
_HEARSAY_PARTICIPLES = _words("believe think say suspect allege report understand presume")


def _reduced_relative_noun(clause: Token) -> Token | None:
    """The noun of a reduced relative the parser read as a clause of its own ("discovered
    ammunition believed to belong to the PKK", with "ammunition" the subject of "believed"):
    that noun is the verb's object."""
    if clause.dep_ != "ccomp" or clause.lemma_ not in _HEARSAY_PARTICIPLES:
        return None
    if clause.tag_ not in ("VBN", "VBD") or any(c.dep_.startswith("aux") for c in clause.children):
        return None
    if not any(c.dep_ == "xcomp" and c.i > clause.i for c in clause.children):
        return None
    subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
    return subjects[0] if subjects and subjects[0].pos_ in ("NOUN", "PROPN") else None


# prepositions that tell when, not what is acted on: "suspended payments after the attack"
# does not suspend an attack
_WHEN_PREPS = _words("after before following since amid amidst despite during until")


def _noun_lemmas(tok: Token, depth: int = 0) -> set[str]:
    """The noun, its conjuncts, appositives and compounds, and what it is "of" ("the return
    of inspectors", "tons of food aid", "part of an aid programme")."""
    out = {tok.lemma_.lower(), tok.text.lower()} | _opening_plural(tok)
    for c in tok.children:
        if c.dep_ in ("conj", "appos"):  # "Goma, the capital of North Kivu": what it is
            out |= {c.lemma_.lower(), c.text.lower()}
        elif c.dep_ in ("compound", "amod", "nmod"):  # "food and shelter kits"
            out.add(c.lemma_.lower())
            out |= {x.lemma_.lower() for x in c.children if x.dep_ == "conj"}
        elif c.dep_ == "prep" and c.lower_ == "of" and depth < 2:
            for p in c.children:
                if p.dep_ == "pobj":
                    out |= _noun_lemmas(p, depth + 1)
    return out


def _opening_plural(tok: Token) -> set[str]:
    """ "Rockets rained down": a capitalised plural opening the sentence that the tagger read
    as a proper name (its lemma the word itself) also has its singular."""
    if tok.pos_ == "PROPN" and tok.i == tok.sent.start and tok.lower_.endswith("s"):
        return {tok.lower_[:-1]}
    return set()


_MOD_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod", "nsubj")


def _mod_lemmas(tok: Token) -> set[str]:
    out = {c.lemma_.lower() for c in tok.children if c.dep_ in _MOD_DEPS}
    out |= {_hyphenated(c) for c in tok.children if c.dep_ in _MOD_DEPS and _hyphenated(c)}
    if tok.dep_ == "compound":
        out.add(tok.head.lemma_.lower())
    return out


def _hyphenated(tok: Token) -> str:
    """ "live-fire" of "live-fire drills" (the parser splits it into "live", "-", "fire"), or
    "" when the modifier is one word."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].head.i == i:
        return f"{doc[i - 2].lower_}-{tok.lower_}"
    return ""


def _subject_lemmas(tok: Token) -> set[str]:
    """The subject's lemmas, read as an object's are (its conjuncts, appositives, compounds
    and what it is "of": "hundreds of troops massed", "defence minister Kim quit"); of a
    passive verb also its "by" agent, the logical subject ("troops were hit by rockets")."""
    subj: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            subj |= _noun_lemmas(c)
    if not subj and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
        for c in tok.head.children:
            if c.dep_ == "nsubj":
                subj |= _noun_lemmas(c)
    for agent in (c for c in tok.children if c.dep_ == "agent"):
        subj |= {g.lemma_.lower() for g in agent.children if g.dep_ == "pobj"}
    if not subj and tok.dep_ == "acl" and _verbless(tok.head):
        # "Relief trucks carrying tents crossed into Syria" read as a noun with two
        # participles: with no verb of its own, the sentence's noun is the subject
        subj |= _noun_lemmas(tok.head)
    return subj


def _verbless(noun: Token) -> bool:
    """The noun has no verb of its own: it is the sentence's root, or the subject of the
    verb of saying the parser hung it on ("Trucks carrying tents crossed ..., officials said")."""
    if noun.dep_ == "ROOT":
        return True
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in REPORTING


def _active_subject_lemmas(tok: Token) -> set[str]:
    """The lemmas of the verb's own active subject ("the crowd dispersed"; not "the crowd was
    dispersed", whose subject is acted on)."""
    return {lemma for c in tok.children if c.dep_ == "nsubj" for lemma in _noun_lemmas(c)}


def _subject_modifiers(tok: Token) -> set[str]:
    """The adjectives of the trigger's subject: "armed" of "armed youth clashed"."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return {m.lemma_.lower() for s in subjects for m in s.children if m.dep_ == "amod"}


_SOURCE_PREPS = frozenset({"from", "out"})


def _taken_by(tok: Token) -> set[str]:
    """The lemma of the verb whose object is the noun of `tok`'s reduced relative
    ("intercepted a missile fired from Yemen": intercept), else nothing."""
    noun = tok.head
    if tok.dep_ != "acl" or noun.dep_ not in ("dobj", "nsubjpass", "pobj") or noun.head is noun:
        return set()
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "most of the drones"
    return {verb.lemma_.lower()} | {c.lower_ for c in verb.children if c.dep_ == "prt"}


def _cond_ok(entry: TriggerEntry, tok: Token) -> bool:
    cond = entry.cond
    if not cond:
        return True
    objs = object_lemmas(tok) if ("obj" in cond or "not_obj" in cond) else set()
    if (
        "obj" in cond
        and not (objs & cond["obj"])
        and not (PLACE_OBJECT in cond["obj"] and _object_is_town(tok))
    ):
        return False
    # what a thing is taken from is not what is taken: "seized five men from a car" takes
    # people, not a car
    if "not_obj" in cond and object_lemmas(tok, _SOURCE_PREPS) & cond["not_obj"]:
        return False
    # a preposition of the trigger follows it ("call for", "fire on"); one before it opens a
    # phrase of time or place ("On 17 May, ... calls"), not the trigger's own
    preps = {
        c.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "prt", "agent") and c.i > tok.i
    }
    if "prep" in cond and not preps & cond["prep"]:
        return False
    if "not_prep" in cond and preps & cond["not_prep"]:
        return False
    if "prt" in cond:
        prts = {c.lemma_.lower() for c in tok.children if c.dep_ == "prt"}
        if not prts & cond["prt"]:
            return False
    if "xcomp" in cond:  # a verb's open complement, or a noun's ("an attempt to kill")
        xs = {c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "acl")}
        if not xs or ("*" not in cond["xcomp"] and not xs & cond["xcomp"]):
            return False
    if "not_xcomp" in cond and any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "called on the emir" is a visit; "called on Iran to release" is not
    if "purpose" in cond and not _purpose_lemmas(tok) & cond["purpose"]:
        return False
    return _cond_ok_words(cond, tok)


def _purpose_lemmas(tok: Token) -> set[str]:
    """The verbs of what `tok` was done for: "gathered ... to denounce" (an infinitive
    clause, adverbial or complement), "gathered in the square demanding" (a participle
    clause)."""
    return {
        c.lemma_.lower()
        for c in tok.children
        if c.dep_ in ("advcl", "xcomp")
        and (
            any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            or (c.dep_ == "advcl" and c.tag_ == "VBG")
        )
    }


def _cond_ok_words(cond: dict[str, frozenset[str]], tok: Token) -> bool:
    if "subj" in cond and not _subject_lemmas(tok) & cond["subj"]:
        return False
    if "not_subj" in cond and _subject_lemmas(tok) & cond["not_subj"]:
        return False
    if "not_actor" in cond and _active_subject_lemmas(tok) & cond["not_actor"]:
        return False
    if "not_subj_mod" in cond and _subject_modifiers(tok) & cond["not_subj_mod"]:
        return False
    if "mod" in cond and not _mod_lemmas(tok) & cond["mod"]:
        return False
    if "not_mod" in cond and _mod_lemmas(tok) & cond["not_mod"]:
        return False
    if "subj_or_mod" in cond:
        subj = {c.lemma_.lower() for c in tok.head.children if c.dep_ == "nsubj"}
        if not (_mod_lemmas(tok) | subj) & cond["subj_or_mod"]:
            return False
    if "clause" in cond and not _clause_ok(tok, cond["clause"]):
        return False
    head = {tok.head.lemma_.lower(), tok.head.lower_}
    if tok.dep_ == "acl":  # the noun of a reduced relative is its subject, read as one
        head |= _noun_lemmas(tok.head)  # ("hundreds of soldiers massed near ...")
    if "head" in cond and not head & cond["head"]:
        return False
    if "not_head" in cond and tok.head.i != tok.i and head & cond["not_head"]:
        return False
    if "not_taken_by" in cond and _taken_by(tok) & cond["not_taken_by"]:
        return False
    if "sent" in cond and not _sentence_words(tok.doc)[0] & cond["sent"]:
        return False
    return not ("not_sent" in cond and _sentence_words(tok.doc)[1] & cond["not_sent"])


def _sentence_words(sent: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The sentence's words with every lemma (for `sent`), and with only the lemmas of the
    words that are no verb (for `not_sent`: "the storm killed" names a storm, "they stormed
    a farming area" does not); computed once per parse and kept in its user data, as every
    trigger of the sentence with such a condition asks."""
    cached: tuple[frozenset[str], frozenset[str]] | None = sent.user_data.get(
        "flashpoint_sentence_words"
    )
    if cached is None:
        forms = {t.lower_ for t in sent}
        verbs = {t.lemma_.lower() for t in sent if t.pos_ in ("VERB", "AUX")}
        others = {t.lemma_.lower() for t in sent if t.pos_ not in ("VERB", "AUX")}
        cached = (frozenset(forms | verbs | others), frozenset(forms | others))
        sent.user_data["flashpoint_sentence_words"] = cached
    return cached


def _clause_ok(tok: Token, kinds: frozenset[str]) -> bool:
    """clause=reported: the trigger's clause is what someone said ("X said Y must ...");
    clause=intent: it is what someone will or would do ("vowed to retaliate")."""
    verb = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    if "reported" in kinds and _reported(verb):
        return True
    return "intent" in kinds and _intended(verb)


def _intended(verb: Token) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & (_FUTURE_AUX | {"could", "might", "may", "ready"}):
        return True
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return False
    lemma = head.lemma_.lower()
    return lemma in _COMMIT_VERBS | _THREAT_VERBS or lemma in _COMMIT_ADJS


def _multiword_tokens(entry: TriggerEntry, tok: Token) -> list[Token] | None:
    """Tokens of a multi-word entry anchored at `tok`, or None when they are not there.

    Verb entries ("set fire", "call for", "take into custody") look for the other words
    among the verb's dependents; noun entries ("air strike") among the following tokens.
    """
    words = entry.words
    if len(words) == 1:
        return [tok]
    if entry.pos == "N":
        doc = tok.doc
        end = tok.i + len(words)
        if end > len(doc):
            return None
        span = [doc[i] for i in range(tok.i, end)]
        if all(_word_is(t, w) for t, w in zip(span, words, strict=True)):
            return span
        return None
    found = [tok]
    pool = [d for d in tok.subtree if d.i > tok.i][:8]
    for w in words[1:]:
        hit = next((d for d in pool if _word_is(d, w) and d not in found), None)
        if hit is None:
            return None
        found.append(hit)
    return found


def _word_is(tok: Token, word: str) -> bool:
    return tok.lemma_.lower() == word or tok.text.lower() == word


def find_triggers(sent: Any, lexicon: TriggerLexicon) -> list[TriggerMatch]:
    """Every trigger in a parsed sentence, one entry per token (the first that fits),
    reframed by what governs it and scored for salience."""
    matches: list[TriggerMatch] = []
    used: set[int] = set()
    for tok in sent:
        if tok.i in used or tok.pos_ in ("PUNCT", "DET", "ADP", "PRON"):
            continue
        for key in lemma_candidates(tok):
            match = _best_entry(tok, lexicon.lookup(key))
            if match:
                matches.append(match)
                used.update(t.i for t in match.tokens)
                break
    heads = {m.token.i: m for m in matches}
    for m in matches:
        if not compose(m, clause_verb(m.token)):
            reframe(m)
    background = preposed_clause(sent)
    trailing, recalled = trailing_clause(sent)
    for m in matches:
        inside = m.token.i in trailing
        m.salience = salience(m, heads, background if inside else background or trailing)
        if m.token.i in background:
            m.salience *= PREPOSED
        if inside:
            m.salience = min(m.salience, BACKDROP if recalled else _CLAUSE_FACTOR["advcl"])
    return matches


# words that open a background clause before the main one ("After the raid, ...")
_PREPOSED_OPENERS = _words("after before since following as while amid amidst despite until once")
# what may stand before the opener: how long before or after ("A week after", "Days after")
_LEAD_INS = _words(
    "a an one two three four five six seven eight nine ten few several hours days weeks "
    "months years hour day week month year minutes moments even just only shortly soon barely"
)
PREPOSED = 0.5  # a trigger in a clause that opens the sentence as its background


def preposed_clause(sent: Any) -> range:
    """The token indices of a background clause that opens the sentence up to its first
    comma ("A week after border guards traded fire near Chaman, officials met", "Having
    signed a pact in March, France and Cote d'Ivoire began ..."): the news is what follows.
    The parser often makes such a clause the sentence's root; this reads it off the text."""
    toks = list(sent)
    i = 0
    while i < min(len(toks), 3) and toks[i].lower_ in _LEAD_INS:
        i += 1
    if i >= len(toks) - 1:
        return range(0)
    opener = toks[i].lower_
    if opener not in _PREPOSED_OPENERS and not (i == 0 and opener == "having"):
        return range(0)
    for tok in toks[i + 1 :]:
        if tok.text == ",":
            return range(toks[0].i, tok.i)
    return range(0)


# words that open a background clause that ends the sentence (", a day after leaders met")
_TRAILING_OPENERS = _words("after before since following")


def trailing_clause(sent: Any) -> tuple[range, bool]:
    """The token indices of a background clause that ends the sentence after its last comma
    (", a day after four leaders visited Kyiv"), when the parser has made it the sentence's
    root and the news its complement; and whether it recalls an earlier time ("a day
    after"). Where the parse hangs the clause on the news as it should, nothing."""
    toks = list(sent)
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if not commas:
        return range(0), False
    k = commas[-1] + 1
    start = k
    while k < min(len(toks), start + 3) and toks[k].lower_ in _LEAD_INS:
        k += 1
    if k >= len(toks) - 1 or toks[k].lower_ not in _TRAILING_OPENERS:
        return range(0), False
    clause = range(toks[start].i, toks[-1].i + 1)
    if not any(t.dep_ == "ROOT" for t in toks[start:]):
        return range(0), False
    return clause, k > start


def lemma_candidates(tok: Token) -> list[str]:
    """The token's lemma and surface form, then lemmas guessed from the surface form of a
    verb or plural noun, for when the lemmatizer errs ("raped" -> "rap")."""
    keys = [tok.lemma_.lower(), tok.text.lower()]
    if tok.pos_ not in ("VERB", "NOUN", "AUX"):
        return keys
    w = keys[1]
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)] + repl
            keys.append(stem)
            if repl == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                keys.append(stem[:-1])  # "stabbed" -> "stab"
    return list(dict.fromkeys(keys))


def _best_entry(tok: Token, entries: tuple[TriggerEntry, ...]) -> TriggerMatch | None:
    if not entries or _not_an_event_word(tok):
        return None
    for entry in entries:
        if entry.pos == "V" and tok.dep_ == "amod" and not _misparsed_verb(tok):
            continue  # "alleged bombers", "the besieged town": a participle as adjective
        if not entry.pos_ok(tok.pos_) and not (
            entry.pos == "N" and len(entry.words) > 1 and _noun_phrase_start(tok, entry)
        ):
            continue
        toks = _multiword_tokens(entry, tok)
        if toks is None:
            continue
        head = _phrase_head(toks) if entry.pos == "N" else tok
        if _cond_ok(entry, head):
            return TriggerMatch(head, toks, entry)
    return None


def _noun_phrase_start(tok: Token, entry: TriggerEntry) -> bool:
    """The first word of a multi-word noun ("air strike"); a hyphenated compound may begin
    with a verb ("a go-slow", "a sit-in")."""
    return tok.pos_ in ("NOUN", "PROPN", "ADJ") or (tok.pos_ == "VERB" and "-" in entry.words)


def _phrase_head(toks: list[Token]) -> Token:
    """The head of a noun phrase's words: the last, unless the parser hung the phrase on an
    earlier one ("a ground offensive against" with "offensive" tagged an adjective of
    "ground"): the word whose head lies outside the phrase."""
    inside = {t.i for t in toks}
    if toks[-1].head.i in inside and toks[-1].head.i != toks[-1].i:
        outer = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
        if len(outer) == 1:
            return outer[0]
    return toks[-1]


_MONTH_CUES = _words("last next this early late mid since in on of until by from")


def _not_an_event_word(tok: Token) -> bool:
    """The month "March" ("last March", "on 3 March"), not a march."""
    if tok.text != "March" or tok.i == tok.sent.start:
        return False
    near = [tok.doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(tok.doc)]
    return any(t.lower_ in _MONTH_CUES or t.like_num for t in near)


# -- frames: commitments, threats, refusals and the future tense -----------------------


def clause_verb(tok: Token) -> Token | None:
    """The verb that carries a trigger's tense and modality: the trigger itself when it is
    a verb, else the verb whose object it is ("will impose sanctions", "to hold talks")."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    node = tok
    if _of_group(node):
        node = node.head.head
    if node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_.lower() in _CARRIERS:
        return node.head if node.head.pos_ in ("VERB", "AUX") else None
    return None


def _of_group(tok: Token) -> bool:
    """ "a wave of attacks": `tok` is counted by a group noun."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in GROUP_NOUNS


def _governing_frame(verb: Token) -> str | None:
    """commit, threat, refuse or future: what the words above `verb` make of it."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        lemma = head.lemma_.lower()
        if lemma in _THREAT_VERBS:
            return "threat"
        if lemma in _REFUSE_VERBS:
            return "refuse"
        if lemma in _COMMIT_VERBS or (head.pos_ == "ADJ" and lemma in _COMMIT_ADJS):
            return "commit"
        if lemma == "go" and head.tag_ == "VBG" and _reported(head):  # "is going to"
            return "future"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _DEMAND_AUX and _reported(verb):
        return "demand"  # "X said Y must withdraw": a demand on Y
    negated = any(c.dep_ == "neg" for c in verb.children)
    if aux & _FUTURE_AUX and not negated and _reported(verb):
        return "future"
    possible = aux & _POSSIBLE_AUX and "have" not in aux and not negated
    if possible and _reported(verb) and _speakers_own(verb):
        return "possible"  # what the types make of it is data: a hostile act is a threat
    return None


_CONDITION_MARKS = frozenset({"if", "unless"})
# how a trigger hangs on the words that carry it within its clause ("the prospect of sending
# troops", "notice of a strike"); a subject does not carry the act ("the strike would be ...")
_CARRIER_DEPS = frozenset({"dobj", "pobj", "prep", "pcomp", "xcomp", "acl"})


def conditional(tok: Token) -> bool:
    """An act made to hang on what someone else does: an "if" or "unless" clause with a
    subject of its own on the trigger or on a word above it in its clause, up to and including
    the clause's verb ("raised the prospect of sending troops if the attacks went on"). An
    act told in the past tense ("fired if ...") or "would have" is no condition on the future."""
    if tok.tag_ == "VBD" or any(c.lower_ == "have" and c.dep_ == "aux" for c in tok.children):
        return False
    node = tok
    for _ in range(8):
        if any(_is_condition(c) for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in _CARRIER_DEPS:
            return False
        if node.pos_ in ("VERB", "AUX") and node.tag_ != "VBG" and node is not tok:
            return False
        node = node.head
    return False


def _is_condition(clause: Token) -> bool:
    if clause.dep_ != "advcl":
        return False
    marks = [c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i]
    if "as" in marks or not _CONDITION_MARKS & set(marks):
        return False  # "as if ..."
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


_OWN = frozenset({"his", "her", "its", "their", "our", "my"})


def _speakers_own(verb: Token) -> bool:
    """The subject is the speaker or the speaker's own: a pronoun ("it could impose") or a
    noun a possessive pronoun owns ("his army could launch"), not a third party ("Ukraine
    said Russia could attack": a warning, not a threat)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    subj = subjects[0]
    if subj.pos_ == "PRON":
        return True
    return any(c.dep_ == "poss" and c.lower_ in _OWN for c in subj.children)


def _reported(verb: Token) -> bool:
    """ "X said it will ...": the future is what someone announced, not a forecast."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in REPORTING:
        return True
    # "..., the ministry said": an attribution after the clause, whatever the parse made of it
    return verb.dep_ == "ROOT" and _attributed_after(verb)


def _attributed_after(verb: Token) -> bool:
    comma = False
    for t in verb.sent:
        if t.i <= verb.i:
            continue
        comma = comma or t.lower_ == ","
        if comma and t.pos_ == "VERB" and t.lemma_.lower() in REPORTING:
            return True
    return False


def reframe(m: TriggerMatch) -> None:
    """Recode a trigger that reports an intention, a threat or a refusal (in place): what
    each type becomes in each frame is data (plover.json, `frames`)."""
    entry = m.entry
    verb = clause_verb(m.token)
    frame = _governing_frame(verb) if verb is not None else None
    if frame is None and conditional(m.token):
        frame = "conditional"
    if frame is None:
        return
    target = _reframed(entry, frame, verb)
    if target is None or target.event_type == entry.event_type:
        return
    m.entry = replace(entry, event_type=target.event_type, mode=target.mode)
    m.frame = frame


# frames that a clause hanging on "prepare" recodes its own way ("the army prepared to
# resume shelling" is a mobilisation)
_PREPARE_FRAMES = frozenset({"commit", "future", "threat"})


def _reframed(entry: TriggerEntry, frame: str, verb: Token | None) -> Target | None:
    onto = load_ontology()
    head = verb.head if verb is not None else None
    if (
        head is not None
        and frame in _PREPARE_FRAMES
        and head.lemma_.lower() == "prepare"
        and head.pos_ == "VERB"
    ):
        prepared = onto.reframed(entry.event_type, entry.mode, "prepare")
        if prepared is not None:
            return prepared
    return onto.reframed(entry.event_type, entry.mode, frame)


# -- salience -------------------------------------------------------------------------


def salience(
    m: TriggerMatch, triggers: dict[int, TriggerMatch], background: range = range(0)
) -> float:
    """1.0 for the sentence's main event, less for a background one (never below 0.4).
    A trigger after a `background` clause that opens the sentence is not scored by where the
    parse hangs it in that clause: the clause is not the sentence's main one."""
    score = 1.0
    tok = m.token
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        score *= 0.6  # "protest leaders", "aid workers": a modifier, not an event
    node, hops, reported = tok, 0, False
    inside = tok.i in background
    while node.head.i != node.i and hops < 12:
        head, dep = node.head, node.dep_
        if not inside and head.i in background:
            break
        hops += 1
        other = triggers.get(head.i)
        if other is not None and other is not m and not _same_event(m, other, dep):
            # the trigger is an argument of another event: "condemned the attack"; what
            # someone said on the way up is a report of it ("accused X, saying Y fired");
            # a coordinated verb ("opposed the reform, threw stones and set fire to shops")
            # ranks below the first but is no argument of it
            coordinated = dep == "conj" and node.pos_ == "VERB" and head.pos_ == "VERB"
            if not reported and not coordinated:
                m.governor = other
            # recalled as the time of the other ("defended X, five days after Y killed")
            recalled = BACKDROP if _hop_factor(node, head, dep) == BACKDROP else 1.0
            return max(0.4, score * SUBORDINATE * recalled)
        reported = reported or head.lemma_.lower() in REPORTING
        score *= _hop_factor(node, head, dep)
        node = head
    return max(0.4, score)


def _same_event(m: TriggerMatch, other: TriggerMatch, dep: str) -> bool:
    """ "an attack that killed", "agreed to resign" (reframed): one event, two words."""
    return other.entry.event_type == m.entry.event_type and dep not in ("advcl",)


# a trailing participle of these gives the reason for the main act ("suspended the groups,
# accusing them of political bias"), not a second event that outranks it
_REASON_PARTICIPLES = _words("accuse blame cite charge allege claim")
# what is done under an agreement is not the agreement ("exchanged lists under a 1988 accord")
_FRAMEWORK_NOUNS = _words(
    "agreement deal accord pact treaty arrangement framework memorandum protocol"
)
# what someone speaks to is where they spoke, not news ("told a rally", "addressed a rally")
_ADDRESS_VERBS = _words("tell address brief")
_INTERVALS = _words("minute minutes hour hours day days week weeks month months year years")
BACKDROP = 0.6  # salience factor of a recalled event, a reason, or an agreement acted under


_MISPARSED_CLAUSE = frozenset({"conj", "ccomp", "parataxis"})


def _hop_factor(node: Token, head: Token, dep: str) -> float:
    if dep in _MISPARSED_CLAUSE and node.pos_ in ("VERB", "AUX") and after_an_interval(node):
        # "..., officials said, hours after missiles struck": the clause recalls an earlier
        # event however the parser hangs it (as a conjunct, or as what was said)
        return BACKDROP
    if dep in ("pobj", "pcomp") and head.pos_ == "ADP" and after_an_interval(head):
        return BACKDROP  # "hours after the attack", "two weeks after seizing it"
    if dep in _CLAUSE_FACTOR:
        if dep == "advcl" and node.tag_ == "VBG" and _shares_subject(node):
            if node.lemma_.lower() in _REASON_PARTICIPLES:
                return BACKDROP
            return 0.9  # "..., killing 12": a participle that continues the main clause
        if dep == "advcl" and (after_an_interval(node) or _occasion_clause(node)):
            return BACKDROP
        return _CLAUSE_FACTOR[dep]
    if dep == "pobj" and head.lower_ == "under" and node.lemma_.lower() in _FRAMEWORK_NOUNS:
        return BACKDROP
    if dep in ("dobj", "dative") and head.lemma_.lower() in _ADDRESS_VERBS:
        return BACKDROP  # "their leaders told a rally": the audience of a statement
    if dep == "pobj" and head.lower_ in _BACKGROUND_PREPS:
        return 1.0 if _of_group(node) else 0.8
    if dep in ("ccomp", "xcomp") and head.lemma_.lower() not in REPORTING:
        return 0.9
    return 1.0


_OCCASION_MARKS = frozenset({"after", "since"})


def _occasion_clause(verb: Token) -> bool:
    """ "announced $60 million in aid after gang attacks forced the airport to close": a
    clause opened by "after" or "since" tells what the news followed, not the news."""
    return any(c.dep_ == "mark" and c.lower_ in _OCCASION_MARKS for c in verb.children)


def after_an_interval(tok: Token, units: frozenset[str] = _INTERVALS) -> bool:
    """ "two days after a drone strike killed ...", "hours after the attack": the clause (its
    verb, `tok`) or phrase (its "after", `tok`) recalls an earlier event as the time of the
    news, not the news; `units`: the words of the span of time that count."""
    marks = [c for c in tok.children if c.dep_ == "mark"] if tok.pos_ != "ADP" else [tok]
    for mark in marks:
        if mark.lower_ not in ("after", "before", "since"):
            continue
        # the parser hangs "two days" on the "after" or on the clause's verb
        for c in list(mark.children) + list(tok.children):
            if c.dep_ == "npadvmod" and c.lower_ in units:
                return True
    return False


def _shares_subject(verb: Token) -> bool:
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


PRIOR = 0.2  # how much the word model may move a confidence (an exponent; 0 turns it off)


def _sentence_distribution(parsed: Any) -> dict[str, float]:
    """The word model's distribution over a parsed sentence, computed once per parse (kept
    in its user data): every trigger of the sentence asks for it."""
    cached: dict[str, float] | None = parsed.user_data.get("flashpoint_type_prior")
    if cached is None:
        cached = load_type_prior().distribution([t.text for t in parsed])
        parsed.user_data["flashpoint_type_prior"] = cached
    return cached


def trigger_confidence(m: TriggerMatch, aux: list[str], actor: bool, recipient: bool) -> float:
    """How sure an event is: the entry's weight, the trigger's salience, whether the
    parse gave it an actor and a recipient, and its auxiliary modes."""
    score = m.entry.weight * m.salience * (0.7 + 0.15 * actor + 0.15 * recipient)
    prior = load_type_prior()
    dist = _sentence_distribution(m.token.doc)
    score *= factor_of(dist, m.entry.event_type, len(prior.types), PRIOR)
    if "negation" in aux or "hypothetical" in aux:
        score *= 0.8
    elif "future" in aux and m.frame is None:
        score *= 0.85
    return min(1.0, score)
