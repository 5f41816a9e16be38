"""The merge rule itself, without a database: keys, compatibility, clusters, representatives."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import date, timedelta

from _store_data import BALOCHISTAN, PANJGUR, event

from flashpoint.document import EventActor, EventLocation
from flashpoint.store.dedup import (
    ActorValue,
    Clusterer,
    MentionFacts,
    MergeKey,
    best_count,
    build_event,
    cluster,
    compatible,
    date_interval,
    meet,
    merge_key,
    merge_type_of,
    place_path,
)

D16 = date(2024, 1, 16)


def key(
    actor: str | None = "IRN",
    recipient: str | None = "PAK",
    lo: date | None = D16,
    hi: date | None = None,
    place: tuple[str, ...] = (),
    merge_type: str = "ASSAULT",
) -> MergeKey:
    return MergeKey(merge_type, actor, recipient, lo, hi or lo, place)


def events_of(keys: list[MergeKey]) -> set[frozenset[MergeKey]]:
    """The partition of `keys` into events."""
    groups: dict[MergeKey, set[MergeKey]] = {}
    for k, ev in cluster(keys).items():
        groups.setdefault(ev, set()).add(k)
    return {frozenset(g) for g in groups.values()}


# --- keys ----------------------------------------------------------------------------------


def test_date_interval_follows_the_precision_of_each_report() -> None:
    assert date_interval(D16, "day", None) == (D16, D16)
    assert date_interval(D16, "week", None) == (date(2024, 1, 15), date(2024, 1, 21))
    assert date_interval(D16, "month", None) == (date(2024, 1, 1), date(2024, 1, 31))
    assert date_interval(date(2024, 2, 10), "month", None) == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_interval(D16, "year", None) == (date(2024, 1, 1), date(2024, 12, 31))
    # no date in the text: the week up to publication
    assert date_interval(None, None, date(2024, 1, 18)) == (date(2024, 1, 12), date(2024, 1, 18))
    assert date_interval(None, None, None) is None


def test_place_path_nests_city_in_admin1_in_country() -> None:
    assert place_path(PANJGUR) == ("PAK", "balochistan", "panjgur")
    assert place_path(BALOCHISTAN) == ("PAK", "balochistan")
    assert place_path(EventLocation(name="Pakistan", country="PAK", precision="country")) == (
        "PAK",
    )
    assert place_path(EventLocation(text="somewhere", name=None, country=None)) == ()
    assert place_path(None) == ()


def test_merge_key_of_an_event() -> None:
    k = merge_key(event("a", location=PANJGUR))
    assert k == MergeKey("ASSAULT", "IRN", "PAK", D16, D16, ("PAK", "balochistan", "panjgur"))
    nameless = EventActor(text="gunmen", name=None, country=None, sector="REB")
    group = EventActor(text="the Baluch Liberation Army", name="Baluch Liberation Army")
    assert merge_key(event("b", actor=nameless)).actor is None
    assert merge_key(event("c", actor=group)).actor == "name:baluch liberation army"


def test_negated_future_and_hypothetical_reports_are_different_claims() -> None:
    assert merge_type_of("ASSAULT", ["historical"]) == "ASSAULT"
    assert merge_type_of("ASSAULT", ["future", "negation"]) == "ASSAULT|future|negation"
    threat = merge_key(event("a", aux=["future"]))
    assert not compatible(threat, merge_key(event("b")))


def test_year_precision_and_undatable_reports_are_too_vague_to_merge() -> None:
    assert not key(lo=date(2024, 1, 1), hi=date(2024, 12, 31)).narrow
    assert key(lo=date(2024, 1, 1), hi=date(2024, 1, 31)).narrow
    vague = key(lo=None)
    assert not vague.narrow
    assert compatible(vague, key(lo=None)) and not compatible(vague, key())


def test_event_id_is_a_stable_hash_of_the_key() -> None:
    assert key().event_id == key().event_id
    assert key().event_id != key(place=("PAK",)).event_id
    assert key().event_id.startswith("ev_") and len(key().event_id) == 23


# --- compatibility and meets --------------------------------------------------------------


def test_compatible_needs_agreeing_parties_overlapping_dates_and_nested_places() -> None:
    base = key(place=("PAK", "balochistan"))
    assert compatible(base, key(place=("PAK", "balochistan", "panjgur")))
    assert compatible(base, key(actor=None, place=()))
    assert compatible(base, key(lo=date(2024, 1, 15), hi=date(2024, 1, 21)))
    assert not compatible(base, key(actor="IRQ"))
    assert not compatible(base, key(recipient="AFG"))
    assert not compatible(base, key(lo=date(2024, 1, 17)))
    assert not compatible(base, key(place=("PAK", "punjab")))
    assert not compatible(base, key(merge_type="PROTEST"))


def test_meet_combines_what_every_report_says() -> None:
    m = meet(
        [
            key(actor=None, place=("PAK", "balochistan", "panjgur")),
            key(recipient=None, lo=date(2024, 1, 15), hi=date(2024, 1, 21)),
            key(place=("PAK",)),
        ]
    )
    assert m == key(place=("PAK", "balochistan", "panjgur"))
    assert meet([key(), key(actor="IRQ")]) is None
    assert meet([key(place=("PAK", "punjab")), key(place=("PAK", "balochistan"))]) is None


# --- clustering ------------------------------------------------------------------------------

WEEK = (date(2024, 1, 15), date(2024, 1, 21))


def test_reports_with_complementary_details_merge() -> None:
    keys = [
        key(place=("PAK", "balochistan")),
        key(place=("PAK", "balochistan", "panjgur")),
        key(actor=None),
        key(lo=WEEK[0], hi=WEEK[1]),
    ]
    assert events_of(keys) == {frozenset(keys)}
    assert len({cluster(keys)[k] for k in keys}) == 1


def test_a_date_taken_from_the_publication_day_allows_two_days_either_side() -> None:
    # "Iranian missiles struck Pakistan" in an article of 18 January, no date words
    undated_text = replace(
        event("late", pub=date(2024, 1, 18), when=date(2024, 1, 18)), date_span=None
    )
    late = merge_key(undated_text)
    assert (late.lo, late.hi) == (date(2024, 1, 16), date(2024, 1, 20))
    tuesday = merge_key(event("tue"))  # "on Tuesday": 16 January, said in the text
    assert compatible(late, tuesday)
    assert events_of([late, tuesday]) == {frozenset({late, tuesday})}
    assert meet([late, tuesday]) == tuesday
    # three days off is another strike; a date the text gave is not widened
    assert not compatible(late, merge_key(event("mon", when=date(2024, 1, 15))))
    said = merge_key(event("said", pub=date(2024, 1, 18), when=date(2024, 1, 18)))
    assert (said.lo, said.hi) == (date(2024, 1, 18), date(2024, 1, 18))
    assert not compatible(said, tuesday)


def test_reports_whose_parties_conflict_never_merge() -> None:
    iran_struck = key(actor="IRN", recipient=None)  # "Iran struck ..."
    struck_iran = key(actor=None, recipient="IRN")  # "... struck Iran"
    assert not compatible(iran_struck, struck_iran)
    assert meet([iran_struck, struck_iran]) is None
    assert events_of([iran_struck, struck_iran]) == {
        frozenset({iran_struck}),
        frozenset({struck_iran}),
    }
    assert not compatible(key(), key(actor="PAK", recipient="IRN"))  # the other direction
    # one country on both sides, said by a report (police against protesters at home)
    domestic = key(actor="IRN", recipient="IRN")
    assert compatible(domestic, struck_iran) and compatible(domestic, iran_struck)
    assert meet([domestic, struck_iran, iran_struck]) == domestic


def test_a_vague_report_never_chains_two_events() -> None:
    monday, friday = key(lo=date(2024, 1, 15)), key(lo=date(2024, 1, 19))
    this_week = key(lo=WEEK[0], hi=WEEK[1])
    assert events_of([monday, friday, this_week]) == {
        frozenset({monday}),
        frozenset({friday}),
        frozenset({this_week}),
    }


def test_an_ambiguous_report_stays_alone_and_the_others_keep_their_events() -> None:
    baloch = key(place=("PAK", "balochistan"))
    punjab = key(place=("PAK", "punjab"))
    unplaced = key()
    panjgur = key(place=("PAK", "balochistan", "panjgur"))
    assert events_of([baloch, punjab, unplaced, panjgur]) == {
        frozenset({baloch, panjgur}),
        frozenset({punjab}),
        frozenset({unplaced}),
    }


def test_different_days_dyads_and_types_stay_apart() -> None:
    keys = [
        key(),
        key(lo=date(2024, 1, 17)),
        key(actor="PAK", recipient="IRN"),
        key(merge_type="PROTEST"),
    ]
    assert len(events_of(keys)) == 4


def random_keys(rng: random.Random, n: int, days: int = 70) -> list[MergeKey]:
    """Keys drawn from a small world, so that many of them collide and overlap."""
    places = [
        (),
        ("PAK",),
        ("PAK", "balochistan"),
        ("PAK", "balochistan", "panjgur"),
        ("PAK", "punjab"),
        ("IRN",),
    ]
    out = []
    start = date(2024, 1, 1)
    for _ in range(n):
        day = start + timedelta(days=rng.randrange(days))
        precision = rng.choice(["day", "day", "day", "week", "month", "undated", "year"])
        interval = date_interval(
            None if precision == "undated" else day,
            None if precision == "undated" else precision,
            day,
        )
        assert interval is not None
        out.append(
            MergeKey(
                rng.choice(["ASSAULT", "ASSAULT", "PROTEST"]),
                rng.choice(["IRN", "IRN", "PAK", None]),
                rng.choice(["PAK", "PAK", "IRN", None]),
                interval[0],
                interval[1],
                rng.choice(places),
            )
        )
    return out


def test_clusters_are_cliques_with_a_meet_and_a_partition() -> None:
    rng = random.Random(7)
    keys = random_keys(rng, 300)
    result = cluster(keys)
    for group in events_of(keys):
        assert all(compatible(a, b) for a, b in itertools.combinations(group, 2))
        m = meet(group)
        assert m is not None and all(result[k] == m for k in group)


def test_clustering_is_a_function_of_the_set_whatever_the_order() -> None:
    rng = random.Random(11)
    keys = random_keys(rng, 200)
    reference = cluster(keys)
    for _ in range(5):
        shuffled = keys[:]
        rng.shuffle(shuffled)
        assert cluster(shuffled) == reference


def test_local_context_gives_the_same_events_as_the_whole_set() -> None:
    """What the store relies on: a key's event needs only the keys within a month of it."""
    rng = random.Random(3)
    keys = random_keys(rng, 400, days=200)
    reference = cluster(keys)
    margin = timedelta(days=31)
    for k in rng.sample([k for k in keys if k.narrow], 60):
        assert k.lo is not None and k.hi is not None
        near = [
            c
            for c in keys
            if c.narrow
            and c.lo is not None
            and c.hi is not None
            and c.hi >= k.lo - margin
            and c.lo <= k.hi + margin
        ]
        assert Clusterer(near).event_key(k) == reference[k]


# --- the representative --------------------------------------------------------------------


def facts(mention_id: str, doc_id: str, pub: date, k: MergeKey, **kw: object) -> MentionFacts:
    return MentionFacts(
        mention_id=mention_id,
        doc_id=doc_id,
        ordinal=0,
        key=k,
        event_type="ASSAULT",
        pub_date=pub,
        **kw,
    )  # type: ignore[arg-type]


def test_best_count_is_the_most_reported_value_ties_to_the_lowest() -> None:
    assert best_count([2, 2, 3]) == 2
    assert best_count([7, 9, 9, 7, 8]) == 7
    assert best_count([5]) == 5
    assert best_count([]) is None


def test_build_event_keeps_every_count_with_its_source() -> None:
    k = key(place=("PAK", "balochistan"))
    ms = [
        facts(
            "m1",
            "a1",
            date(2024, 1, 16),
            k,
            counts={"dead": 2},
            outlet="reuters.com",
            mode="aerial",
            actor=ActorValue("Iran", "IRN", None),
        ),
        facts(
            "m2",
            "a2",
            date(2024, 1, 17),
            key(),
            counts={"dead": 3, "injured": 3},
            outlet="dawn.com",
            mode="missile",
            actor=ActorValue("Iran", "IRN", "MIL"),
        ),
        facts(
            "m3",
            "a3",
            date(2024, 1, 18),
            key(),
            counts={"dead": 2},
            outlet="dawn.com",
            mode="aerial",
            actor=ActorValue("Iranian forces", "IRN", "MIL"),
        ),
    ]
    ev = build_event("ev_x", list(reversed(ms)))
    assert ev.counts == {"dead": 2, "injured": 3, "arrested": None}
    assert [r["value"] for r in ev.count_reports["dead"]] == [2, 3, 2]
    assert [r["source"] for r in ev.count_reports["dead"]] == [
        "reuters.com",
        "dawn.com",
        "dawn.com",
    ]
    assert (ev.num_mentions, ev.num_articles, ev.num_sources) == (3, 3, 2)
    assert (ev.first_reported, ev.last_reported) == (date(2024, 1, 16), date(2024, 1, 18))
    assert ev.mode == "aerial"
    # names and sectors: the most-reported value, ties to the earliest report
    assert ev.actor == ActorValue("Iran", "IRN", "MIL")
    assert ev.key == k and ev.rep_doc_id == "a1"  # the innermost place


def test_build_event_ignores_the_order_of_its_mentions() -> None:
    rng = random.Random(5)
    ms = [
        facts(
            f"m{i}",
            f"a{i % 4}",
            date(2024, 1, 16 + i % 3),
            key(),
            counts={"dead": rng.choice([1, 2, 3])},
            mode=rng.choice(["aerial", None]),
        )
        for i in range(9)
    ]
    first = build_event("ev_x", ms)
    for _ in range(5):
        rng.shuffle(ms)
        assert build_event("ev_x", ms) == first
