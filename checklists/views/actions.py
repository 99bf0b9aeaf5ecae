"""The action plan of an audit, on its results page: add an action from gaps, update an action's status."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from sonores_lms.extensions import db
from sonores_lms.forms import choices
from sonores_lms.people.models import User
from sonores_lms.permissions import signed_in

from .. import access
from ..action_forms import ActionForm, ActionStatusForm
from ..actions import add_action, update_action
from ..blueprint import blueprint
from ..models import Action, Audit, Item
from ..queries import audit_by_uid


def connect(_plugin: Any) -> None:
    """Reached from the results page."""


def may_plan(user: Any, audit: Audit) -> bool:
    """The institute's people and its auditors write the plan together."""
    return access.can_fill(user, audit) or access.can_review(user, audit)


def owner_choices(audit: Audit) -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(User.id, User.first_name, User.last_name)
        .where(User.institute_id == audit.institute_id, User.active.is_(True))
        .order_by(User.last_name, User.first_name)
        .limit(500)
    )
    return [(row.id, f"{row.first_name} {row.last_name}") for row in rows]


def action_form(audit: Audit, codes: list[str] | None = None) -> ActionForm:
    """The form of a new action; it offers the audit's largest gaps (``codes``), or every item when sent."""
    form = ActionForm()
    if codes is None:
        codes = list(
            db.session.scalars(
                select(Item.code).where(Item.template_id == audit.campaign.template_id).order_by(Item.code)
            )
        )
    form.codes.choices = choices((code, code) for code in codes)
    form.owner.choices = choices([(0, "—"), *owner_choices(audit)])
    return form


@blueprint.route("/audits/<uid>/actions", methods=["POST"])
@signed_in
def add_action_view(uid: str) -> Any:
    audit = audit_by_uid(uid)
    if audit is None:
        abort(404)
    if not may_plan(current_user, audit):
        abort(403)
    form = action_form(audit)
    if not form.validate():
        from .results import results_page

        return results_page(audit, action_form=form, status=400)
    owner = form.owner.data or None
    add_action(
        audit,
        title=form.title.data.strip(),
        codes=form.codes.data,
        owner_id=owner,
        due_on=form.due_on.data,
        actor=current_user,
    )
    flash(_("Action added to the plan."), "success")
    return redirect(url_for("checklists.results", uid=audit.uid, _anchor="plan"))


@blueprint.route("/actions/<uid>", methods=["POST"])
@signed_in
def update_action_view(uid: str) -> Response:
    action = db.session.scalar(select(Action).where(Action.uid == uid))
    if action is None:
        abort(404)
    audit = db.session.get(Audit, action.audit_id)
    if audit is None or not may_plan(current_user, audit):
        abort(403)
    form = ActionStatusForm()
    if not form.validate():
        abort(400)
    update_action(action, status=form.status_value(), note=(form.note.data or "").strip() or None, actor=current_user)
    flash(_("Action updated."), "success")
    return redirect(url_for("checklists.results", uid=audit.uid, _anchor="plan"))
