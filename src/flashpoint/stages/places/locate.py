"""Where an event happened: the place the text attaches to the event, not any place nearby.

Rules, in order:
1. Places of the event's sentence are grouped where the text nests them ("Sirwah (Marib)",
   "Iran's Sistan and Baluchestan province", "Kabul, Afghanistan"); a group stands for its
   most specific resolved member.
2. Each group is scored by how it attaches to the trigger: governed by a locative preposition
   (in, at, near, on, across, inside...) in the trigger's own clause scores high; a place
   that is the subject or object of a verb ("Tehran condemned", "attacked Iraq"), the object of
   "to/from/against/with" ("the ambassador to Tehran"), inside another clause ("the Houthis,
   who attack ships in the Red Sea"), or part of the actor's phrase, does not count. Among
   places that do, one in the recipient's country (then the actor's) wins: "airstrikes in
   Iraq and Syria" with recipient Syria is located in Syria.
3. With no such place, an ASSAULT whose recipient has a country is located in that country
   at precision "country" (attacks happen where their targets are); anything else is None.
4. A country-level answer takes the first-level region when the sentence and its neighbours
   name exactly one admin1 of that country ("... strikes against Iran. The strikes in Iran's
   Sistan and Baluchestan province ..." -> Sistan and Baluchestan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flashpoint.document import Document, Event, EventLocation, PlaceMention, Sentence, Span
from flashpoint.ontology import load_ontology
from flashpoint.stages.places.gazetteer import Gazetteer, Place, load_gazetteer
from flashpoint.stages.places.mentions import DESIGNATORS, PLACE_OBJECT_VERBS, tokens_between
from flashpoint.stages.places.names import normalize
from flashpoint.stages.wordlists import load_word_lists

LOCATIVE = {
    "in",
    "at",
    "near",
    "on",
    "across",
    "inside",
    "outside",
    "around",
    "within",
    "throughout",
    "along",
    "off",
    "into",
    "nearby",
    "outskirts",
    "onto",
    "amid",
    "over",
    "beside",
    "behind",
    "through",
    "during",
    "after",
    "before",
}
NOT_LOCATIVE = {
    "to",
    "from",
    "against",
    "with",
    "for",
    "by",
    "toward",
    "towards",
    "about",
    "between",
    "than",
    "like",
    "as",
    "of",
}
_TARGET_PREPS = {"on", "onto", "over", "into"}
# prepositions whose object is not where the event is, even a few phrases up
_FOREIGN_PREPS = {"from", "of", "because", "to", "for", "about", "than", "like"}
_DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "outskirts",
    "suburbs",
    "outside",
}
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "agent"}
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"}
_NOMINAL_DEPS = {
    "compound",
    "amod",
    "nmod",
    "poss",
    "appos",
    "conj",
    "nummod",
    "npadvmod",
    "dep",
    "case",
    "cc",
    "det",
}
_PRECISION_RANK = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
# what may stand between a place and its container: "X (Y", "X (Unknown, Y", "X, Y",
# "Y's X", "X in Y", "X district of Y" (shared with the geoparser's containers)
_NEST_GAP = re.compile(
    r"\s*\(\s*(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*,\s*)?|\s*,\s*"
    r"|['’]s\s+(?:[a-z-]+\s+){0,2}|\s*\)?\s*,?\s+(?:in|of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}"
)
_THRESHOLD = 1.5
_WEAK = 0.25  # a loosely attached place, taken when it is the only one
_WINDOW = (1, 2)  # sentences before and after searched for a unique admin1


@dataclass(slots=True)
class Group:
    members: list[PlaceMention]
    score: float = 0.0

    @property
    def best(self) -> PlaceMention:
        resolved = [m for m in self.members if m.precision]
        # on a tie, a named place beats an unknown one placed by its container
        return min(
            resolved, key=lambda m: (_PRECISION_RANK[m.precision or "country"], m.name is None)
        )

    @property
    def country(self) -> str | None:
        return self.best.country


def locate_event(doc: Document, event: Event, gaz: Gazetteer | None = None) -> EventLocation | None:
    """The location of `event` (see the module docstring for the rules), or None."""
    gaz = gaz or load_gazetteer()
    sent = _sentence(doc, event)
    if sent is None:
        return None
    places = _sentence_places(doc, sent)
    groups = [g for g in _groups(places, doc.text) if any(m.precision for m in g.members)]
    chosen = _best_group(doc, sent, event, groups)
    if chosen is not None and chosen.country is None:
        chosen = _town_within_wide_place(chosen, groups)
    if chosen is not None:
        loc: EventLocation | None = EventLocation.from_mention(chosen.best)
    else:
        loc = _recipient_country(event, places, gaz)
    if loc is not None and loc.precision == "country":
        loc = _refine_admin1(doc, sent, loc, gaz)
    return loc


# what never names where the event was, even loosely ("clashed with Kenyan police", "an
# appeal for Gaza", "accused by Kyiv"): the non-locative prepositions but those of a route,
# an origin or a destination ("between", "from", "to", "of")
_NEVER_PLACES = NOT_LOCATIVE - {"to", "toward", "towards", "from", "between", "of"}


def lead_place(doc: Document, event: Event, floor: float | None = None) -> EventLocation | None:
    """Where a report's lead event happened when the parse attaches no place to it: the lead
    sentence's best-attached place group that is no participant's, no demonym or metonym,
    no verb's subject or object other than an attack's target, and not governed by
    "against", "with", "by" or "for" ("shot dead a driver who had refused to pay in the X
    sector of San Pedro Sula", "kidnapped a priest on the road between Saint-Marc and
    Liancourt"). With `floor`, only a place that attaches at least that well (no other
    clause's)."""
    sent = _sentence(doc, event)
    if sent is None:
        return None
    places = [p for p in _sentence_places(doc, sent) if p.kind == "literal" and p.precision]
    every = _groups(places, doc.text)
    groups = [g for g in every if _loosely_placed(doc, sent, event, g)]
    if not groups:
        groups = _only_told_place(every, event)
    _best_group(doc, sent, event, groups)
    ranked = sorted(groups, key=lambda g: -g.score)
    if not ranked:
        return None
    if len(ranked) > 1 and _rivals(ranked[0], ranked[1]):
        return _shared_country(ranked[0], ranked[1])
    if floor is not None and ranked[0].score < floor:
        return None
    return EventLocation.from_mention(ranked[0].best)


def _shared_country(a: Group, b: Group) -> EventLocation | None:
    """Rival places of one country ("on the road between Afgoye and Mogadishu"): the text
    does not say which region, but it says which country."""
    iso3 = a.best.country
    country = load_gazetteer().country(iso3) if iso3 and iso3 == b.best.country else None
    return _country_location(country) if country is not None else None


def _country_location(
    country: Place, text: str | None = None, span: Span | None = None
) -> EventLocation:
    """A location at a country's centre (`text` and `span`: where the text names it)."""
    return EventLocation(
        text=text,
        name=country.name,
        country=country.country,
        admin1=None,
        lat=country.lat,
        lon=country.lon,
        precision="country",
        span=span,
    )


def _only_told_place(groups: list[Group], event: Event) -> list[Group]:
    """The sentence's only place, when it is told as one (a kind word or a container:
    "..., Pichari district (Cusco)") and is no participant's, whatever the parse made of it
    ("clashed with remnants of the Shining Path in the VRAEM valley, Pichari district")."""
    if len(groups) != 1 or _is_participant(groups[0], event):
        return []
    g = groups[0]
    kind_word = any(m.text.split()[-1].lower() in DESIGNATORS for m in g.members)
    return [g] if len(g.members) > 1 or kind_word else []


_MARGIN = 0.5  # how much better the lead's loose place must attach than a rival elsewhere


def _rivals(a: Group, b: Group) -> bool:
    """Two places that attach about as loosely, neither inside the other ("at the entrance
    to Istanbul's Ataturk airport" read as two towns): the sentence does not say which."""
    if a.score - b.score >= _MARGIN:
        return False
    x, y = a.best, b.best
    if x.country != y.country:
        return True
    return x.admin1 is not None and y.admin1 is not None and x.admin1 != y.admin1


def _loosely_placed(doc: Document, sent: Sentence, event: Event, g: Group) -> bool:
    if _is_participant(g, event):
        return False
    parsed = doc.parses.get(sent.index)
    if parsed is None:
        return True
    head = _head_token(parsed, g.best.span[0] - sent.start, g.best.span[1] - sent.start)
    if head is None:
        return False
    kind, word, anchor = _governor(head, place=True)
    if kind == "prep":
        return word not in _NEVER_PLACES
    if word in _ARGUMENT_DEPS:
        # an attack's target ("gunfire rocked the Abu Salim district"), not what a verb of
        # another clause is about ("shelled trenches near Xyzovka, the military said,
        # accusing Moscow of war crimes")
        start, end = event.trigger.span
        trig = _head_token(parsed, start - sent.start, end - sent.start)
        return (
            _is_attack(event)
            and word in ("dobj", "nsubjpass")
            and anchor.pos_ == "VERB"
            and (trig is None or _acts_on(anchor, trig) or anchor.is_ancestor(trig))
        )
    return True


def _sentence_places(doc: Document, sent: Sentence) -> list[PlaceMention]:
    return [
        p for p in doc.places if sent.start <= p.span[0] < sent.end and not _describes_a_town(p)
    ]


def _sentence(doc: Document, event: Event) -> Sentence | None:
    idx = event.sentence_index
    if 0 <= idx < len(doc.sentences):
        s = doc.sentences[idx]
        if s.start <= event.trigger.span[0] < s.end:
            return s
    return doc.sentence_of(event.trigger.span[0])


def _groups(places: list[PlaceMention], text: str) -> list[Group]:
    groups: list[Group] = []
    for p in places:
        if groups and _nests(groups[-1].members[-1], p, text):
            groups[-1].members.append(p)
        else:
            groups.append(Group([p]))
    return groups


def _nests(a: PlaceMention, b: PlaceMention, text: str) -> bool:
    if not _NEST_GAP.fullmatch(text[a.span[1] : b.span[0]]):
        return False
    if a.precision is None:  # "Paletwa township, Chin state": an unknown place, its container
        return b.precision is not None
    if not (a.country and b.country) or a.country != b.country:
        return False
    return "country" in (a.precision, b.precision) or a.admin1 == b.admin1


# --- scoring -------------------------------------------------------------------------------


def _best_group(doc: Document, sent: Sentence, event: Event, groups: list[Group]) -> Group | None:
    parsed = doc.parses.get(sent.index)
    for g in groups:
        if _names_the_event(parsed, sent, g, event):
            g.score = _COMPOUND_PLACE
            continue
        if _is_participant(g, event):
            # "Police in St Petersburg detained ...": where the actor is, when the trigger
            # places the event nowhere else
            g.score = _THRESHOLD if _where_the_actor_is(doc.text, g, event) else -9.0
            continue
        g.score = max(_member_score(doc.text, sent, parsed, event, m) for m in g.members)
        g.score += _country_bonus(g, event)
    ok = [g for g in groups if g.score >= _THRESHOLD]
    if not ok and _is_attack(event) and len(groups) == 1:
        # "shelled a camp for displaced people near Laiza in Kachin state": the one place of
        # an attack's sentence, loosely attached
        ok = [g for g in groups if g.score >= _WEAK]
    if not ok:
        return None
    best = max(ok, key=lambda g: g.score)
    return _container_of_named(parsed, sent, best, ok) or _inner_rival(best, ok) or best


def _container_of_named(parsed: Any, sent: Sentence, best: Group, ok: list[Group]) -> Group | None:
    """A name that modifies a noun which has its own "in"/"at" place ("inside the Litoral
    penitentiary in Guayaquil", "the Jubaland education office in Kismayo") is part of what
    the noun is called; the place after it says where."""
    if parsed is None:
        return None
    head = _head_token(parsed, best.best.span[0] - sent.start, best.best.span[1] - sent.start)
    if head is None or head.dep_ not in ("compound", "amod"):
        return None
    named = head.head
    for g in ok:
        if g is best or best.score - g.score >= _MARGIN:
            continue
        tok = _head_token(parsed, g.best.span[0] - sent.start, g.best.span[1] - sent.start)
        if tok is None:
            continue
        kind, word, anchor = _governor(tok, place=True)
        if kind == "prep" and word in ("in", "at") and anchor.i == named.i:
            return g
    return None


def _inner_rival(best: Group, ok: list[Group]) -> Group | None:
    """Of two places that attach about as well, one inside the other ("outside the
    Jubaland education office in Kismayo"), the inner one says where the event was."""
    wide = best.best
    rank = _PRECISION_RANK[wide.precision or "country"]
    for g in ok:
        inner = g.best
        if g is best or best.score - g.score >= _MARGIN or inner.country != wide.country:
            continue
        if _PRECISION_RANK[inner.precision or "country"] >= rank:
            continue
        if wide.precision in ("country", "region") or (
            wide.precision == "admin1" and inner.admin1 == wide.admin1
        ):
            return g
    return None


_COMPOUND_PLACE = 2.0  # below a locative on the trigger ("the Kano attack in Abuja" is rare)


def _names_the_event(parsed: Any, sent: Sentence, g: Group, event: Event) -> bool:
    """A town or region compounded onto the event noun names where it happened, not who
    did it: "in a Kano market attack", "the Peshawar mosque bombing". (A country so used
    may be the attacker, "an Israel strike", and stays to the other rules.)"""
    if parsed is None or any(m.precision == "country" for m in g.members):
        return False
    start, end = event.trigger.span
    trig = _head_token(parsed, start - sent.start, end - sent.start)
    if trig is None or trig.pos_ != "NOUN":
        return False
    for m in g.members:
        tok = _head_token(parsed, m.span[0] - sent.start, m.span[1] - sent.start)
        while tok is not None and tok.dep_ == "compound" and tok.head.i != tok.i:
            tok = tok.head
            if tok.i == trig.i:
                return True
    return False


# kind words of a settlement that a wide place's name describes ("the Black Sea port")
_SETTLEMENT_WORDS = ("port", "city", "town", "village", "resort", "capital")


def _describes_a_town(p: PlaceMention) -> bool:
    """ "in the Black Sea port", "the Red Sea city": a sea or wide region whose name
    describes a town told elsewhere (the dateline's, an earlier sentence's), not the place:
    the event is placed as if its sentence named none."""
    words = p.text.lower().split()
    return p.country is None and len(words) > 1 and words[-1] in _SETTLEMENT_WORDS


def _town_within_wide_place(chosen: Group, groups: list[Group]) -> Group:
    """A place of several countries (a lake, a sea, a border region) where the sentence
    also places the event in a country's town ("on islands of Lake Chad near Kukawa"): the
    town is where it was, the wide place only the area."""
    placed = [
        g
        for g in groups
        if g.country is not None
        and g.score > -9.0
        and g.best.kind == "literal"
        and g.best.precision in ("city", "admin2", "admin1")
    ]
    return max(placed, key=lambda g: g.score, default=chosen)


def _is_attack(event: Event) -> bool:
    """A use of force on a target (its type's `attack`): it happens where its target is."""
    info = load_ontology().types.get(event.event_type)
    return info is not None and info.attack


def _is_participant(g: Group, event: Event) -> bool:
    """The place is (part of) the actor's phrase: "Tehran condemned". (A recipient's place
    may be the location, "airstrikes in Iraq"; the syntax decides.)"""
    span = event.actor.span if event.actor is not None else None
    return span is not None and any(_overlaps(m.span, span) for m in g.members)


_ACTOR_IN = re.compile(r"\s(?:in|at)\s+(?:the\s+)?$", re.I)


def _where_the_actor_is(text: str, g: Group, event: Event) -> bool:
    """The place follows "in"/"at" inside the actor's phrase ("police in Lagos",
    "protesters at Taksim Square"): the actor acted there."""
    span = event.actor.span if event.actor is not None else None
    if span is None:
        return False
    return any(
        span[0] < m.span[0] and m.span[1] <= span[1] and _ACTOR_IN.search(text[span[0] : m.span[0]])
        for m in g.members
    )


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _country_bonus(g: Group, event: Event) -> float:
    if event.recipient and event.recipient.country and g.country == event.recipient.country:
        return 1.0
    if event.actor and event.actor.country and g.country == event.actor.country:
        return 0.5
    return 0.0


def _member_score(text: str, sent: Sentence, parsed: Any, event: Event, m: PlaceMention) -> float:
    penalty = 0.002 * abs(m.span[0] - event.trigger.span[0]) + _ROUTE_END * _route_end(text, m)
    head = trig = None
    if parsed is not None:
        head = _head_token(parsed, m.span[0] - sent.start, m.span[1] - sent.start)
        trig = _head_token(
            parsed, event.trigger.span[0] - sent.start, event.trigger.span[1] - sent.start
        )
    if head is None or trig is None:
        return _surface_score(text, sent, m) - penalty
    head = _unit_contained(text, sent, parsed, m) or head
    if _phrase_host(head, trig, event, sent):
        return _IN_PHRASE - penalty
    # verbal events: "war on Pakistan", "sanctions on Iran", "a row over Kashmir" name targets
    onto = load_ontology()
    verbal = event.event_type in onto.types and onto.is_verbal(event.event_type)
    motion = _MOTION_PREPS.get(event.event_type, frozenset())
    if event.mode == "abduct":  # people are taken where they were: "abducted 14 migrants
        motion = motion | {"from"}  # from a bus station in Reynosa"
    # what a force attacks, moves into or hands over is a place it acts on ("handed over
    # Forward Operating Base X (Afgooye, Lower Shabelle) to the army"); whom it frees is not
    handover = event.event_type == "RETREAT" and event.mode == "withdraw"
    occupy = _is_attack(event) or event.event_type == "MOBILIZE" or handover
    journey = event.event_type == "CONSULT"
    return _syntax_score(head, trig, verbal, occupy, motion, journey) - penalty


# where a move happens: a retreat where it is "from" ("withdrew from Kherson"), a deployment
# where it goes ("deployed troops to Nueva Concepcion", "sent police into the town")
_MOTION_PREPS = {
    "RETREAT": frozenset({"from", "out of"}),
    "MOBILIZE": frozenset({"to", "into", "onto"}),
    # a march happens where it goes ("marched to the Executive Mansion in Monrovia")
    "PROTEST": frozenset({"to", "towards", "toward"}),
}


_IN_PHRASE = 3.0  # as a locative preposition on the trigger itself scores


def _phrase_host(head: Any, trig: Any, event: Event, sent: Sentence) -> bool:
    """ "took to the streets in / of Nairobi": a place whose locative preposition (or "of")
    hangs on another word of a several-word trigger is where the event was."""
    prep = head.head
    if head.dep_ != "pobj" or prep.head.i == prep.i or prep.lower_ not in LOCATIVE | {"of"}:
        return False
    host = prep.head
    start, end = event.trigger.span
    return host.i != trig.i and start <= sent.start + host.idx < end


# a unit named by its kind word and then a comma: what follows is its container
_UNIT_THEN_COMMA = re.compile(r"(\w[\w-]*)\s*,\s*$")


def _unit_contained(text: str, sent: Sentence, parsed: Any, m: PlaceMention) -> Any:
    """The kind word of a unit the region follows as its container ("raped seven women in
    Kalehe territory, South Kivu", "near Dukana village, Marsabit"), whether or not the
    gazetteer knows the unit: the region is where the event was as far as the text places
    it, so it attaches to the event as the unit does (the parser often hangs it elsewhere)."""
    if m.precision not in ("admin1", "admin2", "country"):
        return None
    found = _UNIT_THEN_COMMA.search(text[sent.start : m.span[0]])
    if found is None or found.group(1).lower() not in DESIGNATORS:
        return None
    at = found.start(1)
    return next((t for t in parsed if t.idx == at), None)


_ROUTE_END = 3.0  # what naming a route's end costs a place ("the Gusau-Funtua road")


def _route_end(text: str, m: PlaceMention) -> bool:
    """The place is one end of a route written "X-Y" ("on the Gusau-Funtua road"): the
    event happened somewhere along it, not in the town."""
    start, end = m.span
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] == "-" and after[1].isupper()) or (
        len(before) == 2 and before[1] == "-" and before[0].isalpha()
    )


def _head_token(parsed: Any, start: int, end: int) -> Any:
    toks = tokens_between(parsed, start, end)
    for t in toks:
        if not (start <= t.head.idx < end) or t.head.i == t.i:
            return t
    return toks[0] if toks else None


def _syntax_score(
    head: Any,
    trig: Any,
    verbal: bool = False,
    attack: bool = False,
    motion: frozenset[str] = frozenset(),
    journey: bool = False,
) -> float:
    """How a place phrase attaches to the event, read off the dependency parse. A move
    happens where its `motion` prepositions say ("withdrew from Kherson", "deployed to
    Kherson"); the place an attack or a force's move is done to is where it happened
    ("attacked Seytenga village", "Kodyel was shelled", "encircled the town of X"); a
    meeting reached by a journey (`journey`) is held where it went ("flew to Khartoum for
    talks"); other arguments of a verb are no location ("Tehran condemned")."""
    kind, word, anchor = _governor(head, place=True)
    if journey and kind == "prep" and word == "to" and anchor.lemma_.lower() in _JOURNEY_VERBS:
        motion = motion | {"to"}
    if _home_of_locals(head) and _subject_of(anchor, trig):
        return 3.0  # "residents of Diepsloot beat a man to death": where they live
    if attack and kind == "dep" and word in ("dobj", "nsubjpass") and _acts_on(anchor, trig):
        score = 3.0
    elif kind == "prep" and verbal and word in _TARGET_PREPS:
        score = -1.0
    elif kind == "prep" and (word in LOCATIVE or word in motion):
        score = _anchor_score(anchor, trig, motion)
    elif kind == "prep":
        score = 0.5 if word == "from" else -3.0
    elif word in _ARGUMENT_DEPS:
        score = -3.0
    else:
        score = 0.5
    placed = attack and kind == "prep" and word in LOCATIVE  # "... planted in X"
    return score - 2.0 * _foreign_clauses(anchor, trig, placed)


def _home_of_locals(head: Any) -> bool:
    """The place is where the people of a noun phrase live ("residents of Diepsloot",
    "villagers of Kiwanja"): what they do themselves, they do there."""
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.i != prep.i
        and prep.head.lower_ in _LOCALS_OF
    )


def _subject_of(verb: Any, trig: Any) -> bool:
    """`verb` is the trigger, or the verb the trigger is conjoined to ("went door to door
    and beat a man"), so the phrase it governs is the trigger's own argument."""
    return verb.i == trig.i or (trig.dep_ == "conj" and trig.head.i == verb.i)


def _acts_on(verb: Any, trig: Any) -> bool:
    """The verb whose object the place is: the trigger itself, or an attack or capture
    verb of the trigger's sentence ("retook the town of Mudiyah" for the fighting's toll)."""
    return (
        verb.i == trig.i
        or verb.lemma_.lower() in PLACE_OBJECT_VERBS
        or verb.lower_ in PLACE_OBJECT_VERBS
    )


def _anchor_score(anchor: Any, trig: Any, motion: frozenset[str] = frozenset()) -> float:
    """A locative phrase counts fully when it modifies a predicate, the trigger, or a noun
    that is itself acted on or part of the predicate's phrases ("attacked a checkpoint in
    Kabul", "clashed with police in Ahvaz"); little when it says where something else is
    ("because of strikes inside Pakistan", "from bases in Yemen")."""
    trig_line = {trig.i, *(a.i for a in trig.ancestors)}
    for _ in range(4):
        if anchor.i in trig_line:
            return 1.0 if _in_adjunct(trig, anchor) else 3.0
        if anchor.pos_ in ("VERB", "AUX"):
            return 0.5 if _reason_clause(anchor) else 3.0
        kind, word, up = _governor(anchor)
        if kind == "prep" and word in _FOREIGN_PREPS and word not in motion:
            return 0.5
        if kind == "dep" and word not in _ARGUMENT_DEPS and up.pos_ not in ("VERB", "AUX"):
            return 1.0
        anchor = up
    return 2.0


_REASON_PREPS = frozenset({"for", "over", "about"})


def _reason_clause(verb: Any) -> bool:
    """A gerund after "for"/"over"/"about" tells why ("detained for criticising the war in
    Ukraine"): where its words are is not where the event happened."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _REASON_PREPS


def _in_adjunct(trig: Any, ancestor: Any) -> bool:
    """The trigger sits in a prepositional adjunct of `ancestor` ("staged airstrikes in Iraq
    over a bombing"): what is attached to `ancestor` belongs to the other predicate."""
    cur = trig
    while cur.i != ancestor.i and cur.head.i != cur.i:
        if cur.dep_ in ("pobj", "pcomp"):
            return True
        cur = cur.head
    return False


# nouns of time: "in the first days of X's offensive" says when, not where
_TIME_NOUNS = load_word_lists("places/cues.tsv")["time_nouns"]
_LOCALS_OF = load_word_lists("places/cues.tsv")["locals_of"]
_JOURNEY_VERBS = load_word_lists("events/frames.tsv")["journey_verbs"]


def _governor(tok: Any, place: bool = False) -> tuple[str, str, Any]:
    """Climb from a place name (`place`) or another word through its noun phrase to what
    governs it: a preposition ("prep", "in", attachment) or a dependency ("dep", label,
    head). A place inside "the first days of ..." is governed by that "of"."""
    cur = tok
    for _ in range(10):
        if cur.dep_ == "pobj":
            prep = cur.head
            if place and prep.lower_ == "of" and prep.head.lower_ in _TIME_NOUNS:
                return "prep", "of", prep.head  # "in the first days of Turkey's offensive"
            if prep.lower_ == "of" and (
                prep.head.pos_ in ("NOUN", "PROPN") or prep.head.lower_ in _DIRECTIONS
            ):
                cur = prep.head
                continue
            if prep.lower_ == "of" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "out":
                return "prep", "out of", prep.head  # "pulling out of Bakhmut"
            return "prep", prep.lower_, prep.head
        if cur.lower_ in _DIRECTIONS and cur.dep_ in ("advmod", "npadvmod"):  # "south of X"
            return "prep", "near", cur.head
        if cur.dep_ in _NOMINAL_DEPS and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return "dep", cur.dep_, cur.head


def _foreign_clauses(anchor: Any, trig: Any, placed: bool = False) -> int:
    """Clause boundaries between where the place attaches and the trigger's clause, not
    counting the trigger's own relative clause ("attack ... that killed two in X"), nor,
    for an attack's place told by a locative (`placed`), a reduced clause about its
    participants (`_reduced`)."""
    trig_line = [trig.i, *(a.i for a in trig.ancestors)]
    count, cur = 0, anchor
    while cur.i not in trig_line:
        if cur.dep_ in _CLAUSE_DEPS and cur.head.i != trig.i and not (placed and _reduced(cur)):
            count += 1
        if cur.head.i == cur.i:
            return count + 1
        cur = cur.head
    return count + _clause_depth(trig, cur.i)


def _reduced(tok: Any) -> bool:
    """A reduced clause that describes a participant of the event, with no subject of its
    own ("a landmine planted by ELN fighters in the countryside of X", "a man accused of
    trying to steal a child in Y"): what it places is where the event was. A relative or
    adverbial clause with its own subject ("militants who trained in Pakistan") is another
    event."""
    return tok.dep_ in ("acl", "xcomp") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children
    )


def _clause_depth(trig: Any, lca: int) -> int:
    """Clause boundaries between the trigger and the common ancestor (0 when the place
    attaches to the trigger's own clause)."""
    depth, cur = 0, trig
    while cur.i != lca and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl", "advcl", "parataxis") and not _result_clause(cur):
            depth += 1
        cur = cur.head
    return depth


def _result_clause(tok: Any) -> bool:
    """ "fought around the airport in Khartoum, killing 56": a participle clause that says
    what the main event did happens where it happened; so does a "to protest" clause, the
    protest its verb performs ("shut their stores in Srinagar to protest the killings")."""
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i:
        return True
    return _protest_purpose(tok)


def _protest_purpose(tok: Any) -> bool:
    return (
        tok.dep_ in ("advcl", "xcomp")
        and tok.lemma_.lower() == "protest"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _surface_score(text: str, sent: Sentence, m: PlaceMention) -> float:
    """Without a parse: the word before the place phrase decides."""
    before = re.findall(r"[A-Za-z]+", text[max(sent.start, m.span[0] - 40) : m.span[0]].lower())
    words = [w for w in before[-4:] if w not in ("the", "a", "an")]
    for w in reversed(words[-3:]):
        if w in LOCATIVE:
            return 3.0
        if w in NOT_LOCATIVE:
            return -3.0
    return 0.0


# --- fallbacks -----------------------------------------------------------------------------


def _recipient_country(
    event: Event, places: list[PlaceMention], gaz: Gazetteer
) -> EventLocation | None:
    """An attack with no place in its sentence happened in its target's country; with a
    target of no country, in the country of a non-state armed group or gang that carried it
    out ("al Shabaab fighters attacked government forces in Adan Yabaal town": Somalia),
    which fights at home."""
    rec = event.recipient
    if (rec is None or not rec.country) and not any(p.precision for p in places):
        # only when the sentence names no place: "at the entrance to Diffa town" is Niger
        # whatever Boko Haram's home
        actor = event.actor
        rec = actor if actor is not None and actor.sector in _HOME_SECTORS else None
    if not _is_attack(event) or rec is None or not rec.country:
        return None
    told = [p for p in places if p.precision]
    if told and all(p.country != rec.country for p in told):
        # "bombed Laman village, Paktika province, targeting TTP hideouts": the places the
        # sentence names say where, not the target's home
        return None
    target = _target_place(rec.span, rec.country, places)
    if target is not None:  # "shelled Kherson city": the target is itself a place
        return EventLocation.from_mention(target)
    country = gaz.country(rec.country)
    if country is None:
        return None
    named = next(
        (
            p
            for p in places
            if p.country == rec.country
            and p.precision == "country"
            and rec.span
            and _overlaps(p.span, rec.span)
        ),
        None,
    )
    text: str | None
    span: Span | None
    if named is not None:
        text, span = named.text, named.span
    elif _names_country(gaz, rec.text, rec.country):
        text, span = rec.text, rec.span
    else:
        text, span = None, None
    return _country_location(country, text, span)


_HOME_SECTORS = frozenset({"REB", "CRM"})  # armed groups and gangs that fight at home


def _target_place(span: Span | None, iso3: str, places: list[PlaceMention]) -> PlaceMention | None:
    """The most specific sub-national place of the recipient's country inside its phrase."""
    if span is None:
        return None
    inside = [
        p
        for p in places
        if p.country == iso3
        and p.precision in ("city", "admin2", "admin1")
        and _overlaps(p.span, span)
    ]
    return min(inside, key=lambda p: _PRECISION_RANK[p.precision or "country"], default=None)


def _names_country(gaz: Gazetteer, text: str | None, iso3: str) -> bool:
    if not text:
        return False
    key = normalize(text).removeprefix("the ")
    return any(p.kind == "country" and p.country == iso3 for p in gaz.lookup(key))


def _refine_admin1(
    doc: Document, sent: Sentence, loc: EventLocation, gaz: Gazetteer
) -> EventLocation:
    """A country-level location takes the one admin1 of that country named nearby."""
    lo, hi = sent.index - _WINDOW[0], sent.index + _WINDOW[1]
    near = [
        p
        for p in doc.places
        if lo <= p.sentence <= hi
        and p.country == loc.country
        and p.admin1
        and p.precision in ("city", "admin2", "admin1", "region")
    ]
    if len({p.admin1 for p in near}) != 1:
        return loc
    mention = near[0]
    admin1 = gaz.admin1(loc.country, mention.admin1 or "")
    if admin1 is None:
        return loc
    return EventLocation(
        text=mention.text,
        name=admin1.name,
        country=loc.country,
        admin1=admin1.name,
        lat=admin1.lat,
        lon=admin1.lon,
        precision="admin1",
        span=mention.span,
    )
