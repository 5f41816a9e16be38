"""PLOVER types, modes, scores, CAMEO codes and the ACLED taxonomy (read from data/plover.json)."""

from flashpoint.ontology._plover import (
    ACLED_SUBTYPES,
    Ontology,
    TypeInfo,
    acled_event_type_of,
    load_ontology,
)

__all__ = ["ACLED_SUBTYPES", "Ontology", "TypeInfo", "acled_event_type_of", "load_ontology"]
