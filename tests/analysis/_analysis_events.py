"""Hand-built event records for the analysis tests (no coder, no store)."""

from __future__ import annotations

from typing import Any

# PLOVER intensities of the types used here (docs/event-schema.md).
INTENSITY = {
    "CONSULT": 2.5,
    "AGREE": 2.5,
    "AID": 10.0,
    "ACCUSE": -3.0,
    "THREATEN": -3.5,
    "SANCTION": -6.0,
    "ASSAULT": -9.0,
}
QUAD = {"CONSULT": 1, "AGREE": 1, "AID": 2, "ACCUSE": 3, "THREATEN": 3, "SANCTION": 4, "ASSAULT": 4}


def ev(
    n: int,
    day: str,
    event_type: str,
    actor: str | None,
    recipient: str | None,
    dead: int | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A flat event row as the store's to_pandas() gives it."""
    row: dict[str, Any] = {
        "event_id": f"ev_{n:03d}",
        "date": day,
        "event_type": event_type,
        "quad_code": QUAD[event_type],
        "intensity": INTENSITY[event_type],
        "actor_country": actor,
        "recipient_country": recipient,
        "dead": dead,
    }
    row.update(extra)
    return row


def tit_for_tat() -> list[dict[str, Any]]:
    """An invented week of strikes between Iran and Pakistan, with talk before and after,
    and unrelated events around it."""
    return [
        ev(1, "2023-12-15", "CONSULT", "IRN", "PAK"),
        ev(
            2,
            "2024-01-16",
            "ASSAULT",
            "IRN",
            "PAK",
            dead=2,
            mode="aerial",
            latitude=28.5,
            longitude=65.5,
            location_name="Balochistan",
        ),
        ev(3, "2024-01-16", "ACCUSE", "PAK", "IRN"),
        ev(4, "2024-01-17", "SANCTION", "PAK", "IRN"),
        ev(
            5,
            "2024-01-18",
            "ASSAULT",
            "PAK",
            "IRN",
            dead=9,
            mode="aerial",
            latitude=27.2,
            longitude=60.9,
            location_name="Sistan and Baluchestan",
        ),
        ev(
            6,
            "2024-01-19",
            "ASSAULT",
            "IRN",
            "PAK",
            latitude=26.97,
            longitude=64.09,
            location_name="Panjgur",
        ),
        ev(7, "2024-01-22", "AGREE", "IRN", "PAK"),
        ev(8, "2024-01-15", "ASSAULT", "IRN", "IRQ", dead=4),
        ev(9, "2024-01-19", "ACCUSE", "CHN", "USA"),
        ev(10, "2024-01-20", "AID", "USA", "PAK"),
    ]
