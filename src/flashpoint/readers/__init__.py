"""Readers: one module per input format. They do the I/O; the stages compute."""
