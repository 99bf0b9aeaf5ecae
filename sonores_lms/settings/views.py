"""Routes of the settings pages: the network-wide values admins change at run time."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from ..navigation import NavItem
from ..permissions import MANAGE_SETTINGS, requires
from ..signals import nav_items
from .forms import NetworkSettingsForm
from .store import get_setting, set_setting

bp = Blueprint("settings", __name__, url_prefix="/admin/settings")

# Form field -> setting key.
FIELDS = {"network_name": "core.network_name", "default_timezone": "core.default_timezone"}


@nav_items.connect
def _nav(_sender: Any) -> NavItem:
    return NavItem(
        "settings.network", _l("Network settings"), weight=90, section="admin", permission=MANAGE_SETTINGS.name
    )


@bp.route("/", methods=["GET", "POST"])
@requires(MANAGE_SETTINGS)
def network() -> str | Response:
    form = NetworkSettingsForm()
    if not form.is_submitted():
        for name, key in FIELDS.items():
            form[name].data = get_setting(key)
    if form.validate_on_submit():
        changed = 0
        for name, key in FIELDS.items():
            value = form[name].data
            if value != get_setting(key):  # only real changes reach the audit log
                set_setting(key, value, actor=current_user._get_current_object())
                changed += 1
        if changed:
            flash(_("The settings are saved."), "success")
        else:
            flash(_("Nothing changed."), "info")
        return redirect(url_for("settings.network"))
    return render_template("settings/network.html", form=form)
