"""Campaigns (network administrators): open one on a published template, follow its audits, assign auditors."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response

from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.forms import ConfirmForm, choices
from sonores_lms.institutes.choices import countries_named
from sonores_lms.institutes.models import Institute
from sonores_lms.institutes.queries import countries_with_institutes, institute_choices
from sonores_lms.navigation import NavItem
from sonores_lms.pagination import page_arg, paginate
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import Role, requires
from sonores_lms.signals import nav_items

from .. import states
from ..blueprint import blueprint
from ..campaign_forms import AssignForm, CampaignForm
from ..campaigns import assign_auditor, open_campaign, unassign_auditor
from ..models import Audit, AuditorAssignment, Campaign, Template, TemplateStatus

MANAGE = "checklists.manage"
PER_PAGE = 100


def _nav(_sender: Any) -> NavItem:
    return NavItem("checklists.campaigns", _l("Audit campaigns"), weight=46, section="admin", permission=MANAGE)


def connect(plugin: Any) -> None:
    plugin.connect(nav_items, _nav)


def auditor_choices() -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(User.id, User.first_name, User.last_name)
        .join(RoleAssignment, RoleAssignment.user_id == User.id)
        .where(RoleAssignment.role == Role.AUDITOR, User.active.is_(True))
        .distinct()
        .order_by(User.last_name, User.first_name)
    )
    return [(row.id, f"{row.first_name} {row.last_name}") for row in rows]


@blueprint.route("/campaigns/")
@requires(MANAGE)
def campaigns() -> str:
    counts = dict(
        db.session.execute(select(Audit.campaign_id, func.count()).group_by(Audit.campaign_id)).tuples().all()
    )
    rows = list(db.session.scalars(select(Campaign).order_by(Campaign.year.desc(), Campaign.id.desc())))
    return render_template("checklists/campaigns/index.html", campaigns=rows, counts=counts)


def _template_choices() -> list[Any]:
    rows = db.session.scalars(
        select(Template)
        .where(Template.status == TemplateStatus.PUBLISHED)
        .order_by(Template.year.desc(), Template.code, Template.version_number.desc())
    )
    return choices((t.id, f"{t.text('title')} · v{t.version_number}") for t in rows)


@blueprint.route("/campaigns/new", methods=["GET", "POST"])
@requires(MANAGE)
def new_campaign() -> Any:
    today = utcnow().date()
    form = CampaignForm()
    form.today = today
    form.template.choices = _template_choices()
    form.countries.choices = countries_named(countries_with_institutes())
    form.institutes.choices = choices(institute_choices())
    form.auditors.choices = choices(auditor_choices())
    if request.method == "GET":
        year = today.year + (1 if today.month >= 10 else 0)
        form.year.data = year
        form.period_start.data, form.period_end.data = date(year - 1, 1, 1), date(year - 1, 12, 31)
    if form.validate_on_submit():
        template = db.session.get(Template, form.template.data)
        if template is None:
            abort(400)
        wanted = set(form.institutes.data or [])
        if form.countries.data:
            wanted |= set(
                db.session.scalars(
                    select(Institute.id).where(Institute.country.in_(form.countries.data), Institute.active.is_(True))
                )
            )
        taken = set(
            db.session.scalars(
                select(Audit.institute_id)
                .join(Campaign, Campaign.id == Audit.campaign_id)
                .where(Campaign.year == form.year.data, Campaign.template_id == template.id)
            )
        )
        if wanted & taken:
            form.institutes.errors = [_("Some of these institutes already have an audit this year on this template.")]
        else:
            campaign = open_campaign(
                template,
                year=form.year.data,
                title=form.title.data.strip(),
                period=(form.period_start.data, form.period_end.data),
                self_deadline=form.self_deadline.data,
                review_deadline=form.review_deadline.data,
                institute_ids=wanted,
                auditor_ids=[i for i in form.auditors.data or [] if i in dict(auditor_choices())],
                actor=current_user,
                today=today,
            )
            flash(
                _("Campaign opened: %(count)s audits; the institutes are told by mail.", count=len(wanted)),
                "success",
            )
            return redirect(url_for("checklists.campaign", uid=campaign.uid))
    status = 400 if request.method == "POST" else 200
    return render_template("checklists/campaigns/new.html", form=form), status


def _campaign_or_404(uid: str) -> Campaign:
    campaign = db.session.scalar(select(Campaign).where(Campaign.uid == uid))
    if campaign is None:
        abort(404)
    return campaign


@blueprint.route("/campaigns/<uid>")
@requires(MANAGE)
def campaign(uid: str) -> str:
    campaign = _campaign_or_404(uid)
    query = (
        select(Audit)
        .options(selectinload(Audit.auditors).joinedload(AuditorAssignment.user))
        .join(Institute, Institute.id == Audit.institute_id)
        .where(Audit.campaign_id == campaign.id)
        .order_by(Institute.country, Institute.name)
    )
    page = paginate(query, page=page_arg(), per_page=PER_PAGE)
    by_state = dict(
        db.session.execute(
            select(Audit.state, func.count()).where(Audit.campaign_id == campaign.id).group_by(Audit.state)
        )
        .tuples()
        .all()
    )
    form = AssignForm(formdata=None)
    form.auditor.choices = choices(auditor_choices())
    return render_template(
        "checklists/campaigns/campaign.html",
        campaign=campaign,
        page=page,
        by_state=by_state,
        form=form,
        auditors=auditor_choices(),
        STATE_TITLES=states.STATE_TITLES,
    )


@blueprint.route("/campaigns/<uid>/audits/<audit_uid>/auditors", methods=["POST"])
@requires(MANAGE)
def assign(uid: str, audit_uid: str) -> Response:
    campaign = _campaign_or_404(uid)
    audit = db.session.scalar(select(Audit).where(Audit.uid == audit_uid, Audit.campaign_id == campaign.id))
    if audit is None:
        abort(404)
    form = AssignForm()
    form.auditor.choices = choices(auditor_choices())
    if not form.validate():
        abort(400)
    user = db.session.get(User, form.auditor.data)
    if user is None:
        abort(400)
    assign_auditor(audit, user, actor=current_user)
    flash(_("%(name)s reviews %(institute)s.", name=user.full_name, institute=audit.institute.name), "success")
    return redirect(url_for("checklists.campaign", uid=campaign.uid, page=request.args.get("page", 1)))


@blueprint.route("/campaigns/<uid>/audits/<audit_uid>/auditors/<int:user_id>/remove", methods=["POST"])
@requires(MANAGE)
def unassign(uid: str, audit_uid: str, user_id: int) -> Response:
    campaign = _campaign_or_404(uid)
    audit = db.session.scalar(select(Audit).where(Audit.uid == audit_uid, Audit.campaign_id == campaign.id))
    if audit is None or not any(a.user_id == user_id for a in audit.auditors):
        abort(404)
    if not ConfirmForm().validate():
        abort(400)
    unassign_auditor(audit, user_id, actor=current_user)
    flash(_("Auditor withdrawn."), "success")
    return redirect(url_for("checklists.campaign", uid=campaign.uid, page=request.args.get("page", 1)))
