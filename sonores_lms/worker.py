"""What the job consumer runs: ``huey_consumer sonores_lms.worker.huey``.

Huey finds a task by its name in the process that runs it, so the consumer must have imported every module that
declares tasks. The core's ``jobs`` module cannot import the plugins (they import it): here every installed
plugin's ``<name>.jobs`` module, when it has one, is imported, and then the Huey object is created with every
declared task registered on it. A plugin installed but not enabled in ``SONORES_PLUGINS`` has its tasks registered
too, so that a job queued before a change of configuration is recognised; its body is skipped (``Plugin.task``).
"""

from __future__ import annotations

import importlib
import importlib.util

from .jobs import get_huey
from .plugins import discover

for _name in discover():
    if importlib.util.find_spec(f"{_name}.jobs") is not None:
        importlib.import_module(f"{_name}.jobs")

huey = get_huey()

__all__ = ["huey"]
