"""CLI commands: code (placeholder until they land)."""
