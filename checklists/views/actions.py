"""The action plan of an audit, on its results page: add an action from gaps, update an action (status, cost,
effect, evidence of completion, reason for dropping), the auditor's agreement, and the completion files."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from sonores_lms.extensions import db
from sonores_lms.forms import ConfirmForm, choices
from sonores_lms.people.models import User
from sonores_lms.permissions import requires, signed_in

from .. import access
from ..action_forms import ActionForm, ActionStatusForm
from ..actions import add_action, agree_plan, update_action
from ..blueprint import blueprint
from ..evidence import EvidenceError, attach_to_action, check, max_bytes, read_limited, send_evidence
from ..models import Action, ActionEvidence, Audit, Item
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
        cost_band=form.cost_value(),
        expected_effect=form.effect_value(),
    )
    flash(_("Action added to the plan."), "success")
    return redirect(url_for("checklists.results", uid=audit.uid, _anchor="plan"))


def _action_and_audit(uid: str) -> tuple[Action, Audit]:
    action = db.session.scalar(select(Action).where(Action.uid == uid))
    if action is None:
        abort(404)
    audit = db.session.get(Audit, action.audit_id)
    if audit is None:
        abort(404)
    return action, audit


@blueprint.route("/actions/<uid>", methods=["POST"])
@signed_in
def update_action_view(uid: str) -> Any:
    """A status change; a refused one re-renders the results page with the messages on that action's form."""
    action, audit = _action_and_audit(uid)
    if not may_plan(current_user, audit):
        abort(403)
    form = ActionStatusForm()
    form.has_evidence = bool(action.evidence)
    from .results import results_page

    if not form.validate():
        return results_page(audit, status_forms={action.uid: form}, status=400)
    content = b""
    if form.has_file():
        upload = form.file.data
        content = read_limited(upload.stream, max_bytes())
        try:
            check(content, upload.filename)
        except EvidenceError as error:
            form.file.errors = [error.message]
            return results_page(audit, status_forms={action.uid: form}, status=413 if error.too_large else 400)
        attach_to_action(action, content, upload.filename, actor=current_user)
    update_action(
        action,
        status=form.status_value(),
        note=(form.note.data or "").strip() or None,
        drop_reason=(form.drop_reason.data or "").strip() or None,
        cost_band=form.cost_value(),
        expected_effect=form.effect_value(),
        actor=current_user,
    )
    flash(_("Action updated."), "success")
    return redirect(url_for("checklists.results", uid=audit.uid, _anchor="plan"))


@blueprint.route("/audits/<uid>/actions/agree", methods=["POST"])
@requires("checklists.review")
def agree_plan_view(uid: str) -> Response:
    """The auditor records that they agree with the plan as it stands."""
    audit = audit_by_uid(uid)
    if audit is None:
        abort(404)
    if not access.can_review(current_user, audit):
        abort(403)
    if not ConfirmForm().validate():
        abort(400)
    if agree_plan(audit, actor=current_user):
        flash(_("You agreed with the action plan."), "success")
    else:
        flash(_("Every action of the plan was already agreed."), "info")
    return redirect(url_for("checklists.results", uid=audit.uid, _anchor="plan"))


@blueprint.route("/action-evidence/<uid>")
@signed_in
def action_evidence_file(uid: str) -> Response:
    """Evidence that an action was done, for the people who may see its audit; others get 404, as for a file that
    does not exist."""
    evidence = db.session.scalar(select(ActionEvidence).where(ActionEvidence.uid == uid))
    if evidence is None:
        abort(404)
    audit = db.session.get(Audit, evidence.action.audit_id)
    if audit is None or not access.can_see(current_user, audit):
        abort(404)
    return send_evidence(evidence)
