"""Stage: affiliation. An actor named only by its role ("police", "protesters",
"students", "rebels") is taken to belong to the country where the event happened:
"police in Nairobi" are Kenyan police (the practice of ACLED and ICEWS coders).

Only actors with a sector and no country are filled, only from an event location that the
text gives (a place with a country, not a sea or a wider region), and never for military
actors, whose country is often not the battlefield's ("warplanes struck targets in Iraq").
The actor's `text` still shows the words the text used.
"""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document, Event, EventActor
from flashpoint.stages.base import register_stage

DOMESTIC_SECTORS = frozenset(
    {
        "CVL",
        "COP",
        "OPP",
        "PTY",
        "LAB",
        "EDU",
        "REL",
        "MED",
        "BUS",
        "JUD",
        "LEG",
        "GOV",
        "REB",
        "CRM",
        "HLH",
        "REF",
        "ELI",
    }
)


def affiliate(event: Event) -> None:
    loc = event.location
    if loc is None or not loc.country or loc.precision == "region":
        return
    for actor in (event.actor, event.recipient):
        if _roleonly(actor):
            actor.country = loc.country  # type: ignore[union-attr]


def _roleonly(actor: EventActor | None) -> bool:
    return (
        actor is not None
        and actor.country is None
        and actor.name is None
        and actor.sector in DOMESTIC_SECTORS
    )


@register_stage("flashpoint.affiliation.v1")
class AffiliationStage:
    name = "affiliation"
    requires: tuple[str, ...] = ("doc.events", "event.location")
    assigns: tuple[str, ...] = ("event.actor.country", "event.recipient.country")

    @classmethod
    def from_config(cls, config: CoderConfig) -> AffiliationStage:
        return cls()

    def __call__(self, doc: Document) -> Document:
        for event in doc.events:
            affiliate(event)
        return doc
