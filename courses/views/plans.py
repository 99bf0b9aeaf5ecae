"""The annual plan: axes, revisions, publishing, copying to next year, targets, planned vs delivered."""

from __future__ import annotations

from typing import Any

from ..blueprint import blueprint  # noqa: F401


def connect(plugin: Any) -> None:
    """Connect this area's signal receivers (navigation, dashboard widgets, ...) through ``plugin.connect``."""
