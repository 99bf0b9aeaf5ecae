"""Where Alembic finds the revisions: one history, one branch per plugin.

The core's revisions live in ``migrations/versions/`` (branch ``core``; 0001 to 0006 also created the courses
tables, before plugins had branches of their own). Each plugin's revisions live in its own package, in
``<plugin>/migrations/``, and form a branch labelled with the plugin's name whose first revision has no parent and
depends on the core revision it needs. Two plugins written in parallel therefore never compete for the next number,
and ``flask db upgrade courses@head`` upgrades one plugin (and the core revisions it depends on) alone.
``flask db upgrade heads`` upgrades everything.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent
CORE_VERSIONS = ROOT / "migrations" / "versions"
CORE_BRANCH = "core"
PLUGIN_VERSIONS = "migrations"  # the folder, inside a plugin's package, that holds its revisions
ALL_HEADS = "heads"


def plugin_versions(name: str) -> Path | None:
    """The folder of ``name``'s revisions, when the plugin has any."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / PLUGIN_VERSIONS
    return folder if folder.is_dir() else None


def version_locations(plugins: Iterable[str]) -> list[Path]:
    """The core's folder, then each plugin's (in the order given) that exists."""
    folders = [CORE_VERSIONS]
    for name in plugins:
        folder = plugin_versions(name)
        if folder is not None:
            folders.append(folder)
    return folders


def configure_alembic(config: Config) -> Config:
    """Point Alembic at the core's revisions and those of every installed plugin, enabled here or not (the schema
    is one history: a plugin disabled today keeps its tables upgraded for the day it is enabled again)."""
    from .plugins import installed_names

    folders = version_locations(installed_names())
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(str(folder) for folder in folders))
    return config
