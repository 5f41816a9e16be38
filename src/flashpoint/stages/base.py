"""The `Stage` protocol: one small job on a `Document`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.errors import PipelineError


@runtime_checkable
class Stage(Protocol):
    """A pipeline stage. It reads `requires` from the document and adds `provides`."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


StageFactory = Callable[[CoderConfig], Stage]

_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under a versioned name such as `flashpoint.events.v1`."""

    def deco(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return deco


def get_stage_factory(name: str) -> StageFactory:
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise PipelineError(f"no stage registered as {name!r}; known stages: {known}") from None


def registered_stages() -> list[str]:
    return sorted(_REGISTRY)
