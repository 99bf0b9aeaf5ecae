"""Home, dashboard and the language switch."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from ..config import LANGUAGES
from ..extensions import db
from ..i18n import LANGUAGE_COOKIE
from ..navigation import NavItem, widgets_for
from ..permissions import public, signed_in
from ..security import safe_next
from ..signals import nav_items
from . import widgets  # noqa: F401 - connects the core dashboard widget

bp = Blueprint("main", __name__)


@nav_items.connect
def _nav(_sender: Any) -> list[NavItem]:
    return [NavItem("main.dashboard", _l("Dashboard"), weight=0)]


@bp.route("/")
@public
def index() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    return render_template("core/index.html")


@bp.route("/dashboard")
@signed_in
def dashboard() -> str:
    return render_template("core/dashboard.html", widgets=widgets_for(current_user))


@bp.route("/language", methods=["POST"])
@public
def set_language() -> Response:
    """Remember the language: in the profile when signed in, in a cookie in any case."""
    language = request.form.get("language", "")
    if language not in LANGUAGES:
        abort(400)
    if current_user.is_authenticated and current_user.locale != language:
        current_user.locale = language
        db.session.flush()
    response = redirect(safe_next(request.form.get("next"), url_for("main.index")))
    response.set_cookie(
        LANGUAGE_COOKIE,
        language,
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure,
    )
    return response
