"""Stage 9: one record per real-world event per article.

An article tells the same strike several times ("Pakistan's air force launched
airstrikes against Iran ...", "The strikes in Iran's Sistan and Baluchestan province ...",
"Pakistan's fresh strikes ..."). Events are merged, in text order, into the closest earlier
compatible event:

- same PLOVER type;
- actors compatible: same country (and same name when both name a group), or one unknown;
- recipients compatible in the same way, and at least one of the two roles told alike by
  both (an actor-less "strike on the village" is not a "border guards opened fire");
- dates compatible: when both have a date stated in the text, the same day;
- a mention with no actor and no named recipient is a re-mention of the most recent event of
  its type and auxiliary modes on its date whose sides it does not contradict ("Tuesday's
  attack" is not Thursday's; "the rebels" did not do what "soldiers" did); with no such
  event it is kept only when the text gives it substance of its own (a count of dead,
  injured or arrested, or a place) — or when the document reports
  nothing else, in which case its most confident role-less, non-definite mention is kept
  ("weapons were seized").

The merged record keeps the first mention's trigger and sentence, fills each empty field
from later mentions (the more specific mode wins) and lists every sentence in `evidence`.
"""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document, Event, EventActor
from flashpoint.stages.base import register_stage
from flashpoint.stages.events.acled import TERRITORY_SUBTYPES


def _compatible_actor(a: EventActor | None, b: EventActor | None) -> bool:
    """Same actor, or one of them unknown. A named group is not a state, and a state's
    armed group is not the state (their sectors differ)."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if bool(a.country) != bool(b.country):
        countryless = b if a.country else a
        if countryless.name:
            return False
    if a.sector and b.sector and a.sector != b.sector:
        return {a.sector, b.sector} <= _STATE_SECTORS
    if a.name and b.name and a.name != b.name:
        return bool(a.sector and a.sector in _STATE_SECTORS)
    return True


# a state's government and its military are one actor for merging re-tellings
_STATE_SECTORS = frozenset({"GOV", "MIL"})


def _same_date(a: Event, b: Event) -> bool:
    if a.date_span is None or b.date_span is None or a.date is None or b.date is None:
        return True
    if a.date_precision != "day" or b.date_precision != "day":
        return True
    return a.date == b.date


def _has_roles(e: Event) -> bool:
    """An actor, or a recipient that is more than a generic word ("its people")."""
    if e.actor is not None:
        return True
    return e.recipient is not None and bool(e.recipient.country or e.recipient.name)


def _has_substance(e: Event) -> bool:
    return any(v is not None for v in (e.dead, e.injured, e.arrested)) or e.location is not None


def compatible(a: Event, b: Event) -> bool:
    """Can `b` be another telling of event `a`?"""
    if a.event_type != b.event_type or set(a.aux) != set(b.aux):
        return False
    if not _has_roles(a) and _has_roles(b):
        return False
    return (
        _compatible_actor(a.actor, b.actor)
        and _compatible_actor(a.recipient, b.recipient)
        and (_shared(a.actor, b.actor) or _shared(a.recipient, b.recipient))
        and _same_date(a, b)
    )


def _shared(a: EventActor | None, b: EventActor | None) -> bool:
    """Both tellings name this role, and name it alike."""
    if a is None or b is None:
        return False
    if a.country or b.country:
        return a.country == b.country
    return bool(a.sector) and a.sector == b.sector


def _detail(a: EventActor | None) -> int:
    return 0 if a is None else 2 * bool(a.country) + bool(a.sector) + bool(a.name)


def _more_specific(a: EventActor | None, b: EventActor | None) -> EventActor | None:
    """Of two compatible tellings of one actor, the one that says more (first on ties)."""
    return b if _detail(b) > _detail(a) else a


# the fields `absorb` may fill: declared by every stage that merges events with it
ABSORBS: tuple[str, ...] = (
    "event.actor",
    "event.recipient",
    "event.mode",
    "event.intensity",
    "event.cameo",
    "event.acled_event_type",
    "event.acled_sub_event_type",
    "event.location",
    "event.dead",
    "event.injured",
    "event.arrested",
    "event.dead_lower_bound",
    "event.count_spans",
    "event.date",
    "event.date_precision",
    "event.date_span",
    "event.contexts",
    "event.evidence",
    "event.confidence",
)


def absorb(into: Event, other: Event) -> None:
    """Fill `into`'s empty fields from `other`, another telling of the same event."""
    into.actor = _more_specific(into.actor, other.actor)
    into.recipient = _more_specific(into.recipient, other.recipient)
    if into.mode is None and other.mode is not None and not _part_of_the_fight(into, other):
        into.mode, into.intensity, into.cameo = other.mode, other.intensity, other.cameo
        if not _taken_in_the_fight(into, other):
            into.acled_sub_event_type = other.acled_sub_event_type
            into.acled_event_type = other.acled_event_type
    if _labels_the_protest(into, other):
        # "erected barricades, threw stones at gendarmes": the telling of a protest that
        # ACLED can label labels it
        into.acled_sub_event_type = other.acled_sub_event_type
        into.acled_event_type = other.acled_event_type
    if _more_dead(into, other):
        assert into.dead is not None and other.dead is not None
        into.dead += other.dead
        if into.dead_lower_bound is not None or other.dead_lower_bound is not None:
            into.dead_lower_bound = into.dead
    for name in ("location", "dead", "injured", "arrested", "dead_lower_bound"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
    for kind, span in other.count_spans.items():
        into.count_spans.setdefault(kind, span)
    if into.date_span is None and other.date_span is not None:
        into.date, into.date_precision, into.date_span = (
            other.date,
            other.date_precision,
            other.date_span,
        )
    into.contexts = sorted(set(into.contexts) | set(other.contexts))
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    into.confidence = min(1.0, max(into.confidence, other.confidence) + 0.05)


def _labels_the_protest(into: Event, other: Event) -> bool:
    return (
        into.event_type == other.event_type == "PROTEST"
        and into.acled_sub_event_type is None
        and other.acled_sub_event_type is not None
    )


def _more_dead(into: Event, other: Event) -> bool:
    """`other`, a later telling, counts victims besides `into`'s dead ("..., killing 11
    insurgents. Two soldiers also died in the gunfight."): the toll is the sum."""
    mine, theirs = into.count_spans.get("dead"), other.count_spans.get("dead")
    if into.dead is None or other.dead is None or mine is None or theirs is None:
        return False
    if other.sentence_index <= into.sentence_index or theirs[0] < mine[1]:
        return False
    # imported here: the counts package imports the frames stage, which imports this module
    from flashpoint.stages.counts.patterns import adds_victims

    offset = other.sentence_span[0]
    return adds_victims(other.sentence[theirs[0] - offset : theirs[1] - offset])


def _taken_in_the_fight(into: Event, other: Event) -> bool:
    """A place taken stays a place taken when a later telling is a shooting or a clash in it
    ("took control of Rubaya ... A civilian was killed by a stray bullet"): that sets the
    mode only. A remote weapon told later (a grenade, a shell) still names the event."""
    return into.acled_sub_event_type in TERRITORY_SUBTYPES and other.acled_event_type in (
        "Battles",
        "Violence against civilians",
    )


def _part_of_the_fight(into: Event, other: Event) -> bool:
    """Property destroyed in a clash or an attack on people is part of it ("The SDF said it
    destroyed two armoured vehicles"): it does not make the fight looting."""
    return (
        other.acled_sub_event_type == "Looting/property destruction"
        and into.acled_event_type in ("Battles", "Violence against civilians")
    )


def merge_events(events: list[Event]) -> list[Event]:
    """Merge re-tellings; the result keeps the order in which events were first told."""
    kept: list[Event] = []
    recent: list[Event] = []  # by the last time each event was told
    bare: list[Event] = []  # role-less tellings of no earlier event
    for ev in events:
        target = _find_target(recent, ev)
        if target is not None and _toll_of_the_fight(target, ev):
            ev.recipient = None  # the dead of either side: the clash keeps its sides
        if target is not None:
            absorb(target, ev)
            recent.remove(target)
            recent.append(target)
        elif _has_roles(ev) or _has_substance(ev):
            kept.append(ev)
            recent.append(ev)
        elif not ev.is_reference:
            bare.append(ev)
    if not kept and bare:
        # a report whose only event names nobody ("weapons were seized", "a rally was
        # held") still reports that event: keep the most confident one
        kept.append(max(bare, key=lambda e: e.confidence))
    return kept


def _roleless_same_sentence(prior: Event, ev: Event) -> bool:
    """An earlier mention of the same type in the same sentence that names nobody (kept
    for its place or toll) is the event that a later mention names the sides of ("captured
    the town after overrunning the base; seven soldiers were killed")."""
    return (
        not _has_roles(prior)
        and prior.sentence_index == ev.sentence_index
        and prior.event_type == ev.event_type
        and set(prior.aux) == set(ev.aux)
        and _same_date(prior, ev)
    )


def _sides_fit(a: Event, b: Event) -> bool:
    """No side of `b` is told as someone else in `a` ("the rebels" did not do what
    "soldiers" did)."""
    return _compatible_actor(a.actor, b.actor) and _compatible_actor(a.recipient, b.recipient)


# the trigger words of a toll told without its killer ("Three soldiers were killed")
_TOLL_WORDS = frozenset({"killed", "died", "dead", "slain", "wounded", "injured"})
# how many sentences after a clash its toll may still be told
_TOLL_REACH = 2


def _toll_of_the_fight(prior: Event, ev: Event) -> bool:
    """A killing told with no killer after a clash, in its sentence or the next ones, is the
    clash's toll, whichever side the dead were on ("Troops fought rebels near X. Three
    soldiers and a rebel commander were killed.")."""
    return (
        prior.acled_event_type == "Battles"
        and ev.actor is None
        and ev.event_type == prior.event_type
        and ev.trigger.text.lower() in _TOLL_WORDS
        and _told_after(prior, ev)
        and _same_date(prior, ev)
    )


def _told_after(prior: Event, ev: Event) -> bool:
    """`ev` is told after `prior`: in one of the next sentences, or later in its sentence
    ("exchanged fire ..., adding that two servicemen were killed")."""
    gap = ev.sentence_index - prior.sentence_index
    if gap == 0:
        return ev.trigger.span[0] > prior.trigger.span[0]
    return 0 < gap <= _TOLL_REACH


def _find_target(recent: list[Event], ev: Event) -> Event | None:
    if recent and _toll_of_the_fight(recent[-1], ev):
        return recent[-1]
    for prior in reversed(recent):
        if _roleless_same_sentence(prior, ev):
            return prior
        if not _has_roles(ev):
            if (
                prior.event_type == ev.event_type
                and set(prior.aux) == set(ev.aux)
                and _same_date(prior, ev)
                and _sides_fit(prior, ev)
            ):
                return prior
            continue
        if compatible(prior, ev):
            return prior
    return None


@register_stage("flashpoint.merge.v1")
class MergeStage:
    name = "merge"
    # merging compares dates and places and carries tolls: it runs after the stages
    # that set them
    requires: tuple[str, ...] = ("doc.events", "event.date", "event.location", "event.dead")
    # a merged event fills its empty fields from the others' (see `absorb`)
    assigns: tuple[str, ...] = ("doc.events", *ABSORBS)

    @classmethod
    def from_config(cls, config: CoderConfig) -> MergeStage:
        return cls(config.min_confidence)

    def __init__(self, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence

    def __call__(self, doc: Document) -> Document:
        merged = merge_events(doc.events)
        doc.events = [e for e in merged if e.confidence >= self.min_confidence]
        return doc
