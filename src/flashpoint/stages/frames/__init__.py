"""Stage 9: report frames. Code the article as a whole before its re-tellings are merged.

- `flags`: running totals ("more than 500,000 people have been killed since the war
  began") get `aux: ["aggregate"]`, history and what has long gone on ("in 1967", "have
  for years raided villages") `aux: ["background"]`;
- `narrative`: the sentences that tell one real-world event are grouped into one report
  frame; elaborating sentences join the lead's events (their tolls with them), a protest
  whose later sentences report the authorities acting on it becomes a protest with
  intervention, and other material events of the frame take its place and date.

Flagged mentions are left out of the events unless `CoderConfig.keep_background` is set.
"""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.stages.base import register_stage
from flashpoint.stages.frames.flags import (
    AGGREGATE,
    BACKGROUND,
    FLAGS,
    flag_mentions,
    is_flagged,
)
from flashpoint.stages.frames.narrative import Frame, frame_events, main_event
from flashpoint.stages.merge import ABSORBS


@register_stage("flashpoint.frames.v1")
class FramesStage:
    name = "frames"
    # frames compare the events' places, dates and tolls: after the stages that set them
    requires: tuple[str, ...] = (
        "doc.events",
        "doc.counts",
        "doc.places",
        "event.date",
        "event.location",
        "event.dead",
    )
    # an elaboration fills its frame event's empty fields (`merge.absorb`) or takes the
    # frame's place and date
    assigns: tuple[str, ...] = ("doc.events", "event.aux", *ABSORBS)

    @classmethod
    def from_config(cls, config: CoderConfig) -> FramesStage:
        return cls(keep_background=config.keep_background)

    def __init__(self, keep_background: bool = False) -> None:
        self.keep_background = keep_background

    def __call__(self, doc: Document) -> Document:
        flag_mentions(doc)
        frame_events(doc)
        if not self.keep_background:
            doc.events = [e for e in doc.events if not is_flagged(e)]
        return doc


__all__ = [
    "AGGREGATE",
    "BACKGROUND",
    "FLAGS",
    "Frame",
    "FramesStage",
    "flag_mentions",
    "frame_events",
    "is_flagged",
    "main_event",
]
