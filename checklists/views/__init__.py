"""Routes of the checklists plugin, one module per area; importing them registers them on the blueprint."""

from __future__ import annotations

from typing import Any

from . import audits, results

AREAS = (audits, results)


def connect(plugin: Any) -> None:
    for area in AREAS:
        area.connect(plugin)
