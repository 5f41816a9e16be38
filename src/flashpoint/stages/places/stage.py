"""Stage 6: find the places of each sentence and the location of each event."""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.stages.base import register_stage
from flashpoint.stages.places.gazetteer import Gazetteer, load_gazetteer
from flashpoint.stages.places.geoparse import geoparse
from flashpoint.stages.places.locate import locate_event


class PlacesStage:
    """Sets `doc.places` and, for each event already on the document, `event.location`.

    It uses the spaCy parses, actor mentions and events when earlier stages put them there,
    and works (with less context) without them.
    """

    name = "places"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Document) -> Document:
        doc.places = geoparse(doc, self.gazetteer)
        for event in doc.events:
            event.location = locate_event(doc, event, self.gazetteer)
        return doc


@register_stage("flashpoint.places.v1")
def make_stage(config: CoderConfig) -> PlacesStage:
    return PlacesStage()
