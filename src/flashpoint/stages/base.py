"""The `Stage` protocol (one small job on a `Document`) and the registry of stages.

A stage declares what it reads (`requires`) and writes (`assigns`) as attribute paths of
the data model (`"sentence.candidate"`, `"doc.places"`, `"event.actor.country"`; see
`flashpoint.stages.contract`). The pipeline checks them when it is built. A stage class is
registered under a versioned name with `@register_stage("flashpoint.events.v1")` and built
from a `CoderConfig` by its `from_config` class method; a plain function that takes a
`CoderConfig` and returns a stage may be registered instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar, runtime_checkable

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.errors import PipelineError


@runtime_checkable
class Stage(Protocol):
    """A pipeline stage: reads the paths of `requires`, writes only those of `assigns`."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class StageClass(Protocol):
    """What the registry holds: a stage class with its contract and a config constructor."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def from_config(self, config: CoderConfig) -> Stage: ...


StageFactory = Callable[[CoderConfig], Stage]
S = TypeVar("S")

_REGISTRY: dict[str, StageClass | StageFactory] = {}


def register_stage(name: str) -> Callable[[S], S]:
    """Register a stage class (or factory function) under a versioned name such as
    `flashpoint.events.v1`."""

    def deco(obj: S) -> S:
        _REGISTRY[name] = obj  # type: ignore[assignment]
        return obj

    return deco


def full_name(name: str) -> str:
    """`"events"` -> `"flashpoint.events.v1"`; a dotted name is kept as given."""
    return name if "." in name else f"flashpoint.{name}.v1"


def get_stage_factory(name: str) -> StageFactory:
    """What builds the stage registered as `name` from a `CoderConfig`."""
    _load_builtins()
    try:
        obj = _REGISTRY[full_name(name)]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise PipelineError(f"no stage registered as {name!r}; known stages: {known}") from None
    return obj.from_config if hasattr(obj, "from_config") else obj  # type: ignore[return-value]


def registered_stages() -> list[str]:
    _load_builtins()
    return sorted(_REGISTRY)


def registered_classes() -> list[StageClass]:
    """The registered stage classes, whose contract is known without building them."""
    _load_builtins()
    return [obj for _, obj in sorted(_REGISTRY.items()) if hasattr(obj, "assigns")]  # type: ignore[misc]


def _load_builtins() -> None:
    from flashpoint.stages import load_builtin_stages

    load_builtin_stages()
