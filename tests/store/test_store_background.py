"""Running totals and background mentions in the store (both backends): an event every
report of which is flagged `aggregate` or `background` keeps the flag, and is left out of
`events()` (and what reads through it) unless asked for."""

from __future__ import annotations

from datetime import date

from _store_data import event, item

from flashpoint.store import SQLStore
from flashpoint.store.query import EventFilter

pytest_plugins = ["_store_fixtures"]


def _write_three(store: SQLStore) -> None:
    store.write(
        [
            item("strike", event("strike", dead=2)),
            item("total", event("total", when=date(2024, 1, 18), dead=5000, aux=["aggregate"])),
            item(
                "history",
                event("history", when=date(1998, 1, 1), precision="year", aux=["background"]),
            ),
        ]
    )


def test_flagged_events_are_left_out_by_default(store: SQLStore) -> None:
    _write_three(store)
    assert [e.dead for e in store.events()] == [2]


def test_an_explicit_option_keeps_them_with_their_flags(store: SQLStore) -> None:
    _write_three(store)
    events = store.events(include_background=True)
    assert sorted(tuple(e.aux) for e in events) == [(), ("aggregate",), ("background",)]
    assert len(store.events(EventFilter(background=True))) == 3


def test_one_plain_report_makes_the_event_plain(store: SQLStore) -> None:
    # the same strike told once as background and once as news is news
    store.write(
        [
            item("a", event("a", aux=["background"])),
            item("b", event("b", pub=date(2024, 1, 17))),
        ]
    )
    (merged,) = store.events()
    assert merged.aux == ()
