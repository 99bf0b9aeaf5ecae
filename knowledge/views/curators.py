"""Naming curators: administrators give the ``knowledge.curate`` permission to people of their choosing."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from sonores_lms.extensions import db
from sonores_lms.forms import ConfirmForm
from sonores_lms.people.models import User
from sonores_lms.permissions import requires

from .. import queries, resources
from ..blueprint import blueprint
from ..forms import CuratorForm
from .resources import _user


@blueprint.route("/curators", methods=["GET", "POST"])
@requires("knowledge.curate")
def curators() -> str | Response:
    form = CuratorForm()
    if form.validate_on_submit():
        email = (form.email.data or "").strip().lower()
        person = db.session.scalar(select(User).where(func.lower(User.email) == email))
        if person is None or not person.active:
            form.email.errors = [_("Nobody active has this email address.")]
        else:
            if resources.name_curator(person, actor=_user()):
                flash(_("%(name)s is now a curator.", name=person.full_name), "success")
            else:
                flash(_("%(name)s was already a curator.", name=person.full_name), "info")
            return redirect(url_for("knowledge.curators"))
    return render_template("knowledge/curators.html", form=form, curators=queries.curators(), confirm=ConfirmForm())


@blueprint.route("/curators/<int:user_id>/remove", methods=["POST"])
@requires("knowledge.curate")
def remove_curator(user_id: int) -> Response:
    person = db.session.get(User, user_id)
    if person is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    resources.remove_curator(person, actor=_user())
    flash(_("%(name)s is no longer a curator.", name=person.full_name), "success")
    return redirect(url_for("knowledge.curators"))
