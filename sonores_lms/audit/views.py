"""Routes of the audit pages: the log, filtered and paginated, and its CSV export."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint, g, render_template, request
from flask_babel import get_timezone
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import DateField, SelectField, StringField
from wtforms.validators import Length, Optional, ValidationError

from ..database import utcnow
from ..navigation import NavItem
from ..pagination import page_arg
from ..permissions import VIEW_AUDIT_LOG, requires
from ..signals import nav_items
from .export import audit_csv_response
from .present import present, vocabularies
from .queries import AuditFilters, entries_page, present_actions

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")

PER_PAGE = 50

ACTION_LABELS: dict[str, Any] = {
    "core.sign-in": _l("Signed in"),
    "core.sign-in-failed": _l("Failed sign-in"),
    "core.sign-in-failures-notified": _l("Warned of wrong passwords on their account"),
    "core.sign-out": _l("Signed out"),
    "core.password-reset-requested": _l("Password reset requested"),
    "core.password-reset": _l("Password reset"),
    "core.password-changed": _l("Password changed"),
    "core.invitation-accepted": _l("Invitation accepted"),
    "core.profile-updated": _l("Profile updated"),
    "core.admin-created": _l("Administrator created"),
    "core.setting-changed": _l("Setting changed"),
    "core.role-granted": _l("Role granted"),
    "core.role-revoked": _l("Role revoked"),
    "core.user-deactivated": _l("Person deactivated"),
    "core.user-reactivated": _l("Person reactivated"),
    "core.person-invited": _l("Person invited"),
    "core.invitation-sent": _l("Invitation sent"),
    "core.person-updated": _l("Person updated"),
    "core.people-imported": _l("People imported"),
    "core.institute-created": _l("Institute created"),
    "core.institute-updated": _l("Institute updated"),
    "core.institute-activated": _l("Institute activated"),
    "core.institute-deactivated": _l("Institute deactivated"),
    "core.demo-loaded": _l("Demo data loaded"),
}


def all_action_labels() -> dict[str, Any]:
    """The core's labels and those the enabled plugins contribute through ``audit-action-labels``."""
    if "_audit_labels" not in g:
        labels = dict(ACTION_LABELS)
        for vocabulary in vocabularies():
            labels.update(vocabulary.actions)
        g._audit_labels = labels
    return g._audit_labels


def action_label(code: str, labels: dict[str, Any] | None = None) -> str:
    """A readable name for an action code; codes nobody labelled show as they are."""
    label = (labels if labels is not None else all_action_labels()).get(code)
    return str(label) if label is not None else code


@nav_items.connect
def _nav(_sender: Any) -> NavItem:
    return NavItem("audit.index", _l("Audit log"), weight=80, section="admin", permission=VIEW_AUDIT_LOG.name)


class AuditFilterForm(FlaskForm):
    """Read from the query string: a GET form needs no CSRF token and can be bookmarked."""

    class Meta:
        csrf = False

    action = SelectField(_l("Action"), validators=[Optional()])
    actor = StringField(_l("Who (name or email)"), validators=[Optional(), Length(max=200)])
    target = StringField(_l("Target"), validators=[Optional(), Length(max=200)])
    date_from = DateField(_l("From"), validators=[Optional()])
    date_to = DateField(_l("To"), validators=[Optional()])

    def validate_date_to(self, field: DateField) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("The end date is before the start date."))

    def filters(self) -> AuditFilters:
        return AuditFilters(
            action=self.action.data or None,
            actor=(self.actor.data or "").strip() or None,
            target=(self.target.data or "").strip() or None,
            date_from=self.date_from.data,
            date_to=self.date_to.data,
        )


def _reader_zone() -> ZoneInfo:
    return ZoneInfo(str(get_timezone() or "UTC"))


def _filter_form() -> AuditFilterForm:
    form = AuditFilterForm(formdata=request.args)
    form.action.choices = [("", _l("All actions"))] + [(code, action_label(code)) for code in present_actions()]
    return form


def _filter_args() -> dict[str, str]:
    """The filters as query-string values, for pagination and export links."""
    keys = ("action", "actor", "target", "date_from", "date_to")
    return {key: request.args[key] for key in keys if request.args.get(key)}


@bp.route("/")
@requires(VIEW_AUDIT_LOG)
def index() -> str:
    form = _filter_form()
    valid = form.validate()
    page = None
    if valid:
        page = entries_page(form.filters(), _reader_zone(), page=page_arg(), per_page=PER_PAGE)
    return render_template(
        "audit/index.html",
        form=form,
        page=page,
        presented=present(page.items) if page is not None else {},
        args=_filter_args(),
        action_label=action_label,
    )


@bp.route("/export.csv")
@requires(VIEW_AUDIT_LOG)
def export() -> str | Response:
    form = _filter_form()
    if not form.validate():
        return render_template(
            "audit/index.html", form=form, page=None, presented={}, args={}, action_label=action_label
        )
    return audit_csv_response(form.filters(), _reader_zone(), label=action_label, now=utcnow())
