"""What the job consumer runs: ``huey_consumer sonores_lms.worker.huey``.

Huey finds a task by its name in the process that runs it, so the consumer must have imported every module that
declares tasks. The core's ``jobs`` module cannot import the plugins (they import it), and the app factory imports
no job module (that would open the queue): here every installed plugin's ``<name>.jobs`` module, when it has one,
is imported before the consumer starts.
"""

from __future__ import annotations

import importlib
import importlib.util

from .jobs import huey
from .plugins import discover

for _name in discover():
    if importlib.util.find_spec(f"{_name}.jobs") is not None:
        importlib.import_module(f"{_name}.jobs")

__all__ = ["huey"]
