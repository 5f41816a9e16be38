from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from flashpoint.errors import OntologyError


@dataclass(frozen=True, slots=True)
class TypeInfo:
    name: str
    quad: int
    score: float
    cameo: str
    modes: dict[str, float]


@dataclass(frozen=True, slots=True)
class Ontology:
    version: str
    types: dict[str, TypeInfo]
    mode_cameo: dict[str, str]
    contexts: tuple[str, ...]
    aux: tuple[str, ...]
    acled: dict[str, tuple[str, ...]]

    def check(self, event_type: str, mode: str | None = None) -> None:
        """Raise `OntologyError` unless `event_type` (and `mode`) are PLOVER's."""
        info = self.types.get(event_type)
        if info is None:
            raise OntologyError(
                f"unknown PLOVER event type {event_type!r}; use one of {sorted(self.types)}"
            )
        if mode is not None and mode not in info.modes:
            raise OntologyError(
                f"{event_type} has no mode {mode!r}; its modes are {sorted(info.modes) or 'none'}"
            )

    def intensity(self, event_type: str, mode: str | None) -> float:
        info = self.types[event_type]
        if mode is not None and mode in info.modes:
            return float(info.modes[mode])
        return float(info.score)

    def cameo(self, event_type: str, mode: str | None) -> str:
        if mode is not None:
            code = self.mode_cameo.get(f"{event_type}/{mode}")
            if code:
                return code
        return self.types[event_type].cameo


@cache
def load_ontology() -> Ontology:
    raw = json.loads(resources.files("flashpoint.data").joinpath("plover.json").read_text())
    types = {
        name: TypeInfo(name, t["quad"], float(t["score"]), t["cameo"], dict(t["modes"]))
        for name, t in raw["types"].items()
    }
    return Ontology(
        version=raw["version"],
        types=types,
        mode_cameo=dict(raw["mode_cameo"]),
        contexts=tuple(raw["contexts"]),
        aux=tuple(raw["aux"]),
        acled={k: tuple(v) for k, v in raw["acled"].items()},
    )


ACLED_SUBTYPES: dict[str, str] = {
    sub: etype for etype, subs in load_ontology().acled.items() for sub in subs
}


def acled_event_type_of(sub_event_type: str | None) -> str | None:
    """The ACLED event type a sub-event type belongs to."""
    if sub_event_type is None:
        return None
    return ACLED_SUBTYPES.get(sub_event_type)
