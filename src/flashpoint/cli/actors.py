"""CLI commands: actors (placeholder until they land)."""
