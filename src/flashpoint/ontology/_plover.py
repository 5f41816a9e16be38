from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from flashpoint.errors import DataFileError, OntologyError

FRAMES = (
    "demand",
    "refuse",
    "commit",
    "future",
    "possible",
    "threat",
    "conditional",
    "prepare",
    "fail",
    "stop",
    "offer",
    "pledge",
)
"""What a clause can make of a trigger (`TypeInfo.frames`); "conditional": an "if" or "unless"
clause hangs on the act ("would send troops if the attacks went on"); "prepare": the clause hangs on
"prepare" ("the army prepared to resume shelling"); the last four are the compositions of
stages/events/compose.py ("failed to reach agreement", "ended its mediation", "willing to send
troops", "will give a grant")."""


@dataclass(frozen=True, slots=True)
class Target:
    """What a framed trigger becomes: a type and (optionally) one of its modes."""

    event_type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class AcledRule:
    """How a type is coded in ACLED's taxonomy (null rule: ACLED has no such event)."""

    rule: str | None
    sub_event_types: tuple[str, ...]
    actor_inter: dict[str, int]  # mode (or "*") -> ACLED actor type code of the actor


@dataclass(frozen=True, slots=True)
class QuadInfo:
    code: int
    name: str
    color: str
    verbal: bool
    cooperative: bool


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """One PLOVER type and what flashpoint knows of it (data/plover.json, `fields`)."""

    name: str
    quad: int
    score: float
    cameo: str
    modes: dict[str, float]
    color: str
    recipient_preps: frozenset[str]
    actor_preps: tuple[str, ...]
    symmetric: bool
    recipient_in_country: bool
    attack: bool
    counts: bool
    state_sector: str
    reports_speech: bool
    recipient_from_merged_actor: bool
    negated_as: str | None
    frames: dict[str, Target]  # frame or frame@mode -> target
    cued_modes: tuple[str | None, ...]
    acled: AcledRule


@dataclass(frozen=True, slots=True)
class Ontology:
    version: str
    types: dict[str, TypeInfo]
    mode_cameo: dict[str, str]
    contexts: tuple[str, ...]
    aux: tuple[str, ...]
    acled: dict[str, tuple[str, ...]]
    quads: dict[int, QuadInfo]
    recipient_preps_all: frozenset[str]  # for every type
    renamed: dict[str, str]  # earlier PLOVER name -> type

    def check(self, event_type: str, mode: str | None = None) -> None:
        """Raise `OntologyError` unless `event_type` (and `mode`) are PLOVER's."""
        info = self.info(event_type)
        if mode is not None and mode not in info.modes:
            raise OntologyError(
                f"{event_type} has no mode {mode!r}; its modes are {sorted(info.modes) or 'none'}"
            )

    def info(self, event_type: str) -> TypeInfo:
        """The type's facts; `OntologyError` for a type PLOVER does not have."""
        info = self.types.get(event_type)
        if info is None:
            raise OntologyError(
                f"unknown PLOVER event type {event_type!r}; use one of {sorted(self.types)}"
            )
        return info

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

    # -- quad classes -----------------------------------------------------------------
    def quad_info(self, event_type: str) -> QuadInfo:
        return self.quads[self.info(event_type).quad]

    def is_cooperative(self, event_type: str) -> bool:
        return self.quad_info(event_type).cooperative

    def is_conflictual(self, event_type: str) -> bool:
        return not self.quad_info(event_type).cooperative

    def is_verbal(self, event_type: str) -> bool:
        return self.quad_info(event_type).verbal

    def quad_names(self) -> dict[int, str]:
        return {q.code: q.name for q in self.quads.values()}

    def quad_colors(self) -> dict[int, str]:
        return {q.code: q.color for q in self.quads.values()}

    def color(self, event_type: str) -> str:
        return self.info(event_type).color

    # -- roles and rules ----------------------------------------------------------------
    def recipient_preps(self, event_type: str) -> frozenset[str]:
        """Prepositions that introduce a recipient of `event_type`."""
        return self.recipient_preps_all | self.info(event_type).recipient_preps

    def reframed(self, event_type: str, mode: str | None, frame: str) -> Target | None:
        """What a trigger of `event_type` (with `mode`) becomes in `frame`; None: unchanged."""
        frames = self.info(event_type).frames
        if mode is not None and f"{frame}@{mode}" in frames:
            return frames[f"{frame}@{mode}"]
        return frames.get(frame)

    def acled_rule(self, event_type: str) -> str | None:
        return self.info(event_type).acled.rule

    def acled_actor_inter(self, event_type: str, mode: str | None) -> int | None:
        """ACLED's actor type code that the type gives its actor (protesters, rioters);
        None when the type says nothing, or is not PLOVER's (an old stored event)."""
        info = self.types.get(event_type)
        if info is None:
            return None
        table = info.acled.actor_inter
        return table.get(mode or "*", table.get("*"))

    def current_name(self, event_type: str) -> str:
        """The type an earlier PLOVER name ("DEMAND") is now ("REQUEST")."""
        return self.renamed.get(event_type, event_type)


# -- loading ---------------------------------------------------------------------------

PER_TYPE_FIELDS = (
    "quad",
    "score",
    "cameo",
    "color",
    "modes",
    "recipient_preps",
    "actor_preps",
    "symmetric",
    "recipient_in_country",
    "attack",
    "counts",
    "state_sector",
    "reports_speech",
    "recipient_from_merged_actor",
    "negated_as",
    "frames",
    "cued_modes",
    "acled",
)


def _target(raw: str) -> Target:
    etype, _, mode = raw.partition("/")
    return Target(etype, mode or None)


def _type_info(name: str, t: dict[str, Any]) -> TypeInfo:
    missing = [f for f in PER_TYPE_FIELDS if f not in t]
    if missing:
        raise DataFileError(f"data/plover.json: type {name} lacks {missing}; add them")
    acled = t["acled"]
    return TypeInfo(
        name,
        int(t["quad"]),
        float(t["score"]),
        str(t["cameo"]),
        dict(t["modes"]),
        color=str(t["color"]),
        recipient_preps=frozenset(t["recipient_preps"]),
        actor_preps=tuple(t["actor_preps"]),
        symmetric=bool(t["symmetric"]),
        recipient_in_country=bool(t["recipient_in_country"]),
        attack=bool(t["attack"]),
        counts=bool(t["counts"]),
        state_sector=str(t["state_sector"]),
        reports_speech=bool(t["reports_speech"]),
        recipient_from_merged_actor=bool(t["recipient_from_merged_actor"]),
        negated_as=t["negated_as"],
        frames={k: _target(v) for k, v in t["frames"].items()},
        cued_modes=tuple(t["cued_modes"]),
        acled=AcledRule(
            acled["rule"],
            tuple(acled["sub_event_types"]),
            {k: int(v) for k, v in acled["actor_inter"].items()},
        ),
    )


def parse_ontology(text: str) -> Ontology:
    """The ontology from the text of plover.json; `DataFileError` names what is wrong."""
    try:
        raw = json.loads(text)
        types = {name: _type_info(name, t) for name, t in raw["types"].items()}
        quads = {
            int(k): QuadInfo(int(k), q["name"], q["color"], bool(q["verbal"]), q["cooperative"])
            for k, q in raw["quads"].items()
        }
        onto = Ontology(
            version=raw["version"],
            types=types,
            mode_cameo=dict(raw["mode_cameo"]),
            contexts=tuple(raw["contexts"]),
            aux=tuple(raw["aux"]),
            acled={k: tuple(v) for k, v in raw["acled"].items()},
            quads=quads,
            recipient_preps_all=frozenset(raw["recipient_preps"]),
            renamed=dict(raw["renamed"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"data/plover.json is malformed ({exc!r}); fix the file") from exc
    problems = cross_reference_problems(onto)
    if problems:
        raise DataFileError("data/plover.json: " + "; ".join(problems))
    return onto


def cross_reference_problems(onto: Ontology) -> list[str]:
    """What the per-type fields name that the ontology does not have."""
    subtypes = {s for subs in onto.acled.values() for s in subs}
    out: list[str] = []
    for name, info in onto.types.items():
        if info.quad not in onto.quads:
            out.append(f"{name}: quad {info.quad} is not in quads")
        if info.negated_as is not None and info.negated_as not in onto.types:
            out.append(f"{name}: negated_as {info.negated_as} is not a type")
        for key, target in info.frames.items():
            out += _frame_problems(onto, name, key, target)
        for mode in info.cued_modes:
            if mode is not None and mode not in info.modes:
                out.append(f"{name}: cued mode {mode} is not one of its modes")
        bad = [s for s in info.acled.sub_event_types if s not in subtypes]
        out += [f"{name}: {s!r} is no ACLED sub-event type" for s in bad]
    return out


def _frame_problems(onto: Ontology, name: str, key: str, target: Target) -> list[str]:
    frame, _, mode = key.partition("@")
    info = onto.types[name]
    out = []
    if frame not in FRAMES:
        out.append(f"{name}: frame {frame!r} is not one of {FRAMES}")
    if mode and mode not in info.modes:
        out.append(f"{name}: frame {key!r} names a mode the type does not have")
    to = onto.types.get(target.event_type)
    if to is None:
        out.append(f"{name}: frame {key!r} gives unknown type {target.event_type}")
    elif target.mode is not None and target.mode not in to.modes:
        out.append(f"{name}: frame {key!r} gives {target.event_type} an unknown mode")
    return out


@cache
def load_ontology() -> Ontology:
    path = resources.files("flashpoint.data").joinpath("plover.json")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(
            "data/plover.json is missing; reinstall flashpoint (`make install`)"
        ) from exc
    return parse_ontology(text)


ACLED_SUBTYPES: dict[str, str] = {
    sub: etype for etype, subs in load_ontology().acled.items() for sub in subs
}


def acled_event_type_of(sub_event_type: str | None) -> str | None:
    """The ACLED event type a sub-event type belongs to."""
    if sub_event_type is None:
        return None
    return ACLED_SUBTYPES.get(sub_event_type)
