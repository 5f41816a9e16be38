"""Stages: geoparse (every place of the document) and locate (each event's place)."""

from __future__ import annotations

from flashpoint.stages.places.stage import GeoparseStage, LocateStage

__all__ = ["GeoparseStage", "LocateStage"]
