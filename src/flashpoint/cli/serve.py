"""CLI commands: serve (placeholder until they land)."""
