"""PLOVER types, modes, scores, CAMEO codes, the ACLED taxonomy and what flashpoint knows of
each type (quad class, colour, recipient prepositions, frames, ACLED rule...), read from
data/plover.json. Code asks `Ontology`'s accessors, never a table of type names of its own."""

from flashpoint.ontology._plover import (
    ACLED_SUBTYPES,
    FRAMES,
    PER_TYPE_FIELDS,
    AcledRule,
    Ontology,
    QuadInfo,
    Target,
    TypeInfo,
    acled_event_type_of,
    cross_reference_problems,
    load_ontology,
    parse_ontology,
)

__all__ = [
    "ACLED_SUBTYPES",
    "FRAMES",
    "PER_TYPE_FIELDS",
    "AcledRule",
    "Ontology",
    "QuadInfo",
    "Target",
    "TypeInfo",
    "acled_event_type_of",
    "cross_reference_problems",
    "load_ontology",
    "parse_ontology",
]
