"""Routes of the checklists plugin, one module per area; importing them registers them on the blueprint."""

from __future__ import annotations

from typing import Any

from . import actions, audits, campaigns, network, results, templates_admin

AREAS = (audits, results, actions, campaigns, templates_admin, network)


def connect(plugin: Any) -> None:
    for area in AREAS:
        area.connect(plugin)
