"""A small word model of which PLOVER event type a sentence reports (data/events/type_prior.json).

A multinomial naive Bayes over normalised words, trained by scripts/train_type_prior.py on
synthetic news stories labelled with the event type their headline was written to elicit.
It never codes an event by itself: it only nudges the confidence of the events the trigger
lexicon found, so that between two triggers of one sentence ("X said it would retaliate
after Y's attack") the one whose type fits the rest of the sentence wins.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from flashpoint.errors import DataFileError

CAP = 1.25  # the most the model may raise (or, inverted, lower) a confidence
_WORD = re.compile(r"[a-z][a-z'-]*")
STOPWORDS = frozenset(
    str.split(
        """a an the of to in on at by for with from and or but as is are was were be been being
    it its this that these those he she they them his her their we our you i me my has have
    had do does did not no so than then there here which who whom whose what when where why
    how all any each both few more most other some such only own same too very can will just
    would could should may might must shall also into over under again further once about
    after before between during through up down out off above below while said says say
    told mr mrs ms one two three new"""
    )
)


def normalise(word: str) -> str:
    """A crude stem, the same when the model is trained and when it is used."""
    w = word.lower().strip("'-")
    if len(w) > 5 and w.endswith("ies"):
        return w[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix) and not w.endswith("ss"):
            return w[: -len(suffix)]
    return w


def features(words: Iterable[str]) -> list[str]:
    """The model's features of a text's words: normalised, without stop words."""
    out = []
    for word in words:
        for w in _WORD.findall(word.lower()):
            if w not in STOPWORDS and len(w) > 2:
                out.append(normalise(w))
    return out


@dataclass(frozen=True, slots=True)
class TypePrior:
    """log P(word | type) for the informative words; unseen words carry no evidence."""

    version: str
    types: tuple[str, ...]
    loglik: dict[str, tuple[float, ...]]

    def distribution(self, words: Iterable[str]) -> dict[str, float]:
        """P(type | words) with a uniform prior over types, tempered by the number of
        informative words so that long sentences do not become certain."""
        rows = [self.loglik[f] for f in features(words) if f in self.loglik]
        if not rows:
            return {t: 1.0 / len(self.types) for t in self.types}
        norm = math.sqrt(len(rows))
        scores = [sum(column) / norm for column in zip(*rows, strict=True)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {t: e / total for t, e in zip(self.types, exp, strict=True)}

    def factor(self, event_type: str, words: Iterable[str], strength: float = 0.2) -> float:
        """A confidence multiplier around 1: above it when the sentence's words fit
        `event_type` better than a uniform guess, below when they fit it worse."""
        return factor_of(self.distribution(words), event_type, len(self.types), strength)


def factor_of(dist: dict[str, float], event_type: str, n_types: int, strength: float) -> float:
    """`TypePrior.factor` from a distribution already computed (one per sentence)."""
    p = dist.get(event_type)
    if p is None:
        return 1.0
    ratio = max(p * n_types, 1e-6) ** strength
    return min(CAP, max(1.0 / CAP, ratio))


def parse_prior(raw: str) -> TypePrior:
    try:
        data = json.loads(raw)
        types = tuple(data["types"])
        loglik = {w: tuple(float(x) for x in v) for w, v in data["loglik"].items()}
        version = str(data["version"])
    except (ValueError, KeyError, TypeError) as exc:
        raise DataFileError(
            f"data/events/type_prior.json is malformed ({exc}); rebuild it with "
            "scripts/train_type_prior.py"
        ) from exc
    if any(len(v) != len(types) for v in loglik.values()):
        raise DataFileError(
            "data/events/type_prior.json has rows of the wrong length; rebuild it with "
            "scripts/train_type_prior.py"
        )
    return TypePrior(version, types, loglik)


@cache
def load_type_prior() -> TypePrior:
    path = resources.files("flashpoint.data").joinpath("events/type_prior.json")
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(
            "data/events/type_prior.json is missing; reinstall flashpoint (`make install`) "
            "or rebuild it with scripts/train_type_prior.py"
        ) from exc
    return parse_prior(raw)
