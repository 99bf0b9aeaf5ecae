"""Campaigns (network administrators): open one on a published template, follow its audits, assign auditors."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response

from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.forms import ConfirmForm, choices
from sonores_lms.institutes.choices import country_names
from sonores_lms.institutes.models import Institute
from sonores_lms.institutes.queries import MAX_LISTED
from sonores_lms.navigation import NavItem
from sonores_lms.pagination import page_arg, paginate
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import Role, requires
from sonores_lms.search import fold
from sonores_lms.signals import nav_items

from .. import states
from ..blueprint import blueprint
from ..campaign_forms import AssignCountryForm, AssignForm, CampaignForm, Listed
from ..campaigns import (
    CampaignError,
    CampaignPlan,
    assign_auditor,
    assign_auditor_to_country,
    country_counts,
    institutes_of,
    open_campaign,
    plan_campaign,
    unassign_auditor,
)
from ..models import Audit, AuditorAssignment, AuditState, Campaign, Template, TemplateStatus

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


def _directory() -> list[Listed]:
    """The network's active institutes, as the typed list and the checklist know them."""
    rows = db.session.execute(
        select(Institute.id, Institute.name, Institute.city, Institute.country)
        .where(Institute.active.is_(True))
        .order_by(Institute.name, Institute.city)
    )
    return [Listed(row.id, row.name, row.city, row.country) for row in rows]


def _country_choices(counts: dict[str, int]) -> list[Any]:
    """Countries with active institutes, named in the reader's language, each with its number of institutes."""
    names = country_names()
    ordered = sorted(counts, key=lambda code: names.get(code, code))
    return choices(
        (
            code,
            ngettext("%(country)s: %(num)d institute", "%(country)s: %(num)d institutes", counts[code],
                     country=names.get(code, code)),
        )
        for code in ordered
    )  # fmt: skip


def _shown(directory: list[Listed], search: str, chosen: set[int]) -> tuple[list[Listed], bool, int | None]:
    """The institutes the checklist shows: those matching the search (every word, in the name or the city), all
    of them in a network small enough, none otherwise; the ones already ticked always, so that unticking stays
    possible. Then whether the list waits for a search, and the number of matches when there was one."""
    words = fold(search).split()
    if words:
        matching = [i for i in directory if all(w in fold(f"{i.name} {i.city}") for w in words)]
    elif len(directory) <= MAX_LISTED:
        return directory, False, None
    else:
        matching = []
    ids = {i.id for i in matching}
    shown = [i for i in directory if i.id in ids or i.id in chosen]
    return shown, not words, (len(matching) if words else None)


def _campaign_form(today: date, directory: list[Listed]) -> CampaignForm:
    form = CampaignForm()
    form.today = today
    form.directory = directory
    form.template.choices = _template_choices()
    form.countries.choices = _country_choices(country_counts())
    form.institutes.choices = choices((i.id, i.name) for i in directory)
    form.auditors.choices = choices(auditor_choices())
    return form


def _render_form(form: CampaignForm, directory: list[Listed], status: int = 200) -> tuple[str, int]:
    chosen = set(form.institutes.data or [])
    shown, waiting, matched = _shown(directory, form.search.data or "", chosen)
    return render_template(
        "checklists/campaigns/new.html",
        form=form,
        shown=shown,
        chosen=chosen,
        waiting=waiting,
        matched=matched,
        names=country_names(),
    ), status


def _render_plan(form: CampaignForm, plan: CampaignPlan, status: int = 200, changed: Any = None) -> tuple[str, int]:
    form.expected.data = str(plan.count)
    form.expected_digest.data = plan.digest
    auditors = dict(auditor_choices())
    names = country_names()
    return render_template(
        "checklists/campaigns/confirm.html",
        form=form,
        plan=plan,
        groups=sorted(plan.by_country.items(), key=lambda pair: names.get(pair[0], pair[0])),
        changed=changed,
        names=names,
        template=db.session.get(Template, form.template.data),
        auditors=[auditors[i] for i in form.auditors.data or [] if i in auditors],
    ), status


@blueprint.route("/campaigns/new", methods=["GET", "POST"])
@requires(MANAGE)
def new_campaign() -> Any:
    """Three steps, without JavaScript: the form (its search re-lists institutes and keeps what was filled), the
    confirmation (what would open, carried back with its count and digest), then opening. A network that changed
    between the last two steps shows the confirmation again, with a 409, rather than opening something else."""
    today = utcnow().date()
    directory = _directory()
    form = _campaign_form(today, directory)
    if request.method == "GET":
        year = today.year + (1 if today.month >= 10 else 0)
        form.year.data = year
        form.period_start.data, form.period_end.data = date(year - 1, 1, 1), date(year - 1, 12, 31)
        form.search.data = request.args.get("search", "")[:100]
        return _render_form(form, directory)
    step = request.form.get("step", "review")
    if step in ("search", "edit"):  # nothing is checked or written: the form again, as it was filled
        return _render_form(form, directory)
    if not form.validate():
        return _render_form(form, directory, 400)
    template = db.session.get(Template, form.template.data)
    if template is None:
        abort(400)
    plan = plan_campaign(
        template,
        year=form.year.data,
        institute_ids=form.wanted_ids(institutes_of(form.countries.data or [])),
        review_deadline=form.review_deadline.data,
        self_deadline=form.self_deadline.data,
    )
    if not plan.count:
        form.institutes.errors = [
            _("Every chosen institute already has an audit this year on this questionnaire.")
            if plan.skipped
            else _("Choose countries or institutes.")
        ]
        return _render_form(form, directory, 400)
    if step != "confirm" or not form.expected.data:
        return _render_plan(form, plan)
    if form.expected.data != str(plan.count) or form.expected_digest.data != plan.digest:
        changed = ngettext(
            "The network changed since the confirmation was shown: this campaign would now open %(num)d audit, "
            "not %(seen)s. Check the list, then confirm again.",
            "The network changed since the confirmation was shown: this campaign would now open %(num)d audits, "
            "not %(seen)s. Check the list, then confirm again.",
            plan.count,
            seen=form.expected.data[:6],
        )
        return _render_plan(form, plan, 409, changed=changed)
    if plan.exposed and not form.hurricane_ok.data:
        form.hurricane_ok.errors = [_("Confirm the reviews during the hurricane season, or change the deadline.")]
        return _render_plan(form, plan, 400)
    try:
        campaign = open_campaign(
            template,
            year=form.year.data,
            title=form.title.data.strip(),
            period=(form.period_start.data, form.period_end.data),
            self_deadline=form.self_deadline.data,
            review_deadline=form.review_deadline.data,
            institute_ids=plan.ids,
            auditor_ids=[i for i in form.auditors.data or [] if i in dict(auditor_choices())],
            actor=current_user,
            today=today,
        )
    except CampaignError:  # checked above: only a race with another administrator lands here
        form.institutes.errors = [_("Audits were opened for some of these institutes meanwhile: review again.")]
        return _render_form(form, directory, 409)
    flash(
        ngettext(
            "Campaign opened: %(num)d audit; the institute is told by mail.",
            "Campaign opened: %(num)d audits; the institutes are told by mail.",
            plan.count,
        ),
        "success",
    )
    return redirect(url_for("checklists.campaign", uid=campaign.uid))


def _campaign_or_404(uid: str) -> Campaign:
    campaign = db.session.scalar(select(Campaign).where(Campaign.uid == uid))
    if campaign is None:
        abort(404)
    return campaign


def _filters() -> dict[str, str]:
    """The campaign page's country and state filters from the query string (anything else is ignored)."""
    country = request.args.get("country", "").strip().upper()
    state = request.args.get("state", "").strip()
    return {
        "country": country if len(country) == 2 and country.isalpha() else "",
        "state": state if state in {s.value for s in AuditState} else "",
    }


def _back(campaign: Campaign) -> Response:
    """Back to the campaign page, on the page and filters the form was sent from."""
    args = {k: v for k, v in _filters().items() if v}
    page = request.args.get("page", "")
    if page.isdigit() and len(page) < 8:
        args["page"] = page
    return redirect(url_for("checklists.campaign", uid=campaign.uid, **args))


def _campaign_countries(campaign: Campaign) -> dict[str, int]:
    rows = db.session.execute(
        select(Institute.country, func.count())
        .join(Audit, Audit.institute_id == Institute.id)
        .where(Audit.campaign_id == campaign.id)
        .group_by(Institute.country)
    )
    return {country: int(count) for country, count in rows}


def _country_form(counts: dict[str, int], *, submitted: bool = False) -> AssignCountryForm:
    names = country_names()
    form = AssignCountryForm() if submitted else AssignCountryForm(formdata=None)
    form.country.choices = choices(
        (code, ngettext("%(country)s: %(num)d audit", "%(country)s: %(num)d audits", counts[code],
                        country=names.get(code, code)))
        for code in sorted(counts, key=lambda code: names.get(code, code))
    )  # fmt: skip
    form.auditor.choices = choices(auditor_choices())
    return form


@blueprint.route("/campaigns/<uid>")
@requires(MANAGE)
def campaign(uid: str) -> str:
    campaign = _campaign_or_404(uid)
    filters = _filters()
    query = (
        select(Audit)
        .options(selectinload(Audit.auditors).joinedload(AuditorAssignment.user))
        .join(Institute, Institute.id == Audit.institute_id)
        .where(Audit.campaign_id == campaign.id)
        .order_by(Institute.country, Institute.name)
    )
    if filters["country"]:
        query = query.where(Institute.country == filters["country"])
    if filters["state"]:
        query = query.where(Audit.state == AuditState(filters["state"]))
    page = paginate(query, page=page_arg(), per_page=PER_PAGE)
    by_state = dict(
        db.session.execute(
            select(Audit.state, func.count()).where(Audit.campaign_id == campaign.id).group_by(Audit.state)
        )
        .tuples()
        .all()
    )
    counts = _campaign_countries(campaign)
    country_form = _country_form(counts)
    country_form.country.data = filters["country"] or None
    names = country_names()
    return render_template(
        "checklists/campaigns/campaign.html",
        campaign=campaign,
        page=page,
        by_state=by_state,
        auditors=auditor_choices(),
        country_form=country_form,
        countries=sorted(counts.items(), key=lambda pair: names.get(pair[0], pair[0])),
        names=names,
        filters=filters,
        args={k: v for k, v in filters.items() if v},
        STATE_TITLES=states.STATE_TITLES,
    )


@blueprint.route("/campaigns/<uid>/auditors/country", methods=["POST"])
@requires(MANAGE)
def assign_country(uid: str) -> Response:
    """One auditor for every audit of a country in this campaign, in one step (those already assigned kept)."""
    campaign = _campaign_or_404(uid)
    form = _country_form(_campaign_countries(campaign), submitted=True)
    if not form.validate():
        abort(400)
    user = db.session.get(User, form.auditor.data)
    if user is None:
        abort(400)
    added, kept = assign_auditor_to_country(campaign, form.country.data, user, actor=current_user)
    country = country_names().get(form.country.data, form.country.data)
    message = ngettext(
        "%(name)s reviews %(num)d more audit in %(country)s.",
        "%(name)s reviews %(num)d more audits in %(country)s.",
        added,
        name=user.full_name,
        country=country,
    )
    if kept:
        message += " " + ngettext(
            "%(num)d audit had this auditor already.", "%(num)d audits had this auditor already.", kept
        )
    flash(message, "success")
    return redirect(url_for("checklists.campaign", uid=campaign.uid, country=form.country.data))


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
    return _back(campaign)


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
    return _back(campaign)
