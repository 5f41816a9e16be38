"""CLI commands: store (placeholder until they land)."""
