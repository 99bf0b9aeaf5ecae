"""Progress reports with CSV and XLSX exports, and the offline lesson pack (HTML and PDF)."""

from __future__ import annotations

from typing import Any

from ..blueprint import blueprint  # noqa: F401


def connect(plugin: Any) -> None:
    """Connect this area's signal receivers (navigation, dashboard widgets, ...) through ``plugin.connect``."""
