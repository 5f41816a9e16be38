"""The scorer, on gold files written for the tests (never ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint import Coder
from flashpoint.cli import main
from flashpoint.errors import FormatError
from flashpoint.evaluate import align, evaluate, gold_kind

ARTICLE = (
    "date 2024-03-07 INVENTED SAMPLE\n"
    "Kenyan police arrested 40 protesters in Nairobi on Tuesday. "
    "Uganda condemned the arrests.\n"
)


def _write(tmp: Path, name: str, rows: list[dict[str, object]]) -> Path:
    path = tmp / name
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_gold_kinds_are_told_apart() -> None:
    assert gold_kind([{"ref": "E1"}]) == "article"
    assert gold_kind([{"text": "x", "event_type": "AGREE", "source": "PLOVER-GSR"}]) == "sentence"
    assert gold_kind([{"text": "x", "extra": {"acled_sub_event_type": "Grenade"}}]) == "snippet"
    with pytest.raises(FormatError):
        gold_kind([{"foo": 1}])


def test_alignment_is_one_to_one_and_prefers_required() -> None:
    golds = [
        {"ref": "E1", "required": False, "event_type": "ASSAULT"},
        {"ref": "E2", "required": True, "event_type": "ASSAULT", "actor": {"country": "ETH"}},
    ]
    events = [{"event_type": "ASSAULT", "actor": {"country": "ETH"}, "sentence": ""}]
    assert align(golds, events) == {1: 0}


def test_article_gold_counts_found_events_and_false_positives(tmp_path: Path, coder: Coder) -> None:
    (tmp_path / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    gold = _write(
        tmp_path,
        "a1.gold.jsonl",
        [
            {
                "ref": "E1",
                "required": True,
                "event_type": "COERCE",
                "actor": {"country": "KEN", "sector": "COP"},
                "date": "2024-03-05",
                "evidence": "Kenyan police arrested 40 protesters",
            }
        ],
    )
    report = evaluate(gold, coder=coder)
    assert report.kind == "article"
    assert report.headline["required found (type)"] == 1.0
    assert report.fields["actor.country"].recall == 1.0
    assert report.headline["false positives"] == report.headline["coded events"] - 1


def test_sentence_gold_maps_old_plover_names(tmp_path: Path, coder: Coder) -> None:
    gold = _write(
        tmp_path,
        "gsr.jsonl",
        [
            {
                "id": "s1",
                "text": "Rebels fought government troops near Goma.",
                "event_type": "FIGHT",
                "source": "PLOVER-GSR",
                "extra": {},
            },
            {
                "id": "s2",
                "text": "Chile demanded that Peru return the fishing boats.",
                "event_type": "DEMAND",
                "source": "PLOVER-GSR",
                "extra": {"actor1_codes": ["CHL"]},
            },
        ],
    )
    report = evaluate(gold, coder=coder)
    assert report.headline["top-1 event-type accuracy"] == 1.0


def test_eval_command_prints_scores_and_reports_missing_article(tmp_path: Path) -> None:
    gold = _write(tmp_path, "lonely.gold.jsonl", [{"ref": "E1", "event_type": "AGREE"}])
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 1
    assert "article for this gold file was not found" in result.output
    assert "Traceback" not in result.output


def test_report_gold_scores_location_date_and_dead(tmp_path: Path, coder: Coder) -> None:
    gold = _write(
        tmp_path,
        "reports.jsonl",
        [
            {
                "id": "r1",
                "text": "On 3 March 2021, gunmen killed 4 farmers near Gusau in Zamfara state.",
                "date": "2021-03-03",
                "pub_date": "2021-03-05",
                "country": "Nigeria",
                "admin1": "Zamfara",
                "lat": 12.16,
                "lon": 6.66,
                "fatalities": 4,
            }
        ],
    )
    report = evaluate(gold, coder=coder)
    assert report.kind == "report"
    assert report.headline == {
        "country accuracy": 1.0,
        "admin1 accuracy": 1.0,
        "coords accuracy": 1.0,
        "date accuracy": 1.0,
        "dead accuracy": 1.0,
    }


class _FixedCoder:
    """Gives each record (by doc id) the events written for it: the ACLED figures are
    checked against known predictions, not against the rules of the day."""

    def __init__(self, events: dict[str, list[tuple[int, float, str | None, str | None]]]):
        self.events = events

    def code(self, text: str, pub_date: str | None = None, doc_id: str | None = None):
        from flashpoint.document import Event, Trigger

        return [
            Event(
                doc_id=str(doc_id),
                pub_date=None,
                event_type="ASSAULT",
                trigger=Trigger("x", (0, 1)),
                sentence=text,
                sentence_span=(0, len(text)),
                sentence_index=0,
                quad_code=quad,
                confidence=conf,
                acled_event_type=etype,
                acled_sub_event_type=sub,
            )
            for quad, conf, etype, sub in self.events.get(str(doc_id), [])
        ]


def test_report_gold_with_acled_labels_scores_type_and_sub_type(tmp_path: Path) -> None:
    gold = _write(
        tmp_path,
        "labelled.jsonl",
        [
            {"id": "a", "text": "clash", "fatalities": 0, "event_type": "Battles",
             "sub_event_type": "Armed clash"},
            {"id": "b", "text": "attack", "fatalities": 0,
             "event_type": "Violence against civilians", "sub_event_type": "Attack"},
            {"id": "c", "text": "rally", "fatalities": 0, "event_type": "Protests",
             "sub_event_type": "Peaceful protest"},
            {"id": "d", "text": "no labels", "fatalities": 0},
        ],
    )  # fmt: skip
    coder = _FixedCoder(
        {
            "a": [(4, 0.9, "Battles", "Armed clash")],
            # the main event (material conflict, most confident) has no ACLED label: the
            # most confident labelled event is scored
            "b": [(4, 0.9, None, None), (3, 0.4, "Battles", "Armed clash")],
            "c": [(3, 0.8, "Protests", "Protest with intervention")],
            "d": [(4, 0.8, "Battles", "Armed clash")],
        }
    )
    report = evaluate(gold, coder=coder)  # type: ignore[arg-type]
    assert report.kind == "report"
    assert report.headline["dead accuracy"] == 1.0
    assert report.fields["dead"].gold == 4
    assert report.headline["event type accuracy"] == pytest.approx(2 / 3)
    assert report.headline["sub-event type accuracy"] == pytest.approx(1 / 3)
    # Armed clash P 1/2 R 1 (F1 2/3); Attack and Peaceful protest 0; the predicted-only
    # Protest with intervention is no gold class and is not averaged
    assert report.headline["sub-event type macro-F1"] == pytest.approx((2 / 3) / 3)
    assert report.fields["sub=Armed clash"].predicted == 2
    assert any("Attack -> Armed clash" in line for line in report.details)


def test_report_gold_without_acled_labels_has_no_type_figures(tmp_path: Path) -> None:
    gold = _write(tmp_path, "plain.jsonl", [{"id": "a", "text": "clash", "fatalities": 2}])
    report = evaluate(gold, coder=_FixedCoder({"a": [(4, 0.9, "Battles", "Armed clash")]}))  # type: ignore[arg-type]
    assert report.headline == {"dead accuracy": 0.0}
    assert not report.details


def test_report_gold_with_only_an_event_type_scores_it_alone(tmp_path: Path) -> None:
    gold = _write(
        tmp_path,
        "type.jsonl",
        [{"id": "a", "text": "riot", "fatalities": 0, "event_type": "Riots"}],
    )
    coder = _FixedCoder({"a": [(4, 0.9, "Riots", "Mob violence")]})
    report = evaluate(gold, coder=coder)  # type: ignore[arg-type]
    assert report.headline == {"dead accuracy": 1.0, "event type accuracy": 1.0}


def test_report_admin1_matches_any_spelling_of_the_region(tmp_path: Path, coder: Coder) -> None:
    """A gold that spells the region otherwise ("Nord-Kivu", "Idleb") still matches it; a
    different region of the same country does not."""
    rows = [
        {
            "id": f"r{i}",
            "text": text,
            "date": "2023-05-02",
            "pub_date": "2023-05-03",
            "country": country,
            "admin1": admin1,
            "note": "invented test report",
        }
        for i, (text, country, admin1) in enumerate(
            [
                (
                    "On 2 May 2023, rebels attacked Kiwanja town (Rutshuru, Nord-Kivu).",
                    "COD",
                    "Nord Kivu",
                ),
                ("On 2 May 2023, jets bombed Sarmada town (Harem, Idleb).", "SYR", "Idleb"),
                ("On 2 May 2023, jets bombed Sarmada town (Harem, Idleb).", "SYR", "Aleppo"),
                (
                    "On 2 May 2023, rebels killed two farmers in Bundibugyo (Western Region).",
                    "UGA",
                    "Western Region",
                ),
                (
                    "On 2 May 2023, rebels killed two farmers in Bundibugyo (Western Region).",
                    "UGA",
                    "Northern Region",
                ),
            ]
        )
    ]
    report = evaluate(_write(tmp_path, "notes.jsonl", rows), coder)
    assert report.fields["admin1"].correct == 3
    assert report.fields["admin1"].gold == 5


def test_a_gold_country_is_read_in_any_spelling() -> None:
    """ "Guinea-Bissau", "Côte d'Ivoire": the gold's country names are looked up as the
    gazetteer's keys are written (hyphens, accents and apostrophes folded)."""
    from flashpoint.evaluate import _country_code

    assert _country_code("Guinea-Bissau") == "GNB"
    assert _country_code("Timor-Leste") == "TLS"
    assert _country_code("Côte d'Ivoire") == "CIV"
