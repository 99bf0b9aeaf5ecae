"""The catalogue and learning: course pages, enrolment, lessons, progress, sequencing."""

from __future__ import annotations

from typing import Any

from ..blueprint import blueprint  # noqa: F401


def connect(plugin: Any) -> None:
    """Connect this area's signal receivers (navigation, dashboard widgets, ...) through ``plugin.connect``."""
