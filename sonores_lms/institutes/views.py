"""Routes of the institutes pages: list, create, edit, activate and deactivate."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from ..extensions import db
from ..forms import ConfirmForm
from ..navigation import NavItem
from ..pagination import page_arg
from ..permissions import requires
from ..signals import nav_items
from .choices import country_names, language_names
from .forms import InstituteFilterForm, InstituteForm
from .models import Institute
from .queries import institutes_page
from .services import InstituteError, create_institute, set_institute_active, update_institute

bp = Blueprint("institutes", __name__, url_prefix="/admin/institutes")
PERMISSION = "core.manage-institutes"


@nav_items.connect
def _nav(_sender: Any) -> list[NavItem]:
    return [NavItem("institutes.index", _l("Institutes"), weight=20, section="admin", permission=PERMISSION)]


@bp.route("/")
@requires(PERMISSION)
def index() -> str:
    filters = InstituteFilterForm(request.args)
    country = filters.country.data if filters.country.data in country_names() else None
    active = {"yes": True, "no": False}.get(filters.active.data or "")
    page, counts = institutes_page(page=page_arg(), country=country, active=active)
    args = {key: value for key, value in {"country": country, "active": filters.active.data}.items() if value}
    return render_template(
        "institutes/index.html",
        page=page,
        counts=counts,
        args=args,
        filters=filters,
        countries=country_names(),
        languages=language_names(),
    )


def _values(form: InstituteForm) -> dict[str, Any]:
    return {
        "kind": form.kind.data,
        "name": form.name.data or "",
        "country": form.country.data or "",
        "city": form.city.data or "",
        "timezone": form.timezone.data or "",
        "languages": form.languages.data or [],
        "active": form.active.data,
    }


def _report(form: InstituteForm, error: InstituteError) -> None:
    if error.field == "name":
        form.name.errors = [_("An institute with this name already exists in this country.")]
    elif error.field == "timezone":
        form.timezone.errors = [_("Choose a time zone from the list.")]
    else:
        form.country.errors = [_("Choose a country from the list.")]


@bp.route("/new", methods=["GET", "POST"])
@requires(PERMISSION)
def create() -> str | Response:
    form = InstituteForm()
    if form.validate_on_submit():
        try:
            institute = create_institute(actor=current_user, **_values(form))
        except InstituteError as error:
            _report(form, error)
        else:
            flash(_("The institute %(name)s is created.", name=institute.name), "success")
            return redirect(url_for("institutes.index"))
    return render_template("institutes/form.html", form=form, institute=None)


@bp.route("/<int:institute_id>/edit", methods=["GET", "POST"])
@requires(PERMISSION)
def edit(institute_id: int) -> str | Response:
    institute = db.get_or_404(Institute, institute_id)
    form = InstituteForm(obj=institute)
    if not form.is_submitted():
        form.kind.data = institute.kind.value
    if form.validate_on_submit():
        if form.version.data != institute.version:
            abort(409)
        try:
            update_institute(institute, actor=current_user, **_values(form))
        except InstituteError as error:
            _report(form, error)
        else:
            flash(_("The institute %(name)s is saved.", name=institute.name), "success")
            return redirect(url_for("institutes.index"))
    return render_template("institutes/form.html", form=form, institute=institute)


@bp.route("/<int:institute_id>/activate", methods=["POST"])
@requires(PERMISSION)
def activate(institute_id: int) -> Response:
    return _set_active(institute_id, True)


@bp.route("/<int:institute_id>/deactivate", methods=["POST"])
@requires(PERMISSION)
def deactivate(institute_id: int) -> Response:
    return _set_active(institute_id, False)


def _set_active(institute_id: int, active: bool) -> Response:
    institute = db.get_or_404(Institute, institute_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    set_institute_active(institute, active, actor=current_user)
    if active:
        flash(_("The institute %(name)s is active.", name=institute.name), "success")
    else:
        flash(_("The institute %(name)s is deactivated.", name=institute.name), "success")
    return redirect(url_for("institutes.index"))
