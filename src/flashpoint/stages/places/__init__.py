"""Stage: places (geoparsing and event location)."""

from __future__ import annotations

from flashpoint.stages.places.stage import PlacesStage, make_stage

__all__ = ["PlacesStage", "make_stage"]
