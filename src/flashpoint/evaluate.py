"""Score the coder against human-coded gold data.

Three gold formats are understood (the format is told from the records):

- **article gold** (the seed's `*.gold.jsonl`): events of one article, each with `ref`,
  `required`, `event_type` and any of `mode`, `actor`, `recipient`, `location`, `date`,
  `dead`, `evidence`. The article is the `.txt` file of the same stem beside the gold
  (or `text_path`). Every gold event is aligned with at most one coded event (same type,
  best agreement on the other fields and the evidence sentence); per-field precision,
  recall and F1 are computed over the required events, and coded events aligned with no
  gold event are false positives.
- **sentence gold** (PLOVER gold-standard records): one sentence per record with
  `event_type` (PLOVER 0.5b1 names are mapped: DEMAND->REQUEST, DISAPPROVE->ACCUSE,
  INVESTIGATE->ACCUSE, FIGHT->ASSAULT) and actor codes in `extra`. Top-1 is the coded
  event with the highest confidence.
- **snippet gold** (CASE 2021 task 2): snippets with an ACLED sub-event type in
  `extra.acled_sub_event_type` (null for snippets outside ACLED's taxonomy). The
  prediction is the ACLED sub-event of the most confident coded event that has one.
- **geo gold** (GeoWebNews, GeoVirus): documents with `toponyms` (`start`, `end`,
  `phrase`, `lat`, `lon`, optional `geonameid`/`country`/`admin1`); tagging precision,
  recall and F1 and, over the found toponyms, the share within 161 km, the median error and
  country and admin1 accuracy (see `flashpoint.evaluate_geo`).
- **report gold** (ACLED-style event reports): records whose `country`, `admin1`,
  `lat`/`lon`, `date` or `fatalities` are filled. The main event of a report (the most
  confident material-conflict event, else the most confident event) is scored on its
  location country (names or ISO3), admin1, coordinates (within 50 km), date and dead.
  The article's publication date is `pub_date` when given, else the report's `date`.
  Records that also give `event_type` and/or `sub_event_type` (ACLED's names) are scored
  on the ACLED labels of the main event (of the most confident event that has one when
  the main event has none): event type and sub-event type accuracy, and the macro-F1
  over the gold sub-event types (as for snippet gold).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.document import Event
from flashpoint.errors import FormatError, InputError
from flashpoint.ontology import load_ontology
from flashpoint.pipeline import Coder

# PLOVER 0.5b1 gold codes every international body IGO; flashpoint keeps PLOVER 2.0's
# finer UNO (UN bodies) and EUR (EU bodies), which count as IGO when scored against it
_OLD_CODES = {"UNO": "IGO", "EUR": "IGO"}
_FIELDS = (
    "event_type",
    "mode",
    "actor.country",
    "actor.sector",
    "actor.name",
    "recipient.country",
    "recipient.sector",
    "recipient.name",
    "location.country",
    "location.admin1",
    "location.name",
    "date",
    "dead",
)


@dataclass
class FieldScore:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """What `evaluate` found: a kind, headline figures and per-field scores."""

    kind: str
    n: int
    headline: dict[str, float] = field(default_factory=dict)
    fields: dict[str, FieldScore] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "n": self.n,
            "headline": {k: round(v, 4) for k, v in self.headline.items()},
            "fields": {
                k: {
                    "precision": round(v.precision, 4),
                    "recall": round(v.recall, 4),
                    "f1": round(v.f1, 4),
                    "gold": v.gold,
                    "predicted": v.predicted,
                    "correct": v.correct,
                }
                for k, v in self.fields.items()
            },
        }

    def format(self) -> str:
        lines = [f"{self.kind} gold: {self.n} records"]
        lines += [f"  {k}: {v:.3f}" for k, v in self.headline.items()]
        if self.fields:
            lines.append(f"  {'field':24} {'P':>6} {'R':>6} {'F1':>6}  gold  pred  ok")
            for name, s in self.fields.items():
                lines.append(
                    f"  {name:24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
                    f"  {s.gold:4d}  {s.predicted:4d}  {s.correct:3d}"
                )
        return "\n".join(lines + self.details)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    records = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise FormatError(f"line {lineno} is not JSON ({exc.msg})", str(path)) from exc
    if not records:
        raise FormatError("the gold file has no records", str(path))
    return records


_REPORT_FIELDS = ("country", "admin1", "lat", "fatalities")


def gold_kind(records: Sequence[dict[str, Any]]) -> str:
    first = records[0]
    if "toponyms" in first:
        return "geo"
    if "ref" in first:
        return "article"
    if first.get("source") == "PLOVER-GSR":
        return "sentence"
    if first.get("source") == "CASE2021-Task2" or "acled_sub_event_type" in first.get("extra", {}):
        return "snippet"
    if any(r.get(f) is not None for r in records for f in _REPORT_FIELDS):
        return "report"
    if "text" in first and "event_type" in first:
        return "sentence"
    raise FormatError(
        "unknown gold format: expected article gold (records with `ref`), PLOVER "
        "sentence gold (`text` + `event_type`) or CASE snippets (`extra.acled_sub_event_type`)"
    )


def evaluate(
    path: str | Path, coder: Coder | None = None, text_path: str | Path | None = None
) -> Report:
    coder = coder or Coder()
    records = load_gold(path)
    kind = gold_kind(records)
    if kind == "article":
        return evaluate_article(records, coder, _article_text(Path(path), text_path))
    if kind == "sentence":
        return evaluate_sentences(records, coder)
    if kind == "report":
        return evaluate_reports(records, coder)
    if kind == "geo":
        return evaluate_toponyms(records, coder, str(path))
    return evaluate_snippets(records, coder)


def evaluate_toponyms(records: list[dict[str, Any]], coder: Coder, where: str) -> Report:
    """Geoparsing gold (documents with `toponyms`): see `flashpoint.evaluate_geo`."""
    from flashpoint.evaluate_geo import evaluate_geo

    score, details = evaluate_geo(records, coder, where)
    return Report("geo", len(records), headline=score.headline(), details=details)


# -- article gold -----------------------------------------------------------------------


def _article_text(gold_path: Path, text_path: str | Path | None) -> tuple[str, str, str]:
    """(doc id, text, pub date) of the article a gold file describes."""
    from flashpoint.readers.base import parse_pub_date  # noqa: F401  (validates below)

    path = (
        Path(text_path)
        if text_path
        else gold_path.with_name(gold_path.name.replace(".gold.jsonl", ".txt"))
    )
    if not path.exists():
        raise InputError(
            f"the article for this gold file was not found at {path}; pass it with --text",
            str(gold_path),
        )
    raw = path.read_text(encoding="utf-8")
    first, _, text = raw.partition("\n")
    m = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})", first)
    if not m:
        raise InputError("the article's first line must be `date YYYY-MM-DD`", str(path))
    return path.stem, text, m.group(1)


def _get(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if obj is None:
            return None
        obj = obj.get(part) if isinstance(obj, dict) else getattr(obj, part, None)
    return obj


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return _fold(value)
    return value


def _fold(s: str) -> str:
    s = s.lower().replace("’", "'").replace("‘", "'")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def _value_matches(gold: Any, pred: Any, name: str) -> bool:
    if name == "date" and isinstance(gold, str) and isinstance(pred, str):
        return pred.startswith(gold) if len(gold) < 10 else pred == gold
    if name.endswith(".name") or name.endswith(".admin1"):
        return (
            pred is not None
            and _fold(str(gold)) in _fold(str(pred))
            or _fold(str(pred or "")) == _fold(str(gold))
        )
    return _norm(gold) == _norm(pred)


def _evidence_overlap(gold: dict[str, Any], event: dict[str, Any]) -> float:
    ev = gold.get("evidence")
    if not ev:
        return 0.0
    g = set(_fold(ev).split())
    p = set(_fold(event.get("sentence") or "").split())
    return len(g & p) / max(1, len(g))


def _agreement(gold: dict[str, Any], event: dict[str, Any]) -> float:
    if gold.get("event_type") != event.get("event_type"):
        return -1.0
    score = 0.0
    for name in _FIELDS[1:]:
        g = _get(gold, name)
        if g is not None:
            score += 1.0 if _value_matches(g, _get(event, name), name) else -0.5
    return score + 2.0 * _evidence_overlap(gold, event)


def align(golds: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[int, int]:
    """Gold index -> event index, one-to-one, required events first, best agreement."""
    pairs = sorted(
        (
            (not g.get("required", True), -_agreement(g, e), gi, ei)
            for gi, g in enumerate(golds)
            for ei, e in enumerate(events)
            if _agreement(g, e) >= 0.5
        ),
    )
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, ei in pairs:
        if gi not in out and ei not in used:
            out[gi] = ei
            used.add(ei)
    return out


def _exact(gold: dict[str, Any], event: dict[str, Any]) -> bool:
    return all(
        _value_matches(_get(gold, f), _get(event, f), f)
        for f in _FIELDS
        if _get(gold, f) is not None
    )


def evaluate_article(
    golds: list[dict[str, Any]], coder: Coder, article: tuple[str, str, str]
) -> Report:
    doc_id, text, pub = article
    events = [e.to_dict() for e in coder.code(text, pub_date=pub, doc_id=doc_id)]
    pairs = align(golds, events)
    report = Report("article", len(golds))
    required = [i for i, g in enumerate(golds) if g.get("required", True)]
    for name in _FIELDS:
        score = FieldScore()
        for gi in required:
            g = _get(golds[gi], name)
            if g is None:
                continue
            score.gold += 1
            if gi in pairs:
                p = _get(events[pairs[gi]], name)
                score.predicted += p is not None
                score.correct += _value_matches(g, p, name)
        if score.gold:
            report.fields[name] = score
    found = [gi for gi in required if gi in pairs]
    exact = [gi for gi in found if _exact(golds[gi], events[pairs[gi]])]
    matched = set(pairs.values())
    false_pos = [e for i, e in enumerate(events) if i not in matched]
    report.headline = {
        "required events": float(len(required)),
        "required found (type)": float(len(found)),
        "required exact (all gold fields)": float(len(exact)),
        "coded events": float(len(events)),
        "false positives": float(len(false_pos)),
    }
    for gi, g in enumerate(golds):
        tag = "req" if g.get("required", True) else "opt"
        if gi in pairs:
            e = events[pairs[gi]]
            ok = "exact" if _exact(g, e) else "partial"
            wrong = [
                f
                for f in _FIELDS
                if _get(g, f) is not None and not _value_matches(_get(g, f), _get(e, f), f)
            ]
            report.details.append(f"  {g['ref']:4} {tag} {ok:7} {', '.join(wrong)}")
        else:
            report.details.append(f"  {g['ref']:4} {tag} MISSED  {g.get('evidence', '')[:70]}")
    for e in false_pos:
        report.details.append(
            f"  FP   {e['event_type']} {_get(e, 'actor.country')}->"
            f"{_get(e, 'recipient.country')} '{e['trigger']['text']}': {e['sentence'][:60]}"
        )
    return report


# -- sentence gold ----------------------------------------------------------------------


def _top(events: Iterable[Event]) -> Event | None:
    best: Event | None = None
    for e in events:
        if best is None or e.confidence > best.confidence:
            best = e
    return best


def evaluate_sentences(records: list[dict[str, Any]], coder: Coder) -> Report:
    report = Report("sentence", len(records))
    correct = 0
    per_type: dict[str, FieldScore] = {}
    actor_ok = actor_n = 0
    for rec in records:
        gold = load_ontology().current_name(rec["event_type"])  # PLOVER 0.5b1 names
        top = _top(coder.code(rec["text"], pub_date=rec.get("date"), doc_id=rec.get("id")))
        pred = top.event_type if top else None
        correct += pred == gold
        per_type.setdefault(gold, FieldScore()).gold += 1
        if pred:
            per_type.setdefault(pred, FieldScore()).predicted += 1
        if pred == gold:
            per_type[gold].correct += 1
        codes = [_OLD_CODES.get(c, c) for c in rec.get("extra", {}).get("actor1_codes") or []]
        if codes:
            actor_n += 1
            got = top.actor.country if top and top.actor else None
            actor_ok += _OLD_CODES.get(got or "", got) in codes
    report.headline = {
        "top-1 event-type accuracy": correct / len(records),
        "event-type macro-F1": _macro(per_type.values()),
        "actor country (top-1 event)": actor_ok / actor_n if actor_n else 0.0,
    }
    report.fields = {f"type={k}": v for k, v in sorted(per_type.items())}
    return report


def _macro(scores: Iterable[FieldScore]) -> float:
    vals = [s.f1 for s in scores if s.gold]
    return sum(vals) / len(vals) if vals else 0.0


# -- snippet gold -----------------------------------------------------------------------


def _top_acled(events: Iterable[Event]) -> str | None:
    labelled = [e for e in events if e.acled_sub_event_type]
    top = _top(labelled)
    return top.acled_sub_event_type if top else None


def evaluate_snippets(records: list[dict[str, Any]], coder: Coder) -> Report:
    labelled = [r for r in records if r.get("extra", {}).get("acled_sub_event_type")]
    others = [r for r in records if r not in labelled]
    report = Report("snippet", len(records))
    per: dict[str, FieldScore] = {}
    correct = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for rec in labelled:
        gold = rec["extra"]["acled_sub_event_type"]
        pred = _top_acled(coder.code(rec["text"], pub_date=rec.get("date"), doc_id=rec["id"]))
        per.setdefault(gold, FieldScore()).gold += 1
        if pred:
            per.setdefault(pred, FieldScore()).predicted += 1
        if pred == gold:
            per[gold].correct += 1
            correct += 1
        else:
            confusion[(gold, pred or "-")] += 1
    outside = sum(
        _top_acled(coder.code(r["text"], pub_date=r.get("date"), doc_id=r["id"])) is not None
        for r in others
    )
    report.headline = {
        "ACLED sub-event macro-F1": _macro(per.values()),
        "ACLED sub-event accuracy": correct / len(labelled) if labelled else 0.0,
        "snippets outside ACLED given a label": outside / len(others) if others else 0.0,
    }
    report.fields = {k: v for k, v in sorted(per.items())}
    report.details = [f"  {n:3d}  {g} -> {p}" for (g, p), n in confusion.most_common(15)]
    return report


# -- report gold ------------------------------------------------------------------------


def _main_event(events: list[Event]) -> Event | None:
    material = [e for e in events if e.quad_code == 4]
    return _top(material) or _top(events)


def _country_code(value: str) -> str | None:
    from flashpoint.stages.places.gazetteer import load_gazetteer

    value = value.strip()
    if len(value) == 3 and value.isupper():
        return value
    from flashpoint.stages.places.names import normalize

    for place in load_gazetteer().lookup(normalize(value)):
        if place.kind == "country":
            return place.country
    return None


def _same_admin1(iso3: str | None, predicted: str, gold: str) -> bool:
    """The gold names the predicted first-level region, in any of the gazetteer's spellings
    ("Nord-Kivu" and "North Kivu", "Idleb" and "Idlib"), with or without its kind word
    ("Western Region" is Uganda's Western)."""
    from flashpoint.stages.places.gazetteer import load_gazetteer
    from flashpoint.stages.places.mentions import without_admin1_word

    if _fold(predicted) == _fold(gold):
        return True
    gaz = load_gazetteer()
    region = gaz.admin1(iso3, gold) or gaz.admin1(iso3, without_admin1_word(gold) or gold)
    named = gaz.admin1(iso3, predicted)
    return region is not None and named is not None and region.id == named.id


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from math import asin, cos, radians, sin, sqrt

    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    h = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * 6371 * asin(sqrt(h))


def _acled_event(events: list[Event], main: Event | None) -> Event | None:
    """Whose ACLED labels a report is scored on: the main event's, else the most confident
    event that has a sub-event type."""
    if main is not None and main.acled_sub_event_type:
        return main
    return _top(e for e in events if e.acled_sub_event_type)


def _report_checks(
    rec: dict[str, Any], ev: Event | None, labelled: Event | None = None
) -> dict[str, bool | None]:
    """Per field: True/False when the gold gives it, None when it does not. `labelled` is
    the event whose ACLED labels are scored (see `_acled_event`)."""
    loc = ev.location if ev else None
    out: dict[str, bool | None] = dict.fromkeys(
        ("country", "admin1", "coords", "date", "dead", "event type", "sub-event type")
    )
    if rec.get("country"):
        out["country"] = bool(loc and loc.country == _country_code(str(rec["country"])))
    if rec.get("admin1"):
        out["admin1"] = bool(
            loc and loc.admin1 and _same_admin1(loc.country, loc.admin1, rec["admin1"])
        )
    if rec.get("lat") is not None and rec.get("lon") is not None:
        out["coords"] = bool(
            loc
            and loc.lat is not None
            and loc.lon is not None
            and _km(float(rec["lat"]), float(rec["lon"]), loc.lat, loc.lon) <= 50
        )
    if rec.get("date") and rec.get("pub_date"):
        out["date"] = bool(ev and ev.date and ev.date.isoformat() == rec["date"])
    if rec.get("fatalities") is not None:
        out["dead"] = bool(ev and (ev.dead or 0) == int(rec["fatalities"]))
    if rec.get("event_type"):
        out["event type"] = bool(labelled and labelled.acled_event_type == rec["event_type"])
    if rec.get("sub_event_type"):
        out["sub-event type"] = bool(
            labelled and labelled.acled_sub_event_type == rec["sub_event_type"]
        )
    return out


def evaluate_reports(records: list[dict[str, Any]], coder: Coder) -> Report:
    report = Report("report", len(records))
    scores: dict[str, FieldScore] = {}
    per_sub: dict[str, FieldScore] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    for rec in records:
        pub = rec.get("pub_date") or rec.get("date")
        events = coder.code(rec["text"], pub_date=pub, doc_id=rec.get("id"))
        main = _main_event(events)
        labelled = _acled_event(events, main)
        for name, ok in _report_checks(rec, main, labelled).items():
            if ok is None:
                continue
            score = scores.setdefault(name, FieldScore())
            score.gold += 1
            score.predicted += 1
            score.correct += ok
        gold_sub = rec.get("sub_event_type")
        if gold_sub:
            pred_sub = labelled.acled_sub_event_type if labelled else None
            per_sub.setdefault(gold_sub, FieldScore()).gold += 1
            if pred_sub:
                per_sub.setdefault(pred_sub, FieldScore()).predicted += 1
            if pred_sub == gold_sub:
                per_sub[gold_sub].correct += 1
            else:
                confusion[(gold_sub, pred_sub or "-")] += 1
    report.headline = {f"{k} accuracy": v.recall for k, v in scores.items()}
    report.fields = dict(scores)
    if per_sub:
        report.headline["sub-event type macro-F1"] = _macro(per_sub.values())
        report.fields.update({f"sub={k}": v for k, v in sorted(per_sub.items())})
        report.details = [f"  {n:3d}  {g} -> {p}" for (g, p), n in confusion.most_common(15)]
    return report
