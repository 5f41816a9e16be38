"""320 invented news sentences, 20 per PLOVER type, written blind to the coder's rules on
3 December 2026 (tests/data/plover_invented.jsonl): main events embedded in reported speech,
passives and nominalisations, modality and negation that change the type, a second event in
passing. Scored before anything was tuned to them: top-1 type 0.734, macro-F1 0.785. The
floor sits 0.03 below today's figure over the whole set, so a regression shows.

A second set of 320 wire-style sentences (tests/data/plover_invented2.jsonl), written blind
later that day with attributions, titles and background clauses, scored 0.659 top-1 (macro
0.689) when it was written; its tuning half was studied after that (whole set 0.781).

A third set of 320 (tests/data/plover_invented3.jsonl), written blind in the evening of 3
December 2026 with deliberately varied verbs (at most two sentences per type share a main
verb), background clauses, and modality, scored 0.678 top-1 (macro 0.735) when it was
written.

A fourth set of 320 wire sentences (tests/data/plover_invented4.jsonl), written blind on
4 December 2026 with varied verbs, phrasal verbs and nominalisations across all regions,
scored 0.756 top-1 (macro 0.801) when it was written; its tuning half was studied after.

A fifth set of 320 (tests/data/plover_invented5.jsonl), written blind by a helper on
4 December 2026 (every region, varied verbs, conditionals, a second event in passing), scored
0.703 top-1 (macro 0.738) when it was written; its tuning half was studied after.

A sixth set of 192 (tests/data/plover_invented6.jsonl), 12 per type, written blind by a
helper on 5 December 2026 (every region, varied verbs, reported speech and a second event
in passing), scored 0.698 top-1 (macro 0.719) when it was written; its tuning half was
studied after.

A seventh set of 192 (tests/data/plover_invented7.jsonl), 12 per type, written blind by a
helper on 6 December 2026 (112 countries, idioms, nominalisations, passives, a background
event in passing), scored 0.844 top-1 (macro 0.859) when it was written. Its labels follow
the helper's brief, which put signing an agreement under AGREE; PLOVER puts signing,
ratifying or finalising one under SUPPORT (promising to sign is AGREE), and so does the
coder.

An eighth set of 192 (tests/data/plover_invented8.jsonl), 12 per type, written blind by a
helper on the evening of 6 December 2026 (about 130 countries, a second event named in
passing, negation, passives, headline style), scored 0.833 top-1 (macro 0.852) when it was
written.

A ninth set of 192 (tests/data/plover_invented9.jsonl), 12 per type, written blind by a
helper late on 7 December 2026 from the schema and the PLOVER manual's definitions (a
background event in a clause, participle or nominalisation, negation and failure, rarer
words per type), scored 0.807 top-1 (macro 0.844) at cee6090.

A tenth set of 192 (tests/data/plover_invented10.jsonl), 12 per type, written blind by a
helper on 7 December 2026 (about 110 countries, a different main verb for each sentence of a
type, phrasal verbs, nominalisations, conditionals, a background event in passing), scored
0.844 top-1 (macro 0.876) at 2a77e62.

An eleventh set of 192 (tests/data/plover_invented11.jsonl), 12 per type, written blind by a
helper on the evening of 7 December 2026 as harder wire copy (20 to 45 words, the event in
reported speech or a subordinate clause, a second event that is not the main one, noun-phrase
events, negation and modality), scored 0.750 top-1 (macro 0.760) at c4a6441. Its brief put
abduction, crowd dispersal and release under other types than PLOVER's schema does (ASSAULT
abduct and crowd-control, RETREAT release), as the coder does; those lines keep their
helper's labels.

A twelfth set of 192 (tests/data/plover_invented12.jsonl), 12 per type, written blind by a
helper from the schema's definitions in the session of 7 December 2026 afternoon (long wire
sentences with a subordinate event, reported speech, negation, passives, reduced relatives,
nominal events, modality), scored 0.854 top-1 (macro 0.868) at d9ce510.

A thirteenth set of 192 (tests/data/plover_invented13.jsonl), 12 per type, written blind by a
helper on the evening of 7 December 2026 (wire sentences of 25 to 40 words from about 100
countries, half with a background event of another type in an "after", "amid" or participle
clause, nominalisations, negation and modality), scored 0.781 top-1 (macro 0.793) at 864df81
before any tuning. Its brief put signing an agreement and recognising a state under AGREE
and SUPPORT as a reader might, where the PLOVER dev gold codes signing as SUPPORT, as the
coder does; those lines keep their helper's labels.

A fourteenth set of 192 (tests/data/plover_invented14.jsonl), 12 per type, written blind by
a helper in the late evening of 7 December 2026 (wire sentences of 20 to 45 words from about
90 countries, half with a background event of another type in passing), scored 0.807 top-1
(macro 0.833) at 6ff1501 before any tuning. Its brief, like the thirteenth's, codes signing
as AGREE and future aid as AID where the coder follows the dev gold and the issue (SUPPORT,
AGREE); those lines keep their helper's labels.

A fifteenth set of 192 (tests/data/plover_invented15.jsonl), 12 per type as written, by a
helper on 8 December 2026 (wire sentences from about 120 countries, half with a background
event, uncommon verbs, passives or nominal reports). Its brief put releasing prisoners and
resigning under CONCEDE where the schema makes release and resign RETREAT modes; those five
lines were relabelled RETREAT (their note says so) before any scoring. Scored at 26bf83b
before any tuning: 0.891 top-1 (macro 0.904)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.evaluate import evaluate

_DATA = Path(__file__).parent / "data"
# each blind set and its floors (about 0.03 below the whole set's figure when set)
_FLOORS = {
    "plover_invented.jsonl": {"top-1 event-type accuracy": 0.70, "event-type macro-F1": 0.75},
    "plover_invented2.jsonl": {"top-1 event-type accuracy": 0.75, "event-type macro-F1": 0.77},
    "plover_invented3.jsonl": {"top-1 event-type accuracy": 0.74, "event-type macro-F1": 0.78},
    "plover_invented4.jsonl": {"top-1 event-type accuracy": 0.81, "event-type macro-F1": 0.84},
    "plover_invented5.jsonl": {"top-1 event-type accuracy": 0.77, "event-type macro-F1": 0.79},
    "plover_invented6.jsonl": {"top-1 event-type accuracy": 0.67, "event-type macro-F1": 0.69},
    "plover_invented7.jsonl": {"top-1 event-type accuracy": 0.81, "event-type macro-F1": 0.82},
    "plover_invented8.jsonl": {"top-1 event-type accuracy": 0.80, "event-type macro-F1": 0.82},
    "plover_invented9.jsonl": {"top-1 event-type accuracy": 0.77, "event-type macro-F1": 0.81},
    "plover_invented10.jsonl": {"top-1 event-type accuracy": 0.81, "event-type macro-F1": 0.84},
    "plover_invented11.jsonl": {"top-1 event-type accuracy": 0.74, "event-type macro-F1": 0.75},
    "plover_invented12.jsonl": {"top-1 event-type accuracy": 0.82, "event-type macro-F1": 0.83},
    "plover_invented13.jsonl": {"top-1 event-type accuracy": 0.78, "event-type macro-F1": 0.79},
    "plover_invented14.jsonl": {"top-1 event-type accuracy": 0.78, "event-type macro-F1": 0.80},
    "plover_invented15.jsonl": {"top-1 event-type accuracy": 0.86, "event-type macro-F1": 0.87},
}


@pytest.mark.parametrize("name", sorted(_FLOORS))
def test_the_invented_plover_sets_keep_their_floors(coder, name) -> None:
    report = evaluate(_DATA / name, coder)
    assert report.kind == "sentence"
    assert report.n == sum(1 for line in (_DATA / name).open() if line.strip()) >= 192
    floors = _FLOORS[name]
    low = {k: round(report.headline[k], 3) for k, v in floors.items() if report.headline[k] < v}
    assert not low, f"{name} below the floors {floors}: {low}"
