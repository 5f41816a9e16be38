"""Stage: actors (placeholder until the real stage lands; it adds nothing)."""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.stages.base import register_stage


class _Stage:
    name = "actors"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage("flashpoint.actors.v1")
def make_stage(config: CoderConfig) -> _Stage:
    return _Stage()
