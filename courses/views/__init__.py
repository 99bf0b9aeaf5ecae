"""Routes of the courses plugin, one module per area; importing them registers them on the blueprint."""

from __future__ import annotations

from typing import Any

from . import authoring, learning, offline, plans, reports

AREAS = (plans, authoring, learning, reports, offline)


def connect(plugin: Any) -> None:
    for area in AREAS:
        area.connect(plugin)
