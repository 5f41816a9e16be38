"""CLI commands: evaluate (placeholder until they land)."""
