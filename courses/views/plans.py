"""The annual plan: axes, revisions, publishing, copying to next year, targets, planned vs delivered.

Every page here is for network admins (``courses.manage-plan``, granted only by a network-wide admin role). The
planned-vs-delivered page is network-wide too: an institute director follows their institute in the progress
reports (``courses.view-reports``), not here.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from sonores_lms.export import csv_response
from sonores_lms.extensions import db
from sonores_lms.forms import ConfirmForm
from sonores_lms.institutes.choices import country_names
from sonores_lms.navigation import NavItem
from sonores_lms.pagination import ListPage
from sonores_lms.permissions import ROLE_TITLES, Role, requires
from sonores_lms.signals import nav_items

from ..blueprint import blueprint
from ..delivered import (
    GROUPING_TITLES,
    Figures,
    Grouping,
    institute_labels,
    network_countries,
    rebuild_plan,
    rebuilt_at,
)
from ..models import PLAN_STATUS_TITLES, Axis, Plan, PlanStatus, Target
from ..plan_forms import EVERY_INSTITUTE, AxisForm, CopyForm, DeliveredFilterForm, PlanForm, PlanTextsForm, TargetForm
from ..plans import (
    add_target,
    authoring_url,
    covered_counts,
    create_plan_with_axes,
    describe_problems,
    plan_targets,
    remove_target,
    revisions_of_year,
    track_labels,
    update_axis,
    update_plan_texts,
    update_target,
)
from ..queries import delivered_table, latest_plan_year, plan_for_page, plans_by_year
from ..revisions import PlanError, copy_to_year, draft_for, publish, publish_problems

PERMISSION = "courses.manage-plan"
TARGETS_PER_PAGE = 50


def _nav(_sender: Any) -> NavItem:
    return NavItem("courses.plans_index", _l("Training plan"), weight=30, section="admin", permission=PERMISSION)


def connect(plugin: Any) -> None:
    """Connect this area's signal receivers (navigation, dashboard widgets, ...) through ``plugin.connect``."""
    plugin.connect(nav_items, _nav)


def _context(**values: Any) -> dict[str, Any]:
    return {"status_titles": PLAN_STATUS_TITLES, "authoring_url": authoring_url, **values}


def _load_plan(plan_id: int, **loading: bool) -> Plan:
    """The plan or 404, with what the page shows (see ``plan_for_page``)."""
    plan = plan_for_page(plan_id, **loading)
    if plan is None:
        abort(404)
    return plan


def _plan_url(plan: Plan) -> str:
    return url_for("courses.plans_detail", plan_id=plan.id)


# -- list and creation ------------------------------------------------------------------------------------------


@blueprint.route("/plans/")
@requires(PERMISSION)
def plans_index() -> str:
    return render_template("courses/plans/index.html", **_context(plans=plans_by_year()))


@blueprint.route("/plans/new", methods=["GET", "POST"])
@requires(PERMISSION)
def plans_create() -> str | Response:
    form = PlanForm()
    if not form.is_submitted():
        latest = latest_plan_year()
        form.year.data = (latest + 1) if latest else None
    if form.validate_on_submit():
        try:
            plan = create_plan_with_axes(form.year.data, form.titles(), actor=current_user)
        except PlanError as error:
            form.year.errors = [*form.year.errors, str(error.message)]
        else:
            flash(_("The plan %(year)s is created as a draft.", year=plan.year), "success")
            return redirect(_plan_url(plan))
    return render_template("courses/plans/new.html", form=form)


# -- one plan ---------------------------------------------------------------------------------------------------


@blueprint.route("/plans/<int:plan_id>")
@requires(PERMISSION)
def plans_detail(plan_id: int) -> str:
    plan = _load_plan(plan_id, tree=True, draft_lessons=True)
    problems = describe_problems(plan, publish_problems(plan)) if plan.status == PlanStatus.DRAFT else []
    return render_template(
        "courses/plans/detail.html",
        **_context(
            plan=plan,
            problems=problems,
            revisions=revisions_of_year(plan.year),
            confirm=ConfirmForm(),
            targets=len(plan_targets(plan)),
        ),
    )


@blueprint.route("/plans/<int:plan_id>/edit", methods=["GET", "POST"])
@requires(PERMISSION)
def plans_edit(plan_id: int) -> str | Response:
    """The plan's title and description in each language: a plan copied from last year is renamed here."""
    plan = _load_plan(plan_id)
    if plan.status != PlanStatus.DRAFT:
        flash(_("A published or archived plan is not edited: start a new revision first."), "warning")
        return redirect(_plan_url(plan))
    form = PlanTextsForm()
    if not form.is_submitted():
        form.fill(plan)
    if form.validate_on_submit():
        try:
            update_plan_texts(plan, form.texts(), reviewed=form.reviewed(), actor=current_user)
        except PlanError as error:
            form.title_fr.errors = [*form.title_fr.errors, str(error.message)]
        else:
            flash(_("The plan is saved."), "success")
            return redirect(_plan_url(plan))
    return render_template("courses/plans/plan_form.html", **_context(plan=plan, form=form))


@blueprint.route("/plans/<int:plan_id>/axes/<int:axis_id>/edit", methods=["GET", "POST"])
@requires(PERMISSION)
def plans_axis_edit(plan_id: int, axis_id: int) -> str | Response:
    plan = _load_plan(plan_id)
    axis = db.session.get(Axis, axis_id)
    if axis is None or axis.plan_id != plan.id:
        abort(404)
    if plan.status != PlanStatus.DRAFT:
        flash(_("A published or archived plan is not edited: start a new revision first."), "warning")
        return redirect(_plan_url(plan))
    form = AxisForm()
    if not form.is_submitted():
        form.fill(axis)
    if form.validate_on_submit():
        try:
            update_axis(axis, form.texts(), reviewed=form.reviewed(), actor=current_user)
        except PlanError as error:
            form.title_fr.errors = [*form.title_fr.errors, str(error.message)]
        else:
            flash(_("The axis is saved."), "success")
            return redirect(_plan_url(plan))
    return render_template("courses/plans/axis_form.html", **_context(plan=plan, axis=axis, form=form))


@blueprint.route("/plans/<int:plan_id>/revision", methods=["POST"])
@requires(PERMISSION)
def plans_new_revision(plan_id: int) -> Response:
    plan = _load_plan(plan_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        draft = draft_for(plan, actor=current_user)
    except PlanError as error:
        flash(str(error.message), "error")
        return redirect(_plan_url(plan))
    if draft.id != plan.id:
        flash(_("Revision %(revision)s is the draft where the plan is edited.", revision=draft.revision), "success")
    return redirect(_plan_url(draft))


@blueprint.route("/plans/<int:plan_id>/publish", methods=["GET", "POST"])
@requires(PERMISSION)
def plans_publish(plan_id: int) -> str | Response:
    """GET asks for confirmation (no JavaScript needed); POST publishes, or lists what stops it."""
    plan = _load_plan(plan_id)
    if plan.status != PlanStatus.DRAFT:
        flash(_("Only a draft can be published."), "warning")
        return redirect(_plan_url(plan))
    plan = _load_plan(plan_id, tree=True, lessons=True)  # the checks read every lesson
    form = ConfirmForm()
    previous = next((p for p in revisions_of_year(plan.year) if p.status == PlanStatus.PUBLISHED), None)
    if form.validate_on_submit():
        try:
            publish(plan, actor=current_user)
        except PlanError as error:
            flash(str(error.message), "error")
            problems = describe_problems(plan, error.problems)
        else:
            flash(_("Revision %(revision)s of the plan %(year)s is published.", revision=plan.revision,
                    year=plan.year), "success")  # fmt: skip
            return redirect(_plan_url(plan))
    else:
        problems = describe_problems(plan, publish_problems(plan))
    return render_template(
        "courses/plans/publish.html", **_context(plan=plan, form=form, problems=problems, previous=previous)
    )


@blueprint.route("/plans/<int:plan_id>/copy", methods=["GET", "POST"])
@requires(PERMISSION)
def plans_copy(plan_id: int) -> str | Response:
    plan = _load_plan(plan_id)
    form = CopyForm()
    if not form.is_submitted():
        form.year.data = plan.year + 1
    if form.validate_on_submit():
        try:
            copy = copy_to_year(plan, form.year.data, actor=current_user)
        except PlanError as error:
            form.year.errors = [*form.year.errors, str(error.message)]
        else:
            flash(_("The plan is copied to %(year)s as a draft.", year=copy.year), "success")
            return redirect(_plan_url(copy))
    return render_template("courses/plans/copy.html", **_context(plan=plan, form=form))


# -- targets ----------------------------------------------------------------------------------------------------


def _target_form(plan: Plan, *, current: int | None = None) -> TargetForm:
    form = TargetForm()
    form.fill(plan, current=current)
    return form


def _save_target(plan: Plan, form: TargetForm, target: Target | None) -> bool:
    values = {"track_uid": form.track.data, "role": Role(form.role.data), "institute_id": form.institute_id()}
    try:
        if target is None:
            add_target(plan, actor=current_user, **values)
        else:
            update_target(target, actor=current_user, **values)
    except PlanError as error:
        form.form_errors.append(str(error.message))
        return False
    return True


@blueprint.route("/plans/<int:plan_id>/targets", methods=["GET", "POST"])
@requires(PERMISSION)
def plans_targets(plan_id: int) -> str | Response:
    plan = _load_plan(plan_id, tracks=True)
    form = _target_form(plan)
    if not form.listing_institutes and form.validate_on_submit() and _save_target(plan, form, None):
        flash(_("The target is added."), "success")
        return redirect(url_for("courses.plans_targets", plan_id=plan.id))
    # A network's plan may ask a track of the directors of hundreds of institutes: a page of them at a time.
    page = ListPage.of(plan_targets(plan), request.args.get("page", 1, type=int) or 1, TARGETS_PER_PAGE)
    targets = page.items
    return render_template(
        "courses/plans/targets.html",
        **_context(
            plan=plan,
            form=form,
            targets=targets,
            page=page,
            covered=covered_counts(plan),
            track_labels=track_labels(plan),
            institutes=institute_labels(target.institute_id for target in targets),
            countries=country_names(),
            role_titles=ROLE_TITLES,
        ),
    )


def _load_target(plan: Plan, target_id: int) -> Target:
    target = db.session.get(Target, target_id)
    if target is None or target.plan_id != plan.id:
        abort(404)
    return target


@blueprint.route("/plans/<int:plan_id>/targets/<int:target_id>/edit", methods=["GET", "POST"])
@requires(PERMISSION)
def plans_target_edit(plan_id: int, target_id: int) -> str | Response:
    plan = _load_plan(plan_id, tracks=True)
    target = _load_target(plan, target_id)
    form = _target_form(plan, current=target.institute_id)
    if not form.is_submitted():
        form.track.data = target.track_uid
        form.role.data = target.role.value
        form.institute.data = str(target.institute_id) if target.institute_id else EVERY_INSTITUTE
    if not form.listing_institutes and form.validate_on_submit() and _save_target(plan, form, target):
        flash(_("The target is saved."), "success")
        return redirect(url_for("courses.plans_targets", plan_id=plan.id))
    return render_template("courses/plans/target_form.html", **_context(plan=plan, target=target, form=form))


@blueprint.route("/plans/<int:plan_id>/targets/<int:target_id>/delete", methods=["POST"])
@requires(PERMISSION)
def plans_target_delete(plan_id: int, target_id: int) -> Response:
    plan = _load_plan(plan_id)
    target = _load_target(plan, target_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        remove_target(target, actor=current_user)
    except PlanError as error:
        flash(str(error.message), "error")
    else:
        flash(_("The target is removed."), "success")
    return redirect(url_for("courses.plans_targets", plan_id=plan.id))


# -- planned vs delivered ---------------------------------------------------------------------------------------


INSTITUTES_PER_PAGE = 50


def _delivered(plan: Plan, *, paginate: bool = True) -> dict[str, Any]:
    """Filters read from the query string, the rows (labelled and sorted) and the total. Grouped by institute, the
    page shows 50 rows at a time (the network has thousands of institutes); the CSV has them all."""
    filters = DeliveredFilterForm(request.args)
    filters.fill(plan, network_countries())
    grouping, axis_id, country = filters.grouping(), filters.axis_id(), filters.chosen_country()
    rows, total = delivered_table(plan, grouping, axis_id=axis_id, country=country)
    page = None
    if paginate and grouping is Grouping.INSTITUTE:
        page = ListPage.of(rows, request.args.get("page", 1, type=int) or 1, INSTITUTES_PER_PAGE)
        rows = page.items
    return {
        "filters": filters,
        "grouping": grouping,
        "group_title": GROUPING_TITLES[grouping],
        "rows": rows,
        "page": page,
        "total": total,
        "rebuilt_at": rebuilt_at(plan),
        "query": {k: v for k, v in (("group", grouping.value), ("axis", axis_id), ("country", country)) if v},
    }


@blueprint.route("/plans/<int:plan_id>/delivered")
@requires(PERMISSION)
def plans_delivered(plan_id: int) -> str:
    plan = _load_plan(plan_id, axes=True)
    return render_template(
        "courses/plans/delivered.html", **_context(plan=plan, confirm=ConfirmForm(), **_delivered(plan))
    )


@blueprint.route("/plans/<int:plan_id>/delivered/recompute", methods=["POST"])
@requires(PERMISSION)
def plans_delivered_recompute(plan_id: int) -> Response:
    """Rebuild the plan's figures now, in this request (a plain form: no JavaScript needed)."""
    plan = _load_plan(plan_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    rebuild_plan(plan)
    flash(_("The figures are recomputed."), "success")
    kept = {k: v for k in ("group", "axis", "country") if (v := request.args.get(k, "")) and len(v) <= 40}
    return redirect(url_for("courses.plans_delivered", plan_id=plan.id, **kept))


@blueprint.route("/plans/<int:plan_id>/delivered.csv")
@requires(PERMISSION)
def plans_delivered_csv(plan_id: int) -> Response:
    plan = _load_plan(plan_id, axes=True)
    data = _delivered(plan, paginate=False)
    header = [
        data["group_title"],
        _("Targeted"),
        _("Enrolled"),
        _("Enrolled (percent)"),
        _("In progress"),
        _("In progress (percent)"),
        _("Done"),
        _("Done (percent)"),
    ]

    def line(label: str, f: Figures) -> list[Any]:
        return [label, f.targeted, f.enrolled, f.enrolled_percent, f.in_progress, f.in_progress_percent, f.done,
                f.done_percent]  # fmt: skip

    rows = [line(label, figures) for label, figures in data["rows"]]
    rows.append(line(_("Total (distinct people)"), data["total"]))
    return csv_response(f"plan-{plan.year}-r{plan.revision}-{data['grouping'].value}.csv", header, rows)
