"""Routes of the certificates plugin, one module per area; importing them registers them on the blueprint."""

from __future__ import annotations

from typing import Any

from . import admin, badges, designs, learners, runs, verify

AREAS = (verify, badges, learners, admin, designs, runs)


def connect(plugin: Any) -> None:
    for area in AREAS:
        area.connect(plugin)
