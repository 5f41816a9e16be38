"""The worldwide invented ACLED-style notes, written blind to the coder's rules: 160 in
tests/data/notes_world.jsonl (the Middle East, South Asia, the Sahel, Central and East
Africa, Latin America, Europe and the Caucasus, South-East Asia) and 160 more in
notes_world2.jsonl (more of Latin America, South and Central Asia, the Middle East and
North Africa, sub-Saharan Africa), each with every ACLED sub-event type at least twice,
and 200 in notes_world3.jsonl (half East Africa and the Horn, half worldwide; every
sub-event type at least three times), written blind on 3 December 2026 and scored before
anything was tuned to them (country 0.885, admin1 0.850 at the commit before), and 200 in
notes_world4.jsonl (West Africa and the Sahel, the Middle East, South and South-East Asia,
Latin America, Europe, Central and East Africa), written blind later that day, and 150
longer ones in notes_world5.jsonl, written blind at the end of that session (the code of
the session's start scored country 0.873, admin1 0.860 on them, its end 0.940, 0.927; the
tuning half was studied after that), and 200 in notes_world6.jsonl (8 per ACLED sub-event
type, written blind at the start of the session of 3 December 2026 afternoon; the code of
that moment scored country 0.920, admin1 0.880, date 0.880, dead 0.825, event type 0.820,
sub-event macro-F1 0.781), and 160 East African ones in notes_eastafrica.jsonl (Somalia,
Sudan, Ethiopia, eastern DR Congo, Kenya, South Sudan, Uganda, Cabo Delgado; written blind
in the evening of 3 December 2026: the code of that moment scored country 0.863, admin1
0.831, date 0.950, dead 0.912, event type 0.925, sub-event macro-F1 0.825), and 200 in
notes_world7.jsonl (8 per sub-event type, 76 countries, written blind by a helper on
4 December 2026; the code of that moment scored country 0.930, admin1 0.890, date 0.940,
dead 0.890, event type 0.865, sub-event macro-F1 0.801), and 125 in notes_world8.jsonl (5 per
sub-event type, written blind by a helper on 5 December 2026; the code of that moment scored
country 0.896, admin1 0.880, date 0.904, dead 0.776, event type 0.776, sub-event macro-F1
0.760), and 125 in notes_world9.jsonl (5 per sub-event type, 71 countries, written blind by a
helper on 6 December 2026; the code of that moment scored country 0.936, admin1 0.920, date
0.960, dead 0.864, event type 0.848, sub-event macro-F1 0.778), and 125 in notes_world10.jsonl
(5 per sub-event type, 75 countries, written blind by a helper on the evening of 6 December
2026; the code of that moment scored country 0.816, admin1 0.736, date 0.928, dead 0.880,
event type 0.816, sub-event macro-F1 0.811), and 125 in notes_world11.jsonl (5 per sub-event
type, 75 countries, written blind by a helper on 7 December 2026, many retelling well-known
events in its own words; the code of that moment scored country 0.928, admin1 0.888, date
0.904, dead 0.920, event type 0.848, sub-event macro-F1 0.789), and 100 in notes_world12.jsonl
(4 per sub-event type, 65 countries, half in ACLED's own terse style, written blind by a
helper on 7 December 2026; the code of the session's start, a4df4bc, scored country 0.900,
admin1 0.880, date 0.910, dead 0.910, event type 0.820, sub-event macro-F1 0.764), and 100 in
notes_world13.jsonl (half East Africa and the Horn, half 41 other countries, written blind by
a helper later that day; a4df4bc scored country 0.950, admin1 0.900, date 0.990, dead 0.880,
event type 0.890, sub-event macro-F1 0.848, and the code of that moment 0.960 and the rest
the same), and 100 in notes_world14.jsonl (4 per sub-event type, 64 countries, 41 of them
multi-sentence wire reports, most with a dateline, written blind by a helper on 7 December
2026 late; cee6090 scored country 0.910, admin1 0.870, date 0.900, dead 0.900, event type
0.870, sub-event macro-F1 0.856), and 100 in notes_world15.jsonl (4 per sub-event type, 69
countries, 35 wire reports with a dateline, 33 terse notes with nested places, 32 local-news
paragraphs, written blind by a helper on 7 December 2026; 2a77e62 scored country 0.890,
admin1 0.860, date 0.920, dead 0.940, event type 0.870, sub-event macro-F1 0.842), and 100 in
notes_world16.jsonl (62 countries outside East Africa, 60 of them terse ACLED-style notes with
nested places and 40 news reports, many with a bare dateline, written blind by a helper on 7
December 2026 evening; c4a6441 scored country 0.860, admin1 0.870, date 0.990, dead 0.940,
event type 0.950, sub-event macro-F1 0.881), and 100 East African ones in
notes_eastafrica2.jsonl (16 countries from Somalia to Zimbabwe, a third each wire reports,
terse notes and local news, written blind by a helper at the same time; c4a6441 scored
country 0.950, admin1 0.860, date 0.980, dead 0.960, event type 0.860, sub-event macro-F1
0.777), and 100 in notes_world17.jsonl (66 countries, 45 terse notes and 55 wire reports whose
later sentences elaborate the lead without repeating its place or date, tolls spread over
phrases, running totals and quotes, written blind by a helper in the afternoon of 7 December
2026; d9ce510 scored country 0.850, admin1 0.800, date 0.930, dead 0.900, event
type 0.900, sub-event macro-F1 0.790). Two more sets were written blind by helpers on the
evening of 7 December 2026 and scored at f6e4356 before any tuning: notes_world18.jsonl (100
notes, 67 countries, 45 terse notes and 55 wire reports with rising tolls, claims and
background; country 0.910, admin1 0.860, date 0.920, dead 0.880, event type 0.900, sub-event
macro-F1 0.823) and notes_eastafrica3.jsonl (100 notes from Somalia, Ethiopia, Sudan, South
Sudan, Kenya, Uganda, eastern DR Congo and their neighbours; country 0.940, admin1 0.840,
date 0.960, dead 0.890, event type 0.810, sub-event macro-F1 0.750). notes_world19.jsonl (100:
63 countries, 40 terse notes and 60 wire reports with nested places, elaborating sentences,
running totals and rising tolls, a fifth from Latin America) was written blind by a helper
later that evening and scored at 864df81 before any tuning: country 0.970, admin1 0.930, date
0.960, dead 0.880, event type 0.900, sub-event macro-F1 0.841. notes_world20.jsonl (100: 71
countries, 40 terse notes and 60 wire reports with elaborating sentences, nested and homonym
places, background events and running totals, tolls to add, datelines elsewhere) was written
blind by a helper in the late evening of 7 December 2026 and scored at 6ff1501 before any
tuning: country 0.960, admin1 0.890, date 0.980, dead 0.860, event type 0.920, sub-event
macro-F1 0.857. notes_world21.jsonl (100: 71 countries, 40 terse notes and 60 wire reports
with homonym places, background tolls, tolls to add across sentences, suicide bombers and
nights spanning two dates) was written blind by a helper on 8 December 2026 and scored at
26bf83b before any tuning: country 0.970, admin1 0.920, date 0.940, dead 0.870, event type
0.880, sub-event macro-F1 0.773.
The floors sit about 0.03 below what the coder reaches over all the notes of each set (3
December 2026: world country 0.92, admin1 0.86, date 0.92, dead 0.90, event type 0.82,
sub-event macro-F1 0.66; world2 0.78, 0.75, 0.91, 0.88, 0.86, 0.78; world3 0.90, 0.87,
0.95, 0.88, 0.85, 0.72), so a regression shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.evaluate import evaluate

_DATA = Path(__file__).parent / "data"
_FLOORS = {
    "notes_world.jsonl": {
        "country accuracy": 0.89,
        "admin1 accuracy": 0.82,
        "date accuracy": 0.89,
        "dead accuracy": 0.87,
        "event type accuracy": 0.79,
        "sub-event type macro-F1": 0.63,
    },
    "notes_world2.jsonl": {
        "country accuracy": 0.74,
        "admin1 accuracy": 0.72,
        "date accuracy": 0.87,
        "dead accuracy": 0.84,
        "event type accuracy": 0.82,
        "sub-event type macro-F1": 0.74,
    },
    "notes_world3.jsonl": {
        "country accuracy": 0.87,
        "admin1 accuracy": 0.84,
        "date accuracy": 0.92,
        "dead accuracy": 0.85,
        "event type accuracy": 0.82,
        "sub-event type macro-F1": 0.69,
    },
    "notes_world4.jsonl": {
        "country accuracy": 0.88,
        "admin1 accuracy": 0.85,
        "date accuracy": 0.92,
        "dead accuracy": 0.89,
        "event type accuracy": 0.85,
        "sub-event type macro-F1": 0.78,
    },
    "notes_world5.jsonl": {
        "country accuracy": 0.91,
        "admin1 accuracy": 0.89,
        "date accuracy": 0.93,
        "dead accuracy": 0.87,
        "event type accuracy": 0.85,
        "sub-event type macro-F1": 0.82,
    },
    "notes_world6.jsonl": {
        "country accuracy": 0.89,
        "admin1 accuracy": 0.85,
        "date accuracy": 0.90,
        "dead accuracy": 0.82,
        "event type accuracy": 0.79,
        "sub-event type macro-F1": 0.75,
    },
    "notes_world7.jsonl": {
        "country accuracy": 0.90,
        "admin1 accuracy": 0.86,
        "date accuracy": 0.90,
        "dead accuracy": 0.89,
        "event type accuracy": 0.85,
        "sub-event type macro-F1": 0.78,
    },
    "notes_world8.jsonl": {
        "country accuracy": 0.87,
        "admin1 accuracy": 0.85,
        "date accuracy": 0.87,
        "dead accuracy": 0.75,
        "event type accuracy": 0.75,
        "sub-event type macro-F1": 0.73,
    },
    "notes_world9.jsonl": {
        "country accuracy": 0.90,
        "admin1 accuracy": 0.89,
        "date accuracy": 0.93,
        "dead accuracy": 0.83,
        "event type accuracy": 0.81,
        "sub-event type macro-F1": 0.75,
    },
    "notes_world10.jsonl": {
        "country accuracy": 0.82,
        "admin1 accuracy": 0.74,
        "date accuracy": 0.92,
        "dead accuracy": 0.89,
        "event type accuracy": 0.81,
        "sub-event type macro-F1": 0.80,
    },
    "notes_world11.jsonl": {
        "country accuracy": 0.90,
        "admin1 accuracy": 0.86,
        "date accuracy": 0.89,
        "dead accuracy": 0.91,
        "event type accuracy": 0.82,
        "sub-event type macro-F1": 0.77,
    },
    "notes_world12.jsonl": {
        "country accuracy": 0.88,
        "admin1 accuracy": 0.87,
        "date accuracy": 0.91,
        "dead accuracy": 0.89,
        "event type accuracy": 0.84,
        "sub-event type macro-F1": 0.79,
    },
    "notes_world13.jsonl": {
        "country accuracy": 0.93,
        "admin1 accuracy": 0.87,
        "date accuracy": 0.96,
        "dead accuracy": 0.88,
        "event type accuracy": 0.86,
        "sub-event type macro-F1": 0.81,
    },
    "notes_world14.jsonl": {
        "country accuracy": 0.88,
        "admin1 accuracy": 0.84,
        "date accuracy": 0.87,
        "dead accuracy": 0.87,
        "event type accuracy": 0.84,
        "sub-event type macro-F1": 0.82,
    },
    "notes_world15.jsonl": {
        "country accuracy": 0.86,
        "admin1 accuracy": 0.83,
        "date accuracy": 0.89,
        "dead accuracy": 0.91,
        "event type accuracy": 0.84,
        "sub-event type macro-F1": 0.81,
    },
    "notes_world16.jsonl": {
        "country accuracy": 0.90,
        "admin1 accuracy": 0.90,
        "date accuracy": 0.96,
        "dead accuracy": 0.91,
        "event type accuracy": 0.92,
        "sub-event type macro-F1": 0.85,
    },
    "notes_world17.jsonl": {
        "country accuracy": 0.84,
        "admin1 accuracy": 0.80,
        "date accuracy": 0.90,
        "dead accuracy": 0.87,
        "event type accuracy": 0.87,
        "sub-event type macro-F1": 0.76,
    },
    "notes_world18.jsonl": {
        "country accuracy": 0.88,
        "admin1 accuracy": 0.83,
        "date accuracy": 0.89,
        "dead accuracy": 0.85,
        "event type accuracy": 0.87,
        "sub-event type macro-F1": 0.79,
    },
    "notes_world19.jsonl": {
        "country accuracy": 0.94,
        "admin1 accuracy": 0.90,
        "date accuracy": 0.93,
        "dead accuracy": 0.87,
        "event type accuracy": 0.89,
        "sub-event type macro-F1": 0.83,
    },
    "notes_world20.jsonl": {
        "country accuracy": 0.93,
        "admin1 accuracy": 0.86,
        "date accuracy": 0.95,
        "dead accuracy": 0.83,
        "event type accuracy": 0.89,
        "sub-event type macro-F1": 0.82,
    },
    "notes_world21.jsonl": {
        "country accuracy": 0.94,
        "admin1 accuracy": 0.89,
        "date accuracy": 0.91,
        "dead accuracy": 0.84,
        "event type accuracy": 0.85,
        "sub-event type macro-F1": 0.74,
    },
    "notes_eastafrica3.jsonl": {
        "country accuracy": 0.93,
        "admin1 accuracy": 0.86,
        "date accuracy": 0.93,
        "dead accuracy": 0.87,
        "event type accuracy": 0.78,
        "sub-event type macro-F1": 0.72,
    },
    "notes_eastafrica2.jsonl": {
        "country accuracy": 0.92,
        "admin1 accuracy": 0.83,
        "date accuracy": 0.95,
        "dead accuracy": 0.93,
        "event type accuracy": 0.83,
        "sub-event type macro-F1": 0.74,
    },
    "notes_eastafrica.jsonl": {
        "country accuracy": 0.91,
        "admin1 accuracy": 0.87,
        "date accuracy": 0.96,
        "dead accuracy": 0.90,
        "event type accuracy": 0.90,
        "sub-event type macro-F1": 0.82,
    },
}


@pytest.mark.parametrize("name", sorted(_FLOORS))
def test_world_notes_keep_their_floors(coder, name):
    report = evaluate(_DATA / name, coder)
    assert report.kind == "report"
    assert report.n == sum(1 for line in (_DATA / name).open() if line.strip())
    assert report.n >= 100
    floors = _FLOORS[name]
    low = {k: round(report.headline[k], 3) for k, v in floors.items() if report.headline[k] < v}
    assert not low, f"{name} below the floors {floors}: {low}"
