"""Read and write run-time settings; every key must have a declared default."""

from __future__ import annotations

from typing import Any

from flask import current_app, g

from ..extensions import db
from .models import Setting

CORE_SETTINGS: dict[str, Any] = {
    "core.default_timezone": "America/Bogota",
    "core.network_name": "Alliances sonores",
}


def _defaults() -> dict[str, Any]:
    return current_app.extensions["sonores"].settings_defaults


def get_setting(key: str) -> Any:
    """The stored value, else the declared default; cached for the request."""
    defaults = _defaults()
    if key not in defaults:
        raise KeyError(f"Undeclared setting {key!r}")
    cache: dict[str, Any] = g.setdefault("_sonores_settings", {})
    if key not in cache:
        row = db.session.get(Setting, key)
        cache[key] = row.value if row is not None else defaults[key]
    return cache[key]


def set_setting(key: str, value: Any, *, actor: Any) -> None:
    from ..audit.services import record

    if key not in _defaults():
        raise KeyError(f"Undeclared setting {key!r}")
    row = db.session.get(Setting, key)
    old = row.value if row is not None else _defaults()[key]
    if row is None:
        row = Setting(key=key, value=value)
        db.session.add(row)
    row.value = value
    row.updated_by_id = actor.id if actor is not None else None
    db.session.flush()
    g.pop("_sonores_settings", None)
    record("core.setting-changed", actor=actor, target_label=key, details={"old": old, "new": value})
