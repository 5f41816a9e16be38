"""The events stage: triggers, roles, modes, auxiliary modes and ACLED labels."""

from flashpoint.stages.events.stage import EventStage, event_id

__all__ = ["EventStage", "event_id"]
