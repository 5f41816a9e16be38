"""Report frames: the event a report is about is told in its lead; later sentences
elaborate it.

A frame starts at a sentence whose main event (the material event nearest the root of its
parse) is told with something of its own (participants, a place, a date, a toll): the first
such sentence of the article starts the first frame, a later one a new frame when its place
or date is one the current frame does not share. Every later event that has no date of its
own other than the frame's, no place of its own outside the frame's, and no participants the
frame excludes is an elaboration, when it is material (an attack, a protest, a coercion;
statements and reactions are left to the merge stage):

1. another telling of a frame event of the same type whose sides it does not contradict
   ("The victim died in hospital", "Six people were killed in the air raid", "Two members
   of the SDF were killed" after a drone strike on a car) joins it: the main event first, then the
   frame's others in text order (its toll, place and date fill the frame event's empty
   ones, as in the merge stage);
2. the authorities acting on the frame's protesters ("Police dispersed the demonstrators",
   "Twelve were arrested") is the protest's intervention: the protest takes the counts and
   becomes a protest with intervention (excessive force when someone was killed);
3. anything else material (an attack, a protest, a coercion) that says who did it or names
   a toll stays an event of its own but takes the frame's place and date when it has none,
   and never outranks the frame's main event.

A joining elaboration's place refines the frame event's when it lies within it and is
finer ("The strike hit the village of Ak-Sai" after "struck a village in Batken region").

A day that only says when a statement was made ("..., the ministry said on Saturday") bounds
the event from above: a later telling of the frame's event with an earlier day of its own
(up to a week) elaborates it and gives the frame its day ("four soldiers were killed in
Wednesday's blast"); a later toll dated only by its own statement, up to a week after the
frame's day, elaborates it too ("At least five were killed, the ombudsman said on
Saturday"); so does one more victim who died days later ("A third protester died in
hospital the next day").

The frame's place is its events' place; where none has one, a place named in (or right
after) the main event's participants ("Police in Nairobi fired tear gas", "shelled
residential areas of El Obeid"); failing that, the lead sentence's best-attached place that
no participant, verb argument or "against/with/by/for" claims (`lead_place`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from flashpoint.document import Document, Event, EventLocation
from flashpoint.ontology import load_ontology
from flashpoint.stages.counts.patterns import ONE_MORE
from flashpoint.stages.dates.attach import said_day
from flashpoint.stages.events.acled import ARMED, TERRITORY_SUBTYPES
from flashpoint.stages.frames.flags import is_flagged
from flashpoint.stages.merge import _sides_fit, absorb, compatible
from flashpoint.stages.places.locate import lead_place
from flashpoint.stages.places.mentions import tokens_between
from flashpoint.stages.wordlists import load_word_lists

Token = Any
_PROTEST = "PROTEST"
_WITH_INTERVENTION = "Protest with intervention"
_EXCESSIVE_FORCE = "Excessive force against protesters"
_LOCAL_PRECISIONS = frozenset({"city", "admin2", "admin1"})
# the root of a sentence's parse, or a verb on it ("Police said they arrested 12")
_MAIN_CLAUSE_DEPTH = 1


def _material(event: Event) -> bool:
    info = load_ontology().types.get(event.event_type)
    return info is not None and info.counts


def _own_place(event: Event) -> EventLocation | None:
    """A place the event's own sentence names (not a participant's country)."""
    loc = event.location
    return loc if loc is not None and loc.span is not None else None


def _own_date(event: Event) -> bool:
    return event.date_span is not None


def _has_roles(event: Event) -> bool:
    def named(a: Any) -> bool:
        return a is not None and bool(a.country or a.name)

    return named(event.actor) or named(event.recipient)


def _same_place(a: EventLocation, b: EventLocation) -> bool:
    """One place contains the other, as far as the gazetteer says."""
    if a.country != b.country:
        return False
    return a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1


def _same_day(a: Event, b: Event) -> bool:
    """The two may have happened on one day: the same day, or a day inside the other's
    coarser period ("two weeks earlier" is no Saturday of this week)."""
    if a.date is None or b.date is None:
        return True
    if a.date_precision == "day" and b.date_precision == "day":
        return a.date == b.date
    coarsest = max((a.date_precision, b.date_precision), key=lambda p: _SPAN_DAYS.get(p or "", 0))
    if coarsest not in _SPAN_DAYS:
        return True
    return abs((a.date - b.date).days) <= _SPAN_DAYS[coarsest]


# how far apart two dates of a precision may lie and still name one day: a week's date is
# some day of it, a month's or a year's its first day
_SPAN_DAYS = {"day": 0, "week": 6, "month": 30, "year": 365}


@dataclass(slots=True)
class Frame:
    """The events of a lead sentence, its main event, and where and when it happened."""

    main: Event
    events: list[Event]
    location: EventLocation | None = None
    dated: Event | None = None  # the frame event whose date the text gives
    said: bool = False  # that date is the day a statement was made ("..., it said on Saturday")
    intervened: bool = False  # the authorities' action on its protest was folded into it

    def place_country(self) -> str | None:
        return self.location.country if self.location else None


# --- the lead sentence ------------------------------------------------------------------


def _parsed(doc: Document, event: Event) -> tuple[Any, int] | None:
    """The parse of the event's sentence and the trigger's offset in it (None without)."""
    sent = doc.sentence_of(event.trigger.span[0])
    parsed = doc.parses.get(sent.index) if sent else None
    if sent is None or parsed is None:
        return None
    return parsed, event.trigger.span[0] - sent.start


def _token(doc: Document, event: Event) -> Token | None:
    """The parse token of the event's trigger (None without a parse)."""
    found = _parsed(doc, event)
    if found is None:
        return None
    parsed, start = found
    # triggers start where a token starts: found by bisection, else by a scan
    at = tokens_between(parsed, start, start + 1)
    if at:
        return at[0]
    return next((t for t in parsed if t.idx <= start < t.idx + len(t.text)), None)


def _noun_head(tok: Token | None) -> Token | None:
    """The noun a compound word is part of ("missile" of "missile attacks"), else `tok`."""
    while tok is not None and tok.dep_ == "compound":
        tok = tok.head
    return tok


def _depth(doc: Document, event: Event) -> int:
    if _parsed(doc, event) is None:
        return 0
    tok = _token(doc, event)
    return sum(1 for _ in tok.ancestors) if tok is not None else 99


# "recaptured the town after clashes that killed three": the fighting the event was won by
_OWN_FIGHT_PREPS = frozenset({"after", "in", "during", "amid", "following"})
_FIGHT_DEPS = ("pobj", "pcomp")  # "after clashes", "after fighting" (a gerund)


def _own_fighting(doc: Document, main: Event, events: list[Event]) -> list[Event]:
    """Events of the lead sentence that are the main event's own fighting: of its type, told
    as a noun after "after", "in", "during", "amid" or "following" on its verb ("recaptured
    the town after clashes that killed three militiamen"). The main event takes their toll
    when it has none, and they are folded into it, toll or not (a later "Twelve fighters
    were killed" is then the main event's toll, not the fighting's)."""
    if main.dead is not None or main.dead_lower_bound is not None or main.aux:
        return []
    head = _token(doc, main)
    out: list[Event] = []
    for e in events:
        if e is main or e.event_type != main.event_type or e.aux:
            continue
        phrase = _fight_phrase(_token(doc, e))
        if head is None or phrase is None:
            continue
        tok, prep = phrase
        if tok.pos_ != "NOUN" and not (tok.dep_ == "pcomp" and tok.tag_ == "VBG"):
            continue
        if _on_main_verb(prep.head, head):
            _take_counts(main, e)
            out.append(e)
    return out


def _fight_phrase(tok: Token | None) -> tuple[Token, Token] | None:
    """The fighting noun an event is told by and its preposition, when it is told after
    "after", "in", "during", "amid" or "following" ("after clashes that killed three",
    "after a day of heavy fighting"), else None."""
    tok = _fight_noun(tok)
    if tok is None or tok.dep_ not in _FIGHT_DEPS:
        return None
    prep = _fight_preposition(tok)
    return (tok, prep) if prep.lower_ in _OWN_FIGHT_PREPS else None


_TOLD_OF_DEPS = ("relcl", "ccomp", "xcomp")


def _fight_noun(tok: Token | None) -> Token | None:
    """The fighting noun a killing is told of ("after fighting that killed 10 soldiers",
    "after fighting that a source said killed 10"): up through its relative clause."""
    for _ in range(3):
        if tok is None or tok.dep_ not in _TOLD_OF_DEPS or tok.head.dep_ in _FIGHT_DEPS:
            break
        tok = tok.head
    if tok is not None and tok.dep_ in _TOLD_OF_DEPS and tok.head.dep_ in _FIGHT_DEPS:
        return tok.head
    return tok


def _on_main_verb(verb: Token, head: Token) -> bool:
    """The main event's verb, or a participle that goes on telling it ("retook Ceel Dheer,
    capturing the town after a short battle")."""
    if verb.i == head.i:
        return True
    return verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and verb.head.i == head.i


def _fight_preposition(tok: Token) -> Token:
    """The preposition that governs a fighting noun, through a span of time of it ("after a
    day of heavy fighting", "after weeks of clashes")."""
    prep = tok.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.pos_ == "NOUN":
        return prep.head.head
    return prep


def _crowd_acts(main: Event, events: list[Event]) -> list[Event]:
    """What the lead's protesting crowd itself did besides ("protesters clashed with the
    police and burned a police station"): acts of the same crowd, its words the actor's, are
    the protest's, which takes their counts."""
    crowd = main.actor.span if main.event_type == _PROTEST and main.actor else None
    out: list[Event] = []
    for e in events:
        if crowd is None or e is main or e.aux or not _material(e):
            continue
        if e.event_type != _PROTEST and e.actor is not None and e.actor.span == crowd:
            _take_counts(main, e)
            out.append(e)
    return out


def main_event(doc: Document, events: list[Event]) -> Event | None:
    """The material event nearest the root of its sentence's parse (first on ties)."""
    material = [e for e in events if _material(e) and not is_flagged(e)]
    if not material:
        return None
    return min(material, key=lambda e: (_depth(doc, e), e.trigger.span))


def _participant_place(doc: Document, event: Event) -> EventLocation | None:
    """ "Police in Nairobi", "shelled residential areas of El Obeid": a local place named
    inside the phrase of a participant of the event, or right after it ("of", "in")."""
    spans = [a.span for a in (event.actor, event.recipient) if a is not None and a.span]
    for place in doc.places:
        if place.kind != "literal" or place.precision not in _LOCAL_PRECISIONS:
            continue
        if any(_within(doc.text, span, place.span) for span in spans):
            return EventLocation.from_mention(place)
    return None


_OF_PLACE = re.compile(r"\s+(?:of|in)\s+(?:the\s+(?:town|city|village|district)\s+of\s+)?")


def _within(text: str, phrase: tuple[int, int], place: tuple[int, int]) -> bool:
    start, end = phrase
    if start <= place[0] and place[1] <= end:
        return True
    return place[0] >= end and bool(_OF_PLACE.fullmatch(text[end : place[0]]))


def _frame(doc: Document, main: Event, events: list[Event]) -> Frame:
    frame = Frame(main, [e for e in events if not is_flagged(e)])
    ordered = [main, *[e for e in frame.events if e is not main]]
    frame.location = (
        next((e.location for e in ordered if _own_place(e) and _material(e)), None)
        or _participant_place(doc, main)
        or _lead_place(doc, main, events)
    )
    frame.dated = next((e for e in ordered if _own_date(e) and _material(e)), None)
    frame.said = frame.dated is not None and said_day(doc, frame.dated)
    for e in frame.events:
        if _material(e) and e.location is None and _fits_place(e, frame):
            e.location = replace(frame.location) if frame.location else None
    return frame


def _lead_place(doc: Document, main: Event, events: list[Event]) -> EventLocation | None:
    """The lead sentence's loosely attached place, for a main event that heads its sentence:
    one under another event ("signed an agreement in Bentiu after months of cattle raids")
    is not what the sentence places."""
    depth = _depth(doc, main)
    if any(_depth(doc, e) < depth for e in events):
        return None
    return lead_place(doc, main)


def _differs(doc: Document, main: Event, frame: Frame) -> bool:
    """The main event is told with a place or date of its own the frame does not share: not
    when it may tell the frame's event of its type on the day it happened or was reported,
    nor when it is one more victim of it who died later."""
    own = _own_place(main)
    if own is not None and frame.location is not None and not _same_place(own, frame.location):
        return True
    dated = frame.dated
    if not _own_date(main) or dated is None or _same_day(main, dated):
        return False
    if _late_addition(doc, main, frame):
        return False
    if main.event_type != frame.main.event_type:
        return True
    return not (_earlier_telling(main, frame) or _said_since(doc, main, frame))


def _told(event: Event) -> bool:
    """Told with something of its own: participants, a place, a date or a toll."""
    counted = any(v is not None for v in (event.dead, event.injured, event.arrested))
    return _has_roles(event) or bool(_own_place(event)) or _own_date(event) or counted


def _starts_frame(doc: Document, main: Event | None, frame: Frame | None) -> bool:
    """A sentence's main event starts a frame when it is told with something of its own
    and the frame so far does not share it; the report's first sentence starts one even
    when its event is told bare ("Synchronised attacks were launched overnight")."""
    if main is None:
        return False
    if frame is None and main.sentence_index == doc.lead and _material(main):
        return True
    if not _told(main):
        return False
    return frame is None or _differs(doc, main, frame)


# --- elaborations -----------------------------------------------------------------------


def _fits_place(event: Event, frame: Frame) -> bool:
    """Nothing about the event puts it outside the frame's country."""
    country = frame.place_country()
    if country is None:
        return True
    own = _own_place(event)
    if own is not None:
        return frame.location is not None and _same_place(own, frame.location)
    loc = event.location
    return loc is None or loc.country in (None, country)


def _fits_date(doc: Document, event: Event, frame: Frame) -> bool:
    if not _own_date(event):
        return True
    dated = frame.dated
    if dated is None:
        return False
    if _same_day(event, dated) or _earlier_telling(event, frame):
        return True
    return _said_since(doc, event, frame) or _late_addition(doc, event, frame)


_SAID_LAG_DAYS = 7  # a statement tells of what happened at most a week before it


def _day_lag(frame: Frame, event: Event) -> int | None:
    """Days from the frame's day to the event's, both told to the day; else None."""
    dated = frame.dated
    if dated is None or dated.date is None or event.date is None:
        return None
    if dated.date_precision != "day" or event.date_precision != "day":
        return None
    return (event.date - dated.date).days


def _earlier_telling(event: Event, frame: Frame) -> bool:
    """The frame is dated only by the day a statement was made ("..., the ministry said on
    Saturday") and `event` gives its own day, earlier by a week at most ("four soldiers were
    killed in Wednesday's blast"): it may tell when the frame's event happened."""
    lag = _day_lag(frame, event) if frame.said else None
    return lag is not None and 0 < -lag <= _SAID_LAG_DAYS


def _said_since(doc: Document, event: Event, frame: Frame) -> bool:
    """`event` is dated only by the day a statement about it was made, at most a week after
    the frame's day ("Fighting flared on Thursday ... At least five combatants were killed,
    the ombudsman said on Saturday"): it may tell of the frame's event."""
    lag = _day_lag(frame, event)
    return lag is not None and 0 < lag <= _SAID_LAG_DAYS and said_day(doc, event)


def _dates_undated_frame(event: Event, frame: Frame) -> bool:
    """The frame's events have no day of their own (the lead's only day was that of its
    toll: "the toll from a suicide bombing ... rose to 11 on Friday"), and `event` gives one
    at most a week before the day they were given ("The bomber blew himself up ... on
    Thursday"): it may tell when the frame's event happened."""
    main = frame.main
    if not _own_date(event) or main.date is None or event.date is None:
        return False
    if main.date_precision != "day" or event.date_precision != "day":
        return False
    return 0 < (main.date - event.date).days <= _SAID_LAG_DAYS


def _tells_undated_frame(doc: Document, event: Event, frame: Frame) -> bool:
    """`event` may tell when the undated frame's event happened: folded in when it tells
    that event again (the frame then takes its day), else it stays an event of its own."""
    if not _fits_place(event, frame) or not _fits_roles(event, frame):
        return False
    if not _folds_into(doc, event, frame):
        return False
    _date_frame(frame, event)
    return True


def _date_frame(frame: Frame, event: Event) -> None:
    """The frame's undated events take the day `event` told their event again with."""
    for e in frame.events:
        if e.date_span is None:
            e.date, e.date_precision, e.date_span = (
                event.date,
                event.date_precision,
                event.date_span,
            )
    frame.dated = event


def _redate(frame: Frame, event: Event) -> None:
    """`event` told a frame event again with the day it happened: the frame's events dated
    by the statement's day take it."""
    dated = frame.dated
    assert dated is not None
    said = dated.date_span
    for e in frame.events:
        if e.date_span == said:
            e.date, e.date_precision, e.date_span = (
                event.date,
                event.date_precision,
                event.date_span,
            )
    frame.said = False


def _fits_roles(event: Event, frame: Frame) -> bool:
    """The event's participants are the frame's, or of its place's country (or unnamed)."""
    main = frame.main
    ours = {a.country for a in (main.actor, main.recipient) if a is not None and a.country}
    place = frame.place_country()
    if place:
        ours.add(place)
    theirs = {a.country for a in (event.actor, event.recipient) if a is not None and a.country}
    return not theirs or not ours or bool(theirs & ours)


def _same_type_target(doc: Document, event: Event, frame: Frame) -> Event | None:
    pool = [frame.main, *[e for e in frame.events if e is not frame.main]]
    for target in pool:
        if target.event_type != event.event_type or set(target.aux) != set(event.aux):
            continue
        if target is not frame.main and _backdrop(doc, target):
            continue
        if compatible(target, event) or _fills_in(target, event):
            return target
    return None


# what people protest against: "protesting the detention of the mayor", "a rally over the
# killing of a rider", "to denounce the arrests"
_PROTESTED_BY = frozenset(
    "protest denounce condemn decry oppose mourn demonstrate rally march demand".split()
)
# what a phrase of these prepositions names is the time or reason of the sentence's news
_BACKDROP_PREPS = frozenset({"after", "following", "since", "before", "amid", "over"})


def _backdrop(doc: Document, event: Event) -> bool:
    """The event is told as the backdrop of its sentence's news ("following the detention
    of the mayor", "arrested over the killing") or as what a protest is against
    ("protesting the detention of the mayor"): a later telling of its type is not it
    ("Dozens were detained" is the protesters' arrest, not the mayor's)."""
    tok = _token(doc, event)
    if tok is None:
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _BACKDROP_PREPS:
        return True
    if tok.dep_ == "pobj" and head.lower_ in ("against", "at"):
        head = head.head
    elif tok.dep_ != "dobj":
        return False
    return head.lemma_.lower() in _PROTESTED_BY


def _fills_in(target: Event, event: Event) -> bool:
    """`event` only adds what `target` leaves open: no side told as someone else, nobody on
    both sides ("Kyrgyz border guards opened fire" is not the strike on Kyrgyz villagers),
    and, but in a clash (where both sides die), no dead named as the target's attackers are
    ("13 insurgents were killed" is not the insurgents' own raid)."""
    if not _sides_fit(target, event):
        return False
    clash = target.acled_sub_event_type == "Armed clash"
    sides = ((target.actor, event.recipient), (target.recipient, event.actor))
    return not any(
        a is not None
        and b is not None
        and (
            bool(a.country and a.country == b.country) or (not clash and _same_head(a.text, b.text))
        )
        for a, b in sides
    )


def _same_head(a: str | None, b: str | None) -> bool:
    """Two phrases naming the same kind of people by their last word ("Islamic State-linked
    insurgents", "13 insurgents"): the dead insurgents are not the insurgents' attack."""
    if not a or not b:
        return False
    return a.split()[-1].lower().rstrip("s") == b.split()[-1].lower().rstrip("s")


_PRECISION_RANK = {"city": 0, "admin2": 1, "admin1": 2, "country": 3, "region": 4}


def _finer(a: EventLocation, b: EventLocation) -> bool:
    return _PRECISION_RANK.get(a.precision or "", 9) < _PRECISION_RANK.get(b.precision or "", 9)


def _join(target: Event, event: Event) -> None:
    """`event` tells `target` again: fill its empty fields, and a finer place within its
    place ("the village of Ak-Sai" after "Batken region") refines it."""
    own, loc = _own_place(event), target.location
    if own is not None and loc is not None and _same_place(own, loc) and _finer(own, loc):
        target.location = replace(own)
    absorb(target, event)


def _intervention_lists() -> tuple[frozenset[str], frozenset[str]]:
    lists = load_word_lists("events/frames.tsv")
    return lists["intervention_modes"], lists["intervention_sectors"]


def _is_intervention(doc: Document, event: Event, protest: Event, lead: bool = False) -> bool:
    """The authorities (or someone unnamed) acting on the protesters, told as what happened
    (no negation, future or modal) in the main clause of its sentence ("Police later
    dispersed them", not "the release of demonstrators detained at an earlier rally")."""
    modes, sectors = _intervention_lists()
    acts = _intervention_acts()
    if event.event_type == _PROTEST or event.aux:
        return False
    # an act of no particular means by the authorities ("security forces fired on them")
    authorities = event.actor is not None and event.actor.sector in sectors
    unmoded = event.mode is None and authorities
    if event.mode not in modes and event.trigger.text.lower() not in acts and not unmoded:
        return False
    if _depth(doc, event) > _MAIN_CLAUSE_DEPTH:
        return False
    if event.actor is not None and event.actor.sector not in sectors:
        return False
    rec = event.recipient
    if rec is None:
        return True
    crowd = protest.actor.country if protest.actor else None
    if lead and crowd is None:  # one sentence: "detained 15 people at a protest in Minsk"
        return rec.sector not in sectors
    return rec.sector not in sectors and rec.country in (None, crowd)


def _intervention_acts() -> frozenset[str]:
    """Words that by themselves tell the authorities acted on a crowd ("dispersed")."""
    return load_word_lists("events/acled_cues.tsv")["intervention_acts"]


def _lead_intervention(doc: Document, main: Event, events: list[Event]) -> Event | None:
    """The lead's main event is the authorities acting on people at a protest its own
    sentence tells as going on ("police detained 15 people at a protest of pensioners",
    "blocked students trying to march on parliament"): the protest, which then takes the
    action's counts, is what the report is about; so is a protest the action's people were
    holding or trying to hold when it came ("arrested 12 people as they tried to stage a
    sit-in"). People preparing or planning to protest are only arrested."""
    if main.event_type == _PROTEST:
        return None
    head = _token(doc, main)
    for e in events:
        tok = _token(doc, e)
        if e.event_type != _PROTEST or e is main or head is None or tok is None:
            continue
        tok = _noun_head(tok)  # "a sit-in": the noun the trigger's word is part of
        tried = _tried(tok) is not None
        at = _at_the_protest(head, tok) or (_lethal(main) and _dispersed_by(head, tok))
        if (e.aux and not (tried and e.aux == ["future"])) or not at:
            continue
        if any(_is_intervention(doc, m, e, lead=True) for m in _sides_of(main, events)):
            _take_counts(e, main)
            e.confidence = max(e.confidence, main.confidence)
            # the protest (or the attempt) was under way when the authorities acted: it
            # happened then and there unless the text dates or places it itself
            if tried:
                e.aux = []
            if tried or (e.date_span is None and main.date_span is not None):
                e.date, e.date_precision = main.date, main.date_precision
                e.date_span = main.date_span
            if e.location is None:
                e.location = main.location
            return e
    return None


def _sides_of(main: Event, events: list[Event]) -> list[Event]:
    """The main event told once per actor ("police and activists fired"): every event of
    its trigger."""
    return [e for e in events if e.trigger.span == main.trigger.span]


def _tried(tok: Token) -> Token | None:
    """The "try" verb a protest was attempted by ("trying to march", "tried to stage a
    sit-in"), or None."""
    verb = tok.head if tok.dep_ == "dobj" else tok
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _TRYING:
        return verb.head
    return None


_AT_PROTEST = frozenset({"at", "during"})
_TRYING = frozenset({"try", "attempt", "seek"})
_WHILE = frozenset({"as", "while", "when"})  # a clause told as going on at the time
_AIMED_AT = frozenset({"at", "on", "upon"})  # "fired at", "opened fire on" the people


def _at_the_protest(head: Token, tok: Token) -> bool:
    """The protest word is where the action's people were ("detained 15 people at a
    protest") or what they were doing ("students marching", "trying to march") in the
    action's own phrase."""
    tok = _tried(tok) or tok
    if tok.dep_ == "advcl" and tok.head.i == head.i:
        if any(c.dep_ == "mark" for c in tok.children):  # "arrested 12 as they tried to march"
            return any(c.dep_ == "mark" and c.lower_ in _WHILE for c in tok.children)
        # "fired at supporters marching along an avenue": a participle (the parser may hang
        # it on the verb, the people as its subject) tells what the people were doing
        return tok.tag_ == "VBG"
    if tok.dep_ == "pobj" and tok.head.lower_ in _AT_PROTEST:
        return tok.head.head.i == head.i or tok.head.head.head.i == head.i
    if tok.dep_ not in ("acl", "relcl"):
        return False
    people = tok.head  # "detained students marching", "opened fire on worshippers chanting"
    if people.dep_ == "pobj" and people.head.lower_ in _AIMED_AT:
        return people.head.head.i == head.i
    return people.head.i == head.i and people.dep_ == "dobj"


def _dispersal_lemmas() -> frozenset[str]:
    return load_word_lists("events/acled_cues.tsv")["dispersal"]


def _dispersed_by(head: Token, tok: Token) -> bool:
    """The protest is what the action was done to disperse ("shot dead three people when
    they fired live ammunition to break up a march", "fired tear gas to disperse the
    rally"): a purpose clause of the action, or of a clause on it, whose object it is."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in _dispersal_lemmas():
        return False
    if verb.dep_ not in ("xcomp", "advcl") or not any(c.lower_ == "to" for c in verb.children):
        return False
    up = verb.head
    return up.i == head.i or (up.dep_ in ("advcl", "conj") and up.head.i == head.i)


def _lethal(event: Event) -> bool:
    return bool(event.dead or event.dead_lower_bound)


def _done_to_disperse(doc: Document, main: Event, protest: Event) -> bool:
    """Lethal force used to disperse the protest (see `_dispersed_by`)."""
    head, tok = _token(doc, main), _token(doc, protest)
    if head is None or tok is None or not _lethal(main):
        return False
    return _dispersed_by(head, _noun_head(tok))


def _label_dispersal(act: Event, protest: Event) -> None:
    """Lethal force used to disperse a protest stays the authorities' act (PLOVER codes what
    they did), coded in ACLED as what was done to the protest, excessive force; it is placed
    where the protest was when it has no place of its own."""
    act.acled_event_type = "Protests"
    act.acled_sub_event_type = _EXCESSIVE_FORCE
    act.evidence = [*act.evidence, *(s for s in protest.evidence if s not in act.evidence)]
    if act.location is None:
        act.location = protest.location


def _protest_of(frame: Frame) -> Event | None:
    return next((e for e in frame.events if e.event_type == _PROTEST), None)


def _fold_intervention(protest: Event, event: Event) -> None:
    """The protest takes the intervention's counts and evidence; its sub-type is set once
    the whole frame is read (`_intervened`)."""
    _take_counts(protest, event)


def _take_counts(into: Event, event: Event) -> None:
    """`into` takes the counts and evidence of `event` it lacks (not its sides)."""
    for name in ("dead", "injured", "arrested", "dead_lower_bound"):
        if getattr(into, name) is None and getattr(event, name) is not None:
            setattr(into, name, getattr(event, name))
    for kind, span in event.count_spans.items():
        into.count_spans.setdefault(kind, span)
    for span in event.evidence:
        if span not in into.evidence:
            into.evidence.append(span)


def _inherit(event: Event, frame: Frame) -> None:
    if frame.location is not None and (event.location is None or event.location.span is None):
        event.location = replace(frame.location)
    dated = frame.dated
    if dated is not None and not _own_date(event):
        event.date, event.date_precision = dated.date, dated.date_precision
        event.date_span = dated.date_span
    _cap_below(event, frame.main.confidence)


def _cap_below(event: Event, confidence: float) -> None:
    """`event` ranks below an event of `confidence`, however confident it was."""
    event.confidence = min(event.confidence, max(0.0, confidence - 0.01))


def _rank_below(event: Event, confidence: float) -> None:
    """`event` ranks below an event of `confidence` where it would tie or outrank it."""
    if event.confidence >= confidence:
        event.confidence = max(0.0, confidence - 0.01)


def elaborate(doc: Document, event: Event, frame: Frame) -> bool:
    """Fold `event` into the frame when it tells one of its events (True), or give it the
    frame's place and date; False when it stays an event of its own."""
    if not _material(event) or is_flagged(event):
        return False  # statements and reactions are left to the merge stage
    if frame.dated is None and _dates_undated_frame(event, frame):
        return _tells_undated_frame(doc, event, frame)
    if not _fits_date(doc, event, frame) or not _fits_place(event, frame):
        return False
    if not _fits_roles(event, frame):
        return False
    earlier = _earlier_telling(event, frame)
    other_day = _own_date(event) and not _same_day(event, frame.dated or event)
    if _folds_into(doc, event, frame):
        if earlier:
            _redate(frame, event)
        return True
    if other_day:  # another event of another day keeps its own date and place, below the lead
        _cap_below(event, frame.main.confidence)
        return False
    if _told(event) or event.actor is not None:
        _inherit(event, frame)
    return False


def _folds_into(doc: Document, event: Event, frame: Frame) -> bool:
    """`event` tells a frame event again, its intervention or its toll, and is folded in."""
    if _adds_to_main(doc, event, frame):
        return True
    target = _same_type_target(doc, event, frame)
    if target is not None:
        _join(target, event)
        return True
    protest = _protest_of(frame)
    if protest is not None and _is_intervention(doc, event, protest):
        _fold_intervention(protest, event)
        frame.intervened = True
        return True
    if _toll_of_main(event, frame) or _fight_it_was_won_by(doc, event, frame):
        _take_counts(frame.main, event)
        return True
    return False


def _fight_it_was_won_by(doc: Document, event: Event, frame: Frame) -> bool:
    """A later sentence tells the fighting the lead's territory was taken after ("The
    soldiers entered Macomia after an exchange of fire in which four insurgents were
    killed"): a fight told as a noun after "after", "in", "during", "amid" or "following"
    on a verb that is no event of its own, by nobody named; its toll is the lead's."""
    main = frame.main
    if main.acled_sub_event_type not in TERRITORY_SUBTYPES or event.event_type != "ASSAULT":
        return False
    if "dead" not in event.count_spans or main.dead is not None or _named(event.actor):
        return False
    phrase = _fight_phrase(_token(doc, event))
    if phrase is None:
        return False
    verb = phrase[1].head
    others = [e for e in doc.events if e is not event and e.sentence_index == event.sentence_index]
    return not any((t := _token(doc, e)) is not None and t.i == verb.i for e in others)


_ADDITION = re.compile(r"\b(?:also|another|a\s+further|an\s+additional)\b", re.I)


def _is_addition(toll: str) -> bool:
    """A toll told as more victims than those counted before ("Two soldiers were also
    killed", "A third protester died in hospital")."""
    return bool(_ADDITION.search(toll) or ONE_MORE.match(toll))


def _late_addition(doc: Document, event: Event, frame: Frame) -> bool:
    """One more victim of the frame's event who died within a week after it ("A third
    protester died in hospital the next day"): the toll is the event's that caused it."""
    dated, toll = frame.dated, event.count_spans.get("dead")
    if dated is None or dated.date is None or event.date is None or toll is None:
        return False
    lag = (event.date - dated.date).days
    return 0 < lag <= _SAID_LAG_DAYS and _is_addition(doc.text[toll[0] : toll[1]])


def _named(actor: Any) -> bool:
    return actor is not None and bool(actor.country or actor.name)


def _swapped(event: Event, main: Event) -> bool:
    """`event` has the main event's two sides, the other way round ("The troops repelled
    the attack" after "fighters attacked the troops"): the same fight told from the side
    that answered it."""
    ea, er, mr, ma = event.actor, event.recipient, main.recipient, main.actor
    if ea is None or er is None or mr is None or ma is None:
        return False
    return bool(ea.country and ea.country == mr.country and er.name and er.name == ma.name)


def _same_fight(main: Event, event: Event) -> bool:
    """A later toll's event can be the main event's: of its type, or any after a riot (a
    riot's dead are its own)."""
    return main.event_type == event.event_type or _riot(main)


def _add_toll(main: Event, dead: int, bounded: bool) -> None:
    """Other dead of the main event's fight: its toll is the sum, at least the sum when a
    part was told as "over N" (`bounded`)."""
    assert main.dead is not None
    main.dead += dead
    if bounded or main.dead_lower_bound is not None:
        main.dead_lower_bound = main.dead


def _adds_to_main(doc: Document, event: Event, frame: Frame) -> bool:
    """`event` is nothing but a toll told as an addition to the main event's ("..., killing
    nine militants. Two soldiers were also killed") or of its attackers' dead where the main
    event's toll is of others (`_other_side`): other victims of the same fight, so the main
    event's toll is their sum. An addition adds to it whatever the type its victims' word
    gave it ("A third protester died" after police shot dead two)."""
    main, toll = frame.main, event.count_spans.get("dead")
    if toll is None or event.aux or main.aux:
        return False
    if _named(event.actor) or main.dead is None or event.dead is None:
        return False
    inside = toll[0] <= event.trigger.span[0] and event.trigger.span[1] <= toll[1]
    addition = _is_addition(doc.text[toll[0] : toll[1]])
    if not inside or not (addition or _same_fight(main, event)):
        return False
    if addition:
        if main.dead_lower_bound is not None or event.dead_lower_bound is not None:
            return False
    elif not _other_side(doc, main, toll):
        return False
    _add_toll(main, event.dead, event.dead_lower_bound is not None)
    return True


def _other_side(doc: Document, main: Event, toll: tuple[int, int]) -> bool:
    """The later toll counts the main event's attackers ("ISSP militants attacked a unit,
    killing 17 soldiers. ... 100 militants were killed") where its own toll counts others:
    the dead of the other side of the same fight."""
    lead = main.count_spans.get("dead")
    actor = main.actor
    if lead is None or actor is None or not actor.text or main.recipient is None:
        return False
    noun = actor.text.split()[-1].lower()
    if len(noun) < 4 or not noun.endswith("s"):
        return False
    said = re.compile(rf"\b{re.escape(noun)}\b", re.I)
    return bool(said.search(doc.text[toll[0] : toll[1]])) and not said.search(
        doc.text[lead[0] : lead[1]]
    )


def _toll_of_main(event: Event, frame: Frame) -> bool:
    """`event` is nothing but a toll told after the lead, with nobody said to have caused
    it ("Two soldiers and one militant were killed": its trigger lies in the toll phrase),
    or the main event's fight told by the side that answered it (`_swapped`), and the
    frame's main event of its type has no toll of its own: it is the main event's toll,
    whichever side the dead were on (a clash kills on both); after a riot, or a protest the
    authorities acted on, its toll whatever the event's type ("protesters clashed with the
    police and burned a station. One protester was killed")."""
    main, toll = frame.main, event.count_spans.get("dead")
    acted_on = frame.intervened and main.event_type == _PROTEST  # its dead are the force's
    if toll is None or event.aux or main.aux or not (_same_fight(main, event) or acted_on):
        return False
    if _swapped(event, main):
        return main.dead is None and main.dead_lower_bound is None
    if _named(event.actor):
        return False
    # its trigger lies in a count of it ("Two soldiers ... were killed", "2 fatalities, a
    # soldier and a tea seller; 6 others wounded"): nothing but a tally
    t0, t1 = event.trigger.span
    if not any(s <= t0 and t1 <= e for s, e in event.count_spans.values()):
        return False
    return main.dead is None and main.dead_lower_bound is None


# --- the whole --------------------------------------------------------------------------


def _by_sentence(events: list[Event]) -> list[list[Event]]:
    groups: dict[int, list[Event]] = {}
    for e in events:
        groups.setdefault(e.sentence_index, []).append(e)
    return [groups[k] for k in sorted(groups)]


def _new_frame(doc: Document, main: Event, events: list[Event]) -> tuple[Frame, list[Event]]:
    """The frame a sentence starts, and the sentence's events that stay: its main event's
    own fighting and its crowd's acts are folded in, or the main event becomes the protest
    its action intervened in (the action told once per side: "police and activists fired")."""
    folded = _own_fighting(doc, main, events) + _crowd_acts(main, events)
    protest = _lead_intervention(doc, main, events)
    acts: list[Event] = []
    if protest is not None and _done_to_disperse(doc, main, protest):
        _label_dispersal(main, protest)
        folded, protest = [*folded, protest], None
    if protest is not None:
        acts = _sides_of(main, events)
        for act in acts:
            _take_counts(protest, act)
        folded, main = [*folded, *acts], protest
    staying = [e for e in events if e not in folded]
    frame = _frame(doc, main, staying)
    frame.intervened = frame.intervened or protest is not None
    return frame, staying


def frame_events(doc: Document) -> None:
    """Group the events of `doc` into report frames (see the module docstring)."""
    frame: Frame | None = None
    frames: list[Frame] = []
    kept: list[Event] = []
    _opening(doc)
    for events in _by_sentence(doc.events):
        main = main_event(doc, events)
        if _starts_frame(doc, main, frame):
            assert main is not None
            frame, staying = _new_frame(doc, main, events)
            frames.append(frame)
            kept.extend(staying)
            continue
        for event in events:
            if frame is None or not elaborate(doc, event, frame):
                kept.append(event)
    if frames:
        lead = frames[0]
        _rank_earlier_below(lead, [e for e in kept if e.sentence_index > lead.main.sentence_index])
    _rank_reactions_below(doc, kept)
    _orphan_tolls(doc, frames)
    _raised_tolls(doc, frames, kept)
    for f in frames:
        _intervened(f)
    doc.events = kept
    for e in kept:
        _deadly_looting(e)
    _place_lead_head(doc)
    _place_at_dateline(doc)
    _share_trigger_places(doc)
    _rank_causes_below(doc)


def _rank_earlier_below(lead: Frame, events: list[Event]) -> None:
    """Events a later sentence dates before the report's lead ("A former rebel who
    surrendered last month guided troops to the site") are background to it, and those it
    dates after a material lead ("Police said three suspects had been arrested on
    Wednesday", after Tuesday's attack) follow it up: neither outranks the lead's main
    event."""
    dated = lead.dated
    if dated is None or dated.date is None:
        return
    material = _material(lead.main)
    for e in events:
        if not _own_date(e) or e.date is None:
            continue
        later = material and e.date > dated.date and e.date_precision == "day"
        if e.date < dated.date or later:
            _cap_below(e, lead.main.confidence)


_BACK_DETERMINERS = frozenset({"the", "this", "these", "that"})
_NEWS_NOUNS = load_word_lists("events/frames.tsv")["news_nouns"]


def _rank_reactions_below(doc: Document, events: list[Event]) -> None:
    """A later sentence's statement whose object points back to the news ("The United
    Nations welcomed the deal", "Rights groups condemned the arrests") reacts to what the
    lead told: it never outranks the lead's own events, material or not."""
    told = [e.confidence for e in events if e.sentence_index == doc.lead]
    if not told:
        return
    for e in events:
        if e.sentence_index <= doc.lead or _material(e):
            continue
        tok = _token(doc, e)
        if tok is not None and any(_points_back(obj) for obj in tok.children):
            _cap_below(e, max(told))


def _points_back(obj: Token) -> bool:
    """ "the deal", "these arrests": an object that names the news already told."""
    return (
        obj.dep_ == "dobj"
        and obj.lower_ in _NEWS_NOUNS
        and any(c.dep_ == "det" and c.lower_ in _BACK_DETERMINERS for c in obj.children)
    )


def _intervened(frame: Frame) -> None:
    """A protest the authorities acted on: with intervention, or excessive force when
    someone was killed; every telling of it in the frame ("protesters marching") alike."""
    protests = [e for e in frame.events if e.event_type == _PROTEST and not e.aux]
    if not frame.intervened or not protests or any(_riot(p) for p in protests):
        return
    # "killing several": someone died. Beating protesters or clearing them with batons is
    # intervention, as ACLED defines it: excessive force is lethal or gravely injuring
    grave = any(p.dead or p.dead_lower_bound for p in protests)
    for protest in protests:
        protest.acled_sub_event_type = _EXCESSIVE_FORCE if grave else _WITH_INTERVENTION
        protest.acled_event_type = "Protests"


def _riot(protest: Event) -> bool:
    """Rioters the authorities acted on stay rioters ("youths rioted ... Two rioters were
    shot dead by security forces"): with intervention and excessive force are what was done
    to a crowd told as protesting, not rioting."""
    return protest.mode == "riot"


# --- an opening sentence with no event -------------------------------------------------

_OPENING_REACH = 2  # sentences after the opening one that it dates and places


def _opening(doc: Document) -> None:
    """The report's first sentence gives a date (and places) but no material event was
    recognised in it ("On 17 June 2023, a police vehicle ran over an IED on a road in
    Mandera county. Two officers were killed"): the material events of the next sentences
    that have no date or place of their own happened then and there."""
    lead = doc.lead
    if not doc.sentences or any(e.sentence_index == lead and _material(e) for e in doc.events):
        return
    dated = next((d for d in doc.dates if d.sentence == lead), None)
    if dated is None:
        return
    place = _opening_place(doc)
    for e in doc.events:
        if not lead < e.sentence_index <= lead + _OPENING_REACH:
            continue
        if not _material(e) or is_flagged(e):
            continue
        if not _own_date(e):
            e.date, e.date_precision, e.date_span = dated.date, dated.precision, dated.span
        if place is not None and _own_place(e) is None:
            e.location = replace(place)


def _opening_place(doc: Document) -> EventLocation | None:
    """The most specific literal place of the first sentence when its places agree on one
    country and one first-level region."""
    places = [
        p for p in doc.places if p.sentence == doc.lead and p.kind == "literal" and p.precision
    ]
    if len({p.country for p in places}) != 1 or len({p.admin1 for p in places if p.admin1}) > 1:
        return None
    best = min(places, key=lambda p: _PRECISION_RANK.get(p.precision or "", 9))
    return EventLocation.from_mention(best)


def _place_lead_head(doc: Document) -> None:
    """The event heading the report's first sentence of events, when none of that sentence's
    events is placed (a surrender, an accord, a statement: no frame placed them): the lead's
    loosely attached place ("rebels surrendered to the army in Jolo"), if no other clause's,
    or else a place named in its participants' phrase ("commanders in the Sambisa forest area
    (Borno) pledged allegiance to ISWAP")."""
    first = _by_sentence(doc.events)[:1]
    if not first or any(e.location is not None for e in first[0]):
        return
    head = min(first[0], key=lambda e: (_depth(doc, e), e.trigger.span))
    head.location = lead_place(doc, head, floor=_HEAD_FLOOR) or _participant_place(doc, head)


def _share_trigger_places(doc: Document) -> None:
    """The events one trigger was split into, one per actor ("a general and 200 of his
    troops defected ... in Leer county"), happened in one place: an unplaced one takes its
    sibling's."""
    placed = {(e.sentence_index, e.trigger.span): e.location for e in doc.events if e.location}
    for e in doc.events:
        if e.location is None and (e.sentence_index, e.trigger.span) in placed:
            e.location = replace(placed[(e.sentence_index, e.trigger.span)])


def _place_at_dateline(doc: Document) -> None:
    """Where the report was filed ("KABUL -", "PANAMA CITY, Oct 25 -") is where the events
    of its lead happened when the text gives them no place ("A bomb exploded near a market",
    "marched through the capital"), unless the lead names places of another country (then
    the copy was only filed there)."""
    if not doc.sentences or not doc.sentences[0].dateline:
        return
    filed = [p for p in doc.places if p.sentence == 0 and p.kind == "literal" and p.precision]
    if not filed:
        return
    best = min(filed, key=lambda p: _PRECISION_RANK.get(p.precision or "", 9))
    # a metonym ("accusing Moscow") is a party, not a place the lead is in
    told = [p for p in doc.places if p.sentence == doc.lead and p.country and p.kind != "metonym"]
    if any(p.country != best.country for p in told):
        return
    for e in doc.events:
        if e.location is None and e.sentence_index == doc.lead and not is_flagged(e):
            e.location = EventLocation.from_mention(best)


# a place in another clause ("after talks hosted by Kazakhstan in Astana", "gangs that
# kidnap villagers in northwest Nigeria") is not where a statement or an accord was made
_HEAD_FLOOR = 0.0


# prepositions that put an event before or around another as its occasion
_OCCASION = frozenset({"after", "following", "amid", "over"})


def _rank_causes_below(doc: Document) -> None:
    """An event told as the occasion of another event's verb ("asked for more air defence
    after a night of Russian missile attacks", "suspended flights after a jet was shot
    down") never outranks it: the main predicate tells what the sentence reports; nor does
    one told as what some people are held or wanted for (`_held_over`)."""
    for events in _by_sentence(doc.events):
        heads = {}
        for e in events:
            tok = _token(doc, e)
            if tok is not None:
                heads[tok.i] = e
        for e in events:
            verb = _occasion_of(_token(doc, e))
            head = heads.get(verb.i) if verb is not None else None
            if head is not None and head is not e and e.confidence >= head.confidence:
                _rank_below(e, head.confidence)
            elif _held_over(_token(doc, e)):
                top = max((o.confidence for o in events if o is not e), default=None)
                if top is not None:
                    _rank_below(e, top)


_REASON_PREPS = frozenset({"over", "for", "of"})


def _held_over(tok: Token | None) -> bool:
    """The event is what some people are held, wanted or accused for, told in a participle
    on them ("lynched two suspects held over the murder of a child", "arrested a man wanted
    for the bombing"): a reason given for those people, ranked below the sentence's events."""
    tok = _noun_head(tok)
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ not in _REASON_PREPS:
        return False
    verb = tok.head.head
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _occasion_of(tok: Token | None) -> Token | None:
    """The word whose occasion `tok` is: through "a night of", "weeks of", to the head of
    the "after/following/amid/over" phrase, or None."""
    tok = _noun_head(tok)  # "missile attacks": the noun
    for _ in range(4):
        if tok is None or tok.dep_ != "pobj":
            return None
        prep = tok.head
        if prep.lower_ in _OCCASION:
            return prep.head
        if prep.lower_ != "of":
            return None
        tok = prep.head
    return None


_LOOTING = "Looting/property destruction"


def _deadly_looting(event: Event) -> None:
    """A raid that loots and burns and kills people who are not armed ("raided Mozogo,
    looting shops and burning houses. 2 residents were killed") is an attack on civilians:
    property destruction is what is coded when nobody died."""
    rec = event.recipient
    if event.acled_sub_event_type != _LOOTING or not event.dead:
        return
    if rec is not None and rec.sector in ARMED:
        return
    event.acled_event_type, event.acled_sub_event_type = "Violence against civilians", "Attack"


# "raising the toll to eight", "bringing the death toll to 12", "the toll rose to 9"
_RAISED = re.compile(
    r"\b(?:rais(?:es|ed|ing)|bring(?:s|ing)?|brought|push(?:es|ed|ing)|tak(?:es|ing)|took)"
    r"\s+(?:the\s+)?(?:overall\s+|final\s+)?(?:death\s+)?toll\b"
    r"|\btoll\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|reached|increased|jumped)\b",
    re.I,
)


def _raised_tolls(doc: Document, frames: list[Frame], kept: list[Event]) -> None:
    """A later sentence with no event of its own that raises the toll ("On Saturday, the
    governor said a wounded woman had died, raising the toll to eight") tells the new toll
    of the frame it follows, whatever day it was told: the main event's dead are that
    total when it is higher. A death the frame folded in ("Two of the wounded died,
    raising the toll to seven") is no event of its own, nor is an event told by nothing
    but the raised toll ("the toll rose to 19 after five more bodies were recovered")."""
    starts = [f.main.sentence_index for f in frames]
    for c in doc.counts:
        if c.kind != "dead" or c.value is None or not starts or c.sentence <= starts[0]:
            continue
        told = [e for e in kept if e.sentence_index == c.sentence]
        carriers = {id(e) for e in told if _carries(e, c.span)}
        if len(carriers) < len(told):
            continue
        if not _RAISED.search(doc.text[max(0, c.span[0] - 40) : c.span[1]]):
            continue
        main = frames[max(i for i, s in enumerate(starts) if s < c.sentence)].main
        if main.dead is None or c.value > main.dead:
            main.dead = c.value
            main.count_spans["dead"] = c.span
        kept[:] = [e for e in kept if id(e) not in carriers]


def _carries(event: Event, span: tuple[int, int]) -> bool:
    """The event is told by nothing but the toll at `span`: no participant on either side."""
    return event.count_spans.get("dead") == span and event.actor is None and event.recipient is None


def _orphan_tolls(doc: Document, frames: list[Frame]) -> None:
    """A later sentence that is nothing but a toll told as an addition ("Seven militants were
    killed. Two soldiers also died."), with no event of its own, adds to the toll of the
    frame it follows: other dead of the same fight."""
    if not frames:
        return
    with_events = {e.sentence_index for e in doc.events}
    starts = [f.main.sentence_index for f in frames]
    for c in doc.counts:
        if c.kind != "dead" or c.value is None or c.sentence in with_events:
            continue
        if not _ADDITION.search(c.text) or c.sentence <= starts[0]:
            continue
        frame = frames[max(i for i, s in enumerate(starts) if s < c.sentence)]
        main = frame.main
        if main.dead is None or main.dead_lower_bound is not None or c.lower_bound is not None:
            continue
        told = main.count_spans.get("dead")
        if told is not None and told[0] <= c.span[0] and c.span[1] <= told[1]:
            continue  # already the main event's toll
        _add_toll(main, c.value, bounded=False)
        main.count_spans["dead"] = (main.count_spans.get("dead", c.span)[0], c.span[1])
