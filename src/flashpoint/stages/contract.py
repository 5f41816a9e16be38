"""The stage contract: what a stage reads and writes, as attribute paths of the data model.

A path names a field of one of the model's records, in the manner of spaCy's
`requires`/`assigns`:

- `doc.<field>` is a field of `Document` (`doc.sentences`, `doc.places`, `doc.events`);
- `sentence.<field>` is a field of every `Sentence` of `doc.sentences`;
- `event.<field>` is a field of every `Event` of `doc.events`, and `event.<field>.<field>` a
  field of a record inside it (`event.actor.country`, `event.location`).

`check_path` tells whether a path names a real field; `analyze` checks a list of stages
against each other (every path a stage requires is assigned by an earlier one, or is given
by the reader); `snapshot` and `changed_paths` find the fields a stage really changed, so a
test can hold every stage to what it declares.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from flashpoint.document import Document, Event, Sentence
from flashpoint.errors import PipelineError

ROOTS: dict[str, type] = {"doc": Document, "sentence": Sentence, "event": Event}
"""The first word of a path, and the record it names."""

COLLECTIONS: dict[str, str] = {"sentence": "doc.sentences", "event": "doc.events"}
"""Records of these kinds live in a list of the document: assigning the list creates them."""

GIVEN: frozenset[str] = frozenset(
    {"doc.id", "doc.text", "doc.pub_date", "doc.title", "doc.url", "doc.source"}
)
"""What every document has before the first stage: the reader sets it."""


class HasContract(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _record_type(hint: Any) -> type | None:
    """The dataclass a field's type hint holds (through `X | None`), or None."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return hint
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        records = [t for t in typing.get_args(hint) if _record_type(t) is not None]
        return _record_type(records[0]) if len(records) == 1 else None
    return None


@cache
def _fields(record: type) -> dict[str, Any]:
    return typing.get_type_hints(record)


def check_path(path: str, stage: str = "?") -> None:
    """Raise `PipelineError` unless `path` names a field of the data model."""
    root, *names = path.split(".")
    record: type | None = ROOTS.get(root)
    if record is None or not names:
        raise PipelineError(
            f"stage {stage!r} declares {path!r}; a path starts with one of "
            f"{sorted(ROOTS)} and names a field, e.g. 'doc.places' or 'event.actor.country'"
        )
    for i, name in enumerate(names):
        hints = _fields(record) if record is not None else {}
        if name not in hints:
            where = ".".join([root, *names[:i]])
            raise PipelineError(
                f"stage {stage!r} declares {path!r}, but {where} has no field {name!r}; "
                f"its fields are {sorted(hints)}"
            )
        record = _record_type(hints[name])


def _constructor_fields(root: str) -> set[str]:
    """The fields a new record of kind `root` always has (those without a default)."""
    record = ROOTS[root]
    return {
        f"{root}.{f.name}"
        for f in dataclasses.fields(record)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }


def covers(assigned: str, path: str) -> bool:
    """Whether assigning `assigned` provides `path`: the same field, a record holding it,
    or the list that creates the records and their constructor fields."""
    if path == assigned or path.startswith(assigned + "."):
        return True
    root = path.split(".", 1)[0]
    if COLLECTIONS.get(root) == assigned:
        return ".".join(path.split(".")[:2]) in _constructor_fields(root)
    return False


@dataclass(frozen=True, slots=True)
class Problem:
    """A requirement of `stage` that no earlier stage meets."""

    stage: str
    path: str
    providers: tuple[str, ...]  # stages (of the pipeline or the registry) that assign it
    later: bool  # one of them is in the pipeline, but after `stage`

    def message(self) -> str:
        text = f"stage {self.stage!r} requires {self.path!r}, which no earlier stage assigns"
        if self.later:
            return text + f"; move {self.providers[0]!r} before {self.stage!r}"
        if self.providers:
            names = " or ".join(repr(p) for p in self.providers)
            return text + f"; add {names} before {self.stage!r}"
        return text + "; no known stage assigns it"


def analyze(stages: Sequence[HasContract], known: Iterable[HasContract] = ()) -> list[Problem]:
    """The unmet requirements of `stages`, in order. `known` are other stages that could
    be added (to name them in the message)."""
    for stage in stages:
        for path in (*stage.requires, *stage.assigns):
            check_path(path, stage.name)
    problems = []
    have: list[str] = list(GIVEN)
    for i, stage in enumerate(stages):
        for path in stage.requires:
            if any(covers(a, path) for a in have):
                continue
            later = tuple(s.name for s in stages[i + 1 :] if _assigns(s, path))
            others = tuple(s.name for s in known if _assigns(s, path) and s.name not in later)
            problems.append(Problem(stage.name, path, later or others, bool(later)))
        have.extend(stage.assigns)
    return problems


def _assigns(stage: HasContract, path: str) -> bool:
    """Whether `stage` makes `path` (assigns it without needing it already: `merge`
    rewrites `doc.events` but does not create them)."""
    return any(covers(a, path) for a in stage.assigns) and not any(
        covers(r, path) for r in stage.requires
    )


# --- what a stage really changed ---------------------------------------------------------

Snapshot = dict[tuple[str, int, str], object]


def _value(value: object) -> object:
    """A comparable picture of a field's value. Parses (spaCy objects) count by identity."""
    if isinstance(value, dict):
        return tuple(sorted((repr(k), _value(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_value(v) for v in value)
    if dataclasses.is_dataclass(value) or isinstance(value, str | int | float | type(None)):
        return repr(value)
    return repr(value) if type(value).__module__.split(".")[0] == "datetime" else id(value)


def _record_paths(prefix: str, record: object) -> Iterable[tuple[str, object]]:
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        path = f"{prefix}.{f.name}"
        if dataclasses.is_dataclass(value):
            yield path, None if value is None else type(value).__name__
            yield from _record_paths(path, value)
        else:
            yield path, _value(value)


def snapshot(doc: Document) -> Snapshot:
    """Every field of the document and of its sentences and events, by path."""
    shot: Snapshot = {}
    kinds = {path: kind for kind, path in COLLECTIONS.items()}
    for f in dataclasses.fields(doc):
        value, path = getattr(doc, f.name), f"doc.{f.name}"
        kind = kinds.get(path)
        if kind is None:
            shot[("doc", 0, path)] = _value(value)
            continue
        shot[("doc", 0, path)] = tuple(id(x) for x in value)  # which records, not their fields
        for item in value:
            for field_path, v in _record_paths(kind, item):
                shot[(kind, id(item), field_path)] = v
    return shot


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    """The paths whose value differs between two snapshots. A record that is new, or gone,
    shows as a change of its list (`doc.events`), not of its fields."""
    changed = set()
    for key in before.keys() & after.keys():
        if before[key] != after[key]:
            changed.add(key[2])
    return changed


def undeclared(stage: HasContract, changed: Iterable[str]) -> list[str]:
    """The changed paths that `stage` does not declare among its `assigns`."""
    return sorted(
        p for p in changed if not any(p == a or p.startswith(a + ".") for a in stage.assigns)
    )
