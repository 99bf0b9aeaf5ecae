"""Demo content of the courses plugin: a 2027 plan and learners at various stages."""

from __future__ import annotations


def load_demo() -> None:
    """Idempotent: a second run changes nothing."""
