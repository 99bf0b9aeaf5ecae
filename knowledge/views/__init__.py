"""Routes of the knowledge plugin, one module per area; importing them registers them on the blueprint."""

from __future__ import annotations

from . import curators, filters, network, resources
from .widgets import widget

__all__ = ["curators", "filters", "network", "resources", "widget"]
