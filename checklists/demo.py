"""Demo data of the checklists plugin: the 2027 template from ``demo_content/``, idempotent by natural keys."""

from __future__ import annotations


def load_demo() -> None:
    from .demo_data import load

    load()
