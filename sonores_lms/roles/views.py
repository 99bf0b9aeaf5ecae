"""What each role may do: the permissions declared by the core and the enabled plugins."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, render_template
from flask_babel import lazy_gettext as _l

from ..navigation import NavItem
from ..permissions import MANAGE_SETTINGS, Role, requires
from ..signals import nav_items

bp = Blueprint("roles", __name__, url_prefix="/admin/roles")


@nav_items.connect
def _nav(_sender: Any) -> NavItem:
    return NavItem("roles.overview", _l("Roles"), weight=80, section="admin", permission=MANAGE_SETTINGS.name)


@bp.route("/")
@requires(MANAGE_SETTINGS)
def overview() -> str:
    registry = current_app.extensions["sonores"]
    titles = {"core": _l("Core")} | {name: plugin.title for name, plugin in registry.plugins.items()}
    groups = [
        (titles.get(owner, owner), [p for p in registry.permissions.values() if p.prefix == owner]) for owner in titles
    ]
    return render_template("roles/overview.html", groups=[g for g in groups if g[1]], roles=list(Role))
