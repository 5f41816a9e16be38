"""Dyads: actor specs, selection, and counts by quad class over days and weeks."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from _analysis_events import ev, tit_for_tat

from flashpoint import Event, EventActor, EventLocation, Trigger
from flashpoint.analysis import ActorSpec, Dyad, actor_keys, dyad_counts, pair_keys, to_frame
from flashpoint.errors import ConfigError


def test_actor_spec_parses_country_sector_and_names() -> None:
    assert ActorSpec.parse("irn") == ActorSpec(country="IRN")
    assert ActorSpec.parse("PAK:MIL") == ActorSpec(country="PAK", sector="MIL")
    assert ActorSpec.parse("Houthis") == ActorSpec(name="Houthis")
    spec = ActorSpec.parse("PAK:Baluch Liberation Army")
    assert spec == ActorSpec(country="PAK", name="Baluch Liberation Army")
    assert ActorSpec.parse(spec.key) == spec
    assert ActorSpec.parse("IRN").label == "Iran"
    with pytest.raises(ConfigError, match="COUNTRY:SECTOR"):
        ActorSpec.parse("Pakistan:MIL")


def test_dyad_parse_and_errors() -> None:
    d = Dyad.parse("IRN-PAK")
    assert (d.a.country, d.b.country, d.key, d.label) == (
        "IRN",
        "PAK",
        "IRN-PAK",
        "Iran – Pakistan",
    )
    assert Dyad.parse("Iran-backed militia~PAK").a.name == "Iran-backed militia"
    for bad in ("IRN", "IRN-PAK-IRQ", "IRN-IRN", "-PAK"):
        with pytest.raises(ConfigError, match="dyad"):
            Dyad.parse(bad)


def test_select_takes_both_directions_and_marks_them() -> None:
    rows = Dyad.parse("IRN-PAK").select(tit_for_tat())
    assert sorted(rows["event_id"]) == [
        "ev_001",
        "ev_002",
        "ev_003",
        "ev_004",
        "ev_005",
        "ev_006",
        "ev_007",
    ]
    by_id = dict(zip(rows["event_id"], rows["direction"], strict=True))
    assert by_id["ev_002"] == "ab" and by_id["ev_005"] == "ba"
    directed = Dyad.parse("PAK-IRN").select(tit_for_tat(), directed=True)
    assert sorted(directed["event_id"]) == ["ev_003", "ev_004", "ev_005"]


def test_sector_and_name_specs_narrow_the_match() -> None:
    events = [
        ev(1, "2024-01-18", "ASSAULT", "PAK", "IRN", actor_sector="MIL"),
        ev(2, "2024-01-18", "ACCUSE", "PAK", "IRN", actor_sector="GOV"),
        ev(
            3,
            "2024-01-18",
            "THREATEN",
            "PAK",
            "PAK",
            actor_sector="REB",
            actor_name="Baluch Liberation Army",
        ),
    ]
    assert list(Dyad.parse("PAK:MIL-IRN").select(events)["event_id"]) == ["ev_001"]
    bla = Dyad.parse("PAK:Baluch Liberation Army-PAK:GOV")
    assert len(bla.select(events)) == 0  # its recipient has no sector
    named = Dyad.parse("Baluch Liberation Army-PAK")
    assert list(named.select(events)["event_id"]) == ["ev_003"]


def test_daily_counts_by_quad_with_intensity_and_directions() -> None:
    counts = dyad_counts(tit_for_tat(), "IRN-PAK", since="2024-01-15", until="2024-01-22")
    assert list(counts.index) == list(pd.date_range("2024-01-15", "2024-01-22"))
    day = counts.loc["2024-01-16"]
    assert (day["events"], day["material_conflict"], day["verbal_conflict"]) == (2, 1, 1)
    assert day["intensity"] == -12.0 and day["hostility"] == 12.0
    assert (day["ab"], day["ba"], day["hostility_ab"], day["hostility_ba"]) == (1, 1, 9.0, 3.0)
    assert counts.loc["2024-01-18", "dead"] == 9
    assert counts.loc["2024-01-22", "verbal_coop"] == 1
    assert counts.loc["2024-01-22", "cooperation"] == 2.5
    assert counts.loc["2024-01-20", "events"] == 0  # quiet days are zeros, not missing
    assert counts["events"].sum() == 6


def test_weekly_counts_start_on_monday() -> None:
    weeks = dyad_counts(tit_for_tat(), "PAK-IRN", freq="week")
    assert weeks.index[0] == pd.Timestamp("2023-12-11")  # the Monday of 15 Dec 2023
    assert all(day.weekday() == 0 for day in weeks.index)
    week = weeks.loc["2024-01-15"]
    assert (week["events"], week["material_conflict"], week["dead"]) == (5, 4, 11)
    assert weeks.loc["2024-01-22", "verbal_coop"] == 1
    with pytest.raises(ConfigError, match="freq"):
        dyad_counts(tit_for_tat(), "IRN-PAK", freq="month")  # type: ignore[arg-type]


def test_actor_keys_at_each_level() -> None:
    df = to_frame(
        [
            ev(1, "2024-01-18", "ASSAULT", "PAK", "IRN", actor_sector="MIL"),
            ev(
                2,
                "2024-01-18",
                "THREATEN",
                "PAK",
                "PAK",
                actor_sector="REB",
                actor_name="Baluch Liberation Army",
                recipient_sector="GOV",
            ),
        ]
    )
    assert list(actor_keys(df, "country")[0]) == ["PAK", "PAK"]
    assert list(actor_keys(df, "sector")[0]) == ["PAK:MIL", "PAK:REB"]
    source, target = actor_keys(df, "group")
    assert list(source) == ["PAK", "PAK:Baluch Liberation Army"]
    assert list(target) == ["IRN", "PAK"]
    # at country level the group's threat is Pakistan against itself: not a dyad
    assert list(pair_keys(df, "country")["dyad"]) == ["IRN-PAK"]
    assert list(pair_keys(df, "group")["dyad"]) == ["IRN-PAK", "PAK-PAK:Baluch Liberation Army"]
    with pytest.raises(ConfigError, match="level"):
        actor_keys(df, "region")  # type: ignore[arg-type]


def test_to_frame_takes_coder_events_and_nested_records() -> None:
    coded = Event(
        doc_id="d1",
        pub_date=date(2024, 1, 18),
        event_type="ASSAULT",
        trigger=Trigger("struck", (10, 16)),
        sentence="Pakistani jets struck targets in Iran.",
        sentence_span=(0, 38),
        sentence_index=0,
        quad_code=4,
        intensity=-9.5,
        actor=EventActor(name="Pakistan", country="PAK", sector="MIL"),
        recipient=EventActor(name="Iran", country="IRN"),
        location=EventLocation(name="Saravan", country="IRN", lat=27.37, lon=62.33),
        date=date(2024, 1, 18),
        dead=9,
        id="ev_x",
    )
    nested = {
        "id": "ev_y",
        "date": "2024-01-16",
        "event_type": "ASSAULT",
        "quad_code": 4,
        "intensity": -9.5,
        "actor": {"country": "irn"},
        "recipient": {"country": "PAK"},
    }
    df = to_frame([coded, nested])
    assert list(df["event_id"]) == ["ev_x", "ev_y"]
    assert list(df["actor_country"]) == ["PAK", "IRN"]  # upper-cased
    assert df.loc[0, "latitude"] == 27.37 and df.loc[0, "dead"] == 9
    assert df["date"].dtype.kind == "M"
    with pytest.raises(ConfigError, match="cannot analyse"):
        to_frame([42])
